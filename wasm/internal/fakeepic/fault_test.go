//go:build !js

package fakeepic_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

type response struct {
	status int
	header http.Header
	body   []byte
}

// send makes one request over a real connection.
func send(t *testing.T, ctx context.Context, client *http.Client, method, url, token string) (response, error) {
	t.Helper()
	resp, err := client.Do(newRequest(t, ctx, method, url, token))
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
		{fakeepic.Raw(200, nil, []byte(`{"killed":3}`)), "raw 200, 12 bytes"},
		{fakeepic.Redirect(302, "https://collector.example/"), "redirect 302 to https://collector.example/"},
		{fakeepic.CutBody(403, nil, []byte("0123456789"), 4), "cut body 403 after 4 of 10 bytes"},
		{fakeepic.CutBody(403, nil, []byte("0123456789"), 11), "cut body 403 after 10 of 10 bytes"},
		{fakeepic.CutBody(403, nil, []byte("0123456789"), -1), "cut body 403 after 0 of 10 bytes"},
		{fakeepic.Late(2 * time.Second), "late 2s"},
		{fakeepic.Drip(2 * time.Second), "the service's answer, a byte every 2s"},
		{fakeepic.Raw(403, nil, []byte("0123456789")).Dripped(time.Hour), "raw 403, 10 bytes, a byte every 1h0m0s"},
		{fakeepic.Drip(0), "none"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, tc.fault.String())
	}
}

// jsonHeader is the Content-Type of Epic's JSON answers.
var jsonHeader = http.Header{"Content-Type": {"application/json"}}

// markup would run if a page showed it as HTML.
const markup = `"'><img src=x onerror=alert(1)><script>alert(2)</script>`

