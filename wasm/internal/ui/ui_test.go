//go:build js && wasm

package ui

import (
	"regexp"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/browser"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fetchtest"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

const token = "065981d58ba642e7ac6ef7d6c4ed15b2"

// page is the real popup.html markup in the test page, started the way
// main starts it, with fetch answered by the test.
type page struct {
	t     *testing.T
	doc   dom.Document
	fetch *fetchtest.Fetch
}

func openPopup(t *testing.T, answer func(fetchtest.Call) fetchtest.Answer) *page {
	t.Helper()
	p := mountMarkup(t)
	p.doc.DocumentElement().RemoveAttribute("data-ready")
	p.fetch = fetchtest.Install(t, killsOnly(answer))
	started, err := Start(p.doc, testEnv())
	require.NoError(t, err)
	t.Cleanup(started.Close)
	p.waitReady()
	return p
}

// testEnv is main's environment. The test page is no extension page, so
// the browser adapters fail, which the popup must survive: nothing is kept,
// and host access cannot be asked about.
func testEnv() popup.Env {
	return popup.Env{
		Epic: &epic.Client{Doer: jsbridge.NewFetchDoer()}, Browser: browser.Extension{}, Store: browser.SessionStorage{},
		AfterPaint: browser.AfterNextPaint,
	}
}

// killsOnly answers Epic's verify with 503, so that the token's permissions
// stay unknown and every kill is sent, and the kills with answer.
func killsOnly(answer func(fetchtest.Call) fetchtest.Answer) func(fetchtest.Call) fetchtest.Answer {
	return func(c fetchtest.Call) fetchtest.Answer {
		if c.Method == "GET" {
			return fetchtest.Answer{Status: 503}
		}
		return answer(c)
	}
}

// waitUntil waits up to timeout for ok; every wait of these tests for
// something the popup does is one.
func (p *page) waitUntil(timeout time.Duration, ok func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !ok() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond) // lets the popup's goroutines and fetch's promises run
	}
	return true
}

func (p *page) waitReady() {
	p.t.Helper()
	if !p.waitUntil(5*time.Second, func() bool { return p.doc.DocumentElement().GetAttribute("data-ready") == "true" }) {
		p.t.Fatal("the popup never became ready")
	}
}

// kills are the DELETE requests sent to Epic.
func (p *page) kills() []fetchtest.Call {
	var out []fetchtest.Call
	for _, c := range p.fetch.Calls() {
		if c.Method == "DELETE" {
			out = append(out, c)
		}
	}
	return out
}

// shown is everything the result area says: the result, the advice and
// the details.
func (p *page) shown() string {
	return p.text("result") + "\n" + p.text("advice") + "\n" + p.text("details-text")
}

// mount puts markup in a container of its own until the test ends; the test
// runner's own page elements must stay where they are.
func mount(t *testing.T, doc dom.Document, markup string) {
	box := doc.CreateElement("div")
	box.SetInnerHTML(markup) // the project's own markup, never Epic's text
	doc.QuerySelector("body").AppendChild(box)
	t.Cleanup(box.Remove)
}

func (p *page) el(id string) dom.Element {
	el := p.doc.GetElementByID(id)
	require.NotNil(p.t, el, "#%s", id)
	return el
}

func (p *page) text(id string) string { return p.el(id).TextContent() }

func (p *page) typeToken(s string) { p.el("token").(*dom.HTMLInputElement).SetValue(s) }

func (p *page) choose(killType string) {
	sel := p.el("kill-type").(*dom.HTMLSelectElement)
	sel.SetValue(killType)
	// dom/v2's DispatchEvent panics on Go ≥ 1.19; call the DOM directly.
	sel.Underlying().Call("dispatchEvent", js.Global().Get("Event").New("change"))
}

// click clicks like a person: a disabled button ignores it.
func (p *page) click(id string) { p.el(id).(*dom.HTMLButtonElement).Click() }

// clickTimes dispatches a mouse click that is the n-th click in a row, as
// the browser reports the clicks of a double click.
func (p *page) clickTimes(id string, n int) {
	ev := js.Global().Get("MouseEvent").New("click", map[string]any{"bubbles": true, "detail": n})
	p.el(id).Underlying().Call("dispatchEvent", ev)
}

