package popup

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// killTypeShown is what the popup shows of each kill type: its option, the
// line about it, and, in small print, Epic's name for it with what the token
// lacks.
var killTypeShown = map[string]struct{ label, description, lacks string }{
	"OTHERS_ACCOUNT_CLIENT_SERVICE": {"Other logins of this app",
		"Your other logins of the app this token is from, such as Fortnite on your other devices. Keeps this one.",
		"account:token:otherSessionsForAccountClientService DELETE (account)"},
	"OTHERS_ACCOUNT_CLIENT": {"Other logins, all services",
		"Your other logins of this app, whatever game service they use. Keeps this one.",
		"account:token:otherSessionsForAccountClient DELETE (account)"},
	"OTHERS_SAME_SOURCE_ID": {"Other logins, same source",
		"Your other logins that came from the same sign-in source; Epic says little more. Keeps this one.",
		"account:token:otherSessionsWithSameSourceId DELETE (account)"},
	"OTHERS": {"Everywhere else",
		"Every other login of your account, in every app and on every device. Keeps this one.",
		"account:token:otherSessionsForAccount DELETE (account)"},
	"ALL": {"Everywhere, including here",
		"Every login of your account, in every app and on every device, this one too.",
		"account:token:allSessionsForAccount DELETE (account)"},
	"ALL_ACCOUNT_CLIENT": {"This app, including here",
		"Every login of the app this token is from, on every device, this one too.",
		"account:token:allSessionsForAccountClient DELETE (account)"},
}

// TestTheKillTypesAsShown picks each kill type with tokens that may use all,
// some or none of them: the options are labelled in a player's words and
// marked where the token may not use them, the small print gives Epic's
// name and what the token lacks, and the types that end this session too
// warn at once. A token that may use no kill type is not offered Kill
// sessions at all, only Epic's own Sign out everywhere; it can still sign
// out its own session.
func TestTheKillTypesAsShown(t *testing.T) {
	const noKill = "This token is not allowed to sign out other sessions. Epic's own Sign out everywhere can: Account, then Password and security."
	tests := []struct {
		name string
		// verify answers the token's verify; nil pastes no token.
		verify func(context.Context) (*epic.VerifiedToken, error)
		usable []string // nil: all
		noKill bool
	}{
		{name: "no token"},
		{name: "permissions unknown", verify: verified()},
		{name: "every kill type", verify: verified(epic.GrantedPermission{Resource: "account:token:*", Action: epic.ActionDelete})},
		{name: "one kill type", verify: verified(onlyAccountClient), usable: []string{"OTHERS_ACCOUNT_CLIENT"}},
		{name: "no kill type", verify: verified([]epic.GrantedPermission{}...), usable: []string{}, noKill: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{verify: tt.verify}
			p := open(t, e)
			if tt.verify != nil {
				p.TakeToken(token)
				p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
			}
			usable := func(name string) bool { return tt.usable == nil || slices.Contains(tt.usable, name) }

			for _, kt := range epic.KillTypes {
				p.Select(kt.Name)

				v := p.screen.last()
				shown := killTypeShown[kt.Name]
				require.Len(t, v.Options, len(epic.KillTypes))
				for i, o := range v.Options {
					name := epic.KillTypes[i].Name
					want := Option{Name: name, Label: killTypeShown[name].label}
					if !usable(name) {
						want = Option{Name: name, Label: killTypeShown[name].label + " (not allowed)", Blocked: true}
					}
					assert.Equal(t, want, o)
				}
				assert.Equal(t, kt.Name, v.Selected)
				assert.Equal(t, shown.description, v.Description, kt.Name)
				assert.Equal(t, !usable(kt.Name), v.Blocked, kt.Name)
				if usable(kt.Name) {
					assert.Equal(t, "Epic's name: "+kt.Name, v.EpicName)
				} else {
					assert.Equal(t, "Epic's name: "+kt.Name+". This token lacks "+shown.lacks+".", v.EpicName)
				}
				if kt.EndsCurrentSession {
					assert.Equal(t, "This signs you out here too: the token in this popup stops working.", v.Warning, kt.Name)
				} else {
					assert.Empty(t, v.Warning, kt.Name)
				}
				if tt.noKill {
					assert.Equal(t, noKill, v.NoKill)
					assert.False(t, v.KillEnabled, "Kill sessions is not offered")
				} else {
					assert.Empty(t, v.NoKill)
					assert.True(t, v.KillEnabled)
				}
				assert.True(t, v.KillThisEnabled, "signing out this token needs no kill type")
				assert.True(t, v.InputsEnabled)
			}
		})
	}
}

