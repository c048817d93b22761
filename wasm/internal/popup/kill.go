package popup

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/devices"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
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
	// Logins counts the saved logins a revoke was for; 0 for a kill.
	// Login is the user agent of the one saved login revoked.
	Logins int
	Login  string
}

// Kill sends the chosen kill, or first asks for confirmation when the kill
// type also ends the current session. A token in the form replaces the one
// held. While a kill runs, a confirmation waits or a throttle wait lasts, it
// does nothing.
func (c *Controller) Kill(f Form) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy || c.confirmPending() {
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
	if c.busy || c.confirmPending() || c.env.Now().Before(c.throttledUntil) {
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
	if c.busy || !c.confirmPending() || !c.confirmReady {
		return
	}
	kt := c.confirming
	if c.held == nil || c.held != c.confirmFor {
		c.endConfirm("kill") // setHeld ends it first; this is the last check
		c.show()
		return
	}
	if logins := c.confirmRevoke; logins != nil {
		c.endConfirm("")
		c.startRevoke(logins)
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
	c.confirming = kt
	c.openConfirm()
}

// openConfirm shows the confirmation of what waits for Confirm (a kill or
// a revoke) with the focus on Cancel, and enables Confirm after
// confirmGuard. Called with c.mu held.
func (c *Controller) openConfirm() {
	c.confirmFor, c.confirmReady = c.held, false
	c.confirmations++
	asked := c.confirmations
	c.env.After(confirmGuard, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.confirmations == asked && c.confirmPending() {
			c.confirmReady = true
			c.show()
		}
	})
	c.clearResult()
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

// refuse explains, without sending, that the token may not use kt, and
// what it may use instead. Epic's name for what it lacks is in the details.
func (c *Controller) refuse(kt epic.KillType, missing epic.Permission) {
	advice := []messages.Message{messages.Of(messages.CanUseNoOther)}
	if usable := c.usable(); len(usable) > 0 {
		advice[0] = messages.Of(messages.TokenCanUse, "killTypes", explain.Labels(usable, messages.ListComma))
	} else {
		advice = append(advice, messages.Of(messages.SignOutEverywhereAdvice))
	}
	title := messages.Of(messages.KillRefused, "label", explain.Label(kt.Name))
	c.setResult(explain.OutcomeError, title, advice...)
	c.details = c.say(EpicName(kt, missing, true))
	c.keep(title, advice, -1)
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
// verify. When the click closed a confirmation, the view changes whole and
// is drawn once the request is on its way (showWhileSending). Otherwise
// only the outcome shown before is taken away, also once the request is on
// its way (leaveWhileSending), and the pending view waits until Epic's
// answer has taken AnswerGrace.
func (c *Controller) start(kt epic.KillType) {
	c.busy = true
	asking := messages.Of(messages.Asking, "label", explain.Label(kt.Name))
	if kt.Name == epic.OwnSession.Name {
		asking = messages.Of(messages.AskingOwnSession)
	}
	c.setResult(explain.OutcomePending, asking)
	whole := false
	switch {
	case c.verifying != nil:
		c.session.clearOutcome()
		c.show()
	case c.held != c.shownHeld || c.shown.Confirming:
		whole = true
	default:
		c.leaving = true
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.env.Timeout)
	h, verifying := c.held, c.verifying
	go func() {
		defer cancel()
		c.send(ctx, kt, h, verifying, whole)
	}()
}

// showWhileSending draws the whole view from a goroutine that send starts
// just before the request. In the browser goroutines switch only where one
// waits, so it runs once the request waits for Epic's answer: fetch is
// called about half a millisecond sooner than if the page were redrawn
// first. Elsewhere it may run earlier or after the outcome; it draws the
// state of that moment, which is right either way.
func (c *Controller) showWhileSending() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.show()
}

// leaveWhileSending takes the outcome shown before away (showLeaving) from
// a goroutine that send starts just before the request, as
// showWhileSending draws: the request leaves about half a millisecond
// sooner than if the page were changed first. Should the answer be drawn
// already, which only happens outside the browser, it changes nothing.
func (c *Controller) leaveWhileSending() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy && c.leaving {
		c.showLeaving()
	}
}

// send waits for a verify still running (its answer may block the kill),
// checks that the browser can reach Epic, then sends exactly one request.
// A kill is never retried: its outcome is shown as it came. whole asks for
// the whole view to be drawn as the request leaves.
func (c *Controller) send(ctx context.Context, kt epic.KillType, h *heldToken, verifying chan struct{}, whole bool) {
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
		mark = c.markInFlightSoon(kt, verifying == nil)
		if whole {
			go c.showWhileSending()
		} else if verifying == nil {
			go c.leaveWhileSending()
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
	c.showAnswered()
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
	case c.env.Now().Before(c.throttledUntil):
		// Epic throttled the token's check meanwhile: the kill would meet
		// the same wait, and trying too often can make it longer.
		c.busy = false
		advice := []messages.Message{messages.Of(messages.NothingSent),
			messages.Of(messages.ThrottledFor, "wait", messages.Wait(c.throttledUntil.Sub(c.env.Now())))}
		c.setResult(explain.OutcomeError, messages.Of(messages.Throttled), advice...)
		c.details = c.checkThrottled
		c.keep(messages.Of(messages.Throttled), advice, 1)
		c.view.Focus = "outcome"
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
	if x.Outcome == explain.OutcomeSuccess && !kt.EndsCurrentSession && kt.Name != epic.OwnSession.Name && len(x.Advice) > 0 {
		// Saved logins sign in again without the password: say so right
		// after what the kill did.
		if left := c.leftLogins(); left.Key != "" {
			x.Advice = append([]messages.Message{x.Advice[0], left}, x.Advice[1:]...)
		}
	}
	c.act(x, h, "kill")
	if !sent {
		return // nothing to remember
	}
	if mark != nil && mark.written {
		c.session.clearInFlight(true)
	}
	if x.Reason == explain.ReasonHostAccess {
		return
	}
	c.remember(historyEntry{
		Time: now, KillType: kt.Name, Status: x.Status, Code: x.Details.ErrorCode, Success: x.Outcome == explain.OutcomeSuccess,
	})
}

// act shows x, the explanation of an answer to a request made with h, and
// acts on it: a dead token is forgotten, and a throttle wait holds Kill
// sessions and the revokes back. focus is where the focus goes back to.
// Called with c.mu held.
func (c *Controller) act(x explain.Explanation, h *heldToken, focus string) {
	c.setResult(x.Outcome, x.Title, x.Advice...)
	c.view.GrantAccess = x.NeedsHostAccess
	c.details = x.Details.Text(c.env.Text)
	c.keep(x.Title, x.Advice, waitSentence(x))
	// Disabling the focused button dropped the focus; give it back to a
	// keyboard user where they left it, or, while a wait keeps Kill
	// sessions off, put it on the outcome, which says how long.
	c.view.Focus = focus
	if x.Wait > 0 {
		c.view.Focus = "outcome"
	}
	if x.TokenDead && c.held == h {
		c.forgetStored()
		c.view.ClearToken = true
		c.view.TokenStatus = c.say(messages.Of(messages.TokenForgottenDead))
		c.view.Focus = "token"
	}
	if x.Wait > 0 {
		c.throttledUntil = x.Until
		c.session.saveThrottle(x.Until)
		c.tick()
	}
}

// inFlight is keyInFlight's value (stored.go): what was sent, and when.
type inFlight struct {
	KillType string
	Time     time.Time
}

// AnswerGrace is how long a kill's answer may take before the popup shows
// that it waits, drops the outcome kept earlier and marks the kill in
// flight. An answer within a tenth of a second feels immediate and needs
// no sign of waiting; and nobody closes the popup this soon after the
// click, which is all the two writes are for. An answer that comes sooner
// is spared them all: the pending view drawn while Epic's answer was on its
// way held the page's main thread, and the answer, handled on that thread,
// waited for it (docs/BENCH.md, 2 December).
const AnswerGrace = 100 * time.Millisecond

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

// markInFlightSoon notes a kill about to leave, after AnswerGrace unless it
// was answered by then, and then draws the pending view too unless it is
// drawn already. The writes are queued, not awaited.
func (c *Controller) markInFlightSoon(kt epic.KillType, drawPending bool) *inFlightMark {
	value := inFlight{KillType: kt.Name, Time: c.env.Now()}
	m := &inFlightMark{}
	c.mu.Lock()
	defer c.mu.Unlock()
	m.cancel = c.env.After(AnswerGrace, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if m.done {
			return
		}
		if drawPending {
			c.showBusy()
		}
		m.written = true
		// The outcome an earlier kill kept is no longer what the next
		// popup should show; an answer in time replaces it anyway.
		c.session.clearOutcome()
		c.session.markInFlight(value)
	})
	return m
}

// unanswered tells about a kill an earlier popup sent and was closed before
// Epic answered: closing the popup stops the request, but Epic may have
// acted on it already. Called with c.mu held, from Restore.
func (c *Controller) unanswered(f inFlight) {
	c.session.clearInFlight(false)
	at := messages.TimeOf(f.Time)
	closed := messages.Of(messages.UnansweredOwn, "time", at)
	if f.KillType != epic.OwnSession.Name {
		kt, err := epic.ParseKillType(f.KillType)
		if err != nil {
			return
		}
		closed = messages.Of(messages.UnansweredKill, "label", explain.Label(kt.Name), "time", at)
	}
	advice := messages.Of(messages.UnansweredAdvice)
	c.setResult(explain.OutcomeError, closed, advice)
	c.keep(closed, []messages.Message{advice}, -1)
	c.remember(historyEntry{Time: f.Time, KillType: f.KillType})
}

// remember puts an outcome at the top of the history and keeps it.
// Called with c.mu held.
func (c *Controller) remember(e historyEntry) {
	c.history = append([]historyEntry{e}, c.history...)
	if len(c.history) > maxHistory {
		c.history = c.history[:maxHistory]
	}
	c.session.saveHistory(c.history)
}

// shownOutcome is the result region as kept for the next popup of the
// browser session (keyOutcome), in the words shown. WaitAt is the index of
// the advice that says how long to wait, or -1: a later popup says it again
// from the wait that is left, so that it agrees with the countdown.
type shownOutcome struct {
	Outcome string
	Message string
	Advice  []string
	WaitAt  int
	Details string
	// GrantAccess is true when the outcome offered to grant the access
	// to Epic's account service again.
	GrantAccess bool
}

// keep writes down the result just shown for the next popup; waitAt is as
// in shownOutcome. Called with c.mu held.
func (c *Controller) keep(result messages.Message, advice []messages.Message, waitAt int) {
	o := shownOutcome{Outcome: string(c.view.Outcome), Message: c.say(result), WaitAt: waitAt, Details: c.details,
		GrantAccess: c.view.GrantAccess}
	for _, a := range advice {
		o.Advice = append(o.Advice, c.say(a))
	}
	c.session.saveOutcome(o)
}

// waitSentence is the index of x's advice that says how long to wait, or -1.
func waitSentence(x explain.Explanation) int {
	if x.Wait <= 0 {
		return -1
	}
	for i, a := range x.Advice {
		if a.Key == messages.ThrottledFor || a.Key == messages.ThrottledUnsaid {
			return i
		}
	}
	return -1
}

// restoreOutcome shows the outcome an earlier popup kept, with its wait said
// again from what is left of it. Called with c.mu held, from Restore.
func (c *Controller) restoreOutcome(o shownOutcome) {
	outcome := explain.Outcome(o.Outcome)
	if outcome != explain.OutcomeSuccess && outcome != explain.OutcomeError {
		return
	}
	advice := append([]string(nil), o.Advice...)
	if o.WaitAt >= 0 && o.WaitAt < len(advice) {
		advice[o.WaitAt] = c.say(messages.Of(messages.WaitOver))
		if now := c.env.Now(); now.Before(c.throttledUntil) {
			advice[o.WaitAt] = c.say(messages.Of(messages.ThrottledFor, "wait", messages.Wait(c.throttledUntil.Sub(now))))
		}
	}
	c.view.Outcome, c.view.Message = outcome, o.Message
	c.view.Advice = messages.JoinTexts(c.env.Text, advice)
	c.view.GrantAccess = o.GrantAccess
	c.details = o.Details
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
		} else if c.view.Outcome == explain.OutcomeError {
			c.view.Advice = c.say(messages.Of(messages.WaitOver))
			c.view.Focus = "kill"
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
			c.view.CopyStatus = c.say(messages.Of(messages.CouldNotCopy, "reason", explain.Because(err)))
		} else {
			c.view.CopyStatus = c.say(messages.Of(messages.CopiedDetails))
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
			c.setResult(explain.OutcomeNone, messages.Of(messages.AccessGrantedAgain), messages.Of(messages.KillAgain))
			c.session.clearOutcome()
			c.view.Focus = "kill"
		} else {
			c.view.Advice = c.say(messages.Of(messages.AccessNotGranted))
		}
		c.show()
	}()
}

