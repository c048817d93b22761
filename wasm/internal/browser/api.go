//go:build js && wasm

// Package browser adapts the extension APIs the popup uses (storage.session,
// permissions, cookies) and a few page APIs (navigator.onLine, the
// clipboard) to plain Go. It holds no rules: the popup package decides, this
// package only calls the browser, through jsbridge's promise helpers.
package browser

import (
	"errors"
	"syscall/js"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
)

// extensionAPI is Firefox's promise-based browser namespace where it
// exists, else Chrome's chrome namespace, which returns promises in MV3.
func extensionAPI() (js.Value, error) {
	g := js.Global()
	for _, name := range []string{"browser", "chrome"} {
		if ns := g.Get(name); ns.Truthy() && ns.Get("runtime").Truthy() {
			return ns, nil
		}
	}
	return js.Undefined(), errors.New("the popup is not running as an extension page")
}

// api returns extensionAPI's namespace's member, such as "storage".
func api(member string) (js.Value, error) {
	ns, err := extensionAPI()
	if err != nil {
		return ns, err
	}
	v := ns.Get(member)
	if !v.Truthy() {
		return v, &explain.UnsupportedError{API: member}
	}
	return v, nil
}
