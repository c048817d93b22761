package popup

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
)

func throttledFor(d time.Duration) error {
	return &epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true,
		ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041, RetryAfter: d}
}

// TestTheCountdownAndTheAdviceAgreeOnTheWait: when Epic holds Kill sessions
// back, the countdown under it and the advice say the same wait at the
// moment of the outcome, and the focus goes to the outcome, which says why
// Kill sessions is off. When the wait ends the advice says so, Kill sessions
// is on again and the focus goes back to it.
func TestTheCountdownAndTheAdviceAgreeOnTheWait(t *testing.T) {
	tests := []struct {
		name   string
		answer error
		wait   time.Duration
		said   string // the advice's sentence about the wait
		left   string // the countdown after one second
	}{
		{"throttled with Retry-After", throttledFor(221 * time.Second), 221 * time.Second,
			"Try again in 3 min 41 s.", "You can try again in 3 min 40 s."},
		{"throttled without saying for how long",
			&epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041},
			time.Minute, "Epic did not say for how long: try again in 1 min 00 s.", "You can try again in 59 s."},
		{"too many sessions with Retry-After",
			&epic.APIError{StatusCode: 400, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.account.oauth.too_many_sessions",
				NumericErrorCode: 18048, RetryAfter: time.Hour},
			time.Hour, "Try again in 1 h 00 min 00 s.", "You can try again in 59 min 59 s."},
		{"Epic's trouble with Retry-After",
			&epic.APIError{StatusCode: 503, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.server_error",
				NumericErrorCode: 1000, RetryAfter: 90 * time.Second},
			90 * time.Second, "Try again in 1 min 30 s.", "You can try again in 1 min 29 s."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{kill: func(context.Context) error { return tt.answer }}
			p := open(t, e)

			p.Kill(Form{Token: token, KillType: "OTHERS"})

			v := p.screen.waitFor(t, explain.OutcomeError)
			assert.Contains(t, v.Advice, tt.said)
			assert.Equal(t, "You can try again in "+strings.TrimSuffix(tt.said[strings.Index(tt.said, "again in ")+len("again in "):], ".")+".", v.Countdown,
				"the countdown says the advice's wait")
			assert.Equal(t, "outcome", v.Focus, "Kill sessions is off: the outcome says why")
			assert.False(t, v.KillEnabled)
			assert.False(t, v.KillThisEnabled)

			p.clock.advance(time.Second)
			v = p.screen.last()
			assert.Equal(t, tt.left, v.Countdown)
			assert.Contains(t, v.Advice, tt.said, "the advice is as said")
			assert.Empty(t, v.Focus, "the countdown's ticks leave the focus alone")

			p.clock.advance(tt.wait - time.Second)
			v = p.screen.last()
			assert.Empty(t, v.Countdown)
			assert.Equal(t, "The wait is over: you can try again.", v.Advice)
			assert.Equal(t, "kill", v.Focus, "back on Kill sessions")
			assert.True(t, v.KillEnabled)
			assert.True(t, v.KillThisEnabled)
		})
	}
}

