//go:build js && wasm

package browser

import (
	"syscall/js"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
)

// Access is a set of extension permissions and host origins, as the
// permissions API takes them.
type Access struct {
	Permissions []string
	Origins     []string
}

func (a Access) js() map[string]any {
	perms := make([]any, len(a.Permissions))
	for i, p := range a.Permissions {
		perms[i] = p
	}
	origins := make([]any, len(a.Origins))
	for i, o := range a.Origins {
		origins[i] = o
	}
	return map[string]any{"permissions": perms, "origins": origins}
}

// Permissions is the extension's permissions API.
type Permissions struct{}

// Contains reports whether the extension holds all of a now. Firefox lets the
// user revoke even required host access, so the popup asks before sending.
func (Permissions) Contains(a Access) (bool, error) {
	perms, err := api("permissions")
	if err != nil {
		return false, err
	}
	p, err := jsbridge.Call(func() js.Value { return perms.Call("contains", a.js()) })
	if err != nil {
		return false, err
	}
	v, err := jsbridge.Await(p)
	if err != nil {
		return false, err
	}
	return v.Truthy(), nil
}

// Request asks the user for a. Browsers show the prompt only while handling
// a user's click, so Request must be called synchronously from the click's
// listener; the returned function waits for the user's answer and must be
// called from a goroutine.
func (Permissions) Request(a Access) func() (bool, error) {
	perms, err := api("permissions")
	if err != nil {
		return func() (bool, error) { return false, err }
	}
	p, err := jsbridge.Call(func() js.Value { return perms.Call("request", a.js()) })
	if err != nil {
		return func() (bool, error) { return false, err }
	}
	return func() (bool, error) {
		v, err := jsbridge.Await(p)
		if err != nil {
			return false, err
		}
		return v.Truthy(), nil
	}
}

// Remove gives back the optional permissions and hosts in a. It waits for
// the browser, so it must be called from a goroutine.
func (Permissions) Remove(a Access) error {
	perms, err := api("permissions")
	if err != nil {
		return err
	}
	p, err := jsbridge.Call(func() js.Value { return perms.Call("remove", a.js()) })
	if err != nil {
		return err
	}
	_, err = jsbridge.Await(p)
	return err
}
