//go:build js && wasm

package browser

import (
	"syscall/js"
	"time"
)

// paintFallback stands in for a frame in a page that is not drawn, such as
// a background tab, which gets no animation frames.
const paintFallback = 100 * time.Millisecond

// AfterNextPaint blocks until the browser has drawn what the page changed
// so far: the next animation frame, then a task after it (or paintFallback,
// whichever comes first). Work nobody waits for, done after it, keeps out
// of the way of what the person is waiting to see.
//
// It blocks, so it must run in a goroutine, never in a JS callback.
func AfterNextPaint() {
	global := js.Global()
	done := make(chan struct{}, 1)
	afterFrame := js.Undefined()
	next := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case done <- struct{}{}:
		default:
		}
		return nil
	})
	frame := js.FuncOf(func(js.Value, []js.Value) any {
		afterFrame = global.Call("setTimeout", next, 0)
		return nil
	})
	frameID := global.Call("requestAnimationFrame", frame)
	fallback := global.Call("setTimeout", next, paintFallback.Milliseconds())
	<-done
	// Go runs on before the browser regains control, so nothing pending
	// can call the functions once they are released.
	global.Call("cancelAnimationFrame", frameID)
	global.Call("clearTimeout", fallback)
	if !afterFrame.IsUndefined() {
		global.Call("clearTimeout", afterFrame)
	}
	frame.Release()
	next.Release()
}
