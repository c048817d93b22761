//go:build js && wasm

package browser

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

// The test page is an ordinary web page: every adapter must say so instead
// of failing obscurely.
func TestAdaptersOutsideAnExtensionSayWhy(t *testing.T) {
	_, err := SessionStorage{}.Load("token")
	require.ErrorContains(t, err, "not running as an extension page")

	_, err = Permissions{}.Contains(Access{Origins: []string{"https://www.epicgames.com/*"}})
	require.ErrorContains(t, err, "not running as an extension page")

	granted, err := Permissions{}.Request(Access{Permissions: []string{"cookies"}})()
	require.ErrorContains(t, err, "not running as an extension page")
	assert.False(t, granted)

	_, _, err = Cookies{}.Get("https://www.epicgames.com/", "EPIC_BEARER_TOKEN")
	require.ErrorContains(t, err, "not running as an extension page")
}

func TestOnlineFollowsNavigator(t *testing.T) {
	assert.Equal(t, js.Global().Get("navigator").Get("onLine").Truthy(), Online())
}
