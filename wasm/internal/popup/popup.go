// Package popup decides what the popup shows and when it may send anything.
// It is plain Go: the ui package feeds it the user's actions and renders the
// View it produces, and the browser reaches it only through the small
// interfaces in Env, so every rule here is tested natively.
package popup

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// DefaultTimeout bounds one request to Epic, its answer's body included;
// after it the request is aborted. A kill's timeout also covers its wait for
// the check of the token (verify) that runs.
const DefaultTimeout = 15 * time.Second

// confirmGuard is how long Confirm stays off after a confirmation appears,
// so that it takes a deliberate, separate act: a key held a little too long
// or the second press of a quick double press lands before it. Chrome guards
// its own permission prompts against input for as long.
const confirmGuard = 500 * time.Millisecond

// Epic is the account service; *epic.Client is the real one.
type Epic interface {
	Kill(ctx context.Context, token, killType string) error
	KillSession(ctx context.Context, token string) error
	Verify(ctx context.Context, token string) (*epic.VerifiedToken, error)
	DeviceAuths(ctx context.Context, token, accountID string) (epic.DeviceAuthList, error)
	DeleteDeviceAuth(ctx context.Context, token, accountID, deviceID string) error
}

// Store keeps strings for this browser session only (storage.session).
type Store interface {
	// Load returns the values stored under keys; missing keys are left out.
	Load(keys ...string) (map[string]string, error)
	Set(key, value string) error
	Remove(key string) error
}

// Browser is what the popup asks of the browser besides storage. The
// Request and Copy methods must be called synchronously from the user's
// click, because browsers allow them only then; the functions they return
// wait for the answer and are called from goroutines.
type Browser interface {
	// Online is navigator.onLine.
	Online() bool
	// HostAccess reports whether the extension may still reach Epic's
	// account host; Firefox lets the user withdraw it.
	HostAccess() (bool, error)
	RequestHostAccess() func() (bool, error)
	// RequestSignInAccess asks for the optional cookies permission and the
	// epicgames.com hosts; ReleaseSignInAccess gives them back.
	RequestSignInAccess() func() (bool, error)
	ReleaseSignInAccess() error
	// Cookie reads the cookie name the browser would send to url.
	Cookie(url, name string) (string, bool, error)
	Copy(text string) func() error
}

// Env is everything the controller works with. Epic and Browser are
// required; the rest have defaults.
type Env struct {
	Epic    Epic
	Browser Browser
	// Store nil keeps nothing between popups.
	Store Store
	// Now defaults to time.Now.
	Now func() time.Time
	// After runs f once after d and returns a function that cancels it;
	// defaults to time.AfterFunc. The throttle countdown ticks with it.
	After func(d time.Duration, f func()) (cancel func())
	// Timeout defaults to DefaultTimeout.
	Timeout time.Duration
	// AfterPaint blocks until the browser has drawn what the popup last
	// showed; nil does not wait. Storage writes that only keep a record
	// wait for it, so an outcome is drawn before it is written down.
	AfterPaint func()
	// Text renders the popup's messages; defaults to messages.English.
	Text messages.Texts
}

// Option is one kill type in the select.
type Option struct {
	Name string
	// Label is the option's text: the kill type in a player's words, and
	// a mark when the token may not use it.
	Label   string
	Blocked bool
}

// Fact is one line of what is known about the token held.
type Fact struct{ Label, Value string }

// HistoryLine is one past outcome, as shown: in words, and the answer's
// reference (status and Epic's error code) for those who look.
type HistoryLine struct {
	Text      string
	Reference string
	Success   bool
}

