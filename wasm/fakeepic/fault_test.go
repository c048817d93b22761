//go:build !js

package fakeepic_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/fakeepic"
)

type response struct {
	status int
	header http.Header
	body   []byte
}

// send makes one request over a real connection.
func send(t *testing.T, ctx context.Context, client *http.Client, method, url, token string) (response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", bearer(token))
	}
	resp, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assertEpicHeaders(t, resp.Header)
	return response{resp.StatusCode, resp.Header, body}, nil
}

func mustSend(t *testing.T, client *http.Client, method, url, token string) response {
	t.Helper()
	r, err := send(t, t.Context(), client, method, url, token)
	require.NoError(t, err)
	return r
}

func TestFaultAnswers(t *testing.T) {
	cases := []struct {
		fault fakeepic.Fault
		check func(t *testing.T, r response)
	}{
		{fakeepic.Throttled(221), func(t *testing.T, r response) {
			require.Equal(t, http.StatusTooManyRequests, r.status)
			assert.Equal(t, "221", r.header.Get("Retry-After"))
			e := decodeError(t, r.header, r.body)
			assert.Equal(t, "errors.com.epicgames.common.throttled", e.ErrorCode)
			assert.Equal(t, 1041, e.NumericErrorCode)
			assert.Equal(t, []string{"221"}, e.MessageVars)
			assert.Equal(t, "Operation access is limited by throttling policy, please try again in 221 second(s).", e.ErrorMessage)
		}},
		{fakeepic.ServerError(503), func(t *testing.T, r response) {
			require.Equal(t, http.StatusServiceUnavailable, r.status)
			e := decodeError(t, r.header, r.body)
			assert.Equal(t, "errors.com.epicgames.common.server_error", e.ErrorCode)
			assert.Equal(t, 1000, e.NumericErrorCode)
			id := r.header.Get("X-Epic-Correlation-ID")
			assert.Equal(t, "Sorry an error occurred and we were unable to resolve it (tracking id: ["+id+"])", e.ErrorMessage)
		}},
		{fakeepic.ServerError(500), func(t *testing.T, r response) {
			require.Equal(t, http.StatusInternalServerError, r.status)
			assert.Equal(t, "errors.com.epicgames.common.server_error", decodeError(t, r.header, r.body).ErrorCode)
		}},
		{fakeepic.HTMLPage(503), func(t *testing.T, r response) {
			require.Equal(t, http.StatusServiceUnavailable, r.status)
			assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "text/html"), r.header.Get("Content-Type"))
			assert.True(t, strings.HasPrefix(string(r.body), "<!DOCTYPE html>"), string(r.body))
			assert.Empty(t, r.header.Get("X-Epic-Error-Name"))
			assert.Empty(t, r.header.Get("X-Epic-Error-Code"))
		}},
		{fakeepic.HTMLPage(403), func(t *testing.T, r response) {
			require.Equal(t, http.StatusForbidden, r.status)
			assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "text/html"))
			assert.Contains(t, string(r.body), "403 Forbidden")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.fault.String(), func(t *testing.T) {
			s := fakeepic.New()
			srv := httptest.NewServer(s)
			defer srv.Close()
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultToken(caller, tc.fault)

			tc.check(t, mustSend(t, srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller))

			assert.True(t, s.Alive(other), "a faulted request kills nothing")
		})
	}
}

func TestSlowFaultDelaysThenAnswers(t *testing.T) {
	const delay = 50 * time.Millisecond
	s := fakeepic.New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
	other := s.Issue(fakeepic.Grant{AccountID: accountA})
	s.FaultNext(fakeepic.Slow(delay))
	start := time.Now()

	r := mustSend(t, srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)

	assert.GreaterOrEqual(t, time.Since(start), delay)
	assert.Equal(t, http.StatusNoContent, r.status)
	assert.False(t, s.Alive(other))
}

func TestSlowFaultGivesUpWithTheClient(t *testing.T) {
	s := fakeepic.New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
	other := s.Issue(fakeepic.Grant{AccountID: accountA})
	s.FaultNext(fakeepic.Slow(time.Minute))
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()

	_, err := send(t, ctx, srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)

	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 10*time.Second)
	srv.Close() // waits for the handler, which must have given up
	assert.True(t, s.Alive(other))
}

func TestDroppedFaultFailsTheRequest(t *testing.T) {
	servers := []struct {
		name  string
		start func(h http.Handler) *httptest.Server
	}{
		{"HTTP/1.1", httptest.NewServer},
		{"HTTP/2", func(h http.Handler) *httptest.Server {
			srv := httptest.NewUnstartedServer(h)
			srv.EnableHTTP2 = true
			srv.StartTLS()
			return srv
		}},
	}
	for _, tc := range servers {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			srv := tc.start(s)
			defer srv.Close()
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultNext(fakeepic.Dropped())

			_, err := send(t, t.Context(), srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)

			require.Error(t, err)
			assert.True(t, s.Alive(other))
			assert.Len(t, s.Requests(), 1, "the dropped request is recorded")
			// The next request is answered normally.
			assert.Equal(t, http.StatusNoContent, mustSend(t, srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller).status)
			assert.False(t, s.Alive(other))
		})
	}
}

func TestFaultOrder(t *testing.T) {
	s := fakeepic.New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	faulty := s.Issue(fakeepic.Grant{AccountID: accountA})
	healthy := s.Issue(fakeepic.Grant{AccountID: accountA})
	s.FaultToken(faulty, fakeepic.HTMLPage(503))
	s.FaultNext(fakeepic.Throttled(1))
	s.FaultNext(fakeepic.ServerError(502))
	steps := []struct {
		name   string
		token  string
		path   string
		clear  bool
		status int
	}{
		{"first queued fault comes first, whatever the token", healthy, verifyPath, false, http.StatusTooManyRequests},
		{"second queued fault next, even before the token's", faulty, verifyPath, false, http.StatusBadGateway},
		{"queue empty: the token's fault", faulty, verifyPath, false, http.StatusServiceUnavailable},
		{"the token's fault again", faulty, verifyPath, false, http.StatusServiceUnavailable},
		{"the token's fault on any path", faulty, "/nowhere", false, http.StatusServiceUnavailable},
		{"other tokens are unaffected", healthy, verifyPath, false, http.StatusOK},
		{"no token, no fault", "", verifyPath, false, http.StatusUnauthorized},
		{"cleared", faulty, verifyPath, true, http.StatusOK},
	}
	for _, step := range steps {
		if step.clear {
			s.ClearFaults()
		}
		r := mustSend(t, srv.Client(), http.MethodGet, srv.URL+step.path, step.token)
		assert.Equal(t, step.status, r.status, step.name)
	}
}

func TestClearFaultsEmptiesTheQueue(t *testing.T) {
	s := fakeepic.New()
	token := s.Issue(fakeepic.Grant{AccountID: accountA})
	s.FaultNext(fakeepic.Throttled(1))
	s.ClearFaults()

	assert.Equal(t, http.StatusOK, call(t, s, http.MethodGet, verifyPath, bearer(token)).Code)
}

func TestFaultString(t *testing.T) {
	cases := []struct {
		fault fakeepic.Fault
		want  string
	}{
		{fakeepic.Fault{}, "none"},
		{fakeepic.Throttled(221), "throttled 221s"},
		{fakeepic.ServerError(503), "server error 503"},
		{fakeepic.HTMLPage(403), "html page 403"},
		{fakeepic.Slow(50 * time.Millisecond), "slow 50ms"},
		{fakeepic.Dropped(), "dropped"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, tc.fault.String())
	}
}