func (p *page) button(id string) *dom.HTMLButtonElement { return p.el(id).(*dom.HTMLButtonElement) }

// waitEnabled waits until the button id is enabled.
func (p *page) waitEnabled(id string) {
	p.t.Helper()
	if !p.waitUntil(2*time.Second, func() bool { return !p.button(id).Disabled() }) {
		p.t.Fatalf("#%s stays disabled", id)
	}
}

// settled returns once every goroutine of the popup waits on the browser:
// a JavaScript task runs only when Go hands the page back, which Go on
// js/wasm does only when no goroutine can run. A request that what the test
// did would send, without first waiting on the browser, has been handed to
// fetch by then.
func (p *page) settled() {
	done := make(chan struct{})
	callback := js.FuncOf(func(js.Value, []js.Value) any {
		close(done)
		return nil
	})
	defer callback.Release()
	js.Global().Call("setTimeout", callback, 0)
	<-done
}

// imagesSettled returns once an image made now without an address has
// failed. One made earlier without an address, as Epic's markup would
// make, has failed and run its handler by then: the browser queues each
// such failure on one task source when the image is made, and runs them
// in order.
func (p *page) imagesSettled() {
	failed := make(chan struct{})
	onError := js.FuncOf(func(js.Value, []js.Value) any {
		close(failed)
		return nil
	})
	defer onError.Release()
	img := js.Global().Get("Image").New()
	img.Call("addEventListener", "error", onError, map[string]any{"once": true})
	img.Call("setAttribute", "src", "")
	select {
	case <-failed:
	case <-time.After(10 * time.Second):
		p.t.Fatal("the sentinel image neither loaded nor failed")
	}
}

func (p *page) focused() string { return p.doc.Underlying().Get("activeElement").Get("id").String() }

// focusComesTo waits for the focus to reach id, which the popup gives back
// once it has drawn what changed, and reports where the focus is.
func (p *page) focusComesTo(id string) string {
	p.waitUntil(2*time.Second, func() bool { return p.focused() == id })
	return p.focused()
}

func (p *page) disabled(id string) bool { return p.el(id).Underlying().Get("disabled").Bool() }

func (p *page) hidden(id string) bool { return p.el(id).HasAttribute("hidden") }

// threeDigits is a number of three digits or more: an HTTP status or an
// Epic error number, which no sentence of the popup's own holds.
var threeDigits = regexp.MustCompile(`[0-9]{3,}`)

// assertNoReference checks that the live region (the result and the advice)
// names no HTTP status and no error code: the details hold those.
func (p *page) assertNoReference() {
	p.t.Helper()
	said := p.text("outcome")
	assert.NotContains(p.t, said, "HTTP")
	assert.NotContains(p.t, said, "errors.com")
	assert.NotRegexp(p.t, threeDigits, said)
}

// waitForOutcome waits until #result shows outcome and returns its text.
func (p *page) waitForOutcome(outcome string) string {
	p.t.Helper()
	if !p.waitUntil(5*time.Second, func() bool { return p.el("result").GetAttribute("data-outcome") == outcome }) {
		p.t.Fatalf("#result never showed %q; it shows %q (%q)", outcome, p.el("result").GetAttribute("data-outcome"), p.text("result"))
	}
	return p.text("result")
}

func noContent(fetchtest.Call) fetchtest.Answer { return fetchtest.Answer{Status: 204} }

func epicError(status int, body string) func(fetchtest.Call) fetchtest.Answer {
	return func(fetchtest.Call) fetchtest.Answer {
		return fetchtest.Answer{Status: status, Body: body, Header: map[string]string{"Content-Type": "application/json"}}
	}
}