// View is everything the popup shows. Rendering it must not call back into
// the Controller.
type View struct {
	// InputsEnabled enables the token field, the kill type select and the
	// token buttons.
	InputsEnabled bool
	KillEnabled   bool
	// KillThisEnabled enables "Sign out only the token above", which
	// needs no kill type's permission.
	KillThisEnabled bool
	KillLabel       string
	// NoKill says, instead of offering Kill sessions, that the token held
	// may use no kill type, and points to Epic's own Sign out everywhere
	// (EpicSignOutPage); "" offers Kill.
	NoKill string
	// Options are the kill types, in table order; Selected is the chosen one.
	Options  []Option
	Selected string
	// Description says in a line what the chosen kill type signs out;
	// EpicName gives Epic's name for it, and says when the token lacks its
	// permission (Blocked). Warning says at once that it ends this token
	// too.
	Description string
	EpicName    string
	Blocked     bool
	Warning     string

	// Confirming shows the confirmation step, in place of the actions,
	// with ConfirmText and a confirm button that names the consequence
	// (ConfirmButton), about the kill type ConfirmFor (epic.OwnSession's
	// name for the single-session kill), or about revoking the saved
	// logins ConfirmLogins (their device ids) when ConfirmFor is "".
	// ConfirmReady enables Confirm, once confirmGuard has passed.
	Confirming    bool
	ConfirmText   string
	ConfirmButton string
	ConfirmFor    string
	ConfirmLogins string
	ConfirmReady  bool

	// TokenHeld means a token is kept: Forget and "Sign out only this
	// token" are offered, and the empty token field says so in
	// TokenPlaceholder. TokenSummary says in one line whose it is;
	// TokenFacts are the details; TokenStatus is the latest word about it
	// (verified, forgotten, …).
	TokenHeld        bool
	TokenPlaceholder string
	TokenSummary     string
	TokenFacts       []Fact
	TokenStatus      string
	// ClearToken asks the renderer to empty the token field once: the
	// token was taken and lives in the controller now.
	ClearToken bool
	// SignInLink shows the link to epicgames.com's sign-in page.
	SignInLink bool

	// Outcome and Message are the result region; Advice says what to do.
	// Both are one live region, announced together.
	Outcome explain.Outcome
	Message string
	Advice  string
	// Countdown says how long a wait holds Kill back; "" when none does.
	Countdown string
	// Details is the copyable text about the last answer; "" hides it.
	Details string
	// CopyStatus says whether copying worked.
	CopyStatus string
	// GrantAccess offers to grant the extension's host access again.
	GrantAccess bool
	// Leaving comes with the result region emptied for a kill on its way
	// (showLeaving): the renderer hides the outcome shown before but keeps
	// its place, so that nothing on the page moves for the few
	// milliseconds until the answer takes that place.
	Leaving bool

	History      []HistoryLine
	HistoryTitle string

	// SavedLogins shows the folded section of saved logins: the token
	// held may list them, or whether it may is not known. SavedLoginsOpen
	// is whether it is unfolded, as the user left it.
	SavedLogins      bool
	SavedLoginsOpen  bool
	SavedLoginsTitle string
	// LoginsStatus says the list is loading, empty or not listed; "" when
	// it shows. LoginsNote says what of Epic's list is not shown.
	LoginsStatus string
	Logins       []Login
	LoginsNote   string
	// LoginWords are the words each login's markup shows around it.
	LoginWords LoginWords
	// RevokeEnabled enables each login's Revoke and Revoke all others,
	// which RevokeAll offers; ListEnabled enables List again.
	RevokeEnabled bool
	RevokeAll     bool
	ListEnabled   bool

	// Focus names the control to focus after this render: "token",
	// "kill-type", "cancel", "kill", "outcome", "saved-logins" (the
	// section's title) or "".
	Focus string
}

// Form is what the user entered when they clicked.
type Form struct {
	Token    string
	KillType string
}