// Epic's answer to verify can throttle the token too: the kill would meet
// the same wait, so it starts the wait at once, and the token is kept.
func TestAVerifyThrottledByEpicStartsTheWait(t *testing.T) {
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) { return nil, throttledFor(30 * time.Second) }}
	store := newStore()
	clk := &clock{now: start}
	p := openWith(t, e, &fakeBrowser{}, store, clk)

	p.TakeToken(token)

	v := p.screen.waitUntil(t, "throttled", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic is limiting") })
	assert.Equal(t, "Epic is limiting requests, so it could not confirm the token yet. The token is kept.", v.TokenStatus)
	assert.True(t, v.TokenHeld)
	assert.Equal(t, "You can try again in 30 s.", v.Countdown)
	assert.False(t, v.KillEnabled)
	assert.False(t, v.KillThisEnabled)
	assert.Equal(t, explain.OutcomeNone, v.Outcome, "no kill was asked for: no outcome")
	p.Kill(Form{KillType: "OTHERS"})
	p.KillThisSession()
	assert.Empty(t, e.sent("kill"))
	assert.Empty(t, e.sent("killSession"))
	require.Eventually(t, func() bool { return store.all()[keyThrottle] != "" }, time.Second, time.Millisecond, "the wait is kept")

	reopened := openWith(t, e, &fakeBrowser{}, store, clk)
	v = reopened.screen.last()
	assert.False(t, v.KillEnabled, "also in the next popup")
	assert.Equal(t, "You can try again in 30 s.", v.Countdown)

	clk.advance(30 * time.Second)
	for _, v := range []View{p.screen.last(), reopened.screen.last()} {
		assert.True(t, v.KillEnabled, "the wait is over")
		assert.Empty(t, v.Countdown)
		assert.Equal(t, explain.OutcomeNone, v.Outcome)
	}
	reopened.Kill(Form{KillType: "OTHERS"})
	reopened.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Len(t, e.sent("kill"), 1)
}

// Only Epic's own answer starts a wait: a 429 from something between the
// popup and Epic leaves the token unconfirmed and Kill sessions on.
func TestAVerifyThrottledByAProxyStartsNoWait(t *testing.T) {
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		return nil, &epic.APIError{StatusCode: 429, Body: epic.BodyEmpty, RetryAfter: time.Hour}
	}}
	store := newStore()
	p := openWith(t, e, &fakeBrowser{}, store, &clock{now: start})

	p.TakeToken(token)

	v := p.screen.waitUntil(t, "not confirmed", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic could not confirm") })
	assert.Equal(t, "Epic could not confirm the token. Too many requests for now. It is kept and can still be used.", v.TokenStatus)
	assert.Empty(t, v.Countdown)
	assert.True(t, v.KillEnabled)
	assert.False(t, store.everWritten(keyThrottle))
}

// TestAReopenedPopupShowsTheOutcomeShownLast: a popup closes at any click
// outside it; the next one shows the last outcome again, as it was shown,
// with its details, and says a wait again from what is left of it, as the
// countdown does. It is not a new outcome: no focus moves, and the history
// does not grow.
func TestAReopenedPopupShowsTheOutcomeShownLast(t *testing.T) {
	e := &fakeEpic{kill: func(context.Context) error { return throttledFor(221 * time.Second) }}
	store := newStore()
	clk := &clock{now: start}
	first := openWith(t, e, &fakeBrowser{}, store, clk)
	first.Kill(Form{Token: token, KillType: "OTHERS"})
	shown := first.screen.waitFor(t, explain.OutcomeError)
	require.Equal(t, "Nothing was signed out. Try again in 3 min 41 s. Trying again too often can make Epic's wait longer.", shown.Advice)
	require.Eventually(t, func() bool { return store.all()[keyOutcome] != "" && store.all()[keyHistory] != "" }, time.Second, time.Millisecond)

	clk.advance(time.Minute)
	second := openWith(t, e, &fakeBrowser{}, store, clk)

	v := second.screen.last()
	assert.Equal(t, explain.OutcomeError, v.Outcome)
	assert.Equal(t, shown.Message, v.Message)
	assert.Equal(t, "Nothing was signed out. Try again in 2 min 41 s. Trying again too often can make Epic's wait longer.", v.Advice,
		"the wait said from what is left")
	assert.Equal(t, "You can try again in 2 min 41 s.", v.Countdown)
	assert.Equal(t, shown.Details, v.Details)
	assert.NotEmpty(t, v.Details)
	assert.Empty(t, v.Focus)
	assert.Len(t, v.History, 1)
	assert.False(t, v.KillEnabled)

	clk.advance(161 * time.Second)
	third := openWith(t, e, &fakeBrowser{}, store, clk)
	v = third.screen.last()
	assert.Equal(t, shown.Message, v.Message)
	assert.Equal(t, "Nothing was signed out. The wait is over: you can try again. Trying again too often can make Epic's wait longer.", v.Advice)
	assert.Empty(t, v.Countdown)
	assert.True(t, v.KillEnabled)
}

