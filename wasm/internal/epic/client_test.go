//go:build !js

// These tests talk to httptest servers, which a browser page cannot reach, so
// they run natively only.

package epic

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testToken = "065981d58ba642e7ac6ef7d6c4ed15b2"

// Real answers, from epic-api.md §2.2.
const (
	bodyTokenVerificationFailed = `{"errorCode":"errors.com.epicgames.common.authentication.token_verification_failed","errorMessage":"Sorry we couldn't validate your token 065981d58ba642e7ac6ef7d6c4ed15b2. Please try with a new token.","messageVars":["065981d58ba642e7ac6ef7d6c4ed15b2"],"numericErrorCode":1031,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyMissingPermission       = `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions 'account:token:allSessionsForClient DELETE' needed to perform the requested operation","messageVars":["account:token:allSessionsForClient","DELETE"],"numericErrorCode":1023,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyInvalidKillType         = `{"errorCode":"errors.com.epicgames.common.oauth.invalid_request","errorMessage":"A valid killType is required.","messageVars":[],"numericErrorCode":1013,"originatingService":"com.epicgames.account.public","intent":"prod","error_description":"A valid killType is required.","error":"invalid_request"}`
	bodyUnknownSession          = `{"errorCode":"errors.com.epicgames.account.auth_token.unknown_oauth_session","errorMessage":"Sorry we could not find the auth session 'eg1~aaaaaa'","messageVars":["eg1~aaaaaa"],"numericErrorCode":18051,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyThrottled               = `{"errorCode":"errors.com.epicgames.common.throttled","errorMessage":"Operation access is limited by throttling policy, please try again in 221 second(s).","messageVars":["221"],"numericErrorCode":1041,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyServerError             = `{"errorCode":"errors.com.epicgames.common.server_error","errorMessage":"Sorry an error occurred and we were unable to resolve it.","messageVars":[],"numericErrorCode":1000,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyHTMLPage                = `<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>`
)

// received is what the fake account service saw of one request.
type received struct {
	method, path, rawQuery, authorization string
	body                                  string
}

// fakeEpic answers every request with one scripted answer and records it.
type fakeEpic struct {
	mu   sync.Mutex
	seen []received
}

func (f *fakeEpic) requests() []received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]received(nil), f.seen...)
}

func (f *fakeEpic) serve(t *testing.T, answer http.HandlerFunc) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.seen = append(f.seen, received{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"), string(body)})
		f.mu.Unlock()
		w.Header().Set("X-Epic-Correlation-ID", "UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0")
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// noRedirectClient is a real HTTP client that, like the extension's fetch with
// redirect "manual", hands back a 3xx instead of following it.
func noRedirectClient() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func epicJSON(status int, body string, extra ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		for i := 0; i+1 < len(extra); i += 2 {
			w.Header().Set(extra[i], extra[i+1])
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

func TestKillSendsExactlyOneRequestPerKillType(t *testing.T) {
	for _, kt := range KillTypes {
		t.Run(kt.Name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
			c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

			require.NoError(t, c.Kill(context.Background(), testToken, strings.ToLower(kt.Name)))

			require.Len(t, fake.requests(), 1)
			got := fake.requests()[0]
			assert.Equal(t, http.MethodDelete, got.method)
			assert.Equal(t, "/account/api/oauth/sessions/kill", got.path)
			assert.Equal(t, "killType="+kt.Name, got.rawQuery)
			assert.Equal(t, "bearer "+testToken, got.authorization)
			assert.Empty(t, got.body)
		})
	}
}

func TestKillDefaultsToEpicsAccountHost(t *testing.T) {
	var sent *http.Request
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		sent = r
		return answer(http.StatusNoContent, "", nil), nil
	})}
	require.NoError(t, c.Kill(context.Background(), testToken, "OTHERS"))
	require.NotNil(t, sent)
	assert.Equal(t, "https://account-public-service-prod.ol.epicgames.com/account/api/oauth/sessions/kill?killType=OTHERS", sent.URL.String())
	assert.NotContains(t, sent.URL.String(), testToken)
}

func TestKillTurnsEveryAnswerButNoContentIntoAnError(t *testing.T) {
	const correlation = "UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0"
	tests := []struct {
		name   string
		answer http.HandlerFunc
		want   APIError
		// wantText must appear in the error's sentence.
		wantText string
	}{
		{
			name:     "401 token no longer valid",
			answer:   epicJSON(401, bodyTokenVerificationFailed),
			want:     APIError{StatusCode: 401, Body: BodyEpicJSON, FromEpic: true, ContentType: "application/json", ErrorCode: "errors.com.epicgames.common.authentication.token_verification_failed", NumericErrorCode: 1031, ErrorMessage: "Sorry we couldn't validate your token [your token]. Please try with a new token.", MessageVars: []string{"[your token]"}, OriginatingService: "com.epicgames.account.public", Intent: "prod"},
			wantText: "Epic answered HTTP 401 errors.com.epicgames.common.authentication.token_verification_failed (1031)",
		},
		{
			name:     "403 missing permission",
			answer:   epicJSON(403, bodyMissingPermission),
			want:     APIError{StatusCode: 403, Body: BodyEpicJSON, FromEpic: true, ContentType: "application/json", ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023, ErrorMessage: "Sorry your login does not posses the permissions 'account:token:allSessionsForClient DELETE' needed to perform the requested operation", MessageVars: []string{"account:token:allSessionsForClient", "DELETE"}, OriginatingService: "com.epicgames.account.public", Intent: "prod"},
			wantText: "Epic answered HTTP 403 errors.com.epicgames.common.missing_permission (1023): Sorry your login",
		},
		{
			name:     "400 invalid kill type with OAuth fields",
			answer:   epicJSON(400, bodyInvalidKillType),
			want:     APIError{StatusCode: 400, Body: BodyEpicJSON, FromEpic: true, ContentType: "application/json", ErrorCode: "errors.com.epicgames.common.oauth.invalid_request", NumericErrorCode: 1013, ErrorMessage: "A valid killType is required.", MessageVars: []string{}, OriginatingService: "com.epicgames.account.public", Intent: "prod", OAuthError: "invalid_request", OAuthErrorDescription: "A valid killType is required."},
			wantText: "HTTP 400 errors.com.epicgames.common.oauth.invalid_request (1013): A valid killType is required.",
		},
		{
			name:     "404 unknown session",
			answer:   epicJSON(404, bodyUnknownSession),
			want:     APIError{StatusCode: 404, Body: BodyEpicJSON, FromEpic: true, ContentType: "application/json", ErrorCode: "errors.com.epicgames.account.auth_token.unknown_oauth_session", NumericErrorCode: 18051, ErrorMessage: "Sorry we could not find the auth session 'eg1~aaaaaa'", MessageVars: []string{"eg1~aaaaaa"}, OriginatingService: "com.epicgames.account.public", Intent: "prod"},
			wantText: "HTTP 404 errors.com.epicgames.account.auth_token.unknown_oauth_session (18051)",
		},
		{
			name:     "429 throttled with Retry-After",
			answer:   epicJSON(429, bodyThrottled, "Retry-After", "221"),
			want:     APIError{StatusCode: 429, Body: BodyEpicJSON, FromEpic: true, ContentType: "application/json", ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041, ErrorMessage: "Operation access is limited by throttling policy, please try again in 221 second(s).", MessageVars: []string{"221"}, OriginatingService: "com.epicgames.account.public", Intent: "prod", RetryAfter: 221 * time.Second},
			wantText: "HTTP 429 errors.com.epicgames.common.throttled (1041): Operation access is limited",
		},
		{
			name:     "500 server error",
			answer:   epicJSON(500, bodyServerError),
			want:     APIError{StatusCode: 500, Body: BodyEpicJSON, FromEpic: true, ContentType: "application/json", ErrorCode: "errors.com.epicgames.common.server_error", NumericErrorCode: 1000, ErrorMessage: "Sorry an error occurred and we were unable to resolve it.", MessageVars: []string{}, OriginatingService: "com.epicgames.account.public", Intent: "prod"},
			wantText: "HTTP 500 errors.com.epicgames.common.server_error (1000)",
		},
		{
			name: "503 HTML page with Epic's error headers",
			answer: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Header().Set("X-Epic-Error-Name", "errors.com.epicgames.common.server_error")
				w.Header().Set("X-Epic-Error-Code", "1000")
				w.WriteHeader(503)
				io.WriteString(w, bodyHTMLPage)
			},
			want:     APIError{StatusCode: 503, Body: BodyOther, FromEpic: true, ContentType: "text/html; charset=utf-8", ErrorCode: "errors.com.epicgames.common.server_error", NumericErrorCode: 1000},
			wantText: "Epic answered HTTP 503 errors.com.epicgames.common.server_error (1000) with a web page instead of Epic's error details",
		},
		{
			name: "403 challenge page without headers",
			answer: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(403)
				io.WriteString(w, bodyHTMLPage)
			},
			want:     APIError{StatusCode: 403, Body: BodyOther, ContentType: "text/html"},
			wantText: "Epic answered HTTP 403 with a web page instead of Epic's error details",
		},
		{
			name:     "JSON that is not Epic's",
			answer:   epicJSON(502, `{"message":"bad gateway"}`),
			want:     APIError{StatusCode: 502, Body: BodyOther, ContentType: "application/json"},
			wantText: "Epic answered HTTP 502 with a body that is not Epic's error format",
		},
		{
			name:     "empty body",
			answer:   func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) },
			want:     APIError{StatusCode: 404, Body: BodyEmpty},
			wantText: "Epic answered HTTP 404 with an empty body",
		},
		{
			name:     "200 is not success",
			answer:   epicJSON(200, `{}`),
			want:     APIError{StatusCode: 200, Body: BodyOther, ContentType: "application/json"},
			wantText: "Epic answered HTTP 200",
		},
		{
			name: "body over 64 KiB",
			answer: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(500)
				io.WriteString(w, `{"errorCode":"x","errorMessage":"`+strings.Repeat("a", MaxBodyBytes)+`"}`)
			},
			want:     APIError{StatusCode: 500, Body: BodyTooLarge, ContentType: "application/json"},
			wantText: "Epic answered HTTP 500 with a body over 64 KiB, which was not read",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, tt.answer)
			c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

			err := c.Kill(context.Background(), testToken, "OTHERS")

			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			want := tt.want
			want.CorrelationID = correlation
			if want.ContentType == "" && want.Body == BodyEmpty {
				want.ContentType = apiErr.ContentType // Go's server leaves it unset for an empty body
			}
			assert.Equal(t, &want, apiErr)
			assert.Contains(t, err.Error(), tt.wantText)
			assert.NotContains(t, err.Error(), testToken, "the token is a secret")
			assert.Len(t, fake.requests(), 1, "exactly one request, never a retry")
		})
	}
}

// doerFunc lets a test answer at the transport level.
type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func answer(status int, body string, header http.Header) *http.Response {
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{StatusCode: status, Header: header, Body: io.NopCloser(strings.NewReader(body))}
}

// countingReader is an endless body that counts what was read of it.
type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	r.n += len(p)
	return len(p), nil
}

func TestKillReadsAtMost64KiBOfABody(t *testing.T) {
	body := &countingReader{}
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 500, Header: http.Header{}, Body: io.NopCloser(body)}, nil
	})}

	err := c.Kill(context.Background(), testToken, "OTHERS")

	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, BodyTooLarge, apiErr.Body)
	assert.LessOrEqual(t, body.n, MaxBodyBytes+512, "read %d bytes of an endless body", body.n)
}

func TestKillReportsABodyThatBreaksOff(t *testing.T) {
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 500, Header: http.Header{}, Body: io.NopCloser(io.MultiReader(
			strings.NewReader(`{"errorCode":"errors.com`), iotestErrReader{}))}, nil
	})}
	err := c.Kill(context.Background(), testToken, "OTHERS")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, BodyUnreadable, apiErr.Body)
	assert.Equal(t, "Epic answered HTTP 500 but its body could not be read", err.Error())
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("connection reset by peer") }