// Controller holds the popup's state. Its methods are called from event
// listeners and return at once: whatever waits runs in its own goroutine.
type Controller struct {
	env    Env
	render func(View)

	mu sync.Mutex
	// view is what is shown, but for the parts show derives from the state below.
	view View
	// busy is true while a kill runs; nothing else may be sent then.
	busy bool
	// shown is the view show rendered last, for the token shownHeld;
	// showBusy draws on it.
	shown     View
	shownHeld *heldToken
	// leaving is set while the view shown last is the one from before a
	// kill's click but for its result (showLeaving): nothing was drawn
	// for the kill since.
	leaving bool
	// confirming is the kill waiting for Confirm; its Name is "" when none
	// is. It is about the token confirmFor, and Confirm works once
	// confirmReady; confirmations counts them, so that a guard timer of an
	// earlier one does nothing.
	confirming epic.KillType
	// confirmRevoke are the saved logins a revoke waiting for Confirm
	// would revoke; nil when none waits.
	confirmRevoke []epic.DeviceAuth
	confirmFor    *heldToken
	confirmReady  bool
	confirmations int
	selected      epic.KillType
	// picked is set once the user chose a kill type: Restore then leaves
	// the choice alone.
	picked bool
	// held is the token the popup works with; setHeld changes it.
	held *heldToken
	// verifying is closed when the running verify ends; nil when none runs.
	verifying chan struct{}
	// throttledUntil holds the kill button back until then.
	throttledUntil time.Time
	// checkThrottled is the details of Epic's throttle of the token's
	// check, for a kill that waited for that check and was not sent.
	checkThrottled string
	cancelTick     func()
	history        []historyEntry
	details        string
	// restoring is closed once Restore is over; a kill clicked before
	// then waits for it, so that a token kept earlier is used.
	restoring chan struct{}
	// touched is set once the user took or forgot a token: Restore then
	// leaves the token alone.
	touched bool
	// session keeps what the next popup restores.
	session *session
	// logins is the section of saved logins.
	logins loginsState
}

// New returns a controller that shows the first kill type and renders at
// once. Call Restore to bring back what an earlier popup kept.
func New(env Env, render func(View)) *Controller {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.After == nil {
		env.After = func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, f)
			return func() { t.Stop() }
		}
	}
	if env.Timeout == 0 {
		env.Timeout = DefaultTimeout
	}
	if env.Text == nil {
		env.Text = messages.English
	}
	c := &Controller{env: env, render: render, selected: epic.KillTypes[0]}
	c.session = newSession(env.Store, env.AfterPaint)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.show()
	return c
}

// Select shows the description of the chosen kill type and drops a pending
// confirmation, which was for another type.
func (c *Controller) Select(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	kt, err := epic.ParseKillType(name)
	if err != nil {
		c.fail(err)
		c.show()
		return
	}
	c.selected, c.picked = kt, true
	c.session.saveKillType(kt.Name)
	if c.confirming.Name != "" && c.confirming.Name != kt.Name {
		c.endConfirm("")
	}
	c.show()
}

// Cancel drops a pending confirmation; nothing is sent. Escape does the same.
func (c *Controller) Cancel() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.confirmPending() {
		return
	}
	focus := "kill"
	if c.confirmRevoke != nil {
		focus = "saved-logins"
	}
	c.endConfirm(focus)
	c.setResult(explain.OutcomeNone, messages.Of(messages.Cancelled))
	c.session.clearOutcome() // what the next popup shows is this: nothing
	c.show()
}

func (c *Controller) endConfirm(focus string) {
	c.confirming, c.confirmRevoke, c.confirmFor, c.confirmReady = epic.KillType{}, nil, nil, false
	c.view.Focus = focus
}

// confirmPending is true while a kill or a revoke waits for Confirm.
func (c *Controller) confirmPending() bool {
	return c.confirming.Name != "" || c.confirmRevoke != nil
}

// setHeld makes h the token held. A confirmation pending for the token held
// before ends: it confirmed a kill with that token, not with h.
func (c *Controller) setHeld(h *heldToken) {
	if c.confirmPending() && c.confirmFor != h {
		c.endConfirm("")
	}
	if h != c.held {
		// Another token may be of another account: its list is asked
		// for afresh, at once if the section is open.
		c.logins = loginsState{open: c.logins.open, wanted: c.logins.open}
	}
	c.held = h
}

// setResult fills the result region and drops the details of an earlier answer.
func (c *Controller) setResult(o explain.Outcome, message messages.Message, advice ...messages.Message) {
	c.setResultOf(o, []messages.Message{message}, advice)
}

// setResultOf is setResult with a result of several sentences.
func (c *Controller) setResultOf(o explain.Outcome, result, advice []messages.Message) {
	c.view.Outcome, c.view.Message, c.view.Advice = o, c.say(result...), c.say(advice...)
	c.view.GrantAccess = false
	c.details, c.view.CopyStatus = "", ""
}

// clearResult empties the result region.
func (c *Controller) clearResult() {
	c.setResult(explain.OutcomeNone, messages.Message{})
}

