//go:build !js

// These tests talk to httptest servers, which a browser page cannot reach, so
// they run natively only.

package epic

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// bodyVerify is the answer of epic-api.md §1.3 with the token and session
// id filled in and perms as a Fortnite client holds them.
const bodyVerify = `{
  "token": "065981d58ba642e7ac6ef7d6c4ed15b2", "session_id": "5e551015e551015e551015e551015e55", "token_type": "bearer",
  "client_id": "34a02cf8f4414e29b15921876da36f9a", "internal_client": true, "client_service": "launcher",
  "account_id": "94b1569506b04f9f8557af611e8c5e47", "expires_in": 16462,
  "expires_at": "2023-06-11T02:35:48.010Z", "auth_method": "exchange_code",
  "display_name": "lele stw moment", "app": "launcher", "in_app_id": "94b1569506b04f9f8557af611e8c5e47",
  "device_id": "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1",
  "perms": [ { "resource": "launcher:download:live", "action": 2 }, { "resource": "account:token:otherSessionsForAccountClient", "action": 8 } ]
}`

func TestVerifyAsksWithTheTokenAndReadsEpicsAnswer(t *testing.T) {
	var fake fakeEpic
	srv := fake.serve(t, epicJSON(http.StatusOK, bodyVerify))
	c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

	got, err := c.Verify(context.Background(), " Bearer "+testToken+"\n")

	require.NoError(t, err)
	require.Len(t, fake.requests(), 1)
	sent := fake.requests()[0]
	assert.Equal(t, http.MethodGet, sent.method)
	assert.Equal(t, "/account/api/oauth/verify", sent.path)
	assert.Equal(t, "includePerms=true", sent.rawQuery)
	assert.Equal(t, "bearer "+testToken, sent.authorization)
	assert.Empty(t, sent.body)
	assert.Equal(t, &VerifiedToken{
		TokenType:      "bearer",
		ClientID:       "34a02cf8f4414e29b15921876da36f9a",
		InternalClient: true,
		ClientService:  "launcher",
		AccountID:      "94b1569506b04f9f8557af611e8c5e47",
		ExpiresIn:      16462,
		ExpiresAt:      time.Date(2023, 6, 11, 2, 35, 48, 10_000_000, time.UTC),
		AuthMethod:     "exchange_code",
		DisplayName:    "lele stw moment",
		App:            "launcher",
		InAppID:        "94b1569506b04f9f8557af611e8c5e47",
		DeviceID:       "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1",
		Perms: []GrantedPermission{
			{"launcher:download:live", ActionRead},
			{"account:token:otherSessionsForAccountClient", ActionDelete},
		},
	}, got)
	assert.Equal(t, HolderAccount, got.Holder())
}

func TestVerifyDefaultsToEpicsAccountHost(t *testing.T) {
	var sent *http.Request
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		sent = r
		return answer(http.StatusOK, bodyVerify, nil), nil
	})}
	_, err := c.Verify(context.Background(), testToken)
	require.NoError(t, err)
	assert.Equal(t, DefaultBaseURL+"/account/api/oauth/verify?includePerms=true", sent.URL.String())
}

func TestVerifyReadsTheAnswer(t *testing.T) {
	withField := func(old, new string) string {
		require.Contains(t, bodyVerify, old)
		return strings.Replace(bodyVerify, old, new, 1)
	}
	tests := []struct {
		name    string
		body    string
		wantErr string
		check   func(t *testing.T, v *VerifiedToken)
	}{
		{name: "client-only session", body: `{"client_id":"c","expires_at":"2023-06-11T02:35:48.010Z","perms":[]}`,
			check: func(t *testing.T, v *VerifiedToken) {
				assert.Equal(t, HolderClient, v.Holder())
				assert.NotNil(t, v.Perms)
				assert.Empty(t, v.Perms)
			}},
		{name: "no perms means unknown", body: `{"client_id":"c","expires_at":"2023-06-11T02:35:48Z"}`,
			check: func(t *testing.T, v *VerifiedToken) { assert.Nil(t, v.Perms) }},
		{name: "perms null means unknown", body: `{"client_id":"c","expires_at":"2023-06-11T02:35:48Z","perms":null}`,
			check: func(t *testing.T, v *VerifiedToken) { assert.Nil(t, v.Perms) }},
		{name: "action as a string drops the whole list", body: withField(`"action": 8`, `"action": "DELETE"`),
			check: func(t *testing.T, v *VerifiedToken) {
				assert.Nil(t, v.Perms)
				assert.Equal(t, "lele stw moment", v.DisplayName)
			}},
		{name: "a field of another type costs only itself", body: withField(`"expires_in": 16462`, `"expires_in": "16462"`),
			check: func(t *testing.T, v *VerifiedToken) {
				assert.Zero(t, v.ExpiresIn)
				assert.Len(t, v.Perms, 2)
			}},
		{name: "expires_at with an offset", body: withField(`"2023-06-11T02:35:48.010Z"`, `"2023-06-11T04:35:48+02:00"`),
			check: func(t *testing.T, v *VerifiedToken) {
				assert.Equal(t, time.Date(2023, 6, 11, 2, 35, 48, 0, time.UTC), v.ExpiresAt)
			}},
		{name: "no client_id", body: withField(`"client_id": "34a02cf8f4414e29b15921876da36f9a",`, ``),
			wantErr: "Epic's verify answer has no client_id, so the token could not be checked"},
		{name: "no expires_at", body: withField(`"expires_at": "2023-06-11T02:35:48.010Z",`, ``),
			wantErr: "Epic's verify answer has no readable expires_at, so the token could not be checked"},
		{name: "expires_at unreadable", body: withField(`"2023-06-11T02:35:48.010Z"`, `"soon"`),
			wantErr: "Epic's verify answer has no readable expires_at, so the token could not be checked"},
		{name: "not JSON", body: `<html>hello</html>`,
			wantErr: "Epic's verify answer is not the JSON object Epic sends, so the token could not be checked"},
		{name: "JSON list", body: `[]`,
			wantErr: "Epic's verify answer has no client_id, so the token could not be checked"},
		{name: "empty", body: ``,
			wantErr: "Epic's verify answer was empty, so the token could not be checked"},
		{name: "too large", body: `{"client_id":"` + strings.Repeat("a", MaxBodyBytes) + `"}`,
			wantErr: "Epic's verify answer was over 64 KiB and was not read, so the token could not be checked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
				return answer(http.StatusOK, tt.body, nil), nil
			})}
			got, err := c.Verify(context.Background(), testToken)
			if tt.wantErr != "" {
				var answerErr *VerifyAnswerError
				require.ErrorAs(t, err, &answerErr)
				assert.Equal(t, tt.wantErr, err.Error())
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			tt.check(t, got)
		})
	}
}

