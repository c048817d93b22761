//go:build js && wasm

package browser

import (
	"syscall/js"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
)

// Cookies reads the browser's cookies. The API exists only once the user
// has granted the optional "cookies" permission and the site's host access.
type Cookies struct{}

// Get returns the value of the cookie name that the browser would send to
// url, and whether there is one.
func (Cookies) Get(url, name string) (string, bool, error) {
	cookies, err := api("cookies")
	if err != nil {
		return "", false, err
	}
	p, err := jsbridge.Call(func() js.Value {
		return cookies.Call("get", map[string]any{"url": url, "name": name})
	})
	if err != nil {
		return "", false, err
	}
	c, err := jsbridge.Await(p)
	if err != nil {
		return "", false, err
	}
	if !c.Truthy() || c.Get("value").Type() != js.TypeString {
		return "", false, nil
	}
	return c.Get("value").String(), true, nil
}
