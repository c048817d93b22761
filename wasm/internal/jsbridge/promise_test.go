//go:build js && wasm

package jsbridge

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// script evaluates JavaScript source in the test page and returns its value.
func script(src string) js.Value {
	return js.Global().Get("Function").New("return (" + src + ");").Invoke()
}

func TestAwait(t *testing.T) {
	for _, tc := range []struct {
		name      string
		promise   string
		want      string
		wantError string
	}{
		{name: "resolved", promise: `Promise.resolve("yes")`, want: "yes"},
		{name: "resolved later", promise: `new Promise(ok => setTimeout(() => ok("late"), 20))`, want: "late"},
		{name: "a plain value", promise: `"plain"`, want: "plain"},
		{name: "rejected with an Error", promise: `Promise.reject(new TypeError("no cookies here"))`, wantError: "no cookies here"},
		{name: "rejected with a string", promise: `Promise.reject("refused")`, wantError: "refused"},
		{name: "rejected with a number", promise: `Promise.reject(42)`, wantError: "42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Await(script(tc.promise))
			if tc.wantError != "" {
				require.EqualError(t, err, tc.wantError)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, v.String())
		})
	}
}

func TestCallTurnsAThrowIntoAnError(t *testing.T) {
	thrower := script(`() => { throw new Error("Invalid url") }`)
	_, err := Call(func() js.Value { return thrower.Invoke() })
	require.EqualError(t, err, "Invalid url")

	v, err := Call(func() js.Value { return js.ValueOf(7) })
	require.NoError(t, err)
	assert.Equal(t, 7, v.Int())
}