func TestPopupIsReadyWithTheSixKillTypes(t *testing.T) {
	p := openPopup(t, noContent)

	assert.Equal(t, "true", p.doc.DocumentElement().GetAttribute("data-ready"))
	options := p.el("kill-type").(*dom.HTMLSelectElement).Options()
	require.Len(t, options, len(epic.KillTypes))
	for i, kt := range epic.KillTypes {
		assert.Equal(t, kt.Name, options[i].Value())
		assert.Equal(t, messages.English.Text(messages.KillTypeLabel(kt.Name)), options[i].Text(), "the option is in a player's words")
	}
	assert.Equal(t, messages.English.Text(messages.KillTypeDescription(epic.KillTypes[0].Name)), p.text("kill-type-description"))
	assert.Equal(t, "Epic's name: "+epic.KillTypes[0].Name, p.text("kill-type-permission"))
	for _, id := range []string{"token", "kill-type", "kill"} {
		assert.False(t, p.disabled(id), "#%s usable", id)
	}
	for _, id := range []string{"confirm-box", "kill-type-warning", "no-kill", "countdown", "token-held", "kill-this", "history-box", "details"} {
		assert.True(t, p.el(id).HasAttribute("hidden"), "#%s hidden", id)
	}
	assert.False(t, p.el("actions").HasAttribute("hidden"))
	// One live region holds the result and the advice, announced together.
	outcome := p.el("outcome")
	assert.Equal(t, "status", outcome.GetAttribute("role"))
	assert.Equal(t, "polite", outcome.GetAttribute("aria-live"))
	assert.Equal(t, "true", outcome.GetAttribute("aria-atomic"))
	for _, id := range []string{"result", "advice"} {
		assert.True(t, outcome.Contains(p.el(id)), "#%s is in the live region", id)
	}
	assert.True(t, strings.HasPrefix(p.text("kill"), "Kill sessions"))
}

func TestChoosingAKillTypeShowsWhatItDoes(t *testing.T) {
	p := openPopup(t, noContent)
	p.choose("ALL_ACCOUNT_CLIENT")
	assert.Equal(t, "Every login of the app this token is from, on every device, this one too.", p.text("kill-type-description"))
	assert.Equal(t, "Epic's name: ALL_ACCOUNT_CLIENT", p.text("kill-type-permission"))
	assert.False(t, p.el("kill-type-warning").HasAttribute("hidden"), "it warns at once that it ends this token too")
	assert.Equal(t, "This signs you out here too: the token in this popup stops working.", p.text("kill-type-warning"))

	p.choose("OTHERS")
	assert.Equal(t, "Every other login of your account, in every app and on every device. Keeps this one.", p.text("kill-type-description"))
	assert.Equal(t, "Epic's name: OTHERS", p.text("kill-type-permission"))
	assert.True(t, p.el("kill-type-warning").HasAttribute("hidden"))
	assert.Empty(t, p.text("kill-type-warning"))
}

func TestKillShowsNoContent(t *testing.T) {
	p := openPopup(t, noContent)
	p.typeToken(" bearer " + token + " ")
	p.choose("OTHERS_ACCOUNT_CLIENT")

	p.click("kill")

	assert.Equal(t, "Your other logins of this app were signed out, in every service.", p.waitForOutcome("success"))
	assert.Equal(t, "success", p.el("outcome").GetAttribute("data-outcome"), "the live region says how it ended too")
	assert.Contains(t, p.text("advice"), "This token still works.")
	assert.Contains(t, p.text("details-text"), "HTTP status: 204")
	calls := p.kills()
	require.Len(t, calls, 1)
	assert.Equal(t, "DELETE", calls[0].Method)
	assert.Equal(t, "https://account-public-service-prod.ol.epicgames.com/account/api/oauth/sessions/kill?killType=OTHERS_ACCOUNT_CLIENT", calls[0].URL)
	assert.Equal(t, "bearer "+token, calls[0].Header.Get("Authorization"))
	assert.False(t, p.disabled("kill"), "usable again")
	assert.Equal(t, "kill", p.focusComesTo("kill"), "focus is back on the kill button")
}

