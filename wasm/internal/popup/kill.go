package popup

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
)

// maxHistory is how many outcomes the history keeps: a short history, which
// keeps the popup short too.
const maxHistory = 5

// historyEntry is one outcome as kept in storage.session (stored.go): never
// the token.
type historyEntry struct {
	Time     time.Time
	KillType string
	Status   int
	Code     string
	Success  bool
}

// Kill sends the chosen kill, or first asks for confirmation when the kill
// type also ends the current session. A token in the form replaces the one
// held. While a kill runs, a confirmation waits or a throttle wait lasts, it
// does nothing.
func (c *Controller) Kill(f Form) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy || c.confirming.Name != "" {
		return
	}
	if c.afterRestore(func() { c.Kill(f) }) {
		return
	}
	kt, ok := c.ready(f)
	if !ok {
		c.show()
		return
	}
	if kt.EndsCurrentSession {
		c.askConfirm(kt)
		return
	}
	c.start(kt)
}

// afterRestore holds an action back while Restore runs: the controls are
// off (busy) until it is over, then the action runs. It reports whether it
// did so. Called with c.mu held.
func (c *Controller) afterRestore(action func()) bool {
	restoring := c.restoring
	if restoring == nil {
		return false
	}
	c.busy = true
	c.show()
	go func() {
		<-restoring
		c.mu.Lock()
		c.busy = false
		c.mu.Unlock()
		action()
	}()
	return true
}

// KillThisSession signs out only the session of the token held, after a
// confirmation.
func (c *Controller) KillThisSession() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy || c.confirming.Name != "" || c.env.Now().Before(c.throttledUntil) {
		return
	}
	if c.afterRestore(c.KillThisSession) {
		return
	}
	if c.held == nil {
		c.fail(epic.ErrNoToken)
		c.show()
		return
	}
	c.askConfirm(epic.OwnSession)
}

// Confirm sends the kill that waits for confirmation, once the guard time
// is over, and only with the token and kill type it confirms: a change of
// either ends the confirmation without sending.
func (c *Controller) Confirm(f Form) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy || c.confirming.Name == "" || !c.confirmReady {
		return
	}
	kt := c.confirming
	if c.held == nil || c.held != c.confirmFor {
		c.endConfirm("kill") // setHeld ends it first; this is the last check
		c.show()
		return
	}
	if kt.Name != epic.OwnSession.Name {
		// ready takes a token typed into the form, which ends the
		// confirmation (setHeld).
		chosen, ok := c.ready(f)
		if !ok || chosen.Name != kt.Name || c.confirming.Name == "" {
			c.endConfirm("kill")
			c.show()
			return
		}
	}
	c.endConfirm("")
	c.start(kt)
}

// askConfirm shows the confirmation for kt with the focus on Cancel, and
// enables Confirm after confirmGuard. Called with c.mu held.
func (c *Controller) askConfirm(kt epic.KillType) {
	c.confirming, c.confirmFor, c.confirmReady = kt, c.held, false
	c.confirmations++
	asked := c.confirmations
	c.env.After(confirmGuard, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.confirmations == asked && c.confirming.Name != "" {
			c.confirmReady = true
			c.show()
		}
	})
	c.setResult(OutcomeNone, "", "")
	c.view.Focus = "cancel"
	c.show()
}

// ready checks what can be checked before sending: the form's token (which
// replaces the one held), the kill type, and the permission pre-check. On a
// problem it shows why and reports false. Called with c.mu held.
func (c *Controller) ready(f Form) (epic.KillType, bool) {
	if c.env.Now().Before(c.throttledUntil) {
		return epic.KillType{}, false
	}
	kt, err := epic.ParseKillType(f.KillType)
	if err != nil {
		c.fail(err)
		return kt, false
	}
	if strings.TrimSpace(f.Token) != "" && !c.take(f.Token, false) {
		return kt, false
	}
	if c.held == nil {
		c.fail(epic.ErrNoToken)
		c.view.Focus = "token"
		return kt, false
	}
	if c.verifying == nil {
		if missing, blocked := c.blocked(kt); blocked {
			c.refuse(kt, missing)
			return kt, false
		}
	}
	return kt, true
}

