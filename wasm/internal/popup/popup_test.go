package popup

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

const token = "065981d58ba642e7ac6ef7d6c4ed15b2"

// call is one request the popup made of Epic.
type call struct{ Op, Token, KillType string }

// fakeEpic records every request and answers with the functions set,
// which may block; nil answers succeed.
type fakeEpic struct {
	mu          sync.Mutex
	calls       []call
	kill        func(ctx context.Context) error
	killSession func(ctx context.Context) error
	verify      func(ctx context.Context) (*epic.VerifiedToken, error)
	// deviceAuths answers the list; nil lists none. deleteDeviceAuth
	// answers a revoke of the device id; nil revokes it.
	deviceAuths      func(ctx context.Context) (epic.DeviceAuthList, error)
	deleteDeviceAuth func(ctx context.Context, deviceID string) error
}

func (e *fakeEpic) record(c call) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls = append(e.calls, c)
}

// waitForKill waits until a kill or single-session kill has been sent.
func (e *fakeEpic) waitForKill(t *testing.T) {
	t.Helper()
	require.Eventually(t, func() bool {
		e.mu.Lock()
		defer e.mu.Unlock()
		return slices.ContainsFunc(e.calls, func(c call) bool { return c.Op == "kill" || c.Op == "killSession" })
	}, time.Second, time.Millisecond, "no kill was sent")
}

func (e *fakeEpic) Kill(ctx context.Context, token, killType string) error {
	e.record(call{"kill", token, killType})
	if e.kill == nil {
		return nil
	}
	return e.kill(ctx)
}

func (e *fakeEpic) KillSession(ctx context.Context, token string) error {
	e.record(call{"killSession", token, ""})
	if e.killSession == nil {
		return nil
	}
	return e.killSession(ctx)
}

func (e *fakeEpic) Verify(ctx context.Context, token string) (*epic.VerifiedToken, error) {
	e.record(call{"verify", token, ""})
	if e.verify == nil {
		return nil, &epic.TransportError{Err: errors.New("verify not scripted")}
	}
	return e.verify(ctx)
}

func (e *fakeEpic) DeviceAuths(ctx context.Context, token, accountID string) (epic.DeviceAuthList, error) {
	e.record(call{"deviceAuths", token, accountID})
	if e.deviceAuths == nil {
		return epic.DeviceAuthList{Items: []epic.DeviceAuth{}}, nil
	}
	return e.deviceAuths(ctx)
}

func (e *fakeEpic) DeleteDeviceAuth(ctx context.Context, token, accountID, deviceID string) error {
	e.record(call{"deleteDeviceAuth", token, deviceID})
	if e.deleteDeviceAuth == nil {
		return nil
	}
	return e.deleteDeviceAuth(ctx, deviceID)
}

// sent returns the requests of op ("" for all).
func (e *fakeEpic) sent(op string) []call {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []call
	for _, c := range e.calls {
		if op == "" || c.Op == op {
			out = append(out, c)
		}
	}
	return out
}

// fakeBrowser answers as the test says and records what was asked.
type fakeBrowser struct {
	mu             sync.Mutex
	offline        bool
	accessRevoked  bool
	refuseSignIn   bool
	cookies        map[string]string // name → value
	copied         []string
	signInRequests int
	// signInHeld is whether the sign-in access is granted now; the
	// cookies can be read only then.
	signInHeld bool
}

func (b *fakeBrowser) Online() bool { return !b.offline }

// blocks answers a request as the browser does when it may not reach Epic:
// it stops the request before it leaves, and fetch fails.
func (b *fakeBrowser) blocks() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.accessRevoked
}
func (b *fakeBrowser) HostAccess() (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.accessRevoked, nil
}
func (b *fakeBrowser) RequestHostAccess() func() (bool, error) {
	return func() (bool, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.accessRevoked = false
		return true, nil
	}
}
func (b *fakeBrowser) RequestSignInAccess() func() (bool, error) {
	b.mu.Lock()
	b.signInRequests++
	b.mu.Unlock()
	return func() (bool, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.signInHeld = !b.refuseSignIn
		return b.signInHeld, nil
	}
}
func (b *fakeBrowser) ReleaseSignInAccess() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.signInHeld = false
	return nil
}
func (b *fakeBrowser) holdsSignInAccess() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.signInHeld
}
func (b *fakeBrowser) Cookie(url, name string) (string, bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.signInHeld {
		return "", false, errors.New("the browser does not offer cookies to this extension")
	}
	v, ok := b.cookies[name]
	return v, ok, nil
}
func (b *fakeBrowser) Copy(text string) func() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.copied = append(b.copied, text)
	return func() error { return nil }
}

// memStore is storage.session in memory.
type memStore struct {
	mu     sync.Mutex
	values map[string]string
	// written is every key ever set.
	written []string
}

func newStore() *memStore { return &memStore{values: map[string]string{}} }

func (s *memStore) Load(keys ...string) (map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	for _, k := range keys {
		if v, ok := s.values[k]; ok {
			out[k] = v
		}
	}
	return out, nil
}
func (s *memStore) Set(key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.values[key] = value
	s.written = append(s.written, key)
	return nil
}

func (s *memStore) everWritten(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.written, key)
}
func (s *memStore) Remove(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.values, key)
	return nil
}

// all is every stored value, to look for the token where it must not be.
func (s *memStore) all() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	for k, v := range s.values {
		out[k] = v
	}
	return out
}

// clock is a settable time with timers the test fires by moving it on.
type clock struct {
	mu     sync.Mutex
	now    time.Time
	timers []timer
}

type timer struct {
	due time.Time
	f   func()
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) After(d time.Duration, f func()) func() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.timers = append(c.timers, timer{c.now.Add(d), f})
	return func() {}
}

// advance moves time on and fires the timers that are due by then.
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []func()
	kept := c.timers[:0]
	for _, t := range c.timers {
		if t.due.After(c.now) {
			kept = append(kept, t)
		} else {
			due = append(due, t.f)
		}
	}
	c.timers = kept
	c.mu.Unlock()
	for _, f := range due {
		f()
	}
}

// screen keeps every view rendered, like the DOM would show the last one.
type screen struct {
	mu      sync.Mutex
	views   []View
	changed chan struct{}
}

func newScreen() *screen { return &screen{changed: make(chan struct{}, 1000)} }

func (s *screen) render(v View) {
	s.mu.Lock()
	s.views = append(s.views, v)
	s.mu.Unlock()
	s.changed <- struct{}{}
}

func (s *screen) last() View {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.views[len(s.views)-1]
}

// waitUntil waits until the last view satisfies ok.
func (s *screen) waitUntil(t *testing.T, what string, ok func(View) bool) View {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		if v := s.last(); ok(v) {
			return v
		}
		select {
		case <-s.changed:
		case <-deadline:
			t.Fatalf("never shown: %s; last view %+v", what, s.last())
		}
	}
}

func (s *screen) waitFor(t *testing.T, want explain.Outcome) View {
	t.Helper()
	return s.waitUntil(t, "outcome "+string(want), func(v View) bool { return v.Outcome == want })
}

// waitUntilAnswered waits until the kill that runs is over and its outcome
// shown: the controller is busy from the click until then.
func (p *popup) waitUntilAnswered(t *testing.T) {
	t.Helper()
	require.Eventually(t, func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return !p.busy
	}, 5*time.Second, time.Millisecond, "the kill was never answered")
}

// popup is a controller with fakes around it.
type popup struct {
	*Controller
	epic    *fakeEpic
	browser *fakeBrowser
	store   *memStore
	clock   *clock
	screen  *screen
}

var start = time.Date(2026, 11, 27, 20, 0, 0, 0, time.UTC)

func open(t *testing.T, e *fakeEpic) *popup {
	return openWith(t, e, &fakeBrowser{}, newStore(), &clock{now: start})
}

func openWith(t *testing.T, e *fakeEpic, b *fakeBrowser, store *memStore, clk *clock) *popup {
	t.Helper()
	p := &popup{epic: e, browser: b, store: store, clock: clk, screen: newScreen()}
	p.Controller = New(Env{Epic: e, Browser: b, Store: store, Now: clk.Now, After: clk.After, Timeout: 20 * time.Millisecond}, p.screen.render)
	p.Restore()
	p.waitRestored(t)
	t.Cleanup(p.Close)
	return p
}

func (p *popup) waitRestored(t *testing.T) {
	t.Helper()
	require.Eventually(t, func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.restoring == nil
	}, 5*time.Second, time.Millisecond, "Restore never ended")
}