func TestKillShowsEpicsErrors(t *testing.T) {
	tests := []struct {
		name   string
		answer func(fetchtest.Call) fetchtest.Answer
		want   []string
	}{
		{
			name:   "403 missing permission",
			answer: epicError(403, `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions 'account:token:otherSessionsForClient DELETE' needed to perform the requested operation","messageVars":["account:token:otherSessionsForClient","DELETE"],"numericErrorCode":1023,"originatingService":"com.epicgames.account.public","intent":"prod"}`),
			want:   []string{"403", "errors.com.epicgames.common.missing_permission", "1023", "account:token:otherSessionsForClient DELETE"},
		},
		{
			name:   "401 token no longer valid",
			answer: epicError(401, `{"errorCode":"errors.com.epicgames.common.authentication.token_verification_failed","errorMessage":"Sorry we couldn't validate your token `+token+`. Please try with a new token.","messageVars":[],"numericErrorCode":1031,"originatingService":"com.epicgames.account.public","intent":"prod"}`),
			want:   []string{"401", "errors.com.epicgames.common.authentication.token_verification_failed", "[your token]"},
		},
		{
			name: "HTML page",
			answer: func(fetchtest.Call) fetchtest.Answer {
				return fetchtest.Answer{Status: 502, Body: "<html><body>Bad gateway</body></html>", Header: map[string]string{"Content-Type": "text/html"}}
			},
			want: []string{"502", "web page"},
		},
		{
			name: "a body over 64 KiB",
			answer: func(fetchtest.Call) fetchtest.Answer {
				return fetchtest.Answer{Status: 500, Body: strings.Repeat("x", epic.MaxBodyBytes+1)}
			},
			want: []string{"500", "over 64 KiB"},
		},
		{
			name:   "no answer",
			answer: func(fetchtest.Call) fetchtest.Answer { return fetchtest.Answer{Reject: "Failed to fetch"} },
			want:   []string{"Could not reach Epic", "Failed to fetch"},
		},
		{
			name:   "redirect",
			answer: func(fetchtest.Call) fetchtest.Answer { return fetchtest.Answer{Status: 0} },
			want:   []string{"redirect", "not followed"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := openPopup(t, tt.answer)
			p.typeToken(token)
			p.choose("OTHERS")

			p.click("kill")

			p.waitForOutcome("error")
			shown := p.shown()
			for _, want := range tt.want {
				assert.Contains(t, shown, want)
			}
			assert.NotContains(t, shown, token)
			assert.Equal(t, "error", p.el("outcome").GetAttribute("data-outcome"))
			p.assertNoReference()
			assert.Len(t, p.kills(), 1)
		})
	}
}

func TestEpicsTextIsShownAsTextAndNeverRuns(t *testing.T) {
	js.Global().Delete("__pwned")
	const attack = `<img src onerror="window.__pwned=1"><b id="injected">bold</b>`
	p := openPopup(t, epicError(400, `{"errorCode":"errors.com.epicgames.common.oauth.invalid_request","errorMessage":"`+strings.ReplaceAll(attack, `"`, `\"`)+`","messageVars":[],"numericErrorCode":1013}`))
	p.typeToken(token)

	p.click("kill")

	p.waitForOutcome("error")
	assert.Contains(t, p.text("details-text"), attack, "Epic's words are shown, as text")
	for _, id := range []string{"result", "advice", "details-text"} {
		assert.Equal(t, 0, p.el(id).Underlying().Get("childElementCount").Int(), "no element was made from Epic's text in #%s", id)
	}
	assert.Nil(t, p.doc.GetElementByID("injected"))
	p.imagesSettled()
	assert.True(t, js.Global().Get("__pwned").IsUndefined(), "Epic's text ran as script")
}

func TestTypesThatEndThisSessionAskForConfirmFirst(t *testing.T) {
	for _, name := range []string{"ALL", "ALL_ACCOUNT_CLIENT"} {
		t.Run(name, func(t *testing.T) {
			p := openPopup(t, noContent)
			p.typeToken(token)
			p.choose(name)

			p.click("kill")

			assert.False(t, p.el("confirm-box").HasAttribute("hidden"), "confirmation shown")
			assert.Contains(t, p.text("confirm-text"), "stops working too")
			assert.Equal(t, messages.English.Text(messages.KillTypeConfirm(name)), p.text("confirm"), "Confirm names the consequence")
			assert.True(t, p.el("actions").HasAttribute("hidden"), "the confirmation takes the actions' place")
			assert.Equal(t, "cancel", p.focused(), "focus moves to Cancel, where a held key does no harm")
			assert.True(t, p.button("confirm").Disabled(), "Confirm is on before its guard time is over")
			p.click("confirm")
			p.settled()
			assert.Empty(t, p.kills(), "nothing is sent before Confirm")

			p.waitEnabled("confirm")
			p.click("confirm")

			assert.Equal(t, messages.English.Text(messages.KillTypeDone(name)), p.waitForOutcome("success"))
			assert.True(t, p.el("confirm-box").HasAttribute("hidden"))
			assert.False(t, p.el("actions").HasAttribute("hidden"))
			require.Len(t, p.kills(), 1)
			assert.Contains(t, p.kills()[0].URL, "killType="+name)
		})
	}
}