func TestRawFaultAnswersExactly(t *testing.T) {
	cases := []struct {
		name   string
		status int
		header http.Header
		body   string
		// want holds headers the answer must carry exactly; a name without
		// values must be absent.
		want http.Header
	}{
		{"200 with a JSON body", 200, jsonHeader, `{"killed":3}`, http.Header{
			"Content-Type":      {"application/json"},
			"Content-Length":    {"12"},
			"Cache-Control":     {"no-cache, no-store, no-transform"},
			"X-Epic-Error-Name": nil,
		}},
		{"markup in errorMessage, messageVars and the correlation id", 409,
			http.Header{"Content-Type": {"application/json"}, "X-Epic-Correlation-ID": {"corr-" + markup}},
			`{"errorCode":"errors.com.epicgames.test.<b>bold</b>","errorMessage":"Failed: ` + "<img src=x onerror=alert(1)><script>alert(2)</script>" +
				`","messageVars":["<svg onload=alert(3)>"],"numericErrorCode":4242}`,
			http.Header{"X-Epic-Correlation-Id": {"corr-" + markup}, "Content-Type": {"application/json"}}},
		{"invalid UTF-8", 400, http.Header{"Content-Type": {"application/json; charset=UTF-8"}},
			"{\"errorMessage\":\"bad \xff\xfe\xc3 bytes\"}",
			http.Header{"Content-Type": {"application/json; charset=UTF-8"}}},
		{"no Content-Type unless given", 500, nil, "<!DOCTYPE html><p>not sniffed</p>",
			http.Header{"Content-Type": nil}},
		{"a name without values removes the service's header", 200,
			http.Header{"Cache-Control": nil, "Content-Type": {"text/plain"}}, "ok",
			http.Header{"Cache-Control": nil, "Content-Type": {"text/plain"}}},
		{"a lower-case name replaces the service's header", 200, http.Header{"cache-control": {"max-age=60"}}, "ok",
			http.Header{"Cache-Control": {"max-age=60"}}},
		{"204 without a body", 204, nil, "",
			http.Header{"Content-Type": nil, "Content-Length": nil, "Cache-Control": {"no-cache, no-store, no-transform"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			srv, client := serveTLS(t, s)
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultNext(fakeepic.Raw(tc.status, tc.header, []byte(tc.body)))

			r := mustSend(t, client, http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)

			assert.Equal(t, tc.status, r.status)
			assert.Equal(t, []byte(tc.body), r.body)
			for name, values := range tc.want {
				assert.Equal(t, values, r.header.Values(name), name)
			}
			assert.True(t, s.Alive(other), "a raw answer kills nothing")
		})
	}
}

func TestRawFaultKeepsItsOwnHeader(t *testing.T) {
	header := http.Header{"Content-Type": {"application/json"}}
	f := fakeepic.Raw(200, header, []byte("{}"))
	header.Set("Content-Type", "text/html")
	assert.NotEqual(t, fakeepic.Fault{}, f, "not the zero Fault")

	s := fakeepic.New()
	s.FaultNext(f)
	rec := call(t, s, http.MethodGet, verifyPath, "")

	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	assert.Equal(t, "{}", rec.Body.String())
}

// TestRawFaultSendsALargeBody: a 10 MiB body is written from the one slice,
// and writing stops, without a panic, when the client goes.
func TestRawFaultSendsALargeBody(t *testing.T) {
	body := append([]byte(`{"errorMessage":"`), bytes.Repeat([]byte("0123456789abcdef"), 10<<20/16)...)
	body = append(body, `"}`...)
	cases := []struct {
		name string
		read int64 // bytes the client reads before it closes the body
	}{
		{"read to the end", int64(len(body))},
		{"the client goes after 64 KiB", 64 << 10},
		{"the client goes at once", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			handled := make(chan any, 1)
			srv, client := serveTLS(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				defer func() { handled <- recover() }()
				if r.URL.Path == "/plain" { // the same body without the fault, to compare
					w.Header().Set("Content-Length", strconv.Itoa(len(body)))
					_, _ = w.Write(body)
					return
				}
				s.ServeHTTP(w, r)
			}))
			// A small window, so the client buffers little of what it has not read.
			client.Transport.(*http.Transport).HTTP2 = &http.HTTP2Config{MaxReceiveBufferPerStream: 64 << 10}
			s.FaultNext(fakeepic.Raw(500, jsonHeader, body))
			type result struct {
				status    int
				length    int64
				read      int64
				sum       []byte
				allocated uint64 // by client and server together, in this process
			}
			fetch := func(path string) result {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				resp, err := client.Do(newRequest(t, t.Context(), http.MethodGet, srv.URL+path, ""))
				require.NoError(t, err)
				sum := sha256.New()
				n, err := io.CopyN(sum, resp.Body, tc.read)
				require.NoError(t, err)
				require.NoError(t, resp.Body.Close())
				select {
				case p := <-handled:
					assert.Nil(t, p, "the handler panicked")
				case <-time.After(5 * time.Second):
					t.Fatal("the handler still writes after the client went")
				}
				runtime.ReadMemStats(&after)
				return result{resp.StatusCode, resp.ContentLength, n, sum.Sum(nil), after.TotalAlloc - before.TotalAlloc}
			}
			plain := fetch("/plain")

			got := fetch(verifyPath)

			assert.Equal(t, http.StatusInternalServerError, got.status)
			assert.Equal(t, int64(len(body)), got.length)
			assert.Equal(t, tc.read, got.read)
			want := sha256.Sum256(body[:tc.read])
			assert.Equal(t, want[:], got.sum)
			// The race detector makes TLS allocate for every record, so the
			// bound is relative; a copy of the body would add all of it.
			assert.Less(t, got.allocated, plain.allocated+uint64(len(body)/2), "bytes allocated")
		})
	}
}