// verified answers verify as Epic would for an account token with perms.
func verified(perms ...epic.GrantedPermission) func(context.Context) (*epic.VerifiedToken, error) {
	return func(context.Context) (*epic.VerifiedToken, error) {
		return &epic.VerifiedToken{
			ClientID: "ec684b8c687f479fadea3cb2ad83f5c6", ClientService: "fortnite", AccountID: "acc0123456789",
			DisplayName: "Verified Player", AuthMethod: "exchange_code", ExpiresAt: start.Add(2 * time.Hour), Perms: perms,
		}, nil
	}
}

// English renders m as the popup shows it.
func English(m messages.Message) string { return messages.English.Text(m) }

// threeDigits is a number of three digits or more: an HTTP status or an
// Epic error number, which no sentence of the popup's own holds.
var threeDigits = regexp.MustCompile(`[0-9]{3,}`)

// assertNoReference checks that what the live region announces (the result
// and the advice) and the token's status carry no HTTP status and none of
// Epic's error codes: the details and the history hold those.
func assertNoReference(t *testing.T, v View) {
	t.Helper()
	for name, s := range map[string]string{"message": v.Message, "advice": v.Advice, "token status": v.TokenStatus} {
		assert.NotContains(t, s, "HTTP", name)
		assert.NotContains(t, s, "errors.com", name)
		assert.NotRegexp(t, threeDigits, s, name)
	}
}

// onlyAccountClient grants exactly what OTHERS_ACCOUNT_CLIENT needs.
var onlyAccountClient = epic.GrantedPermission{Resource: "account:token:otherSessionsForAccountClient", Action: epic.ActionDelete}

func TestNewShowsTheFirstKillTypeReadyToUse(t *testing.T) {
	p := open(t, &fakeEpic{})
	v := p.screen.last()
	assert.True(t, v.InputsEnabled)
	assert.True(t, v.KillEnabled)
	assert.Equal(t, "Kill sessions", v.KillLabel)
	assert.Equal(t, "OTHERS_ACCOUNT_CLIENT_SERVICE", v.Selected)
	require.Len(t, v.Options, len(epic.KillTypes))
	labels := []string{"Other logins of this app", "Other logins, all services", "Other logins, same source",
		"Everywhere else", "Everywhere, including here", "This app, including here"}
	for i, kt := range epic.KillTypes {
		assert.Equal(t, Option{Name: kt.Name, Label: labels[i]}, v.Options[i], "nothing is marked without a token")
	}
	assert.Equal(t, "Your other logins of the app this token is from, such as Fortnite on your other devices. Keeps this one.", v.Description)
	assert.Equal(t, "Epic's name: OTHERS_ACCOUNT_CLIENT_SERVICE", v.EpicName)
	assert.False(t, v.Blocked)
	assert.Empty(t, v.Warning)
	assert.Empty(t, v.NoKill)
	assert.Empty(t, v.Countdown)
	assert.Equal(t, explain.OutcomeNone, v.Outcome)
	assert.False(t, v.TokenHeld)
	assert.Empty(t, v.TokenSummary)
	assert.Empty(t, v.History)
	assert.Empty(t, v.HistoryTitle)
}

func TestSelectShowsTheChosenTypesDescription(t *testing.T) {
	p := open(t, &fakeEpic{})
	p.Select("OTHERS")
	v := p.screen.last()
	assert.Equal(t, "OTHERS", v.Selected)
	assert.Equal(t, "Every other login of your account, in every app and on every device. Keeps this one.", v.Description)
	assert.Equal(t, "Epic's name: OTHERS", v.EpicName)
	assert.Empty(t, v.Warning, "keeps this one")
}

func TestKillOutcomes(t *testing.T) {
	tests := []struct {
		name        string
		killType    string
		browser     *fakeBrowser
		answer      func(context.Context) error
		wantOutcome explain.Outcome
		wantMessage []string
		wantAdvice  string
		wantDetails []string
		wantSent    int
		wantGrant   bool
	}{
		{
			name: "204", killType: "OTHERS_ACCOUNT_CLIENT",
			wantOutcome: explain.OutcomeSuccess, wantMessage: []string{"Your other logins of this app were signed out, in every service."},
			wantAdvice: "This token still works.", wantDetails: []string{"HTTP status: 204"}, wantSent: 1,
		},
		{
			name: "missing permission: status and code in the details", killType: "OTHERS",
			answer: func(context.Context) error {
				return &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023,
					ErrorMessage: "Sorry your login does not posses the permissions 'account:token:otherSessionsForClient DELETE' needed to perform the requested operation",
					MessageVars:  []string{"account:token:otherSessionsForClient", "DELETE"}}
			},
			wantOutcome: explain.OutcomeError,
			wantMessage: []string{"This token is not allowed to sign out “Everywhere else”."},
			wantAdvice:  "Nothing was signed out.", wantSent: 1,
			wantDetails: []string{"HTTP status: 403", "errorCode: errors.com.epicgames.common.missing_permission", "numericErrorCode: 1023",
				"account:token:otherSessionsForClient DELETE"},
		},
		{
			name: "no answer in time", killType: "OTHERS",
			answer: func(ctx context.Context) error {
				<-ctx.Done()
				return &epic.TransportError{Err: ctx.Err()}
			},
			wantOutcome: explain.OutcomeError, wantMessage: []string{"Epic did not answer within"},
			wantAdvice: "may or may not have been signed out", wantSent: 1,
		},
		{
			name: "unreachable", killType: "OTHERS",
			answer: func(context.Context) error {
				return &epic.TransportError{Err: errors.New("net/http: fetch() failed: Failed to fetch")}
			},
			wantOutcome: explain.OutcomeError, wantMessage: []string{"Could not reach Epic."}, wantAdvice: "internet connection", wantSent: 1,
		},
		{
			name: "offline: nothing is sent", killType: "OTHERS", browser: &fakeBrowser{offline: true},
			wantOutcome: explain.OutcomeError, wantMessage: []string{"You are offline."}, wantAdvice: "Nothing was sent.",
		},
		{
			name: "host access withdrawn: the browser stops the request", killType: "OTHERS", browser: &fakeBrowser{accessRevoked: true},
			answer: func(context.Context) error {
				return &epic.TransportError{Err: errors.New("net/http: fetch() failed: NetworkError when attempting to fetch resource.")}
			},
			wantOutcome: explain.OutcomeError, wantMessage: []string{"may no longer contact Epic"}, wantAdvice: "Grant the access again",
			wantGrant: true, wantSent: 1,
		},
		{
			name: "unreachable with host access held", killType: "OTHERS",
			answer: func(context.Context) error {
				return &epic.TransportError{Err: errors.New("net/http: fetch() failed: NetworkError when attempting to fetch resource.")}
			},
			wantOutcome: explain.OutcomeError, wantMessage: []string{"Could not reach Epic."}, wantSent: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{kill: tt.answer}
			b := tt.browser
			if b == nil {
				b = &fakeBrowser{}
			}
			p := openWith(t, e, b, newStore(), &clock{now: start})

			p.Kill(Form{Token: " bearer " + token, KillType: tt.killType})

			v := p.screen.waitFor(t, tt.wantOutcome)
			for _, want := range tt.wantMessage {
				assert.Contains(t, v.Message, want)
			}
			assert.Contains(t, v.Advice, tt.wantAdvice)
			for _, want := range tt.wantDetails {
				assert.Contains(t, v.Details, want)
			}
			assertNoReference(t, v)
			assert.NotContains(t, v.Message+v.Advice+v.Details, token, "the token is never shown")
			assert.True(t, v.KillEnabled, "the kill button is usable again")
			assert.True(t, v.InputsEnabled)
			assert.Equal(t, "kill", v.Focus, "focus returns to the kill button")
			assert.Len(t, e.sent("kill"), tt.wantSent)
			for _, c := range e.sent("kill") {
				assert.Equal(t, call{"kill", token, tt.killType}, c)
			}
			assert.Equal(t, tt.wantGrant, v.GrantAccess, "access can be granted again")
		})
	}
}

