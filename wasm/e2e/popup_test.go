//go:build !js

package e2e

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
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

// faultedKill is faulted for the kill alone: Epic's check of the token
// goes through.
func faultedKill(f fakeepic.Fault) func(s *fakeepic.Service) (string, string) {
	return func(s *fakeepic.Service) (string, string) {
		caller, _ := player(s, everyKill)
		s.FaultNextMatching(func(r fakeepic.Request) bool { return r.Path == killPath }, f)
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

	wantOutcome string // "success" or "error"
	// wantText are pieces the outcome must say, in words, the first in the
	// result sentence; wantDetails are what Details must hold: the status,
	// Epic's errorCode. The outcome, which is announced, holds no code.
	wantText    []string
	wantDetails []string
	// wantCallerAlive: the pasted token still works afterwards.
	wantCallerAlive bool
	// noKill: the popup must not send the kill at all (the pre-check or
	// verify already told why).
	noKill bool
	// browserRetriesOnce: when a kept-alive connection closes before any
	// answer, Chromium sends the request once more on a new one; the popup
	// itself sent one.
	browserRetriesOnce bool
}

// verifyUnavailable is a player whose verify Epic cannot answer, so the
// popup knows no permission list and leaves the decision to the kill.
func verifyUnavailable(setup func(s *fakeepic.Service) (string, string)) func(s *fakeepic.Service) (string, string) {
	return func(s *fakeepic.Service) (string, string) {
		caller, victim := setup(s)
		s.FaultNext(fakeepic.ServerError(503))
		return caller, victim
	}
}

// withoutOthers may kill its other sessions of this app but not OTHERS.
func withoutOthers(s *fakeepic.Service) (string, string) {
	caller, _ := player(s, []fakeepic.Permission{
		{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete},
		{Resource: "account:token:otherSessionsForAccount", Action: fakeepic.Read},
	})
	return caller, ""
}

// clientOnly is a session of the game client without an account.
func clientOnly(s *fakeepic.Service) (string, string) {
	return s.Issue(fakeepic.Grant{ClientID: fortniteClient, ClientService: "fortnite", Permissions: everyKill}), ""
}

var killCases = []killCase{
	{name: "OTHERS_ACCOUNT_CLIENT_SERVICE", killType: "OTHERS_ACCOUNT_CLIENT_SERVICE",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}, wantCallerAlive: true},
	{name: "OTHERS_ACCOUNT_CLIENT", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}, wantCallerAlive: true},
	{name: "OTHERS_SAME_SOURCE_ID", killType: "OTHERS_SAME_SOURCE_ID",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}, wantCallerAlive: true},
	{name: "OTHERS", killType: "OTHERS",
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}, wantCallerAlive: true},
	{name: "ALL after Confirm", killType: "ALL", confirm: true,
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}},
	{name: "ALL_ACCOUNT_CLIENT after Confirm", killType: "ALL_ACCOUNT_CLIENT", confirm: true,
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}},
	{name: "ALL cancelled", killType: "ALL", confirm: true, cancel: true,
		setup:           allowedEverything,
		wantOutcome:     "",
		wantCallerAlive: true},
	{name: "double click sends once", killType: "OTHERS_ACCOUNT_CLIENT", doubleClick: true,
		setup:       allowedEverything,
		wantOutcome: "success", wantText: []string{"signed out"}, wantDetails: []string{"HTTP status: 204"}, wantCallerAlive: true},
	{name: "401 unknown token", killType: "OTHERS_ACCOUNT_CLIENT",
		setup: func(s *fakeepic.Service) (string, string) {
			player(s, everyKill)
			return "0123456789abcdef0123456789abcdef", ""
		},
		wantOutcome: "error", wantText: []string{"no longer works"},
		wantDetails: []string{"HTTP status: 401", "errors.com.epicgames.account.auth_token.invalid_access_token"},
		noKill:      true},
	{name: "401 expired token", killType: "OTHERS_ACCOUNT_CLIENT",
		setup: func(s *fakeepic.Service) (string, string) {
			return s.Issue(fakeepic.Grant{AccountID: playerAccount, ClientID: fortniteClient,
				ClientService: "fortnite", Permissions: everyKill, ExpiresIn: -time.Hour}), ""
		},
		wantOutcome: "error", wantText: []string{"no longer works"},
		wantDetails: []string{"HTTP status: 401", "errors.com.epicgames.common.authentication.token_verification_failed"},
		noKill:      true},
	{name: "pre-check: missing permission", killType: "OTHERS",
		setup:       withoutOthers,
		wantOutcome: "error", wantText: []string{"not allowed to sign out “Everywhere else”", "Nothing was sent"},
		wantDetails:     []string{"OTHERS", "account:token:otherSessionsForAccount DELETE"},
		wantCallerAlive: true, noKill: true},
	{name: "pre-check: client-only token", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       clientOnly,
		wantOutcome: "error", wantText: []string{"not allowed to sign out “Other logins, all services”", "Nothing was sent"},
		wantCallerAlive: true, noKill: true},
	{name: "403 missing_permission", killType: "OTHERS",
		setup:       verifyUnavailable(withoutOthers),
		wantOutcome: "error", wantText: []string{"not allowed to sign out “Everywhere else”"},
		wantDetails:     []string{"HTTP status: 403", "errors.com.epicgames.common.missing_permission"},
		wantCallerAlive: true},
	{name: "400 invalid_request", killType: "OTHERS_ACCOUNT_CLIENT",
		// A client-only session cannot use the account kill types.
		setup:       verifyUnavailable(clientOnly),
		wantOutcome: "error", wantText: []string{"belongs to an app"},
		wantDetails:     []string{"HTTP status: 400", "errors.com.epicgames.common.oauth.invalid_request"},
		wantCallerAlive: true},
	{name: "429 throttled", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faultedKill(fakeepic.Throttled(221)),
		wantOutcome: "error", wantText: []string{"limiting requests", "Try again in 3 min"},
		wantDetails: []string{"HTTP status: 429", "errors.com.epicgames.common.throttled"}, wantCallerAlive: true},
	{name: "503 server error", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.ServerError(503)),
		wantOutcome: "error", wantText: []string{"having trouble"},
		wantDetails: []string{"HTTP status: 503", "errors.com.epicgames.common.server_error"}, wantCallerAlive: true},
	{name: "HTML page", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.HTMLPage(403)),
		wantOutcome: "error", wantText: []string{"web page"}, wantDetails: []string{"HTTP status: 403"}, wantCallerAlive: true},
	{name: "dropped connection", killType: "OTHERS_ACCOUNT_CLIENT",
		setup:       faulted(fakeepic.Dropped()),
		wantOutcome: "error", wantText: []string{"Could not reach Epic"}, wantDetails: []string{"HTTP status: none"},
		wantCallerAlive:    true,
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
				assert.Empty(t, kills(requestsUpToNow(t, p, s)), "a kill went out before Confirm")
				if c.cancel {
					require.NoError(t, p.Click("#cancel"))
					require.NoError(t, popuppage.WaitFor(p, `document.getElementById("confirm-box").hidden`, 5*time.Second))
					assert.Empty(t, kills(requestsUpToNow(t, p, s)), "Cancel still sent a kill")
					assert.Contains(t, shownText(t, p), "nothing was sent")
					assert.True(t, s.Alive(token))
					assert.True(t, s.Alive(victim))
					return
				}
				require.NoError(t, popuppage.Confirm(p, 5*time.Second))
			}

			res, err := popuppage.WaitOutcome(p, outcomeTimeout)
			require.NoError(t, err)
			saveScreenshot(t, p, shots, c.name)
			shown := shownText(t, p)
			assert.Equal(t, c.wantOutcome, res.Outcome, "data-outcome; the popup says %q", shown)
			assert.Empty(t, missing(res.Text, c.wantText[:min(len(c.wantText), 1)]), "the result says %q", res.Text)
			announced := text(t, p, "outcome")
			assert.Empty(t, missing(announced, c.wantText), "the outcome says %q", announced)
			assert.Empty(t, codesIn(announced), "the outcome, which is read aloud, says %q", announced)
			details := text(t, p, "details-text")
			assert.Empty(t, missing(details, c.wantDetails), "the details say %q", details)
			assert.NotContains(t, shown, token, "the popup shows the token")

			// A request of a double click's second click, or one sent with
			// the outcome, may not have reached the fake when it shows.
			reqs := requestsUpToNow(t, p, s)
			verifies, sent := onePerRetry(t, verifyRequests(reqs), c.browserRetriesOnce), onePerRetry(t, kills(reqs), c.browserRetriesOnce)
			if assert.Len(t, verifies, 1, "the popup asks Epic once whose token it holds") {
				assert.Equal(t, url.Values{"includePerms": {"true"}}, verifies[0].Query)
				assert.Equal(t, []string{"bearer " + token}, verifies[0].Header.Values("Authorization"))
			}
			wantKills := 1
			if c.noKill {
				wantKills = 0
			}
			if assert.Len(t, sent, wantKills, "kills the account service received") && wantKills == 1 {
				r := sent[0]
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

// codeLike finds what a player should not hear read out: an HTTP status,
// Epic's error codes, a numeric error code.
var codeLike = regexp.MustCompile(`HTTP|errors\.com|\b[1-5][0-9]{2}\b|\b[0-9]{4,5}\b`)

// codesIn lists the codes in text.
func codesIn(text string) []string { return codeLike.FindAllString(text, -1) }

// shownText is what the popup says about the outcome: the result, the
// advice and the token's status.
func shownText(t *testing.T, p popuppage.Page) string {
	t.Helper()
	var text string
	require.NoError(t, p.Eval(`["result", "advice", "token-status"].map((id) => document.getElementById(id).textContent).join("\n")`, &text))
	return text
}

const verifyPath = "/account/api/oauth/verify"

// kills are the DELETE requests to the kill endpoint.
func kills(reqs []fakeepic.Request) []fakeepic.Request {
	var out []fakeepic.Request
	for _, r := range reqs {
		if r.Method == "DELETE" && r.Path == killPath {
			out = append(out, r)
		}
	}
	return out
}

// deletes are all DELETE requests: kills and single-session kills.
func deletes(reqs []fakeepic.Request) []fakeepic.Request {
	var out []fakeepic.Request
	for _, r := range reqs {
		if r.Method == "DELETE" {
			out = append(out, r)
		}
	}
	return out
}

func verifyRequests(reqs []fakeepic.Request) []fakeepic.Request {
	var out []fakeepic.Request
	for _, r := range reqs {
		if r.Method == "GET" && r.Path == verifyPath {
			out = append(out, r)
		}
	}
	return out
}

// onePerRetry drops the browser's own resend of a request whose connection
// closed without an answer: the same request, once more.
func onePerRetry(t *testing.T, reqs []fakeepic.Request, retried bool) []fakeepic.Request {
	t.Helper()
	if !retried || len(reqs) != 2 {
		return reqs
	}
	assert.Equal(t, reqs[0].Query, reqs[1].Query, "the retry is the same request")
	assert.Equal(t, reqs[0].Header.Values("Authorization"), reqs[1].Header.Values("Authorization"))
	return reqs[:1]
}