// ClearHistory empties the history of this browser session.
func (c *Controller) ClearHistory() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.history = nil
	c.session.clearHistory()
	c.view.Focus = "kill"
	c.show()
}

func (c *Controller) historyLines() []HistoryLine {
	lines := make([]HistoryLine, len(c.history))
	for i, e := range c.history {
		// A kill names its kill type, a revoke the saved logins.
		done, notDone, noAnswer := messages.HistoryDone, messages.HistoryNotDone, messages.HistoryNoAnswer
		what, named := "label", historyLabel(e.KillType)
		if e.Logins > 0 {
			done, notDone, noAnswer = messages.HistoryRevoked, messages.HistoryNotRevoked, messages.HistoryRevokeNoAnswer
			what, named = "login", messages.Of(messages.LoginsCount, "count", e.Logins)
			if e.Logins == 1 {
				named = devices.Describe(e.Login)
			}
		}
		key := notDone
		switch {
		case e.Success:
			key = done
		case e.Status == 0:
			key = noAnswer
		}
		lines[i] = HistoryLine{
			Text:      c.say(messages.Of(key, "time", messages.TimeOf(e.Time), what, named)),
			Reference: c.say(reference(e)),
			Success:   e.Success,
		}
	}
	return lines
}

// historyLabel names a past kill's kill type: in a player's words when it
// is one the popup knows, else as it was kept, cleaned.
func historyLabel(killType string) messages.Message {
	if killType == epic.OwnSession.Name {
		return messages.KillTypeLabel(killType)
	}
	if kt, err := epic.ParseKillType(killType); err == nil {
		return messages.KillTypeLabel(kt.Name)
	}
	return messages.Of(messages.Verbatim, "text", explain.Clean(killType, explain.MaxShownRunes))
}

// reference is the status and Epic's error code of a past answer; none
// when no answer came.
func reference(e historyEntry) messages.Message {
	switch {
	case e.Status == 0:
		return messages.Message{} // the line says there was no answer
	case e.Code != "":
		return messages.Of(messages.ReferenceCode, "status", e.Status, "code", explain.Clean(e.Code, explain.MaxShownRunes))
	}
	return messages.Of(messages.ReferenceStatus, "status", e.Status)
}