// The pending view is drawn on the view shown last instead of derived
// again (showBusy): it must be the view that show derives, whatever the
// popup showed before the click.
func TestThePendingViewIsTheViewShowDerives(t *testing.T) {
	failed := &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true,
		ErrorCode: "errors.com.epicgames.common.missing_permission"}
	tests := []struct {
		name string
		// first is what the popup shows before the click; answers lists
		// the answers to the kills sent before the one that waits.
		first   func(t *testing.T, p *popup)
		answers []error
		kill    func(t *testing.T, p *popup)
	}{
		{"token verified, with its facts", func(t *testing.T, p *popup) {
			p.TakeToken(token)
			p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
			require.NotEmpty(t, p.screen.last().TokenFacts)
		}, nil, func(t *testing.T, p *popup) { p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"}) }},
		{"after a refusal, with advice, details and a history", func(t *testing.T, p *popup) {
			p.Kill(Form{Token: token, KillType: "OTHERS"})
			v := p.screen.waitFor(t, explain.OutcomeError)
			require.NotEmpty(t, v.Details)
			require.NotEmpty(t, v.History)
		}, []error{failed}, func(t *testing.T, p *popup) { p.Kill(Form{KillType: "OTHERS"}) }},
		{"a confirmed kill, whose confirmation closes", func(t *testing.T, p *popup) {
			p.TakeToken(token)
			p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
			p.Select("ALL")
			p.Kill(Form{KillType: "ALL"})
			require.True(t, p.screen.last().Confirming)
		}, nil, func(t *testing.T, p *popup) { p.confirmAfterGuard(t, Form{KillType: "ALL"}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			answers := tt.answers
			e := &fakeEpic{verify: verified(), kill: func(context.Context) error {
				if len(answers) > 0 {
					err := answers[0]
					answers = answers[1:]
					return err
				}
				<-release
				return nil
			}}
			e.killSession = e.kill
			p := open(t, e)
			tt.first(t, p)

			tt.kill(t, p)
			// The kill that waits has left, so its timer is set.
			require.Eventually(t, func() bool { return len(e.sent("kill"))+len(e.sent("killSession")) > len(tt.answers) },
				time.Second, time.Millisecond)
			p.clock.advance(AnswerGrace)
			pending := p.screen.waitFor(t, explain.OutcomePending)
			p.mu.Lock()
			p.show()
			p.mu.Unlock()
			assert.Equal(t, p.screen.last(), pending)
			close(release)
			p.screen.waitFor(t, explain.OutcomeSuccess)
		})
	}
}

// An answer within AnswerGrace is drawn without a pending view first: the
// click only takes away the outcome shown before, and the answer is what
// is drawn next. One that takes longer gets the pending view.
func TestAQuickAnswerIsDrawnWithoutAPendingView(t *testing.T) {
	refused := &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true,
		ErrorCode: "errors.com.epicgames.common.missing_permission"}
	tests := []struct {
		name string
		// before is the outcome shown before the click: a kill refused
		// first, or none.
		before bool
		// late answers only after AnswerGrace.
		late bool
	}{
		{"nothing shown before", false, false},
		{"an outcome shown before", true, false},
		{"a late answer", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			refuse := tt.before
			e := &fakeEpic{verify: verified(), kill: func(context.Context) error {
				if refuse {
					refuse = false
					return refused
				}
				<-release
				return nil
			}}
			p := open(t, e)
			p.TakeToken(token)
			p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
			if tt.before {
				p.Kill(Form{KillType: "OTHERS"})
				p.screen.waitFor(t, explain.OutcomeError)
			}
			p.screen.mu.Lock()
			shownBefore := len(p.screen.views)
			p.screen.mu.Unlock()

			p.Kill(Form{KillType: "OTHERS"})
			require.Eventually(t, func() bool { return len(e.sent("kill")) == map[bool]int{false: 1, true: 2}[tt.before] },
				time.Second, time.Millisecond)
			sending := p.screen.waitUntil(t, "the outcome shown before taken away", func(v View) bool {
				return v.Outcome == explain.OutcomeNone && v.Message+v.Advice+v.Details == ""
			})
			assert.True(t, sending.KillEnabled && sending.InputsEnabled, "the controls are drawn off before AnswerGrace")
			assert.Equal(t, tt.before, sending.Leaving, "whether the renderer is asked to keep the place of an outcome leaving")
			if tt.late {
				p.clock.advance(AnswerGrace)
				v := p.screen.waitFor(t, explain.OutcomePending)
				assert.False(t, v.KillEnabled || v.InputsEnabled, "the controls are on while the kill runs")
			}
			close(release)
			p.screen.waitFor(t, explain.OutcomeSuccess)

			p.screen.mu.Lock()
			defer p.screen.mu.Unlock()
			pending := slices.ContainsFunc(p.screen.views[shownBefore:], func(v View) bool { return v.Outcome == explain.OutcomePending })
			assert.Equal(t, tt.late, pending, "whether a pending view was drawn")
			if !tt.before {
				assert.Equal(t, shownBefore+1, len(p.screen.views), "more than the answer was drawn")
			}
		})
	}
}

// An answer within AnswerGrace is drawn on the view shown before the click
// when it changes only the result, the history and the focus
// (showAnswered): it must be the view that show derives, whatever the
// answer and whatever the popup showed.
func TestAQuickAnswerIsTheViewShowDerives(t *testing.T) {
	refused := &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true,
		ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023}
	throttled := &epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true,
		ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041, RetryAfter: 3 * time.Second}
	dead := &epic.APIError{StatusCode: 401, Body: epic.BodyEpicJSON, FromEpic: true,
		ErrorCode: "errors.com.epicgames.common.authentication.token_verification_failed", NumericErrorCode: 1014}
	tests := []struct {
		name   string
		answer error
		// logins lists saved logins and opens their section first;
		// before kills once, refused, first.
		logins, before bool
	}{
		{"success", nil, false, false},
		{"success after a refusal", nil, false, true},
		{"success with the saved logins shown", nil, true, false},
		{"refused", refused, false, true},
		{"no answer", &epic.TransportError{Err: errors.New("connection reset")}, false, false},
		{"a wait", throttled, false, false},
		{"a dead token", dead, false, true},
		{"a wait with the saved logins shown", throttled, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answers := []error{tt.answer}
			if tt.before {
				answers = []error{refused, tt.answer}
			}
			e := &fakeEpic{verify: verifiedAccount(nil), // permissions unknown: nothing is refused before sending
				kill: func(context.Context) error {
					err := answers[0]
					answers = answers[1:]
					return err
				}}
			if tt.logins {
				e.deviceAuths = func(context.Context) (epic.DeviceAuthList, error) { return threeLogins(), nil }
			}
			p := open(t, e)
			p.TakeToken(token)
			p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
			if tt.logins {
				p.ShowSavedLogins(true)
				p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })
			}
			if tt.before {
				p.Kill(Form{KillType: "OTHERS"})
				p.screen.waitFor(t, explain.OutcomeError)
			}

			p.Kill(Form{KillType: "OTHERS"})
			p.waitUntilAnswered(t)
			require.Empty(t, answers, "a kill was not sent")
			answered := p.screen.last()
			require.NotEqual(t, explain.OutcomePending, answered.Outcome)
			p.mu.Lock()
			// Used once, by the draw that follows the answer.
			p.view.Focus, p.view.ClearToken = answered.Focus, answered.ClearToken
			p.show()
			p.mu.Unlock()
			assert.Equal(t, p.screen.last(), answered)
		})
	}
}

func TestWhileSendingTheControlsAreOffAndNothingMoreIsSent(t *testing.T) {
	release := make(chan struct{})
	e := &fakeEpic{kill: func(context.Context) error { <-release; return nil }}
	p := open(t, e)

	p.Kill(Form{Token: token, KillType: "OTHERS"})

	v := p.screen.waitFor(t, explain.OutcomePending)
	assert.False(t, v.KillEnabled)
	assert.False(t, v.InputsEnabled)
	p.Kill(Form{Token: token, KillType: "OTHERS"})
	p.Kill(Form{Token: token, KillType: "OTHERS_ACCOUNT_CLIENT"})
	p.KillThisSession()
	p.Forget()
	close(release)
	p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Len(t, e.sent("kill"), 1)
	assert.Empty(t, e.sent("killSession"))
	assert.True(t, p.screen.last().TokenHeld, "Forget waited too")
}

func TestBadInputShowsOneSentenceAndSendsNothing(t *testing.T) {
	expired := fakeepic.EG1(fakeepic.EG1Claims{AccountID: "acc", ClientID: "c", IssuedAt: start.Add(-9 * time.Hour), ExpiresAt: start.Add(-time.Hour)})
	tests := []struct {
		name string
		form Form
		want string
	}{
		{"empty token", Form{Token: "", KillType: "OTHERS"}, "No access token: paste your current Epic access token."},
		{"token with space", Form{Token: "0659 81d5", KillType: "OTHERS"}, "The access token has spaces or line breaks inside"},
		{"not a token", Form{Token: "hunter2-password", KillType: "OTHERS"}, "This is not an Epic access token"},
		{"unknown kill type", Form{Token: token, KillType: "EVERYONE"}, `Unknown kill type "EVERYONE": choose one of OTHERS_ACCOUNT_CLIENT_SERVICE,`},
		{"bad input for a confirmed type", Form{Token: "", KillType: "ALL"}, "No access token"},
		{"JSON without access_token", Form{Token: `{"token_type":"bearer"}`, KillType: "OTHERS"}, "The pasted JSON has no access_token"},
		{"a refresh token", Form{Token: fakeepic.EG1(fakeepic.EG1Claims{AccountID: "acc", ClientID: "c", Refresh: true}), KillType: "OTHERS"}, "This is a refresh token"},
		{"an expired token", Form{Token: expired, KillType: "OTHERS"}, "The access token expired on 27 Nov 2026 at 19:00 UTC"},
		{"a malformed eg1 token", Form{Token: "eg1~not.a-jwt", KillType: "OTHERS"}, "eg1"},
		{"a permission claim that does not decompress", Form{Token: fakeepic.EG1(fakeepic.EG1Claims{AccountID: "acc", ClientID: "c", RawP: "eNqbroken"}), KillType: "OTHERS"}, "permission"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{}
			p := open(t, e)

			p.Kill(tt.form)

			v := p.screen.last()
			assert.Equal(t, explain.OutcomeError, v.Outcome)
			assert.Contains(t, v.Message, tt.want)
			if len(tt.form.Token) > 8 {
				assert.NotContains(t, v.Message, tt.form.Token, "the input is not quoted")
			}
			assert.False(t, v.Confirming)
			assert.True(t, v.KillEnabled)
			assert.Empty(t, e.sent(""), "nothing is sent, not even verify")
			assert.Empty(t, p.store.all(), "nothing is kept")
		})
	}
}

