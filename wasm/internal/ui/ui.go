//go:build js && wasm

// Package ui binds the popup's markup (popup.html) to a popup.Controller with
// honnef.co/go/js/dom/v2. It holds no rules of its own: it reads the form when
// the user acts, hands it to the controller, and renders the View it gets back.
//
// Everything shown goes through textContent, never innerHTML, because Epic's
// answers and the token's claims are untrusted text.
//
// Listeners run synchronously inside the JS event; the controller's methods
// return at once and do their waiting in goroutines, so no listener ever
// blocks the page. That also keeps the browser's user gesture alive for the
// controller's permission and clipboard requests.
//
// Elements and events are wrapped by hand (elements.go), not by dom/v2's
// wrappers, which look up dozens of constructors per element or event.
package ui

import (
	"fmt"
	"slices"
	"strings"
	"syscall/js"
	"time"

	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// Popup is the popup's controls, found by the ids of the popup contract.
type Popup struct {
	doc dom.Document
	// main holds the popup; its data-held and data-confirming let the
	// style sheet step what is not needed aside.
	main dom.Element

	token       *dom.HTMLInputElement
	useSignIn   *dom.HTMLButtonElement
	forget      *dom.HTMLButtonElement
	tokenStatus dom.Element
	signInLink  dom.Element
	tokenHeld   dom.Element
	tokenLine   dom.Element
	tokenBox    dom.Element
	tokenFacts  dom.Element

	killType *dom.HTMLSelectElement
	// options are killType's, one per kill type, as fillKillTypes left
	// them: render need not look them up again.
	options     []*dom.HTMLOptionElement
	description dom.Element
	permission  dom.Element
	warning     dom.Element
	noKill      dom.Element
	noKillText  dom.Element
	actions     dom.Element
	kill        *dom.HTMLButtonElement
	killThis    *dom.HTMLButtonElement
	confirmBox  dom.Element
	confirmText dom.Element
	confirm     *dom.HTMLButtonElement
	cancel      *dom.HTMLButtonElement
	countdown   dom.Element

	outcome     *dom.BasicHTMLElement
	result      dom.Element
	advice      dom.Element
	grantAccess *dom.HTMLButtonElement
	details     dom.Element
	detailsText dom.Element
	copyDetails *dom.HTMLButtonElement
	copyStatus  dom.Element
	historyBox  dom.Element
	historyHead dom.Element
	history     dom.Element
	clearHist   *dom.HTMLButtonElement

	savedLogins   dom.Element
	loginsTitle   *dom.BasicHTMLElement
	loginsStatus  dom.Element
	logins        dom.Element
	loginsNote    dom.Element
	revokeAll     *dom.HTMLButtonElement
	revokeAllNote dom.Element
	listLogins    *dom.HTMLButtonElement
	// loginItems are the logins shown, by device id, with the <li> of
	// each and its Revoke: a list that only lost some keeps the others'
	// elements, and what the player unfolded in them.
	loginItems map[string]loginItem

	controller *popup.Controller
	// afterPaint is Env.AfterPaint: nil does not wait.
	afterPaint func()
	listeners  []listener
	takeTimer  *time.Timer
	// shown is the view last rendered; rendered is false before the first.
	shown    popup.View
	rendered bool
}

type listener struct {
	target js.Value
	event  string
	fn     js.Func
}

// find locates every control; the error names the ids that are missing or
// on the wrong kind of element.
func find(doc dom.Document) (*Popup, error) {
	var missing []string
	byID := func(id string, kind js.Value) *dom.BasicHTMLElement {
		el := elementByID(doc, id, kind)
		if el == nil {
			missing = append(missing, "#"+id)
		}
		return el
	}
	window := js.Global()
	p := &Popup{
		doc:         doc,
		token:       &dom.HTMLInputElement{BasicHTMLElement: byID("token", window.Get("HTMLInputElement"))},
		killType:    &dom.HTMLSelectElement{BasicHTMLElement: byID("kill-type", window.Get("HTMLSelectElement"))},
		outcome:     byID("outcome", js.Undefined()),
		loginsTitle: byID("saved-logins-title", js.Undefined()),
		loginItems:  map[string]loginItem{},
	}
	// Tables, not a call per control: in WebAssembly each call site costs
	// the binary far more than a table's entry.
	for _, c := range []struct {
		id string
		el *dom.Element
	}{
		{"token-status", &p.tokenStatus},
		{"signin-link-box", &p.signInLink},
		{"token-held", &p.tokenHeld},
		{"token-line", &p.tokenLine},
		{"token-box", &p.tokenBox},
		{"token-facts", &p.tokenFacts},
		{"kill-type-description", &p.description},
		{"kill-type-permission", &p.permission},
		{"kill-type-warning", &p.warning},
		{"no-kill", &p.noKill},
		{"no-kill-text", &p.noKillText},
		{"actions", &p.actions},
		{"confirm-box", &p.confirmBox},
		{"confirm-text", &p.confirmText},
		{"countdown", &p.countdown},
		{"result", &p.result},
		{"advice", &p.advice},
		{"details", &p.details},
		{"details-text", &p.detailsText},
		{"copy-status", &p.copyStatus},
		{"history-box", &p.historyBox},
		{"history-title", &p.historyHead},
		{"history", &p.history},
		{"saved-logins", &p.savedLogins},
		{"logins-status", &p.loginsStatus},
		{"logins", &p.logins},
		{"logins-note", &p.loginsNote},
		{"revoke-all-note", &p.revokeAllNote},
	} {
		if el := byID(c.id, js.Undefined()); el != nil {
			*c.el = el
		}
	}
	buttonKind := window.Get("HTMLButtonElement")
	for _, c := range []struct {
		id     string
		button **dom.HTMLButtonElement
	}{
		{"use-signin", &p.useSignIn},
		{"forget", &p.forget},
		{"kill", &p.kill},
		{"kill-this", &p.killThis},
		{"confirm", &p.confirm},
		{"cancel", &p.cancel},
		{"grant-access", &p.grantAccess},
		{"copy-details", &p.copyDetails},
		{"clear-history", &p.clearHist},
		{"revoke-all", &p.revokeAll},
		{"list-logins", &p.listLogins},
	} {
		if el := byID(c.id, buttonKind); el != nil {
			*c.button = &dom.HTMLButtonElement{BasicHTMLElement: el}
		}
	}
	if m := doc.Underlying().Call("querySelector", "main"); m.IsNull() {
		missing = append(missing, "<main>")
	} else {
		p.main = wrap(m)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("popup.html lacks %s", strings.Join(missing, ", "))
	}
	return p, nil
}

// Lang is the language the popup speaks, when it is not popup.html's
// English: its <html> lang and dir. The zero Lang is English.
type Lang struct {
	Tag, Dir string
}

// Start makes the popup in doc usable in English: see StartIn.
func Start(doc dom.Document, env popup.Env) (*Popup, error) {
	return StartIn(doc, env, Lang{})
}

// StartIn makes the popup in doc usable: it finds the controls, lists the
// kill types, puts the markup's words in lang (env.Text's language) unless
// that is English, binds the controls to a controller working with env,
// starts restoring what an earlier popup kept, and marks the popup ready.
func StartIn(doc dom.Document, env popup.Env, lang Lang) (*Popup, error) {
	p, err := find(doc)
	if err != nil {
		return nil, err
	}
	listed := p.fillKillTypes(epic.KillTypes)
	if lang.Tag != "" {
		p.translate(env.Text, lang)
	}
	if listed {
		// The first render need only write what differs from the markup:
		// in another language, its words; each write into the page costs.
		p.shown, p.rendered = markupView(), true
	}
	p.afterPaint = env.AfterPaint
	p.controller = popup.New(env, p.render)
	p.bind(p.controller)
	p.controller.Restore()
	p.setReady()
	return p, nil
}

// fillKillTypes puts one option per kill type in the select, in table
// order, and reports whether popup.html listed them already. It does
// (cmd/popuphtml keeps it in step), so the browser paints them before Go
// runs; this only repairs a stale page.
func (p *Popup) fillKillTypes(types []epic.KillType) (listed bool) {
	if p.options = selectOptions(p.killType); listsKillTypes(p.options, types) {
		return true
	}
	p.killType.SetTextContent("")
	p.options = p.options[:0]
	for _, kt := range types {
		opt := &dom.HTMLOptionElement{BasicHTMLElement: createElement(p.doc, "option")}
		opt.SetValue(kt.Name)
		opt.SetTextContent(messages.English.Text(messages.KillTypeLabel(kt.Name)))
		p.killType.AppendChild(opt)
		p.options = append(p.options, opt)
	}
	return false
}

// translate writes the markup's own words in t's language: each element
// that names its message with data-i18n, each aria-label named with
// data-i18n-aria, and <html>'s lang and dir. The first render then writes
// every part of the view.
func (p *Popup) translate(t messages.Texts, lang Lang) {
	doc := p.doc.Underlying()
	root := doc.Get("documentElement")
	root.Call("setAttribute", "lang", lang.Tag)
	root.Call("setAttribute", "dir", lang.Dir)
	words := doc.Call("querySelectorAll", "[data-i18n]")
	for i := range words.Length() {
		el := words.Index(i)
		el.Set("textContent", t.Text(messages.Of(messages.Key(el.Call("getAttribute", "data-i18n").String()))))
	}
	labels := doc.Call("querySelectorAll", "[data-i18n-aria]")
	for i := range labels.Length() {
		el := labels.Index(i)
		el.Call("setAttribute", "aria-label", t.Text(messages.Of(messages.Key(el.Call("getAttribute", "data-i18n-aria").String()))))
	}
}

// markupView is what popup.html shows before Go runs: the controls off, the
// first kill type explained, "Starting…" in the result. A test renders it
// onto the markup and finds nothing changed.
func markupView() popup.View {
	first := epic.KillTypes[0]
	text := messages.English.Text // popup.html's language
	options := make([]popup.Option, len(epic.KillTypes))
	for i, kt := range epic.KillTypes {
		options[i] = popup.Option{Name: kt.Name, Label: text(messages.KillTypeLabel(kt.Name))}
	}
	return popup.View{
		KillLabel:   text(messages.Of(messages.KillButton)),
		Options:     options,
		Selected:    first.Name,
		Description: text(messages.KillTypeDescription(first.Name)),
		EpicName:    text(popup.EpicName(first, epic.Permission{}, false)),
		Message:     text(messages.Of(messages.Starting)),
	}
}

func listsKillTypes(options []*dom.HTMLOptionElement, types []epic.KillType) bool {
	if len(options) != len(types) {
		return false
	}
	for i, opt := range options {
		if opt.Value() != types[i].Name {
			return false
		}
	}
	return true
}

// bind sends the user's actions to c.
func (p *Popup) bind(c *popup.Controller) {
	p.listen(p.token, "input", func(js.Value) { p.takeTokenSoon() })
	p.listen(p.useSignIn, "click", func(js.Value) { c.UseSignIn() })
	p.listen(p.forget, "click", func(js.Value) { c.Forget() })
	p.listen(p.killType, "change", func(js.Value) { c.Select(p.killType.Value()) })
	p.listen(p.kill, "click", func(ev js.Value) {
		if !repeatedClick(ev) {
			c.Kill(p.form())
		}
	})
	p.listen(p.killThis, "click", func(ev js.Value) {
		if !repeatedClick(ev) {
			c.KillThisSession()
		}
	})
	p.listen(p.confirm, "click", func(ev js.Value) {
		if !repeatedClick(ev) {
			c.Confirm(p.form())
		}
	})
	p.listen(p.cancel, "click", func(js.Value) { c.Cancel() })
	p.listen(p.doc, "keydown", func(ev js.Value) {
		switch key := ev.Get("key").String(); {
		case key == "Escape":
			c.Cancel()
		case (key == "Enter" || key == " ") && ev.Get("repeat").Bool():
			// A key held down repeats: only a press of its own may
			// activate a button, so that a held Enter on Kill sessions
			// does not go on to press what takes the focus next.
			ev.Call("preventDefault")
		}
	})
	p.listen(p.grantAccess, "click", func(js.Value) { c.GrantAccess() })
	p.listen(p.copyDetails, "click", func(js.Value) { c.CopyDetails() })
	p.listen(p.clearHist, "click", func(js.Value) { c.ClearHistory() })
	p.listen(p.savedLogins, "toggle", func(js.Value) {
		c.ShowSavedLogins(p.savedLogins.Underlying().Get("open").Bool())
	})
	p.listen(p.listLogins, "click", func(js.Value) { c.ListSavedLogins() })
	p.listen(p.revokeAll, "click", func(ev js.Value) {
		if !repeatedClick(ev) {
			c.RevokeAll()
		}
	})
	// One listener for every login's Revoke, which the list makes and
	// drops as Epic's list changes.
	p.listen(p.logins, "click", func(ev js.Value) {
		button := ev.Get("target").Call("closest", "button.revoke")
		if button.IsNull() || repeatedClick(ev) {
			return
		}
		if item := button.Call("closest", "[data-device-id]"); !item.IsNull() {
			c.Revoke(item.Call("getAttribute", "data-device-id").String())
		}
	})
}

// takeDelay is how long the token field must rest before its text is taken.
const takeDelay = 400 * time.Millisecond

// takeTokenSoon takes the token once the field has rested: a paste is taken
// at once, typing only when it pauses. Taking it changes the layout (the
// token's details appear), which must not happen between the press and the
// release of a click on Kill sessions; a click on Kill takes the field's
// text itself, and empties it.
func (p *Popup) takeTokenSoon() {
	if p.takeTimer != nil {
		p.takeTimer.Stop()
	}
	p.takeTimer = time.AfterFunc(takeDelay, func() {
		if text := p.token.Value(); strings.TrimSpace(text) != "" {
			p.controller.TakeToken(text)
		}
	})
}

// repeatedClick tells the second click of a double click (the click event's
// detail counts clicks in a row) from a new click: when Epic answers within a
// double click's interval, the button is enabled again before it arrives, and
// a double click must still send one request.
func repeatedClick(ev js.Value) bool {
	return ev.Get("detail").Int() > 1
}

// setReady marks the popup usable for people and tests: data-ready="true" on
// <html>, and a performance mark with which `make bench` times the start-up.
// It also shows a popup that popup.js kept hidden (data-translating) until
// its words were in the browser's language.
func (p *Popup) setReady() {
	root := wrap(p.doc.Underlying().Get("documentElement"))
	root.RemoveAttribute("data-translating")
	root.SetAttribute("data-ready", "true")
	js.Global().Get("performance").Call("mark", "esk:ready")
}

// Close removes the listeners, releases their functions and stops the
// controller's timers.
func (p *Popup) Close() {
	for _, l := range p.listeners {
		l.target.Call("removeEventListener", l.event, l.fn)
		l.fn.Release()
	}
	p.listeners = nil
	if p.takeTimer != nil {
		p.takeTimer.Stop()
	}
	p.controller.Close()
}

// listen calls fn with each event of that type on target. The event stays a
// js.Value: the listeners read one property of it.
func (p *Popup) listen(target dom.Node, event string, fn func(ev js.Value)) {
	wrapper := js.FuncOf(func(_ js.Value, args []js.Value) any {
		fn(args[0])
		return nil
	})
	t := target.Underlying()
	t.Call("addEventListener", event, wrapper)
	p.listeners = append(p.listeners, listener{t, event, wrapper})
}

func (p *Popup) form() popup.Form {
	return popup.Form{Token: p.token.Value(), KillType: p.killType.Value()}
}

// render shows v. It writes only what differs from the view shown before:
// every DOM call from WebAssembly crosses into JavaScript, and most renders
// change one or two things (the result, a button's state).
func (p *Popup) render(v popup.View) {
	old, first := p.shown, !p.rendered
	if v.Leaving && !first {
		v = keepResult(v, old)
	}
	p.shown, p.rendered = v, true
	changed := func(a, b any) bool { return first || a != b }

	if changed(old.InputsEnabled, v.InputsEnabled) {
		p.token.SetDisabled(!v.InputsEnabled)
		p.useSignIn.SetDisabled(!v.InputsEnabled)
		p.forget.SetDisabled(!v.InputsEnabled)
		p.killType.SetDisabled(!v.InputsEnabled)
	}
	if v.ClearToken {
		p.token.SetValue("")
	}
	if changed(old.TokenPlaceholder, v.TokenPlaceholder) {
		if v.TokenPlaceholder != "" {
			p.token.SetAttribute("placeholder", v.TokenPlaceholder)
		} else {
			p.token.RemoveAttribute("placeholder")
		}
	}
	if changed(old.TokenHeld, v.TokenHeld) {
		setFlag(p.main, "data-held", v.TokenHeld)
		setHidden(p.tokenHeld, !v.TokenHeld)
		setHidden(p.forget, !v.TokenHeld)
		setHidden(p.killThis, !v.TokenHeld)
	}
	if changed(old.TokenSummary, v.TokenSummary) {
		p.tokenLine.SetTextContent(v.TokenSummary)
	}
	if changed(old.TokenStatus, v.TokenStatus) {
		p.tokenStatus.SetTextContent(v.TokenStatus)
	}
	if changed(old.SignInLink, v.SignInLink) {
		setHidden(p.signInLink, !v.SignInLink)
	}
	if first || !slices.Equal(old.TokenFacts, v.TokenFacts) {
		setHidden(p.tokenBox, len(v.TokenFacts) == 0)
		p.renderFacts(v.TokenFacts)
	}

	if first || !slices.Equal(old.Options, v.Options) {
		p.renderOptions(v.Options)
	}
	if p.killType.Value() != v.Selected {
		p.killType.SetValue(v.Selected)
	}
	if changed(old.Description, v.Description) {
		p.description.SetTextContent(v.Description)
	}
	if changed(old.EpicName, v.EpicName) {
		p.permission.SetTextContent(v.EpicName)
	}
	if changed(old.Blocked, v.Blocked) {
		setFlag(p.permission, "data-blocked", v.Blocked)
	}
	if changed(old.Warning, v.Warning) {
		setText(p.warning, v.Warning)
	}
	if changed(old.NoKill, v.NoKill) {
		setHidden(p.noKill, v.NoKill == "")
		p.noKillText.SetTextContent(v.NoKill)
	}
	if changed(old.KillEnabled, v.KillEnabled) {
		p.kill.SetDisabled(!v.KillEnabled)
	}
	if changed(old.KillThisEnabled, v.KillThisEnabled) {
		p.killThis.SetDisabled(!v.KillThisEnabled)
	}
	if changed(old.KillLabel, v.KillLabel) {
		p.kill.SetTextContent(v.KillLabel)
	}
	if changed(old.Confirming, v.Confirming) {
		// The confirmation takes the actions' place.
		setFlag(p.main, "data-confirming", v.Confirming)
		setHidden(p.confirmBox, !v.Confirming)
		setHidden(p.actions, v.Confirming)
	}
	if changed(old.ConfirmText, v.ConfirmText) {
		p.confirmText.SetTextContent(v.ConfirmText)
	}
	if changed(old.ConfirmButton, v.ConfirmButton) && v.ConfirmButton != "" {
		p.confirm.SetTextContent(v.ConfirmButton)
	}
	if changed(old.ConfirmReady, v.ConfirmReady) {
		p.confirm.SetDisabled(!v.ConfirmReady)
	}
	if changed(old.Countdown, v.Countdown) {
		setText(p.countdown, v.Countdown)
	}

	// The outcome shown before stays in the page while it leaves, so an
	// answer written where it was is written whole: the live region
	// announces it even in the same words.
	taken := old.Leaving && !v.Leaving
	// The markup has no data-leaving: the first render need not write it.
	if old.Leaving != v.Leaving {
		// On #outcome, not on <main>: the browser then restyles only
		// the parts the style sheet hides.
		setFlag(p.outcome, "data-leaving", v.Leaving)
		if v.Leaving {
			p.result.RemoveAttribute("data-outcome")
		}
	}
	if changed(old.Message, v.Message) || taken {
		p.result.SetTextContent(v.Message)
	}
	if changed(old.Outcome, v.Outcome) || taken {
		if v.Outcome == explain.OutcomeNone {
			p.result.RemoveAttribute("data-outcome")
			p.outcome.RemoveAttribute("data-outcome")
		} else {
			p.result.SetAttribute("data-outcome", string(v.Outcome))
			p.outcome.SetAttribute("data-outcome", string(v.Outcome))
		}
	}
	if changed(old.Advice, v.Advice) {
		p.advice.SetTextContent(v.Advice)
	}
	if changed(old.GrantAccess, v.GrantAccess) {
		setHidden(p.grantAccess, !v.GrantAccess)
	}
	if changed(old.Details, v.Details) {
		setHidden(p.details, v.Details == "")
		p.detailsText.SetTextContent(v.Details)
	}
	if changed(old.CopyStatus, v.CopyStatus) {
		p.copyStatus.SetTextContent(v.CopyStatus)
	}
	if changed(old.HistoryTitle, v.HistoryTitle) && v.HistoryTitle != "" {
		p.historyHead.SetTextContent(v.HistoryTitle)
	}
	if first {
		p.renderHistory(nil, v.History)
	} else if !slices.Equal(old.History, v.History) {
		p.renderHistory(old.History, v.History)
	}
	p.renderLogins(old, v, first)

	switch v.Focus {
	case "token":
		p.token.Focus()
	case "kill-type":
		p.killType.Focus()
	case "cancel":
		p.cancel.Focus()
	case "kill":
		p.giveBackFocus(p.kill)
	case "outcome":
		// Kill sessions is off for a while: the outcome says how long.
		p.giveBackFocus(p.outcome)
	case "saved-logins":
		// The title may be scrolled out of #more's view by now, with the
		// list below it: bring it back before it takes the focus.
		p.loginsTitle.Underlying().Call("scrollIntoView", map[string]any{"block": "nearest"})
		p.giveBackFocus(p.loginsTitle)
	}
}

// keepResult is v, a view whose result region was emptied for a kill on its
// way (View.Leaving), with the result region the page shows from old: the
// page keeps it, unseen (the style sheet hides it under data-leaving), in
// its place. Emptying it would move everything below it and bring back the
// tagline an outcome replaces, for the frame or two until the answer moves
// them back: the page would jump twice for one click.
func keepResult(v, old popup.View) popup.View {
	v.Outcome, v.Message, v.Advice = old.Outcome, old.Message, old.Advice
	v.Details, v.CopyStatus, v.GrantAccess = old.Details, old.CopyStatus, old.GrantAccess
	return v
}

// giveBackFocus returns the focus to el, which lost it to being disabled
// (or to the confirmation closing), once what the popup shows has been
// drawn: focusing makes the browser compute style and layout at once, which
// the outcome need not wait for. el is where the person left the focus, so
// there is nothing to scroll to. Should the focus be somewhere by then, it
// stays there, unless it is on the outcome, where the popup put it while a
// wait kept Kill sessions off.
func (p *Popup) giveBackFocus(el dom.HTMLElement) {
	if p.afterPaint == nil {
		focusInPlace(el)
		return
	}
	go func() {
		p.afterPaint()
		doc := p.doc.Underlying()
		if active := doc.Get("activeElement"); active.IsNull() || active.Equal(doc.Get("body")) || active.Equal(p.outcome.Underlying()) {
			focusInPlace(el)
		}
	}()
}

// renderOptions marks the kill types the token may not use, in the
// option's text (which screen readers read) and a data attribute.
func (p *Popup) renderOptions(options []popup.Option) {
	shown := p.options
	if len(shown) != len(options) {
		return // fillKillTypes keeps them in step with the same table
	}
	for i, o := range options {
		if shown[i].Text() != o.Label {
			shown[i].SetTextContent(o.Label)
		}
		setFlag(shown[i], "data-blocked", o.Blocked)
	}
}

func (p *Popup) renderFacts(facts []popup.Fact) {
	p.tokenFacts.SetTextContent("")
	for _, f := range facts {
		dt := createElement(p.doc, "dt")
		dt.SetTextContent(f.Label)
		dd := createElement(p.doc, "dd")
		dd.SetTextContent(f.Value)
		p.tokenFacts.AppendChild(dt)
		p.tokenFacts.AppendChild(dd)
	}
}

// renderHistory changes the list shown for old into lines. A new outcome
// adds one line on top and may push the oldest out, so only that changes
// in the page; anything else is written afresh.
func (p *Popup) renderHistory(old, lines []popup.HistoryLine) {
	setHidden(p.historyBox, len(lines) == 0)
	list := p.history.Underlying()
	if n := len(lines); old != nil && n > 0 && len(old) >= n-1 && slices.Equal(lines[1:], old[:n-1]) {
		list.Call("prepend", p.historyItem(lines[0]).Underlying())
		for range len(old) - (n - 1) {
			list.Get("lastElementChild").Call("remove")
		}
		return
	}
	p.history.SetTextContent("")
	for _, l := range lines {
		p.history.AppendChild(p.historyItem(l))
	}
}

func (p *Popup) historyItem(l popup.HistoryLine) dom.Element {
	li := createElement(p.doc, "li")
	li.SetTextContent(l.Text)
	if l.Reference != "" {
		li.AppendChild(wrap(p.doc.Underlying().Call("createTextNode", " ")))
		ref := createElement(p.doc, "span")
		ref.SetAttribute("class", "ref")
		ref.SetTextContent(l.Reference)
		li.AppendChild(ref)
	}
	if l.Success {
		li.SetAttribute("data-outcome", "success")
	} else {
		li.SetAttribute("data-outcome", "error")
	}
	return li
}

func setHidden(el dom.Element, hidden bool) { setFlag(el, "hidden", hidden) }

// setText shows text in el, and hides el when there is none.
func setText(el dom.Element, text string) {
	el.SetTextContent(text)
	setHidden(el, text == "")
}

func setFlag(el dom.Element, attr string, on bool) {
	if on {
		el.SetAttribute(attr, "")
	} else {
		el.RemoveAttribute(attr)
	}
}