func TestVerifyBrokenBody(t *testing.T) {
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(io.MultiReader(
			strings.NewReader(`{"client_id":"c"`), iotestErrReader{}))}, nil
	})}
	_, err := c.Verify(context.Background(), testToken)
	assert.EqualError(t, err, "Epic's verify answer broke off while being read, so the token could not be checked")
}

func TestVerifyTurnsEveryOtherAnswerIntoKillsErrors(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		body       string
		wantCode   string
		wantBody   BodyKind
		wantRetry  time.Duration
		extraHeads []string
	}{
		{name: "401 token verification failed", status: 401, body: bodyTokenVerificationFailed,
			wantCode: "errors.com.epicgames.common.authentication.token_verification_failed", wantBody: BodyEpicJSON},
		{name: "429 throttled", status: 429, body: bodyThrottled, wantCode: "errors.com.epicgames.common.throttled",
			wantBody: BodyEpicJSON, wantRetry: 221 * time.Second, extraHeads: []string{"Retry-After", "221"}},
		{name: "500", status: 500, body: bodyServerError, wantCode: "errors.com.epicgames.common.server_error", wantBody: BodyEpicJSON},
		{name: "403 HTML page", status: 403, body: bodyHTMLPage, wantBody: BodyOther},
		{name: "204 is no verify answer", status: 204, body: "", wantBody: BodyEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, epicJSON(tt.status, tt.body, tt.extraHeads...))
			got, err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).Verify(context.Background(), testToken)
			assert.Nil(t, got)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.status, apiErr.StatusCode)
			assert.Equal(t, tt.wantCode, apiErr.ErrorCode)
			assert.Equal(t, tt.wantBody, apiErr.Body)
			assert.Equal(t, tt.wantRetry, apiErr.RetryAfter)
			assert.NotContains(t, err.Error(), testToken)
			assert.NotContains(t, strings.Join(apiErr.MessageVars, " "), testToken)
		})
	}
}

func TestVerifyNeverFollowsARedirect(t *testing.T) {
	var elsewhere fakeEpic
	other := elsewhere.serve(t, epicJSON(http.StatusOK, bodyVerify))
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/account/api/oauth/verify", http.StatusTemporaryRedirect)
	})
	_, err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).Verify(context.Background(), testToken)
	var redirect *RedirectError
	require.ErrorAs(t, err, &redirect)
	assert.Equal(t, http.StatusTemporaryRedirect, redirect.StatusCode)
	assert.Empty(t, elsewhere.requests())

	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) { return answer(0, "", nil), nil })}
	_, err = c.Verify(context.Background(), testToken)
	require.ErrorAs(t, err, &redirect)
}

func TestVerifyReportsATransportFailure(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	_, err := (&Client{Doer: noRedirectClient(), BaseURL: url}).Verify(context.Background(), testToken)
	var transport *TransportError
	require.ErrorAs(t, err, &transport)
	assert.NotContains(t, err.Error(), testToken)
}

func TestVerifyRefusesBadInputWithoutSendingAnything(t *testing.T) {
	for _, tc := range []struct {
		token string
		want  error
	}{{"", ErrNoToken}, {"bearer ", ErrNoToken}, {"06 59", ErrTokenHasSpace}, {"0659\x00", ErrTokenBadChar}} {
		sent := false
		c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
			sent = true
			return answer(200, bodyVerify, nil), nil
		})}
		_, err := c.Verify(context.Background(), tc.token)
		assert.ErrorIs(t, err, tc.want)
		assert.False(t, sent)
	}
}

