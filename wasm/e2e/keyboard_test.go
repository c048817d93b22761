//go:build !js

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// focusablesAfterToken lists, in document order, what Tab should reach after
// #token: every enabled control that shows, by id (or tag name).
const focusablesAfterToken = `(() => {
	const all = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")];
	return all.slice(all.indexOf(document.getElementById("token")) + 1)
		.filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({visibilityProperty: true}))
		.map(e => e.id || e.tagName.toLowerCase());
})()`

// watchConfirmation makes the page count repeated keydowns and note, as the
// confirmation opens, whether Confirm is disabled, and how long after it
// Confirm is enabled.
const watchConfirmation = `(() => {
	const box = document.getElementById("confirm-box"), confirm = document.getElementById("confirm");
	window.seen = {Repeats: 0, DisabledAtOpen: false, Guard: -1};
	let opened;
	addEventListener("keydown", (e) => { if (e.repeat) seen.Repeats++; }, true);
	new MutationObserver(() => {
		if (opened === undefined && !box.hidden) {
			opened = performance.now();
			seen.DisabledAtOpen = confirm.disabled;
		}
		if (opened !== undefined && seen.Guard < 0 && !confirm.disabled) seen.Guard = performance.now() - opened;
	}).observe(document.body, {attributes: true, subtree: true, attributeFilter: ["hidden", "disabled"]});
	return true;
})()`