func TestABadPasteKeepsTheTokenHeldBefore(t *testing.T) {
	e := &fakeEpic{verify: verified(onlyAccountClient)}
	p := open(t, e)
	p.TakeToken(token)
	p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })

	p.TakeToken(`{"refresh_token":"x"}`)

	v := p.screen.last()
	assert.Equal(t, explain.OutcomeError, v.Outcome)
	assert.Contains(t, v.Message, "The token you had before is still used.")
	assert.True(t, v.TokenHeld)
	assert.Contains(t, v.TokenFacts, Fact{"Display name", "Verified Player"})
	p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Equal(t, []call{{"kill", token, "OTHERS_ACCOUNT_CLIENT"}}, e.sent("kill"))
}

func TestAnEG1TokenIsDescribedBeforeAnyAnswer(t *testing.T) {
	hold := make(chan struct{})
	defer close(hold)
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) { <-hold; return nil, errors.New("never") }}
	p := open(t, e)
	eg1 := fakeepic.EG1(fakeepic.EG1Claims{
		AccountID: "acc0123456789", DisplayName: "Pasted Player", ClientID: "ec684b8c687f479fadea3cb2ad83f5c6",
		ClientService: "fortnite", AuthMethod: "exchange_code", IssuedAt: start.Add(-time.Hour), ExpiresAt: start.Add(90 * time.Minute),
		Permissions: []fakeepic.Permission{{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete}},
	})

	p.TakeToken("Bearer " + eg1)

	v := p.screen.last()
	assert.True(t, v.ClearToken, "the field is emptied: the token is held")
	assert.Equal(t, []Fact{
		{"Display name", "Pasted Player"},
		{"Account", "acc0123456789"},
		{"Client", "Fortnite (PC) (ec684b8c687f479fadea3cb2ad83f5c6)"},
		{"Service", "fortnite"},
		{"Signed in with", "exchange_code"},
		{"Time left", "1 h 30 min"},
		{"Source", "pasted, not yet confirmed by Epic"},
	}, v.TokenFacts)
	assert.Equal(t, "Pasted Player · Fortnite (PC) · 1 h 30 min left", v.TokenSummary)
	for i, o := range v.Options {
		assert.Equal(t, epic.KillTypes[i].Name != "OTHERS_ACCOUNT_CLIENT", o.Blocked, "%s is marked from the p claim alone", o.Name)
	}
	assert.Eventually(t, func() bool { return len(e.sent("")) == 1 }, time.Second, time.Millisecond)
	assert.Equal(t, []call{{"verify", eg1, ""}}, e.sent(""), "one verify, nothing else")
}

func TestVerifyAnswerDescribesTheTokenAndThePreCheckBlocks(t *testing.T) {
	e := &fakeEpic{verify: verified(onlyAccountClient)}
	p := open(t, e)

	p.TakeToken(token)

	v := p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
	assert.Contains(t, v.TokenFacts, Fact{"Display name", "Verified Player"})
	assert.Contains(t, v.TokenFacts, Fact{"Client", "Fortnite (PC) (ec684b8c687f479fadea3cb2ad83f5c6)"})
	assert.Contains(t, v.TokenFacts, Fact{"Time left", "2 h 00 min"})
	assert.Contains(t, v.TokenFacts, Fact{"Source", "pasted, confirmed by Epic"})
	assert.Equal(t, "Verified Player · Fortnite (PC) · 2 h 00 min left", v.TokenSummary)
	var usable []string
	for _, o := range v.Options {
		if !o.Blocked {
			usable = append(usable, o.Name)
			assert.Equal(t, "Other logins, all services", o.Label)
		} else {
			assert.Equal(t, English(messages.KillTypeLabel(o.Name))+" (not allowed)", o.Label)
		}
	}
	assert.Equal(t, []string{"OTHERS_ACCOUNT_CLIENT"}, usable)
	assert.True(t, v.Blocked, "the first type is blocked")
	assert.Equal(t, "Epic's name: OTHERS_ACCOUNT_CLIENT_SERVICE. This token lacks account:token:otherSessionsForAccountClientService DELETE (account).", v.EpicName)
	assert.Empty(t, v.NoKill, "one kill type is usable")
	assert.True(t, v.KillEnabled, "Kill sessions explains a blocked type when clicked")

	p.Select("OTHERS")
	p.Kill(Form{KillType: "OTHERS"})

	v = p.screen.last()
	assert.Equal(t, explain.OutcomeError, v.Outcome)
	assert.Equal(t, "This token is not allowed to sign out “Everywhere else”. Nothing was sent.", v.Message)
	assert.Equal(t, "It can sign out “Other logins, all services”.", v.Advice)
	assert.Equal(t, "Epic's name: OTHERS. This token lacks account:token:otherSessionsForAccount DELETE (account).", v.Details,
		"what it lacks, by Epic's names, is in the details")
	assert.Equal(t, "kill-type", v.Focus)
	assert.Empty(t, e.sent("kill"))
}

// A kill clicked while verify still runs waits for its answer, so the
// pre-check still holds.
func TestAKillWaitsForTheVerifyThatRuns(t *testing.T) {
	answer := make(chan struct{})
	e := &fakeEpic{verify: func(ctx context.Context) (*epic.VerifiedToken, error) {
		<-answer
		return verified(onlyAccountClient)(ctx)
	}}
	p := open(t, e)

	p.Kill(Form{Token: token, KillType: "OTHERS"})
	assert.Equal(t, explain.OutcomePending, p.screen.last().Outcome)
	close(answer)

	v := p.screen.waitFor(t, explain.OutcomeError)
	assert.Equal(t, "This token is not allowed to sign out “Everywhere else”. Nothing was sent.", v.Message)
	assert.Empty(t, e.sent("kill"))
	assert.True(t, v.KillEnabled)
}

// TestAKillEndsWithinItsTimeLimitWhileVerifyGetsNoAnswer: a kill that waits
// for a verify that gets no answer (headers and no body, say) ends in the
// timeout outcome, sends nothing, and leaves the popup usable.
func TestAKillEndsWithinItsTimeLimitWhileVerifyGetsNoAnswer(t *testing.T) {
	tests := []struct {
		name   string
		verify func(ctx context.Context) (*epic.VerifiedToken, error)
		// status is what the token status says in the end.
		status string
	}{
		{"verify times out", func(ctx context.Context) (*epic.VerifiedToken, error) {
			<-ctx.Done()
			return nil, &epic.TransportError{Err: ctx.Err()}
		}, "Epic could not confirm the token. Epic did not answer within 1 s. It is kept and can still be used."},
		{"verify never ends", func(ctx context.Context) (*epic.VerifiedToken, error) {
			select {} // a transport that ignores the deadline
		}, "Token taken; asking Epic whose it is…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{verify: tt.verify}
			p := open(t, e)

			p.Kill(Form{Token: token, KillType: "OTHERS_ACCOUNT_CLIENT"})
			assert.Equal(t, explain.OutcomePending, p.screen.last().Outcome)

			v := p.screen.waitFor(t, explain.OutcomeError)
			assert.Equal(t, "Epic did not answer within 1 s.", v.Message)
			assert.Contains(t, v.Advice, "Epic did not confirm the token in time, so no kill was sent.")
			assert.Empty(t, e.sent("kill"))
			p.waitUntilAnswered(t)
			v = p.screen.last()
			assert.True(t, v.KillEnabled, "Kill sessions is stuck")
			assert.True(t, v.InputsEnabled)
			assert.True(t, v.TokenHeld, "the token is kept")
			assert.Empty(t, v.History, "nothing was sent: nothing to remember")
			p.screen.waitUntil(t, tt.status, func(v View) bool { return v.TokenStatus == tt.status })
		})
	}
}