func TestKillNeverFollowsARedirect(t *testing.T) {
	var elsewhere fakeEpic
	other := elsewhere.serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusFound)
	})

	err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).Kill(context.Background(), testToken, "OTHERS")

	var redirect *RedirectError
	require.ErrorAs(t, err, &redirect)
	assert.Equal(t, http.StatusFound, redirect.StatusCode)
	assert.Equal(t, other.URL+"/steal", redirect.Location)
	assert.Equal(t, "Epic answered with a redirect (HTTP 302); it was not followed, so the token was sent nowhere else", err.Error())
	assert.Len(t, fake.requests(), 1)
	assert.Empty(t, elsewhere.requests(), "the redirect target must receive nothing")
}

func TestKillTreatsAnOpaqueRedirectAsARedirect(t *testing.T) {
	// fetch with redirect "manual" reports a redirect as status 0 without a Location.
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) { return answer(0, "", nil), nil })}
	err := c.Kill(context.Background(), testToken, "OTHERS")
	var redirect *RedirectError
	require.ErrorAs(t, err, &redirect)
	assert.Equal(t, "Epic answered with a redirect; it was not followed, so the token was sent nowhere else", err.Error())
}

func TestKillReportsATransportFailureApartFromEpicsAnswers(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more

	err := (&Client{Doer: noRedirectClient(), BaseURL: url}).Kill(context.Background(), testToken, "OTHERS")

	var transport *TransportError
	require.ErrorAs(t, err, &transport)
	var apiErr *APIError
	assert.False(t, errors.As(err, &apiErr))
	assert.True(t, strings.HasPrefix(err.Error(), "could not reach Epic: "), err.Error())
	assert.NotContains(t, err.Error(), testToken)
}