// A token that may use no kill type: a click that reaches Kill sessions
// all the same sends nothing and points to Epic's Sign out everywhere;
// signing out its own session still works.
func TestATokenThatMayUseNoKillType(t *testing.T) {
	e := &fakeEpic{verify: verified([]epic.GrantedPermission{}...)}
	p := open(t, e)
	p.TakeToken(token)
	p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })

	p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})

	v := p.screen.last()
	assert.Equal(t, explain.OutcomeError, v.Outcome)
	assert.Equal(t, "This token is not allowed to sign out “Other logins, all services”. Nothing was sent.", v.Message)
	assert.Equal(t, "It may sign out nothing else. To sign out everywhere, use Sign out everywhere under Password and security in your Epic account settings.", v.Advice)
	assert.False(t, v.KillEnabled)
	assert.Empty(t, e.sent("kill"))

	p.KillThisSession()
	p.confirmAfterGuard(t, Form{})
	p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Len(t, e.sent("killSession"), 1)
}

// TestTheConfirmButtonNamesTheConsequence: the confirmation of each kill that
// ends this session too says what it signs out, and its button what it does.
func TestTheConfirmButtonNamesTheConsequence(t *testing.T) {
	tests := []struct {
		name   string
		ask    func(p *popup)
		text   string
		button string
	}{
		{"ALL", func(p *popup) { p.Kill(Form{KillType: "ALL"}) },
			"Every login of your account, in every app and on every device, this one too. The token in this popup stops working too, and the popup forgets it.",
			"Sign out everywhere, including here"},
		{"ALL_ACCOUNT_CLIENT", func(p *popup) { p.Kill(Form{KillType: "ALL_ACCOUNT_CLIENT"}) },
			"Every login of the app this token is from, on every device, this one too. The token in this popup stops working too, and the popup forgets it.",
			"Sign out this app everywhere, including here"},
		{"this token only", func(p *popup) { p.KillThisSession() },
			"This signs out only the token in this popup: Verified Player · Fortnite (PC) · 2 h 00 min left. " +
				"It stops working and is forgotten; your other logins stay signed in.",
			"Sign out this token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{verify: verified(epic.GrantedPermission{Resource: "account:token:*", Action: epic.ActionDelete})}
			p := open(t, e)
			p.TakeToken(token)
			p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })

			tt.ask(p)

			v := p.screen.last()
			require.True(t, v.Confirming)
			assert.Equal(t, tt.text, v.ConfirmText)
			assert.Equal(t, tt.button, v.ConfirmButton)
			assert.Equal(t, messages.English.Text(messages.KillTypeConfirm(v.ConfirmFor)), v.ConfirmButton)

			p.Cancel()
			v = p.screen.last()
			assert.False(t, v.Confirming)
			assert.Empty(t, v.ConfirmButton, "no confirmation, no button text")
			assert.Empty(t, v.ConfirmText)
		})
	}
}

