//go:build !js

package fakeepic_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

func TestUnknownPathIsNotFound(t *testing.T) {
	for _, target := range []string{
		"/",
		"/account/api/oauth/token",
		"/account/api/oauth/sessions",
		"/account/api/oauth/sessions/kill/",
		"/account/api/oauth/sessions/kill/a/b",
		"/account/api/oauth/verify/",
		"/ACCOUNT/api/oauth/verify",
	} {
		t.Run(target, func(t *testing.T) {
			s := fakeepic.New()
			token := s.Issue(fakeepic.Grant{AccountID: accountA})

			e := requireError(t, call(t, s, http.MethodGet, target, bearer(token)), http.StatusNotFound)

			assert.Equal(t, "errors.com.epicgames.common.not_found", e.ErrorCode)
			assert.Equal(t, 1004, e.NumericErrorCode)
			assert.Equal(t, "Sorry the resource you were trying to find could not be found", e.ErrorMessage)
		})
	}
}

func TestWrongMethodIsNotAllowed(t *testing.T) {
	const device = "/0123456789abcdef0123456789abcdef"
	cases := []struct {
		method, target, allow string
	}{
		{http.MethodOptions, killPath + "?killType=OTHERS", http.MethodDelete},
		{http.MethodGet, killPath + "?killType=OTHERS", http.MethodDelete},
		{http.MethodPost, killPath + "?killType=OTHERS", http.MethodDelete},
		{http.MethodOptions, killPath + device, http.MethodDelete},
		{http.MethodGet, killPath + device, http.MethodDelete},
		{http.MethodOptions, verifyPath, http.MethodGet},
		{http.MethodPost, verifyPath, http.MethodGet},
		{http.MethodDelete, verifyPath, http.MethodGet},
		{http.MethodHead, verifyPath, http.MethodGet},
		{http.MethodOptions, deviceAuthsPath(accountA), http.MethodGet},
		{http.MethodPost, deviceAuthsPath(accountA), http.MethodGet}, // Epic creates one; the fake does not
		{http.MethodDelete, deviceAuthsPath(accountA), http.MethodGet},
		{http.MethodOptions, deviceAuthsPath(accountA) + device, http.MethodDelete},
		{http.MethodGet, deviceAuthsPath(accountA) + device, http.MethodDelete}, // Epic shows one device auth; the fake does not
		{http.MethodPut, deviceAuthsPath(accountA) + device, http.MethodDelete},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			s := fakeepic.New()
			req := httptest.NewRequest(tc.method, tc.target, nil)
			// What a browser's preflight carries; the real service ignores it.
			req.Header.Set("Origin", "chrome-extension://abcdefghijklmnopabcdefghijklmnop")
			req.Header.Set("Access-Control-Request-Method", "DELETE")
			req.Header.Set("Access-Control-Request-Headers", "authorization")
			rec := httptest.NewRecorder()

			s.ServeHTTP(rec, req)

			assertEpicHeaders(t, rec.Header())
			assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
			assert.Equal(t, tc.allow, rec.Header().Get("Allow"))
			if tc.method == http.MethodHead {
				return // no body on HEAD
			}
			e := requireError(t, rec, http.StatusMethodNotAllowed)
			assert.Equal(t, "errors.com.epicgames.common.method_not_allowed", e.ErrorCode)
			assert.Equal(t, 1009, e.NumericErrorCode)
			assert.Equal(t, "Sorry the resource you were trying to find cannot be accessed with the HTTP method "+tc.method+".", e.ErrorMessage)
		})
	}
}

func TestCorrelationIDIsFreshForEveryAnswer(t *testing.T) {
	s := fakeepic.New()
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
	seen := map[string]bool{}
	for _, rec := range []*httptest.ResponseRecorder{
		kill(t, s, token, "OTHERS"),
		kill(t, s, token, "NOPE"),
		call(t, s, http.MethodGet, verifyPath, bearer(token)),
		call(t, s, http.MethodGet, "/nowhere", ""),
		call(t, s, http.MethodOptions, verifyPath, ""),
	} {
		id := rec.Header().Get("X-Epic-Correlation-ID")
		assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, id)
		assert.False(t, seen[id], "correlation id reused")
		seen[id] = true
	}
}

func TestSuccessCarriesNoErrorHeaders(t *testing.T) {
	s := fakeepic.New()
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
	for _, rec := range []*httptest.ResponseRecorder{
		call(t, s, http.MethodGet, verifyPath, bearer(token)),
		kill(t, s, token, "OTHERS"),
	} {
		assert.Less(t, rec.Code, 300)
		assert.Empty(t, rec.Header().Get("X-Epic-Error-Name"))
		assert.Empty(t, rec.Header().Get("X-Epic-Error-Code"))
	}
}
