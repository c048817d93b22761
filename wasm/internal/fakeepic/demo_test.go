//go:build !js

package fakeepic_test

import (
	"net/http"
	"slices"
	"testing"

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
