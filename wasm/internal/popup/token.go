package popup

import (
	"context"
	"errors"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// Where the browser keeps a signed-in user's token (epic-api.md §4): the
// store's eg1 JWT first, because it carries the claims shown offline.
var signInCookies = []struct{ URL, Name string }{
	{"https://store.epicgames.com/", "EPIC_EG1"},
	{"https://www.epicgames.com/", "EPIC_BEARER_TOKEN"},
}

// SignInPage is where a user who is not signed in goes.
const SignInPage = "https://www.epicgames.com/id/login"

// heldToken is the token the popup works with and what is known about it.
type heldToken struct {
	token epic.Token
	// fromSignIn is true when the token came from the browser's cookies.
	fromSignIn bool
	// verified is Epic's verify answer, nil until one arrived.
	verified *epic.VerifiedToken
	// verifyTimedOut is true when verify got no answer within its time
	// limit: a kill that waited for it ends as a timeout too.
	verifyTimedOut bool

	// checked caches checks' result, which every render asks for, until
	// Epic's verify answer (checkedWith) changes what is known.
	checked     []epic.KillCheck
	checkedWith *epic.VerifiedToken
	checkedDone bool
}

// savedToken is heldToken as kept in storage.session (stored.go).
type savedToken struct {
	Token      string
	FromSignIn bool
	Verified   *epic.VerifiedToken
}

// permissions returns the token's permission list and whose it is, from
// Epic's verify answer, else from the eg1 claim; nil when unknown.
func (h *heldToken) permissions() ([]epic.GrantedPermission, string) {
	if h.verified != nil && h.verified.Perms != nil {
		return h.verified.Perms, h.verified.Holder()
	}
	return h.token.Permissions(), h.token.Holder()
}

// checks pre-checks every kill type against the token's permissions; nil
// when no permission list is known, which blocks nothing.
func (h *heldToken) checks() []epic.KillCheck {
	if h.checkedDone && h.checkedWith == h.verified {
		return h.checked
	}
	h.checked = nil
	if perms, holder := h.permissions(); perms != nil && holder != "" {
		h.checked = epic.CheckKillTypes(perms, holder)
	}
	h.checkedWith, h.checkedDone = h.verified, true
	return h.checked
}

// shown makes a text from outside (Epic's answer, the token's claims, the
// pasted JSON) fit to show beside the token as explain shows Epic's words:
// the token masked in any case, then one plain line, bounded.
func (h *heldToken) shown(s string) string {
	return explain.Clean(epic.Mask(s, h.token.Value), explain.MaxShownRunes)
}

// known is what is known of the token: Epic's verify answer wins over what
// the paste said.
type known struct {
	name, account, client, service, method string
	expires                                time.Time
}

func (h *heldToken) known() known {
	tok, v := h.token, h.verified
	k := known{tok.DisplayName, tok.AccountID, tok.ClientID, tok.ClientService, tok.AuthMethod, tok.ExpiresAt}
	if v == nil {
		return k
	}
	pick := func(verified string, pasted *string) {
		if verified != "" {
			*pasted = verified
		}
	}
	pick(v.DisplayName, &k.name)
	pick(v.AccountID, &k.account)
	pick(v.ClientID, &k.client)
	pick(v.ClientService, &k.service)
	pick(v.AuthMethod, &k.method)
	if !v.ExpiresAt.IsZero() {
		k.expires = v.ExpiresAt
	}
	return k
}

// app names the token's app: the product of a well-known client, else the
// start of its id.
func (h *heldToken) app(client string) messages.Message {
	if product := epic.ClientProduct(client); product != "" {
		return messages.ClientName(product)
	}
	if client == "" {
		return messages.Of(messages.AppUnknown)
	}
	id := h.shown(client)
	if r := []rune(id); len(r) > 8 {
		id = string(r[:8]) + "…"
	}
	return messages.Of(messages.AppByID, "id", id)
}

// summary says in one line whose the token is, which app it is from and
// how long it lasts: "DemoPlayer · Fortnite (PC) · 7 h 59 min left".
func (h *heldToken) summary(now time.Time) messages.Message {
	k := h.known()
	if !h.summed() {
		return messages.Of(messages.TokenSummaryUnknown)
	}
	name := messages.Of(messages.NameUnknown)
	if k.name != "" {
		name = messages.Of(messages.Verbatim, "text", h.shown(k.name))
	}
	left := messages.Of(messages.LeftUnknown)
	if !k.expires.IsZero() {
		left = messages.TimeLeft(k.expires.Sub(now))
		if k.expires.After(now) {
			left = messages.Of(messages.TokenLeft, "time", left)
		}
	}
	return messages.Of(messages.TokenSummary, "name", name, "app", h.app(k.client), "left", left)
}

// summed reports whether anything is known to sum the token up with.
func (h *heldToken) summed() bool {
	k := h.known()
	return k.name != "" || k.client != ""
}

// facts are the token's details, in t's language: whose, which app, how it
// was signed in, how long it lasts and where it came from.
func (h *heldToken) facts(now time.Time, t messages.Texts) []Fact {
	var facts []Fact
	add := func(label messages.Key, value string) {
		if value != "" {
			facts = append(facts, Fact{t.Text(messages.Of(label)), value})
		}
	}
	k := h.known()
	add(messages.FactDisplayName, h.shown(k.name))
	add(messages.FactAccount, h.shown(k.account))
	client := h.shown(k.client)
	if product := epic.ClientProduct(k.client); product != "" {
		client = t.Text(messages.Of(messages.ClientWithProduct, "product", messages.ClientName(product), "id", client))
	}
	add(messages.FactClient, client)
	add(messages.FactService, h.shown(k.service))
	add(messages.FactSignedInWith, h.shown(k.method))
	if !k.expires.IsZero() {
		add(messages.FactTimeLeft, t.Text(messages.TimeLeft(k.expires.Sub(now))))
	}
	add(messages.FactSource, t.Text(messages.Of(h.source())))
	return facts
}

// source says where the token came from and whether Epic confirmed it.
func (h *heldToken) source() messages.Key {
	switch confirmed := h.verified != nil; {
	case h.fromSignIn && confirmed:
		return messages.SourceSignInConfirmed
	case h.fromSignIn:
		return messages.SourceSignIn
	case confirmed:
		return messages.SourcePastedConfirmed
	}
	return messages.SourcePasted
}

// Restore brings back what an earlier popup of this browser session kept:
// the token, a throttle wait and the history. Storage answers
// asynchronously, so it runs in its own goroutine and the popup is usable at
// once: a kill clicked meanwhile waits for it, and a token taken meanwhile
// wins over the kept one.
func (c *Controller) Restore() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.env.Store == nil || c.restoring != nil {
		return
	}
	done := make(chan struct{})
	c.restoring = done
	go func() {
		defer close(done)
		kept, err := c.session.load()

		c.mu.Lock()
		defer c.mu.Unlock()
		c.restoring = nil
		if err != nil {
			return
		}
		// A token taken meanwhile wins over the kept one.
		if saved := kept.token; saved != nil && !c.touched {
			if t, err := epic.ParseToken(saved.Token, c.env.Now()); err == nil {
				c.setHeld(&heldToken{token: t, fromSignIn: saved.FromSignIn, verified: saved.Verified})
			} else {
				// It expired since: keep no dead token around.
				c.forgetStored()
				c.view.TokenStatus = c.say(messages.Of(messages.TokenKeptExpired))
			}
		}
		if until := kept.throttledUntil; c.env.Now().Before(until) {
			c.throttledUntil = until
			c.tick()
		}
		if c.history == nil {
			c.history = kept.history
		}
		if kt, err := epic.ParseKillType(kept.killType); err == nil && !c.picked {
			c.selected = kt
		}
		// The outcome shown last, unless this popup has one of its own.
		if o := kept.outcome; o != nil && c.view.Outcome == explain.OutcomeNone && !c.busy {
			c.restoreOutcome(*o)
		}
		if kept.inFlight != nil {
			c.unanswered(*kept.inFlight)
		}
		c.show()
	}()
}

