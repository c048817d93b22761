//go:build !js

package fakeepic_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

const (
	accountA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	accountB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	client1  = "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1"
	client2  = "c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2"
)

// population issues a fixed set of sessions around a caller and returns
// their tokens by name.
func population(s *fakeepic.Service, caller fakeepic.Grant) map[string]string {
	return map[string]string{
		"caller":                 s.Issue(caller),
		"sameClientSameService":  s.Issue(fakeepic.Grant{AccountID: accountA, ClientID: client1, ClientService: "fortnite", SourceID: "tv"}),
		"sameClientOtherService": s.Issue(fakeepic.Grant{AccountID: accountA, ClientID: client1, ClientService: "prod-fn", SourceID: "tv"}),
		"otherClient":            s.Issue(fakeepic.Grant{AccountID: accountA, ClientID: client2, ClientService: "launcher", SourceID: "tv"}),
		"sameSourceOtherClient":  s.Issue(fakeepic.Grant{AccountID: accountA, ClientID: client2, ClientService: "launcher", SourceID: "pc"}),
		"otherAccountSameClient": s.Issue(fakeepic.Grant{AccountID: accountB, ClientID: client1, ClientService: "fortnite", SourceID: "pc"}),
		"clientOnlySameClient":   s.Issue(fakeepic.Grant{ClientID: client1, ClientService: "fortnite"}),
		"clientOnlyOtherClient":  s.Issue(fakeepic.Grant{ClientID: client2, ClientService: "launcher"}),
	}
}

func requireSurvivors(t *testing.T, s *fakeepic.Service, tokens map[string]string, dead []string) {
	t.Helper()
	for name, token := range tokens {
		assert.Equal(t, !slices.Contains(dead, name), s.Alive(token), name)
	}
}

func TestKillTypeEndsExactlyItsSessions(t *testing.T) {
	accountCaller := fakeepic.Grant{AccountID: accountA, ClientID: client1, ClientService: "fortnite", SourceID: "pc", Permissions: killPerms}
	clientCaller := fakeepic.Grant{ClientID: client1, ClientService: "fortnite", SourceID: "pc", Permissions: killPerms}
	cases := []struct {
		killType string
		caller   fakeepic.Grant
		dead     []string
	}{
		{"OTHERS_ACCOUNT_CLIENT_SERVICE", accountCaller, []string{"sameClientSameService"}},
		{"OTHERS_ACCOUNT_CLIENT", accountCaller, []string{"sameClientSameService", "sameClientOtherService"}},
		{"OTHERS_SAME_SOURCE_ID", accountCaller, []string{"sameSourceOtherClient"}},
		{"OTHERS", accountCaller, []string{"sameClientSameService", "sameClientOtherService", "otherClient", "sameSourceOtherClient"}},
		{"ALL", accountCaller, []string{"caller", "sameClientSameService", "sameClientOtherService", "otherClient", "sameSourceOtherClient"}},
		{"ALL_ACCOUNT_CLIENT", accountCaller, []string{"caller", "sameClientSameService", "sameClientOtherService"}},
		{"OTHERS", clientCaller, []string{"sameClientSameService", "sameClientOtherService", "otherAccountSameClient", "clientOnlySameClient"}},
		{"ALL", clientCaller, []string{"caller", "sameClientSameService", "sameClientOtherService", "otherAccountSameClient", "clientOnlySameClient"}},
	}
	for _, tc := range cases {
		name := tc.killType + "/account"
		if tc.caller.AccountID == "" {
			name = tc.killType + "/client-only"
		}
		t.Run(name, func(t *testing.T) {
			s := fakeepic.New()
			tokens := population(s, tc.caller)

			requireNoContent(t, kill(t, s, tokens["caller"], tc.killType))

			requireSurvivors(t, s, tokens, tc.dead)
		})
	}
}

func TestKillWithoutSourceEndsNoSameSourceSession(t *testing.T) {
	s := fakeepic.New()
	tokens := population(s, fakeepic.Grant{AccountID: accountA, ClientID: client1, ClientService: "fortnite", Permissions: killPerms})
	tokens["noSourceOtherClient"] = s.Issue(fakeepic.Grant{AccountID: accountA, ClientID: client2})

	requireNoContent(t, kill(t, s, tokens["caller"], "OTHERS_SAME_SOURCE_ID"))

	requireSurvivors(t, s, tokens, nil)
}

func TestKilledTokenIsRefused(t *testing.T) {
	s := fakeepic.New()
	tokens := population(s, fakeepic.Grant{AccountID: accountA, ClientID: client1, ClientService: "fortnite", Permissions: killPerms})
	victim := tokens["sameClientSameService"]
	requireNoContent(t, kill(t, s, tokens["caller"], "OTHERS_ACCOUNT_CLIENT"))

	e := requireError(t, call(t, s, http.MethodGet, verifyPath, bearer(victim)), http.StatusUnauthorized)

	assert.Equal(t, "errors.com.epicgames.account.auth_token.invalid_access_token", e.ErrorCode)
	assert.Equal(t, 18071, e.NumericErrorCode)
	assert.Equal(t, []string{victim}, e.MessageVars)
}