// say renders msgs in the popup's language, as one paragraph.
func (c *Controller) say(msgs ...messages.Message) string {
	var shown []messages.Message
	for _, m := range msgs {
		if m.Key != "" {
			shown = append(shown, m)
		}
	}
	return messages.Join(c.env.Text, shown)
}

// fail shows an input error: one sentence, nothing sent.
func (c *Controller) fail(err error) {
	c.setResult(explain.OutcomeError, explain.InputError(err))
}

// EpicSignOutPage is Epic's own Sign out everywhere, under Password and
// security in the account settings: the way out for a token that may use
// no kill type.
const EpicSignOutPage = "https://www.epicgames.com/account/password"

// show renders the current view with the parts that follow from the state;
// one-off requests (focus, clearing the field) are used once.
func (c *Controller) show() {
	c.listWanted()
	v := c.view
	now := c.env.Now()
	waiting := now.Before(c.throttledUntil)
	v.InputsEnabled = !c.busy
	v.KillThisEnabled = v.InputsEnabled && !c.confirmPending() && !waiting
	v.KillEnabled = v.KillThisEnabled
	v.KillLabel = c.say(messages.Of(messages.KillButton))
	if waiting {
		v.Countdown = c.say(messages.Of(messages.Countdown, "wait", messages.Wait(c.throttledUntil.Sub(now))))
	}
	checks := c.checks()
	v.Options = make([]Option, len(epic.KillTypes))
	for i, kt := range epic.KillTypes {
		o := Option{Name: kt.Name, Label: c.say(messages.KillTypeLabel(kt.Name))}
		if checks != nil && checks[i].Verdict == epic.VerdictNotAllowed {
			o.Blocked = true
			o.Label = c.say(messages.Of(messages.KillTypeNotAllowed, "label", messages.KillTypeLabel(kt.Name)))
		}
		v.Options[i] = o
	}
	if checks != nil && len(c.usable()) == 0 {
		// Kill sessions would only be refused: not offered as if it worked.
		v.NoKill = c.say(messages.Of(messages.NoKillUsable))
		v.KillEnabled = false
	}
	v.Selected = c.selected.Name
	v.Description = c.say(messages.KillTypeDescription(c.selected.Name))
	missing, blocked := c.blocked(c.selected)
	v.Blocked = blocked
	v.EpicName = c.say(EpicName(c.selected, missing, blocked))
	if c.selected.EndsCurrentSession {
		v.Warning = c.say(messages.Of(messages.KillTypeWarning))
	}
	if kt := c.confirming; kt.Name != "" {
		v.Confirming, v.ConfirmFor, v.ConfirmReady = true, kt.Name, c.confirmReady
		v.ConfirmText = c.say(c.confirmText(kt, now))
		v.ConfirmButton = c.say(messages.KillTypeConfirm(kt.Name))
	}
	if logins := c.confirmRevoke; logins != nil {
		v.Confirming, v.ConfirmReady = true, c.confirmReady
		text, button := c.revokeText(logins, now)
		v.ConfirmText, v.ConfirmButton = c.say(text), c.say(button)
		ids := make([]string, len(logins))
		for i, d := range logins {
			ids[i] = d.DeviceID
		}
		v.ConfirmLogins = strings.Join(ids, " ")
	}
	v.TokenHeld = c.held != nil
	if c.held != nil {
		v.TokenPlaceholder = c.say(messages.Of(messages.TokenPlaceholder))
		v.TokenSummary = c.say(c.held.summary(now))
		v.TokenFacts = c.held.facts(now, c.env.Text)
	}
	v.Details = c.details
	c.loginsView(&v, now, waiting)
	c.historyView(&v)
	c.render(v)
	c.shown, c.shownHeld, c.leaving = v, c.held, false
	c.view.Focus = ""
	c.view.ClearToken = false
}

