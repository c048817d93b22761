//go:build !js

package e2e

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/extension/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/fakeepic"
)

const killPath = "/account/api/oauth/sessions/kill"

// The test player's account, and the Fortnite PC game client its sessions use.
const (
	playerAccount  = "4f1c1d06b2a54b3e9a0c5d7e8f901234"
	fortniteClient = "ec684b8c687f479fadea3cb2ad83f5c6"
)

// everyKill holds DELETE on every account:token resource, so every kill type
// is allowed and only the request itself decides what happens.
var everyKill = []fakeepic.Permission{{Resource: "account:token:*", Action: fakeepic.Delete}}

// player issues the caller's session and a second session of the same
// account, client, service and source, which every kill type ends.
func player(s *fakeepic.Service, perms []fakeepic.Permission) (caller, victim string) {
	g := fakeepic.Grant{
		AccountID:     playerAccount,
		DisplayName:   "TestPlayer",
		ClientID:      fortniteClient,
		ClientService: "fortnite",
		SourceID:      "source-1",
		Permissions:   perms,
	}
	caller = s.Issue(g)
	g.Permissions = nil
	victim = s.Issue(g)
	return caller, victim
}

// allowedEverything is a player whose token may use every kill type.
func allowedEverything(s *fakeepic.Service) (string, string) { return player(s, everyKill) }

// faulted is a player whose every request meets f instead of Epic's answer.
func faulted(f fakeepic.Fault) func(s *fakeepic.Service) (string, string) {
	return func(s *fakeepic.Service) (string, string) {
		caller, _ := player(s, everyKill)
		s.FaultToken(caller, f)
		return caller, ""
	}
}

// killCase is one person's attempt: a token, a kill type, a click, and what
// the popup and the account service must show for it.
type killCase struct {
	name     string
	killType string
	// setup prepares the fake service and returns the token to paste, and the
	// session the kill must end ("" when none).
	setup       func(s *fakeepic.Service) (token, victim string)
	doubleClick bool
	// confirm: the popup must ask before sending.
	confirm bool
	// cancel: answer the confirmation with Cancel; nothing may be sent.
	cancel bool

	wantOutcome string   // "success" or "error"
	wantText    []string // pieces the result must show: the status, Epic's errorCode
	// wantCallerAlive: the pasted token still works afterwards.
	wantCallerAlive bool
	// browserRetriesOnce: when a kept-alive connection closes before any
	// answer, Chromium sends the request once more on a new one; the popup
	// itself sent one.
	browserRetriesOnce bool
}

var killCases = []killCase{
	{name: "OTHERS_ACCOUNT_CLIENT_SERVICE", killType: "OTHERS_ACCOUNT_CLIENT_SERVICE",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}, wantCallerAlive: true},
	{name: "OTHERS_ACCOUNT_CLIENT", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}, wantCallerAlive: true},
	{name: "OTHERS_SAME_SOURCE_ID", killType: "OTHERS_SAME_SOURCE_ID",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}, wantCallerAlive: true},
	{name: "OTHERS", killType: "OTHERS",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}, wantCallerAlive: true},
	{name: "ALL after Confirm", killType: "ALL", confirm: true,
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}},
	{name: "ALL_ACCOUNT_CLIENT after Confirm", killType: "ALL_ACCOUNT_CLIENT", confirm: true,
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}},
	{name: "ALL cancelled", killType: "ALL", confirm: true, cancel: true,
		setup:           allowedEverything,
		wantOutcome:     "",
		wantCallerAlive: true},
	{name: "double click sends once", killType: "OTHERS_ACCOUNT_CLIENT", doubleClick: true,
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"204"}, wantCallerAlive: true},
	{name: "401 unknown token", killType: "OTHERS_ACCOUNT_CLIENT",
		setup: func(s *fakeepic.Service) (string, string) {
			player(s, everyKill)
			return "0123456789abcdef0123456789abcdef", ""
		},
		wantOutcome: "error", wantText: []string{"401", "errors.com.epicgames.account.auth_token.invalid_access_token"}},
	{name: "401 expired token", killType: "OTHERS_ACCOUNT_CLIENT",
		setup: func(s *fakeepic.Service) (string, string) {
			return s.Issue(fakeepic.Grant{AccountID: playerAccount, ClientID: fortniteClient,
				ClientService: "fortnite", Permissions: everyKill, ExpiresIn: -time.Hour}), ""
		},
		wantOutcome: "error", wantText: []string{"401", "errors.com.epicgames.common.authentication.token_verification_failed"}},
	{name: "403 missing_permission", killType: "OTHERS",
		setup: func(s *fakeepic.Service) (string, string) {
			caller, _ := player(s, []fakeepic.Permission{
				{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete},
				{Resource: "account:token:otherSessionsForAccount", Action: fakeepic.Read},
			})
			return caller, ""
		},
		wantOutcome: "error", wantText: []string{"403", "errors.com.epicgames.common.missing_permission", "account:token:otherSessionsForAccount"},
		wantCallerAlive: true},
	{name: "400 invalid_request", killType: "OTHERS_ACCOUNT_CLIENT",
		setup: func(s *fakeepic.Service) (string, string) {
			// A client-only session cannot use the account kill types.
			return s.Issue(fakeepic.Grant{ClientID: fortniteClient, ClientService: "fortnite", Permissions: everyKill}), ""
		},
		wantOutcome: "error", wantText: []string{"400", "errors.com.epicgames.common.oauth.invalid_request"},
		wantCallerAlive: true},
	{name: "429 throttled", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.Throttled(221)),
		wantOutcome: "error", wantText: []string{"429", "errors.com.epicgames.common.throttled"}, wantCallerAlive: true},
	{name: "503 server error", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.ServerError(503)),
		wantOutcome: "error", wantText: []string{"503", "errors.com.epicgames.common.server_error"}, wantCallerAlive: true},
	{name: "HTML page", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.HTMLPage(403)),
		wantOutcome: "error", wantText: []string{"403", "web page"}, wantCallerAlive: true},
	{name: "dropped connection", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.Dropped()),
		wantOutcome: "error", wantText: []string{"Could not reach Epic"}, wantCallerAlive: true,
		browserRetriesOnce: true},
}

