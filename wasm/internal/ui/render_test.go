//go:build js && wasm

package ui

import (
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fetchtest"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// verifyAnswer answers Epic's verify for an account token of Fortnite on PC
// holding perms (JSON), expiring in two hours; kills get kill's answer.
func verifyAnswer(perms string, kill func(fetchtest.Call) fetchtest.Answer) func(fetchtest.Call) fetchtest.Answer {
	return func(c fetchtest.Call) fetchtest.Answer {
		if c.Method != "GET" {
			return kill(c)
		}
		return fetchtest.Answer{Status: 200, Header: map[string]string{"Content-Type": "application/json"},
			Body: `{"token_type":"bearer","client_id":"ec684b8c687f479fadea3cb2ad83f5c6","client_service":"fortnite",` +
				`"account_id":"94b1569506b04f9f8557af611e8c5e47","expires_at":"` + time.Now().Add(2*time.Hour).UTC().Format(time.RFC3339) + `",` +
				`"display_name":"Verified Player","auth_method":"exchange_code","perms":` + perms + `}`}
	}
}

// openPopupWith is openPopup with every request answered by answer, verify
// included.
func openPopupWith(t *testing.T, answer func(fetchtest.Call) fetchtest.Answer) *page {
	t.Helper()
	p := mountMarkup(t)
	p.doc.DocumentElement().RemoveAttribute("data-ready")
	p.fetch = fetchtest.Install(t, answer)
	started, err := Start(p.doc, testEnv())
	require.NoError(t, err)
	t.Cleanup(started.Close)
	p.waitReady()
	return p
}

// paste puts s in the token field as a paste does, and waits until the
// popup holds it and Epic has said whose it is.
func (p *page) paste(s string) {
	p.t.Helper()
	p.typeToken(s)
	p.el("token").Underlying().Call("dispatchEvent", js.Global().Get("Event").New("input"))
	if !p.waitUntil(3*time.Second, func() bool { return p.text("token-status") == "Epic confirmed the token." }) {
		p.t.Fatalf("the token was never confirmed; the popup says %q", p.text("token-status"))
	}
}

func (p *page) main() dom.Element { return p.doc.QuerySelector("main") }

// TestTheTokenLineSaysWhoseTheTokenIs: once a token is held, one line says
// whose it is, from which app and for how long, beside Forget, and the
// hint about what to paste steps aside.
func TestTheTokenLineSaysWhoseTheTokenIs(t *testing.T) {
	p := openPopupWith(t, verifyAnswer(`[{"resource":"account:token:*","action":15}]`, noContent))
	assert.True(t, p.hidden("token-held"))
	assert.False(t, p.main().HasAttribute("data-held"))

	p.paste(token)

	line := p.text("token-line")
	assert.True(t, strings.HasPrefix(line, "Verified Player · Fortnite (PC) · "), line)
	assert.True(t, strings.HasSuffix(line, " left"), line)
	assert.NotContains(t, line, token)
	for _, id := range []string{"token-held", "forget", "kill-this", "token-box"} {
		assert.False(t, p.hidden(id), "#%s shown", id)
	}
	// The style sheet steps the ways to give a token aside.
	assert.True(t, p.main().HasAttribute("data-held"))
	assert.False(t, p.disabled("kill-this"))
	assert.Contains(t, p.text("token-facts"), "Fortnite (PC) (ec684b8c687f479fadea3cb2ad83f5c6)")

	p.click("forget")

	for _, id := range []string{"token-held", "forget", "kill-this", "token-box"} {
		assert.True(t, p.hidden(id), "#%s hidden", id)
	}
	assert.False(t, p.main().HasAttribute("data-held"))
	assert.Empty(t, p.text("token-line"))
}

// A token that may use no kill type is shown the way out, Epic's own Sign
// out everywhere, instead of a Kill sessions that could only be refused.
func TestATokenThatMayUseNoKillTypeIsShownTheWayOut(t *testing.T) {
	p := openPopupWith(t, verifyAnswer(`[]`, noContent))

	p.paste(token)

	assert.False(t, p.hidden("no-kill"))
	assert.Equal(t, "This token is not allowed to sign out other sessions. Epic's own Sign out everywhere can: Account, then Password and security.",
		p.text("no-kill-text"))
	assert.Equal(t, popup.EpicSignOutPage, p.el("no-kill-link").GetAttribute("href"))
	assert.True(t, p.disabled("kill"), "Kill sessions is not offered")
	assert.False(t, p.disabled("kill-this"), "signing out this token needs no kill type")
	for _, opt := range p.el("kill-type").(*dom.HTMLSelectElement).Options() {
		assert.True(t, strings.HasSuffix(opt.Text(), " (not allowed)"), opt.Text())
		assert.True(t, opt.HasAttribute("data-blocked"), opt.Value())
	}
	assert.True(t, p.el("kill-type-permission").HasAttribute("data-blocked"))
	assert.Equal(t, "Epic's name: OTHERS_ACCOUNT_CLIENT_SERVICE. This token lacks account:token:otherSessionsForAccountClientService DELETE (account).",
		p.text("kill-type-permission"))

	p.click("forget")
	assert.True(t, p.hidden("no-kill"))
	assert.False(t, p.disabled("kill"))
}

// TestAWaitCountsDownAndTheFocusGoesToTheOutcome: Epic's 429 holds Kill
// sessions back; the countdown under it says for how long, as the advice
// does, and the focus moves to the outcome, which says why. When the wait
// is over, the countdown goes and Kill sessions is back.
func TestAWaitCountsDownAndTheFocusGoesToTheOutcome(t *testing.T) {
	p := openPopup(t, func(fetchtest.Call) fetchtest.Answer {
		return fetchtest.Answer{Status: 429, Header: map[string]string{"Content-Type": "application/json", "Retry-After": "2"},
			Body: `{"errorCode":"errors.com.epicgames.common.throttled","messageVars":["2"],"numericErrorCode":1041}`}
	})
	p.typeToken(token)

	p.click("kill")

	p.waitForOutcome("error")
	assert.Equal(t, "Epic is limiting requests for now.", p.text("result"))
	assert.Contains(t, p.text("advice"), "Try again in 2 s.")
	assert.False(t, p.hidden("countdown"))
	assert.Contains(t, []string{"You can try again in 2 s.", "You can try again in 1 s."}, p.text("countdown"))
	assert.Equal(t, "timer", p.el("countdown").GetAttribute("role"))
	assert.True(t, p.disabled("kill"))
	assert.True(t, p.disabled("kill-this"))
	assert.Equal(t, "outcome", p.focusComesTo("outcome"), "the outcome says why Kill sessions is off")
	p.assertNoReference()

	if !p.waitUntil(5*time.Second, func() bool { return p.hidden("countdown") }) {
		t.Fatalf("the countdown never ended: %q", p.text("countdown"))
	}
	assert.Empty(t, p.text("countdown"))
	assert.Equal(t, "The wait is over: you can try again.", p.text("advice"))
	p.waitEnabled("kill")
	assert.Equal(t, "kill", p.focusComesTo("kill"), "back on Kill sessions")
	assert.Len(t, p.kills(), 1)
}

// The history names each past kill in words; the status and Epic's error
// code are apart, in a .ref of their own, and a kill without an answer has
// none.
func TestTheHistoryKeepsTheReferenceApart(t *testing.T) {
	answers := []fetchtest.Answer{
		{Status: 403, Header: map[string]string{"Content-Type": "application/json"},
			Body: `{"errorCode":"errors.com.epicgames.common.missing_permission","messageVars":["account:token:otherSessionsForAccount","DELETE"],"numericErrorCode":1023}`},
		{Reject: "Failed to fetch"},
	}
	p := openPopup(t, func(fetchtest.Call) fetchtest.Answer {
		a := answers[0]
		answers = answers[1:]
		return a
	})
	p.typeToken(token)
	p.choose("OTHERS")

	p.click("kill")
	p.waitForOutcome("error")

	if !p.waitUntil(2*time.Second, func() bool { return !p.hidden("history-box") }) {
		t.Fatal("the history is not shown")
	}
	assert.Equal(t, "Earlier in this browser session (1)", p.text("history-title"))
	items := p.historyItems()
	require.Len(t, items, 1)
	assert.Regexp(t, `^\d\d:\d\d:\d\d Everywhere else: not done$`, items[0].Text)
	assert.Equal(t, "HTTP 403, errors.com.epicgames.common.missing_permission", items[0].Reference)
	assert.False(t, items[0].Success)

	p.click("kill")
	if !p.waitUntil(3*time.Second, func() bool { return len(p.historyItems()) == 2 }) {
		t.Fatal("the second kill is not in the history")
	}
	items = p.historyItems()
	assert.Regexp(t, `^\d\d:\d\d:\d\d Everywhere else: no answer$`, items[0].Text)
	assert.Empty(t, items[0].Reference, "no answer, no reference")
	assert.Equal(t, "HTTP 403, errors.com.epicgames.common.missing_permission", items[1].Reference)
	assert.Equal(t, "Earlier in this browser session (2)", p.text("history-title"))
}

// historyItems reads the history list back: each item's own text, its .ref
// and its data-outcome.
func (p *page) historyItems() []popup.HistoryLine {
	var lines []popup.HistoryLine
	items := p.el("history").Underlying().Get("children")
	for i := range items.Length() {
		li := items.Index(i)
		l := popup.HistoryLine{Text: li.Get("firstChild").Get("textContent").String(),
			Success: li.Call("getAttribute", "data-outcome").String() == "success"}
		refs := li.Call("querySelectorAll", ".ref")
		if refs.Length() > 1 {
			p.t.Errorf("a history item with %d references", refs.Length())
		}
		if refs.Length() == 1 {
			l.Reference = refs.Index(0).Get("textContent").String()
			if want := l.Text + " " + l.Reference; li.Get("textContent").String() != want {
				p.t.Errorf("the item reads %q, not %q", li.Get("textContent").String(), want)
			}
		} else if li.Get("textContent").String() != l.Text {
			p.t.Errorf("the item holds more than its text: %q", li.Get("textContent").String())
		}
		lines = append(lines, l)
	}
	return lines
}