func TestVerifyAgainstTheFakeService(t *testing.T) {
	svc := fakeepic.New()
	srv := httptest.NewServer(svc)
	t.Cleanup(srv.Close)
	c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}
	perms := []fakeepic.Permission{{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete}}
	grant := fakeepic.Grant{AccountID: "94b1569506b04f9f8557af611e8c5e47", DisplayName: "lele", ClientID: "ec684b8c687f479fadea3cb2ad83f5c6",
		ClientService: "fortnite", Permissions: perms, ExpiresIn: 2 * time.Hour}

	t.Run("opaque token", func(t *testing.T) {
		token := svc.Issue(grant)
		v, err := c.Verify(context.Background(), token)
		require.NoError(t, err)
		assert.Equal(t, "94b1569506b04f9f8557af611e8c5e47", v.AccountID)
		assert.Equal(t, "lele", v.DisplayName)
		assert.Equal(t, "ec684b8c687f479fadea3cb2ad83f5c6", v.ClientID)
		assert.Equal(t, "fortnite", v.ClientService)
		assert.Equal(t, "exchange_code", v.AuthMethod)
		assert.WithinDuration(t, time.Now().Add(2*time.Hour), v.ExpiresAt, time.Minute)
		assert.Equal(t, []GrantedPermission{{"account:token:otherSessionsForAccountClient", ActionDelete}}, v.Perms)
		checks := CheckKillTypes(v.Perms, v.Holder())
		assert.Equal(t, VerdictNotAllowed, checks[0].Verdict)
		assert.Equal(t, VerdictAllowed, checks[1].Verdict)
	})

	t.Run("eg1 token agrees with verify", func(t *testing.T) {
		token := svc.IssueEG1(grant)
		tok, err := ParseToken(token, time.Now())
		require.NoError(t, err)
		v, err := c.Verify(context.Background(), tok.Value)
		require.NoError(t, err)
		assert.Equal(t, v.AccountID, tok.AccountID)
		assert.Equal(t, v.DisplayName, tok.DisplayName)
		assert.Equal(t, v.ClientID, tok.ClientID)
		assert.Equal(t, v.ClientService, tok.ClientService)
		assert.Equal(t, v.AuthMethod, tok.AuthMethod)
		assert.Equal(t, v.Holder(), tok.Holder())
		assert.Equal(t, v.Perms, tok.Permissions())
		// eg1's exp is whole seconds, verify's expires_at has milliseconds,
		// and the two are minted a moment apart: up to a second each.
		assert.WithinDuration(t, v.ExpiresAt, tok.ExpiresAt, 2*time.Second)
		assert.Equal(t, CheckKillTypes(v.Perms, v.Holder()), CheckKillTypes(tok.Permissions(), tok.Holder()))
	})

	t.Run("client-only session", func(t *testing.T) {
		token := svc.Issue(fakeepic.Grant{ClientID: "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1"})
		v, err := c.Verify(context.Background(), token)
		require.NoError(t, err)
		assert.Equal(t, HolderClient, v.Holder())
		assert.Equal(t, []GrantedPermission{}, v.Perms)
	})

	t.Run("unknown token is a 401", func(t *testing.T) {
		const unknown = "0123456789abcdef0123456789abcdef"
		_, err := c.Verify(context.Background(), unknown)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)
		assert.Equal(t, BodyEpicJSON, apiErr.Body)
		assert.NotEmpty(t, apiErr.ErrorCode)
		assert.NotContains(t, err.Error(), unknown)
		for _, v := range apiErr.MessageVars {
			assert.NotContains(t, v, unknown)
		}
		assert.False(t, errors.Is(err, ErrNoToken))
	})
}

// TestVerifyMasksTheTokenInItsAnswer: whatever answers in Epic's place may
// echo the token in any field, in any case; those fields are shown.
func TestVerifyMasksTheTokenInItsAnswer(t *testing.T) {
	upper := strings.ToUpper(testToken)
	body := `{"client_id":"c ` + upper + `","expires_at":"2030-01-01T00:00:00Z","account_id":"` + testToken + `",
		"display_name":"` + upper + `","client_service":"s` + testToken + `","auth_method":"` + testToken + `",
		"app":"` + testToken + `","in_app_id":"` + testToken + `","device_id":"` + testToken + `","token_type":"` + testToken + `",
		"perms":[{"resource":"account:` + testToken + `","action":8}]}`
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) { return answer(200, body, nil), nil })}

	got, err := c.Verify(context.Background(), testToken)

	require.NoError(t, err)
	assert.Equal(t, "[your token]", got.DisplayName)
	assert.Equal(t, "c [your token]", got.ClientID)
	assert.Equal(t, "account:[your token]", got.Perms[0].Resource)
	assert.NotContains(t, strings.ToLower(fmt.Sprintf("%+v", *got)), testToken)
}