func TestKillTypeIsValidatedBeforePermissions(t *testing.T) {
	const required = "A valid killType is required."
	cases := []struct {
		name    string
		query   string
		grant   fakeepic.Grant
		message string
	}{
		{"missing", "", fakeepic.Grant{AccountID: accountA}, required},
		{"empty", "?killType=", fakeepic.Grant{AccountID: accountA}, required},
		{"unknown", "?killType=EVERYTHING", fakeepic.Grant{AccountID: accountA}, required},
		{"lowercase", "?killType=others", fakeepic.Grant{AccountID: accountA}, required},
		{"padded", "?killType=OTHERS%20", fakeepic.Grant{AccountID: accountA}, required},
		{"other parameter name", "?killtype=OTHERS", fakeepic.Grant{AccountID: accountA}, required},
		{"client-only OTHERS_ACCOUNT_CLIENT", "?killType=OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{Permissions: killPerms},
			"Cannot use the killType OTHERS_ACCOUNT_CLIENT with a client only OauthSession."},
		{"client-only OTHERS_ACCOUNT_CLIENT_SERVICE", "?killType=OTHERS_ACCOUNT_CLIENT_SERVICE", fakeepic.Grant{Permissions: killPerms},
			"Cannot use the killType OTHERS_ACCOUNT_CLIENT_SERVICE with a client only OauthSession."},
		{"client-only ALL_ACCOUNT_CLIENT", "?killType=ALL_ACCOUNT_CLIENT", fakeepic.Grant{Permissions: killPerms},
			"Cannot use the killType ALL_ACCOUNT_CLIENT with a client only OauthSession."},
		{"client-only OTHERS_SAME_SOURCE_ID", "?killType=OTHERS_SAME_SOURCE_ID", fakeepic.Grant{},
			"Cannot use the killType OTHERS_SAME_SOURCE_ID with a client only OauthSession."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			token := s.Issue(tc.grant)

			e := requireError(t, call(t, s, http.MethodDelete, killPath+tc.query, bearer(token)), http.StatusBadRequest)

			assert.Equal(t, epicError{
				ErrorCode:          "errors.com.epicgames.common.oauth.invalid_request",
				ErrorMessage:       tc.message,
				MessageVars:        []string{},
				NumericErrorCode:   1013,
				OriginatingService: "com.epicgames.account.public",
				Intent:             "prod",
				Error:              "invalid_request",
				ErrorDescription:   tc.message,
			}, e)
			assert.True(t, s.Alive(token))
		})
	}
}