// showLeaving draws a kill on its way, when no verify kept it waiting and
// the view shown last is still right but for its result: only the outcome
// shown before is taken away, so that the answer, which often comes within
// milliseconds, is what the person sees next. The pending view waits for
// AnswerGrace (showBusy). Called with c.mu held.
func (c *Controller) showLeaving() {
	c.leaving = true
	if c.shown.Outcome == explain.OutcomeNone && c.shown.Message == "" && c.shown.Advice == "" && c.shown.Details == "" {
		return
	}
	v := c.shown
	v.Outcome, v.Message, v.Advice, v.Details = explain.OutcomeNone, "", "", ""
	v.GrantAccess, v.CopyStatus = false, ""
	v.Focus, v.ClearToken = "", false
	v.Leaving = true
	c.render(v)
	c.shown = v
}

// showAnswered draws the answer to a kill. When nothing was drawn for the
// kill since its click (leaving), the answer changes only the result
// region, the history and the focus: those are drawn on the view shown
// before, since deriving the rest again would hold the outcome back. An
// answer that changes more (a wait Epic asks for, a token Epic says is
// dead) is drawn whole, as is one that came after the pending view.
// Called with c.mu held.
func (c *Controller) showAnswered() {
	if !c.leaving || c.held != c.shownHeld || c.confirmPending() || c.env.Now().Before(c.throttledUntil) ||
		c.view.ClearToken || c.view.TokenStatus != c.shown.TokenStatus || c.view.SignInLink != c.shown.SignInLink {
		c.show()
		return
	}
	v := c.shown
	c.putResult(&v)
	v.Focus, v.HistoryTitle = c.view.Focus, c.view.HistoryTitle
	c.historyView(&v)
	c.render(v)
	c.shown, c.leaving = v, false
	c.view.Focus = ""
}

// showBusy draws a kill that waits for Epic's answer: the result region and
// the controls held back, on the view shown last, since nothing else
// follows from a kill leaving; deriving the rest again would take the
// page's main thread while the answer may be on its way. It falls back to
// show when the view shown last was for another token or a confirmation.
// Called with c.mu held.
func (c *Controller) showBusy() {
	if c.held != c.shownHeld || c.shown.Confirming || !c.busy {
		c.show()
		return
	}
	v := c.shown
	c.putResult(&v)
	v.InputsEnabled, v.KillEnabled, v.KillThisEnabled = false, false, false
	v.RevokeEnabled, v.ListEnabled = false, false
	v.Focus, v.ClearToken = "", false
	c.render(v)
	c.shown, c.leaving = v, false
}

// putResult puts the result region in v, as show does.
func (c *Controller) putResult(v *View) {
	v.Outcome, v.Message, v.Advice = c.view.Outcome, c.view.Message, c.view.Advice
	v.GrantAccess, v.CopyStatus, v.Details = c.view.GrantAccess, c.view.CopyStatus, c.details
	v.Leaving = false
}

// historyView puts the history and its title in v.
func (c *Controller) historyView(v *View) {
	v.History = c.historyLines()
	if len(v.History) > 0 {
		v.HistoryTitle = c.say(messages.Of(messages.HistoryTitle, "count", len(v.History)))
	}
}

// confirmText states exactly what the kill waiting for Confirm ends.
func (c *Controller) confirmText(kt epic.KillType, now time.Time) messages.Message {
	if kt.Name == epic.OwnSession.Name {
		if c.held == nil || !c.held.summed() {
			return messages.Of(messages.ConfirmOwnUnknown)
		}
		return messages.Of(messages.ConfirmOwnSession, "token", c.held.summary(now))
	}
	return messages.Of(messages.ConfirmKillType, "label", messages.KillTypeLabel(kt.Name), "description", messages.KillTypeDescription(kt.Name))
}

// EpicName gives Epic's name for kt, as the popup shows it in small print
// under the kill type; blocked adds that the token lacks missing, Epic's
// permission for it.
func EpicName(kt epic.KillType, missing epic.Permission, blocked bool) messages.Message {
	if blocked {
		return messages.Of(messages.EpicNameLacking, "killType", kt.Name, "permissions", permissionText(missing))
	}
	return messages.Of(messages.EpicName, "killType", kt.Name)
}

func permissionText(p epic.Permission) messages.Message {
	holder := messages.PermissionOfAccount
	if p.Holder == epic.HolderClient {
		holder = messages.PermissionOfClient
	}
	return messages.Of(holder, "permission", p.String())
}