func TestRedirectFaultAnswersOnlyTheRedirect(t *testing.T) {
	cases := []struct {
		status   int
		location string
	}{
		{301, "https://www.epicgames.com/id/login"},
		{302, "https://collector.example/steal?token=1"},
		{303, "/account/api/oauth/verify"},
		{307, "https://collector.example/" + markup},
		{308, "http://127.0.0.1:1/"},
	}
	for _, tc := range cases {
		t.Run(strconv.Itoa(tc.status), func(t *testing.T) {
			s := fakeepic.New()
			srv, client := serveTLS(t, s)
			client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultNext(fakeepic.Redirect(tc.status, tc.location))

			r := mustSend(t, client, http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)

			assert.Equal(t, tc.status, r.status)
			assert.Equal(t, []string{tc.location}, r.header.Values("Location"))
			assert.Empty(t, r.body)
			assert.Empty(t, r.header.Values("Content-Type"))
			assert.True(t, s.Alive(other), "a redirect kills nothing")
			assert.Len(t, s.Requests(), 1)
		})
	}
}

// TestCutBodyFaultBreaksTheBodyOff: the client gets the status, the headers
// and keep bytes, then an error, and the connection is gone.
func TestCutBodyFaultBreaksTheBodyOff(t *testing.T) {
	errBody := []byte(`{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions"}`)
	large := bytes.Repeat([]byte("0123456789abcdef"), 1<<20/16)
	cases := []struct {
		name   string
		proto  int // HTTP major version
		status int
		header http.Header
		body   []byte
		keep   int
		want   int // bytes the client gets
	}{
		{"status and headers only", 2, 403, jsonHeader, errBody, 0, 0},
		{"part of a JSON error", 2, 403, jsonHeader, errBody, 20, 20},
		{"all but the last byte", 2, 500, jsonHeader, errBody, len(errBody) - 1, len(errBody) - 1},
		{"the whole body, without its end", 2, 200, jsonHeader, errBody, len(errBody), len(errBody)},
		{"keep past the body", 2, 200, jsonHeader, errBody, len(errBody) + 10, len(errBody)},
		{"a large body cut in the middle", 2, 200, nil, large, len(large) / 2, len(large) / 2},
		{"a given Content-Length is replaced", 2, 403,
			http.Header{"Content-Type": {"application/json"}, "Content-Length": {"20"}}, errBody, 20, 20},
		{"part of a JSON error, over HTTP/1.1", 1, 403, jsonHeader, errBody, 20, 20},
		{"a large body cut in the middle, over HTTP/1.1", 1, 200, nil, large, len(large) / 2, len(large) / 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			srv, client := serveTLSOver(t, s, tc.proto)
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultNext(fakeepic.CutBody(tc.status, tc.header, tc.body, tc.keep))

			resp, err := client.Do(newRequest(t, t.Context(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller))
			require.NoError(t, err, "the status and headers arrive")
			got, err := io.ReadAll(resp.Body)
			resp.Body.Close()

			assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "the body breaks off")
			assert.Equal(t, tc.want, len(got), "bytes received")
			assert.True(t, bytes.Equal(tc.body[:tc.want], got), "the bytes received are the body's first")
			assert.Equal(t, tc.proto, resp.ProtoMajor)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, int64(len(tc.body)), resp.ContentLength)
			assert.Equal(t, tc.header.Values("Content-Type"), resp.Header.Values("Content-Type"))
			assert.NotEmpty(t, resp.Header.Get("X-Epic-Correlation-ID"))
			assert.True(t, s.Alive(other), "a cut answer kills nothing")
			// The next request needs a new connection: the whole one went.
			var reused bool
			ctx := httptrace.WithClientTrace(t.Context(), &httptrace.ClientTrace{
				GotConn: func(info httptrace.GotConnInfo) { reused = info.Reused },
			})
			resp, err = client.Do(newRequest(t, ctx, http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller))
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusNoContent, resp.StatusCode)
			assert.False(t, reused, "the cut connection was used again")
			assert.False(t, s.Alive(other))
		})
	}
}

