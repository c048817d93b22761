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
	cases := []struct {
		method, target string
	}{
		{http.MethodOptions, killPath + "?killType=OTHERS"},
		{http.MethodGet, killPath + "?killType=OTHERS"},
		{http.MethodPost, killPath + "?killType=OTHERS"},
		{http.MethodOptions, killPath + "/0123456789abcdef0123456789abcdef"},
		{http.MethodGet, killPath + "/0123456789abcdef0123456789abcdef"},
		{http.MethodOptions, verifyPath},
		{http.MethodPost, verifyPath},
		{http.MethodDelete, verifyPath},
		{http.MethodHead, verifyPath},
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
