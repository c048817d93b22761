//go:build !js

package epic_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// TestKillSessionAgainstTheFake checks the request against the fake's own
// reading of Epic's contract, not against this package's.
func TestKillSessionAgainstTheFake(t *testing.T) {
	svc := fakeepic.New()
	srv := httptest.NewServer(svc)
	defer srv.Close()
	const account = "94b1569506b04f9f8557af611e8c5e47"
	token := svc.Issue(fakeepic.Grant{AccountID: account, ClientID: "ec684b8c687f479fadea3cb2ad83f5c6"})
	other := svc.Issue(fakeepic.Grant{AccountID: account, ClientID: "ec684b8c687f479fadea3cb2ad83f5c6"})
	c := &epic.Client{Doer: srv.Client(), BaseURL: srv.URL}

	require.NoError(t, c.KillSession(context.Background(), token))

	assert.False(t, svc.Alive(token), "the token's own session ended")
	assert.True(t, svc.Alive(other), "no other session ended")
	reqs := svc.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "/account/api/oauth/sessions/kill/"+token, reqs[0].Path)
	assert.Equal(t, token, reqs[0].Bearer())

	// The token is dead now: Epic refuses it as a bearer.
	err := c.KillSession(context.Background(), token)
	var apiErr *epic.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 401, apiErr.StatusCode)
	assert.Equal(t, "errors.com.epicgames.account.auth_token.invalid_access_token", apiErr.ErrorCode)
	assert.NotContains(t, err.Error(), token)
	assert.NotContains(t, apiErr.ErrorMessage, token)
}

func TestKillSessionAgainstTheFakesFaults(t *testing.T) {
	svc := fakeepic.New()
	srv := httptest.NewServer(svc)
	defer srv.Close()
	token := svc.Issue(fakeepic.Grant{AccountID: "94b1569506b04f9f8557af611e8c5e47"})
	svc.FaultNext(fakeepic.EpicError(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048,
		"Sorry too many sessions have been issued for your account. Please try again later"))
	c := &epic.Client{Doer: srv.Client(), BaseURL: srv.URL}

	err := c.KillSession(context.Background(), token)

	var apiErr *epic.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, epic.BodyEpicJSON, apiErr.Body)
	assert.Equal(t, "errors.com.epicgames.account.oauth.too_many_sessions", apiErr.ErrorCode)
	assert.Equal(t, 18048, apiErr.NumericErrorCode)
	assert.NotEmpty(t, apiErr.CorrelationID)
	assert.True(t, svc.Alive(token), "a faulted request kills nothing")
}
