//go:build js && wasm

// Package jsbridge adapts browser APIs to the plain Go interfaces of the
// other packages.
package jsbridge

import (
	"net/http"
	"syscall/js"

	"github.com/syumai/tinyutil/httputil"
)

// FetchDoer sends requests with the browser's fetch through tinyutil's client,
// which keeps net/http's own transport out of the wasm binary. It satisfies
// epic.Doer.
//
// fetch is asked not to follow redirects (redirect "manual"): a redirect comes
// back as status 0 and the token goes nowhere else. It is also made to omit
// credentials (see omitCredentials), so no cookie travels with the token.
type FetchDoer struct {
	Client *httputil.Client
}

// NewFetchDoer returns a FetchDoer on tinyutil's default client, and makes
// the page's fetch omit credentials.
func NewFetchDoer() FetchDoer {
	omitCredentials()
	return FetchDoer{Client: httputil.DefaultClient}
}

// omitsCredentials marks the fetch that omitCredentials put in place.
const omitsCredentials = "omitsCredentials"

// omitCredentials wraps the page's fetch so that every call has credentials
// "omit". An extension page's fetch sends the cookies of a host it holds a
// permission for, even with fetch's default "same-origin", and tinyutil
// passes on no credentials option. It wraps once: a fetch already marked is
// left alone.
func omitCredentials() {
	global := js.Global()
	fetch := global.Get("fetch")
	if fetch.Type() != js.TypeFunction || fetch.Get(omitsCredentials).Truthy() {
		return
	}
	fetch = fetch.Call("bind", global)
	object := global.Get("Object")
	// Lives as long as the page: it is the page's fetch from now on.
	wrapper := js.FuncOf(func(_ js.Value, args []js.Value) any {
		init := object.New()
		if len(args) > 1 && args[1].Type() == js.TypeObject {
			object.Call("assign", init, args[1])
		}
		init.Set("credentials", "omit")
		var input js.Value
		if len(args) > 0 {
			input = args[0]
		}
		return fetch.Invoke(input, init)
	})
	wrapper.Value.Set(omitsCredentials, true)
	global.Set("fetch", wrapper.Value)
}

// Do sends req with fetch. The redirect option travels as a pseudo-header,
// which tinyutil removes from req before it calls fetch.
func (d FetchDoer) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("js.fetch:redirect", "manual")
	// The marks let `make bench` split a click's time into the Go side's
	// and the network's.
	performance := js.Global().Get("performance")
	performance.Call("mark", "esk:request")
	resp, err := d.Client.Do(req)
	performance.Call("mark", "esk:answer")
	return resp, err
}
