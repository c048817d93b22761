//go:build js && wasm

package jsbridge

import (
	"errors"
	"syscall/js"
)

// Await waits for the promise p to settle and returns its value, or its
// rejection as an error. Both callbacks are released once it settles.
//
// It blocks, so it must run in a goroutine, never in a JS callback or event
// listener: the promise can only settle after the callback has returned.
func Await(p js.Value) (js.Value, error) {
	type settled struct {
		value js.Value
		err   error
	}
	done := make(chan settled, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- settled{value: first(args)}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- settled{err: jsError(first(args))}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	js.Global().Get("Promise").Call("resolve", p).Call("then", ok, fail)
	s := <-done
	return s.value, s.err
}

func first(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}

// jsError turns a rejection reason into a Go error with its message.
func jsError(reason js.Value) error {
	if reason.Type() == js.TypeObject {
		if msg := reason.Get("message"); msg.Type() == js.TypeString && msg.String() != "" {
			return errors.New(msg.String())
		}
	}
	if reason.Type() == js.TypeString {
		return errors.New(reason.String())
	}
	return errors.New(js.Global().Get("String").Invoke(reason).String())
}

// Call runs fn and reports a thrown exception as an error: the extension
// APIs throw synchronously for bad arguments or a missing permission.
func Call(fn func() js.Value) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			if jsErr, ok := r.(js.Error); ok {
				err = jsError(jsErr.Value)
				return
			}
			panic(r)
		}
	}()
	return fn(), nil
}