// TestLateFaultActsAfterTheClientGaveUp: Late answers whether or not the
// client still waits; Slow, as a contrast, stops with the client. The test
// holds the faults' clock, so "before the delay" and "after it" are exact.
func TestLateFaultActsAfterTheClientGaveUp(t *testing.T) {
	const delay = 17 * time.Second
	cases := []struct {
		name   string
		fault  fakeepic.Fault
		giveUp bool // the client gives up as soon as the fault waits
		killed bool
	}{
		{"late, the client gives up", fakeepic.Late(delay), true, true},
		{"late, the client waits", fakeepic.Late(delay), false, true},
		{"slow, the client gives up", fakeepic.Slow(delay), true, false},
	}
	type result struct {
		resp *http.Response
		err  error
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			waits := holdWaits(s)
			serverSawClientGo, handled := make(chan struct{}), make(chan struct{})
			srv, client := serveTLS(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				defer close(handled)
				context.AfterFunc(r.Context(), func() { close(serverSawClientGo) })
				s.ServeHTTP(w, r)
			}))
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			s.FaultNext(tc.fault)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			answered := make(chan result, 1)
			go func() {
				resp, err := client.Do(newRequest(t, ctx, http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller))
				answered <- result{resp, err}
			}()

			assert.Equal(t, delay, waits.begun(t))
			if tc.giveUp {
				cancel()
				require.ErrorIs(t, receive(t, answered, "the client never gave up").err, context.Canceled)
				// The delay ends after the service knows, as a real one
				// does: the client gave up well before it.
				receive(t, serverSawClientGo, "the service never saw the client go")
			}
			assert.True(t, s.Alive(other), "killed before the delay")
			assert.Empty(t, answered, "answered before the delay")
			waits.pass()

			if !tc.giveUp {
				got := receive(t, answered, "no answer after the delay")
				require.NoError(t, got.err)
				got.resp.Body.Close()
				assert.Equal(t, http.StatusNoContent, got.resp.StatusCode)
			}
			receive(t, handled, "the handler never returned")
			assert.Equal(t, tc.killed, !s.Alive(other), "killed")
			assert.Len(t, s.Requests(), 1)
		})
	}
}

// TestFaultsWaitOnTheServicesClock: every wait of a fault goes through the
// clock SetFaultClock gives, so a test need not sleep through it.
func TestFaultsWaitOnTheServicesClock(t *testing.T) {
	cases := []struct {
		fault  fakeepic.Fault
		method string
		path   string
		status int // 0: the answer breaks off, maybe before its status
		waits  func(asked []time.Duration) bool
	}{
		{fakeepic.Slow(time.Hour), http.MethodDelete, killPath + "?killType=OTHERS", http.StatusNoContent,
			func(asked []time.Duration) bool { return slices.Equal(asked, []time.Duration{time.Hour}) }},
		{fakeepic.Late(time.Hour), http.MethodDelete, killPath + "?killType=OTHERS", http.StatusNoContent,
			func(asked []time.Duration) bool { return slices.Equal(asked, []time.Duration{time.Hour}) }},
		// One wait before each byte of verify's answer.
		{fakeepic.Drip(time.Hour), http.MethodGet, verifyPath, http.StatusOK,
			func(asked []time.Duration) bool {
				return len(asked) > 10 && !slices.ContainsFunc(asked, func(d time.Duration) bool { return d != time.Hour })
			}},
		// The pause between the body's start and the break.
		{fakeepic.CutBody(403, jsonHeader, []byte(`{"errorCode":"x"}`), 5), http.MethodDelete, killPath + "?killType=OTHERS", 0,
			func(asked []time.Duration) bool { return len(asked) == 1 && asked[0] > 0 }},
	}
	for _, tc := range cases {
		t.Run(tc.fault.String(), func(t *testing.T) {
			s := fakeepic.New()
			var (
				mu    sync.Mutex
				asked []time.Duration
			)
			s.SetFaultClock(func(d time.Duration) <-chan time.Time {
				mu.Lock()
				defer mu.Unlock()
				asked = append(asked, d)
				over := make(chan time.Time, 1)
				over <- time.Time{}
				return over
			})
			srv, client := serveTLS(t, s)
			token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			s.FaultNext(tc.fault)
			// Far less than any of the faults' real waits.
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()

			resp, err := client.Do(newRequest(t, ctx, tc.method, srv.URL+tc.path, token))
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}

			if tc.status != 0 {
				require.NoError(t, err)
				assert.Equal(t, tc.status, resp.StatusCode)
			}
			require.NoError(t, ctx.Err(), "the fault waited for real time")
			mu.Lock()
			defer mu.Unlock()
			assert.True(t, tc.waits(asked), "the clock was asked for %v", asked)
		})
	}
}

