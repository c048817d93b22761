package explain

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// The saved logins' requests read Epic's answers in their own words: no
// sentence about signing out or sessions, and the login named.
func TestSavedLoginsAnswers(t *testing.T) {
	login := m(messages.QuotedLogin, "login", "Fortnite on Windows")
	revoke := func(err error) Input {
		return Input{Action: ActionRevokeLogin, Login: login, Err: err, Timeout: 15 * time.Second,
			Request: "DELETE /account/api/public/account/aa/deviceAuth/bb"}
	}
	list := func(err error) Input {
		return Input{Action: ActionListLogins, Err: err, Timeout: 15 * time.Second,
			Request: "GET /account/api/public/account/aa/deviceAuth"}
	}
	notFound := epicErr(404, deviceAuthNotFound, 18130, "Sorry we could not find the device auth")
	newToken := "Sign in on epicgames.com again and paste a fresh token"
	cases := []struct {
		name string
		in   Input
		want want
	}{
		{"revoke 204", revoke(nil), want{reason: ReasonRevoked, outcome: OutcomeSuccess, status: 204,
			title: "“Fortnite on Windows” was revoked.", advice: []string{"sign in with the password again"}}},
		{"revoke 404 device auth gone", revoke(notFound), want{reason: ReasonAlreadyRevoked, outcome: OutcomeSuccess,
			status: 404, title: "“Fortnite on Windows” was revoked already."}},
		{"revoke 404 another code", revoke(epicErr(404, "errors.com.epicgames.common.not_found", 1004, "")),
			want{reason: ReasonNotFound, status: 404, title: "Epic does not know the address the request went to.",
				advice: []string{"Nothing was revoked."}, notAdvice: []string{"signed out"}}},
		{"revoke 403", revoke(epicErr(403, missingPermissionCode, 1023, "Sorry your login does not posses the permissions 'account:public:account:deviceAuths DELETE'")),
			want{reason: ReasonMissingPermission, status: 403, title: "This token may not revoke saved logins.",
				advice: []string{"Nothing was revoked."}, notAdvice: []string{"signed out", "Sign out everywhere"}}},
		{"revoke 401", revoke(epicErr(401, "errors.com.epicgames.common.authentication.token_verification_failed", 1031, "")),
			want{reason: ReasonTokenDead, status: 401, title: "This token has expired or was signed out.", tokenDead: true,
				advice: []string{"Nothing was revoked.", newToken}, notAdvice: []string{"signed out."}}},
		{"revoke 429", revoke(epicErr(429, throttledCode, 1041, throttleMessage, "221")),
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.", wait: 221 * time.Second,
				advice: []string{"Nothing was revoked.", "Try again in 3 min 41 s."}, notAdvice: []string{"signed out"}}},
		{"revoke 503", revoke(bare(503, epic.BodyEmpty, "")), want{reason: ReasonEpicTrouble, status: 503,
			title: "Epic's service is having trouble.", advice: []string{"whether the saved login was revoked"}, notAdvice: []string{"sessions"}}},
		{"revoke 200", revoke(bare(200, epic.BodyEmpty, "")), want{reason: ReasonOddSuccess, status: 200,
			title: "Epic accepted the request, but not with its usual answer.", advice: []string{"probably revoked"}, notAdvice: []string{"Sessions"}}},
		{"revoke timeout", revoke(context.DeadlineExceeded), want{reason: ReasonTimeout,
			title: "Epic did not answer within 15 s.", advice: []string{"whether the saved login was revoked"}, notAdvice: []string{"sessions"}}},
		{"revoke unreachable", revoke(&epic.TransportError{Err: errors.New("Failed to fetch")}), want{reason: ReasonUnreachable,
			title: "Could not reach Epic.", advice: []string{"whether the saved login was revoked"}, notAdvice: []string{"sessions"}}},
		{"list 403", list(epicErr(403, missingPermissionCode, 1023, "Sorry your login does not posses the permissions 'account:public:account:deviceAuths READ'")),
			want{reason: ReasonMissingPermission, status: 403, title: "This token cannot list saved logins.",
				advice: []string{"Kill sessions works as before."}, notAdvice: []string{"Nothing was", "Sign out everywhere"}}},
		{"list 401", list(bare(401, epic.BodyEmpty, "")), want{reason: ReasonTokenDead, status: 401, tokenDead: true,
			title: "Epic did not accept the token: it may have expired.", advice: []string{newToken}, notAdvice: []string{"Nothing was"}}},
		{"list 429", list(epicErr(429, throttledCode, 1041, throttleMessage, "221")),
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.", wait: 221 * time.Second,
				advice: []string{"Try again in 3 min 41 s."}, notAdvice: []string{"Nothing was"}}},
		{"list 502", list(bare(502, epic.BodyEmpty, "")), want{reason: ReasonEpicTrouble, status: 502,
			title: "Epic's service is having trouble.", advice: []string{"on Epic's side"}, notAdvice: []string{"sessions", "revoked"}}},
		{"list not a list", list(&epic.DeviceAuthListError{Problem: epic.DeviceAuthListNotArray}),
			want{reason: ReasonListUnreadable, status: 200, title: "Epic's list of saved logins could not be read.",
				advice: []string{"Copy the details"}}},
		{"list unreachable", list(&epic.TransportError{Err: errors.New("Failed to fetch")}), want{reason: ReasonUnreachable,
			title: "Could not reach Epic.", advice: []string{"list them again"}, notAdvice: []string{"sessions"}}},
		{"list stopped", list(context.Canceled), want{reason: ReasonStopped,
			title: "The request was stopped before Epic answered.", advice: []string{"list them again"}, notAdvice: []string{"Sessions"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := explainAs(t, tc.in, tc.want)
			details := x.Details.Text(messages.English)
			assert.Contains(t, details, "Request: "+tc.in.Request)
			assert.NotContains(t, details, "Kill type:", "a saved logins' request has no kill type")
		})
	}
}

func TestAListThatCameSaysNothing(t *testing.T) {
	x := Explain(Input{Action: ActionListLogins, Now: now})
	assert.Equal(t, OutcomeSuccess, x.Outcome)
	assert.Equal(t, ReasonListed, x.Reason)
	assert.Empty(t, x.Title.Key, "the list shows itself; the outcome of a kill stays")
}

func TestTheListsBodyIsSaidInTheDetails(t *testing.T) {
	for problem, line := range map[epic.DeviceAuthListProblem]string{
		epic.DeviceAuthListEmpty:    "Body: empty",
		epic.DeviceAuthListTooLarge: "Body: over 64 KiB, not read",
		epic.DeviceAuthListBrokeOff: "Body: broke off while being read",
		epic.DeviceAuthListNotJSON:  "Body: not in Epic's error format",
	} {
		x := Explain(Input{Action: ActionListLogins, Now: now, Err: &epic.DeviceAuthListError{Problem: problem}})
		assert.Contains(t, x.Details.Text(messages.English), line)
	}
}
