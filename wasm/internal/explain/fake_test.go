//go:build !js

// These tests run the real client against the fake account service, which a
// browser page cannot reach, so they run natively only.

package explain

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// TestExplainsWhatTheClientMakesOfTheFakesAnswers checks that the table
// matches what the client really decodes, not only hand-built errors.
func TestExplainsWhatTheClientMakesOfTheFakesAnswers(t *testing.T) {
	const account = "94b1569506b04f9f8557af611e8c5e47"
	clientPerms := []fakeepic.Permission{{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete}}
	cases := []struct {
		name     string
		killType string // "" = KillSession
		grant    fakeepic.Grant
		fault    fakeepic.Fault
		kill     bool // kill the token before use
		timeout  time.Duration
		reason   Reason
		title    string
		wait     time.Duration
	}{
		{"204", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{Permissions: clientPerms}, fakeepic.Fault{}, false, 0,
			ReasonSignedOut, "Your other logins of this app were signed out, in every service.", 0},
		{"204 own session", "", fakeepic.Grant{}, fakeepic.Fault{}, false, 0,
			ReasonSignedOut, "The token in this popup was signed out.", 0},
		{"dead token", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{Permissions: clientPerms}, fakeepic.Fault{}, true, 0,
			ReasonTokenDead, "This token is no longer valid.", 0},
		{"expired token", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{Permissions: clientPerms, ExpiresIn: -time.Hour}, fakeepic.Fault{}, false, 0,
			ReasonTokenDead, "This token has expired or was signed out.", 0},
		{"missing permission", "ALL", fakeepic.Grant{Permissions: clientPerms}, fakeepic.Fault{}, false, 0,
			ReasonMissingPermission, "This token is not allowed to sign out “Everywhere, including here” (ends this token too).", 0},
		{"client-only token", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{AccountID: "-", Permissions: clientPerms}, fakeepic.Fault{}, false, 0,
			ReasonClientOnlyToken, "This token belongs to an app, not to a signed-in account.", 0},
		{"throttled", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{}, fakeepic.Throttled(221), false, 0,
			ReasonThrottled, "Epic is limiting requests for now.", 221 * time.Second},
		{"capacity throttled", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{},
			fakeepic.EpicError(429, "errors.com.epicgames.common.throttled", 1041, "Operation access is limited by throttling policy, please try again in 7 second(s).", "7"),
			false, 0, ReasonThrottled, "Epic is limiting requests for now.", 7 * time.Second},
		{"too many sessions", "", fakeepic.Grant{},
			fakeepic.EpicError(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048, "Sorry too many sessions have been issued for your account. Please try again later"),
			false, 0, ReasonTooManySessions, "Epic says too many sessions were issued for your account.", 0},
		{"server error", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{}, fakeepic.ServerError(503), false, 0,
			ReasonEpicTrouble, "Epic's service is having trouble.", 0},
		{"HTML page", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{}, fakeepic.HTMLPage(403), false, 0,
			ReasonWebPage, "A web page answered instead of Epic.", 0},
		{"slow", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{}, fakeepic.Slow(time.Minute), false, 50 * time.Millisecond,
			ReasonTimeout, "Epic did not answer within 1 s.", 0},
		{"dropped", "OTHERS_ACCOUNT_CLIENT", fakeepic.Grant{}, fakeepic.Dropped(), false, 0,
			ReasonUnreachable, "Could not reach Epic.", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			svc := fakeepic.New()
			srv := httptest.NewServer(svc)
			defer srv.Close()
			g := tc.grant
			switch g.AccountID {
			case "":
				g.AccountID = account
			case "-":
				g.AccountID = ""
			}
			token := svc.Issue(g)
			if tc.kill {
				require.NoError(t, (&epic.Client{Doer: srv.Client(), BaseURL: srv.URL}).KillSession(t.Context(), token))
			}
			svc.FaultNext(tc.fault)
			client := &epic.Client{Doer: srv.Client(), BaseURL: srv.URL}
			ctx := t.Context()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}

			kt := epic.OwnSession
			var err error
			if tc.killType == "" {
				err = client.KillSession(ctx, token)
			} else {
				kt, _ = epic.ParseKillType(tc.killType)
				err = client.Kill(ctx, token, tc.killType)
			}
			x := Explain(Input{KillType: kt, Err: err, Now: time.Now(), Timeout: tc.timeout})

			assert.Equal(t, tc.reason, x.Reason, "%v", err)
			assert.Equal(t, tc.title, title(x))
			assert.Equal(t, tc.wait, x.Wait)
			assertPlain(t, x)
			text := details(x)
			assert.NotContains(t, text, token)
			assert.NotContains(t, title(x)+advice(x), token)
			if x.Status != 0 && x.Outcome == OutcomeError {
				// Kill returns nothing for 204, so only errors carry the id.
				assert.NotEmpty(t, x.Details.CorrelationID, "the fake always sends one")
			}
		})
	}
}
