//go:build !js

package popup

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// FuzzTokenFacts shows the facts of a token from any verify answer and any
// eg1 claims, and holds them to what the popup may show: no token in any
// letter case, no control or format character, bounded. In the answer,
// TOKEN stands for the token and CAPSTOKEN for it in capitals.
func FuzzTokenFacts(f *testing.F) {
	f.Add([]byte(`{"client_id":"c","expires_at":"2030-01-01T00:00:00Z","display_name":"Player"}`), "Player", false)
	f.Add([]byte(`{"client_id":"CAPSTOKEN","expires_at":"2030-01-01T00:00:00Z","display_name":"\u202eTOKEN\n","account_id":"a\u200bTOKEN"}`), "dn\u202e", true)
	f.Add([]byte(`{"client_id":"c","expires_at":"2030-01-01T00:00:00Z","display_name":"`+strings.Repeat("x", 5000)+`","client_service":"\u0000\u001b[31m"}`), strings.Repeat("\u0301", 200), false)
	f.Fuzz(func(t *testing.T, body []byte, displayName string, eg1 bool) {
		now := time.Now()
		value := token
		if eg1 {
			value = fakeepic.EG1(fakeepic.EG1Claims{AccountID: "acc", DisplayName: displayName, ClientID: "c", IssuedAt: now})
		}
		quoted := strings.NewReplacer("CAPSTOKEN", strings.ToUpper(value), "TOKEN", value).Replace(string(body))
		c := &epic.Client{Doer: answerDoer(quoted)}
		parsed, err := epic.ParseToken(value, now)
		if len(value) > epic.MaxTokenLen {
			// Claims this long make no token Epic gives out: it is refused
			// before anything of it is shown.
			if !errors.Is(err, epic.ErrTokenTooLong) {
				t.Fatalf("a token of %d bytes was not refused as too long: %v", len(value), err)
			}
			return
		}
		if err != nil {
			t.Fatalf("the token does not parse: %v", err)
		}
		h := &heldToken{token: parsed}
		checkShownFacts(t, h.facts(now, messages.English), value)
		checkSummary(t, messages.English.Text(h.summary(now)), value)

		v, err := c.Verify(context.Background(), value)
		if err != nil {
			return
		}
		h.verified = v
		checkShownFacts(t, h.facts(now, messages.English), value)
		checkSummary(t, messages.English.Text(h.summary(now)), value)
	})
}

// checkSummary holds the token's one-line summary to what its facts are
// held to: no token in any letter case, no control or format character,
// and bounded: the name as a fact is, the app and the time left short.
func checkSummary(t *testing.T, summary, token string) {
	t.Helper()
	if strings.Contains(strings.ToLower(summary), strings.ToLower(token)) {
		t.Errorf("the summary shows the token: %q", summary)
	}
	if i := strings.IndexFunc(summary, func(r rune) bool {
		return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
	}); i >= 0 {
		t.Errorf("the summary has a control or format character: %q", summary)
	}
	if n := utf8.RuneCountInString(summary); n > explain.MaxShownRunes+1+80 {
		t.Errorf("the summary is %d runes long: %q", n, summary)
	}
}

// answerDoer answers every request with 200 and body.
type answerDoer string

func (d answerDoer) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(string(d)))}, nil
}