// refuse explains, without sending, that the token lacks a permission.
func (c *Controller) refuse(kt epic.KillType, missing epic.Permission) {
	msg := "This token may not use " + kt.Name + ": it lacks " + missing.String() + ". Nothing was sent."
	advice := "This token may use none of the kill types."
	if usable := c.usable(); len(usable) > 0 {
		advice = "This token can use " + strings.Join(usable, ", ") + "."
	}
	c.setResult(OutcomeError, msg, advice)
	c.view.Focus = "kill-type"
}

// checks are the held token's pre-checks; nil without a token or a
// permission list, which blocks nothing.
func (c *Controller) checks() []epic.KillCheck {
	if c.held == nil {
		return nil
	}
	return c.held.checks()
}

func (c *Controller) blocked(kt epic.KillType) (epic.Permission, bool) {
	for _, ch := range c.checks() {
		if ch.KillType.Name == kt.Name && ch.Verdict == epic.VerdictNotAllowed {
			return ch.Missing, true
		}
	}
	return epic.Permission{}, false
}

// usable names the kill types the token may use; nil when unknown.
func (c *Controller) usable() []string {
	checks := c.checks()
	if checks == nil {
		return nil
	}
	names := []string{}
	for _, ch := range checks {
		if ch.Verdict == epic.VerdictAllowed {
			names = append(names, ch.KillType.Name)
		}
	}
	return names
}

// start marks the kill as running and sends it from a goroutine, so the
// event listener that called it returns at once. Called with c.mu held.
//
// The kill's time limit starts now and covers its wait for a verify still
// running as well as its request: the click's outcome comes within it.
// The pending view is drawn at once only when the kill must first wait for
// verify; otherwise send draws it once the request is on its way.
func (c *Controller) start(kt epic.KillType) {
	c.busy = true
	what := kt.Name
	if kt.Name == epic.OwnSession.Name {
		what = "this token only"
	}
	c.setResult(OutcomePending, "Asking Epic to sign out ("+what+")…", "")
	if c.verifying != nil {
		c.show()
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.env.Timeout)
	h, verifying := c.held, c.verifying
	go func() {
		defer cancel()
		c.send(ctx, kt, h, verifying)
	}()
}

// showWhileSending draws the pending view from a goroutine that send starts
// just before the request. In the browser goroutines switch only where one
// waits, so it runs once the request waits for Epic's answer: fetch is
// called about half a millisecond sooner than if the page were redrawn
// first, and the page is drawn no later, since the click's task has not
// ended. Elsewhere it may run earlier or after the outcome; it draws the
// state of that moment, which is right either way.
func (c *Controller) showWhileSending() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.show()
}

