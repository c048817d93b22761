//go:build !js

package fakeepic_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

const (
	killPath   = "/account/api/oauth/sessions/kill"
	verifyPath = "/account/api/oauth/verify"
)

// epicErrorFields is the exact key set of Epic's error body.
var epicErrorFields = []string{"errorCode", "errorMessage", "messageVars", "numericErrorCode", "originatingService", "intent"}

// oauthErrorFields is the key set of an OAuth-style error.
var oauthErrorFields = append([]string{"error", "error_description"}, epicErrorFields...)

type epicError struct {
	ErrorCode          string   `json:"errorCode"`
	ErrorMessage       string   `json:"errorMessage"`
	MessageVars        []string `json:"messageVars"`
	NumericErrorCode   int      `json:"numericErrorCode"`
	OriginatingService string   `json:"originatingService"`
	Intent             string   `json:"intent"`
	Error              string   `json:"error"`
	ErrorDescription   string   `json:"error_description"`
}

// call sends one request straight to the handler and checks what every
// answer must carry: a correlation id and no CORS header.
func call(t *testing.T, h http.Handler, method, target, authorization string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assertEpicHeaders(t, rec.Result().Header)
	return rec
}

func bearer(token string) string { return "bearer " + token }

func kill(t *testing.T, h http.Handler, token, killType string) *httptest.ResponseRecorder {
	t.Helper()
	return call(t, h, http.MethodDelete, killPath+"?killType="+killType, bearer(token))
}

func assertEpicHeaders(t *testing.T, h http.Header) {
	t.Helper()
	assert.NotEmpty(t, h.Get("X-Epic-Correlation-ID"), "X-Epic-Correlation-ID")
	for name := range h {
		assert.False(t, strings.HasPrefix(strings.ToLower(name), "access-control-"), "CORS header %s", name)
	}
}

// requireNoContent checks Epic's 204: empty body, no content type, no caching.
func requireNoContent(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	require.Equal(t, http.StatusNoContent, rec.Code, rec.Body.String())
	assert.Empty(t, rec.Body.String())
	assert.Empty(t, rec.Header().Values("Content-Type"))
	assert.Equal(t, "no-cache, no-store, no-transform", rec.Header().Get("Cache-Control"))
}

// decodeError checks an error answer's status, content type, exact fields
// and X-Epic-Error-* headers, and returns the body.
func decodeError(t *testing.T, header http.Header, body []byte) epicError {
	t.Helper()
	require.Equal(t, "application/json", header.Get("Content-Type"), string(body))
	var fields map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(body, &fields), string(body))
	var e epicError
	require.NoError(t, json.Unmarshal(body, &e))
	want := epicErrorFields
	if e.Error != "" {
		want = oauthErrorFields
	}
	assert.ElementsMatch(t, want, keys(fields), string(body))
	assert.NotNil(t, e.MessageVars, "messageVars must be a list, never null")
	assert.Equal(t, "com.epicgames.account.public", e.OriginatingService)
	assert.Equal(t, "prod", e.Intent)
	assert.Equal(t, e.ErrorCode, header.Get("X-Epic-Error-Name"))
	assert.Equal(t, strconv.Itoa(e.NumericErrorCode), header.Get("X-Epic-Error-Code"))
	return e
}

func requireError(t *testing.T, rec *httptest.ResponseRecorder, status int) epicError {
	t.Helper()
	require.Equal(t, status, rec.Code, rec.Body.String())
	return decodeError(t, rec.Header(), rec.Body.Bytes())
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 14, 15, 9, 26, 535_000_000, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// heldWaits stands in for the service's fault clock: every wait a fault
// begins lasts until the test calls pass, whatever its length, so the test
// decides when a fault's time is up instead of sleeping through it.
type heldWaits struct {
	asked  chan time.Duration // each wait, as it begins
	passed chan time.Time
}

func holdWaits(s *fakeepic.Service) *heldWaits {
	w := &heldWaits{asked: make(chan time.Duration, 100), passed: make(chan time.Time)}
	s.SetFaultClock(func(d time.Duration) <-chan time.Time {
		w.asked <- d
		return w.passed
	})
	return w
}

// begun returns the length of the next wait a fault begins.
func (w *heldWaits) begun(t *testing.T) time.Duration {
	t.Helper()
	return receive(t, w.asked, "the fault never began to wait")
}

// pass ends every wait, begun or to come.
func (w *heldWaits) pass() { close(w.passed) }

// receive returns what ch sends, failing the test if nothing comes within
// a bound generous enough for a loaded machine: it only stops a broken test
// from hanging.
func receive[T any](t *testing.T, ch <-chan T, failure string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal(failure)
		panic("unreachable")
	}
}

// serveTLS serves h as the browser tests do, until the test ends, and
// returns the server and a client that speaks HTTP/2 to it.
func serveTLS(t *testing.T, h http.Handler) (*fakeepic.TLSServer, *http.Client) {
	t.Helper()
	srv, err := fakeepic.ServeTLS(h, "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv, srv.Client()
}

// serveTLSOver is serveTLS with a client that speaks HTTP/major (1 or 2).
func serveTLSOver(t *testing.T, h http.Handler, major int) (*fakeepic.TLSServer, *http.Client) {
	t.Helper()
	srv, client := serveTLS(t, h)
	if major == 1 {
		var only1 http.Protocols
		only1.SetHTTP1(true)
		client.Transport.(*http.Transport).Protocols = &only1
	}
	return srv, client
}

// newRequest makes a request bearing token, if any.
func newRequest(t *testing.T, ctx context.Context, method, url, token string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", bearer(token))
	}
	return req
}

// killPerms holds DELETE on every account:token resource.
var killPerms = []fakeepic.Permission{{Resource: "account:token:*", Action: fakeepic.Delete}}

// deviceAuthsResource is the permission that guards device auths.
const deviceAuthsResource = "account:public:account:deviceAuths"

// deviceAuthPerms holds READ and DELETE on the caller's device auths.
var deviceAuthPerms = []fakeepic.Permission{{Resource: deviceAuthsResource, Action: fakeepic.Read | fakeepic.Delete}}

// deviceAuthsPath lists the account's device auths; + "/" + a device id
// deletes one.
func deviceAuthsPath(accountID string) string {
	return "/account/api/public/account/" + accountID + "/deviceAuth"
}
