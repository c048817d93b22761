package explain

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

var now = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

func killType(t testing.TB, name string) epic.KillType {
	t.Helper()
	kt, err := epic.ParseKillType(name)
	require.NoError(t, err)
	return kt
}

// epicErr is Epic's JSON error as the epic package decodes it.
func epicErr(status int, code string, numeric int, message string, vars ...string) *epic.APIError {
	return &epic.APIError{
		StatusCode: status, Body: epic.BodyEpicJSON, FromEpic: true, ContentType: "application/json",
		ErrorCode: code, NumericErrorCode: numeric, ErrorMessage: message, MessageVars: vars,
		OriginatingService: "com.epicgames.account.public", Intent: "prod",
		CorrelationID: "UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0",
	}
}

func withRetryAfter(e *epic.APIError, d time.Duration) *epic.APIError {
	e.RetryAfter = d
	return e
}

func bare(status int, body epic.BodyKind, contentType string) *epic.APIError {
	return &epic.APIError{StatusCode: status, Body: body, ContentType: contentType}
}

const (
	missingPermissionCode = "errors.com.epicgames.common.missing_permission"
	throttledCode         = "errors.com.epicgames.common.throttled"
	invalidRequestCode    = "errors.com.epicgames.common.oauth.invalid_request"
	throttleMessage       = "Operation access is limited by throttling policy, please try again in 221 second(s)."
)

type want struct {
	reason  Reason
	outcome Outcome // default OutcomeError
	status  int
	title   string
	// advice must contain each phrase, and none of notAdvice.
	advice    []string
	notAdvice []string
	wait      time.Duration
	tokenDead bool
	hostAcc   bool
}

type explainCase struct {
	name string
	in   Input
	want want
}