// send waits for a verify still running (its answer may block the kill),
// checks that the browser can reach Epic, then sends exactly one request.
// A kill is never retried: its outcome is shown as it came.
func (c *Controller) send(ctx context.Context, kt epic.KillType, h *heldToken, verifying chan struct{}) {
	if verifying != nil && !c.waitForVerify(ctx, kt, h, verifying) {
		return
	}
	var (
		err  error
		mark *inFlightMark
		sent bool
	)
	if !c.env.Browser.Online() {
		err = explain.ErrOffline
	} else {
		mark = c.markInFlightSoon(kt)
		if verifying == nil {
			go c.showWhileSending()
		}
		sent = true
		if kt.Name == epic.OwnSession.Name {
			err = c.env.Epic.KillSession(ctx, h.token.Value)
		} else {
			err = c.env.Epic.Kill(ctx, h.token.Value, kt.Name)
		}
		err = c.whyUnreachable(err)
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	c.busy = false
	if mark != nil {
		mark.answered()
	}
	c.outcome(kt, h, err, sent, mark)
	c.show()
}

// waitForVerify waits, within the kill's time limit, for the verify of h
// that runs, and reports whether the kill may go on. It may not when Epic
// said the token is dead, when the answer refuses the kill type, or when
// Epic did not answer in time: a kill sent that late would outlast the
// click's time limit, so it ends as a timeout and nothing is sent.
func (c *Controller) waitForVerify(ctx context.Context, kt epic.KillType, h *heldToken, verifying chan struct{}) bool {
	inTime := true
	select {
	case <-verifying:
		inTime = ctx.Err() == nil
	case <-ctx.Done():
		inTime = false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.held != h:
		// Epic said the token is dead, and verify has said why.
		c.busy = false
	case !inTime || h.verifyTimedOut:
		c.busy = false
		c.outcome(kt, h, explain.ErrUnconfirmedInTime, false, nil)
	default:
		missing, blocked := c.blocked(kt)
		if !blocked || kt.Name == epic.OwnSession.Name {
			return true
		}
		c.busy = false
		c.refuse(kt, missing)
	}
	c.show()
	return false
}

// whyUnreachable tells a request that never reached Epic because the user
// withdrew the extension's access to Epic's host from one that met a
// network failure. The browser then stops the request before it leaves
// (only a preflight without the token goes out), so asking only after a
// failure keeps the permission round trip off every successful kill.
func (c *Controller) whyUnreachable(err error) error {
	var transport *epic.TransportError
	if !errors.As(err, &transport) {
		return err
	}
	if access, accessErr := c.env.Browser.HostAccess(); accessErr == nil && !access {
		return explain.ErrHostAccessRevoked
	}
	return err
}

// outcome shows what Epic's answer means and acts on it: a dead token is
// forgotten, a throttle wait holds the kill button back, and the history
// grows by a kill that was sent. Called with c.mu held.
func (c *Controller) outcome(kt epic.KillType, h *heldToken, err error, sent bool, mark *inFlightMark) {
	now := c.env.Now()
	x := explain.Explain(explain.Input{KillType: kt, Err: err, Now: now, Usable: c.usable(), Timeout: c.env.Timeout})
	outcome := OutcomeError
	if x.Outcome == explain.OutcomeSuccess {
		outcome = OutcomeSuccess
	}
	c.setResult(outcome, resultText(x), x.Advice)
	c.view.GrantAccess = x.NeedsHostAccess
	c.details = x.Details.Text()
	// Disabling the focused button dropped the focus; give it back to a
	// keyboard user where they left it.
	c.view.Focus = "kill"
	if x.TokenDead && c.held == h {
		c.forgetStored()
		c.view.ClearToken = true
		c.view.TokenStatus = "The token was forgotten: it no longer works."
		c.view.Focus = "token"
	}
	if x.Wait > 0 {
		c.throttledUntil = x.Until
		c.save(keyThrottle, x.Until.Format(time.RFC3339Nano))
		c.tick()
	}
	if !sent {
		return // nothing to remember
	}
	if mark != nil && mark.written {
		c.persistAfterPaint(func(s Store) { _ = s.Remove(keyInFlight) })
	}
	if x.Reason == explain.ReasonHostAccess {
		return
	}
	c.remember(historyEntry{
		Time: now, KillType: kt.Name, Status: x.Status, Code: x.Details.ErrorCode, Success: outcome == OutcomeSuccess,
	})
}

// inFlight is keyInFlight's value (stored.go): what was sent, and when.
type inFlight struct {
	KillType string
	Time     time.Time
}

// inFlightGrace is how long a kill runs before it is marked in flight. A
// mark only helps a popup closed while Epic has yet to answer, and nobody
// closes it this soon after the click; an answer that comes sooner is
// spared the write and its removal, which cost the popup about two
// milliseconds while it waits.
const inFlightGrace = 100 * time.Millisecond

// inFlightMark is the in-flight mark of one kill. Its fields are guarded by
// the controller's mu.
type inFlightMark struct {
	// written is true once the mark was queued for storage.
	written bool
	cancel  func()
	done    bool
}

// answered stops the mark from being written from now on. Called with c.mu
// held.
func (m *inFlightMark) answered() {
	m.done = true
	m.cancel()
}

// markInFlightSoon notes a kill about to leave, after inFlightGrace unless
// it was answered by then. The write is queued, not awaited, and encoded by
// the writer.
func (c *Controller) markInFlightSoon(kt epic.KillType) *inFlightMark {
	value := inFlight{KillType: kt.Name, Time: c.env.Now()}
	m := &inFlightMark{}
	c.mu.Lock()
	defer c.mu.Unlock()
	m.cancel = c.env.After(inFlightGrace, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if m.done {
			return
		}
		m.written = true
		c.persist(func(s Store) {
			if b, err := encodeInFlight(value); err == nil {
				_ = s.Set(keyInFlight, string(b))
			}
		})
	})
	return m
}

