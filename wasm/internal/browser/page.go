//go:build js && wasm

package browser

import (
	"syscall/js"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
)

// Online reports navigator.onLine: false means the browser knows it has no
// network, so a request cannot reach Epic.
func Online() bool {
	nav := js.Global().Get("navigator")
	return !nav.Truthy() || nav.Get("onLine").Truthy()
}

// WriteClipboard puts text on the clipboard. Like Request, it must be called
// from the user's click listener; the returned function waits for the result
// and must run in a goroutine.
func WriteClipboard(text string) func() error {
	clipboard := js.Global().Get("navigator").Get("clipboard")
	if !clipboard.Truthy() {
		return func() error { return &explain.UnsupportedError{API: "navigator.clipboard"} }
	}
	p, err := jsbridge.Call(func() js.Value { return clipboard.Call("writeText", text) })
	return func() error {
		if err != nil {
			return err
		}
		_, err := jsbridge.Await(p)
		return err
	}
}
