package popup

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
)

const token = "065981d58ba642e7ac6ef7d6c4ed15b2"

// fakeKiller records kills and answers each with answer, which may block.
type fakeKiller struct {
	mu     sync.Mutex
	calls  []Form
	answer func(ctx context.Context) error
}

func (k *fakeKiller) Kill(ctx context.Context, token, killType string) error {
	k.mu.Lock()
	k.calls = append(k.calls, Form{Token: token, KillType: killType})
	answer := k.answer
	k.mu.Unlock()
	if answer == nil {
		return nil
	}
	return answer(ctx)
}

func (k *fakeKiller) sent() []Form {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]Form(nil), k.calls...)
}

// screen keeps every view rendered, like the DOM would show the last one.
type screen struct {
	mu      sync.Mutex
	views   []View
	changed chan struct{}
}

func newScreen() *screen { return &screen{changed: make(chan struct{}, 100)} }

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

// waitFor waits until the shown outcome is want.
func (s *screen) waitFor(t *testing.T, want Outcome) View {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		if v := s.last(); v.Outcome == want {
			return v
		}
		select {
		case <-s.changed:
		case <-deadline:
			t.Fatalf("outcome %q never shown; last view %+v", want, s.last())
		}
	}
}

func TestNewShowsTheFirstKillTypeReadyToUse(t *testing.T) {
	s := newScreen()
	New(&fakeKiller{}, s.render)
	v := s.last()
	assert.True(t, v.InputsEnabled)
	assert.True(t, v.KillEnabled)
	assert.Equal(t, "OTHERS_ACCOUNT_CLIENT_SERVICE", v.Selected)
	assert.Equal(t, epic.KillTypes[0].Description, v.Description)
	assert.Equal(t, "Epic permission: account:token:otherSessionsForAccountClientService DELETE (account)", v.Permission)
	assert.Equal(t, OutcomeNone, v.Outcome)
}

func TestSelectShowsTheChosenTypesDescription(t *testing.T) {
	s := newScreen()
	c := New(&fakeKiller{}, s.render)
	c.Select("OTHERS")
	v := s.last()
	assert.Equal(t, "OTHERS", v.Selected)
	assert.Equal(t, "Signs out all your other sessions, in every app; keeps this one.", v.Description)
	assert.Equal(t, "Epic permission: account:token:otherSessionsForClient DELETE (client); account:token:otherSessionsForAccount DELETE (account)", v.Permission)
}

func TestKillOutcomes(t *testing.T) {
	tests := []struct {
		name        string
		killType    string
		answer      func(context.Context) error
		wantOutcome Outcome
		wantMessage string
	}{
		{
			name: "204", killType: "OTHERS_ACCOUNT_CLIENT",
			wantOutcome: OutcomeSuccess, wantMessage: "204: Your other sessions of this app were signed out.",
		},
		{
			name: "Epic error shows status and code", killType: "OTHERS",
			answer: func(context.Context) error {
				return &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023, ErrorMessage: "Sorry your login does not posses the permissions 'account:token:otherSessionsForClient DELETE' needed to perform the requested operation"}
			},
			wantOutcome: OutcomeError,
			wantMessage: "Epic answered HTTP 403 errors.com.epicgames.common.missing_permission (1023): Sorry your login does not posses the permissions 'account:token:otherSessionsForClient DELETE' needed to perform the requested operation.",
		},
		{
			name: "no answer in time", killType: "OTHERS",
			answer: func(ctx context.Context) error {
				<-ctx.Done()
				return &epic.TransportError{Err: ctx.Err()}
			},
			wantOutcome: OutcomeError,
			wantMessage: "Epic did not answer within 20ms, so the request was stopped; the sessions may or may not have been signed out.",
		},
		{
			name: "unreachable", killType: "OTHERS",
			answer: func(context.Context) error {
				return &epic.TransportError{Err: errorString("net/http: fetch() failed: Failed to fetch")}
			},
			wantOutcome: OutcomeError,
			wantMessage: "Could not reach Epic: net/http: fetch() failed: Failed to fetch.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &fakeKiller{answer: tt.answer}
			s := newScreen()
			c := New(k, s.render)
			c.timeout = 20 * time.Millisecond

			c.Kill(Form{Token: " bearer " + token, KillType: tt.killType})

			v := s.waitFor(t, tt.wantOutcome)
			assert.Equal(t, tt.wantMessage, v.Message)
			assert.True(t, v.KillEnabled, "the kill button is usable again")
			assert.Equal(t, "kill", v.Focus, "focus returns to the kill button")
			assert.True(t, v.InputsEnabled)
			assert.Equal(t, []Form{{Token: token, KillType: tt.killType}}, k.sent())
		})
	}
}