func explainCases(t testing.TB) []explainCase {
	others := killType(t, "OTHERS_ACCOUNT_CLIENT")
	all := killType(t, "ALL")
	newToken := []string{"Sign in on epicgames.com again and paste a fresh token"}
	return []explainCase{
		// 204
		{"204 others of this app", Input{KillType: others},
			want{reason: ReasonSignedOut, outcome: OutcomeSuccess, status: 204,
				title:  "Your other logins of this app were signed out, in every service.",
				advice: []string{"This token still works.", "change it and turn on two-factor sign-in"}}},
		{"204 ALL ends this token", Input{KillType: all},
			want{reason: ReasonSignedOut, outcome: OutcomeSuccess, status: 204,
				title:     "You were signed out everywhere, including here.",
				advice:    []string{"This token has ended too.", "Sign in on epicgames.com again and paste a fresh token to do more."},
				notAdvice: []string{"password"}, tokenDead: true}},
		{"204 ALL_ACCOUNT_CLIENT ends this token", Input{KillType: killType(t, "ALL_ACCOUNT_CLIENT")},
			want{reason: ReasonSignedOut, outcome: OutcomeSuccess, status: 204,
				title:  "Every login of this app was signed out, including here.",
				advice: []string{"This token has ended too."}, notAdvice: []string{"password"}, tokenDead: true}},
		{"204 own session", Input{KillType: epic.OwnSession},
			want{reason: ReasonSignedOut, outcome: OutcomeSuccess, status: 204,
				title: "The token in this popup was signed out.", advice: []string{"To do more, use your epicgames.com sign-in or paste a fresh token."},
				notAdvice: []string{"password"}, tokenDead: true}},

		// Token no longer valid.
		{"1031 token_verification_failed", Input{KillType: others, Err: epicErr(401,
			"errors.com.epicgames.common.authentication.token_verification_failed", 1031,
			"Sorry we couldn't validate your token [your token]. Please try with a new token.", "[your token]")},
			want{reason: ReasonTokenDead, status: 401, title: "This token has expired or was signed out.",
				advice: append([]string{"Nothing was signed out."}, newToken...), tokenDead: true}},
		{"1032 authentication_failed", Input{KillType: others, Err: epicErr(401,
			"errors.com.epicgames.common.authentication.authentication_failed", 1032,
			"Authentication failed for /account/api/oauth/sessions/kill", "/account/api/oauth/sessions/kill")},
			want{reason: ReasonTokenDead, status: 401, title: "Epic did not accept the token.", advice: newToken, tokenDead: true}},
		{"1014 invalid_token", Input{KillType: others, Err: epicErr(401,
			"errors.com.epicgames.common.oauth.invalid_token", 1014, "Malformed auth token [[your token]]", "[your token]")},
			want{reason: ReasonTokenDead, status: 401, title: "Epic says this is not a valid token.", advice: newToken, tokenDead: true}},
		{"18071 invalid_access_token", Input{KillType: others, Err: epicErr(401,
			"errors.com.epicgames.account.auth_token.invalid_access_token", 18071,
			"Sorry the access token '[your token]' is invalid", "[your token]")},
			want{reason: ReasonTokenDead, status: 401, title: "This token is no longer valid.", advice: newToken, tokenDead: true}},
		{"1002 unauthorized", Input{KillType: others, Err: epicErr(401, "errors.com.epicgames.unauthorized", 1002,
			"The request is missing authentication, or the authentication is no longer valid.", "could not parse access token")},
			want{reason: ReasonTokenDead, status: 401, title: "Epic did not accept the token.", advice: newToken, tokenDead: true}},
		{"unauthorized.v2", Input{KillType: others, Err: epicErr(401, "errors.com.epicgames.unauthorized.v2", 0, "")},
			want{reason: ReasonTokenDead, status: 401, title: "Epic did not accept the token.", advice: newToken, tokenDead: true}},
		{"errorCode matched whatever its letter case", Input{KillType: others, Err: epicErr(401,
			"Errors.com.EpicGames.Common.Authentication.Token_Verification_Failed", 1031, "")},
			want{reason: ReasonTokenDead, status: 401, title: "This token has expired or was signed out.", advice: newToken, tokenDead: true}},
		{"plain 401 without a code", Input{KillType: others, Err: bare(401, epic.BodyEmpty, "")},
			want{reason: ReasonTokenDead, status: 401, title: "Epic did not accept the token: it may have expired.", advice: newToken, tokenDead: true}},
		{"own session already dead", Input{KillType: epic.OwnSession, Err: epicErr(401,
			"errors.com.epicgames.account.auth_token.invalid_access_token", 18071, "Sorry the access token '[your token]' is invalid")},
			want{reason: ReasonTokenDead, status: 401, title: "This token is no longer valid.",
				advice: []string{"already over"}, notAdvice: []string{"Nothing was signed out."}, tokenDead: true}},

		// Missing permission.
		{"1023 ALL, usable unknown", Input{KillType: all, Err: epicErr(403, missingPermissionCode, 1023,
			"Sorry your login does not posses the permissions 'account:token:allSessionsForClient DELETE' needed to perform the requested operation",
			"account:token:allSessionsForClient", "DELETE")},
			want{reason: ReasonMissingPermission, status: 403,
				title: "This token is not allowed to sign out “Everywhere, including here” (ends this token too).",
				advice: []string{"Nothing was signed out.",
					"Try “Other logins of this app” or “Other logins, all services” instead.",
					"Sign out everywhere under Password and security"},
				notAdvice: []string{"account:token:", "DELETE", "OTHERS_ACCOUNT_CLIENT", "usually"}}},
		{"1023 OTHERS_ACCOUNT_CLIENT, one other usable", Input{KillType: others, Usable: []string{"OTHERS_ACCOUNT_CLIENT_SERVICE", "OTHERS_ACCOUNT_CLIENT"},
			Err: epicErr(403, missingPermissionCode, 1023, "", "account:token:otherSessionsForAccountClient", "DELETE")},
			want{reason: ReasonMissingPermission, status: 403, title: "This token is not allowed to sign out “Other logins, all services”.",
				advice:    []string{"This token can use “Other logins of this app” instead."},
				notAdvice: []string{"Sign out everywhere", "usually", "account:token:otherSessionsForAccountClient"}}},
		{"1023 nothing usable", Input{KillType: killType(t, "OTHERS"), Usable: []string{},
			Err: epicErr(403, missingPermissionCode, 1023, "", "account:token:otherSessionsForAccount", "DELETE")},
			want{reason: ReasonMissingPermission, status: 403, title: "This token is not allowed to sign out “Everywhere else”.",
				advice: []string{"It may sign out nothing else.", "Sign out everywhere"}, notAdvice: []string{"can use"}}},
		{"1023 permission named only in the message, usable names in any case", Input{KillType: all, Usable: []string{"others_account_client"},
			Err: epicErr(403, missingPermissionCode, 1023,
				"Sorry your login does not posses the permissions 'account:token:allSessionsForAccount DELETE' needed to perform the requested operation")},
			want{reason: ReasonMissingPermission, status: 403,
				title:     "This token is not allowed to sign out “Everywhere, including here” (ends this token too).",
				advice:    []string{"This token can use “Other logins, all services” instead."},
				notAdvice: []string{"account:token:allSessionsForAccount", "posses"}}},
		{"1023 single session", Input{KillType: epic.OwnSession, Err: epicErr(403, missingPermissionCode, 1023, "",
			"account:token:otherSessionsWithSameSourceForAccount", "DELETE")},
			want{reason: ReasonMissingPermission, status: 403, title: "This token lacks a permission Epic requires.",
				advice:    []string{"Nothing was signed out.", "Try “Other logins of this app” or “Other logins, all services” instead."},
				notAdvice: []string{"account:token:otherSessionsWithSameSourceForAccount"}}},

		// Throttling.
		{"1041 with Retry-After", Input{KillType: others, Err: withRetryAfter(epicErr(429, throttledCode, 1041, throttleMessage, "221"), 221*time.Second)},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Nothing was signed out.", "Try again in 3 min 41 s."}, wait: 221 * time.Second}},
		{"1041 wait from messageVars", Input{KillType: others, Err: epicErr(429, throttledCode, 1041, "", "65")},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Try again in 1 min 05 s."}, wait: 65 * time.Second}},
		{"1041 wait from the message", Input{KillType: others, Err: epicErr(429, throttledCode, 1041,
			"Operation access is limited by throttling policy, please try again in 12 second(s).")},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Try again in 12 s."}, wait: 12 * time.Second}},
		{"1041 hours", Input{KillType: others, Err: epicErr(429, throttledCode, 1041, "", "6798")},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Try again in 1 h 53 min 18 s."}, wait: 6798 * time.Second}},
		{"1041 absurd wait is capped", Input{KillType: others, Err: epicErr(429, throttledCode, 1041, "", "99999999999999999999")},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Try again in 24 h 00 min 00 s."}, wait: 24 * time.Hour}},
		{"1041 without a wait (capacity throttling)", Input{KillType: others, Err: epicErr(429, throttledCode, 1041, "")},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Epic did not say for how long: try again in 1 min 00 s."}, wait: time.Minute}},
		{"429 without Epic's marks starts no wait", Input{KillType: others, Err: withRetryAfter(bare(429, epic.BodyEmpty, ""), time.Hour)},
			want{reason: ReasonThrottled, status: 429, title: "Too many requests for now.",
				advice: []string{"Nothing was signed out.", "did not come from Epic", "Wait a minute"}, notAdvice: []string{"again in"}}},
		{"429 with only Epic's error header waits", Input{KillType: others, Err: func() error {
			e := withRetryAfter(bare(429, epic.BodyEmpty, ""), 30*time.Second)
			e.ErrorCode, e.FromEpic = throttledCode, true
			return e
		}()},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Try again in 30 s."}, wait: 30 * time.Second}},
		{"429 with an unknown code is still throttling", Input{KillType: others, Err: withRetryAfter(epicErr(429, "errors.com.epicgames.common.new_throttle", 0, ""), 5*time.Second)},
			want{reason: ReasonThrottled, status: 429, title: "Epic is limiting requests for now.",
				advice: []string{"Try again in 5 s."}, wait: 5 * time.Second}},

		// Other codes of §2.2.
		{"18048 too_many_sessions", Input{KillType: others, Err: epicErr(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048,
			"Sorry too many sessions have been issued for your account. Please try again later")},
			want{reason: ReasonTooManySessions, status: 400, title: "Epic says too many sessions were issued for your account.",
				advice: []string{"Nothing was signed out.", "a few hours", "every new sign-in adds a session"}}},
		{"18048 with Retry-After", Input{KillType: others, Err: withRetryAfter(epicErr(400, "errors.com.epicgames.account.oauth.too_many_sessions", 18048, ""), time.Hour)},
			want{reason: ReasonTooManySessions, status: 400, title: "Epic says too many sessions were issued for your account.",
				advice: []string{"Try again in 1 h 00 min 00 s."}, wait: time.Hour}},
		{"18051 unknown_oauth_session", Input{KillType: epic.OwnSession, Err: epicErr(404, "errors.com.epicgames.account.auth_token.unknown_oauth_session", 18051,
			"Sorry we could not find the auth session '[your token]'", "[your token]")},
			want{reason: ReasonUnknownSession, status: 404, title: "Epic found no such session; it has already ended.",
				advice: []string{"nothing left to sign out"}}},
		{"18040 not_own_session_removal", Input{KillType: epic.OwnSession, Err: epicErr(403, "errors.com.epicgames.account.auth_token.not_own_session_removal", 18040,
			"Sorry you cannot remove the auth session 50069c. It was not issued to you.", "50069c")},
			want{reason: ReasonNotOwnSession, status: 403, title: "That session was not issued to this token's account.",
				advice: []string{"Nothing was signed out.", "its own account"}}},
		{"1013 invalid killType", Input{KillType: others, Err: epicErr(400, invalidRequestCode, 1013, "A valid killType is required.")},
			want{reason: ReasonInvalidRequest, status: 400, title: "Epic did not accept the kill type.",
				advice: []string{"Epic's own words are in the details.", "check for an update"}, notAdvice: []string{"valid killType"}}},
		{"1013 client-only token", Input{KillType: others, Err: epicErr(400, invalidRequestCode, 1013,
			"Cannot use the killType OTHERS_ACCOUNT_CLIENT with a client only OauthSession.")},
			want{reason: ReasonClientOnlyToken, status: 400, title: "This token belongs to an app, not to a signed-in account.",
				advice:    []string{"sign out “Other logins, all services”.", "Sign in on epicgames.com"},
				notAdvice: []string{"OTHERS_ACCOUNT_CLIENT", "OauthSession"}}},
		{"1013 client-only token, single-session kill", Input{KillType: epic.OwnSession, Err: epicErr(400, invalidRequestCode, 1013,
			"Cannot remove the session of a client only OauthSession.")},
			want{reason: ReasonClientOnlyToken, status: 400, title: "This token belongs to an app, not to a signed-in account.",
				advice:    []string{"Epic lets only a token of a signed-in account use this kill.", "Sign in on epicgames.com"},
				notAdvice: []string{"OWN_SESSION"}}},
		{"1013 other, message only in error_description", Input{KillType: others, Err: func() error {
			e := epicErr(400, invalidRequestCode, 1013, "")
			e.OAuthErrorDescription = "Something is off."
			return e
		}()},
			want{reason: ReasonInvalidRequest, status: 400, title: "Epic rejected the request as invalid.",
				advice: []string{"Epic's own words are in the details."}, notAdvice: []string{"Something is off."}}},
		{"1004 not_found", Input{KillType: others, Err: epicErr(404, "errors.com.epicgames.common.not_found", 1004,
			"Sorry the resource you were trying to find could not be found")},
			want{reason: ReasonNotFound, status: 404, title: "Epic does not know the address the request went to.",
				advice: []string{"check for an update"}}},
		{"1009 method_not_allowed", Input{KillType: others, Err: epicErr(405, "errors.com.epicgames.common.method_not_allowed", 1009,
			"Sorry the resource you were trying to find cannot be accessed with the HTTP method OPTIONS.", "OPTIONS")},
			want{reason: ReasonNotFound, status: 405, title: "Epic does not accept this kind of request at that address.",
				advice: []string{"check for an update"}}},
		{"1000 server_error 503", Input{KillType: others, Err: epicErr(503, "errors.com.epicgames.common.server_error", 1000,
			"Sorry an error occurred and we were unable to resolve it (tracking id: [x])", "x")},
			want{reason: ReasonEpicTrouble, status: 503, title: "Epic's service is having trouble.",
				advice: []string{"on Epic's side", "not known whether sessions were signed out", "Try again in a few minutes"}, notAdvice: []string{"tracking id"}}},
		{"502 without a body", Input{KillType: others, Err: bare(502, epic.BodyEmpty, "")},
			want{reason: ReasonEpicTrouble, status: 502, title: "Epic's service is having trouble.", advice: []string{"Try again in a few minutes"}}},

		// Not Epic's answer.
		{"HTML page 403", Input{KillType: others, Err: bare(403, epic.BodyOther, "text/html; charset=UTF-8")},
			want{reason: ReasonWebPage, status: 403, title: "A web page answered instead of Epic.",
				advice: []string{"proxy, firewall or security check", "Open epicgames.com in a tab"}}},
		{"HTML page too large to read", Input{KillType: others, Err: bare(503, epic.BodyTooLarge, "TEXT/HTML")},
			want{reason: ReasonWebPage, status: 503, title: "A web page answered instead of Epic.", advice: []string{"Open epicgames.com"}}},
		{"HTML page 429 starts no wait", Input{KillType: others, Err: withRetryAfter(bare(429, epic.BodyOther, "text/html"), 30*time.Second)},
			want{reason: ReasonWebPage, status: 429, title: "A web page answered instead of Epic.", advice: []string{"Open epicgames.com"}}},
		{"HTML page 403 with a huge Retry-After starts no wait", Input{KillType: others, Err: withRetryAfter(bare(403, epic.BodyOther, "text/html"), 99999999*time.Second)},
			want{reason: ReasonWebPage, status: 403, title: "A web page answered instead of Epic.", notAdvice: []string{"again in"}}},
		{"timeout", Input{KillType: others, Timeout: 15 * time.Second, Err: &epic.TransportError{Err: fmt.Errorf("Delete: %w", context.DeadlineExceeded)}},
			want{reason: ReasonTimeout, title: "Epic did not answer within 15 s.",
				advice: []string{"The request was stopped; sessions may or may not have been signed out."}}},
		{"a kill that waited for Epic to confirm the token", Input{KillType: others, Timeout: 15 * time.Second, Err: ErrUnconfirmedInTime},
			want{reason: ReasonTimeout, title: "Epic did not answer within 15 s.",
				advice: []string{"Epic did not confirm the token in time, so no kill was sent."}, notAdvice: []string{"may or may not"}}},
		{"timeout of unknown length", Input{KillType: others, Err: context.DeadlineExceeded},
			want{reason: ReasonTimeout, title: "Epic did not answer in time.", advice: []string{"may or may not"}}},
		{"stopped", Input{KillType: others, Err: &epic.TransportError{Err: context.Canceled}},
			want{reason: ReasonStopped, title: "The request was stopped before Epic answered.", advice: []string{"may or may not"}}},
		{"offline", Input{KillType: others, Err: ErrOffline},
			want{reason: ReasonOffline, title: "You are offline.", advice: []string{"Nothing was sent.", "Connect to the internet"}}},
		{"offline, wrapped", Input{KillType: others, Err: fmt.Errorf("before sending: %w", ErrOffline)},
			want{reason: ReasonOffline, title: "You are offline.", advice: []string{"Nothing was sent."}}},
		{"host access revoked", Input{KillType: others, Err: ErrHostAccessRevoked},
			want{reason: ReasonHostAccess, title: "The extension may no longer contact Epic.",
				advice: []string{"account-public-service-prod.ol.epicgames.com", "nothing was sent", "Grant the access again"}, hostAcc: true}},
		{"redirect", Input{KillType: others, Err: &epic.RedirectError{StatusCode: 302, Location: "https://elsewhere.example/"}},
			want{reason: ReasonRedirect, status: 302, title: "The request was redirected, and the redirect was not followed.",
				advice: []string{"The token was sent nowhere else."}, notAdvice: []string{"elsewhere.example"}}},
		{"opaque redirect", Input{KillType: others, Err: &epic.RedirectError{}},
			want{reason: ReasonRedirect, title: "The request was redirected, and the redirect was not followed.", advice: []string{"Wi-Fi sign-in page"}}},
		{"transport", Input{KillType: others, Err: &epic.TransportError{Err: errors.New("dial tcp: connection refused")}},
			want{reason: ReasonUnreachable, title: "Could not reach Epic.", advice: []string{"not known whether sessions were signed out", "firewall, VPN or blocker"}}},
		{"input: no token", Input{KillType: others, Err: epic.ErrNoToken},
			want{reason: ReasonInput, title: "Nothing was sent.", advice: []string{"No access token: paste your current Epic access token."}}},
		{"input: kill type", Input{Err: &epic.KillTypeError{Input: "EVERYTHING"}},
			want{reason: ReasonInput, title: "Nothing was sent.", advice: []string{`Unknown kill type "EVERYTHING"`}}},

		// Unknown answers are reported, not interpreted.
		{"unknown code", Input{KillType: others, Err: epicErr(418, "errors.com.epicgames.some.new_thing", 9999, "Whatever happened here.")},
			want{reason: ReasonUnknown, status: 418, title: "Epic gave an answer this extension does not know.",
				advice:    []string{"Epic's own words are in the details.", "Copy the details below if you ask for help."},
				notAdvice: []string{"new_thing", "9999", "Whatever happened here."}}},
		{"unknown code with a known number is not guessed", Input{KillType: others, Err: epicErr(401, "errors.com.epicgames.some.new_thing", 1031, "")},
			want{reason: ReasonUnknown, status: 401, title: "Epic gave an answer this extension does not know.",
				advice: []string{"Copy the details below"}, notAdvice: []string{"own words", "new_thing", "1031"}}},
		{"number only", Input{KillType: others, Err: epicErr(400, "", 424242, "")},
			want{reason: ReasonUnknown, status: 400, title: "Epic gave an answer this extension does not know.",
				advice: []string{"Copy the details below"}, notAdvice: []string{"424242", "own words"}}},
		{"not Epic's format", Input{KillType: others, Err: bare(400, epic.BodyOther, "application/json")},
			want{reason: ReasonUnknown, status: 400, title: "Epic gave an answer this extension does not know.", advice: []string{"not in Epic's error format"}}},
		{"200 instead of 204", Input{KillType: others, Err: bare(200, epic.BodyEmpty, "")},
			want{reason: ReasonOddSuccess, status: 200, title: "Epic accepted the request, but not with its usual answer.",
				advice: []string{"probably signed out", "check on your other devices"}}},
		{"202 with a body", Input{KillType: others, Err: bare(202, epic.BodyOther, "application/json")},
			want{reason: ReasonOddSuccess, status: 202, title: "Epic accepted the request, but not with its usual answer.", advice: []string{"probably signed out"}}},
		{"other error", Input{KillType: others, Err: errors.New("the access token has expired")},
			want{reason: ReasonInput, title: "Nothing was sent.", advice: []string{"The access token has expired."}}},
		{"1023 the other published type, usable unknown", Input{KillType: others,
			Err: epicErr(403, missingPermissionCode, 1023, "", "account:token:otherSessionsForAccountClient", "DELETE")},
			want{reason: ReasonMissingPermission, status: 403, title: "This token is not allowed to sign out “Other logins, all services”.",
				advice:    []string{"Try “Other logins of this app” instead."},
				notAdvice: []string{"Sign out everywhere", "usually"}}},
		{"Epic's 503 with Retry-After waits", Input{KillType: others, Err: withRetryAfter(epicErr(503, "errors.com.epicgames.common.server_error", 1000, ""), 90*time.Second)},
			want{reason: ReasonEpicTrouble, status: 503, title: "Epic's service is having trouble.",
				advice: []string{"Try again in 1 min 30 s."}, wait: 90 * time.Second}},
		{"503 without Epic's marks starts no wait", Input{KillType: others, Err: withRetryAfter(bare(503, epic.BodyEmpty, ""), 90*time.Second)},
			want{reason: ReasonEpicTrouble, status: 503, title: "Epic's service is having trouble.",
				advice: []string{"Try again in a few minutes"}, notAdvice: []string{"min 30 s"}}},
	}
}

func TestExplain(t *testing.T) {
	for _, tc := range explainCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			x := explainAs(t, tc.in, tc.want)
			assert.Equal(t, tc.in.KillType.Name, x.Details.KillType)
		})
	}
}

// explainAs explains in, at now, and checks the explanation against w.
func explainAs(t *testing.T, in Input, w want) Explanation {
	t.Helper()
	in.Now = now
	x := Explain(in)
	if w.outcome == "" {
		w.outcome = OutcomeError
	}
	assert.Equal(t, w.reason, x.Reason)
	assert.Equal(t, w.outcome, x.Outcome)
	assert.Equal(t, w.status, x.Status)
	assert.Equal(t, w.title, title(x))
	for _, p := range w.advice {
		assert.Contains(t, advice(x), p)
	}
	for _, p := range w.notAdvice {
		assert.NotContains(t, advice(x), p)
	}
	assert.Equal(t, w.wait, x.Wait)
	if w.wait > 0 {
		assert.Equal(t, now.Add(w.wait), x.Until)
	} else {
		assert.True(t, x.Until.IsZero())
	}
	assert.Equal(t, w.tokenDead, x.TokenDead, "TokenDead")
	assert.Equal(t, w.hostAcc, x.NeedsHostAccess, "NeedsHostAccess")
	assertPlain(t, x)
	assert.Equal(t, now, x.Details.Time)
	assert.Equal(t, w.status, x.Details.Status)
	return x
}

// assertPlain checks what every text the user sees must be.
func assertPlain(t *testing.T, x Explanation) {
	t.Helper()
	for name, s := range map[string]string{"title": title(x), "advice": advice(x)} {
		require.NotEmpty(t, s, name)
		assert.NotContains(t, s, "\n", name)
		assert.NotContains(t, s, "<", name)
		assert.True(t, strings.HasSuffix(s, ".") || strings.HasSuffix(s, `."`), "%s ends a sentence: %q", name, s)
		assert.NotContains(t, s, "  ", name)
	}
	assert.LessOrEqual(t, len([]rune(title(x))), titleLimit(x), "the title is one short line: %q", title(x))
	assertNoReference(t, x)
}

// titleLimit is how long a title may be: 80 runes, but for a title that
// names a kill type which also ends this session, whose label says so
// ("…” (ends this token too)"): up to maxTitleRunes, the bound
// FuzzExplainAnswer holds every title to.
func titleLimit(x Explanation) int {
	if kt, err := epic.ParseKillType(x.Details.KillType); err == nil && kt.EndsCurrentSession && x.Reason == ReasonMissingPermission {
		return maxTitleRunes
	}
	return 80
}

// threeDigits is a number of three digits or more: an HTTP status or an
// Epic error number. No sentence of the popup's own has one (a wait is at
// most "24 h 00 min 00 s").
var threeDigits = regexp.MustCompile(`[0-9]{3,}`)

// assertNoReference checks that the title and advice, which the live region
// announces, carry no HTTP status and none of Epic's error codes: those are
// in the details, and in the history's reference.
func assertNoReference(t *testing.T, x Explanation) {
	t.Helper()
	for name, s := range map[string]string{"title": title(x), "advice": advice(x)} {
		assert.NotContains(t, s, "HTTP", name)
		assert.NotContains(t, s, "errors.com", name)
		assert.NotRegexp(t, threeDigits, s, name)
		if d := x.Details; d.ErrorCode != "" {
			assert.NotContains(t, strings.ToLower(s), strings.ToLower(d.ErrorCode), name)
		}
	}
}

func TestEveryErrorCodeInTheTableHasACase(t *testing.T) {
	tested := map[string]bool{}
	for _, tc := range explainCases(t) {
		var e *epic.APIError
		if errors.As(tc.in.Err, &e) && e.ErrorCode != "" {
			tested[strings.ToLower(e.ErrorCode)] = true
		}
	}
	for _, c := range codes {
		assert.True(t, tested[c.errorCode], "no case in explainCases for %s", c.errorCode)
	}
}

func TestEveryErrorCodeInTheTableIsDistinct(t *testing.T) {
	seenCode, seenNumeric := map[string]bool{}, map[int]bool{}
	for _, c := range codes {
		assert.False(t, seenCode[c.errorCode], "%s listed twice", c.errorCode)
		seenCode[c.errorCode] = true
		assert.Equal(t, strings.ToLower(c.errorCode), c.errorCode, "lookups compare in lower case")
		if c.numeric != 0 {
			assert.False(t, seenNumeric[c.numeric], "%d listed twice", c.numeric)
			seenNumeric[c.numeric] = true
		}
	}
}

// TestNumericCodeAloneMeansTheSame covers an answer whose errorCode was lost
// (only X-Epic-Error-Code, or a body without errorCode).
func TestNumericCodeAloneMeansTheSame(t *testing.T) {
	for _, c := range codes {
		if c.numeric == 0 {
			continue
		}
		t.Run(c.errorCode, func(t *testing.T) {
			byName := Explain(Input{Now: now, Err: epicErr(400, c.errorCode, 0, "", "account:token:x", "DELETE")})
			byNumber := Explain(Input{Now: now, Err: epicErr(400, "", c.numeric, "", "account:token:x", "DELETE")})
			assert.Equal(t, byName.Reason, byNumber.Reason)
			assert.Equal(t, byName.Title, byNumber.Title)
			assert.NotEqual(t, ReasonUnknown, byNumber.Reason)
		})
	}
}

func TestEverySuccessSaysWhatTheKillTypeDid(t *testing.T) {
	for _, kt := range append(append([]epic.KillType(nil), epic.KillTypes...), epic.OwnSession) {
		x := Explain(Input{KillType: kt, Now: now})
		assert.Equal(t, OutcomeSuccess, x.Outcome, kt.Name)
		assert.Equal(t, messages.KillTypeDone(kt.Name), x.Title, kt.Name)
		assert.NotContains(t, title(x), "done_", "the catalog has the kill type's text")
		assert.Equal(t, kt.EndsCurrentSession, x.TokenDead, kt.Name)
		assert.Equal(t, 204, x.Details.Status, kt.Name)
	}
}

func TestUsableSuggestionsNeverRepeatTheRefusedType(t *testing.T) {
	for _, kt := range epic.KillTypes {
		x := Explain(Input{KillType: kt, Now: now, Usable: []string{kt.Name},
			Err: epicErr(403, missingPermissionCode, 1023, "", "r", "DELETE")})
		assert.Contains(t, advice(x), "It may sign out nothing else.", kt.Name)
	}
	x := Explain(Input{KillType: killType(t, "OTHERS"), Now: now, Usable: []string{"NOT_A_TYPE", "ALL"},
		Err: epicErr(403, missingPermissionCode, 1023, "", "r", "DELETE")})
	assert.Contains(t, advice(x), "This token can use “Everywhere, including here” (ends this token too) instead.")
	assert.NotContains(t, advice(x), "NOT_A_TYPE")
}

func TestDetailsText(t *testing.T) {
	e := epicErr(403, missingPermissionCode, 1023,
		"Sorry your login does not posses the permissions 'account:token:allSessionsForClient DELETE' needed to perform the requested operation",
		"account:token:allSessionsForClient", "DELETE")
	paris := time.FixedZone("CET", 3600)
	x := Explain(Input{KillType: killType(t, "ALL"), Err: e, Now: time.Date(2025, 3, 14, 16, 9, 26, 0, paris)})

	assert.Equal(t, "Session Killer for Epic Games: outcome details\n"+
		"Time: 2025-03-14T15:09:26Z\n"+
		"Kill type: ALL\n"+
		"HTTP status: 403\n"+
		"errorCode: errors.com.epicgames.common.missing_permission\n"+
		"numericErrorCode: 1023\n"+
		"Message: Sorry your login does not posses the permissions 'account:token:allSessionsForClient DELETE' needed to perform the requested operation\n"+
		"Correlation ID: UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0\n",
		details(x))
}

func TestDetailsTextWithoutAnAnswer(t *testing.T) {
	x := Explain(Input{KillType: killType(t, "OTHERS"), Err: &epic.TransportError{Err: errors.New("dial tcp: connection refused")}, Now: now})
	assert.Equal(t, "Session Killer for Epic Games: outcome details\n"+
		"Time: 2025-03-14T15:09:26Z\n"+
		"Kill type: OTHERS\n"+
		"HTTP status: none (no answer from Epic)\n"+
		"Cause: dial tcp: connection refused\n",
		details(x))
}

// The details say in the catalog's words what an answer held when it was
// not Epic's error details, and keep the error's own English out of them.
func TestDetailsSayWhatTheBodyWas(t *testing.T) {
	answer := func(body epic.BodyKind, contentType string) error {
		return &epic.APIError{StatusCode: 502, Body: body, ContentType: contentType}
	}
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"empty", answer(epic.BodyEmpty, ""), "Body: empty\n"},
		{"a web page", answer(epic.BodyOther, "text/html; charset=utf-8"), "Body: a web page, not Epic's error details\n"},
		{"other text", answer(epic.BodyOther, "text/plain"), "Body: not in Epic's error format\n"},
		{"too large", answer(epic.BodyTooLarge, "application/json"), "Body: over 64 KiB, not read\n"},
		{"broke off", answer(epic.BodyUnreadable, "application/json"), "Body: broke off while being read\n"},
		{"Epic's own", epicErr(400, "errors.com.x", 1, "Bad."), "Message: Bad.\n"},
		{"a redirect", &epic.RedirectError{StatusCode: 302}, "HTTP status: 302\n"},
		{"offline", ErrOffline, "HTTP status: none (no answer from Epic)\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := details(Explain(Input{KillType: killType(t, "OTHERS"), Err: tt.err, Now: now}))
			assert.Contains(t, text, tt.want)
			assert.NotContains(t, text, tt.err.Error(), "the error's own words")
		})
	}
}

func TestDetailsTextKeepsEachFieldOnItsLine(t *testing.T) {
	e := epicErr(400, "errors.com.x\nCorrelation ID: forged", 1, "line one\r\nHTTP status: 200\u202e\u2028end")
	e.CorrelationID = "id\nTime: never"
	text := Explain(Input{Err: e, Now: now}).Details.Text(messages.English)
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	assert.Len(t, lines, 7, text)
	starts := map[string]int{}
	for _, l := range lines {
		label, _, _ := strings.Cut(l, ":")
		starts[label]++
	}
	assert.Equal(t, 1, starts["Correlation ID"], text)
	assert.Equal(t, 1, starts["Time"], text)
	assert.Equal(t, 1, starts["HTTP status"], text)
	assert.Contains(t, text, "Message: line one HTTP status: 200 end\n")
}

func TestDetailsTextNeverHoldsTheToken(t *testing.T) {
	// What the epic package hands over for a token-quoting answer.
	e := epicErr(401, "errors.com.epicgames.common.authentication.token_verification_failed", 1031,
		"Sorry we couldn't validate your token [your token]. Please try with a new token.", "[your token]")
	x := Explain(Input{KillType: killType(t, "OTHERS"), Err: e, Now: now})
	assert.Contains(t, details(x), "Message: Sorry we couldn't validate your token [your token]. Please try with a new token.\n")
	assert.NotRegexp(t, `[0-9a-f]{32}|eg1~`, details(x))
}

func TestLongMessagesAreClipped(t *testing.T) {
	long := strings.Repeat("é", 5000)
	x := Explain(Input{Err: epicErr(418, "errors.com.x", 0, long), Now: now})
	assert.Less(t, len([]rune(advice(x))), 500)
	assert.NotContains(t, advice(x), "é", "Epic's words are in the details only")
	assert.Contains(t, details(x), strings.Repeat("é", 2000)+"…\n")
	assert.NotContains(t, details(x), strings.Repeat("é", 2001))
}

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"could not reach Epic: offline", "Could not reach Epic: offline."},
		{"already a sentence.", "Already a sentence."},
		{"ends with a question?", "Ends with a question?"},
		{"wait…", "Wait…"},
		{"épée", "Épée."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Sentence(tt.in))
	}
}