// TestARepeatedKeyActivatesNothing: a key held down repeats its keydown;
// the popup cancels those of Enter and Space, which would otherwise press
// whatever button holds the focus, so a held Enter on Kill sessions cannot
// go on to press what the confirmation focuses. A press of its own works.
func TestARepeatedKeyActivatesNothing(t *testing.T) {
	p := openPopup(t, noContent)
	tests := []struct {
		key    string
		repeat bool
		want   bool // cancelled
	}{
		{"Enter", true, true},
		{" ", true, true},
		{"Enter", false, false},
		{" ", false, false},
		{"Tab", true, false},
		{"a", true, false},
	}
	for _, tt := range tests {
		for _, id := range []string{"kill", "cancel", "confirm", "token"} {
			ev := js.Global().Get("KeyboardEvent").New("keydown", map[string]any{
				"key": tt.key, "repeat": tt.repeat, "bubbles": true, "cancelable": true})
			p.el(id).Underlying().Call("dispatchEvent", ev)
			assert.Equal(t, tt.want, ev.Get("defaultPrevented").Bool(), "keydown %q repeat=%v on #%s", tt.key, tt.repeat, id)
		}
	}
}

func TestCancelSendsNothing(t *testing.T) {
	p := openPopup(t, noContent)
	p.typeToken(token)
	p.choose("ALL")
	p.click("kill")

	p.click("cancel")

	assert.True(t, p.el("confirm-box").HasAttribute("hidden"))
	assert.False(t, p.el("actions").HasAttribute("hidden"), "the actions are back")
	assert.Equal(t, "Cancelled: nothing was sent.", p.text("result"))
	assert.Equal(t, "kill", p.focusComesTo("kill"))
	p.settled()
	assert.Empty(t, p.kills())
}

func TestADoubleClickSendsOneRequest(t *testing.T) {
	hold := make(chan struct{})
	p := openPopup(t, func(fetchtest.Call) fetchtest.Answer { return fetchtest.Answer{Status: 204, Hold: hold} })
	p.typeToken(token)

	p.click("kill")
	p.click("kill")

	assert.Equal(t, "pending", p.el("result").GetAttribute("data-outcome"))
	assert.True(t, p.disabled("kill"), "disabled while the request runs")
	close(hold)
	p.waitForOutcome("success")
	p.click("kill") // usable again afterwards
	p.waitForOutcome("success")
	assert.Len(t, p.kills(), 2, "one request per click that was not a double click")
}

func TestADoubleClickSendsOneRequestEvenWhenEpicAnswersAtOnce(t *testing.T) {
	p := openPopup(t, noContent)
	p.typeToken(token)

	p.clickTimes("kill", 1)
	p.waitForOutcome("success")
	require.False(t, p.disabled("kill"), "enabled again before the double click's second click")
	p.clickTimes("kill", 2) // the second click of the same double click
	p.settled()
	assert.Len(t, p.kills(), 1)

	p.clickTimes("kill", 1) // a new click later on
	p.waitForOutcome("success")
	assert.Len(t, p.kills(), 2)
}

func TestBadInputShowsOneSentenceAndSendsNothing(t *testing.T) {
	tests := []struct{ token, want string }{
		{"", "No access token: paste your current Epic access token."},
		{"0659 81d5", "The access token has spaces or line breaks inside: paste it as one piece."},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			p := openPopup(t, noContent)
			p.typeToken(tt.token)

			p.click("kill")

			assert.Equal(t, tt.want, p.waitForOutcome("error"))
			p.settled()
			assert.Empty(t, p.fetch.Calls())
			assert.False(t, p.disabled("kill"))
		})
	}
}

// popup.html lists the kill types for the first paint; Go repairs a page
// whose list went stale, so the select always offers exactly the table.
func TestStaleKillTypeOptionsAreReplacedByTheTable(t *testing.T) {
	p := mountMarkup(t)
	sel := p.el("kill-type").(*dom.HTMLSelectElement)
	sel.SetInnerHTML(`<option value="ALL">ALL</option><option value="GONE">GONE</option>`)
	p.fetch = fetchtest.Install(t, noContent)
	started, err := Start(p.doc, testEnv())
	require.NoError(t, err)
	t.Cleanup(started.Close)
	p.waitReady()

	var want, got []string
	for _, kt := range epic.KillTypes {
		want = append(want, kt.Name)
	}
	for _, opt := range sel.Options() {
		got = append(got, opt.Value())
	}
	assert.Equal(t, want, got)
}

