//go:build js && wasm

// Package fetchtest replaces the page's fetch with a scripted one for tests,
// the way net/http/httptest stands in for a server.
package fetchtest

import (
	"net/http"
	"sync"
	"syscall/js"
	"testing"
)

// Call is what the page passed to fetch.
type Call struct {
	URL, Method, Redirect, Credentials string
	Header                             http.Header
	HasBody                            bool
}

// Answer is how the fake fetch settles.
type Answer struct {
	// Status 0 settles with Response.error(), what a refused redirect looks like.
	Status int
	Body   string
	Header map[string]string
	// Reject, when set, rejects the promise with a TypeError of that message,
	// as fetch does when no answer arrives.
	Reject string
	// Hold, when set, delays settling until it is closed.
	Hold <-chan struct{}
	// Stall makes the body a stream that sends Body and then nothing more,
	// as a body trickling in or held up does, until the reader cancels it.
	Stall bool
}

// Fetch is an installed fake fetch.
type Fetch struct {
	mu        sync.Mutex
	calls     []Call
	answer    func(Call) Answer
	cancelled int
	// funcs are the stalled bodies' callbacks, released when the test ends.
	funcs []js.Func
}

// Install makes globalThis.fetch answer with answer until the test ends.
func Install(t testing.TB, answer func(Call) Answer) *Fetch {
	f := &Fetch{answer: answer}
	global := js.Global()
	original := global.Get("fetch")
	fn := js.FuncOf(f.fetch)
	global.Set("fetch", fn)
	t.Cleanup(func() {
		global.Set("fetch", original)
		fn.Release()
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, fn := range f.funcs {
			fn.Release()
		}
	})
	return f
}

// Cancelled counts the stalled bodies whose reader cancelled them.
func (f *Fetch) Cancelled() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cancelled
}

// Calls returns every call so far.
func (f *Fetch) Calls() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Call(nil), f.calls...)
}

func (f *Fetch) fetch(this js.Value, args []js.Value) any {
	call := Call{URL: args[0].String(), Method: "GET", Header: http.Header{}}
	if len(args) > 1 && args[1].Truthy() {
		opt := args[1]
		call.Method = stringOr(opt.Get("method"), "GET")
		call.Redirect = stringOr(opt.Get("redirect"), "")
		call.Credentials = stringOr(opt.Get("credentials"), "")
		call.HasBody = opt.Get("body").Truthy()
		if h := opt.Get("headers"); h.Truthy() {
			it := js.Global().Get("Headers").New(h).Call("entries")
			for n := it.Call("next"); !n.Get("done").Bool(); n = it.Call("next") {
				call.Header.Add(n.Get("value").Index(0).String(), n.Get("value").Index(1).String())
			}
		}
	}
	f.mu.Lock()
	f.calls = append(f.calls, call)
	f.mu.Unlock()
	a := f.answer(call)

	var executor js.Func
	executor = js.FuncOf(func(this js.Value, args []js.Value) any {
		executor.Release()
		resolve, reject := args[0], args[1]
		go func() {
			if a.Hold != nil {
				<-a.Hold
			}
			if a.Reject != "" {
				reject.Invoke(js.Global().Get("TypeError").New(a.Reject))
				return
			}
			resolve.Invoke(f.response(a))
		}()
		return nil
	})
	return js.Global().Get("Promise").New(executor)
}

func (f *Fetch) response(a Answer) js.Value {
	class := js.Global().Get("Response")
	if a.Status == 0 {
		return class.Call("error")
	}
	headers := js.Global().Get("Headers").New()
	for k, v := range a.Header {
		headers.Call("set", k, v)
	}
	init := js.Global().Get("Object").New()
	init.Set("status", a.Status)
	init.Set("headers", headers)
	body := js.Null()
	switch {
	case a.Stall:
		body = f.stalledBody(a.Body)
	case a.Body != "":
		body = js.ValueOf(a.Body)
	}
	return class.New(body, init)
}

// stalledBody is a stream that sends text and then waits, counting its
// cancellation.
func (f *Fetch) stalledBody(text string) js.Value {
	start := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if text != "" {
			args[0].Call("enqueue", js.Global().Get("TextEncoder").New().Call("encode", text))
		}
		return nil
	})
	cancel := js.FuncOf(func(js.Value, []js.Value) any {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.cancelled++
		return nil
	})
	f.mu.Lock()
	f.funcs = append(f.funcs, start, cancel)
	f.mu.Unlock()
	return js.Global().Get("ReadableStream").New(map[string]any{"start": start, "cancel": cancel})
}

func stringOr(v js.Value, fallback string) string {
	if v.Type() != js.TypeString {
		return fallback
	}
	return v.String()
}