// unanswered tells about a kill an earlier popup sent and was closed before
// Epic answered: closing the popup stops the request, but Epic may have
// acted on it already. Called with c.mu held, from Restore.
func (c *Controller) unanswered(saved string) {
	c.remove(keyInFlight)
	f, err := decodeInFlight(saved)
	if err != nil {
		return
	}
	what := "this token only"
	if f.KillType != epic.OwnSession.Name {
		kt, err := epic.ParseKillType(f.KillType)
		if err != nil {
			return
		}
		what = kt.Name
	}
	c.setResult(OutcomeError,
		"The popup was closed before Epic answered the kill ("+what+") sent at "+f.Time.Local().Format("15:04:05")+".",
		"It is not known whether sessions were signed out. Kill again to be sure: signing out sessions that already ended does no harm.")
	c.remember(historyEntry{Time: f.Time, KillType: f.KillType})
}

// remember puts an outcome at the top of the history and keeps it.
// Called with c.mu held.
func (c *Controller) remember(e historyEntry) {
	c.history = append([]historyEntry{e}, c.history...)
	if len(c.history) > maxHistory {
		c.history = c.history[:maxHistory]
	}
	// Encoding and writing wait until the outcome has been drawn: the
	// person waits for that, not for the history to be kept.
	history := append([]historyEntry(nil), c.history...)
	c.persistAfterPaint(func(s Store) {
		if b, err := encodeHistory(history); err == nil {
			_ = s.Set(keyHistory, string(b))
		}
	})
}

// resultText is the result region's sentence: the explanation, with the
// HTTP status and Epic's error code, which the popup contract requires.
func resultText(x explain.Explanation) string {
	if x.Outcome == explain.OutcomeSuccess {
		return strconv.Itoa(x.Status) + ": " + x.Title
	}
	var ref []string
	if x.Status != 0 {
		ref = append(ref, "HTTP "+strconv.Itoa(x.Status))
	}
	if d := x.Details; d.ErrorCode != "" {
		code := d.ErrorCode
		if d.NumericErrorCode != 0 {
			code += " (" + strconv.Itoa(d.NumericErrorCode) + ")"
		}
		ref = append(ref, code)
	}
	if len(ref) == 0 {
		return x.Title
	}
	return x.Title + " [" + strings.Join(ref, ", ") + "]"
}

// tick re-renders every second while a throttle wait lasts, so the
// countdown is live. Called with c.mu held.
func (c *Controller) tick() {
	if c.cancelTick != nil {
		c.cancelTick()
	}
	c.cancelTick = c.env.After(time.Second, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.cancelTick = nil
		if c.env.Now().Before(c.throttledUntil) {
			c.tick()
		} else if c.view.Outcome == OutcomeError {
			c.view.Advice = "The wait is over: you can try again."
		}
		c.show()
	})
}

// Close stops the countdown; the popup is going away.
func (c *Controller) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancelTick != nil {
		c.cancelTick()
		c.cancelTick = nil
	}
}

// CopyDetails puts the last answer's details on the clipboard. It must be
// called from the click.
func (c *Controller) CopyDetails() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.details == "" {
		return
	}
	wait := c.env.Browser.Copy(c.details)
	go func() {
		err := wait()
		c.mu.Lock()
		defer c.mu.Unlock()
		if err != nil {
			c.view.CopyStatus = "Could not copy: " + Sentence(err.Error())
		} else {
			c.view.CopyStatus = "Copied."
		}
		c.show()
	}()
}

// GrantAccess asks again for the host access the user withdrew. It must be
// called from the click.
func (c *Controller) GrantAccess() {
	c.mu.Lock()
	defer c.mu.Unlock()
	answer := c.env.Browser.RequestHostAccess()
	go func() {
		granted, err := answer()
		c.mu.Lock()
		defer c.mu.Unlock()
		if err == nil && granted {
			c.setResult(OutcomeNone, "Access to Epic's account service is granted again.", "Click Kill sessions to try again.")
			c.view.Focus = "kill"
		} else {
			c.view.Advice = "Access was not granted, so nothing can be sent to Epic."
		}
		c.show()
	}()
}

// ClearHistory empties the history of this browser session.
func (c *Controller) ClearHistory() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.history = nil
	c.remove(keyHistory)
	c.view.Focus = "kill"
	c.show()
}

func historyLines(entries []historyEntry) []HistoryLine {
	lines := make([]HistoryLine, len(entries))
	for i, e := range entries {
		text := e.Time.Local().Format("15:04:05") + " " + e.KillType + ": "
		if e.Status != 0 {
			text += strconv.Itoa(e.Status)
		} else {
			text += "no answer"
		}
		if e.Code != "" {
			text += " " + e.Code
		}
		lines[i] = HistoryLine{Text: text, Success: e.Success}
	}
	return lines
}
