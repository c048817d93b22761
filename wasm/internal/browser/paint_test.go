//go:build js && wasm

package browser

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestAfterNextPaint(t *testing.T) {
	for _, tc := range []struct {
		name string
		// hide stands in for a page that gets no frames.
		hide bool
	}{
		{name: "a drawn page waits for its next frame"},
		{name: "a page without frames waits for the fallback", hide: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.hide {
				restore := script(`(() => { const raf = globalThis.requestAnimationFrame;
					globalThis.requestAnimationFrame = () => 0;
					return () => { globalThis.requestAnimationFrame = raf; }; })()`)
				defer restore.Invoke()
			}
			framed := script(`(() => { const seen = { frame: false };
				requestAnimationFrame(() => { seen.frame = true; }); return seen; })()`)
			began := time.Now()
			AfterNextPaint()
			waited := time.Since(began)
			if tc.hide {
				assert.GreaterOrEqual(t, waited, paintFallback)
			} else {
				assert.True(t, framed.Get("frame").Bool(), "returned before the frame")
				assert.Less(t, waited, paintFallback)
			}
		})
	}
}

// Many waits in a row leave no timer or frame behind that would call a
// released function after the wait.
func TestAfterNextPaintLeavesNothingPending(t *testing.T) {
	// syscall/js reports a call to a released function on console.error.
	errors := script(`(() => { const seen = [], error = console.error;
		console.error = (...args) => { seen.push(args.join(' ')); error(...args); };
		seen.restore = () => { console.error = error; };
		return seen; })()`)
	defer errors.Call("restore")
	for range 20 {
		AfterNextPaint()
	}
	time.Sleep(paintFallback + 50*time.Millisecond)
	assert.Equal(t, 0, errors.Length(), "console errors after the waits: %s", errors.Call("join", "; "))
}