// Every kill type has its option's label, its line, and what it signed
// out; those that end this session too (and the single-session kill) also
// the confirm button that names the consequence, and no other has one.
func TestEveryKillTypeHasItsTexts(t *testing.T) {
	for _, kt := range append(append([]epic.KillType(nil), epic.KillTypes...), epic.OwnSession) {
		for _, msg := range []messages.Message{messages.KillTypeLabel(kt.Name), messages.KillTypeDescription(kt.Name), messages.KillTypeDone(kt.Name)} {
			assert.Contains(t, messages.English, msg.Key, kt.Name)
		}
		_, confirms := messages.English[messages.KillTypeConfirm(kt.Name).Key]
		assert.Equal(t, kt.EndsCurrentSession, confirms, "%s: a confirm button exactly when it ends this session", kt.Name)
	}
}

// allKillTypes are the table's kill types, the single-session kill and
// none, as Input.KillType can be.
func allKillTypes() []epic.KillType {
	return append(append([]epic.KillType{{}}, epic.KillTypes...), epic.OwnSession)
}

// TestWhatIsAnnouncedNamesNoStatusOrCode runs every case with every kill
// type: the title and the advice, which the live region announces, name
// kill types by their labels and carry no HTTP status, no error code and no
// error number, all of which only the details (and the history's reference)
// hold.
func TestWhatIsAnnouncedNamesNoStatusOrCode(t *testing.T) {
	for _, tc := range explainCases(t) {
		for _, kt := range allKillTypes() {
			in := tc.in
			in.KillType, in.Now = kt, now
			x := Explain(in)
			t.Run(tc.name+"/"+kt.Name, func(t *testing.T) {
				assertNoReference(t, x)
				for _, name := range []string{"OTHERS_ACCOUNT_CLIENT_SERVICE", "OTHERS_ACCOUNT_CLIENT", "OTHERS_SAME_SOURCE_ID", "ALL_ACCOUNT_CLIENT", "OWN_SESSION"} {
					if x.Reason != ReasonInput { // an unknown kill type is told which names there are
						assert.NotContains(t, title(x)+" "+advice(x), name, "Epic's name for a kill type")
					}
				}
				if x.Status != 0 && x.Outcome == OutcomeError {
					assert.Contains(t, details(x), "HTTP status: "+strconv.Itoa(x.Status)+"\n", "the details keep the status")
				}
				if code := x.Details.ErrorCode; code != "" {
					assert.Contains(t, details(x), "errorCode: "+code+"\n", "the details keep the code")
				}
			})
		}
	}
}

