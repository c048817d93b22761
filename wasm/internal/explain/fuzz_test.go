package explain

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic/epictest"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
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
	f.Add(400, uint8(epic.BodyEpicJSON), "application/json", "errors.com.x\xff", 1, "bad \xff\xfe\x00\x1b[31m\u200bred", "\x7f", "", "", int64(0), "OTHERS", "")
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
		if strings.TrimSpace(title(x)) == "" {
			t.Fatalf("empty title for %+v", e)
		}
		if strings.TrimSpace(advice(x)) == "" {
			t.Fatalf("empty advice for %+v", e)
		}
		text := details(x)
		for name, s := range map[string]string{"title": title(x), "advice": advice(x)} {
			if strings.ContainsAny(s, "\n\r") {
				t.Errorf("%s has a line break: %q", name, s)
			}
		}
		checkPlain(t, x)
		checkNoReference(t, x)
		hasLT := func(s string) bool { return strings.Contains(s, "<") }
		if !anyInput(hasLT) {
			for name, s := range map[string]string{"title": title(x), "advice": advice(x), "details": text} {
				if hasLT(s) {
					t.Errorf("%s adds markup of its own: %q", name, s)
				}
			}
		}
		for _, tok := range tokenLike.FindAllString(text+" "+title(x)+" "+advice(x), -1) {
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
		if n := strings.Count(text, "\n"); n > 9 { // each line of Details once; Cause never with a status
			t.Errorf("details have %d lines:\n%s", n, text)
		}
	})
}

// unsafeRune is what must not reach the user: a control or invisible format
// character, or a line break where one line is meant.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// checkPlain holds the explanation to plain text for textContent: valid
// UTF-8 with no control or format characters, and line breaks only between
// the lines of the details.
func checkPlain(t *testing.T, x Explanation) {
	t.Helper()
	for _, m := range append([]messages.Message{x.Title}, x.Advice...) {
		if _, ok := messages.English[m.Key]; !ok {
			t.Errorf("the message %q is not in the catalog", m.Key)
		}
	}
	text := details(x)
	lines, ok := strings.CutSuffix(text, "\n")
	if !ok {
		t.Errorf("details do not end their last line: %q", text)
	}
	// The popup also keeps the error code on its own, for the history.
	d := x.Details
	parts := map[string]string{"title": title(x), "advice": advice(x), "details kill type": d.KillType,
		"details error code": d.ErrorCode, "details message": d.Message, "details correlation ID": d.CorrelationID}
	for i, line := range strings.Split(lines, "\n") {
		if line == "" {
			t.Errorf("details have an empty line %d: %q", i+1, text)
		}
		parts["details line "+strconv.Itoa(i+1)] = line
	}
	for name, s := range parts {
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8: %q", name, s)
		}
		if strings.IndexFunc(s, unsafeRune) >= 0 {
			t.Errorf("%s has a control, format or line-break character: %q", name, s)
		}
	}
}

// checkNoReference holds the title and advice of an answer to what the
// live region may announce: no HTTP status, none of Epic's error codes or
// numbers. Those are in the details.
func checkNoReference(t *testing.T, x Explanation) {
	t.Helper()
	for name, s := range map[string]string{"title": title(x), "advice": advice(x)} {
		if strings.Contains(s, "HTTP") || strings.Contains(s, "errors.com") || threeDigits.MatchString(s) {
			t.Errorf("%s names a status or a code: %q", name, s)
		}
	}
}

// The answer tokens: Epic's default opaque token and an eg1 JWT.
const (
	answerHex = "065981d58ba642e7ac6ef7d6c4ed15b2"
	answerEG1 = "eg1~eyJraWQiOiJrIiwiYWxnIjoiUFMyNTYifQ.eyJhcHAiOiJ3ZXgiLCJzdWIiOiI5NGIxNTY5NTA2YjA0ZjlmODU1N2FmNjExZThjNWU0NyIsImNsaWQiOiIzY2Y3OGNkM2IwMGI0MzlhODc1NWE4NzhiMTYwYzdhZCIsImRuIjoiZG4iLCJhbSI6ImV4Y2hhbmdlX2NvZGUiLCJwIjoiZU5wS1RFN09MODByc1NySnowN05zOG92eVVndENrNHRMczdNenl0Mnl5OXloTWc2NTJTbTVwWFlXdWhVNUJZVVdCVkQ1SzIwckNwc0RRRUJBQUQvL3pmekdIYz0iLCJpYWkiOiI5NGIxNTY5NTA2YjA0ZjlmODU1N2FmNjExZThjNWU0NyIsInQiOiJzIiwiZXhwIjo0MTAyNDQ0ODAwLCJpYXQiOjE2NzIzMTk5NjZ9.c2lnbmF0dXJl"
	// tokenPlaceholder in a fuzzed body or header becomes the token sent,
	// and capsPlaceholder the token in capitals (the same hex token).
	tokenPlaceholder = "TOKEN"
	capsPlaceholder  = "CAPSTOKEN"
)

// withToken puts the token where s has a placeholder.
func withToken(s, token string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, capsPlaceholder, strings.ToUpper(token)), tokenPlaceholder, token)
}