func TestAReopenedPopupShowsTheLastSuccess(t *testing.T) {
	store := newStore()
	first := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start})
	first.Kill(Form{Token: token, KillType: "OTHERS"})
	shown := first.screen.waitFor(t, explain.OutcomeSuccess)
	require.Eventually(t, func() bool { return store.all()[keyOutcome] != "" }, time.Second, time.Millisecond)

	v := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start.Add(time.Minute)}).screen.last()

	assert.Equal(t, explain.OutcomeSuccess, v.Outcome)
	assert.Equal(t, "You were signed out everywhere else.", v.Message)
	assert.Equal(t, shown.Advice, v.Advice)
	assert.Contains(t, v.Advice, "change it")
	assert.Equal(t, shown.Details, v.Details)
	assert.Empty(t, v.Focus)
	assert.True(t, v.TokenHeld)
}

// A kept outcome that does not read as one the popup shows is left out.
func TestAnOddKeptOutcomeIsNotShown(t *testing.T) {
	for name, stored := range map[string]string{
		"pending":        `{"outcome":"pending","message":"Asking Epic…","advice":null,"waitAt":-1}`,
		"none":           `{"outcome":"","message":"Cancelled.","advice":null,"waitAt":-1}`,
		"another word":   `{"outcome":"<b>","message":"m","advice":null,"waitAt":-1}`,
		"not JSON":       `{"outcome":"error"`,
		"a wrong member": `{"outcome":"error","message":"m","advice":"a","waitAt":-1}`,
	} {
		t.Run(name, func(t *testing.T) {
			store := newStore()
			require.NoError(t, store.Set(keyOutcome, stored))
			v := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start}).screen.last()
			assert.Equal(t, explain.OutcomeNone, v.Outcome)
			assert.Empty(t, v.Advice)
		})
	}
	t.Run("a wait index out of range", func(t *testing.T) {
		store := newStore()
		require.NoError(t, store.Set(keyOutcome, `{"outcome":"error","message":"m","advice":["a","b"],"waitAt":2}`))
		v := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start}).screen.last()
		assert.Equal(t, "m", v.Message)
		assert.Equal(t, "a b", v.Advice, "left as it was")
	})
}

// openSlowly opens a popup on store whose Load answers once release is
// closed.
func openSlowly(t *testing.T, store *memStore, clk *clock) (*popup, chan struct{}) {
	t.Helper()
	release := make(chan struct{})
	p := &popup{epic: &fakeEpic{}, browser: &fakeBrowser{}, store: store, clock: clk, screen: newScreen()}
	p.Controller = New(Env{Epic: p.epic, Browser: p.browser, Store: slowStore{store, release}, Now: clk.Now, After: clk.After,
		Timeout: time.Second}, p.screen.render)
	t.Cleanup(p.Close)
	p.Restore()
	return p, release
}

// keptSuccess is a store in which a popup kept a token and a 204.
func keptSuccess(t *testing.T) *memStore {
	t.Helper()
	store := newStore()
	first := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start})
	first.Kill(Form{Token: token, KillType: "OTHERS"})
	first.screen.waitFor(t, explain.OutcomeSuccess)
	require.Eventually(t, func() bool { return store.all()[keyOutcome] != "" && store.all()[keyToken] != "" }, time.Second, time.Millisecond)
	return store
}