func TestKillWithoutPermissionIsForbidden(t *testing.T) {
	cases := []struct {
		killType string
		grant    fakeepic.Grant
		resource string
	}{
		{"OTHERS_ACCOUNT_CLIENT_SERVICE", fakeepic.Grant{AccountID: accountA}, "account:token:otherSessionsForAccountClientService"},
		{"OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{AccountID: accountA}, "account:token:otherSessionsForAccountClient"},
		{"OTHERS_SAME_SOURCE_ID", fakeepic.Grant{AccountID: accountA}, "account:token:otherSessionsWithSameSourceId"},
		{"OTHERS", fakeepic.Grant{AccountID: accountA}, "account:token:otherSessionsForAccount"},
		{"ALL", fakeepic.Grant{AccountID: accountA}, "account:token:allSessionsForAccount"},
		{"ALL_ACCOUNT_CLIENT", fakeepic.Grant{AccountID: accountA}, "account:token:allSessionsForAccountClient"},
		{"OTHERS", fakeepic.Grant{}, "account:token:otherSessionsForClient"},
		{"ALL", fakeepic.Grant{}, "account:token:allSessionsForClient"},
		// The account permission does not serve a client-only session.
		{"ALL", fakeepic.Grant{Permissions: []fakeepic.Permission{{Resource: "account:token:allSessionsForAccount", Action: fakeepic.All}}},
			"account:token:allSessionsForClient"},
	}
	for _, tc := range cases {
		name := tc.killType + "/account"
		if tc.grant.AccountID == "" {
			name = tc.killType + "/client-only"
		}
		t.Run(name, func(t *testing.T) {
			s := fakeepic.New()
			token := s.Issue(tc.grant)
			other := s.Issue(fakeepic.Grant{AccountID: tc.grant.AccountID})

			e := requireError(t, kill(t, s, token, tc.killType), http.StatusForbidden)

			assert.Equal(t, "errors.com.epicgames.common.missing_permission", e.ErrorCode)
			assert.Equal(t, 1023, e.NumericErrorCode)
			assert.Equal(t, []string{tc.resource, "DELETE"}, e.MessageVars)
			assert.Equal(t, "Sorry your login does not posses the permissions '"+tc.resource+
				" DELETE' needed to perform the requested operation", e.ErrorMessage)
			assert.True(t, s.Alive(token))
			assert.True(t, s.Alive(other))
		})
	}
}

func TestPermissionPatterns(t *testing.T) {
	// Every case asks for account:token:otherSessionsForAccount (OTHERS).
	cases := []struct {
		resource string
		action   int
		allowed  bool
	}{
		{"account:token:otherSessionsForAccount", fakeepic.Delete, true},
		{"account:token:otherSessionsForAccount", fakeepic.All, true},
		{"account:token:otherSessionsForAccount", fakeepic.Create | fakeepic.Delete, true},
		{"account:token:otherSessionsForAccount", fakeepic.Read, false},
		{"account:token:otherSessionsForAccount", fakeepic.Create | fakeepic.Read | fakeepic.Update, false},
		{"account:token:*", fakeepic.Delete, true},
		{"account:*:otherSessionsForAccount", fakeepic.Delete, true},
		{"*:token:otherSessionsForAccount", fakeepic.Delete, true},
		{"account:*", fakeepic.Delete, true},
		{"account:*:*", fakeepic.Delete, true},
		{"*", fakeepic.Delete, true},
		{"*", fakeepic.Read, false},
		{"account:token", fakeepic.Delete, false},
		{"account", fakeepic.Delete, false},
		{"account:token:otherSessionsForAccount:*", fakeepic.Delete, false},
		{"account:token:otherSessionsForAccountClient", fakeepic.Delete, false},
		{"account:token:otherSessionsFor", fakeepic.Delete, false},
		{"account:*:otherSessionsForClient", fakeepic.Delete, false},
		{"account:token:*:*", fakeepic.Delete, false},
		{"", fakeepic.Delete, false},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s=%d", tc.resource, tc.action), func(t *testing.T) {
			s := fakeepic.New()
			token := s.Issue(fakeepic.Grant{AccountID: accountA, ClientID: client1,
				Permissions: []fakeepic.Permission{{Resource: "friends:*", Action: fakeepic.All}, {Resource: tc.resource, Action: tc.action}}})

			rec := kill(t, s, token, "OTHERS")

			if tc.allowed {
				requireNoContent(t, rec)
			} else {
				assert.Equal(t, "errors.com.epicgames.common.missing_permission", requireError(t, rec, http.StatusForbidden).ErrorCode)
			}
		})
	}
}

func TestKillOneSession(t *testing.T) {
	sameSourceKill := []fakeepic.Permission{{Resource: "account:token:otherSessionsWithSameSourceForAccount", Action: fakeepic.Delete}}
	cases := []struct {
		name   string
		caller fakeepic.Grant
		target string // a name from population, or a literal token
		query  string
		status int
		code   string
		dead   []string
	}{
		{name: "another session of the account", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1},
			target: "otherClient", status: http.StatusNoContent, dead: []string{"otherClient"}},
		{name: "its own session", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1},
			target: "caller", status: http.StatusNoContent, dead: []string{"caller"}},
		{name: "the same-client session of client-only caller", caller: fakeepic.Grant{ClientID: client1},
			target: "otherAccountSameClient", status: http.StatusNoContent, dead: []string{"otherAccountSameClient"}},
		{name: "another account's session", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1},
			target: "otherAccountSameClient", status: http.StatusForbidden, code: "errors.com.epicgames.account.auth_token.not_own_session_removal"},
		{name: "a client-only session of the account's client", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1},
			target: "clientOnlySameClient", status: http.StatusForbidden, code: "errors.com.epicgames.account.auth_token.not_own_session_removal"},
		{name: "another client's session of client-only caller", caller: fakeepic.Grant{ClientID: client1},
			target: "otherClient", status: http.StatusForbidden, code: "errors.com.epicgames.account.auth_token.not_own_session_removal"},
		{name: "an unknown hex token", caller: fakeepic.Grant{AccountID: accountA},
			target: "0123456789abcdef0123456789abcdef", status: http.StatusNotFound, code: "errors.com.epicgames.account.auth_token.unknown_oauth_session"},
		{name: "an unknown eg1 token", caller: fakeepic.Grant{AccountID: accountA},
			target: "eg1~aaaaaa", status: http.StatusNotFound, code: "errors.com.epicgames.account.auth_token.unknown_oauth_session"},
		{name: "same source without permission", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1},
			target: "otherClient", query: "?killAllWithSameSource=true", status: http.StatusForbidden, code: "errors.com.epicgames.common.missing_permission"},
		{name: "same source false needs no permission", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1},
			target: "otherClient", query: "?killAllWithSameSource=false", status: http.StatusNoContent, dead: []string{"otherClient"}},
		{name: "same source", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1, SourceID: "pc", Permissions: sameSourceKill},
			target: "otherClient", query: "?killAllWithSameSource=true", status: http.StatusNoContent,
			dead: []string{"otherClient", "sameClientSameService", "sameClientOtherService"}},
		{name: "same source with a wildcard permission", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1, SourceID: "pc", Permissions: killPerms},
			target: "otherClient", query: "?killAllWithSameSource=true", status: http.StatusNoContent,
			dead: []string{"otherClient", "sameClientSameService", "sameClientOtherService"}},
		{name: "same source including the caller", caller: fakeepic.Grant{AccountID: accountA, ClientID: client1, SourceID: "pc", Permissions: sameSourceKill},
			target: "sameSourceOtherClient", query: "?killAllWithSameSource=true", status: http.StatusNoContent,
			dead: []string{"caller", "sameSourceOtherClient"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			tokens := population(s, tc.caller)
			target := tc.target
			if token, ok := tokens[target]; ok {
				target = token
			}

			rec := call(t, s, http.MethodDelete, killPath+"/"+target+tc.query, bearer(tokens["caller"]))

			if tc.status == http.StatusNoContent {
				requireNoContent(t, rec)
			} else {
				e := requireError(t, rec, tc.status)
				assert.Equal(t, tc.code, e.ErrorCode)
			}
			requireSurvivors(t, s, tokens, tc.dead)
		})
	}
}