func TestWhileSendingTheControlsAreOffAndNothingMoreIsSent(t *testing.T) {
	release := make(chan struct{})
	k := &fakeKiller{answer: func(context.Context) error { <-release; return nil }}
	s := newScreen()
	c := New(k, s.render)

	c.Kill(Form{Token: token, KillType: "OTHERS"})

	v := s.last() // rendered before Kill returned
	assert.Equal(t, OutcomePending, v.Outcome)
	assert.False(t, v.KillEnabled)
	assert.False(t, v.InputsEnabled)
	c.Kill(Form{Token: token, KillType: "OTHERS"})
	c.Kill(Form{Token: token, KillType: "OTHERS_ACCOUNT_CLIENT"})
	close(release)
	s.waitFor(t, OutcomeSuccess)
	assert.Len(t, k.sent(), 1)
}

func TestBadInputShowsOneSentenceAndSendsNothing(t *testing.T) {
	tests := []struct {
		name string
		form Form
		want string
	}{
		{"empty token", Form{Token: "", KillType: "OTHERS"}, "No access token: paste your current Epic access token."},
		{"token with space", Form{Token: "0659 81d5", KillType: "OTHERS"}, "The access token has spaces or line breaks inside: paste it as one piece."},
		{"unknown kill type", Form{Token: token, KillType: "EVERYONE"}, `Unknown kill type "EVERYONE": choose one of OTHERS_ACCOUNT_CLIENT_SERVICE, OTHERS_ACCOUNT_CLIENT, OTHERS_SAME_SOURCE_ID, OTHERS, ALL, ALL_ACCOUNT_CLIENT.`},
		{"bad input for a confirmed type", Form{Token: "", KillType: "ALL"}, "No access token: paste your current Epic access token."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &fakeKiller{}
			s := newScreen()
			c := New(k, s.render)

			c.Kill(tt.form)

			v := s.last()
			assert.Equal(t, OutcomeError, v.Outcome)
			assert.Equal(t, tt.want, v.Message)
			assert.False(t, v.Confirming)
			assert.True(t, v.KillEnabled)
			assert.Empty(t, k.sent())
		})
	}
}

func TestTypesThatEndThisSessionWaitForConfirm(t *testing.T) {
	for _, name := range []string{"ALL", "ALL_ACCOUNT_CLIENT"} {
		t.Run(name, func(t *testing.T) {
			k := &fakeKiller{}
			s := newScreen()
			c := New(k, s.render)
			form := Form{Token: token, KillType: name}

			c.Kill(form)

			v := s.last()
			require.True(t, v.Confirming)
			assert.Contains(t, v.ConfirmText, "including this one")
			assert.Contains(t, v.ConfirmText, "stops working too")
			assert.False(t, v.KillEnabled)
			assert.Equal(t, "confirm", v.Focus)
			c.Kill(form) // the kill button again: still waiting
			assert.Empty(t, k.sent(), "nothing before Confirm")

			c.Confirm(form)

			v = s.waitFor(t, OutcomeSuccess)
			assert.False(t, v.Confirming)
			assert.Contains(t, v.Message, "Paste a new token to do more.")
			assert.Equal(t, []Form{form}, k.sent())
		})
	}
}

func TestOtherTypesNeedNoConfirm(t *testing.T) {
	for _, kt := range epic.KillTypes {
		if kt.EndsCurrentSession {
			continue
		}
		t.Run(kt.Name, func(t *testing.T) {
			k := &fakeKiller{}
			s := newScreen()
			New(k, s.render).Kill(Form{Token: token, KillType: kt.Name})
			s.waitFor(t, OutcomeSuccess)
			assert.Len(t, k.sent(), 1)
		})
	}
}

func TestAConfirmationCanBeLeftWithoutSending(t *testing.T) {
	tests := []struct {
		name        string
		leave       func(c *Controller)
		wantMessage string
	}{
		{"cancel", func(c *Controller) { c.Cancel() }, "Cancelled: nothing was sent."},
		{"choose another type", func(c *Controller) { c.Select("OTHERS") }, ""},
		{"confirm after the form changed", func(c *Controller) { c.Confirm(Form{Token: token, KillType: "ALL_ACCOUNT_CLIENT"}) }, ""},
		{"confirm after the token was cleared", func(c *Controller) { c.Confirm(Form{Token: "", KillType: "ALL"}) }, "No access token: paste your current Epic access token."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &fakeKiller{}
			s := newScreen()
			c := New(k, s.render)
			c.Kill(Form{Token: token, KillType: "ALL"})
			require.True(t, s.last().Confirming)

			tt.leave(c)

			v := s.last()
			assert.False(t, v.Confirming)
			assert.True(t, v.KillEnabled)
			assert.Equal(t, tt.wantMessage, v.Message)
			c.Confirm(Form{Token: token, KillType: "ALL"}) // a late Confirm does nothing
			assert.Empty(t, k.sent())
		})
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"could not reach Epic: offline", "Could not reach Epic: offline."},
		{"already a sentence.", "Already a sentence."},
		{"ends with a question?", "Ends with a question?"},
		{"épée", "Épée."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Sentence(tt.in))
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
