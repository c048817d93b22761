package popup

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

const fortnitePC = "ec684b8c687f479fadea3cb2ad83f5c6"

// TestTokenSummary: the line above the controls says whose the token is,
// which app it is from and how long it lasts, from what the paste said and
// what Epic's verify answer says, which wins where it says anything.
func TestTokenSummary(t *testing.T) {
	now := start
	claims := epic.Token{Value: token, DisplayName: "Pasted Player", AccountID: "acc", ClientID: fortnitePC,
		ExpiresAt: now.Add(90 * time.Minute)}
	tests := []struct {
		name     string
		token    epic.Token
		verified *epic.VerifiedToken
		want     string
	}{
		{"eg1 claims", claims, nil, "Pasted Player · Fortnite (PC) · 1 h 30 min left"},
		{"Epic's verify answer wins", claims,
			&epic.VerifiedToken{DisplayName: "Verified Player", ClientID: "34a02cf8f4414e29b15921876da36f9a", ExpiresAt: now.Add(8 * time.Hour)},
			"Verified Player · Epic Games Launcher · 8 h 00 min left"},
		{"what verify leaves out, the claims say", claims, &epic.VerifiedToken{AccountID: "acc"},
			"Pasted Player · Fortnite (PC) · 1 h 30 min left"},
		{"verify alone", epic.Token{Value: token},
			&epic.VerifiedToken{DisplayName: "Verified Player", ClientID: "3446CD72694C4A4485D81B77ADBB2141", ExpiresAt: now.Add(59 * time.Minute)},
			"Verified Player · Fortnite (iOS) · 59 min left"},
		{"an unknown client by the start of its id", epic.Token{Value: token, DisplayName: "Player", ClientID: "3cf78cd3b00b439a8755a878b160c7ad"}, nil,
			"Player · app 3cf78cd3… · time left unknown"},
		{"a short unknown client id whole", epic.Token{Value: token, DisplayName: "Player", ClientID: "abc12345"}, nil,
			"Player · app abc12345 · time left unknown"},
		{"a client without a name", epic.Token{Value: token, ClientID: fortnitePC, ExpiresAt: now.Add(time.Hour)}, nil,
			"Unknown player · Fortnite (PC) · 1 h 00 min left"},
		{"a name without a client", epic.Token{Value: token, DisplayName: "Player"}, nil,
			"Player · unknown app · time left unknown"},
		{"nothing known", epic.Token{Value: token}, nil, "A token is held; Epic has not yet said whose."},
		{"nothing known, verify neither", epic.Token{Value: token}, &epic.VerifiedToken{AccountID: "acc"},
			"A token is held; Epic has not yet said whose."},
		{"expired", epic.Token{Value: token, DisplayName: "Player", ClientID: fortnitePC, ExpiresAt: now.Add(-time.Minute)}, nil,
			"Player · Fortnite (PC) · expired"},
		{"expiring now", epic.Token{Value: token, DisplayName: "Player", ClientID: fortnitePC, ExpiresAt: now}, nil,
			"Player · Fortnite (PC) · expired"},
		{"Epic's words cleaned", epic.Token{Value: token, DisplayName: "Evil\u202eyalP\n\x1b[31mx"}, nil,
			"Evil yalP [31mx · unknown app · time left unknown"},
		{"the token masked, and cut to its start as a client id", epic.Token{Value: token, DisplayName: "a " + strings.ToUpper(token)},
			&epic.VerifiedToken{ClientID: token},
			"a [your token] · app [your to… · time left unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &heldToken{token: tt.token, verified: tt.verified}
			got := messages.English.Text(h.summary(now))
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, strings.ToLower(got), token)
		})
	}
}

// Every well-known client's product has its name in the catalog.
func TestTokenSummaryNamesEveryKnownProduct(t *testing.T) {
	for id, want := range map[string]string{
		fortnitePC:                         "Fortnite (PC)",
		"3446cd72694c4a4485d81b77adbb2141": "Fortnite (iOS)",
		"3f69e56c7649492c8cc29f1af08a8a12": "Fortnite (Android)",
		"5229dcd3ac3845208b496649092f251b": "Fortnite (Switch)",
		"cfaa14c4bf8744e3a5ef9a5d6c34558d": "Fortnite (Xbox)",
		"d8566f2e7f5c48f89683173eb529fee1": "Fortnite (PlayStation)",
		"34a02cf8f4414e29b15921876da36f9a": "Epic Games Launcher",
		"007c0bfe154c4f5396648f013c641dcf": "epicgames.com",
	} {
		h := &heldToken{token: epic.Token{Value: token, DisplayName: "P", ClientID: id}}
		assert.Equal(t, "P · "+want+" · time left unknown", messages.English.Text(h.summary(start)), id)
		assert.Contains(t, h.facts(start, messages.English), Fact{"Client", want + " (" + id + ")"}, id)
	}
}

// The popup shows the summary of the token held, and updates it once Epic
// has said whose the token is.
func TestTheViewSummarisesTheTokenHeld(t *testing.T) {
	answer := make(chan struct{})
	e := &fakeEpic{verify: func(ctx context.Context) (*epic.VerifiedToken, error) {
		<-answer
		return verified(onlyAccountClient)(ctx)
	}}
	p := open(t, e)

	p.TakeToken(token)

	assert.Equal(t, "A token is held; Epic has not yet said whose.", p.screen.last().TokenSummary)
	close(answer)
	v := p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
	assert.Equal(t, "Verified Player · Fortnite (PC) · 2 h 00 min left", v.TokenSummary)

	p.clock.advance(time.Hour)
	p.Select("OTHERS")
	assert.Equal(t, "Verified Player · Fortnite (PC) · 1 h 00 min left", p.screen.last().TokenSummary, "counted from now")

	p.Forget()
	assert.Empty(t, p.screen.last().TokenSummary)
}