func TestKillOneSessionErrorBodies(t *testing.T) {
	s := fakeepic.New()
	caller := s.Issue(fakeepic.Grant{AccountID: accountA})
	stranger := s.Issue(fakeepic.Grant{AccountID: accountB})
	gone := s.Issue(fakeepic.Grant{AccountID: accountA})
	expired := s.Issue(fakeepic.Grant{AccountID: accountA, ExpiresIn: -time.Second})
	requireNoContent(t, call(t, s, http.MethodDelete, killPath+"/"+gone, bearer(caller)))
	cases := []struct {
		name   string
		target string
		query  string
		want   epicError
		status int
	}{
		{"unknown", "eg1~aaaaaa", "", epicError{ErrorCode: "errors.com.epicgames.account.auth_token.unknown_oauth_session", NumericErrorCode: 18051,
			ErrorMessage: "Sorry we could not find the auth session 'eg1~aaaaaa'", MessageVars: []string{"eg1~aaaaaa"}}, http.StatusNotFound},
		{"already killed", gone, "", epicError{ErrorCode: "errors.com.epicgames.account.auth_token.unknown_oauth_session", NumericErrorCode: 18051,
			ErrorMessage: "Sorry we could not find the auth session '" + gone + "'", MessageVars: []string{gone}}, http.StatusNotFound},
		{"expired", expired, "", epicError{ErrorCode: "errors.com.epicgames.account.auth_token.unknown_oauth_session", NumericErrorCode: 18051,
			ErrorMessage: "Sorry we could not find the auth session '" + expired + "'", MessageVars: []string{expired}}, http.StatusNotFound},
		{"not own", stranger, "", epicError{ErrorCode: "errors.com.epicgames.account.auth_token.not_own_session_removal", NumericErrorCode: 18040,
			ErrorMessage: "Sorry you cannot remove the auth session " + stranger + ". It was not issued to you.", MessageVars: []string{stranger}}, http.StatusForbidden},
		{"same source not permitted", caller, "?killAllWithSameSource=true", epicError{ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023,
			ErrorMessage: "Sorry your login does not posses the permissions 'account:token:otherSessionsWithSameSourceForAccount DELETE' needed to perform the requested operation",
			MessageVars:  []string{"account:token:otherSessionsWithSameSourceForAccount", "DELETE"}}, http.StatusForbidden},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := requireError(t, call(t, s, http.MethodDelete, killPath+"/"+tc.target+tc.query, bearer(caller)), tc.status)

			tc.want.OriginatingService, tc.want.Intent = "com.epicgames.account.public", "prod"
			assert.Equal(t, tc.want, e)
			assert.True(t, s.Alive(caller))
			assert.True(t, s.Alive(stranger))
		})
	}
}

func TestReissuedTokenIsAliveAgain(t *testing.T) {
	s := fakeepic.New()
	const fixed = "0123456789abcdef0123456789abcdef"
	token := s.Issue(fakeepic.Grant{Token: fixed, AccountID: accountA})
	require.Equal(t, fixed, token)
	requireNoContent(t, call(t, s, http.MethodDelete, killPath+"/"+token, bearer(token)))
	require.False(t, s.Alive(token))

	s.Issue(fakeepic.Grant{Token: fixed, AccountID: accountA})

	assert.True(t, s.Alive(token))
}
