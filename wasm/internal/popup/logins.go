package popup

import (
	"context"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/devices"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// Login is one saved login (an Epic device auth) as the section shows it.
type Login struct {
	DeviceID string
	// Name says what it is, "Fortnite on Windows"; Bot warns when a
	// script or bot saved it ("" otherwise).
	Name, Bot string
	// Saved and Used say when and where, relative to now.
	Saved, Used string
	// SavedAt, UsedAt ("" when never used), App and the IP lines are
	// behind "More": exact times, the app's own user agent, and the IP
	// addresses, which are shown only when asked for.
	SavedAt, UsedAt, App string
	IPSaved, IPUsed      string
}

// LoginWords are the labels around each saved login: its Revoke, "More"
// and what More holds.
type LoginWords struct {
	Revoke, More, Saved, Used, App, DeviceID, ShowIP string
}

// loginsState is what the section of saved logins knows. It belongs to the
// token held: a new token starts it afresh.
type loginsState struct {
	// open is the section unfolded; wanted is a list asked for while
	// another request ran, sent once it is over.
	open, wanted bool
	loading      bool
	// listed means list is Epic's answer for the token held; failed
	// that the last try got no list.
	listed, failed bool
	list           epic.DeviceAuthList
}

// deviceAuthPath is the list's address as Epic names it, for the details.
const deviceAuthPath = "/account/api/public/account/"

// loginsAccount is the account whose saved logins the token held may list:
// its id, known from Epic's verify answer or the eg1 token, and the token's
// permissions allow the list or are not known. ok is false when the
// section is not offered.
func (c *Controller) loginsAccount() (account string, ok bool) {
	if c.held == nil {
		return "", false
	}
	account = c.held.known().account
	if !epic.IsID(account) {
		return "", false
	}
	perms, holder := c.held.permissions()
	if epic.CheckPermission(perms, holder, epic.DeviceAuthsRead) == epic.VerdictNotAllowed {
		return "", false
	}
	return account, true
}

// ShowSavedLogins is the section opened or folded. Opened for the first
// time with this token, it asks Epic for the list.
func (c *Controller) ShowSavedLogins(open bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.logins.open = open
	if open && !c.logins.listed && !c.logins.loading {
		c.logins.wanted = true
	}
	c.show()
}

// ListSavedLogins asks Epic for the list again.
func (c *Controller) ListSavedLogins() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.logins.loading {
		c.logins.wanted = true
	}
	c.show()
}

// listWanted sends the list asked for once nothing else runs: one request
// at a time. While Epic's wait lasts nothing is sent; the outcome says how
// long. Called with c.mu held, from show.
func (c *Controller) listWanted() {
	if !c.logins.wanted || c.busy {
		return
	}
	account, ok := c.loginsAccount()
	if !ok {
		return // until verify says whose the token is
	}
	c.logins.wanted = false
	if c.env.Now().Before(c.throttledUntil) {
		c.logins.failed = true
		return
	}
	c.busy, c.logins.loading = true, true
	h := c.held
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), c.env.Timeout)
		defer cancel()
		var (
			list epic.DeviceAuthList
			err  = explain.ErrOffline
		)
		if c.env.Browser.Online() {
			list, err = c.env.Epic.DeviceAuths(ctx, h.token.Value, account)
			err = c.whyUnreachable(err)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.busy, c.logins.loading = false, false
		if c.held == h {
			if err == nil {
				c.logins.list, c.logins.listed, c.logins.failed = list, true, false
			} else {
				c.logins.failed = true
				c.act(explain.Explain(explain.Input{Action: explain.ActionListLogins, Err: err, Now: c.env.Now(),
					Timeout: c.env.Timeout, Request: "GET " + deviceAuthPath + account + "/deviceAuth"}), h, "saved-logins")
			}
		}
		c.show()
	}()
}

// Revoke asks to confirm the revoke of the saved login deviceID.
func (c *Controller) Revoke(deviceID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range c.logins.list.Items {
		if d.DeviceID == deviceID {
			c.askRevoke([]epic.DeviceAuth{d})
			return
		}
	}
}

// RevokeAll asks to confirm the revoke of every saved login listed.
func (c *Controller) RevokeAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.logins.list.Items) > 0 {
		c.askRevoke(append([]epic.DeviceAuth(nil), c.logins.list.Items...))
	}
}