// TestSecureAccountAdviceFollowsAKillOfOthersOnly: after others were signed
// out, whoever used those sessions can sign in again with the password, so
// the advice says to change it; not after a kill that ended this token too
// (and, with it, what the player could do next), nor after any failure.
func TestSecureAccountAdviceFollowsAKillOfOthersOnly(t *testing.T) {
	const secure = "change it and turn on two-factor sign-in"
	for _, kt := range allKillTypes() {
		t.Run("204 "+kt.Name, func(t *testing.T) {
			x := Explain(Input{KillType: kt, Now: now})
			require.Equal(t, OutcomeSuccess, x.Outcome)
			ofOthers := !kt.EndsCurrentSession
			assert.Equal(t, ofOthers, slices.ContainsFunc(x.Advice, func(m messages.Message) bool { return m.Key == messages.SecureAccountAdvice }))
			if ofOthers {
				assert.Equal(t, []messages.Message{messages.Of(messages.SignedOutTokenStillWorks), messages.Of(messages.SecureAccountAdvice)}, x.Advice)
				assert.Contains(t, advice(x), secure)
			} else {
				assert.NotContains(t, advice(x), secure)
			}
		})
	}
	for _, tc := range explainCases(t) {
		if tc.in.Err == nil {
			continue
		}
		tc.in.Now = now
		assert.NotContains(t, advice(Explain(tc.in)), secure, tc.name)
	}
}

