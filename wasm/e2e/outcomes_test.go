//go:build !js

package e2e

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// Epic's answers that the fake gives only when told to.
func tooManySessions() fakeepic.Fault {
	return fakeepic.EpicError(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048,
		"Sorry too many sessions have been issued for your account. Please try again later")
}

// The real answers quote the session, which is the token itself.
func unknownSession(token string) fakeepic.Fault {
	return fakeepic.EpicError(404, "errors.com.epicgames.account.auth_token.unknown_oauth_session", 18051,
		"Sorry we could not find the auth session '"+token+"'", token)
}

func notOwnSession(token string) fakeepic.Fault {
	return fakeepic.EpicError(403, "errors.com.epicgames.account.auth_token.not_own_session_removal", 18040,
		"Sorry you cannot remove the auth session "+token+". It was not issued to you.", token)
}

// permissionPrompter is a browser whose permission prompt a test can answer.
type permissionPrompter interface {
	AnswerPermissionPrompt(allow bool) error
}

// clipboardReader is a browser whose clipboard a test can read.
type clipboardReader interface {
	ReadClipboard() (string, error)
}

var outcomeCases = []popupCase{
	{"18048 too many sessions", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(tooManySessions())
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic says too many sessions were issued for your account.", res.Text)
		assert.Contains(t, text(t, p, "details-text"), "errorCode: errors.com.epicgames.account.oauth.too_many_sessions")
		assert.Contains(t, text(t, p, "advice"), "Nothing was signed out.")
		assert.Len(t, kills(s.Requests()), 1)
		assert.True(t, s.Alive(victim))
		assert.True(t, visible(t, p, "token-held"), "the token was dropped, though it still works")
		assert.Equal(t, "kill", focusComesTo(t, p, "kill"), "the focus did not come back to Kill sessions after the outcome")
		return p
	}},
	{"401 at the kill: the token is dropped", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		// Verify accepted it; it ended before the kill arrived.
		s.FaultNext(fakeepic.EpicError(401, "errors.com.epicgames.common.authentication.token_verification_failed", 1031,
			"Sorry we couldn't validate your token "+token+". Please try with a new token."))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "This token has expired or was signed out.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "paste a fresh token")
		assert.Equal(t, "The token was forgotten: it no longer works.", text(t, p, "token-status"))
		assert.False(t, visible(t, p, "token-held"), "a dead token is still held")
		assert.Len(t, kills(s.Requests()), 1)
		assert.True(t, s.Alive(victim))
		assertNotShown(t, p, token)
		return p
	}},
	{"an answer the popup does not know", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.EpicError(409, "errors.com.epicgames.account.something_new", 18999, "Something new happened"))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic gave an answer this extension does not know.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "Epic's own words are in the details.")
		details := text(t, p, "details-text")
		assert.Contains(t, details, "errorCode: errors.com.epicgames.account.something_new")
		assert.Contains(t, details, "numericErrorCode: 18999")
		assert.Contains(t, details, "Something new happened", "Epic's own message, without guessing")
		assert.True(t, visible(t, p, "token-held"), "an unknown answer does not drop the token")
		assert.True(t, s.Alive(victim))
		return p
	}},
	{"18051 unknown session", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(unknownSession(token))
		res := killThis(t, p)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic found no such session; it has already ended.", res.Text)
		assertOneSessionKill(t, s, token)
		details := text(t, p, "details-text")
		assert.Contains(t, details, "errorCode: errors.com.epicgames.account.auth_token.unknown_oauth_session")
		assert.Contains(t, details, "numericErrorCode: 18051")
		// Epic's message quoted the token; what the popup keeps of it must not.
		assertNotShown(t, p, token)
		return p
	}},
	{"18040 not own session", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(notOwnSession(token))
		res := killThis(t, p)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "That session was not issued to this token's account.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "Nothing was signed out.")
		assertOneSessionKill(t, s, token)
		assert.True(t, s.Alive(token))
		assertNotShown(t, p, token)
		return p
	}},
	{"429 holds the kill button back", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.Throttled(2))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, "Epic is limiting requests for now.", res.Text)
		// The advice, announced with the result, says how long in words;
		// the countdown, which a screen reader reaches, agrees with it.
		var shown struct{ Advice, Countdown string }
		require.NoError(t, p.Eval(`({Advice: document.getElementById("advice").textContent,
			Countdown: document.getElementById("countdown").textContent})`, &shown))
		wait := regexp.MustCompile(`in ([12] s)\.`)
		advised, counted := wait.FindStringSubmatch(shown.Advice), wait.FindStringSubmatch(shown.Countdown)
		if assert.NotNil(t, advised, "the advice %q says no wait", shown.Advice) && assert.NotNil(t, counted, "the countdown %q", shown.Countdown) {
			assert.Equal(t, advised[1], counted[1], "the advice %q and the countdown %q disagree", shown.Advice, shown.Countdown)
		}
		k := killButton(t, p)
		assert.True(t, k.Disabled, "Kill sessions is enabled during the wait")
		assert.Equal(t, "outcome", focusComesTo(t, p, "outcome"), "the focus is not on the outcome while Kill sessions waits")
		saveScreenshot(t, p, artifactsDir(t, b.Name()), "outcome 429 waiting")

		p = b.ReopenPopup(t)
		require.NoError(t, popuppage.WaitFor(p, `(() => { const k = document.getElementById("kill");
			return k.disabled && !document.getElementById("countdown").hidden; })()`, time.Second),
			"a reopened popup forgot the wait: %+v", killButton(t, p))
		assert.Equal(t, "Epic is limiting requests for now.", text(t, p, "result"), "a reopened popup forgot the outcome")
		assert.Regexp(t, `Try again in [12] s\.|The wait is over`, text(t, p, "advice"))
		require.NoError(t, popuppage.WaitFor(p, `(() => { const k = document.getElementById("kill");
			return !k.disabled && document.getElementById("countdown").hidden; })()`, 4*time.Second),
			"the wait never ended: %+v", killButton(t, p))
		assert.Contains(t, text(t, p, "advice"), "The wait is over")
		assert.Len(t, kills(s.Requests()), 1)
		return p
	}},
	{"sign out only this token", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		res := killThis(t, p)
		assert.Equal(t, popuppage.Success, res.Outcome)
		assert.Equal(t, "The token in this popup was signed out.", res.Text)
		assertOneSessionKill(t, s, token)
		assert.False(t, s.Alive(token), "the token still works at Epic")
		assert.True(t, s.Alive(victim), "another session was signed out too")
		assert.Equal(t, statusDead, text(t, p, "token-status"))
		assert.False(t, visible(t, p, "token-held"))
		waitStored(t, p, "token", false)
		p = reopenWithoutToken(t, b)
		assert.False(t, visible(t, p, "token-held"), "a reopened popup holds the dead token")
		return p
	}},
	{"Escape cancels the confirmation", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		require.NoError(t, popuppage.SelectKillType(p, "ALL"))
		require.NoError(t, p.Click("#kill"))
		require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second))
		assert.Equal(t, "cancel", focused(t, p), "the confirmation did not give the focus to Cancel")
		press(t, p, keyEscape)
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("confirm-box").hidden`, 5*time.Second),
			"Escape left the confirmation open")
		assert.Equal(t, "Cancelled: nothing was sent.", text(t, p, "result"))
		assert.Equal(t, "kill", focusComesTo(t, p, "kill"), "the focus did not go back to Kill sessions")
		assert.Empty(t, kills(requestsUpToNow(t, p, s)), "a kill was sent after Escape")
		assert.True(t, s.Alive(token))
		assert.True(t, s.Alive(victim))
		return p
	}},
	{"history", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		assert.False(t, visible(t, p, "history-box"), "an empty history shows")
		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
		s.FaultNext(fakeepic.ServerError(503))
		assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT_SERVICE").Outcome)

		want := []struct{ pattern, outcome string }{
			{`^\d\d:\d\d:\d\d Other logins of this app: not done HTTP 503, errors\.com\.epicgames\.common\.server_error$`, "error"},
			{`^\d\d:\d\d:\d\d Other logins, all services: signed out HTTP 204$`, "success"},
		}
		check := func(p popuppage.Page) {
			t.Helper()
			h := history(t, p)
			if assert.Len(t, h, len(want), "history lines: %v", h) {
				for i, w := range want {
					assert.Regexp(t, w.pattern, h[i].Text)
					assert.Equal(t, w.outcome, h[i].Outcome, h[i].Text)
				}
			}
			assert.True(t, visible(t, p, "history-box"))
			stored, _ := storageArea(t, p, "session")["history"].(string)
			assert.NotContains(t, stored, token, "the kept history holds the token")
			assertNotShown(t, p, token)
		}
		check(p)
		// The popup keeps a line once it has drawn the outcome; a popup
		// closed sooner loses it, by design.
		require.Eventually(t, func() bool {
			var kept []json.RawMessage
			stored, _ := storageArea(t, p, "session")["history"].(string)
			return json.Unmarshal([]byte(stored), &kept) == nil && len(kept) == len(want)
		}, 5*time.Second, 50*time.Millisecond, "storage.session does not keep both lines")
		p = b.ReopenPopup(t)
		require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#history li").length > 0`, time.Second),
			"a reopened popup shows no history")
		check(p)
		// It keeps the place: the last outcome, and the kill type last picked.
		assert.Equal(t, "Epic's service is having trouble.", text(t, p, "result"), "a reopened popup forgot the outcome")
		assert.Contains(t, text(t, p, "details-text"), "HTTP status: 503")
		var picked string
		require.NoError(t, p.Eval(`document.getElementById("kill-type").value`, &picked))
		assert.Equal(t, "OTHERS_ACCOUNT_CLIENT_SERVICE", picked, "a reopened popup forgot the kill type")

		require.NoError(t, p.Click("#history-title"))
		require.NoError(t, p.Click("#clear-history"))
		require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#history li").length === 0`, 5*time.Second))
		assert.False(t, visible(t, p, "history-box"), "an empty history shows")
		waitStored(t, p, "history", false)
		p = reopenHolding(t, b)
		assert.Empty(t, history(t, p), "a reopened popup shows a cleared history")
		return p
	}},
	{"details and Copy details", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		assert.False(t, visible(t, p, "details"), "details show before any answer")
		s.FaultNext(fakeepic.ServerError(503))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, "Epic's service is having trouble.", res.Text)
		require.True(t, visible(t, p, "details"), "no details after an error")

		var correlation string
		for _, a := range sw.answers() {
			if a.Method == "DELETE" {
				correlation = a.CorrelationID
			}
		}
		require.NotEmpty(t, correlation, "the fake sent no correlation id")
		details := text(t, p, "details-text")
		assert.Empty(t, missing(details, []string{
			"Kill type: OTHERS_ACCOUNT_CLIENT\n",
			"HTTP status: 503\n",
			"errorCode: errors.com.epicgames.common.server_error\n",
			"numericErrorCode: 1000\n",
			"Correlation ID: " + correlation + "\n",
		}), "the details say %q", details)
		assert.NotContains(t, details, token)

		require.NoError(t, p.Click("#details > summary"))
		require.NoError(t, p.Click("#copy-details"))
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("copy-status").textContent !== ""`, 5*time.Second))
		assert.Equal(t, "Copied.", text(t, p, "copy-status"))
		if cr, ok := b.(clipboardReader); ok {
			copied, err := cr.ReadClipboard()
			require.NoError(t, err)
			assert.Equal(t, details, copied, "the clipboard does not hold the details")
		}
		assertNotShown(t, p, token)
		return p
	}},
	{"offline", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		require.NoError(t, b.SetOffline(true))
		t.Cleanup(func() { assert.NoError(t, b.SetOffline(false)) })
		require.NoError(t, popuppage.WaitFor(p, `navigator.onLine === false`, 5*time.Second), "the browser did not go offline")

		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "You are offline.", res.Text)
		assert.Equal(t, "Nothing was sent. Connect to the internet, then try again.", text(t, p, "advice"))
		saveScreenshot(t, p, artifactsDir(t, b.Name()), "outcome offline")
		assert.False(t, visible(t, p, "history-box"), "a kill never sent is in the history")

		require.NoError(t, b.SetOffline(false))
		require.NoError(t, popuppage.WaitFor(p, `navigator.onLine === true`, 5*time.Second))
		// Once online, for the sentinel request to reach the fake.
		assert.Empty(t, kills(requestsUpToNow(t, p, s)), "a kill was sent while offline")
		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome, "no kill once back online")
		assert.False(t, s.Alive(victim))
		return p
	}},
}

// hostAccessCase withdraws and grants again the extension's access to Epic.
// Firefox only: Chromium refuses permissions.remove of a required host ("You
// cannot remove required permissions."), and its own way to withhold it
// (site access "on click") cannot be set from a test.
var hostAccessCase = popupCase{"host access withdrawn", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
	prompter := b.(permissionPrompter)
	token, victim := player(s, everyKill)
	hold(t, p, token)
	const host = `{origins: ["https://` + fakeepic.EpicHost + `/*"]}`
	var removed, held bool
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).permissions.remove(`+host+`)`, &removed))
	require.True(t, removed, "the host access could not be withdrawn")
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).permissions.contains(`+host+`)`, &held))
	require.False(t, held)

	res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
	assert.Equal(t, popuppage.Error, res.Outcome)
	assert.Equal(t, "The extension may no longer contact Epic.", res.Text)
	assert.True(t, visible(t, p, "grant-access"), "no way to grant the access again")
	saveScreenshot(t, p, artifactsDir(t, b.Name()), "outcome host access withdrawn")
	assert.Empty(t, kills(requestsUpToNow(t, p, s)), "a kill was sent without host access")

	require.NoError(t, p.Click("#grant-access"))
	require.NoError(t, prompter.AnswerPermissionPrompt(true))
	require.NoError(t, popuppage.WaitFor(p, `document.getElementById("result").textContent === "Access to Epic's account service is granted again."`, 5*time.Second),
		"the popup shows %s", popuppage.Shown(p))
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).permissions.contains(`+host+`)`, &held))
	assert.True(t, held)
	assert.Equal(t, "kill", focusComesTo(t, p, "kill"))
	assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome, "no kill after the access was granted again")
	assert.False(t, s.Alive(victim))
	return p
}}

