//go:build !js

package fakeepic_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

func TestEveryEndpointRefusesBadAuthentication(t *testing.T) {
	const unknownHex = "0123456789abcdef0123456789abcdef"
	endpoints := []struct {
		method, path, query string
	}{
		{http.MethodDelete, killPath, "?killType=OTHERS"},
		{http.MethodDelete, killPath + "/" + unknownHex, ""},
		{http.MethodGet, verifyPath, "?includePerms=true"},
		{http.MethodGet, deviceAuthsPath(accountA), ""},
		{http.MethodDelete, deviceAuthsPath(accountA) + "/" + unknownHex, ""},
	}
	cases := []struct {
		name          string
		authorization func(live, killed, expired string) string
		code          string
		numeric       int
		message       func(path, token string) string
		token         func(live, killed, expired string) string // what messageVars quotes; "" means the path
	}{
		{
			name:          "missing header",
			authorization: func(_, _, _ string) string { return "" },
			code:          "errors.com.epicgames.common.authentication.authentication_failed", numeric: 1032,
			message: func(path, _ string) string { return "Authentication failed for " + path },
		},
		{
			name:          "basic scheme",
			authorization: func(live, _, _ string) string { return "basic " + live },
			code:          "errors.com.epicgames.common.authentication.authentication_failed", numeric: 1032,
			message: func(path, _ string) string { return "Authentication failed for " + path },
		},
		{
			name:          "bearer without token",
			authorization: func(_, _, _ string) string { return "bearer" },
			code:          "errors.com.epicgames.common.authentication.authentication_failed", numeric: 1032,
			message: func(path, _ string) string { return "Authentication failed for " + path },
		},
		{
			name:          "token without scheme",
			authorization: func(live, _, _ string) string { return live },
			code:          "errors.com.epicgames.common.authentication.authentication_failed", numeric: 1032,
			message: func(path, _ string) string { return "Authentication failed for " + path },
		},
		{
			name:          "malformed",
			authorization: func(_, _, _ string) string { return "bearer not-a-token" },
			code:          "errors.com.epicgames.common.oauth.invalid_token", numeric: 1014,
			message: func(_, token string) string { return "Malformed auth token [" + token + "]" },
			token:   func(_, _, _ string) string { return "not-a-token" },
		},
		{
			name:          "31 hex chars",
			authorization: func(_, _, _ string) string { return "bearer " + unknownHex[1:] },
			code:          "errors.com.epicgames.common.oauth.invalid_token", numeric: 1014,
			message: func(_, token string) string { return "Malformed auth token [" + token + "]" },
			token:   func(_, _, _ string) string { return unknownHex[1:] },
		},
		{
			name:          "unknown hex",
			authorization: func(_, _, _ string) string { return "bearer " + unknownHex },
			code:          "errors.com.epicgames.account.auth_token.invalid_access_token", numeric: 18071,
			message: func(_, token string) string { return "Sorry the access token '" + token + "' is invalid" },
			token:   func(_, _, _ string) string { return unknownHex },
		},
		{
			name:          "unknown eg1",
			authorization: func(_, _, _ string) string { return "bearer eg1~abc.def.ghi" },
			code:          "errors.com.epicgames.account.auth_token.invalid_access_token", numeric: 18071,
			message: func(_, token string) string { return "Sorry the access token '" + token + "' is invalid" },
			token:   func(_, _, _ string) string { return "eg1~abc.def.ghi" },
		},
		{
			name:          "killed",
			authorization: func(_, killed, _ string) string { return "bearer " + killed },
			code:          "errors.com.epicgames.account.auth_token.invalid_access_token", numeric: 18071,
			message: func(_, token string) string { return "Sorry the access token '" + token + "' is invalid" },
			token:   func(_, killed, _ string) string { return killed },
		},
		{
			name:          "expired",
			authorization: func(_, _, expired string) string { return "bearer " + expired },
			code:          "errors.com.epicgames.common.authentication.token_verification_failed", numeric: 1031,
			message: func(_, token string) string {
				return "Sorry we couldn't validate your token " + token + ". Please try with a new token."
			},
			token: func(_, _, expired string) string { return expired },
		},
	}
	for _, ep := range endpoints {
		for _, tc := range cases {
			t.Run(ep.method+" "+ep.path+"/"+tc.name, func(t *testing.T) {
				s := fakeepic.New()
				clock := newFakeClock()
				s.SetClock(clock.Now)
				live := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
				killed := s.Issue(fakeepic.Grant{AccountID: accountA})
				requireNoContent(t, call(t, s, http.MethodDelete, killPath+"/"+killed, bearer(killed)))
				expired := s.Issue(fakeepic.Grant{AccountID: accountA, ExpiresIn: time.Hour})
				clock.Advance(time.Hour)
				var quoted string
				if tc.token != nil {
					quoted = tc.token(live, killed, expired)
				}
				wantVars := []string{quoted}
				if quoted == "" {
					wantVars = []string{ep.path}
				}

				e := requireError(t, call(t, s, ep.method, ep.path+ep.query, tc.authorization(live, killed, expired)), http.StatusUnauthorized)

				assert.Equal(t, tc.code, e.ErrorCode)
				assert.Equal(t, tc.numeric, e.NumericErrorCode)
				assert.Equal(t, tc.message(ep.path, quoted), e.ErrorMessage)
				assert.Equal(t, wantVars, e.MessageVars)
				assert.Empty(t, e.Error, "authentication errors are not OAuth errors")
				assert.True(t, s.Alive(live), "a refused request kills nothing")
			})
		}
	}
}

func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	for _, scheme := range []string{"bearer", "Bearer", "BEARER", "bEaReR"} {
		t.Run(scheme, func(t *testing.T) {
			s := fakeepic.New()
			token := s.Issue(fakeepic.Grant{AccountID: accountA})

			rec := call(t, s, http.MethodGet, verifyPath, scheme+" "+token)

			assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		})
	}
}

func TestExpiryFollowsTheClock(t *testing.T) {
	cases := []struct {
		name      string
		expiresIn time.Duration
		elapsed   time.Duration
		alive     bool
	}{
		{"default lifetime, fresh", 0, 8*time.Hour - time.Millisecond, true},
		{"default lifetime, over", 0, 8 * time.Hour, false},
		{"short lifetime, fresh", time.Minute, 59 * time.Second, true},
		{"short lifetime, over", time.Minute, time.Minute, false},
		{"issued expired", -time.Second, 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			clock := newFakeClock()
			s.SetClock(clock.Now)
			token := s.Issue(fakeepic.Grant{AccountID: accountA, ExpiresIn: tc.expiresIn})

			clock.Advance(tc.elapsed)

			assert.Equal(t, tc.alive, s.Alive(token))
			wantStatus := http.StatusUnauthorized
			if tc.alive {
				wantStatus = http.StatusOK
			}
			assert.Equal(t, wantStatus, call(t, s, http.MethodGet, verifyPath, bearer(token)).Code)
		})
	}
}

func TestAliveIsFalseForUnknownTokens(t *testing.T) {
	s := fakeepic.New()
	for _, token := range []string{"", "0123456789abcdef0123456789abcdef", "eg1~x"} {
		assert.False(t, s.Alive(token), token)
	}
}
