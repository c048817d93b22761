//go:build !js

package fakeepic_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

func TestEpicErrorFaultAnswersAnyEpicError(t *testing.T) {
	cases := []struct {
		name    string
		fault   fakeepic.Fault
		status  int
		code    string
		numeric int
		message string
		vars    []string
	}{
		{"too many sessions",
			fakeepic.EpicError(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048,
				"Sorry too many sessions have been issued for your account. Please try again later"),
			400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048,
			"Sorry too many sessions have been issued for your account. Please try again later", []string{}},
		{"capacity throttling without Retry-After",
			fakeepic.EpicError(429, "errors.com.epicgames.common.throttled", 1041,
				"Operation access is limited by throttling policy, please try again in 7 second(s).", "7"),
			429, "errors.com.epicgames.common.throttled", 1041,
			"Operation access is limited by throttling policy, please try again in 7 second(s).", []string{"7"}},
		{"not own session",
			fakeepic.EpicError(403, "errors.com.epicgames.account.auth_token.not_own_session_removal", 18040,
				"Sorry you cannot remove the auth session 50069c. It was not issued to you.", "50069c"),
			403, "errors.com.epicgames.account.auth_token.not_own_session_removal", 18040,
			"Sorry you cannot remove the auth session 50069c. It was not issued to you.", []string{"50069c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			srv := httptest.NewServer(s)
			defer srv.Close()
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultToken(caller, tc.fault)

			for range 2 { // a token's fault answers every request the same
				r := mustSend(t, srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)

				require.Equal(t, tc.status, r.status)
				e := decodeError(t, r.header, r.body)
				assert.Equal(t, tc.code, e.ErrorCode)
				assert.Equal(t, tc.numeric, e.NumericErrorCode)
				assert.Equal(t, tc.message, e.ErrorMessage)
				assert.Equal(t, tc.vars, e.MessageVars)
				assert.Empty(t, r.header.Get("Retry-After"))
			}
			assert.True(t, s.Alive(other), "a faulted request kills nothing")
		})
	}
}

func TestEpicErrorFaultKeepsItsOwnVars(t *testing.T) {
	vars := []string{"account:token:allSessionsForClient", "DELETE"}
	f := fakeepic.EpicError(403, "errors.com.epicgames.common.missing_permission", 1023, "Sorry", vars...)
	vars[0] = "changed"
	assert.Equal(t, "epic error 403 errors.com.epicgames.common.missing_permission", f.String())
	assert.NotEqual(t, fakeepic.Fault{}, f, "not the zero Fault")

	s := fakeepic.New()
	s.FaultNext(f)
	rec := call(t, s, http.MethodGet, verifyPath, "")
	e := requireError(t, rec, 403)
	assert.Equal(t, []string{"account:token:allSessionsForClient", "DELETE"}, e.MessageVars)
}