// TestEpicsWordsAboutTheTokenAreCleaned: whatever verify's answer or the
// paste says is shown masked, on one plain line, and bounded.
func TestEpicsWordsAboutTheTokenAreCleaned(t *testing.T) {
	upper := strings.ToUpper(token)
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		return &epic.VerifiedToken{
			ClientID: "client\u202e" + upper, DisplayName: "Evil\u202eyalP\n\x1b[31m" + upper + strings.Repeat("x", 1000),
			AccountID: "acc\u200b" + token, ExpiresAt: start.Add(time.Hour),
		}, nil
	}}
	p := open(t, e)

	p.TakeToken(upper)

	v := p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
	checkShownFacts(t, v.TokenFacts, token)
	assert.Contains(t, v.TokenFacts, Fact{"Client", "client [your token]"})
	assert.Contains(t, v.TokenFacts, Fact{"Account", "acc " + token[:0] + "[your token]"})
}

// A verify refused with 401 says so in words: Epic's error code, whatever
// it holds, is not shown.
func TestAVerify401ShowsNoErrorCode(t *testing.T) {
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		return nil, &epic.APIError{StatusCode: 401, Body: epic.BodyEpicJSON, FromEpic: true,
			ErrorCode: "errors.com.x\u202e\n" + strings.Repeat("y", 70000)}
	}}
	p := open(t, e)

	p.TakeToken(token)

	v := p.screen.waitFor(t, explain.OutcomeError)
	assert.Equal(t, "Epic says this token no longer works, so it was not kept.", v.Message)
	assert.Equal(t, "Take a new one: paste a fresh token, or use your epicgames.com sign-in.", v.Advice)
	assertNoReference(t, v)
	assert.Contains(t, v.Details, "HTTP status: 401\n", "the status is in the details")
	assert.Contains(t, v.Details, "errorCode: errors.com.x "+strings.Repeat("y", explain.MaxShownRunes-13)+"…\n", "the code too, cleaned")
}

// checkShownFacts holds facts to what the popup may show: no token in any
// letter case, no control or format character, at most explain.MaxShownRunes (and
// an ellipsis) each.
func checkShownFacts(t *testing.T, facts []Fact, token string) {
	t.Helper()
	for _, f := range facts {
		if strings.Contains(strings.ToLower(f.Value), strings.ToLower(token)) {
			t.Errorf("%s shows the token: %q", f.Label, f.Value)
		}
		if i := strings.IndexFunc(f.Value, func(r rune) bool {
			return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
		}); i >= 0 {
			t.Errorf("%s has a control or format character: %q", f.Label, f.Value)
		}
		if n := utf8.RuneCountInString(f.Value); n > explain.MaxShownRunes+1 {
			t.Errorf("%s is %d runes long", f.Label, n)
		}
	}
}

func TestWithoutAPermissionListNothingIsBlocked(t *testing.T) {
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		return nil, &epic.APIError{StatusCode: 503, Body: epic.BodyEmpty}
	}}
	p := open(t, e)

	p.TakeToken(token)

	v := p.screen.waitUntil(t, "verify failed", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic could not confirm") })
	assert.Contains(t, v.TokenStatus, "It is kept and can still be used.")
	for _, o := range v.Options {
		assert.False(t, o.Blocked, o.Name)
	}
	p.Select("OTHERS")
	p.Kill(Form{KillType: "OTHERS"})
	p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Len(t, e.sent("kill"), 1)
}

func TestAnIncompleteVerifyAnswerSaysSoAndKeepsTheToken(t *testing.T) {
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		return nil, &epic.VerifyAnswerError{Problem: epic.VerifyAnswerNoClientID}
	}}
	p := open(t, e)

	p.TakeToken(token)

	v := p.screen.waitUntil(t, "verify answered", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic's verify answer") })
	assert.Equal(t, "Epic's verify answer has no client_id, so the token could not be checked. It is kept and can still be used.", v.TokenStatus)
	assert.True(t, v.TokenHeld)
	assert.Empty(t, e.sent("kill"))
}

func TestAVerify401DropsTheToken(t *testing.T) {
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		return nil, &epic.APIError{StatusCode: 401, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.account.auth_token.invalid_access_token", NumericErrorCode: 18071}
	}}
	p := open(t, e)

	p.TakeToken(token)

	v := p.screen.waitFor(t, explain.OutcomeError)
	assert.Equal(t, "Epic says this token no longer works, so it was not kept.", v.Message)
	assertNoReference(t, v)
	assert.Contains(t, v.Advice, "Take a new one")
	assert.Equal(t, "token", v.Focus)
	assert.False(t, v.TokenHeld)
	assert.Eventually(t, func() bool { return p.store.all()[keyToken] == "" }, time.Second, time.Millisecond)
}

