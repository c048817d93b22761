//go:build !js

package e2e

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
)

// maxPopupHeight is the tallest a toolbar popup gets in Chrome and Firefox;
// a taller document scrolls inside it.
const maxPopupHeight = 600

// popupViewport is the popup's own width (its body's) at the tallest a
// toolbar popup gets.
var popupViewport = viewport{400, maxPopupHeight}

// fitViewports are the sizes each browser's popup must fit: popupViewport,
// and in Chromium also the size it gives a toolbar popup in a headless run.
var fitViewports = map[string][]viewport{
	"chromium": {popupViewport, {430, 510}},
	"firefox":  {popupViewport},
}

// box is an element's border box in document coordinates: where it is with
// the page scrolled to the top.
type box struct{ Top, Bottom, Left, Right float64 }

func (b box) String() string {
	return fmt.Sprintf("top %.0f, bottom %.0f, left %.0f, right %.0f", b.Top, b.Bottom, b.Left, b.Right)
}

// fit is what a popup document measures.
type fit struct {
	Height                           int // documentElement.scrollHeight
	ScrollWidth, ClientWidth         int // documentElement's
	BodyScrollWidth, BodyClientWidth int
	InnerWidth, InnerHeight          int
	ScrollY                          float64
	Action                           string // the id of the action button shown
	ActionBox                        *box
	Region                           string // the live region, or what stands for it
	RegionBox                        *box
	RegionText                       string
}

// fitScript measures the popup. The action is Confirm while the
// confirmation shows, else Kill sessions. The result region is #outcome,
// the live region that holds the outcome and its advice; until popup.html
// has it, #result and #advice together.
const fitScript = `(() => {
	const el = (id) => document.getElementById(id);
	const shown = (e) => !!e && e.getClientRects().length > 0;
	const box = (e) => {
		if (!shown(e)) return null;
		const r = e.getBoundingClientRect();
		return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Left: r.left + scrollX, Right: r.right + scrollX};
	};
	const union = (a, b) => !a ? b : !b ? a : {Top: Math.min(a.Top, b.Top), Bottom: Math.max(a.Bottom, b.Bottom),
		Left: Math.min(a.Left, b.Left), Right: Math.max(a.Right, b.Right)};
	const de = document.documentElement, body = document.body;
	const action = shown(el("confirm-box")) ? "confirm" : "kill";
	const outcome = el("outcome");
	return {
		Height: de.scrollHeight, ScrollWidth: de.scrollWidth, ClientWidth: de.clientWidth,
		BodyScrollWidth: body.scrollWidth, BodyClientWidth: body.clientWidth,
		InnerWidth: innerWidth, InnerHeight: innerHeight, ScrollY: scrollY,
		Action: action, ActionBox: box(el(action)),
		Region: outcome ? "#outcome" : "#result and #advice",
		RegionBox: outcome ? box(outcome) : union(box(el("result")), box(el("advice"))),
		RegionText: outcome ? outcome.textContent : el("result").textContent + "\n" + el("advice").textContent,
	};
})()`

func measureFit(t *testing.T, p popuppage.Page) fit {
	t.Helper()
	var f fit
	require.NoError(t, p.Eval(fitScript, &f))
	return f
}