// askRevoke shows the confirmation of a revoke, when nothing runs or waits
// for a confirmation and Epic's wait is over. Called with c.mu held.
func (c *Controller) askRevoke(logins []epic.DeviceAuth) {
	if c.busy || c.confirmPending() || c.env.Now().Before(c.throttledUntil) {
		return
	}
	if _, ok := c.loginsAccount(); !ok {
		return
	}
	if perms, holder := c.held.permissions(); epic.CheckPermission(perms, holder, epic.DeviceAuthsDelete) == epic.VerdictNotAllowed {
		// Epic would refuse it: said without sending, as a kill the
		// token may not use is. The focus stays on the Revoke clicked.
		title, advice := messages.Of(messages.LoginsCannotRevoke), []messages.Message{messages.Of(messages.NothingSent)}
		c.setResult(explain.OutcomeError, title, advice...)
		c.details = c.say(messages.Of(messages.TokenLacks, "permissions", permissionText(epic.DeviceAuthsDelete)))
		c.keep(title, advice, -1)
		c.show()
		return
	}
	c.confirmRevoke = logins
	c.openConfirm()
}

// loginName is the saved login's name, quoted, as a sentence names it.
func loginName(d epic.DeviceAuth) messages.Message {
	return messages.Of(messages.QuotedLogin, "login", devices.Describe(d.UserAgent))
}

// revokeText states what the revoke waiting for Confirm ends.
func (c *Controller) revokeText(logins []epic.DeviceAuth, now time.Time) (text, button messages.Message) {
	if len(logins) == 1 {
		return messages.Of(messages.ConfirmRevoke, "login", loginName(logins[0]), "when", when(logins[0].Created.Time, now)),
			messages.Of(messages.ConfirmRevokeButton)
	}
	return messages.Of(messages.ConfirmRevokeAll, "count", len(logins)),
		messages.Of(messages.ConfirmRevokeAllButton, "count", len(logins))
}

// when is t relative to now, or that it is unknown.
func when(t, now time.Time) messages.Message {
	if t.IsZero() {
		return messages.Of(messages.LoginTimeUnknown)
	}
	return messages.Of(messages.Verbatim, "text", messages.RelativeOf(t, now))
}