func TestTypesThatEndThisSessionWaitForConfirm(t *testing.T) {
	for _, tc := range []struct{ name, confirmText, confirmButton string }{
		{"ALL", "Every login of your account, in every app and on every device, this one too. The token in this popup stops working too, and the popup forgets it.",
			"Sign out everywhere, including here"},
		{"ALL_ACCOUNT_CLIENT", "Every login of the app this token is from, on every device, this one too. The token in this popup stops working too, and the popup forgets it.",
			"Sign out this app everywhere, including here"},
	} {
		name := tc.name
		t.Run(name, func(t *testing.T) {
			e := &fakeEpic{}
			p := open(t, e)
			p.TakeToken(token)
			p.screen.waitUntil(t, "verify over", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic could not confirm") })
			form := Form{KillType: name}

			p.Kill(form)

			v := p.screen.last()
			require.True(t, v.Confirming)
			assert.Equal(t, name, v.ConfirmFor)
			assert.Equal(t, tc.confirmText, v.ConfirmText)
			assert.Equal(t, tc.confirmButton, v.ConfirmButton, "the confirm button names the consequence")
			assert.False(t, v.KillEnabled)
			assert.False(t, v.KillThisEnabled, "nothing else is sent while a confirmation waits")
			assert.False(t, v.ConfirmReady, "Confirm is on before the guard time is over")
			assert.Equal(t, "cancel", v.Focus, "a held key must land on Cancel")
			p.Kill(form) // the kill button again: still waiting
			assert.Empty(t, e.sent("kill"), "nothing before Confirm")

			p.confirmAfterGuard(t, Form{KillType: name})

			v = p.screen.waitFor(t, explain.OutcomeSuccess)
			assert.False(t, v.Confirming)
			assert.Contains(t, v.Advice, "This token has ended too.")
			assert.Equal(t, "The token was forgotten: it no longer works.", v.TokenStatus)
			assert.False(t, v.TokenHeld, "forgotten after a kill that ended it")
			assert.Equal(t, []call{{"kill", token, name}}, e.sent("kill"))
			assert.Eventually(t, func() bool { return p.store.all()[keyToken] == "" }, time.Second, time.Millisecond)
		})
	}
}

func TestOtherTypesNeedNoConfirm(t *testing.T) {
	for _, kt := range epic.KillTypes {
		if kt.EndsCurrentSession {
			continue
		}
		t.Run(kt.Name, func(t *testing.T) {
			e := &fakeEpic{}
			p := open(t, e)
			p.Kill(Form{Token: token, KillType: kt.Name})
			v := p.screen.waitFor(t, explain.OutcomeSuccess)
			assert.Len(t, e.sent("kill"), 1)
			assert.True(t, v.TokenHeld, "the token still works and is kept")
		})
	}
}

// confirmAfterGuard clicks Confirm once the guard time is over and Confirm
// is on.
func (p *popup) confirmAfterGuard(t *testing.T, f Form) {
	t.Helper()
	p.clock.advance(confirmGuard)
	require.True(t, p.screen.last().ConfirmReady, "Confirm is still off after the guard time")
	p.Confirm(f)
}

// TestConfirmTakesADeliberateSeparateAct: Confirm does nothing until the
// guard time after the confirmation appeared is over, so that a key held a
// little too long, or the second press of a double press, cannot confirm.
func TestConfirmTakesADeliberateSeparateAct(t *testing.T) {
	tests := []struct {
		name  string
		ask   func(p *popup)
		after time.Duration
		sent  bool
	}{
		{"ALL at once", func(p *popup) { p.Kill(Form{KillType: "ALL"}) }, 0, false},
		{"ALL 499 ms later", func(p *popup) { p.Kill(Form{KillType: "ALL"}) }, confirmGuard - time.Millisecond, false},
		{"ALL 500 ms later", func(p *popup) { p.Kill(Form{KillType: "ALL"}) }, confirmGuard, true},
		{"ALL_ACCOUNT_CLIENT 100 ms later", func(p *popup) { p.Kill(Form{KillType: "ALL_ACCOUNT_CLIENT"}) }, 100 * time.Millisecond, false},
		{"this token only at once", func(p *popup) { p.KillThisSession() }, 0, false},
		{"this token only 500 ms later", func(p *popup) { p.KillThisSession() }, confirmGuard, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{}
			p := open(t, e)
			p.TakeToken(token)
			p.screen.waitUntil(t, "verify over", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic could not confirm") })
			tt.ask(p)
			v := p.screen.last()
			require.True(t, v.Confirming)
			kt := v.ConfirmFor

			p.clock.advance(tt.after)
			p.Confirm(Form{KillType: kt})

			if !tt.sent {
				v = p.screen.last()
				assert.True(t, v.Confirming, "the confirmation is still there")
				assert.False(t, v.ConfirmReady)
				assert.Empty(t, e.sent("kill"))
				assert.Empty(t, e.sent("killSession"))
				return
			}
			p.screen.waitFor(t, explain.OutcomeSuccess)
			assert.Len(t, append(e.sent("kill"), e.sent("killSession")...), 1)
		})
	}
}

// TestAChangeOfTheTokenEndsAConfirmation: a confirmation is about the token
// held when it appeared. Forgetting it, taking another, or Epic refusing it
// ends the confirmation, and a Confirm after that sends nothing and does not
// fail.
func TestAChangeOfTheTokenEndsAConfirmation(t *testing.T) {
	const other = "ffffffffffffffffffffffffffffffff"
	verify401 := func(context.Context) (*epic.VerifiedToken, error) {
		return nil, &epic.APIError{StatusCode: 401, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.account.auth_token.invalid_access_token"}
	}
	asks := []struct {
		name string
		ask  func(p *popup)
	}{
		{"Sign out only this token", func(p *popup) { p.KillThisSession() }},
		{"ALL", func(p *popup) { p.Kill(Form{KillType: "ALL"}) }},
	}
	changes := []struct {
		name   string
		change func(p *popup, verifyAnswer chan struct{})
	}{
		{"Forget token", func(p *popup, _ chan struct{}) { p.Forget() }},
		{"another token pasted", func(p *popup, _ chan struct{}) { p.TakeToken(other) }},
		{"verify answers 401", func(p *popup, verifyAnswer chan struct{}) {
			close(verifyAnswer)
			p.screen.waitUntil(t, "the token dropped", func(v View) bool { return !v.TokenHeld })
		}},
	}
	for _, a := range asks {
		for _, ch := range changes {
			t.Run(a.name+"/"+ch.name, func(t *testing.T) {
				verifyAnswer := make(chan struct{})
				e := &fakeEpic{verify: func(ctx context.Context) (*epic.VerifiedToken, error) {
					<-verifyAnswer
					return verify401(ctx)
				}}
				p := open(t, e)
				p.TakeToken(token)
				a.ask(p)
				kt := p.screen.last().ConfirmFor
				require.NotEmpty(t, kt)

				ch.change(p, verifyAnswer)

				v := p.screen.last()
				assert.False(t, v.Confirming, "the confirmation outlived its token")
				p.clock.advance(confirmGuard)
				assert.False(t, p.screen.last().Confirming)
				p.Confirm(Form{KillType: kt})
				p.KillThisSession() // the popup still answers
				select {
				case <-verifyAnswer:
				default:
					close(verifyAnswer)
				}
				assert.Empty(t, e.sent("kill"))
				assert.Empty(t, e.sent("killSession"))
			})
		}
	}
}

func TestAConfirmationCanBeLeftWithoutSending(t *testing.T) {
	tests := []struct {
		name        string
		leave       func(p *popup)
		wantMessage string
	}{
		{"cancel (or Escape)", func(p *popup) { p.Cancel() }, "Cancelled: nothing was sent."},
		{"choose another type", func(p *popup) { p.Select("OTHERS") }, ""},
		{"confirm after the form changed", func(p *popup) { p.confirmAfterGuard(t, Form{KillType: "ALL_ACCOUNT_CLIENT"}) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{}
			p := open(t, e)
			p.Kill(Form{Token: token, KillType: "ALL"})
			require.True(t, p.screen.last().Confirming)

			tt.leave(p)

			v := p.screen.last()
			assert.False(t, v.Confirming)
			assert.True(t, v.KillEnabled)
			assert.Equal(t, tt.wantMessage, v.Message)
			p.Confirm(Form{KillType: "ALL"}) // a late Confirm does nothing
			assert.Empty(t, e.sent("kill"))
		})
	}
}

func TestSignOutOnlyThisToken(t *testing.T) {
	e := &fakeEpic{}
	p := open(t, e)
	p.TakeToken(token)

	p.KillThisSession()

	v := p.screen.last()
	require.True(t, v.Confirming)
	assert.Equal(t, epic.OwnSession.Name, v.ConfirmFor)
	assert.Equal(t, "This signs out only the token in this popup. "+
		"It stops working and is forgotten; your other logins stay signed in.", v.ConfirmText)
	assert.Equal(t, "Sign out this token", v.ConfirmButton)
	assert.Empty(t, e.sent("killSession"))

	p.confirmAfterGuard(t, Form{KillType: "OTHERS"})

	v = p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Equal(t, "The token in this popup was signed out.", v.Message)
	assert.False(t, v.TokenHeld, "forgotten after success")
	assert.Equal(t, []call{{"killSession", token, ""}}, e.sent("killSession"))
	assert.Empty(t, e.sent("kill"))
}

func TestSignOutOnlyThisTokenNeedsAToken(t *testing.T) {
	e := &fakeEpic{}
	p := open(t, e)
	p.KillThisSession()
	v := p.screen.last()
	assert.False(t, v.Confirming)
	assert.Contains(t, v.Message, "No access token")
	assert.Empty(t, e.sent(""))
}

func TestUseMySignIn(t *testing.T) {
	eg1 := fakeepic.EG1(fakeepic.EG1Claims{AccountID: "acc0123456789", DisplayName: "Cookie Player", ClientID: "007c0bfe154c4f5396648f013c641dcf"})
	tests := []struct {
		name        string
		browser     *fakeBrowser
		wantStatus  string
		wantHeld    bool
		wantLink    bool
		wantVerify  int
		wantPrevOK  bool
		wantFactHas Fact
	}{
		{
			name: "signed in on the store", browser: &fakeBrowser{cookies: map[string]string{"EPIC_EG1": eg1}},
			wantStatus: "Epic confirmed the token.", wantHeld: true, wantVerify: 1,
			wantFactHas: Fact{"Source", "your epicgames.com sign-in, confirmed by Epic"},
		},
		{
			name: "signed in on www", browser: &fakeBrowser{cookies: map[string]string{"EPIC_BEARER_TOKEN": token}},
			wantStatus: "Epic confirmed the token.", wantHeld: true, wantVerify: 1,
			wantFactHas: Fact{"Display name", "Verified Player"},
		},
		{
			name: "not signed in", browser: &fakeBrowser{cookies: map[string]string{}},
			wantStatus: "You are not signed in on epicgames.com in this browser. Sign in there, then try again.", wantLink: true,
		},
		{
			name: "permission refused", browser: &fakeBrowser{refuseSignIn: true, cookies: map[string]string{"EPIC_EG1": eg1}},
			wantStatus: "Permission not granted: the extension may not read your epicgames.com sign-in. Nothing else changed.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{verify: verified(onlyAccountClient)}
			b := tt.browser
			p := openWith(t, e, b, newStore(), &clock{now: start})

			p.UseSignIn()

			assert.Equal(t, 1, b.signInRequests, "the permission is asked for within the click")
			v := p.screen.waitUntil(t, tt.wantStatus, func(v View) bool { return v.TokenStatus == tt.wantStatus })
			assert.Equal(t, tt.wantHeld, v.TokenHeld)
			assert.Equal(t, tt.wantLink, v.SignInLink)
			assert.Len(t, e.sent("verify"), tt.wantVerify)
			if tt.wantFactHas != (Fact{}) {
				assert.Contains(t, v.TokenFacts, tt.wantFactHas)
			}
			assert.Empty(t, e.sent("kill"))
			assert.False(t, b.holdsSignInAccess(), "the sign-in access outlived the read")
		})
	}
}

func TestTheTokenIsKeptForTheNextPopupAndForgotten(t *testing.T) {
	e := &fakeEpic{verify: verified(onlyAccountClient)}
	store := newStore()
	first := openWith(t, e, &fakeBrowser{}, store, &clock{now: start})
	first.TakeToken(token)
	first.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyToken], "Verified Player") }, time.Second, time.Millisecond)

	second := openWith(t, e, &fakeBrowser{}, store, &clock{now: start.Add(time.Minute)})

	v := second.screen.last()
	assert.True(t, v.TokenHeld, "shown at once")
	assert.Contains(t, v.TokenFacts, Fact{"Display name", "Verified Player"})
	assert.True(t, v.Options[0].Blocked, "the pre-check holds without asking Epic again")
	assert.Len(t, e.sent("verify"), 1)

	second.Forget()

	v = second.screen.last()
	assert.False(t, v.TokenHeld)
	assert.True(t, v.ClearToken)
	assert.Equal(t, "The token was forgotten. Nothing was sent to Epic.", v.TokenStatus)
	assert.Eventually(t, func() bool { _, ok := store.all()[keyToken]; return !ok }, time.Second, time.Millisecond)
	third := openWith(t, e, &fakeBrowser{}, store, &clock{now: start.Add(2 * time.Minute)})
	assert.False(t, third.screen.last().TokenHeld)
}

