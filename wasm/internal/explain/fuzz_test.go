package explain

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
)

// tokenLike matches what could be an Epic token: the 32-hex session id or an
// eg1 JWT.
var tokenLike = regexp.MustCompile(`(?i)[0-9a-f]{32}|eg1~[A-Za-z0-9._~-]+`)

func FuzzExplain(f *testing.F) {
	f.Add(401, uint8(epic.BodyEpicJSON), "application/json", "errors.com.epicgames.common.authentication.token_verification_failed", 1031,
		"Sorry we couldn't validate your token [your token]. Please try with a new token.", "[your token]", "", "", int64(0), "OTHERS", "")
	f.Add(403, uint8(epic.BodyEpicJSON), "application/json", "errors.com.epicgames.common.missing_permission", 1023,
		"Sorry your login does not posses the permissions 'account:token:allSessionsForClient DELETE' needed to perform the requested operation",
		"account:token:allSessionsForClient", "DELETE", "", int64(0), "ALL", "OTHERS_ACCOUNT_CLIENT")
	f.Add(429, uint8(epic.BodyEpicJSON), "application/json", "errors.com.epicgames.common.throttled", 1041,
		"Operation access is limited by throttling policy, please try again in 221 second(s).", "221", "", "", int64(221), "OTHERS", "")
	f.Add(429, uint8(epic.BodyEmpty), "", "", 0, "", "", "", "", int64(0), "OTHERS_ACCOUNT_CLIENT", "")
	f.Add(400, uint8(epic.BodyEpicJSON), "application/json", "errors.com.epicgames.common.oauth.invalid_request", 1013,
		"Cannot use the killType OTHERS_ACCOUNT_CLIENT with a client only OauthSession.", "", "", "invalid_request", int64(0), "OTHERS_ACCOUNT_CLIENT", "")
	f.Add(400, uint8(epic.BodyEpicJSON), "application/json", "errors.com.epicgames.account.oauth.too_many_sessions", 18048,
		"Sorry too many sessions have been issued for your account. Please try again later", "", "", "", int64(3600), "OTHERS", "")
	f.Add(404, uint8(epic.BodyEpicJSON), "application/json", "errors.com.epicgames.account.auth_token.unknown_oauth_session", 18051,
		"Sorry we could not find the auth session 'eg1~aaaaaa'", "eg1~aaaaaa", "", "", int64(0), "", "")
	f.Add(503, uint8(epic.BodyOther), "text/html; charset=UTF-8", "", 0, "", "", "", "", int64(0), "OTHERS", "")
	f.Add(418, uint8(epic.BodyEpicJSON), "application/json", "errors.com.x<b>", 99, "<script>alert(1)</script>\n\u202eline", "<i>", "9999999999999999999999", "", int64(-5), "ALL", "ALL,<x>")
	f.Add(0, uint8(9), "", "", -1, "", "", "", "", int64(1<<62), "", "")

	f.Fuzz(func(t *testing.T, status int, body uint8, contentType, code string, numeric int,
		message, var0, var1, description string, retryAfter int64, killType, usable string) {
		e := &epic.APIError{
			StatusCode: status, Body: epic.BodyKind(body % 5), ContentType: contentType,
			ErrorCode: code, NumericErrorCode: numeric, ErrorMessage: message,
			OAuthErrorDescription: description,
			CorrelationID:         "UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0",
			RetryAfter:            time.Duration(retryAfter),
		}
		if var0 != "" || var1 != "" {
			e.MessageVars = []string{var0, var1}
		}
		kt, _ := epic.ParseKillType(killType)
		var usableNames []string
		if usable != "" {
			usableNames = strings.Split(usable, ",")
		}
		now := time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

		x := Explain(Input{KillType: kt, Err: e, Now: now, Usable: usableNames, Timeout: 15 * time.Second})

		inputs := []string{contentType, code, message, var0, var1, description, e.CorrelationID, killType, usable}
		anyInput := func(pred func(string) bool) bool {
			for _, s := range inputs {
				if pred(s) {
					return true
				}
			}
			return false
		}
		if strings.TrimSpace(x.Title) == "" {
			t.Fatalf("empty title for %+v", e)
		}
		if strings.TrimSpace(x.Advice) == "" {
			t.Fatalf("empty advice for %+v", e)
		}
		text := x.Details.Text()
		for name, s := range map[string]string{"title": x.Title, "advice": x.Advice} {
			if strings.ContainsAny(s, "\n\r") {
				t.Errorf("%s has a line break: %q", name, s)
			}
		}
		hasLT := func(s string) bool { return strings.Contains(s, "<") }
		if !anyInput(hasLT) {
			for name, s := range map[string]string{"title": x.Title, "advice": x.Advice, "details": text} {
				if hasLT(s) {
					t.Errorf("%s adds markup of its own: %q", name, s)
				}
			}
		}
		for _, tok := range tokenLike.FindAllString(text+" "+x.Title+" "+x.Advice, -1) {
			if !anyInput(func(s string) bool { return strings.Contains(s, tok) }) {
				t.Errorf("token-like %q appears but was not in the input", tok)
			}
		}
		if x.Wait < 0 || x.Wait > maxWait {
			t.Errorf("wait %v out of range", x.Wait)
		}
		if x.Wait > 0 && !x.Until.Equal(now.Add(x.Wait)) {
			t.Errorf("until %v is not now+%v", x.Until, x.Wait)
		}
		if x.Outcome != OutcomeError {
			t.Errorf("an APIError explained as %q", x.Outcome)
		}
		if n := strings.Count(text, "\n"); n > 8 {
			t.Errorf("details have %d lines:\n%s", n, text)
		}
	})
}