// TestEveryFaultedRequestIsRecorded: a request is recorded whatever a fault
// makes of it.
func TestEveryFaultedRequestIsRecorded(t *testing.T) {
	faults := []fakeepic.Fault{
		fakeepic.Throttled(1),
		fakeepic.ServerError(503),
		fakeepic.HTMLPage(403),
		fakeepic.EpicError(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048, "Sorry"),
		fakeepic.Slow(time.Millisecond),
		fakeepic.Dropped(),
		fakeepic.Raw(200, jsonHeader, []byte(`{"killed":3}`)),
		fakeepic.Redirect(307, "/elsewhere"),
		fakeepic.CutBody(403, jsonHeader, []byte(`{"errorCode":"x"}`), 5),
		fakeepic.Late(time.Millisecond),
		fakeepic.Drip(time.Millisecond),
		fakeepic.HTMLPage(403).Dripped(time.Millisecond),
	}
	for _, f := range faults {
		t.Run(f.String(), func(t *testing.T) {
			s := fakeepic.New()
			srv, client := serveTLS(t, s)
			client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			s.FaultNext(f)

			// A DELETE, because Go's client silently retries a dropped GET.
			resp, err := client.Do(newRequest(t, t.Context(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", token))
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}

			got := s.Requests()
			require.Len(t, got, 1)
			assert.Equal(t, http.MethodDelete, got[0].Method)
			assert.Equal(t, killPath, got[0].Path)
			assert.Equal(t, url.Values{"killType": {"OTHERS"}}, got[0].Query)
			assert.Equal(t, token, got[0].Bearer())
		})
	}
}

// TestDripFaultSpacesTheBytes: the status and headers come at once, then
// the body, one byte at a time, every interval.
func TestDripFaultSpacesTheBytes(t *testing.T) {
	const every = 200 * time.Millisecond
	body := []byte(`{"a":1}`)
	for _, proto := range []struct {
		name  string
		major int
	}{{"HTTP/2", 2}, {"HTTP/1.1", 1}} {
		t.Run(proto.name, func(t *testing.T) {
			s := fakeepic.New()
			srv, client := serveTLSOver(t, s, proto.major)
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			other := s.Issue(fakeepic.Grant{AccountID: accountA})
			// The connection is made first, so that only the answer is timed.
			mustSend(t, client, http.MethodGet, srv.URL+verifyPath, caller)
			s.FaultNext(fakeepic.Raw(403, jsonHeader, body).Dripped(every))

			start := time.Now()
			resp, err := client.Do(newRequest(t, t.Context(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller))
			require.NoError(t, err)
			defer resp.Body.Close()
			headers := time.Since(start)
			var got []byte
			reads := 0
			buf := make([]byte, 64)
			for {
				n, err := resp.Body.Read(buf)
				if n > 0 {
					reads++
					got = append(got, buf[:n]...)
				}
				if err == io.EOF {
					break
				}
				require.NoError(t, err)
			}
			took := time.Since(start)

			assert.Equal(t, 403, resp.StatusCode)
			assert.Equal(t, proto.major, resp.ProtoMajor)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			assert.Less(t, headers, every, "the headers waited for the body")
			assert.Equal(t, body, got)
			assert.Equal(t, len(body), reads, "the bytes came together")
			assert.GreaterOrEqual(t, took, time.Duration(len(body))*every, "the body came sooner than a byte every %s", every)
			assert.True(t, s.Alive(other), "a dripped answer kills nothing")
		})
	}
}

// TestDripFaultKeepsTheAnswer: what comes, slowly, is the answer the service
// or the dripped fault gives without the drip.
func TestDripFaultKeepsTheAnswer(t *testing.T) {
	const every = time.Millisecond
	s := fakeepic.New()
	srv, client := serveTLS(t, s)
	caller := s.Issue(fakeepic.Grant{AccountID: accountA, DisplayName: "Player", Permissions: killPerms})
	other := s.Issue(fakeepic.Grant{AccountID: accountA})

	s.FaultNext(fakeepic.Drip(every))
	r := mustSend(t, client, http.MethodGet, srv.URL+verifyPath+"?includePerms=true", caller)
	require.Equal(t, http.StatusOK, r.status, string(r.body))
	var v struct {
		Token       string                `json:"token"`
		DisplayName string                `json:"display_name"`
		Perms       []fakeepic.Permission `json:"perms"`
	}
	require.NoError(t, json.Unmarshal(r.body, &v), string(r.body))
	assert.Equal(t, caller, v.Token)
	assert.Equal(t, "Player", v.DisplayName)
	assert.Equal(t, killPerms, v.Perms)
	assert.Equal(t, strconv.Itoa(len(r.body)), r.header.Get("Content-Length"))

	s.FaultNext(fakeepic.Throttled(7).Dripped(every))
	r = mustSend(t, client, http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)
	require.Equal(t, http.StatusTooManyRequests, r.status)
	assert.Equal(t, "7", r.header.Get("Retry-After"))
	assert.Equal(t, "errors.com.epicgames.common.throttled", decodeError(t, r.header, r.body).ErrorCode)
	assert.True(t, s.Alive(other))

	s.FaultNext(fakeepic.Drip(every))
	r = mustSend(t, client, http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", caller)
	assert.Equal(t, http.StatusNoContent, r.status, "a dripped kill still kills")
	assert.Empty(t, r.body)
	assert.False(t, s.Alive(other))
}

// TestDripFaultEndsWhenTheClientGoes: Drip sends the status and headers,
// and no body while its first interval lasts; the handler returns, without a
// panic, once the client gives up. The test holds the faults' clock, so the
// interval never ends.
func TestDripFaultEndsWhenTheClientGoes(t *testing.T) {
	for _, proto := range []struct {
		name  string
		major int
	}{{"HTTP/2", 2}, {"HTTP/1.1", 1}} {
		t.Run(proto.name, func(t *testing.T) {
			s := fakeepic.New()
			waits := holdWaits(s)
			handled := make(chan any, 1)
			srv, client := serveTLS(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				defer func() { handled <- recover() }()
				s.ServeHTTP(w, r)
			}))
			if proto.major == 1 {
				var only1 http.Protocols
				only1.SetHTTP1(true)
				client.Transport.(*http.Transport).Protocols = &only1
			}
			caller := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
			s.FaultNext(fakeepic.Drip(time.Hour))
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()

			resp, err := client.Do(newRequest(t, ctx, http.MethodGet, srv.URL+verifyPath+"?includePerms=true", caller))
			require.NoError(t, err, "the status and headers arrive")
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			read := make(chan int, 1)
			go func() {
				n, _ := resp.Body.Read(make([]byte, 64))
				read <- n
			}()
			// The first byte waits for the interval, which the test holds.
			assert.Equal(t, time.Hour, waits.begun(t))
			cancel()

			select {
			case p := <-handled:
				assert.Nil(t, p, "the handler panicked")
			case <-time.After(5 * time.Second):
				t.Fatal("the handler still drips after the client went")
			}
			assert.Equal(t, 0, <-read, "bytes of the body came")
			resp.Body.Close()
			assert.Len(t, s.Requests(), 1)
		})
	}
}