func TestAThrottleWaitHoldsTheKillButtonAcrossPopups(t *testing.T) {
	e := &fakeEpic{kill: func(context.Context) error {
		return &epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041, RetryAfter: 3 * time.Second}
	}}
	store := newStore()
	clk := &clock{now: start}
	p := openWith(t, e, &fakeBrowser{}, store, clk)

	p.Kill(Form{Token: token, KillType: "OTHERS"})

	v := p.screen.waitFor(t, explain.OutcomeError)
	assert.Equal(t, "Epic is limiting requests for now.", v.Message)
	assertNoReference(t, v)
	assert.Contains(t, v.Details, "errorCode: errors.com.epicgames.common.throttled")
	assert.False(t, v.KillEnabled)
	assert.False(t, v.KillThisEnabled)
	assert.Equal(t, "Kill sessions", v.KillLabel, "the button keeps its name")
	assert.Equal(t, "You can try again in 3 s.", v.Countdown)
	p.Kill(Form{KillType: "OTHERS"})
	p.KillThisSession()
	assert.Len(t, e.sent("kill"), 1, "no kill while the wait lasts")
	assert.Empty(t, e.sent("killSession"))

	clk.advance(time.Second)
	assert.Equal(t, "You can try again in 2 s.", p.screen.last().Countdown, "the countdown is live")
	require.Eventually(t, func() bool { return store.all()[keyThrottle] != "" }, time.Second, time.Millisecond)

	reopened := openWith(t, e, &fakeBrowser{}, store, clk)
	v = reopened.screen.last()
	assert.False(t, v.KillEnabled, "also after reopening the popup")
	assert.Equal(t, "You can try again in 2 s.", v.Countdown)

	clk.advance(2 * time.Second)
	v = reopened.screen.last()
	assert.True(t, v.KillEnabled)
	assert.True(t, v.KillThisEnabled)
	assert.Equal(t, "Kill sessions", v.KillLabel)
	assert.Empty(t, v.Countdown)
}

// slowStore answers Load only when the test says.
type slowStore struct {
	*memStore
	release chan struct{}
}

func (s slowStore) Load(keys ...string) (map[string]string, error) {
	<-s.release
	return s.memStore.Load(keys...)
}

// The popup is usable before storage answers: a kill clicked meanwhile
// waits for the kept token instead of failing for want of one.
// restoringSlowly opens a popup that took token and kept it, then a
// second one whose storage answers only when release is closed.
func restoringSlowly(t *testing.T) (c *Controller, e *fakeEpic, s *screen, release chan struct{}) {
	t.Helper()
	store := newStore()
	first := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start})
	first.TakeToken(token)
	require.Eventually(t, func() bool { return store.all()[keyToken] != "" }, time.Second, time.Millisecond)

	e, s, release = &fakeEpic{}, newScreen(), make(chan struct{})
	c = New(Env{Epic: e, Browser: &fakeBrowser{}, Store: slowStore{store, release}, Now: (&clock{now: start}).Now, Timeout: time.Second}, s.render)
	t.Cleanup(c.Close)
	c.Restore()
	return c, e, s, release
}

func TestAKillClickedWhileRestoringUsesTheKeptToken(t *testing.T) {
	c, e, s, release := restoringSlowly(t)
	assert.True(t, s.last().InputsEnabled, "usable before storage answers")

	c.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	assert.False(t, s.last().KillEnabled, "held back while restoring")
	assert.Empty(t, e.sent("kill"))
	close(release)

	s.waitFor(t, explain.OutcomeSuccess)
	assert.Equal(t, []call{{"kill", token, "OTHERS_ACCOUNT_CLIENT"}}, e.sent("kill"))
}

// A token pasted while storage is still answering wins over the kept one.
func TestATokenTakenWhileRestoringWins(t *testing.T) {
	c, e, s, release := restoringSlowly(t)
	const newer = "fedcba9876543210fedcba9876543210"
	c.TakeToken(newer)
	close(release)

	c.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	s.waitFor(t, explain.OutcomeSuccess)
	assert.Equal(t, []call{{"kill", newer, "OTHERS_ACCOUNT_CLIENT"}}, e.sent("kill"))
}

func TestHistoryKeepsOutcomesWithoutTheToken(t *testing.T) {
	answers := []error{nil, &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023}}
	for range maxHistory {
		answers = append(answers, nil)
	}
	var mu sync.Mutex
	e := &fakeEpic{kill: func(context.Context) error {
		mu.Lock()
		defer mu.Unlock()
		err := answers[0]
		answers = answers[1:]
		return err
	}}
	store := newStore()
	p := openWith(t, e, &fakeBrowser{}, store, &clock{now: start})

	p.Kill(Form{Token: token, KillType: "OTHERS_ACCOUNT_CLIENT"})
	p.screen.waitFor(t, explain.OutcomeSuccess)
	p.Select("OTHERS")
	p.Kill(Form{KillType: "OTHERS"})
	v := p.screen.waitFor(t, explain.OutcomeError)

	require.Len(t, v.History, 2)
	at := start.Local().Format("15:04:05")
	assert.Equal(t, HistoryLine{Text: at + " Everywhere else: not done", Reference: "HTTP 403, errors.com.epicgames.common.missing_permission"}, v.History[0])
	assert.Equal(t, HistoryLine{Text: at + " Other logins, all services: signed out", Reference: "HTTP 204", Success: true}, v.History[1])
	assert.Equal(t, "Earlier in this browser session (2)", v.HistoryTitle)
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyHistory], "missing_permission") }, time.Second, time.Millisecond)
	assert.NotContains(t, store.all()[keyHistory], token)
	assert.Len(t, openWith(t, e, &fakeBrowser{}, store, &clock{now: start}).screen.last().History, 2, "kept for the next popup")

	for range maxHistory {
		p.Kill(Form{KillType: "OTHERS"})
		p.waitUntilAnswered(t)
	}
	assert.Len(t, p.screen.last().History, maxHistory, "a short history")
	assert.Equal(t, "Earlier in this browser session (5)", p.screen.last().HistoryTitle)

	p.ClearHistory()

	assert.Empty(t, p.screen.last().History)
	assert.Empty(t, p.screen.last().HistoryTitle)
	assert.Eventually(t, func() bool { _, ok := store.all()[keyHistory]; return !ok }, time.Second, time.Millisecond)
}

func TestCopyDetailsLeavesTheTokenOut(t *testing.T) {
	e := &fakeEpic{kill: func(context.Context) error {
		return &epic.APIError{StatusCode: 400, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.oauth.invalid_request", NumericErrorCode: 1013, ErrorMessage: "Invalid kill type", CorrelationID: "corr-123"}
	}}
	b := &fakeBrowser{}
	p := openWith(t, e, b, newStore(), &clock{now: start})
	p.CopyDetails() // nothing to copy yet
	p.Kill(Form{Token: token, KillType: "OTHERS"})
	v := p.screen.waitFor(t, explain.OutcomeError)
	require.NotEmpty(t, v.Details)

	p.CopyDetails()

	v = p.screen.waitUntil(t, "copied", func(v View) bool { return v.CopyStatus == "Copied." })
	require.Len(t, b.copied, 1)
	for _, want := range []string{"HTTP status: 400", "errorCode: errors.com.epicgames.common.oauth.invalid_request", "numericErrorCode: 1013", "Message: Invalid kill type", "Correlation ID: corr-123", "Time: 2026-11-27T20:00:00Z", "Kill type: OTHERS"} {
		assert.Contains(t, b.copied[0], want)
	}
	assert.NotContains(t, b.copied[0], token)
}

func TestGrantAccessAgain(t *testing.T) {
	b := &fakeBrowser{accessRevoked: true}
	e := &fakeEpic{kill: func(context.Context) error {
		if b.blocks() {
			return &epic.TransportError{Err: errors.New("net/http: fetch() failed: NetworkError when attempting to fetch resource.")}
		}
		return nil
	}}
	store := newStore()
	p := openWith(t, e, b, store, &clock{now: start})
	p.Kill(Form{Token: token, KillType: "OTHERS"})
	require.True(t, p.screen.waitFor(t, explain.OutcomeError).GrantAccess)
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyOutcome], "grantAccess") }, time.Second, time.Millisecond)

	again := openWith(t, e, b, store, &clock{now: start})
	assert.True(t, again.screen.last().GrantAccess, "a reopened popup offers it again with the outcome")

	p.GrantAccess()

	v := p.screen.waitUntil(t, "granted", func(v View) bool { return v.Message == "Access to Epic's account service is granted again." })
	assert.False(t, v.GrantAccess)
	p.Kill(Form{KillType: "OTHERS"})
	p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Len(t, e.sent("kill"), 2, "the stopped attempt and the one that went through")
}