var keyboardCases = []popupCase{
	{"Tab order", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		// With nothing held, then with a token, an answer's details and a
		// history showing.
		assertTabOrder(t, p, []string{"kill-type", "kill"})

		token, _ := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.ServerError(503))
		kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		// Clear history is inside the folded history.
		assertTabOrder(t, p, []string{"kill-type", "kill", "kill-this", "summary", "history-title"})
		return p
	}},
	{"keyboard only", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		require.NoError(t, p.Type("#token", token))
		tabTo(t, p, "kill-type")
		press(t, p, keyArrowDown)
		assert.Equal(t, "OTHERS_ACCOUNT_CLIENT", value(t, p, "kill-type"), "the arrow key did not choose the next kill type")
		tabTo(t, p, "kill")
		press(t, p, keyEnter)
		res, err := popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		require.Equal(t, "kill", focusComesTo(t, p, "kill"), "the focus did not come back to Kill sessions after the outcome")
		if sent := kills(s.Requests()); assert.Len(t, sent, 1) {
			assert.Equal(t, "OTHERS_ACCOUNT_CLIENT", sent[0].Query.Get("killType"))
			assert.Equal(t, "bearer "+token, sent[0].Header.Get("Authorization"))
		}
		assert.False(t, s.Alive(victim))

		// ALL asks first: the confirmation gives the focus to Cancel. Once
		// Confirm is enabled after its guard time (a disabled button is not
		// focusable, so Tab would pass it by), Tab reaches it and Enter
		// confirms.
		// Back from Kill sessions with Shift+Tab: tabbing on past the end
		// would leave a page in a tab for the browser's toolbar, which a
		// popup does not have.
		press(t, p, keyShiftTab)
		require.Equal(t, "kill-type", focused(t, p), "Shift+Tab from Kill sessions")
		for range 3 {
			press(t, p, keyArrowDown)
		}
		require.Equal(t, "ALL", value(t, p, "kill-type"))
		press(t, p, keyTab)
		require.Equal(t, "kill", focused(t, p))
		press(t, p, keyEnter)
		require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second), "no confirmation")
		require.Equal(t, "cancel", focused(t, p), "the confirmation did not give the focus to Cancel")
		require.NoError(t, popuppage.WaitFor(p, popuppage.ConfirmEnabled, 5*time.Second), "Confirm stays disabled")
		press(t, p, keyTab)
		require.Equal(t, "confirm", focused(t, p), "Tab from Cancel")
		press(t, p, keyEnter)
		res, err = popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, "You were signed out everywhere, including here.", res.Text)
		assert.False(t, s.Alive(token))
		// The token is dead: the focus goes where a new one is pasted.
		assert.Equal(t, "token", focused(t, p))
		return p
	}},
	{"held Enter on ALL sends nothing", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		require.NoError(t, popuppage.SelectKillType(p, "ALL"))
		require.NoError(t, p.Eval(watchConfirmation, nil))
		require.NoError(t, p.Eval(`document.getElementById("kill").focus()`, nil))
		require.Equal(t, "kill", focused(t, p))
		// The first Enter opens the confirmation; the key, still down,
		// repeats into it.
		holdKey(t, p, keyEnter, 1500*time.Millisecond)
		var seen struct {
			Repeats        int
			DisabledAtOpen bool
			// Milliseconds from the confirmation's opening to Confirm's
			// enabling; -1 while it is not enabled.
			Guard float64
		}
		require.NoError(t, popuppage.WaitFor(p, popuppage.ConfirmEnabled, 5*time.Second), "Confirm stays disabled")
		require.NoError(t, p.Eval(`seen`, &seen))
		require.GreaterOrEqual(t, seen.Repeats, 10, "the page saw too few repeated keydowns: the key was not held")
		require.Empty(t, kills(requestsUpToNow(t, p, s)), "a held Enter sent a kill")
		assert.True(t, s.Alive(token))
		assert.True(t, s.Alive(victim))
		assert.Equal(t, token, storedToken(t, p), "the token is no longer held")
		require.True(t, visible(t, p, "confirm-box"), "no confirmation")
		assert.True(t, seen.DisabledAtOpen, "Confirm was enabled as the confirmation opened")
		assert.GreaterOrEqual(t, seen.Guard, 400.0, "Confirm was enabled %.0f ms after the confirmation opened", seen.Guard)

		// Confirming takes a deliberate Tab and Enter, now that Confirm is
		// enabled.
		require.Equal(t, "cancel", focused(t, p), "the confirmation did not give the focus to Cancel")
		press(t, p, keyTab)
		require.Equal(t, "confirm", focused(t, p), "Tab from Cancel")
		press(t, p, keyEnter)
		res, err := popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, "You were signed out everywhere, including here.", res.Text)
		if sent := kills(s.Requests()); assert.Len(t, sent, 1) {
			assert.Equal(t, "ALL", sent[0].Query.Get("killType"))
		}
		assert.False(t, s.Alive(victim))
		assert.False(t, s.Alive(token))
		return p
	}},
	{"roles and labels", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		var a11y struct {
			Live      map[string][2]string
			Unlabeled []string
			Unnamed   []string
		}
		require.NoError(t, p.Eval(`({
			Live: Object.fromEntries(["outcome", "token-status", "copy-status"].map(id => {
				const e = document.getElementById(id);
				return [id, [e.getAttribute("role"), e.getAttribute("aria-live")]];
			})),
			Unlabeled: [...document.querySelectorAll("input, select, textarea")]
				.filter(e => !e.id || !document.querySelector('label[for="' + e.id + '"]')?.textContent.trim())
				.map(e => e.id || e.outerHTML),
			Unnamed: [...document.querySelectorAll("button")].filter(e => !e.textContent.trim()).map(e => e.id),
		})`, &a11y))
		// The result and its advice are one live region.
		assert.Equal(t, [2]string{"status", "polite"}, a11y.Live["outcome"], "#outcome [role, aria-live]")
		assert.Equal(t, [2]string{"status", "polite"}, a11y.Live["token-status"], "#token-status [role, aria-live]")
		assert.Equal(t, [2]string{"status", "polite"}, a11y.Live["copy-status"], "#copy-status [role, aria-live]")
		assert.Empty(t, a11y.Unlabeled, "fields without a <label for>")
		assert.Empty(t, a11y.Unnamed, "buttons without a name")
		return p
	}},
	{"contrast", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		t.Cleanup(func() { assert.NoError(t, b.SetDarkMode(false)) })
		token, _ := player(s, everyKill)
		hold(t, p, token)
		shots := artifactsDir(t, b.Name())
		check := func(state string) {
			for _, dark := range []bool{false, true} {
				require.NoError(t, b.SetDarkMode(dark))
				require.NoError(t, popuppage.WaitFor(p, fmt.Sprintf(`matchMedia("(prefers-color-scheme: dark)").matches === %t`, dark), 5*time.Second),
					"the popup does not see dark=%v", dark)
				mode := map[bool]string{false: "light", true: "dark"}[dark]
				saveScreenshot(t, p, shots, "keyboard contrast "+state+" "+mode)
				for _, c := range contrasts(t, p) {
					assert.GreaterOrEqual(t, c.Ratio, 4.5, "%s, %s: %s is %s on %s", state, mode, c.What, c.Color, c.Background)
				}
			}
		}
		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
		check("success")
		s.FaultNext(fakeepic.ServerError(503))
		assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
		require.NoError(t, p.Click("#details > summary"))
		check("error")
		return p
	}},
}

// runKeyboardCases drives the keyboard and screen reader cases in one browser.
func runKeyboardCases(t *testing.T, b browser, sw *epicSwitch) {
	runPopupCases(t, b, sw, "keyboard", keyboardCases)
}

