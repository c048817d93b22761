//go:build js && wasm

// Package jsbridge adapts browser APIs to the plain Go interfaces of the
// other packages.
package jsbridge

import (
	"net/http"

	"github.com/syumai/tinyutil/httputil"
)

// FetchDoer sends requests with the browser's fetch through tinyutil's client,
// which keeps net/http's own transport out of the wasm binary. It satisfies
// epic.Doer.
//
// fetch is asked not to follow redirects (redirect "manual"): a redirect comes
// back as status 0 and the token goes nowhere else. Credentials stay at
// fetch's default "same-origin", so no cookie goes to Epic's host from the
// extension's own origin.
type FetchDoer struct {
	Client *httputil.Client
}

// NewFetchDoer returns a FetchDoer on tinyutil's default client.
func NewFetchDoer() FetchDoer { return FetchDoer{Client: httputil.DefaultClient} }

// Do sends req with fetch. The redirect option travels as a pseudo-header,
// which tinyutil removes from req before it calls fetch.
func (d FetchDoer) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("js.fetch:redirect", "manual")
	return d.Client.Do(req)
}
