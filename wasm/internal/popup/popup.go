// Package popup decides what the popup shows and when it may send a kill. It
// is plain Go: the ui package feeds it the user's actions and renders the View
// it produces, so every rule here is tested natively.
package popup

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
)

// DefaultTimeout bounds one kill request; after it the request is aborted.
const DefaultTimeout = 15 * time.Second

// Outcome is the result region's data-outcome attribute.
type Outcome string

const (
	OutcomeNone    Outcome = ""
	OutcomePending Outcome = "pending"
	OutcomeSuccess Outcome = "success"
	OutcomeError   Outcome = "error"
)

// View is everything the popup shows. Rendering it must not call back into
// the Controller.
type View struct {
	// InputsEnabled enables the token field and the kill type select.
	InputsEnabled bool
	KillEnabled   bool
	// Selected is the chosen kill type's name.
	Selected string
	// Description and Permission explain the chosen kill type.
	Description string
	Permission  string
	// Confirming shows the confirmation step with ConfirmText.
	Confirming  bool
	ConfirmText string
	Outcome     Outcome
	Message     string
	// Focus names the control to focus after this render: "confirm", "kill" or "".
	Focus string
}

// Form is what the user entered when they clicked.
type Form struct {
	Token    string
	KillType string
}

// Killer sends a kill; *epic.Client is the real one.
type Killer interface {
	Kill(ctx context.Context, token, killType string) error
}

// Controller holds the popup's state. Its methods are called from event
// listeners and return at once: the request runs in its own goroutine.
type Controller struct {
	killer  Killer
	render  func(View)
	timeout time.Duration

	mu sync.Mutex
	// view is what is shown, but for the parts show derives from the state below.
	view View
	// sending is true while a request runs; nothing else may be sent then.
	sending bool
	// confirming is the kill type waiting for Confirm; its Name is "" when none is.
	confirming epic.KillType
}

// New returns a controller that shows the first kill type and renders at once.
func New(killer Killer, render func(View)) *Controller {
	c := &Controller{killer: killer, render: render, timeout: DefaultTimeout}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.describe(epic.KillTypes[0])
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
	c.describe(kt)
	if c.confirming.Name != "" && c.confirming.Name != kt.Name {
		c.endConfirm("")
	}
	c.show()
}

// Kill checks the form and sends the kill, or first asks for confirmation
// when the kill type also ends the current session. While a request runs or a
// confirmation waits, it does nothing.
func (c *Controller) Kill(f Form) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sending || c.confirming.Name != "" {
		return
	}
	kt, token, err := check(f)
	if err != nil {
		c.fail(err)
		c.show()
		return
	}
	if kt.EndsCurrentSession {
		c.confirming = kt
		c.view.Outcome, c.view.Message = OutcomeNone, ""
		c.view.Focus = "confirm"
		c.show()
		return
	}
	c.start(kt, token)
}

// Confirm sends the kill that waits for confirmation.
func (c *Controller) Confirm(f Form) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sending || c.confirming.Name == "" {
		return
	}
	kt, token, err := check(f)
	if err != nil || kt.Name != c.confirming.Name {
		c.endConfirm("kill")
		if err != nil {
			c.fail(err)
		}
		c.show()
		return
	}
	c.endConfirm("")
	c.start(kt, token)
}

// Cancel drops a pending confirmation; nothing is sent.
func (c *Controller) Cancel() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.confirming.Name == "" {
		return
	}
	c.endConfirm("kill")
	c.view.Outcome, c.view.Message = OutcomeNone, "Cancelled: nothing was sent."
	c.show()
}

func check(f Form) (epic.KillType, string, error) {
	kt, err := epic.ParseKillType(f.KillType)
	if err != nil {
		return kt, "", err
	}
	token, err := epic.NormalizeToken(f.Token)
	return kt, token, err
}

// start marks the request as running and sends it from a goroutine, so the
// event listener that called it returns at once. Called with c.mu held.
func (c *Controller) start(kt epic.KillType, token string) {
	c.sending = true
	c.view.Outcome, c.view.Message = OutcomePending, "Asking Epic to sign out ("+kt.Name+")…"
	c.show()
	go c.send(kt, token)
}

func (c *Controller) send(kt epic.KillType, token string) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	err := c.killer.Kill(ctx, token, kt.Name)

	c.mu.Lock()
	defer c.mu.Unlock()
	c.sending = false
	// Disabling the focused button dropped the focus; give it back to a
	// keyboard user where they left it.
	c.view.Focus = "kill"
	switch {
	case err == nil:
		c.view.Outcome = OutcomeSuccess
		c.view.Message = "204: " + kt.Done
		if kt.EndsCurrentSession {
			c.view.Message += " Paste a new token to do more."
		}
	case errors.Is(err, context.DeadlineExceeded):
		c.view.Outcome = OutcomeError
		c.view.Message = "Epic did not answer within " + c.timeout.String() +
			", so the request was stopped; the sessions may or may not have been signed out."
	default:
		c.fail(err)
	}
	c.show()
}

func (c *Controller) describe(kt epic.KillType) {
	c.view.Selected = kt.Name
	c.view.Description = kt.Description
	c.view.Permission = PermissionText(kt)
}

// PermissionText names the permissions Epic checks for kt, as the popup
// shows them under the kill type.
func PermissionText(kt epic.KillType) string {
	perms := make([]string, len(kt.Permissions))
	for i, p := range kt.Permissions {
		perms[i] = p.String() + " (" + strings.ToLower(p.Holder) + ")"
	}
	return "Epic permission: " + strings.Join(perms, "; ")
}

func (c *Controller) endConfirm(focus string) {
	c.confirming = epic.KillType{}
	c.view.Focus = focus
}

func (c *Controller) fail(err error) {
	c.view.Outcome, c.view.Message = OutcomeError, Sentence(err.Error())
}

// show renders the current view with the parts that follow from the state;
// a focus request is used once.
func (c *Controller) show() {
	v := c.view
	v.InputsEnabled = !c.sending
	v.KillEnabled = !c.sending && c.confirming.Name == ""
	if kt := c.confirming; kt.Name != "" {
		v.Confirming = true
		v.ConfirmText = kt.Name + ": " + kt.Description + " The token in this popup stops working too."
	}
	c.render(v)
	c.view.Focus = ""
}

// Sentence turns a Go error text into a sentence: capital first letter,
// closing full stop.
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.ContainsAny(s[len(s)-1:], ".!?…") {
		s += "."
	}
	return s
}