// saveToken keeps the token held for the next popup.
func (c *Controller) saveToken() {
	if c.held != nil {
		c.session.saveToken(savedToken{Token: c.held.token.Value, FromSignIn: c.held.fromSignIn, Verified: c.held.verified})
	}
}

// forgetStored drops the token from the popup and from storage.
func (c *Controller) forgetStored() {
	c.setHeld(nil)
	c.touched = true
	c.session.forgetToken()
}

// TakeToken reads a pasted token. A good one replaces the token held and is
// verified with Epic; a bad one gets one sentence and changes nothing.
func (c *Controller) TakeToken(text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy || text == "" {
		return
	}
	c.take(text, false)
	c.show()
}

// take parses text and, when it is a usable token, holds it, keeps it and
// starts verifying it. Called with c.mu held; reports whether it took it.
func (c *Controller) take(text string, fromSignIn bool) bool {
	t, err := epic.ParseToken(text, c.env.Now())
	if err != nil {
		result := []messages.Message{explain.InputError(err)}
		if c.held != nil {
			result = append(result, messages.Of(messages.TokenBeforeStillUsed))
		}
		c.setResultOf(explain.OutcomeError, result, nil)
		c.view.Focus = "token"
		return false
	}
	c.setHeld(&heldToken{token: t, fromSignIn: fromSignIn})
	c.touched = true
	c.view.ClearToken = true
	c.view.SignInLink = false
	c.view.TokenStatus = c.say(messages.Of(messages.TokenTaken))
	if c.view.Outcome == explain.OutcomeError {
		c.clearResult()
		c.session.clearOutcome() // it was about the token before
	}
	c.saveToken()
	c.verify(c.held)
	return true
}

