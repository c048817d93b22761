//go:build !js

package fakeepic_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

func TestRequestsAreRecordedInOrder(t *testing.T) {
	s := fakeepic.New()
	clock := newFakeClock()
	s.SetClock(clock.Now)
	srv := httptest.NewServer(s)
	defer srv.Close()
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: killPerms})
	s.FaultNext(fakeepic.Throttled(3))
	s.FaultNext(fakeepic.Dropped())

	_ = mustSend(t, srv.Client(), http.MethodDelete, srv.URL+killPath+"?killType=OTHERS", token)
	clock.Advance(time.Second)
	// A DELETE, because Go's client silently retries a dropped GET.
	_, err := send(t, t.Context(), srv.Client(), http.MethodDelete, srv.URL+killPath+"/"+token+"?killAllWithSameSource=true", token)
	require.Error(t, err)
	clock.Advance(time.Second)
	_ = mustSend(t, srv.Client(), http.MethodOptions, srv.URL+"/nowhere?a=1&a=2", "")

	got := s.Requests()

	require.Len(t, got, 3)
	want := []struct {
		method, path string
		query        url.Values
		bearer       string
		time         time.Time
	}{
		{http.MethodDelete, killPath, url.Values{"killType": {"OTHERS"}}, token, clock.Now().Add(-2 * time.Second)},
		{http.MethodDelete, killPath + "/" + token, url.Values{"killAllWithSameSource": {"true"}}, token, clock.Now().Add(-time.Second)},
		{http.MethodOptions, "/nowhere", url.Values{"a": {"1", "2"}}, "", clock.Now()},
	}
	for i, w := range want {
		assert.Equal(t, w.method, got[i].Method, i)
		assert.Equal(t, w.path, got[i].Path, i)
		assert.Equal(t, w.query, got[i].Query, i)
		assert.Equal(t, w.bearer, got[i].Bearer(), i)
		assert.Equal(t, w.time, got[i].Time, i)
		assert.NotEmpty(t, got[i].Header.Get("User-Agent"), i)
	}
}

func TestRequestsReturnsACopy(t *testing.T) {
	s := fakeepic.New()
	call(t, s, http.MethodGet, verifyPath+"?includePerms=true", "bearer x")
	got := s.Requests()
	got[0].Query.Set("includePerms", "false")
	got[0].Header.Set("Authorization", "changed")
	got[0].Method = "changed"

	again := s.Requests()

	assert.Equal(t, "true", again[0].Query.Get("includePerms"))
	assert.Equal(t, "bearer x", again[0].Header.Get("Authorization"))
	assert.Equal(t, http.MethodGet, again[0].Method)
}

func TestRequestBearer(t *testing.T) {
	cases := []struct {
		authorization string
		want          string
	}{
		{"bearer abc", "abc"},
		{"Bearer abc", "abc"},
		{"BEARER eg1~x.y.z", "eg1~x.y.z"},
		{"bearer  abc ", "abc"},
		{"basic abc", ""},
		{"bearerabc", ""},
		{"bearer", ""},
		{"bearer ", ""},
		{"", ""},
	}
	for _, tc := range cases {
		r := fakeepic.Request{Header: http.Header{}}
		if tc.authorization != "" {
			r.Header.Set("Authorization", tc.authorization)
		}
		assert.Equal(t, tc.want, r.Bearer(), tc.authorization)
	}
}

func TestIssuedListsEveryToken(t *testing.T) {
	s := fakeepic.New()
	assert.Empty(t, s.Issued(), "none yet")
	grants := []struct {
		name  string
		issue func() string
	}{
		{"random", func() string { return s.Issue(fakeepic.Grant{AccountID: accountA}) }},
		{"fixed", func() string { return s.Issue(fakeepic.Grant{Token: "de000000000000000000000000000001"}) }},
		{"client-only", func() string { return s.Issue(fakeepic.Grant{ClientID: "c"}) }},
		{"eg1", func() string { return s.IssueEG1(fakeepic.Grant{AccountID: accountA}) }},
		{"expired", func() string { return s.Issue(fakeepic.Grant{AccountID: accountA, ExpiresIn: -time.Hour}) }},
		{"the fixed one again", func() string { return s.Issue(fakeepic.Grant{Token: "de000000000000000000000000000001"}) }},
	}
	var want []string
	for _, g := range grants {
		want = append(want, g.issue())
		assert.Equal(t, want, s.Issued(), g.name)
	}
	for _, token := range fakeepic.Demo(s) {
		want = append(want, token.Token)
	}
	assert.Equal(t, want, s.Issued(), "the demo's tokens")

	got := s.Issued()
	got[0] = "changed"
	assert.Equal(t, want, s.Issued(), "a copy")
}

// TestDeviceAuthRequestsAreRecorded: the list and the delete are recorded
// as every request is, faulted or not, with the token only in the
// Authorization header.
func TestDeviceAuthRequestsAreRecorded(t *testing.T) {
	s := fakeepic.New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	seedDevices(s)
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
	list, device := deviceAuthsPath(accountA), deviceAuthsPath(accountA)+"/"+deviceA1
	sent := []struct {
		method, target, token string
		fault                 fakeepic.Fault
		status                int // 0: the request fails
	}{
		{http.MethodGet, list, token, fakeepic.Fault{}, http.StatusOK},
		{http.MethodDelete, device, token, fakeepic.Dropped(), 0},
		{http.MethodDelete, device, token, fakeepic.Fault{}, http.StatusNoContent},
		{http.MethodDelete, device + "?reason=gone", token, fakeepic.Fault{}, http.StatusNotFound},
		{http.MethodGet, deviceAuthsPath(accountB), token, fakeepic.Throttled(3), http.StatusTooManyRequests},
		{http.MethodGet, list, "", fakeepic.Fault{}, http.StatusUnauthorized},
	}
	for _, r := range sent {
		s.FaultNext(r.fault)
		got, err := send(t, t.Context(), srv.Client(), r.method, srv.URL+r.target, r.token)
		if r.status == 0 {
			require.Error(t, err, r.target)
		} else {
			require.NoError(t, err, r.target)
			assert.Equal(t, r.status, got.status, r.target)
		}
	}

	got := s.Requests()

	require.Len(t, got, len(sent))
	for i, r := range sent {
		path, query, _ := strings.Cut(r.target, "?")
		want, err := url.ParseQuery(query)
		require.NoError(t, err)
		assert.Equal(t, r.method, got[i].Method, i)
		assert.Equal(t, path, got[i].Path, i)
		assert.Equal(t, want, got[i].Query, i)
		assert.Equal(t, r.token, got[i].Bearer(), i)
		if r.token != "" {
			assert.NotContains(t, got[i].Path, r.token, i)
			assert.NotContains(t, got[i].Query.Encode(), r.token, i)
		}
	}
}
