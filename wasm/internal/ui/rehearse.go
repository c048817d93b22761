//go:build js && wasm

package ui

import (
	"io"
	"net/http"
	"strings"
	"time"

	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// rehearsalToken is a token of the form Epic issues, known to no one.
const rehearsalToken = "0000000000000000000000000000000e"

// Rehearse plays two kills, from the click to the outcome, in a copy of
// doc's page that is never shown, against a stand-in for Epic that sends
// nothing, with env's texts and nothing stored. A toolbar popup opens in a
// new renderer process, where the browser compiles each WebAssembly
// function on its first call; after the rehearsal, the player's click runs
// code that is compiled already.
func Rehearse(doc dom.Document, env popup.Env) {
	rehearse(doc, env, &standIn{})
}

// rehearse is Rehearse with Epic's stand-in given, so that a test can see
// what it was asked.
func rehearse(doc dom.Document, env popup.Env, standIn epic.Doer) {
	p, err := find(dom.WrapDocument(doc.Underlying().Call("cloneNode", true)))
	if err != nil {
		return
	}
	p.shown, p.rendered = markupView(), true
	env.Epic, env.Store, env.AfterPaint = &epic.Client{Doer: standIn}, nil, nil
	done := make(chan struct{}, 1)
	p.controller = popup.New(env, func(v popup.View) {
		p.render(v)
		if v.Outcome == explain.OutcomeSuccess && !v.Leaving {
			select {
			case done <- struct{}{}:
			default: // the same outcome drawn again: done holds it already
			}
		}
	})
	// The first kill brings a token in the form; the second uses the one
	// held, with the first one's outcome shown. The kill type is the table's
	// first, which ends no session of the token's own and needs no
	// confirmation.
	form := popup.Form{Token: rehearsalToken, KillType: epic.KillTypes[0].Name}
	for range 2 {
		// The browser gets its turn before each kill: in a new renderer
		// process the first kill takes some 25 ms, and the catalog's
		// warming before it (main.go) some 20, and a key pressed meanwhile
		// waits for one of them, not for all.
		time.Sleep(time.Millisecond)
		p.controller.Kill(form)
		<-done
		form.Token = ""
	}
}

// standIn answers as Epic does when all goes well, at once; it sends nothing.
type standIn struct{}

func (*standIn) Do(r *http.Request) (*http.Response, error) {
	answer := &http.Response{StatusCode: http.StatusNoContent, Body: http.NoBody}
	if r.Method == http.MethodGet {
		answer.StatusCode, answer.Body = http.StatusOK,
			io.NopCloser(strings.NewReader(`{"client_id":"0","account_id":"0","expires_at":"2999-01-01T00:00:00.000Z"}`))
	}
	return answer, nil
}