// runOutcomeCases drives the outcome cases in one browser.
func runOutcomeCases(t *testing.T, b browser, sw *epicSwitch) {
	cases := outcomeCases
	if _, ok := b.(permissionPrompter); ok {
		cases = append(cases[:len(cases):len(cases)], hostAccessCase)
	}
	runPopupCases(t, b, sw, "outcome", cases)
}

// kill picks killType, clicks Kill sessions with the token held and waits for
// the outcome.
func kill(t *testing.T, p popuppage.Page, killType string) popuppage.Result {
	t.Helper()
	require.NoError(t, popuppage.SelectKillType(p, killType))
	require.NoError(t, p.Click("#kill"))
	res, err := popuppage.WaitOutcome(p, outcomeTimeout)
	require.NoError(t, err)
	return res
}

// killThis clicks "Sign out only this token", confirms and waits for the
// outcome; nothing may go out before Confirm. The confirmation gives the
// focus to Cancel, the answer that loses nothing.
func killThis(t *testing.T, p popuppage.Page) popuppage.Result {
	t.Helper()
	require.NoError(t, p.Click("#kill-this"))
	require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second), "no confirmation")
	assert.True(t, strings.HasPrefix(text(t, p, "confirm-text"), "This signs out only the token in this popup: TestPlayer · Fortnite (PC) · "),
		"the confirmation says %q", text(t, p, "confirm-text"))
	assert.Equal(t, "Sign out this token", text(t, p, "confirm"), "the confirm button does not name the consequence")
	assert.False(t, visible(t, p, "actions"), "the confirmation does not stand in for the actions")
	assert.Equal(t, "cancel", focused(t, p), "the confirmation did not give the focus to Cancel")
	require.NoError(t, popuppage.Confirm(p, 5*time.Second))
	res, err := popuppage.WaitOutcome(p, outcomeTimeout)
	require.NoError(t, err)
	return res
}