// runKillCases drives every case in one browser, each against a fresh
// account service and in a fresh popup document.
func runKillCases(t *testing.T, b browser, sw *epicSwitch) {
	shots := artifactsDir(t, b.Name())
	for _, c := range killCases {
		t.Run(c.name, func(t *testing.T) {
			s := sw.fresh()
			token, victim := c.setup(s)
			p := b.OpenPopup(t)
			reportOnFailure(t, p, s)

			require.NoError(t, p.Type("#token", token))
			require.NoError(t, popuppage.SelectKillType(p, c.killType))
			if c.doubleClick {
				require.NoError(t, p.DoubleClick("#kill"))
			} else {
				require.NoError(t, p.Click("#kill"))
			}

			if c.confirm {
				require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second),
					"no confirmation for %s", c.killType)
				assert.Empty(t, s.Requests(), "a request went out before Confirm")
				if c.cancel {
					require.NoError(t, p.Click("#cancel"))
					require.NoError(t, popuppage.WaitFor(p, `document.getElementById("confirm-box").hidden`, 5*time.Second))
					// Give a wrongly sent request time to arrive.
					time.Sleep(300 * time.Millisecond)
					assert.Empty(t, s.Requests(), "Cancel still sent a request")
					assert.Contains(t, shownText(t, p), "nothing was sent")
					assert.True(t, s.Alive(token))
					assert.True(t, s.Alive(victim))
					return
				}
				require.NoError(t, p.Click("#confirm"))
			}

			res, err := popuppage.WaitOutcome(p, outcomeTimeout)
			require.NoError(t, err)
			saveScreenshot(t, p, shots, c.name)
			text := res.Text
			assert.Equal(t, c.wantOutcome, res.Outcome, "data-outcome; the popup says %q", text)
			assert.Empty(t, missing(text, c.wantText), "the popup says %q", text)
			assert.NotContains(t, text, token, "the popup shows the token")

			reqs := s.Requests()
			if c.browserRetriesOnce && len(reqs) == 2 {
				assert.Equal(t, reqs[0].Query, reqs[1].Query, "the retry is the same request")
				assert.Equal(t, reqs[0].Header.Values("Authorization"), reqs[1].Header.Values("Authorization"))
				reqs = reqs[:1]
			}
			if assert.Len(t, reqs, 1, "requests the account service received") {
				r := reqs[0]
				assert.Equal(t, "DELETE", r.Method)
				assert.Equal(t, killPath, r.Path)
				assert.Equal(t, url.Values{"killType": {c.killType}}, r.Query)
				assert.Equal(t, []string{"bearer " + token}, r.Header.Values("Authorization"))
			}
			if victim != "" {
				assert.False(t, s.Alive(victim), "the other session still works after %s", c.killType)
			}
			assert.Equal(t, c.wantCallerAlive, s.Alive(token), "whether the pasted token still works")
		})
	}
}

func shownText(t *testing.T, p popuppage.Page) string {
	t.Helper()
	var text string
	require.NoError(t, p.Eval(`document.getElementById("result").textContent`, &text))
	return text
}