// tokenPiece finds in s a piece of the token, in any letter case, that the
// fuzzer did not type itself. Cutting Epic's words to length may leave part
// of a quoted token; any 31 bytes of it hold one of the 16-byte pieces at a
// multiple of 16.
func tokenPiece(s, token, typed string) (string, bool) {
	s, token, typed = strings.ToLower(s), strings.ToLower(token), strings.ToLower(typed)
	for i := 0; i+16 <= len(token); i += 16 {
		if p := token[i : i+16]; strings.Contains(s, p) && !strings.Contains(typed, p) {
			return p, true
		}
	}
	return "", false
}

// Bounds on what the user reads. Titles never carry Epic's words. Advice
// carries at most two pieces of them (an error code and a message), each cut
// by Clean to MaxShownRunes and an ellipsis, in under 500 runes of our own.
// The details carry one message cut to maxDetailsRunes and three fields cut
// to MaxShownRunes, in under 300 runes of labels and numbers.
const (
	maxTitleRunes   = 100
	maxAdviceRunes  = 2*(MaxShownRunes+1) + 500
	maxDetailsTotal = maxDetailsRunes + 1 + 3*(MaxShownRunes+1) + 300
)

// FuzzExplainAnswer explains what the real client makes of any answer, so
// that the rendering is checked on what decoding can really produce.
func FuzzExplainAnswer(f *testing.F) {
	others, err := epic.ParseKillType("OTHERS")
	if err != nil {
		f.Fatal(err)
	}
	now := time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)
	f.Fuzz(func(t *testing.T, status int, contentType, errorName, errorCode, correlationID, retryAfter, location string,
		body []byte, repeat uint16, useEG1 bool) {
		token := answerHex
		if useEG1 {
			token = answerEG1
		}
		header := http.Header{}
		var raw strings.Builder
		for name, v := range map[string]string{
			"Content-Type": contentType, "X-Epic-Error-Name": errorName, "X-Epic-Error-Code": errorCode,
			"X-Epic-Correlation-ID": correlationID, "Retry-After": retryAfter, "Location": location,
		} {
			if v != "" {
				v = withToken(v, token)
				header.Set(name, v)
				raw.WriteString(v + "\n")
			}
		}
		data := []byte(withToken(string(body), token))
		raw.Write(data)
		resp := &http.Response{StatusCode: status, Header: header, Body: epictest.NewRepeatedBody(data, int(repeat)+1)}

		kerr := (&epic.Client{Doer: &epictest.Doer{Answer: resp}, BaseURL: "https://account.test"}).Kill(context.Background(), token, "OTHERS")
		x := Explain(Input{KillType: others, Err: kerr, Now: now, Timeout: 15 * time.Second})

		checkPlain(t, x)
		checkNoReference(t, x)
		text := details(x)
		typed := strings.Join([]string{contentType, errorName, errorCode, correlationID, retryAfter, location, string(body)}, "\n")
		for name, s := range map[string]string{"title": title(x), "advice": advice(x), "details": text} {
			if piece, ok := tokenPiece(s, token, typed); ok {
				t.Errorf("%s quotes the token (%q): %q", name, piece, s)
			}
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s is empty", name)
			}
		}
		// JSON may spell a bracket as an escape; anything else is markup of
		// our own making.
		lower := strings.ToLower(raw.String())
		for _, m := range []struct{ char, escape string }{{"<", `\u003c`}, {">", `\u003e`}} {
			if strings.Contains(title(x)+advice(x)+text, m.char) && !strings.Contains(lower, m.char) &&
				!strings.Contains(lower, m.escape) {
				t.Errorf("%q appears but no input held it:\n%s\n%s\n%s", m.char, title(x), advice(x), text)
			}
		}
		for _, b := range []struct {
			name  string
			s     string
			limit int
		}{{"title", title(x), maxTitleRunes}, {"advice", advice(x), maxAdviceRunes}, {"details", text, maxDetailsTotal}} {
			if n := utf8.RuneCountInString(b.s); n > b.limit {
				t.Errorf("%s of %d runes, over %d", b.name, n, b.limit)
			}
		}
		if n := strings.Count(text, "\n"); n > 9 { // each line of Details once; Cause never with a status
			t.Errorf("details have %d lines", n)
		}
		if (x.Outcome == OutcomeSuccess) != (status == http.StatusNoContent) {
			t.Errorf("HTTP %d explained as %q", status, x.Outcome)
		}
		if x.Status != status {
			t.Errorf("HTTP %d explained as status %d", status, x.Status)
		}
		if x.Wait < 0 || x.Wait > maxWait {
			t.Errorf("wait %v out of range", x.Wait)
		}
		if x.Wait > 0 && !x.Until.Equal(now.Add(x.Wait)) {
			t.Errorf("until %v is not now+%v", x.Until, x.Wait)
		}
		// Only Epic's own answer starts a wait: a proxy's or a portal's
		// Retry-After could lock the popup for a day.
		var apiErr *epic.APIError
		fromEpic := errors.As(kerr, &apiErr) && apiErr.FromEpic
		if x.Wait > 0 && !fromEpic {
			t.Errorf("an answer without Epic's marks started a wait of %v", x.Wait)
		}
		// Epic's throttled answer waits as long as Retry-After says, up to maxWait.
		if n, err := strconv.Atoi(strings.TrimSpace(header.Get("Retry-After"))); err == nil && n > 0 &&
			x.Reason == ReasonThrottled && fromEpic {
			want := maxWait
			if int64(n) < int64(maxWait/time.Second) {
				want = time.Duration(n) * time.Second
			}
			if x.Wait != want {
				t.Errorf("Retry-After %d s gave a wait of %v, want %v", n, x.Wait, want)
			}
		}
	})
}