func TestAKillCutShortByClosingThePopupIsToldNextTime(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	e := &fakeEpic{kill: func(ctx context.Context) error { <-release; return nil }}
	store := newStore()
	clk := &clock{now: start}
	first := openWith(t, e, &fakeBrowser{}, store, clk)
	first.Kill(Form{Token: token, KillType: "OTHERS"})
	first.epic.waitForKill(t)
	clk.advance(AnswerGrace)
	require.Eventually(t, func() bool { return store.all()[keyInFlight] != "" }, time.Second, time.Millisecond,
		"the kill is marked before its answer")
	assert.NotContains(t, store.all()[keyInFlight], token)

	// The popup closes here: its request and goroutines end with it.
	second := openWith(t, e, &fakeBrowser{}, store, &clock{now: start.Add(time.Minute)})

	v := second.screen.last()
	at := start.Local().Format("15:04:05")
	assert.Equal(t, explain.OutcomeError, v.Outcome)
	assert.Equal(t, "The popup was closed at "+at+" before Epic answered: “Everywhere else”.", v.Message)
	assert.Contains(t, v.Advice, "Kill again to be sure")
	assert.True(t, v.KillEnabled)
	require.Len(t, v.History, 1)
	assert.Equal(t, HistoryLine{Text: at + " Everywhere else: no answer"}, v.History[0], "no answer, no reference")
	assert.Eventually(t, func() bool { _, ok := store.all()[keyInFlight]; return !ok }, time.Second, time.Millisecond,
		"told once")
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyOutcome], "before Epic answered") }, time.Second, time.Millisecond)

	// The next popup shows the same outcome, as the last one shown, and
	// remembers the kill no second time.
	third := openWith(t, e, &fakeBrowser{}, store, &clock{now: start.Add(2 * time.Minute)})
	v = third.screen.last()
	assert.Equal(t, explain.OutcomeError, v.Outcome)
	assert.Equal(t, "The popup was closed at "+at+" before Epic answered: “Everywhere else”.", v.Message)
	assert.Len(t, v.History, 1)
}

func TestAnAnsweredKillLeavesNoInFlightMark(t *testing.T) {
	for name, answer := range map[string]error{
		"204":         nil,
		"401":         &epic.APIError{StatusCode: 401, Body: epic.BodyEmpty},
		"unreachable": &epic.TransportError{Err: errors.New("connection reset")},
	} {
		t.Run(name, func(t *testing.T) {
			e := &fakeEpic{kill: func(context.Context) error { return answer }}
			store := newStore()
			p := openWith(t, e, &fakeBrowser{}, store, &clock{now: start})
			p.Kill(Form{Token: token, KillType: "OTHERS"})
			p.screen.waitUntil(t, "an outcome", func(v View) bool { return v.Outcome != explain.OutcomePending && v.Outcome != explain.OutcomeNone })
			require.Eventually(t, func() bool { return store.all()[keyHistory] != "" }, time.Second, time.Millisecond)
			assert.NotContains(t, store.all(), keyInFlight)
		})
	}
}

func TestAnInFlightMarkNamingNoKillTypeIsIgnored(t *testing.T) {
	store := newStore()
	require.NoError(t, store.Set(keyInFlight, `{"killType":"<b>x</b>","time":"2026-11-27T20:00:00Z"}`))
	p := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start})
	assert.Equal(t, explain.OutcomeNone, p.screen.last().Outcome)
	assert.Empty(t, p.screen.last().History)
}

func TestATokenThatExpiredSinceIsForgottenOnReopening(t *testing.T) {
	hold := make(chan struct{})
	defer close(hold)
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) { <-hold; return nil, errors.New("never") }}
	store := newStore()
	eg1 := fakeepic.EG1(fakeepic.EG1Claims{
		AccountID: "acc0123456789", DisplayName: "Pasted Player", ClientID: "ec684b8c687f479fadea3cb2ad83f5c6",
		IssuedAt: start.Add(-time.Hour), ExpiresAt: start.Add(30 * time.Minute),
	})
	first := openWith(t, e, &fakeBrowser{}, store, &clock{now: start})
	first.TakeToken(eg1)
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyToken], eg1) }, time.Second, time.Millisecond)

	later := openWith(t, e, &fakeBrowser{}, store, &clock{now: start.Add(31 * time.Minute)})

	v := later.screen.last()
	assert.False(t, v.TokenHeld, "an expired token is held")
	assert.Equal(t, "The token kept earlier has expired and was forgotten.", v.TokenStatus)
	assert.Eventually(t, func() bool { _, ok := store.all()[keyToken]; return !ok }, time.Second, time.Millisecond,
		"the expired token is still kept")
}

// paintGate is Env.AfterPaint held shut until the test opens it.
type paintGate chan struct{}

func (g paintGate) wait() { <-g }

// openPainting opens a popup whose paints wait for gate.
func openPainting(t *testing.T, e *fakeEpic, store *memStore, gate paintGate) *popup {
	t.Helper()
	clk := &clock{now: start}
	p := &popup{epic: e, browser: &fakeBrowser{}, store: store, clock: clk, screen: newScreen()}
	p.Controller = New(Env{
		Epic: e, Browser: p.browser, Store: store, Now: clk.Now, After: clk.After, Timeout: time.Second,
		AfterPaint: gate.wait,
	}, p.screen.render)
	p.Restore()
	p.waitRestored(t)
	t.Cleanup(p.Close)
	return p
}

func TestAnOutcomesRecordsWaitForThePaintAndNothingElseDoes(t *testing.T) {
	release := make(chan struct{})
	e := &fakeEpic{kill: func(context.Context) error { <-release; return nil }}
	store := newStore()
	require.NoError(t, store.Set(keyToken, `{"token":"`+token+`"}`))
	gate := make(paintGate)
	p := openPainting(t, e, store, gate)

	p.Kill(Form{KillType: "OTHERS"})
	p.epic.waitForKill(t)
	p.clock.advance(AnswerGrace)
	require.Eventually(t, func() bool { return store.all()[keyInFlight] != "" }, time.Second, time.Millisecond,
		"the in-flight mark is kept before any paint")
	close(release)
	p.screen.waitFor(t, explain.OutcomeSuccess)
	time.Sleep(20 * time.Millisecond)
	assert.NotContains(t, store.all(), keyHistory, "the history waits for the outcome to be drawn")
	assert.Contains(t, store.all(), keyInFlight, "so does removing the mark")

	p.Forget()
	assert.Eventually(t, func() bool { _, kept := store.all()[keyToken]; return !kept }, time.Second, time.Millisecond,
		"a forgotten token leaves storage at once, even before the records")

	close(gate)
	assert.Eventually(t, func() bool {
		all := store.all()
		_, marked := all[keyInFlight]
		return all[keyHistory] != "" && !marked
	}, time.Second, time.Millisecond, "the records follow the paint")
}

// A throttle wait guards Epic's account: it is kept at once, so a popup
// closed right after the 429 and opened again still waits.
func TestAThrottleWaitIsKeptBeforeThePaint(t *testing.T) {
	e := &fakeEpic{kill: func(context.Context) error {
		return &epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041, RetryAfter: 3 * time.Second}
	}}
	store := newStore()
	p := openPainting(t, e, store, make(paintGate)) // never drawn

	p.Kill(Form{Token: token, KillType: "OTHERS"})
	p.screen.waitFor(t, explain.OutcomeError)
	assert.Eventually(t, func() bool { return store.all()[keyThrottle] != "" }, time.Second, time.Millisecond)
}

// A kill answered within AnswerGrace is never marked in flight, even when
// the grace's timer fires late.
func TestAKillAnsweredSoonLeavesNoInFlightMark(t *testing.T) {
	store := newStore()
	clk := &clock{now: start}
	p := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, clk)
	p.Kill(Form{Token: token, KillType: "OTHERS"})
	p.screen.waitFor(t, explain.OutcomeSuccess)
	clk.advance(AnswerGrace)
	// Writes keep their order: once Forget's is done, a mark the timer
	// queued would be too.
	p.Forget()
	require.Eventually(t, func() bool { _, kept := store.all()[keyToken]; return !kept }, time.Second, time.Millisecond)
	assert.False(t, store.everWritten(keyInFlight), "a mark was written for a kill already answered")
}
