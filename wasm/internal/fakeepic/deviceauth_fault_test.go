//go:build !js

package fakeepic_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// TestFaultsReachTheDeviceAuthEndpoints: a token's fault answers the list
// and the delete as it answers a kill. A fault that answers in the
// service's place removes nothing; one that only delays or drips the
// service's answer leaves that answer whole.
func TestFaultsReachTheDeviceAuthEndpoints(t *testing.T) {
	cases := []struct {
		fault      fakeepic.Fault
		status     int  // 0: the request fails
		service    bool // the service answers, and a delete happens
		retryAfter string
	}{
		{fakeepic.Throttled(7), http.StatusTooManyRequests, false, "7"},
		{fakeepic.ServerError(503), http.StatusServiceUnavailable, false, ""},
		{fakeepic.HTMLPage(503), http.StatusServiceUnavailable, false, ""},
		{fakeepic.EpicError(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048, "Sorry"), http.StatusBadRequest, false, ""},
		{fakeepic.Raw(200, jsonHeader, []byte(`[]`)), http.StatusOK, false, ""},
		{fakeepic.Redirect(302, "https://collector.example/"), http.StatusFound, false, ""},
		{fakeepic.Dropped(), 0, false, ""},
		{fakeepic.Slow(time.Hour), 0, true, ""},
		{fakeepic.Late(time.Hour), 0, true, ""},
		{fakeepic.Drip(time.Hour), 0, true, ""},
	}
	endpoints := []struct {
		method, path string
		status       int // the service's own answer
	}{
		{http.MethodGet, deviceAuthsPath(accountA), http.StatusOK},
		{http.MethodDelete, deviceAuthsPath(accountA) + "/" + deviceA2, http.StatusNoContent},
	}
	for _, ep := range endpoints {
		for _, tc := range cases {
			t.Run(ep.method+"/"+tc.fault.String(), func(t *testing.T) {
				s := fakeepic.New()
				// Every wait of a fault is over at once.
				s.SetFaultClock(func(time.Duration) <-chan time.Time {
					over := make(chan time.Time, 1)
					over <- time.Time{}
					return over
				})
				srv, client := serveTLS(t, s)
				client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
				seedDevices(s)
				faulty := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
				healthy := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
				s.FaultToken(faulty, tc.fault)
				plain := mustSend(t, client, http.MethodGet, srv.URL+deviceAuthsPath(accountA), healthy)

				r, err := send(t, t.Context(), client, ep.method, srv.URL+ep.path, faulty)

				want := tc.status
				if tc.service {
					want = ep.status
				}
				if want == 0 {
					require.Error(t, err)
				} else {
					require.NoError(t, err)
					assert.Equal(t, want, r.status, string(r.body))
				}
				if tc.service && ep.method == http.MethodGet {
					assert.Equal(t, plain.body, r.body, "the service's list")
				}
				assert.Equal(t, tc.retryAfter, r.header.Get("Retry-After"))
				deleted := tc.service && ep.method == http.MethodDelete
				assert.Equal(t, !deleted, containsDevice(s.DeviceAuths(accountA), deviceA2), "the device auth is there")
			})
		}
	}
}

func TestFaultNextMatchingAimsAtOneRequest(t *testing.T) {
	s := fakeepic.New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	seedDevices(s)
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
	faulty := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
	list := deviceAuthsPath(accountA)
	isList := func(r fakeepic.Request) bool {
		return r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/deviceAuth")
	}
	isDelete := func(r fakeepic.Request) bool {
		return r.Method == http.MethodDelete && strings.Contains(r.Path, "/deviceAuth/")
	}
	s.FaultToken(faulty, fakeepic.HTMLPage(503))
	s.FaultNextMatching(isList, fakeepic.Throttled(1))
	s.FaultNextMatching(isDelete, fakeepic.ServerError(502))
	s.FaultNextMatching(isList, fakeepic.ServerError(500))
	steps := []struct {
		name         string
		before       func()
		method, path string
		token        string
		status       int
	}{
		{"verify goes through", nil, http.MethodGet, verifyPath, token, http.StatusOK},
		{"the first list meets the first fault aimed at lists", nil, http.MethodGet, list, token, http.StatusTooManyRequests},
		{"verify still goes through", nil, http.MethodGet, verifyPath, token, http.StatusOK},
		{"the delete meets its own, queued between the two", nil, http.MethodDelete, list + "/" + deviceA1, token, http.StatusBadGateway},
		{"the second list meets the second, before the token's", nil, http.MethodGet, list, faulty, http.StatusInternalServerError},
		{"each is used once: the token's fault", nil, http.MethodGet, list, faulty, http.StatusServiceUnavailable},
		{"and none for another token", nil, http.MethodGet, list, token, http.StatusOK},
		{"FaultNext goes first", func() {
			s.FaultNextMatching(isList, fakeepic.ServerError(502))
			s.FaultNext(fakeepic.Throttled(1))
		}, http.MethodGet, list, token, http.StatusTooManyRequests},
		{"then the aimed one", nil, http.MethodGet, list, token, http.StatusBadGateway},
		{"ClearFaults removes aimed faults", func() {
			s.FaultNextMatching(isList, fakeepic.ServerError(502))
			s.ClearFaults()
		}, http.MethodGet, list, faulty, http.StatusOK},
	}
	for _, step := range steps {
		if step.before != nil {
			step.before()
		}
		r := mustSend(t, srv.Client(), step.method, srv.URL+step.path, step.token)
		assert.Equal(t, step.status, r.status, step.name)
	}
	assert.True(t, containsDevice(s.DeviceAuths(accountA), deviceA1), "the faulted delete removed it")
}

func TestFaultNextMatchingSeesACopy(t *testing.T) {
	s := fakeepic.New()
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
	var seen []string
	s.FaultNextMatching(func(r fakeepic.Request) bool {
		seen = append(seen, r.Path)
		r.Header.Set("Authorization", "changed")
		r.Query.Set("changed", "yes")
		return false
	}, fakeepic.Throttled(1))

	rec := call(t, s, http.MethodGet, deviceAuthsPath(accountA)+"?a=1", bearer(token))

	assert.Equal(t, http.StatusOK, rec.Code, "an unmatched fault does nothing")
	assert.Equal(t, []string{deviceAuthsPath(accountA)}, seen)
	got := s.Requests()
	require.Len(t, got, 1)
	assert.Equal(t, token, got[0].Bearer())
	assert.Equal(t, "", got[0].Query.Get("changed"))
	// The fault still waits for a request it matches.
	assert.Equal(t, http.StatusOK, call(t, s, http.MethodGet, verifyPath, bearer(token)).Code)
	assert.Len(t, seen, 2)
}