// After others were signed out, whoever used those sessions can still sign
// in with the password: the advice says to change it. Not after a kill
// that ended this token too.
func TestSecureAccountAdviceAfterSigningOthersOut(t *testing.T) {
	const secure = "A kill does not stop someone who knows your password: change it and turn on two-factor sign-in in your Epic account."
	for _, kt := range append(append([]epic.KillType(nil), epic.KillTypes...), epic.OwnSession) {
		t.Run(kt.Name, func(t *testing.T) {
			e := &fakeEpic{}
			p := open(t, e)
			p.TakeToken(token)
			p.screen.waitUntil(t, "verify over", func(v View) bool { return strings.HasPrefix(v.TokenStatus, "Epic could not confirm") })
			switch {
			case kt.Name == epic.OwnSession.Name:
				p.KillThisSession()
				p.confirmAfterGuard(t, Form{})
			case kt.EndsCurrentSession:
				p.Select(kt.Name)
				p.Kill(Form{KillType: kt.Name})
				p.confirmAfterGuard(t, Form{KillType: kt.Name})
			default:
				p.Select(kt.Name)
				p.Kill(Form{KillType: kt.Name})
			}

			v := p.screen.waitFor(t, explain.OutcomeSuccess)
			assert.Equal(t, messages.English.Text(messages.KillTypeDone(kt.Name)), v.Message)
			if kt.EndsCurrentSession {
				assert.NotContains(t, v.Advice, secure)
				assert.False(t, v.TokenHeld)
			} else {
				assert.Equal(t, "The signed-out devices have to sign in again. This token still works. "+secure, v.Advice)
				assert.True(t, v.TokenHeld)
			}
		})
	}
}

// TestTheHistoryReferenceHoldsWhatTheOutcomeLeavesOut: whatever Epic
// answers, the result and the advice say it in words; the HTTP status and
// Epic's error code are in the details and in the history line's
// reference.
func TestTheHistoryReferenceHoldsWhatTheOutcomeLeavesOut(t *testing.T) {
	tests := []struct {
		name      string
		answer    error
		reference string
		text      string
	}{
		{"204", nil, "HTTP 204", "signed out"},
		{"403 missing permission", &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true,
			ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023}, "HTTP 403, errors.com.epicgames.common.missing_permission", "not done"},
		{"429 throttled", &epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true,
			ErrorCode: "errors.com.epicgames.common.throttled", NumericErrorCode: 1041, RetryAfter: 221 * time.Second}, "HTTP 429, errors.com.epicgames.common.throttled", "not done"},
		{"500 without a code", &epic.APIError{StatusCode: 500, Body: epic.BodyEmpty}, "HTTP 500", "not done"},
		{"an unknown code", &epic.APIError{StatusCode: 418, Body: epic.BodyEpicJSON, FromEpic: true,
			ErrorCode: "errors.com.epicgames.new\u202e\nthing", NumericErrorCode: 4242, ErrorMessage: "Something new."}, "HTTP 418, errors.com.epicgames.new thing", "not done"},
		{"an HTML page", &epic.APIError{StatusCode: 502, Body: epic.BodyOther, ContentType: "text/html"}, "HTTP 502", "not done"},
		{"no answer", &epic.TransportError{Err: errFailedToFetch}, "", "no answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &fakeEpic{kill: func(context.Context) error { return tt.answer }}
			p := open(t, e)

			p.Kill(Form{Token: token, KillType: "OTHERS"})
			p.waitUntilAnswered(t)

			v := p.screen.last()
			assertNoReference(t, v)
			require.Len(t, v.History, 1)
			assert.Equal(t, start.Local().Format("15:04:05")+" Everywhere else: "+tt.text, v.History[0].Text)
			assert.Equal(t, tt.reference, v.History[0].Reference)
			assert.NotRegexp(t, threeDigits, v.History[0].Text)
			if tt.reference != "" {
				assert.Contains(t, v.Details, "HTTP status: "+tt.reference[len("HTTP "):len("HTTP 123")])
			}
		})
	}
}

var errFailedToFetch = errors.New("net/http: fetch() failed: Failed to fetch")
