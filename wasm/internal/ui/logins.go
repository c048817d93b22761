//go:build js && wasm

package ui

import (
	"slices"

	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// loginItem is one saved login shown: its <li>, its Revoke, and what it
// shows.
type loginItem struct {
	li     dom.Element
	revoke *dom.HTMLButtonElement
	login  popup.Login
}

// renderLogins shows the section of saved logins as v has it.
func (p *Popup) renderLogins(old, v popup.View, first bool) {
	changed := func(a, b any) bool { return first || a != b }
	if changed(old.SavedLogins, v.SavedLogins) {
		setHidden(p.savedLogins, !v.SavedLogins)
	}
	if changed(old.SavedLoginsTitle, v.SavedLoginsTitle) && v.SavedLoginsTitle != "" {
		p.loginsTitle.SetTextContent(v.SavedLoginsTitle)
	}
	if changed(old.LoginsStatus, v.LoginsStatus) {
		p.loginsStatus.SetTextContent(v.LoginsStatus)
	}
	if changed(old.LoginsNote, v.LoginsNote) {
		setText(p.loginsNote, v.LoginsNote)
	}
	if changed(old.RevokeAll, v.RevokeAll) {
		setHidden(p.revokeAll, !v.RevokeAll)
		setHidden(p.revokeAllNote, !v.RevokeAll)
	}
	if changed(old.RevokeEnabled, v.RevokeEnabled) {
		p.revokeAll.SetDisabled(!v.RevokeEnabled)
	}
	if changed(old.ListEnabled, v.ListEnabled) {
		p.listLogins.SetDisabled(!v.ListEnabled)
	}
	if first || old.LoginWords != v.LoginWords {
		// Made again in these words.
		p.logins.SetTextContent("")
		p.loginItems = map[string]loginItem{}
	}
	if first || old.LoginWords != v.LoginWords || !slices.Equal(old.Logins, v.Logins) {
		p.renderLoginList(v.Logins, v.LoginWords)
	}
	if first || changed(old.RevokeEnabled, v.RevokeEnabled) || !slices.Equal(old.Logins, v.Logins) {
		for _, item := range p.loginItems {
			item.revoke.SetDisabled(!v.RevokeEnabled)
		}
	}
}

// renderLoginList shows logins. A list that only lost some of the logins
// shown (revoked) drops their elements and keeps the rest as they are;
// any other change writes the list afresh.
func (p *Popup) renderLoginList(logins []popup.Login, words popup.LoginWords) {
	kept := 0
	for _, l := range logins {
		if item, ok := p.loginItems[l.DeviceID]; ok && item.login == l {
			kept++
		}
	}
	if kept == len(logins) && p.inShownOrder(logins) {
		wanted := map[string]bool{}
		for _, l := range logins {
			wanted[l.DeviceID] = true
		}
		for id, item := range p.loginItems {
			if !wanted[id] {
				item.li.Underlying().Call("remove")
				delete(p.loginItems, id)
			}
		}
		return
	}
	p.logins.SetTextContent("")
	p.loginItems = map[string]loginItem{}
	for _, l := range logins {
		item := p.loginElement(l, words)
		p.logins.AppendChild(item.li)
		p.loginItems[l.DeviceID] = item
	}
}

// inShownOrder reports whether logins are in the order the page shows them.
func (p *Popup) inShownOrder(logins []popup.Login) bool {
	children := p.logins.Underlying().Get("children")
	next := 0
	for i := range children.Length() {
		id := children.Index(i).Call("getAttribute", "data-device-id").String()
		if next < len(logins) && logins[next].DeviceID == id {
			next++
		}
	}
	return next == len(logins)
}

// loginElement is one saved login: its name, when and where it was saved
// and last used, a bot's warning, "More" with the exact times, the app's
// own name, its id and the IP addresses behind a reveal of their own, and
// one Revoke, described by the name.
func (p *Popup) loginElement(l popup.Login, words popup.LoginWords) loginItem {
	doc := p.doc
	li := createElement(doc, "li")
	li.SetAttribute("data-device-id", l.DeviceID)
	text := func(parent dom.Element, tag, class, s string) dom.Element {
		el := createElement(doc, tag)
		if class != "" {
			el.SetAttribute("class", class)
		}
		el.SetTextContent(s)
		parent.AppendChild(el)
		return el
	}
	nameID := "login-" + l.DeviceID
	text(li, "p", "login-name", l.Name).SetAttribute("id", nameID)
	text(li, "p", "fine", l.Saved)
	text(li, "p", "fine", l.Used)
	if l.Bot != "" {
		text(li, "p", "warning", l.Bot)
	}
	more := createElement(doc, "details")
	text(more, "summary", "", words.More)
	facts := createElement(doc, "dl")
	fact := func(label, value string) {
		if value != "" {
			text(facts, "dt", "", label)
			text(facts, "dd", "", value)
		}
	}
	fact(words.Saved, l.SavedAt)
	fact(words.Used, l.UsedAt)
	fact(words.App, l.App)
	fact(words.DeviceID, l.DeviceID)
	more.AppendChild(facts)
	ips := createElement(doc, "details")
	text(ips, "summary", "", words.ShowIP)
	for _, line := range []string{l.IPSaved, l.IPUsed} {
		if line != "" {
			text(ips, "p", "fine", line)
		}
	}
	more.AppendChild(ips)
	li.AppendChild(more)
	revoke := &dom.HTMLButtonElement{BasicHTMLElement: createElement(doc, "button")}
	revoke.SetAttribute("type", "button")
	revoke.SetAttribute("class", "revoke")
	revoke.SetAttribute("aria-describedby", nameID)
	revoke.SetTextContent(words.Revoke)
	li.AppendChild(revoke)
	return loginItem{li: li, revoke: revoke, login: l}
}
