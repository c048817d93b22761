//go:build js && wasm

package ui

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// A kill on its way takes the outcome shown before away (View.Leaving)
// without moving anything in the page, and whatever is drawn next leaves
// the page as drawing it straight after that outcome would.
func TestAnOutcomeLeavingKeepsItsPlace(t *testing.T) {
	result := func(o explain.Outcome, message, advice, details string, grant bool) popup.View {
		v := markupView()
		v.Outcome, v.Message, v.Advice, v.Details, v.GrantAccess = o, message, advice, details, grant
		return v
	}
	signedOut := result(explain.OutcomeSuccess, "Signed out your other logins of this app.",
		"Saved logins sign in again without the password.", "HTTP 204 No Content", false)
	unreachable := result(explain.OutcomeError, "Could not reach Epic's account service.",
		"Allow the access again, then kill again.", "net::ERR_BLOCKED_BY_CLIENT", true)
	pending := result(explain.OutcomePending, "Asking Epic to sign out other logins of this app…", "", "", false)
	pending.InputsEnabled, pending.KillEnabled = false, false
	tests := []struct {
		name   string
		before popup.View
		next   popup.View
	}{
		{"the same answer again", signedOut, signedOut},
		{"another answer", signedOut, unreachable},
		{"an answer without details", unreachable, result(explain.OutcomeSuccess, "Signed out.", "", "", false)},
		{"the pending view", unreachable, pending},
		{"the result emptied", signedOut, markupView()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := drawnOnMarkup(t, "drawn straight away", func(p *Popup, _ *styledPage) {
				p.render(tt.before)
				p.render(tt.next)
			})
			got := drawnOnMarkup(t, "drawn after the outcome left", func(p *Popup, page *styledPage) {
				p.render(tt.before)
				place := page.layout()
				leaving := tt.before
				leaving.Outcome, leaving.Message, leaving.Advice, leaving.Details, leaving.GrantAccess = explain.OutcomeNone, "", "", "", false
				leaving.Leaving = true
				p.render(leaving)

				assert.Equal(page.t, place, page.layout(), "something moved as the outcome left")
				for _, id := range []string{"result", "advice", "details", "grant-access"} {
					assert.False(page.t, page.visible(id), "#%s is seen while the outcome leaves", id)
				}
				assert.False(page.t, page.byID("result").HasAttribute("data-outcome"), "#result still has an outcome")
				p.render(tt.next)
			})
			assert.Equal(t, want, got)
		})
	}
}

// styledPage is popup.html's markup with popup.css, which sets the popup's
// width.
type styledPage struct {
	t   *testing.T
	doc dom.Document
}

// drawnOnMarkup styles and mounts popup.html's markup, lets draw render on
// it, and returns the result region as the page then has it. It does so in
// a subtest of t, whose end removes the markup and the style again.
func drawnOnMarkup(t *testing.T, name string, draw func(*Popup, *styledPage)) (region string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		css, err := os.ReadFile("../../../extension/popup.css")
		require.NoError(t, err)
		doc := dom.GetWindow().Document()
		style := doc.CreateElement("style")
		style.SetTextContent(string(css))
		doc.QuerySelector("head").AppendChild(style)
		t.Cleanup(style.Remove)
		mount(t, doc, popupBody(t))

		p, err := find(doc)
		require.NoError(t, err)
		draw(p, &styledPage{t: t, doc: doc})
		for _, id := range []string{"outcome", "grant-access", "details"} {
			region += doc.GetElementByID(id).OuterHTML()
		}
	})
	return region
}

func (s *styledPage) byID(id string) dom.Element {
	el := s.doc.GetElementByID(id)
	require.NotNil(s.t, el, "#%s", id)
	return el
}

// visible reports whether the element with id is seen, its visibility
// counted.
func (s *styledPage) visible(id string) bool {
	return s.byID(id).Underlying().Call("checkVisibility", map[string]any{"visibilityProperty": true}).Bool()
}

// layout is where each element of <main> is drawn.
func (s *styledPage) layout() []string {
	var boxes []string
	for _, el := range s.doc.QuerySelectorAll("main *") {
		r := el.GetBoundingClientRect()
		boxes = append(boxes, fmt.Sprintf("%s#%s %v,%v %vx%v", el.TagName(), el.ID(), r.Left(), r.Top(), r.Width(), r.Height()))
	}
	return boxes
}