// verify asks Epic about h from a goroutine. The kill waits for it, so the
// permission pre-check can use its answer. Called with c.mu held.
func (c *Controller) verify(h *heldToken) {
	if !c.env.Browser.Online() {
		c.view.TokenStatus = c.say(messages.Of(messages.TokenOfflineUnconfirmed))
		return
	}
	done := make(chan struct{})
	c.verifying = done
	go func() {
		defer close(done)
		ctx, cancel := context.WithTimeout(context.Background(), c.env.Timeout)
		defer cancel()
		v, err := c.env.Epic.Verify(ctx, h.token.Value)

		c.mu.Lock()
		defer c.mu.Unlock()
		if c.verifying == done {
			c.verifying = nil
		}
		if c.held != h {
			return // the user took another token meanwhile
		}
		var (
			apiErr    *epic.APIError
			answerErr *epic.VerifyAnswerError
		)
		switch {
		case err == nil:
			h.verified = v
			c.view.TokenStatus = c.say(messages.Of(messages.TokenConfirmed))
			c.saveToken()
		case errors.As(err, &apiErr) && apiErr.StatusCode == 401:
			c.forgetStored()
			c.setResult(explain.OutcomeError, messages.Of(messages.TokenRefused), messages.Of(messages.TokenTakeNew))
			// Epic's status and code, for those who look.
			c.details = explain.Explain(explain.Input{Err: err, Now: c.env.Now()}).Details.Text(c.env.Text)
			c.keep(messages.Of(messages.TokenRefused), []messages.Message{messages.Of(messages.TokenTakeNew)}, -1)
			c.view.TokenStatus = ""
			c.view.Focus = "token"
		case errors.As(err, &answerErr):
			c.view.TokenStatus = c.say(explain.VerifyAnswer(answerErr), messages.Of(messages.TokenKept))
		default:
			h.verifyTimedOut = errors.Is(err, context.DeadlineExceeded)
			x := explain.Explain(explain.Input{Err: err, Now: c.env.Now(), Timeout: c.env.Timeout})
			if x.Wait > 0 {
				// Epic throttles this token: a kill would meet the same wait.
				c.view.TokenStatus = c.say(messages.Of(messages.TokenThrottled))
				c.throttledUntil = x.Until
				c.checkThrottled = x.Details.Text(c.env.Text)
				c.session.saveThrottle(x.Until)
				c.tick()
				break
			}
			c.view.TokenStatus = c.say(messages.Of(messages.TokenNotConfirmed), x.Title, messages.Of(messages.TokenKept))
		}
		c.show()
	}()
}

// Forget drops the token held, from the popup and from storage.session.
func (c *Controller) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy {
		return
	}
	c.forgetStored()
	c.view.ClearToken = true
	c.view.TokenStatus = c.say(messages.Of(messages.TokenForgotten))
	// What the result said was about that token.
	if c.view.Outcome != explain.OutcomePending {
		c.clearResult()
		c.session.clearOutcome()
	}
	c.view.Focus = "token"
	c.show()
}

// UseSignIn takes the token of the browser's epicgames.com sign-in. It must
// be called from the click: it asks for the permission at once.
func (c *Controller) UseSignIn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.busy {
		return
	}
	answer := c.env.Browser.RequestSignInAccess()
	c.view.TokenStatus = c.say(messages.Of(messages.SignInWaiting))
	c.show()
	go func() {
		granted, err := answer()
		if err != nil || !granted {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.view.TokenStatus = c.say(messages.Of(messages.SignInRefused))
			c.show()
			return
		}
		value, found, err := c.signInToken()
		// The access served this one read: the extension holds on to no
		// way into epicgames.com's cookies. A failure to give it back
		// changes nothing the user can act on.
		_ = c.env.Browser.ReleaseSignInAccess()
		c.mu.Lock()
		defer c.mu.Unlock()
		switch {
		case err != nil:
			c.view.TokenStatus = c.say(messages.Of(messages.SignInUnreadable, "reason", explain.Because(err)))
		case !found:
			c.view.TokenStatus = c.say(messages.Of(messages.SignInNone))
			c.view.SignInLink = true
		default:
			if c.take(value, true) {
				c.view.TokenStatus = c.say(messages.Of(messages.TokenTakenFromSignIn))
				c.view.Focus = "kill-type"
			}
		}
		c.show()
	}()
}

func (c *Controller) signInToken() (string, bool, error) {
	var firstErr error
	for _, ck := range signInCookies {
		v, ok, err := c.env.Browser.Cookie(ck.URL, ck.Name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if ok && v != "" {
			return v, true, nil
		}
	}
	return "", false, firstErr
}