func TestAnUnknownKillTypeCannotBeChosen(t *testing.T) {
	p := openPopup(t, noContent)
	p.typeToken(token)
	opt := p.doc.CreateElement("option").(*dom.HTMLOptionElement)
	opt.SetValue("EVERYONE")
	p.el("kill-type").AppendChild(opt) // markup that was tampered with

	p.choose("EVERYONE")

	assert.Contains(t, p.waitForOutcome("error"), `Unknown kill type "EVERYONE": choose one of OTHERS_ACCOUNT_CLIENT_SERVICE,`)
	assert.Equal(t, "OTHERS_ACCOUNT_CLIENT_SERVICE", p.el("kill-type").(*dom.HTMLSelectElement).Value(), "the select shows a real type again")
	p.settled()
	assert.Empty(t, p.fetch.Calls())
}

// TestMarkupViewIsWhatPopupHTMLShows writes every part of markupView onto
// popup.html: Start skips writing what the markup shows already, which
// holds only while nothing changes here.
func TestMarkupViewIsWhatPopupHTMLShows(t *testing.T) {
	page := mountMarkup(t)
	p, err := find(page.doc)
	require.NoError(t, err)
	require.True(t, p.fillKillTypes(epic.KillTypes), "popup.html lists the kill types")
	main := page.doc.QuerySelector("main")
	// The generated parts are marked with comments, which a write removes.
	shown := func() string { return regexp.MustCompile(`<!--.*?-->`).ReplaceAllString(main.InnerHTML(), "") }
	before := shown()

	p.render(markupView()) // the first render: everything is written

	assert.Equal(t, before, shown())
}

func TestFindNamesWhatIsMissing(t *testing.T) {
	body := popupBody(t)
	tests := []struct {
		name     string
		markup   string
		named    []string // each followed by ", " or at the end
		notNamed []string
	}{
		{
			name:     "missing controls, and a div in the kill button's place",
			markup:   `<input id="token"><div id="kill"></div>`,
			named:    []string{"#kill-type", "#kill", "#result"},
			notNamed: []string{"#token"},
		},
		{
			name:     "the whole popup, with a div first under the kill button's id",
			markup:   `<div id="kill"></div>` + body,
			named:    []string{"#kill"},
			notNamed: []string{"#token", "#kill-type", "#result"},
		},
		{
			name: "the whole popup, without the countdown, the token line or <main>",
			markup: strings.NewReplacer(`id="countdown"`, `id="count"`, `id="token-line"`, `id="line"`,
				"<main>", "<div>", "</main>", "</div>").Replace(body),
			named:    []string{"#countdown", "#token-line", "<main>"},
			notNamed: []string{"#kill", "#token", "#outcome"},
		},
		{
			name:     "the whole popup, with a second kill button",
			markup:   body + `<button id="kill"></button>`,
			notNamed: []string{"#kill", "#token"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := dom.GetWindow().Document()
			mount(t, doc, tt.markup)
			_, err := find(doc)
			listed := map[string]bool{}
			if err != nil {
				for _, id := range strings.Split(strings.TrimPrefix(err.Error(), "popup.html lacks "), ", ") {
					listed[id] = true
				}
			}
			for _, id := range tt.named {
				assert.True(t, listed[id], "%s is not named in %v", id, err)
			}
			for _, id := range tt.notNamed {
				assert.False(t, listed[id], "%s is named in %v", id, err)
			}
			assert.Equal(t, len(tt.named) > 0, err != nil, "%v", err)
		})
	}
}