// assertOneSessionKill checks that exactly one request went out besides the
// verify: the single-session kill of token, with token.
func assertOneSessionKill(t *testing.T, s *fakeepic.Service, token string) {
	t.Helper()
	if sent := deletes(s.Requests()); assert.Len(t, sent, 1, "DELETE requests") {
		assert.Equal(t, killPath+"/"+token, sent[0].Path)
		assert.Empty(t, sent[0].Query)
		assert.Equal(t, []string{"bearer " + token}, sent[0].Header.Values("Authorization"))
	}
}

type killState struct {
	Disabled bool
	Label    string
}

func killButton(t *testing.T, p popuppage.Page) killState {
	t.Helper()
	var k killState
	require.NoError(t, p.Eval(`(() => { const k = document.getElementById("kill");
		return {Disabled: k.disabled, Label: k.textContent}; })()`, &k))
	return k
}

// focusComesTo waits briefly for the focus to reach id, which the popup
// gives back once it has drawn the outcome, and reports where it is.
func focusComesTo(t *testing.T, p popuppage.Page, id string) string {
	t.Helper()
	_ = popuppage.WaitFor(p, `document.activeElement?.id === `+strconv.Quote(id), 2*time.Second)
	return focused(t, p)
}

// focused is the id of the element with the focus, or its tag name.
func focused(t *testing.T, p popuppage.Page) string {
	t.Helper()
	var id string
	require.NoError(t, p.Eval(`(() => { const e = document.activeElement; return e ? (e.id || e.tagName.toLowerCase()) : ""; })()`, &id))
	return id
}

type historyLine struct{ Text, Outcome string }

func history(t *testing.T, p popuppage.Page) []historyLine {
	t.Helper()
	var h []historyLine
	require.NoError(t, p.Eval(`[...document.querySelectorAll("#history li")].map(li => ({Text: li.textContent, Outcome: li.dataset.outcome || ""}))`, &h))
	return h
}
