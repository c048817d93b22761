//go:build js && wasm

package popup

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
)

// In the browser goroutines switch only where one waits, so the order of a
// click's work is fixed: the request leaves first, the pending view is drawn
// while it waits for the answer, and the outcome after that.
func TestTheRequestLeavesBeforeThePageIsRedrawn(t *testing.T) {
	tests := []struct {
		name string
		kill func(t *testing.T, p *popup)
	}{
		{"kill", func(t *testing.T, p *popup) { p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"}) }},
		{"confirmed kill", func(t *testing.T, p *popup) {
			p.Select("ALL")
			p.Kill(Form{KillType: "ALL"})
			p.confirmAfterGuard(t, Form{KillType: "ALL"})
		}},
		{"this session only", func(t *testing.T, p *popup) {
			p.KillThisSession()
			p.confirmAfterGuard(t, Form{})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				p       *popup
				sent    = make(chan View, 1) // the view shown when the request left
				release = make(chan struct{})
			)
			answer := func(context.Context) error {
				sent <- p.screen.last()
				<-release
				return nil
			}
			p = open(t, &fakeEpic{verify: verified(), kill: answer, killSession: answer})
			p.TakeToken(token)
			p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })

			tt.kill(t, p)
			atSend := <-sent
			// A plain kill's pending view waits for AnswerGrace; a
			// confirmed one's is drawn as the confirmation closes.
			p.clock.advance(AnswerGrace)
			pending := p.screen.waitFor(t, explain.OutcomePending)

			assert.NotEqual(t, explain.OutcomePending, atSend.Outcome, "the request left before the pending view was drawn")
			assert.False(t, pending.KillEnabled)
			assert.False(t, pending.Confirming)
			close(release)
			p.screen.waitFor(t, explain.OutcomeSuccess)
		})
	}
}