func TestLabel(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"OTHERS_ACCOUNT_CLIENT_SERVICE", "“Other logins of this app”"},
		{"OTHERS_ACCOUNT_CLIENT", "“Other logins, all services”"},
		{"OTHERS_SAME_SOURCE_ID", "“Other logins, same source”"},
		{"OTHERS", "“Everywhere else”"},
		{"ALL", "“Everywhere, including here” (ends this token too)"},
		{"ALL_ACCOUNT_CLIENT", "“This app, including here” (ends this token too)"},
		{" others ", "“Everywhere else”"},
		{"EVERYONE\n<b>", "EVERYONE <b>"},
	} {
		assert.Equal(t, tc.want, messages.English.Text(Label(tc.name)), "%q", tc.name)
	}
	assert.Equal(t, "“Everywhere else”, “Everywhere, including here” (ends this token too)",
		messages.English.Text(messages.Of(messages.Verbatim, "text", Labels([]string{"OTHERS", "ALL"}, messages.ListComma))))
	assert.Equal(t, "“Other logins of this app” or “Other logins, all services”",
		messages.English.Text(messages.Of(messages.Verbatim, "text", Labels([]string{"OTHERS_ACCOUNT_CLIENT_SERVICE", "OTHERS_ACCOUNT_CLIENT"}, messages.ListOr))))
	assert.Empty(t, messages.English.Text(messages.Of(messages.Verbatim, "text", Labels(nil, messages.ListOr))))
}

func TestBecauseSaysWhatThePopupKnowsInItsWords(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"a feature the browser lacks", &UnsupportedError{API: "navigator.clipboard"}, "This browser does not let extensions use navigator.clipboard."},
		{"wrapped", fmt.Errorf("copy: %w", &UnsupportedError{API: "cookies"}), "This browser does not let extensions use cookies."},
		{"the browser's own words", errors.New("document is not focused"), "Document is not focused."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, messages.English.Text(Because(tt.err)))
		})
	}
}