// What this popup showed before storage answered wins over what an earlier
// one kept.
func TestRestoreLeavesAnOutcomeOfThisPopupAlone(t *testing.T) {
	t.Run("a bad paste", func(t *testing.T) {
		p, release := openSlowly(t, keptSuccess(t), &clock{now: start})
		p.TakeToken("hunter2-password")
		close(release)
		p.waitRestored(t)

		v := p.screen.last()
		assert.Equal(t, explain.OutcomeError, v.Outcome)
		assert.Contains(t, v.Message, "This is not an Epic access token")
	})
	t.Run("a kill clicked meanwhile", func(t *testing.T) {
		p, release := openSlowly(t, keptSuccess(t), &clock{now: start})
		hold := make(chan struct{})
		p.epic.kill = func(context.Context) error { <-hold; return throttledFor(time.Minute) }
		p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
		close(release)
		p.epic.waitForKill(t)
		close(hold)
		p.waitUntilAnswered(t)

		p.screen.mu.Lock()
		defer p.screen.mu.Unlock()
		for _, v := range p.screen.views {
			assert.NotEqual(t, explain.OutcomeSuccess, v.Outcome, "the kept outcome was shown while the kill ran: %+v", v)
		}
	})
}

// The kill type picked last is picked again in the next popup, unless this
// one picked its own first.
func TestTheKillTypePickedLastIsPickedAgain(t *testing.T) {
	for _, name := range []string{"OTHERS", "ALL"} {
		t.Run(name, func(t *testing.T) {
			store := newStore()
			first := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start})
			first.Select(name)
			require.Eventually(t, func() bool { return store.all()[keyKillType] == name }, time.Second, time.Millisecond)

			v := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start}).screen.last()

			assert.Equal(t, name, v.Selected)
			assert.Equal(t, killTypeShown[name].description, v.Description)
			assert.Equal(t, "Epic's name: "+name, v.EpicName)
			assert.Equal(t, name == "ALL", v.Warning != "")
			assert.False(t, v.Confirming, "picking is not asking")
		})
	}
	t.Run("picked in this popup first", func(t *testing.T) {
		store := newStore()
		require.NoError(t, store.Set(keyKillType, "ALL"))
		p, release := openSlowly(t, store, &clock{now: start})
		p.Select("OTHERS_SAME_SOURCE_ID")
		close(release)
		p.waitRestored(t)
		assert.Equal(t, "OTHERS_SAME_SOURCE_ID", p.screen.last().Selected)
	})
	for name, stored := range map[string]string{"unknown": "<b>EVERYONE</b>", "the single-session kill": epic.OwnSession.Name, "empty": ""} {
		t.Run(name, func(t *testing.T) {
			store := newStore()
			require.NoError(t, store.Set(keyKillType, stored))
			v := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start}).screen.last()
			assert.Equal(t, epic.KillTypes[0].Name, v.Selected)
			assert.Equal(t, explain.OutcomeNone, v.Outcome, "nothing to complain about")
		})
	}
}

// Forget drops the outcome with the token it was about, here and for the
// next popup.
func TestForgetDropsTheKeptOutcome(t *testing.T) {
	store := keptSuccess(t)
	p := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start})
	require.Equal(t, explain.OutcomeSuccess, p.screen.last().Outcome)

	p.Forget()

	v := p.screen.last()
	assert.Equal(t, explain.OutcomeNone, v.Outcome)
	assert.Empty(t, v.Message)
	assert.Empty(t, v.Advice)
	assert.Empty(t, v.Details)
	assert.Equal(t, "The token was forgotten. Nothing was sent to Epic.", v.TokenStatus)
	require.Eventually(t, func() bool { _, kept := store.all()[keyOutcome]; return !kept }, time.Second, time.Millisecond)
	v = openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start}).screen.last()
	assert.Equal(t, explain.OutcomeNone, v.Outcome)
	assert.False(t, v.TokenHeld)
}

