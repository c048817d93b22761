//go:build !js

package fakeepic_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// Demo token positions, as Demo returns them.
const (
	demoFortnite = iota
	demoEveryKill
	demoExpired
	demoThrottled
	demoHTML
	demoOtherDevice
	demoOtherService
	demoLauncher
	demoClientOnly
)

func TestDemoTokensAreStable(t *testing.T) {
	first := fakeepic.Demo(fakeepic.New())
	second := fakeepic.Demo(fakeepic.New())

	require.Equal(t, first, second)
	require.Len(t, first, demoClientOnly+1)
	seen := map[string]bool{}
	for _, d := range first {
		assert.Regexp(t, hex32, d.Token)
		assert.NotEmpty(t, d.Label)
		assert.NotEmpty(t, d.Shows)
		assert.False(t, seen[d.Token], "token listed twice")
		seen[d.Token] = true
	}
}

func TestDemoTokensBehaveAsLabelled(t *testing.T) {
	cases := []struct {
		name     string
		token    int
		killType string
		status   int
		code     string
		dead     []int
	}{
		{"Fortnite kills other Fortnite service sessions", demoFortnite, "OTHERS_ACCOUNT_CLIENT_SERVICE", http.StatusNoContent, "",
			[]int{demoOtherDevice, demoThrottled, demoHTML}},
		{"Fortnite kills other Fortnite sessions", demoFortnite, "OTHERS_ACCOUNT_CLIENT", http.StatusNoContent, "",
			[]int{demoOtherDevice, demoOtherService, demoThrottled, demoHTML}},
		{"Fortnite cannot kill the account's sessions", demoFortnite, "OTHERS", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
		{"Fortnite cannot kill everything", demoFortnite, "ALL", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
		{"Fortnite cannot kill by source", demoFortnite, "OTHERS_SAME_SOURCE_ID", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
		{"Fortnite cannot kill its client's sessions with itself", demoFortnite, "ALL_ACCOUNT_CLIENT", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
		{"every kill: OTHERS", demoEveryKill, "OTHERS", http.StatusNoContent, "",
			[]int{demoFortnite, demoThrottled, demoHTML, demoOtherDevice, demoOtherService, demoLauncher}},
		{"every kill: ALL ends itself", demoEveryKill, "ALL", http.StatusNoContent, "",
			[]int{demoEveryKill, demoFortnite, demoThrottled, demoHTML, demoOtherDevice, demoOtherService, demoLauncher}},
		{"every kill: ALL_ACCOUNT_CLIENT ends the launcher sessions", demoEveryKill, "ALL_ACCOUNT_CLIENT", http.StatusNoContent, "",
			[]int{demoEveryKill, demoLauncher}},
		{"every kill: OTHERS_SAME_SOURCE_ID", demoEveryKill, "OTHERS_SAME_SOURCE_ID", http.StatusNoContent, "",
			[]int{demoFortnite, demoThrottled, demoHTML, demoOtherService}},
		{"expired", demoExpired, "OTHERS_ACCOUNT_CLIENT", http.StatusUnauthorized, "errors.com.epicgames.common.authentication.token_verification_failed", nil},
		{"throttled", demoThrottled, "OTHERS_ACCOUNT_CLIENT", http.StatusTooManyRequests, "errors.com.epicgames.common.throttled", nil},
		{"HTML page", demoHTML, "OTHERS_ACCOUNT_CLIENT", http.StatusServiceUnavailable, "", nil},
		{"other device holds nothing", demoOtherDevice, "OTHERS_ACCOUNT_CLIENT", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
		{"launcher holds nothing", demoLauncher, "OTHERS_ACCOUNT_CLIENT", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
		{"client-only refuses account types", demoClientOnly, "OTHERS_ACCOUNT_CLIENT", http.StatusBadRequest, "errors.com.epicgames.common.oauth.invalid_request", nil},
		{"client-only lacks OTHERS", demoClientOnly, "OTHERS", http.StatusForbidden, "errors.com.epicgames.common.missing_permission", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			demo := fakeepic.Demo(s)

			rec := kill(t, s, demo[tc.token].Token, tc.killType)

			require.Equal(t, tc.status, rec.Code, rec.Body.String())
			switch {
			case tc.status == http.StatusNoContent:
				requireNoContent(t, rec)
			case tc.code == "":
				assert.Contains(t, rec.Header().Get("Content-Type"), "text/html")
			default:
				assert.Equal(t, tc.code, requireError(t, rec, tc.status).ErrorCode)
			}
			for i, d := range demo {
				wantAlive := i != demoExpired && !slices.Contains(tc.dead, i)
				assert.Equal(t, wantAlive, s.Alive(d.Token), "%d %s", i+1, d.Label)
			}
		})
	}
}

func TestDemoVerifyShowsTheDemoPlayer(t *testing.T) {
	s := fakeepic.New()
	demo := fakeepic.Demo(s)

	rec := call(t, s, http.MethodGet, verifyPath+"?includePerms=true", bearer(demo[demoFortnite].Token))

	require.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Body.String(), `"display_name":"DemoPlayer"`)
	assert.Contains(t, rec.Body.String(), `"client_id":"ec684b8c687f479fadea3cb2ad83f5c6"`)
	assert.Contains(t, rec.Body.String(), `{"resource":"account:token:otherSessionsForAccountClientService","action":8}`)
}

// demoAccount is the demo player's account id.
const demoAccount = "de0000000000000000000000000000aa"

// documentation are the address ranges meant for examples (RFC 5737, RFC 3849).
var documentation = []netip.Prefix{
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// The user agents of Fortnite on a phone and on a console.
var (
	phoneAgent   = regexp.MustCompile(`^Fortnite/\+\+Fortnite\+Release-\S+ (IOS|Android)/`)
	consoleAgent = regexp.MustCompile(`^Fortnite/\+\+Fortnite\+Release-\S+ (PS5|Switch|XSX)/`)
)

func TestDemoSavedLogins(t *testing.T) {
	s := fakeepic.New()
	demo := fakeepic.Demo(s)

	got := s.DeviceAuths(demoAccount)

	require.Len(t, got, 4)
	assert.Contains(t, demo[demoEveryKill].Shows, "the 4 saved logins")
	kinds := map[string]int{}
	seen := map[string]bool{}
	for _, d := range got {
		assert.Regexp(t, hex32, d.DeviceID)
		assert.False(t, seen[d.DeviceID], "device id listed twice")
		seen[d.DeviceID] = true
		assert.Equal(t, demoAccount, d.AccountID)
		switch {
		case phoneAgent.MatchString(d.UserAgent):
			kinds["phone"]++
		case consoleAgent.MatchString(d.UserAgent):
			kinds["console"]++
		case !strings.HasPrefix(d.UserAgent, "Fortnite/"):
			kinds["library"]++
		}
		events := []fakeepic.DeviceAuthEvent{d.Created}
		if d.LastAccess != nil {
			events = append(events, *d.LastAccess)
			assert.True(t, d.LastAccess.Time.After(d.Created.Time), "%s used before it was created", d.DeviceID)
		} else {
			kinds["never used"]++
		}
		for _, e := range events {
			assert.NotEmpty(t, e.Location)
			assert.True(t, e.Time.Before(time.Now()), "%s in the future", e.Time)
			addr, err := netip.ParseAddr(e.IPAddress)
			if assert.NoError(t, err) {
				assert.True(t, slices.ContainsFunc(documentation, func(p netip.Prefix) bool { return p.Contains(addr) }),
					"%s is not a documentation address", addr)
			}
		}
	}
	assert.Equal(t, map[string]int{"phone": 2, "console": 1, "library": 1, "never used": 1}, kinds)
}

func TestDemoAgainKeepsOneOfEachSavedLogin(t *testing.T) {
	s := fakeepic.New()
	demo := fakeepic.Demo(s)
	first := s.DeviceAuths(demoAccount)
	requireNoContent(t, call(t, s, http.MethodDelete, deviceAuthsPath(demoAccount)+"/"+first[1].DeviceID, bearer(demo[demoEveryKill].Token)))
	require.Len(t, s.DeviceAuths(demoAccount), len(first)-1)

	fakeepic.Demo(s)
	fakeepic.Demo(s)

	assert.ElementsMatch(t, first, s.DeviceAuths(demoAccount), "the removed one is back, and none twice")
}

func TestDemoTokensMeetTheSavedLogins(t *testing.T) {
	const missing = "errors.com.epicgames.common.missing_permission"
	cases := []struct {
		token  int
		method string
		status int
		code   string // "" for success or the HTML page
	}{
		{demoFortnite, http.MethodGet, http.StatusForbidden, missing},
		{demoFortnite, http.MethodDelete, http.StatusForbidden, missing},
		{demoEveryKill, http.MethodGet, http.StatusOK, ""},
		{demoEveryKill, http.MethodDelete, http.StatusNoContent, ""},
		{demoExpired, http.MethodGet, http.StatusUnauthorized, "errors.com.epicgames.common.authentication.token_verification_failed"},
		{demoThrottled, http.MethodGet, http.StatusTooManyRequests, "errors.com.epicgames.common.throttled"},
		{demoThrottled, http.MethodDelete, http.StatusTooManyRequests, "errors.com.epicgames.common.throttled"},
		{demoHTML, http.MethodGet, http.StatusServiceUnavailable, ""},
		{demoOtherDevice, http.MethodGet, http.StatusForbidden, missing},
		{demoOtherService, http.MethodGet, http.StatusForbidden, missing},
		{demoLauncher, http.MethodGet, http.StatusForbidden, missing},
		{demoLauncher, http.MethodDelete, http.StatusForbidden, missing},
		{demoClientOnly, http.MethodGet, http.StatusForbidden, missing},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%d %s", tc.token+1, tc.method), func(t *testing.T) {
			s := fakeepic.New()
			demo := fakeepic.Demo(s)
			before := s.DeviceAuths(demoAccount)
			target := deviceAuthsPath(demoAccount)
			if tc.method == http.MethodDelete {
				target += "/" + before[0].DeviceID
			}

			rec := call(t, s, tc.method, target, bearer(demo[tc.token].Token))

			require.Equal(t, tc.status, rec.Code, rec.Body.String())
			switch {
			case tc.status == http.StatusOK:
				var listed []map[string]any
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &listed))
				assert.Len(t, listed, len(before))
			case tc.status == http.StatusNoContent:
				requireNoContent(t, rec)
			case tc.code == "":
				assert.Contains(t, rec.Header().Get("Content-Type"), "text/html")
			default:
				assert.Equal(t, tc.code, requireError(t, rec, tc.status).ErrorCode)
			}
			removed := tc.status == http.StatusNoContent
			assert.Equal(t, !removed, containsDevice(s.DeviceAuths(demoAccount), before[0].DeviceID))
		})
	}
}