// checkFit checks that the popup's document, in the viewport it has,
// needs no scrolling to show its action and result.
func checkFit(t *testing.T, p popuppage.Page, st shownState, v viewport) {
	t.Helper()
	f := measureFit(t, p)
	require.Equal(t, v, viewport{f.InnerWidth, f.InnerHeight}, "%s: the popup's viewport", st.name)
	t.Logf("%s at %s: height %d; width: document %d/%d, body %d/%d; scrollY %.0f; #%s %v; %s %v",
		st.name, v, f.Height, f.ScrollWidth, f.ClientWidth, f.BodyScrollWidth, f.BodyClientWidth, f.ScrollY,
		f.Action, f.ActionBox, f.Region, f.RegionBox)

	assert.LessOrEqual(t, f.Height, maxPopupHeight, "%s at %s: the document is %d px tall, over a toolbar popup's %d",
		st.name, v, f.Height, maxPopupHeight)
	assert.LessOrEqual(t, f.ScrollWidth, f.ClientWidth, "%s at %s: the document is %d px wide in %d px: it scrolls sideways",
		st.name, v, f.ScrollWidth, f.ClientWidth)
	assert.LessOrEqual(t, f.BodyScrollWidth, f.BodyClientWidth, "%s at %s: the body's content is %d px wide in %d px",
		st.name, v, f.BodyScrollWidth, f.BodyClientWidth)
	assert.Zero(t, f.ScrollY, "%s at %s: the popup scrolled itself by %.0f px", st.name, v, f.ScrollY)
	if assert.NotNil(t, f.ActionBox, "%s at %s: #%s is not shown", st.name, v, f.Action) {
		assertInView(t, f, "#"+f.Action, *f.ActionBox, st, v)
	}
	// Before an outcome the region may be hidden; with the outcome just
	// come, and in a popup reopened after it, which keeps the place, it
	// shows.
	if f.RegionBox == nil {
		assert.False(t, st.outcome, "%s at %s: %s is not shown", st.name, v, f.Region)
	} else {
		assertInView(t, f, f.Region, *f.RegionBox, st, v)
	}
}

// assertInView checks that b lies within the viewport with the page at
// its top.
func assertInView(t *testing.T, f fit, what string, b box, st shownState, v viewport) {
	t.Helper()
	w, h := float64(f.InnerWidth), float64(f.InnerHeight)
	assert.True(t, b.Top >= 0 && b.Bottom <= h && b.Left >= 0 && b.Right <= w,
		"%s at %s: %s (%v) is not within the %s viewport without scrolling", st.name, v, what, b, v)
}

// Epic's own codes, which belong in Details, not in what the live region says.
var (
	epicErrorCode = regexp.MustCompile(`errors\.com`)
	httpStatus    = regexp.MustCompile(`HTTP \d+`)
	numericCode   = regexp.MustCompile(`[\[(]\d+[\])]`)
	// waitInWords is a number with its unit, in any language: "3 min",
	// "3 Min.", "3分".
	waitInWords = regexp.MustCompile(`\d+\s?\p{L}`)
)

// checkLiveRegion checks what the live region says of an outcome: plain
// words without Epic's codes, and after a 429 how long to wait.
func checkLiveRegion(t *testing.T, p popuppage.Page, st shownState) {
	t.Helper()
	said := measureFit(t, p).RegionText
	var codes []string
	for _, code := range []*regexp.Regexp{epicErrorCode, httpStatus, numericCode} {
		codes = append(codes, code.FindAllString(said, -1)...)
	}
	assert.Empty(t, codes, "%s: the live region shows Epic's codes: %q", st.name, said)
	if st.wait {
		assert.Regexp(t, waitInWords, said, "%s: the live region does not say how long to wait: %q", st.name, said)
	}
}

// runStateChecks checks every popup state in b: that it fits a toolbar
// popup, that an outcome is said in plain words, and axe-core, in light
// and dark mode.
func runStateChecks(t *testing.T, b browser, sw *epicSwitch) {
	withViewport(t, b, b.OpenPopup(t), popupViewport)
	t.Cleanup(func() { assert.NoError(t, b.SetDarkMode(false)) })
	runStates(t, b, sw, func(t *testing.T, p popuppage.Page, st shownState) {
		for _, v := range fitViewports[b.Name()] {
			t.Run("fit "+v.String(), func(t *testing.T) {
				if v != popupViewport {
					withViewport(t, b, p, v)
				}
				checkFit(t, p, st, v)
			})
		}
		if st.outcome {
			t.Run("live region", func(t *testing.T) { checkLiveRegion(t, p, st) })
		}
		for _, dark := range []bool{false, true} {
			t.Run("axe "+colorScheme(dark), func(t *testing.T) {
				setDarkMode(t, b, p, dark)
				checkAxe(t, p, st.name+" "+colorScheme(dark))
			})
		}
		setDarkMode(t, b, p, false)
	})
}