// TestHistoryListFollowsTheLines renders one history after another and
// reads the list back: the shortcut for a line added on top must leave the
// same list as writing it afresh.
func TestHistoryListFollowsTheLines(t *testing.T) {
	ok := func(text string) popup.HistoryLine {
		return popup.HistoryLine{Text: text, Reference: "HTTP 204", Success: true}
	}
	bad := func(text string) popup.HistoryLine {
		return popup.HistoryLine{Text: text, Reference: "HTTP 403, errors.com.epicgames.common.missing_permission"}
	}
	unanswered := func(text string) popup.HistoryLine { return popup.HistoryLine{Text: text} }
	cases := []struct {
		name     string
		old, new []popup.HistoryLine
	}{
		{name: "first line", new: []popup.HistoryLine{ok("a")}},
		{name: "one on top", old: []popup.HistoryLine{ok("a")}, new: []popup.HistoryLine{bad("b"), ok("a")}},
		{name: "one on top pushes the oldest out", old: []popup.HistoryLine{ok("d"), ok("c"), bad("b")}, new: []popup.HistoryLine{ok("e"), ok("d"), ok("c")}},
		{name: "the same text again", old: []popup.HistoryLine{ok("a"), ok("a")}, new: []popup.HistoryLine{ok("a"), ok("a"), ok("a")}},
		{name: "cleared", old: []popup.HistoryLine{ok("a"), bad("b")}},
		{name: "two new lines", old: []popup.HistoryLine{ok("a")}, new: []popup.HistoryLine{ok("c"), bad("b"), ok("a")}},
		{name: "a line changed below the top", old: []popup.HistoryLine{ok("b"), ok("a")}, new: []popup.HistoryLine{ok("c"), ok("b"), bad("x")}},
		{name: "the oldest left without a new one", old: []popup.HistoryLine{ok("b"), ok("a")}, new: []popup.HistoryLine{ok("b")}},
		{name: "one without an answer on top", old: []popup.HistoryLine{bad("a")}, new: []popup.HistoryLine{unanswered("b"), bad("a")}},
		{name: "the same text, another reference", old: []popup.HistoryLine{ok("a")}, new: []popup.HistoryLine{bad("a")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := mountMarkup(t)
			p, err := find(page.doc)
			require.NoError(t, err)
			p.renderHistory(nil, c.old)
			p.renderHistory(c.old, c.new)

			assert.Equal(t, c.new, page.historyItems())
			assert.Equal(t, len(c.new) == 0, p.historyBox.HasAttribute("hidden"), "the history box is hidden exactly when empty")
		})
	}
}

// pseudo is a language of its own: English in brackets, so that a word
// left in English shows.
type pseudo struct{}

func (pseudo) Text(m messages.Message) string {
	return "⟦" + messages.Fill(pseudo{}, messages.English[m.Key], m.Args) + "⟧"
}

// In another language, the popup started shows no word of popup.html's
// English: every text and aria-label is that language's, though the first
// render writes only what differs from the markup.
func TestStartInAnotherLanguageLeavesNoEnglish(t *testing.T) {
	page := mountMarkup(t)
	page.doc.DocumentElement().RemoveAttribute("data-ready")
	page.fetch = fetchtest.Install(t, killsOnly(func(fetchtest.Call) fetchtest.Answer { return fetchtest.Answer{Status: 204} }))
	env := testEnv()
	env.Text = pseudo{}
	started, err := StartIn(page.doc, env, Lang{Tag: "xx", Dir: "rtl"})
	require.NoError(t, err)
	t.Cleanup(started.Close)
	page.waitReady()

	root := page.doc.DocumentElement()
	assert.Equal(t, "xx", root.GetAttribute("lang"))
	assert.Equal(t, "rtl", root.GetAttribute("dir"))
	main := page.doc.QuerySelector("main").Underlying()
	walker := page.doc.Underlying().Call("createTreeWalker", main, 4) // NodeFilter.SHOW_TEXT
	texts := 0
	for node := walker.Call("nextNode"); node.Truthy(); node = walker.Call("nextNode") {
		text := strings.TrimSpace(node.Get("data").String())
		if text == "" {
			continue
		}
		texts++
		assert.True(t, strings.HasPrefix(text, "⟦") && strings.HasSuffix(text, "⟧"), "left in English: %q", text)
	}
	assert.Greater(t, texts, 20, "the popup's texts were read")
	for _, el := range page.doc.QuerySelectorAll("[aria-label]") {
		assert.True(t, strings.HasPrefix(el.GetAttribute("aria-label"), "⟦"), "aria-label left in English: %q", el.GetAttribute("aria-label"))
	}
}