// startRevoke revokes logins one after another from a goroutine, and stops
// at the first that fails: what follows would most likely fail the same
// way. None is tried twice. Called with c.mu held.
func (c *Controller) startRevoke(logins []epic.DeviceAuth) {
	account, ok := c.loginsAccount()
	if !ok {
		return
	}
	c.busy = true
	asking := messages.Of(messages.RevokingLogins, "count", len(logins))
	if len(logins) == 1 {
		asking = messages.Of(messages.RevokingLogin, "login", loginName(logins[0]))
	}
	c.setResult(explain.OutcomePending, asking)
	c.session.clearOutcome()
	c.show()
	h := c.held
	go func() {
		done := 0
		var x explain.Explanation
		for _, d := range logins {
			x = c.revokeOne(h, account, d)
			if x.Outcome != explain.OutcomeSuccess {
				break
			}
			done++
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.busy = false
		if n := len(logins); n > 1 {
			if done == n {
				x.Title = messages.Of(messages.LoginsRevoked, "count", n)
			} else if done > 0 {
				x.Advice = append([]messages.Message{messages.Of(messages.LoginsRevokedBefore, "done", done, "count", n)}, x.Advice...)
			}
		}
		c.act(x, h, "saved-logins")
		if x.Reason != explain.ReasonHostAccess && x.Reason != explain.ReasonOffline {
			e := historyEntry{Time: x.Details.Time, Logins: len(logins), Status: x.Status, Code: x.Details.ErrorCode,
				Success: done == len(logins)}
			if len(logins) == 1 {
				e.Login = logins[0].UserAgent
			}
			c.remember(e)
		}
		c.show()
	}()
}

// revokeOne sends one revoke and explains its answer; a saved login that
// is gone, by this revoke or before it, leaves the list shown.
func (c *Controller) revokeOne(h *heldToken, account string, d epic.DeviceAuth) explain.Explanation {
	ctx, cancel := context.WithTimeout(context.Background(), c.env.Timeout)
	defer cancel()
	err := explain.ErrOffline
	if c.env.Browser.Online() {
		err = c.whyUnreachable(c.env.Epic.DeleteDeviceAuth(ctx, h.token.Value, account, d.DeviceID))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	x := explain.Explain(explain.Input{Action: explain.ActionRevokeLogin, Err: err, Now: c.env.Now(), Timeout: c.env.Timeout,
		Login: loginName(d), Request: "DELETE " + deviceAuthPath + account + "/deviceAuth/" + d.DeviceID})
	if x.Outcome == explain.OutcomeSuccess && c.held == h {
		items := c.logins.list.Items[:0:0]
		for _, kept := range c.logins.list.Items {
			if kept.DeviceID != d.DeviceID {
				items = append(items, kept)
			}
		}
		c.logins.list.Items = items
		c.show()
	}
	return x
}

// loginsView fills the section of saved logins into v. Called with c.mu
// held, from show.
func (c *Controller) loginsView(v *View, now time.Time, waiting bool) {
	if _, ok := c.loginsAccount(); !ok {
		return
	}
	l := c.logins
	v.SavedLogins = true
	v.SavedLoginsOpen = l.open
	v.SavedLoginsTitle = c.say(messages.Of(messages.SavedLoginsTitle))
	if l.listed {
		v.SavedLoginsTitle = c.say(messages.Of(messages.SavedLoginsCount, "count", len(l.list.Items)))
	}
	switch {
	case l.loading:
		v.LoginsStatus = c.say(messages.Of(messages.LoginsLoading))
	case l.wanted:
		v.LoginsStatus = c.say(messages.Of(messages.LoginsWaiting))
	case l.failed:
		v.LoginsStatus = c.say(messages.Of(messages.LoginsNotListed))
	case l.listed && len(l.list.Items) == 0:
		v.LoginsStatus = c.say(messages.Of(messages.LoginsNone))
	}
	var notes []messages.Message
	if l.listed && l.list.Truncated {
		notes = append(notes, messages.Of(messages.LoginsTruncated, "count", len(l.list.Items)))
	}
	if l.listed && l.list.Skipped > 0 {
		notes = append(notes, messages.Of(messages.LoginsSkipped, "count", l.list.Skipped))
	}
	v.LoginsNote = c.say(notes...)
	v.LoginWords = LoginWords{
		Revoke:   c.say(messages.Of(messages.RevokeButton)),
		More:     c.say(messages.Of(messages.LoginMore)),
		Saved:    c.say(messages.Of(messages.LoginFactSaved)),
		Used:     c.say(messages.Of(messages.LoginFactUsed)),
		App:      c.say(messages.Of(messages.LoginFactApp)),
		DeviceID: c.say(messages.Of(messages.LoginFactDeviceID)),
		ShowIP:   c.say(messages.Of(messages.LoginShowIP)),
	}
	v.Logins = make([]Login, len(l.list.Items))
	for i, d := range l.list.Items {
		v.Logins[i] = c.login(d, now)
	}
	v.RevokeEnabled = !c.busy && !c.confirmPending() && !waiting
	v.RevokeAll = l.listed && len(l.list.Items) > 0
	v.ListEnabled = !l.loading && !c.busy
}

// login is d as the section shows it. Epic's texts are cleaned and bounded
// as explain shows Epic's words, and the token masked.
func (c *Controller) login(d epic.DeviceAuth, now time.Time) Login {
	place := func(a epic.DeviceAccess) messages.Message {
		if p := c.held.shown(a.Location); p != "" {
			return messages.Of(messages.Verbatim, "text", p)
		}
		return messages.Of(messages.LoginPlaceUnknown)
	}
	exact := func(a epic.DeviceAccess) string {
		at := messages.Of(messages.LoginTimeUnknown)
		if !a.Time.IsZero() {
			at = messages.Of(messages.Verbatim, "text", messages.DateTimeOf(a.Time))
		}
		return c.say(messages.Of(messages.LoginFactAt, "time", at, "place", place(a)))
	}
	l := Login{
		DeviceID: d.DeviceID,
		Name:     c.say(devices.Describe(d.UserAgent)),
		Saved:    c.say(messages.Of(messages.LoginSaved, "when", when(d.Created.Time, now), "place", place(d.Created))),
		Used:     c.say(messages.Of(messages.LoginNeverUsed)),
		SavedAt:  exact(d.Created),
		App:      c.held.shown(d.UserAgent),
	}
	if devices.Classify(d.UserAgent) == devices.Library {
		l.Bot = c.say(messages.Of(messages.LoginBotNote))
	}
	if ip := c.held.shown(d.Created.IPAddress); ip != "" {
		l.IPSaved = c.say(messages.Of(messages.LoginIPSaved, "ip", ip))
	}
	if a := d.LastAccess; a != nil {
		l.Used = c.say(messages.Of(messages.LoginUsed, "when", when(a.Time, now), "place", place(*a)))
		l.UsedAt = exact(*a)
		if ip := c.held.shown(a.IPAddress); ip != "" {
			l.IPUsed = c.say(messages.Of(messages.LoginIPUsed, "ip", ip))
		}
	}
	if l.IPSaved == "" && l.IPUsed == "" {
		l.IPSaved = c.say(messages.Of(messages.LoginIPNone))
	}
	return l
}

// leftLogins is the advice after a kill of other logins that the saved
// logins can still sign in; none when the section is not offered or the
// list holds none.
func (c *Controller) leftLogins() messages.Message {
	if _, ok := c.loginsAccount(); !ok {
		return messages.Message{}
	}
	switch n := len(c.logins.list.Items); {
	case !c.logins.listed || n == 1:
		return messages.Of(messages.KillLeavesLogins)
	case n > 1:
		return messages.Of(messages.KillLeavesLoginsCount, "count", n)
	}
	return messages.Message{}
}