// A kill that runs for AnswerGrace drops the outcome kept before it: a
// popup opened while it runs does not show the earlier outcome as the last
// one. Before then nothing is written; an answer in time keeps its own.
func TestANewKillDropsTheKeptOutcomeOnceInFlight(t *testing.T) {
	store := keptSuccess(t)
	release := make(chan struct{})
	e := &fakeEpic{kill: func(context.Context) error { <-release; return errors.New("connection reset") }}
	clk := &clock{now: start}
	p := openWith(t, e, &fakeBrowser{}, store, clk)

	p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})

	e.waitForKill(t)
	// Writes keep their order: once the kill type's is done, a drop
	// queued at the click would be too.
	p.Select("OTHERS")
	require.Eventually(t, func() bool { return store.all()[keyKillType] == "OTHERS" }, time.Second, time.Millisecond)
	_, kept := store.all()[keyOutcome]
	assert.True(t, kept, "the kept outcome was dropped before the kill was in flight")

	clk.advance(AnswerGrace)
	require.Eventually(t, func() bool { _, kept := store.all()[keyOutcome]; return !kept }, time.Second, time.Millisecond)
	reopened := openWith(t, &fakeEpic{}, &fakeBrowser{}, store, &clock{now: start}).screen.last()
	assert.NotEqual(t, explain.OutcomeSuccess, reopened.Outcome, "the earlier outcome shows as the last one")
	assert.Contains(t, reopened.Message, "before Epic answered", "the kill in flight is not told")

	close(release)
	v := p.screen.waitFor(t, explain.OutcomeError)
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyOutcome], v.Message) }, time.Second, time.Millisecond,
		"the new outcome is kept")
}

// A token taken in place of one whose kill failed drops that failure, which
// was about the token before: here, and for the next popup.
func TestAnotherTokenDropsTheKeptFailure(t *testing.T) {
	store := newStore()
	e := &fakeEpic{kill: func(context.Context) error {
		return &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.missing_permission"}
	}}
	p := openWith(t, e, &fakeBrowser{}, store, &clock{now: start})
	p.Kill(Form{Token: token, KillType: "OTHERS"})
	p.screen.waitFor(t, explain.OutcomeError)
	require.Eventually(t, func() bool { return store.all()[keyOutcome] != "" }, time.Second, time.Millisecond)

	const another = "fedcba9876543210fedcba9876543210"
	p.TakeToken(another)

	assert.Equal(t, explain.OutcomeNone, p.screen.last().Outcome)
	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyToken], another) }, time.Second, time.Millisecond)
	_, kept := store.all()[keyOutcome]
	assert.False(t, kept, "the failure is kept for the next popup") // written before the token, in order
	v := openWith(t, e, &fakeBrowser{}, store, &clock{now: start}).screen.last()
	assert.Equal(t, explain.OutcomeNone, v.Outcome, "the next popup shows the failure about the token before: %q", v.Message)
}

// A kill clicked while Epic checks the token waits for the check; when Epic
// throttles the check, the kill is not sent into the same wait: the popup
// says so, and how long, and Kill sessions waits too.
func TestAKillWaitingForAThrottledCheckIsNotSent(t *testing.T) {
	answer := make(chan struct{})
	e := &fakeEpic{verify: func(context.Context) (*epic.VerifiedToken, error) {
		<-answer
		return nil, throttledFor(221 * time.Second)
	}}
	store := newStore()
	clk := &clock{now: start}
	p := openWith(t, e, &fakeBrowser{}, store, clk)
	p.TakeToken(token)
	p.Kill(Form{KillType: "OTHERS"})
	close(answer)

	v := p.screen.waitFor(t, explain.OutcomeError)
	assert.Equal(t, "Epic is limiting requests for now.", v.Message)
	assert.Equal(t, "Nothing was sent. Try again in 3 min 41 s.", v.Advice)
	assert.Equal(t, "outcome", v.Focus)
	assert.False(t, v.KillEnabled)
	assert.Empty(t, e.sent("kill"), "no kill sent into Epic's wait")
	assert.Contains(t, v.Details, "HTTP status: 429\n", "the details are those of Epic's answer to the check")

	require.Eventually(t, func() bool { return strings.Contains(store.all()[keyOutcome], "limiting") }, time.Second, time.Millisecond)
	clk.advance(time.Minute)
	again := openWith(t, e, &fakeBrowser{}, store, clk).screen.last()
	assert.Equal(t, "Nothing was sent. Try again in 2 min 41 s.", again.Advice, "a reopened popup says what is left")
}
