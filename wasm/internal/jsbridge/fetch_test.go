//go:build js && wasm

package jsbridge

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fetchtest"
)

const token = "065981d58ba642e7ac6ef7d6c4ed15b2"

func TestFetchDoerSendsTheKillThroughFetch(t *testing.T) {
	fetch := fetchtest.Install(t, func(fetchtest.Call) fetchtest.Answer {
		return fetchtest.Answer{Status: http.StatusNoContent}
	})
	client := &epic.Client{Doer: NewFetchDoer()}

	require.NoError(t, client.Kill(context.Background(), "Bearer "+token, "others_account_client"))

	calls := fetch.Calls()
	require.Len(t, calls, 1)
	assert.Equal(t, "https://account-public-service-prod.ol.epicgames.com/account/api/oauth/sessions/kill?killType=OTHERS_ACCOUNT_CLIENT", calls[0].URL)
	assert.Equal(t, "DELETE", calls[0].Method)
	assert.Equal(t, "bearer "+token, calls[0].Header.Get("Authorization"))
	assert.Equal(t, "manual", calls[0].Redirect, "fetch must not follow a redirect with the token")
	assert.Equal(t, "omit", calls[0].Credentials, "a cookie of Epic's host would travel with the token")
	assert.False(t, calls[0].HasBody)
	assert.Len(t, calls[0].Header, 1, "no header but Authorization: %v", calls[0].Header)
}

func TestFetchDoerAnswersBecomeEpicErrors(t *testing.T) {
	tests := []struct {
		name   string
		answer fetchtest.Answer
		check  func(t *testing.T, err error)
	}{
		{
			name: "Epic's JSON error with headers",
			answer: fetchtest.Answer{
				Status: 429,
				Body:   `{"errorCode":"errors.com.epicgames.common.throttled","errorMessage":"Operation access is limited by throttling policy, please try again in 221 second(s).","messageVars":["221"],"numericErrorCode":1041,"originatingService":"com.epicgames.account.public","intent":"prod"}`,
				Header: map[string]string{"Content-Type": "application/json", "Retry-After": "221", "X-Epic-Correlation-ID": "corr-1"},
			},
			check: func(t *testing.T, err error) {
				var apiErr *epic.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, 429, apiErr.StatusCode)
				assert.Equal(t, "errors.com.epicgames.common.throttled", apiErr.ErrorCode)
				assert.Equal(t, 1041, apiErr.NumericErrorCode)
				assert.Equal(t, []string{"221"}, apiErr.MessageVars)
				assert.Equal(t, "corr-1", apiErr.CorrelationID)
				assert.Equal(t, 221*time.Second, apiErr.RetryAfter)
			},
		},
		{
			name:   "an HTML page",
			answer: fetchtest.Answer{Status: 503, Body: "<html><body>Service Unavailable</body></html>", Header: map[string]string{"Content-Type": "text/html"}},
			check: func(t *testing.T, err error) {
				var apiErr *epic.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, epic.BodyOther, apiErr.Body)
				assert.Contains(t, err.Error(), "HTTP 503 with a web page")
			},
		},
		{
			name:   "a redirect fetch did not follow",
			answer: fetchtest.Answer{Status: 0},
			check: func(t *testing.T, err error) {
				var redirect *epic.RedirectError
				require.ErrorAs(t, err, &redirect)
			},
		},
		{
			name:   "a 3xx answer",
			answer: fetchtest.Answer{Status: 307, Header: map[string]string{"Location": "https://elsewhere.example/"}},
			check: func(t *testing.T, err error) {
				var redirect *epic.RedirectError
				require.ErrorAs(t, err, &redirect)
				assert.Equal(t, 307, redirect.StatusCode)
			},
		},
		{
			name:   "no answer at all",
			answer: fetchtest.Answer{Reject: "Failed to fetch"},
			check: func(t *testing.T, err error) {
				var transport *epic.TransportError
				require.ErrorAs(t, err, &transport)
				assert.Equal(t, "could not reach Epic: net/http: fetch() failed: Failed to fetch", err.Error())
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fetch := fetchtest.Install(t, func(fetchtest.Call) fetchtest.Answer { return tt.answer })

			err := (&epic.Client{Doer: NewFetchDoer()}).Kill(context.Background(), token, "OTHERS")

			tt.check(t, err)
			assert.Len(t, fetch.Calls(), 1)
		})
	}
}

// TestTheDeadlineCoversABodyThatStalls: tinyutil's transport watches the
// context only until the headers are in. Through it, a body that sends a
// little and then stalls still ends at the deadline, as a timeout, and its
// stream is cancelled, for each request the popup makes.
func TestTheDeadlineCoversABodyThatStalls(t *testing.T) {
	const deadline = 200 * time.Millisecond
	requests := []struct {
		name   string
		status int
		call   func(c *epic.Client, ctx context.Context) error
	}{
		{"kill, 403", 403, func(c *epic.Client, ctx context.Context) error { return c.Kill(ctx, token, "OTHERS") }},
		{"single-session kill, 403", 403, func(c *epic.Client, ctx context.Context) error { return c.KillSession(ctx, token) }},
		{"verify, 200", 200, func(c *epic.Client, ctx context.Context) error { _, err := c.Verify(ctx, token); return err }},
	}
	for _, rq := range requests {
		t.Run(rq.name, func(t *testing.T) {
			fetch := fetchtest.Install(t, func(fetchtest.Call) fetchtest.Answer {
				return fetchtest.Answer{Status: rq.status, Body: `{"errorCode":`, Stall: true,
					Header: map[string]string{"Content-Type": "application/json"}}
			})
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			start := time.Now()

			err := rq.call(&epic.Client{Doer: NewFetchDoer()}, ctx)

			var transport *epic.TransportError
			require.ErrorAs(t, err, &transport)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Less(t, time.Since(start), deadline+time.Second)
			assert.Eventually(t, func() bool { return fetch.Cancelled() == 1 }, time.Second, 5*time.Millisecond,
				"the body's stream was not cancelled")
		})
	}
}
