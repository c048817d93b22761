//go:build !js

package fakeepic_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

var hex32 = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestVerifyAnswersWithEpicsFieldNames(t *testing.T) {
	perms := []fakeepic.Permission{
		{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete},
		{Resource: "catalog:shared:*", Action: fakeepic.Read},
	}
	accountGrant := fakeepic.Grant{AccountID: accountA, DisplayName: "lele stw moment", ClientID: client1,
		ClientService: "launcher", Permissions: perms, ExpiresIn: 2 * time.Hour}
	clientGrant := fakeepic.Grant{ClientID: client2, ClientService: "fortnite", ExpiresIn: 2 * time.Hour}
	common := []string{"token", "session_id", "token_type", "client_id", "internal_client", "client_service",
		"expires_in", "expires_at", "auth_method", "app", "device_id"}
	accountOnly := []string{"account_id", "display_name", "in_app_id"}
	cases := []struct {
		name   string
		grant  fakeepic.Grant
		query  string
		fields []string
		want   map[string]any
	}{
		{
			name: "account session", grant: accountGrant, query: "",
			fields: append(append([]string{}, common...), accountOnly...),
			want: map[string]any{"token_type": "bearer", "client_id": client1, "internal_client": true,
				"client_service": "launcher", "app": "launcher", "account_id": accountA, "in_app_id": accountA,
				"display_name": "lele stw moment", "auth_method": "exchange_code",
				"expires_in": float64(5400), "expires_at": "2025-03-14T17:09:26.535Z"},
		},
		{
			name: "account session with perms", grant: accountGrant, query: "?includePerms=true",
			fields: append(append([]string{"perms"}, common...), accountOnly...),
			want: map[string]any{"perms": []any{
				map[string]any{"resource": "account:token:otherSessionsForAccountClient", "action": float64(8)},
				map[string]any{"resource": "catalog:shared:*", "action": float64(2)},
			}},
		},
		{
			name: "includePerms=false", grant: accountGrant, query: "?includePerms=false",
			fields: append(append([]string{}, common...), accountOnly...),
		},
		{
			name: "client-only session", grant: clientGrant, query: "?includePerms=true",
			fields: append([]string{"perms"}, common...),
			want: map[string]any{"client_id": client2, "client_service": "fortnite", "app": "fortnite",
				"auth_method": "client_credentials", "perms": []any{}},
		},
		{
			name: "explicit auth method", grant: fakeepic.Grant{AccountID: accountA, AuthMethod: "device_auth"}, query: "",
			fields: append(append([]string{}, common...), accountOnly...),
			want:   map[string]any{"auth_method": "device_auth", "display_name": ""},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			clock := newFakeClock()
			s.SetClock(clock.Now)
			token := s.Issue(tc.grant)
			clock.Advance(30 * time.Minute)

			rec := call(t, s, http.MethodGet, verifyPath+tc.query, bearer(token))

			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			var body map[string]any
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
			assert.ElementsMatch(t, tc.fields, keys(body))
			assert.Equal(t, token, body["token"])
			assert.Regexp(t, hex32, body["session_id"])
			assert.NotEqual(t, token, body["session_id"])
			assert.Regexp(t, hex32, body["device_id"])
			for field, want := range tc.want {
				assert.Equal(t, want, body[field], field)
			}
		})
	}
}

func TestVerifySessionIDIsStablePerSession(t *testing.T) {
	s := fakeepic.New()
	first := s.Issue(fakeepic.Grant{AccountID: accountA})
	second := s.Issue(fakeepic.Grant{AccountID: accountA})
	sessionID := func(token string) any {
		var body map[string]any
		require.NoError(t, json.Unmarshal(call(t, s, http.MethodGet, verifyPath, bearer(token)).Body.Bytes(), &body))
		return body["session_id"]
	}

	assert.Equal(t, sessionID(first), sessionID(first))
	assert.NotEqual(t, sessionID(first), sessionID(second))
}

func TestIssuedTokensAreRandomHex(t *testing.T) {
	s := fakeepic.New()
	seen := map[string]bool{}
	for range 50 {
		token := s.Issue(fakeepic.Grant{AccountID: accountA})
		assert.Regexp(t, hex32, token)
		assert.False(t, seen[token], "token issued twice")
		seen[token] = true
	}
}
