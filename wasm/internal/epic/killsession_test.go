//go:build !js

// These tests talk to httptest servers, which a browser page cannot reach, so
// they run natively only.

package epic

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKillSessionSendsTheTokenAsItsOwnBearer(t *testing.T) {
	tokens := []struct{ name, pasted, token, escapedPath string }{
		{"hex", testToken, testToken, "/account/api/oauth/sessions/kill/" + testToken},
		{"eg1", "bearer eg1~abc.DEF-ghi_jk", "eg1~abc.DEF-ghi_jk", "/account/api/oauth/sessions/kill/eg1~abc.DEF-ghi_jk"},
		{"reserved characters are escaped", "a/b?c#d%e", "a/b?c#d%e", "/account/api/oauth/sessions/kill/a%2Fb%3Fc%23d%25e"},
	}
	for _, tc := range tokens {
		t.Run(tc.name, func(t *testing.T) {
			var rawURI []string
			var fake fakeEpic
			srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
				rawURI = append(rawURI, r.RequestURI)
				w.WriteHeader(http.StatusNoContent)
			})
			c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

			require.NoError(t, c.KillSession(context.Background(), tc.pasted))

			require.Len(t, fake.requests(), 1, "exactly one request")
			got := fake.requests()[0]
			assert.Equal(t, http.MethodDelete, got.method)
			assert.Equal(t, []string{tc.escapedPath}, rawURI, "no query, the token escaped as one path segment")
			assert.Equal(t, "bearer "+tc.token, got.authorization)
			assert.Empty(t, got.body)
		})
	}
}

func TestKillSessionDefaultsToEpicsAccountHost(t *testing.T) {
	var sent *http.Request
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		sent = r
		return answer(http.StatusNoContent, "", nil), nil
	})}
	require.NoError(t, c.KillSession(context.Background(), testToken))
	require.NotNil(t, sent)
	assert.Equal(t, "https://account-public-service-prod.ol.epicgames.com/account/api/oauth/sessions/kill/"+testToken, sent.URL.String())
}

func TestKillSessionReturnsEpicsErrorsRedacted(t *testing.T) {
	const unknown = `{"errorCode":"errors.com.epicgames.account.auth_token.unknown_oauth_session","errorMessage":"Sorry we could not find the auth session '` + testToken + `'","messageVars":["` + testToken + `"],"numericErrorCode":18051,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	tests := []struct {
		name   string
		answer http.HandlerFunc
		check  func(t *testing.T, err error)
	}{
		{"401 token no longer valid", epicJSON(401, bodyTokenVerificationFailed), func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 401, apiErr.StatusCode)
			assert.Equal(t, 1031, apiErr.NumericErrorCode)
			assert.Equal(t, "UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0", apiErr.CorrelationID)
		}},
		{"404 unknown session quoting the token", epicJSON(404, unknown), func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "errors.com.epicgames.account.auth_token.unknown_oauth_session", apiErr.ErrorCode)
			assert.Equal(t, "Sorry we could not find the auth session '[your token]'", apiErr.ErrorMessage)
			assert.Equal(t, []string{"[your token]"}, apiErr.MessageVars)
		}},
		{"429 throttled", epicJSON(429, bodyThrottled, "Retry-After", "221"), func(t *testing.T, err error) {
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, 221*time.Second, apiErr.RetryAfter)
		}},
		{"redirect", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "https://elsewhere.example/", http.StatusFound)
		}, func(t *testing.T, err error) {
			var redirect *RedirectError
			require.ErrorAs(t, err, &redirect)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, tc.answer)

			err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).KillSession(context.Background(), testToken)

			require.Error(t, err)
			tc.check(t, err)
			assert.NotContains(t, err.Error(), testToken)
			assert.Len(t, fake.requests(), 1, "exactly one request, never a retry")
		})
	}
}

func TestKillSessionKeepsTheTokenOutOfTransportErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close() // nothing listens there any more

	err := (&Client{Doer: noRedirectClient(), BaseURL: base}).KillSession(context.Background(), testToken)

	var transport *TransportError
	require.ErrorAs(t, err, &transport)
	assert.Contains(t, err.Error(), "/sessions/kill/[your token]", "the URL is still shown, without the token")
	assert.NotContains(t, err.Error(), testToken)
}

func TestKillSessionKeepsTheTokenOutOfOtherErrorTexts(t *testing.T) {
	const token = "a/b%c"
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		// A Doer whose error quotes the URL in its own words, and wraps a deadline.
		return nil, &wrapped{text: "fetch " + r.URL.String() + " and " + r.URL.Path + " failed", err: context.DeadlineExceeded}
	})}

	err := c.KillSession(context.Background(), token)

	var transport *TransportError
	require.ErrorAs(t, err, &transport)
	assert.NotContains(t, err.Error(), token)
	assert.NotContains(t, err.Error(), url.PathEscape(token))
	assert.Contains(t, err.Error(), "[your token]")
	assert.ErrorIs(t, err, context.DeadlineExceeded, "a deadline is still recognised")
}

func TestKillSessionRejectsABadBaseURLWithoutTheToken(t *testing.T) {
	c := &Client{Doer: doerFunc(func(*http.Request) (*http.Response, error) {
		t.Fatal("nothing may be sent")
		return nil, nil
	}), BaseURL: "http://bad host"}

	err := c.KillSession(context.Background(), testToken)

	require.Error(t, err)
	assert.NotContains(t, err.Error(), testToken)
}

type wrapped struct {
	text string
	err  error
}

func (w *wrapped) Error() string { return w.text }
func (w *wrapped) Unwrap() error { return w.err }

func TestKillSessionStopsAtTheContextDeadline(t *testing.T) {
	url := stalledEpic(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()

	err := (&Client{Doer: noRedirectClient(), BaseURL: url}).KillSession(ctx, testToken)

	var transport *TransportError
	require.ErrorAs(t, err, &transport)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotContains(t, err.Error(), testToken)
}

func TestKillSessionRefusesBadInputWithoutSendingAnything(t *testing.T) {
	for _, tc := range []struct {
		token string
		want  error
	}{
		{"", ErrNoToken},
		{"  bearer  ", ErrNoToken},
		{"abc def", ErrTokenHasSpace},
		{"abcé", ErrTokenBadChar},
	} {
		var fake fakeEpic
		srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
		err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).KillSession(context.Background(), tc.token)
		assert.True(t, errors.Is(err, tc.want), "%q: %v", tc.token, err)
		assert.Empty(t, fake.requests(), "%q: nothing may be sent", tc.token)
	}
}

func TestOwnSessionIsNotAKillTypeEpicKnows(t *testing.T) {
	_, err := ParseKillType(OwnSession.Name)
	require.Error(t, err)
	assert.True(t, OwnSession.EndsCurrentSession)
}