// stalledEpic is a server that never answers until the client gives up.
func stalledEpic(t *testing.T) string {
	t.Helper()
	release := make(chan struct{})
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	t.Cleanup(func() { close(release) })
	return srv.URL
}

func TestKillStopsAtTheContextDeadline(t *testing.T) {
	url := stalledEpic(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()

	err := (&Client{Doer: noRedirectClient(), BaseURL: url}).Kill(ctx, testToken, "OTHERS")

	var transport *TransportError
	require.ErrorAs(t, err, &transport)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestKillRefusesBadInputWithoutSendingAnything(t *testing.T) {
	tests := []struct {
		name, token, killType string
		wantErr               string
	}{
		{"empty token", "", "OTHERS", "no access token: paste your current Epic access token"},
		{"blank token", "  \n ", "OTHERS", "no access token"},
		{"bearer only", "Bearer ", "OTHERS", "no access token"},
		{"space inside", "0659 81d5", "OTHERS", "the access token has spaces or line breaks inside: paste it as one piece"},
		{"unknown kill type", testToken, "EVERYONE", `unknown kill type "EVERYONE": choose one of OTHERS_ACCOUNT_CLIENT_SERVICE, OTHERS_ACCOUNT_CLIENT, OTHERS_SAME_SOURCE_ID, OTHERS, ALL, ALL_ACCOUNT_CLIENT`},
		{"no kill type", testToken, "", "no kill type chosen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

			err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).Kill(context.Background(), tt.token, tt.killType)

			require.Error(t, err)
			assert.Equal(t, tt.wantErr, err.Error()[:min(len(err.Error()), len(tt.wantErr))])
			assert.Empty(t, fake.requests(), "bad input must send nothing")
		})
	}
}

func TestKillStripsTheBearerPrefixAUserPasted(t *testing.T) {
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

	require.NoError(t, (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).Kill(context.Background(), "  Bearer "+testToken+"\n", "OTHERS"))

	require.Len(t, fake.requests(), 1)
	assert.Equal(t, "bearer "+testToken, fake.requests()[0].authorization)
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"221", 221 * time.Second},
		{" 5 ", 5 * time.Second},
		{"0", 0},
		{"-3", 0},
		{"soon", 0},
		{"Fri, 27 Nov 2026 12:01:30 GMT", 90 * time.Second},
		{"Fri, 27 Nov 2026 11:59:00 GMT", 0},
		// Past what a Duration holds: the longest wait, never a wrapped one.
		{"9300000000", time.Duration(maxRetryAfterSeconds) * time.Second},
		{"18446744074", time.Duration(maxRetryAfterSeconds) * time.Second},
		{"99999999999999999999999", time.Duration(maxRetryAfterSeconds) * time.Second},
		{"-99999999999999999999999", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, parseRetryAfter(tt.in, now))
		})
	}
}
