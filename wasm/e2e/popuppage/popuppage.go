//go:build !js

// Package popuppage reads and drives the popup's documented contract (ids,
// data-ready, data-outcome) in any browser that can type, click and evaluate
// JavaScript: the end-to-end tests and the demo share it.
package popuppage

import (
	"fmt"
	"time"
)

// Page is one open popup document.
type Page interface {
	// Type focuses the element matching css and types text, key by key.
	Type(css, text string) error
	// Click and DoubleClick use the mouse on the element matching css.
	Click(css string) error
	DoubleClick(css string) error
	// Eval stores the JSON value of a JavaScript expression in out.
	Eval(expression string, out any) error
	// Screenshot is a PNG of what the page shows.
	Screenshot() ([]byte, error)
}

// Outcomes that end a kill; "pending" does not.
const (
	Success = "success"
	Error   = "error"
)

// Poll asks ok every 25 ms until it says true, returns an error, or timeout
// passes; every wait of the end-to-end tests for what a browser does is one.
// It runs ok on the calling goroutine, so ok may use the test's own t.
func Poll(timeout time.Duration, ok func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		done, err := ok()
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still not so after %s", timeout)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// WaitFor polls a JavaScript condition until it is true or timeout passes.
func WaitFor(p Page, expression string, timeout time.Duration) error {
	var last error
	err := Poll(timeout, func() (bool, error) {
		var ok bool
		last = p.Eval(expression, &ok)
		return last == nil && ok, nil
	})
	switch {
	case err != nil && last != nil:
		return fmt.Errorf("waiting for %s: %w", expression, last)
	case err != nil:
		return fmt.Errorf("waiting for %s: %w", expression, err)
	}
	return nil
}

// WaitReady waits until Go has wired the popup (data-ready on <html>).
func WaitReady(p Page, timeout time.Duration) error {
	if err := WaitFor(p, `document.documentElement.dataset.ready === "true"`, timeout); err != nil {
		return fmt.Errorf("the popup never became ready (it shows %s): %w", Shown(p), err)
	}
	return nil
}

// Result is what the popup's result area shows.
type Result struct {
	Outcome string // data-outcome: "", "pending", "success" or "error"
	Text    string
}

func (r Result) String() string { return fmt.Sprintf("data-outcome=%q %q", r.Outcome, r.Text) }

// Read returns what the result area shows now.
func Read(p Page) (Result, error) {
	var r Result
	err := p.Eval(`(() => { const r = document.getElementById("result");
		return {Outcome: r.dataset.outcome || "", Text: r.textContent}; })()`, &r)
	return r, err
}

// Shown is Read for messages: what the popup shows, or why it could not be read.
func Shown(p Page) string {
	r, err := Read(p)
	if err != nil {
		return "(could not read the popup: " + err.Error() + ")"
	}
	return r.String()
}

// WaitOutcome waits for the popup's final answer to a kill.
func WaitOutcome(p Page, timeout time.Duration) (Result, error) {
	cond := fmt.Sprintf(`[%q, %q].includes(document.getElementById("result").dataset.outcome)`, Success, Error)
	if err := WaitFor(p, cond, timeout); err != nil {
		return Result{}, fmt.Errorf("no outcome (the popup shows %s): %w", Shown(p), err)
	}
	return Read(p)
}

// SelectKillType picks a kill type the way the select's own keyboard and
// mouse handling ends: a new value, then a change event.
func SelectKillType(p Page, name string) error {
	var ok bool
	err := p.Eval(fmt.Sprintf(`(() => { const s = document.getElementById("kill-type");
		if (![...s.options].some(o => o.value === %q)) return false;
		s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, name, name), &ok)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("the kill type list has no %s", name)
	}
	return nil
}

// ConfirmEnabled is true once Confirm takes clicks: it is disabled for a
// moment after the confirmation appears, so that a key still held down from
// the click on Kill sessions cannot confirm.
const ConfirmEnabled = `!document.getElementById("confirm").disabled`

// Confirm clicks Confirm in the popup's confirmation once it takes clicks.
func Confirm(p Page, timeout time.Duration) error {
	if err := WaitFor(p, ConfirmEnabled, timeout); err != nil {
		return fmt.Errorf("Confirm stays disabled: %w", err)
	}
	return p.Click("#confirm")
}

// Kill pastes token, picks killType, clicks Kill sessions (and Confirm when
// the popup asks) and waits for the outcome.
func Kill(p Page, token, killType string, timeout time.Duration) (Result, error) {
	if err := p.Type("#token", token); err != nil {
		return Result{}, err
	}
	if err := SelectKillType(p, killType); err != nil {
		return Result{}, err
	}
	if err := p.Click("#kill"); err != nil {
		return Result{}, err
	}
	var confirming bool
	if err := p.Eval(`!document.getElementById("confirm-box").hidden`, &confirming); err != nil {
		return Result{}, err
	}
	if confirming {
		if err := Confirm(p, 5*time.Second); err != nil {
			return Result{}, err
		}
	}
	return WaitOutcome(p, timeout)
}