// assertTabOrder focuses #token and presses Tab through every control that
// shows after it; the focus must visit them in document order and include
// want in that order.
func assertTabOrder(t *testing.T, p popuppage.Page, want []string) {
	t.Helper()
	var order []string
	require.NoError(t, p.Eval(focusablesAfterToken, &order))
	assert.Equal(t, want, subsequence(order, want), "controls after #token: %v", order)
	require.NoError(t, p.Click("#token"))
	require.Equal(t, "token", focused(t, p))
	var visited []string
	for range order {
		press(t, p, keyTab)
		visited = append(visited, focused(t, p))
	}
	assert.Equal(t, order, visited, "where Tab went from #token")
}

// subsequence is the members of want that appear in order, in that order.
func subsequence(order, want []string) []string {
	var out []string
	i := 0
	for _, o := range order {
		if i < len(want) && o == want[i] {
			out = append(out, o)
			i++
		}
	}
	return out
}

// tabTo presses Tab until id has the focus, at most ten times.
func tabTo(t *testing.T, p popuppage.Page, id string) {
	t.Helper()
	var path []string
	for range 10 {
		press(t, p, keyTab)
		f := focused(t, p)
		path = append(path, f)
		if f == id {
			return
		}
	}
	t.Fatalf("Tab never reached #%s; it went %v", id, path)
}

type contrast struct {
	What, Color, Background string
	Ratio                   float64
}

// contrastScript computes, in the page, the WCAG contrast ratio of the text
// of every visible element the popup's readability depends on against the
// background it is painted on (the colours of its ancestors, composited).
const contrastScript = `(() => {
	const parse = (c) => {
		let m = /^rgba?\(([^)]*)\)$/.exec(c);
		if (m) {
			const v = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
			return {r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1};
		}
		m = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(c);
		if (m) return {r: m[1] * 255, g: m[2] * 255, b: m[3] * 255, a: m[4] === undefined ? 1 : Number(m[4])};
		return null;
	};
	const over = (top, under) => ({
		r: top.r * top.a + under.r * (1 - top.a),
		g: top.g * top.a + under.g * (1 - top.a),
		b: top.b * top.a + under.b * (1 - top.a), a: 1});
	const background = (el) => {
		const layers = [];
		for (let e = el; e; e = e.parentElement) {
			const c = parse(getComputedStyle(e).backgroundColor);
			if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
		}
		let bg = {r: 255, g: 255, b: 255, a: 1};
		for (const l of layers.reverse()) bg = over(l, bg);
		return bg;
	};
	const lum = (c) => {
		const ch = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
	};
	const str = (c) => c ? "rgb(" + [c.r, c.g, c.b].map(Math.round).join(", ") + ")" : "unreadable";
	const sel = ["main", "h1", ".intro", ".hint", ".fine", ".warning", "label", "#token", "#token-line", "#kill-type", "button",
		"#countdown", "#result", "#advice", "#token-facts dt", "#token-facts dd", "summary", "#details-text", "#copy-status",
		"#history li", "#history .ref"];
	const out = [];
	const measure = (what, style, bg) => {
		const fg0 = parse(style.color);
		if (!fg0) { out.push({What: what, Color: style.color, Background: str(bg), Ratio: 0}); return; }
		const fg = over({...fg0, a: fg0.a * Number(style.opacity || 1)}, bg);
		const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
		out.push({What: what, Color: str(fg), Background: str(bg), Ratio: (hi + 0.05) / (lo + 0.05)});
	};
	// Placeholder text is text too (WCAG 1.4.3); the browser's own colour
	// applies unless the popup sets one.
	document.querySelectorAll("input[placeholder]").forEach((el) => {
		if (el.getClientRects().length === 0 || el.disabled || el.value || !el.placeholder) return;
		measure("#" + el.id + "::placeholder", getComputedStyle(el, "::placeholder"), background(el));
	});
	for (const s of sel) {
		document.querySelectorAll(s).forEach((el, i) => {
			if (el.getClientRects().length === 0 || el.disabled || !el.textContent.trim()) return;
			measure(el.id ? "#" + el.id : s + "[" + i + "]", getComputedStyle(el), background(el));
		});
	}
	return out;
})()`

func contrasts(t *testing.T, p popuppage.Page) []contrast {
	t.Helper()
	var out []contrast
	require.NoError(t, p.Eval(contrastScript, &out))
	whats := map[string]bool{}
	for _, c := range out {
		whats[c.What] = true
	}
	// The check must have measured what matters, or it proves nothing.
	for _, w := range []string{"main[0]", "#result", "#kill", "#token-line", "#kill-type-description", "#token::placeholder"} {
		assert.True(t, whats[w], "%s was not measured; measured %v", w, whats)
	}
	return out
}
