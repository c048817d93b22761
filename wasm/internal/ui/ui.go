//go:build js && wasm

// Package ui binds the popup's markup (popup.html) to a popup.Controller with
// honnef.co/go/js/dom/v2. It holds no rules of its own: it reads the form when
// the user acts, hands it to the controller, and renders the View it gets back.
//
// Everything shown goes through textContent, never innerHTML, because Epic's
// answers are untrusted text.
//
// dom/v2 runs listeners synchronously inside the JS event; the controller's
// methods return at once and do their waiting in goroutines, so no listener
// ever blocks the page.
package ui

import (
	"fmt"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// Popup is the popup's controls, found by the ids of the popup contract.
type Popup struct {
	doc         dom.Document
	token       *dom.HTMLInputElement
	killType    *dom.HTMLSelectElement
	description dom.Element
	permission  dom.Element
	kill        *dom.HTMLButtonElement
	confirmBox  dom.Element
	confirmText dom.Element
	confirm     *dom.HTMLButtonElement
	cancel      *dom.HTMLButtonElement
	result      dom.Element

	listeners []listener
}

type listener struct {
	target dom.Element
	event  string
	fn     js.Func
}

// find locates every control; the error names the ids that are missing or
// on the wrong kind of element.
func find(doc dom.Document) (*Popup, error) {
	var missing []string
	p := &Popup{
		doc:         doc,
		token:       byID[*dom.HTMLInputElement](doc, "token", &missing),
		killType:    byID[*dom.HTMLSelectElement](doc, "kill-type", &missing),
		description: byID[dom.Element](doc, "kill-type-description", &missing),
		permission:  byID[dom.Element](doc, "kill-type-permission", &missing),
		kill:        byID[*dom.HTMLButtonElement](doc, "kill", &missing),
		confirmBox:  byID[dom.Element](doc, "confirm-box", &missing),
		confirmText: byID[dom.Element](doc, "confirm-text", &missing),
		confirm:     byID[*dom.HTMLButtonElement](doc, "confirm", &missing),
		cancel:      byID[*dom.HTMLButtonElement](doc, "cancel", &missing),
		result:      byID[dom.Element](doc, "result", &missing),
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("popup.html lacks %s", strings.Join(missing, ", "))
	}
	return p, nil
}

func byID[T dom.Element](doc dom.Document, id string, missing *[]string) T {
	el, ok := doc.GetElementByID(id).(T)
	if !ok {
		*missing = append(*missing, "#"+id)
	}
	return el
}

// Start makes the popup in doc usable: it finds the controls, lists the kill
// types, binds the controls to a controller that sends kills with killer, and
// marks the popup ready.
func Start(doc dom.Document, killer popup.Killer) (*Popup, error) {
	p, err := find(doc)
	if err != nil {
		return nil, err
	}
	p.fillKillTypes(epic.KillTypes)
	p.bind(popup.New(killer, p.render))
	p.setReady()
	return p, nil
}

// fillKillTypes puts one option per kill type in the select, in table
// order. popup.html already lists them (cmd/popuphtml keeps it in step), so
// the browser paints them before Go runs; this only repairs a stale page.
func (p *Popup) fillKillTypes(types []epic.KillType) {
	if p.listsKillTypes(types) {
		return
	}
	p.killType.SetTextContent("")
	for _, kt := range types {
		opt := p.doc.CreateElement("option").(*dom.HTMLOptionElement)
		opt.SetValue(kt.Name)
		opt.SetTextContent(kt.Name)
		p.killType.AppendChild(opt)
	}
}

func (p *Popup) listsKillTypes(types []epic.KillType) bool {
	options := p.killType.Options()
	if len(options) != len(types) {
		return false
	}
	for i, opt := range options {
		if opt.Value() != types[i].Name || opt.Text() != types[i].Name {
			return false
		}
	}
	return true
}

// bind sends the user's actions to c.
func (p *Popup) bind(c *popup.Controller) {
	p.listen(p.killType, "change", func(dom.Event) { c.Select(p.killType.Value()) })
	p.listen(p.kill, "click", func(ev dom.Event) {
		if !repeatedClick(ev) {
			c.Kill(p.form())
		}
	})
	p.listen(p.confirm, "click", func(ev dom.Event) {
		if !repeatedClick(ev) {
			c.Confirm(p.form())
		}
	})
	p.listen(p.cancel, "click", func(dom.Event) { c.Cancel() })
}

// repeatedClick tells the second click of a double click (the click event's
// detail counts clicks in a row) from a new click: when Epic answers within a
// double click's interval, the button is enabled again before it arrives, and
// a double click must still send one request.
func repeatedClick(ev dom.Event) bool {
	return ev.Underlying().Get("detail").Int() > 1
}

// setReady marks the popup usable for people and tests: data-ready="true" on
// <html>, and a performance mark with which `make bench` times the start-up.
func (p *Popup) setReady() {
	p.doc.DocumentElement().SetAttribute("data-ready", "true")
	js.Global().Get("performance").Call("mark", "esk:ready")
}

// Close removes the listeners and releases their functions.
func (p *Popup) Close() {
	for _, l := range p.listeners {
		l.target.RemoveEventListener(l.event, false, l.fn)
	}
	p.listeners = nil
}

func (p *Popup) listen(target dom.Element, event string, fn func(dom.Event)) {
	p.listeners = append(p.listeners, listener{target, event, target.AddEventListener(event, false, fn)})
}

func (p *Popup) form() popup.Form {
	return popup.Form{Token: p.token.Value(), KillType: p.killType.Value()}
}

// render shows v.
func (p *Popup) render(v popup.View) {
	p.token.SetDisabled(!v.InputsEnabled)
	p.killType.SetDisabled(!v.InputsEnabled)
	if p.killType.Value() != v.Selected {
		p.killType.SetValue(v.Selected)
	}
	p.description.SetTextContent(v.Description)
	p.permission.SetTextContent(v.Permission)
	p.kill.SetDisabled(!v.KillEnabled)
	setHidden(p.confirmBox, !v.Confirming)
	p.confirmText.SetTextContent(v.ConfirmText)
	p.result.SetTextContent(v.Message)
	if v.Outcome == popup.OutcomeNone {
		p.result.RemoveAttribute("data-outcome")
	} else {
		p.result.SetAttribute("data-outcome", string(v.Outcome))
	}
	switch v.Focus {
	case "confirm":
		p.confirm.Focus()
	case "kill":
		p.kill.Focus()
	}
}

func setHidden(el dom.Element, hidden bool) {
	if hidden {
		el.SetAttribute("hidden", "")
	} else {
		el.RemoveAttribute("hidden")
	}
}
