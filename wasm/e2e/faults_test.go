//go:build !js

package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// jsonHeader is the Content-Type of Epic's error bodies.
var jsonHeader = http.Header{"Content-Type": {"application/json"}}

// missingPermission is Epic's answer to a kill the token may not send.
var missingPermission = []byte(`{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions"}`)

// timeout is the popup's limit on a whole exchange with Epic: the answer's
// status, headers and body.
const timeout = 15 * time.Second

// faultCases are answers that break the rules, each with the outcome the
// popup defines for it; after each, Kill sessions works again.
var faultCases = []popupCase{
	{"the connection drops mid-body", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.CutBody(403, jsonHeader, missingPermission, 20))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic gave an answer this extension does not know.", res.Text)
		assert.Contains(t, text(t, p, "details-text"), "HTTP status: 403")
		assert.Contains(t, text(t, p, "advice"), "The answer broke off before it could be read.")
		assert.True(t, s.Alive(victim))
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
	{"2xx with a body", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.Raw(200, jsonHeader, []byte(`{"killed":3}`)))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome, "an answer other than 204 is not called done")
		assert.Equal(t, "Epic accepted the request, but not with its usual answer.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "Sessions were probably signed out")
		assert.Contains(t, text(t, p, "details-text"), "HTTP status: 200")
		assert.True(t, visible(t, p, "token-held"), "the token was dropped")
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
	{"a 10 MB body", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		huge := append([]byte(`{"errorCode":"errors.com.epicgames.common.server_error","errorMessage":"`),
			bytes.Repeat([]byte("x"), 10<<20)...)
		huge = append(huge, `"}`...)
		s.FaultNext(fakeepic.Raw(500, jsonHeader, huge))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic's service is having trouble.", res.Text)
		assert.Contains(t, text(t, p, "details-text"), "Body: over 64 KiB, not read")
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
	{"invalid UTF-8", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.Raw(400, jsonHeader,
			[]byte("{\"errorCode\":\"errors.com.epicgames.test.bad_bytes\",\"numericErrorCode\":4242,\"errorMessage\":\"bad \xff\xfe\xc3 bytes\"}")))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic gave an answer this extension does not know.", res.Text)
		assert.Contains(t, text(t, p, "details-text"), "Message: bad \ufffd\ufffd\ufffd bytes", "the bad bytes are not shown as replacement characters")
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
	{"401 to verify, 204 to kill", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		// Verify is the first request; the kill would get the fake's 204.
		s.FaultNext(fakeepic.EpicError(401, "errors.com.epicgames.account.auth_token.invalid_access_token", 18071,
			"Invalid access token"))
		res, err := popuppage.Kill(p, token, "OTHERS_ACCOUNT_CLIENT", outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic says this token no longer works, so it was not kept.", res.Text)
		assert.Contains(t, text(t, p, "details-text"), "errorCode: errors.com.epicgames.account.auth_token.invalid_access_token")
		reqs := requestsUpToNow(t, p, s)
		assert.Empty(t, kills(reqs), "a kill went out with a token Epic's verify refused")
		assert.Len(t, verifyRequests(reqs), 1)
		assert.True(t, s.Alive(victim))
		assert.False(t, visible(t, p, "token-held"), "the refused token is still held")
		assert.False(t, killButton(t, p).Disabled, "Kill sessions is stuck")
		assertNotShown(t, p, token)
		return p
	}},
	{"204 after the timeout", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		// Epic may still act on a request the popup gave up on: it does
		// when the test says, once the popup has given up.
		lateAnswerDue := make(chan time.Time)
		s.SetFaultClock(func(time.Duration) <-chan time.Time { return lateAnswerDue })
		s.FaultNext(fakeepic.Late(timeout + 2*time.Second))
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		start := time.Now()
		require.NoError(t, p.Click("#kill"))
		// The pending view comes once Epic has taken a tenth of a second.
		pendingErr := popuppage.WaitFor(p, `document.getElementById("result").dataset.outcome === "pending"`, 2*time.Second)
		r, err := popuppage.Read(p)
		require.NoError(t, err)
		assert.NoError(t, pendingErr, "no pending state: %s", r)
		assert.True(t, killButton(t, p).Disabled, "Kill sessions is enabled while a kill runs")

		res, err := popuppage.WaitOutcome(p, 25*time.Second)
		require.NoError(t, err)
		took := time.Since(start)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic did not answer within 15 s.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "sessions may or may not have been signed out")
		assert.True(t, took > 14*time.Second && took < 17*time.Second, "the popup gave up after %s", took)
		assert.False(t, killButton(t, p).Disabled, "Kill sessions is stuck after the timeout")

		close(lateAnswerDue)
		late := answeredFirst(t, sw, "DELETE")
		assert.False(t, s.Alive(victim), "the late kill never happened")
		assert.True(t, late.ClientGone > 14*time.Second && late.ClientGone < 17*time.Second,
			"the popup did not abort the request at its timeout (gone after %s)", late.ClientGone)
		// Whatever the fake sent for the late kill went before the
		// sentinel's answer, over the same connection.
		reqs := requestsUpToNow(t, p, s)
		after, err := popuppage.Read(p)
		require.NoError(t, err)
		assert.Equal(t, res, after, "the late answer changed what the popup shows")
		assert.Len(t, kills(reqs), 1, "the popup retried")
		return p
	}},
	{"a body that drips ends in the timeout", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		// The status and headers come at once; the body, a byte every 2 s,
		// would take minutes: the time limit covers it too.
		const every = 2 * time.Second
		s.FaultNext(fakeepic.Raw(403, jsonHeader, missingPermission).Dripped(every))
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		start := time.Now()
		require.NoError(t, p.Click("#kill"))
		res, err := popuppage.WaitOutcome(p, time.Until(start.Add(timeout+time.Second)))
		require.NoError(t, err, "no outcome within %s of the click", timeout+time.Second)
		took := time.Since(start)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic did not answer within 15 s.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "sessions may or may not have been signed out")
		assert.Greater(t, took, timeout-time.Second, "the popup gave up after %s", took)
		// Firefox tells the server that it gave up only when the next byte
		// comes.
		sent := answeredFirst(t, sw, "DELETE")
		assert.True(t, sent.ClientGone > timeout-time.Second && sent.ClientGone < timeout+every+time.Second,
			"the popup did not abort the request at its time limit (gone after %s)", sent.ClientGone)
		assertEnabled(t, p, "forget")
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
	{"a verify that stalls ends in the timeout", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		// Verify's status and headers come; its body never does.
		s.FaultNext(fakeepic.Drip(time.Hour))
		pasted := time.Now()
		require.NoError(t, p.Type("#token", token))
		require.Eventually(t, func() bool { return len(verifyRequests(s.Requests())) == 1 }, 5*time.Second, 20*time.Millisecond,
			"verify never left")
		waitStored(t, p, "token", true)
		assert.Equal(t, token, storedToken(t, p), "the popup does not hold the token while verify runs")
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		// The kill waits for verify, whose answer may forbid it.
		start := time.Now()
		require.NoError(t, p.Click("#kill"))
		res, err := popuppage.WaitOutcome(p, time.Until(start.Add(timeout+time.Second)))
		require.NoError(t, err, "no outcome within %s of the click", timeout+time.Second)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic did not answer within 15 s.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "no kill was sent")
		assert.Greater(t, time.Since(pasted), timeout-time.Second, "verify was not given its time")
		verify := answeredFirst(t, sw, "GET")
		assert.True(t, verify.ClientGone > timeout-time.Second && verify.ClientGone < timeout+time.Second,
			"the popup did not abort verify at its time limit (gone after %s)", verify.ClientGone)
		assert.Empty(t, kills(requestsUpToNow(t, p, s)), "a kill went out though verify never answered")
		assert.True(t, s.Alive(victim))

		assert.Equal(t, token, storedToken(t, p), "the token was dropped")
		assert.False(t, killButton(t, p).Disabled, "Kill sessions is stuck")
		res = kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Success, res.Outcome, "the next kill: %s", res)
		assert.Len(t, kills(s.Requests()), 1)
		assert.False(t, s.Alive(victim))
		return p
	}},
	{"a web page with a huge Retry-After starts no wait", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		// Only Epic's own 429 is a reason to wait; anyone can send a
		// Retry-After.
		s.FaultNext(fakeepic.Raw(403, http.Header{"Content-Type": {"text/html; charset=UTF-8"}, "Retry-After": {"99999999"}},
			[]byte("<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>\n")))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "A web page answered instead of Epic.", res.Text)
		assert.Equal(t, killState{Disabled: false, Label: "Kill sessions"}, killButton(t, p), "Kill sessions waits")
		// The popup keeps its records in the order it makes them, and a
		// wait would come before the kill's line in the history.
		waitStored(t, p, "history", true)
		assert.NotContains(t, storageArea(t, p, "session"), "throttledUntil", "storage.session keeps a wait")

		p = reopenHolding(t, b)
		assert.Equal(t, killState{Disabled: false, Label: "Kill sessions"}, killButton(t, p), "a reopened popup waits")
		assertEnabled(t, p, "kill-this")
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
	{"the popup closes while a kill runs", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		s.FaultNext(fakeepic.Slow(10 * time.Second))
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		require.NoError(t, p.Click("#kill"))
		require.Eventually(t, func() bool { return len(kills(s.Requests())) == 1 }, 5*time.Second, 20*time.Millisecond,
			"the kill never left")
		waitStored(t, p, "inFlight", true)

		p = b.ReopenPopup(t)
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("result").dataset.outcome === "error"`, 5*time.Second),
			"the reopened popup says nothing of the kill: %s", popuppage.Shown(p))
		msg := text(t, p, "result")
		assert.Regexp(t, `^The popup was closed at \d\d:\d\d:\d\d before Epic answered: “Other logins, all services”\.$`, msg)
		assert.Contains(t, text(t, p, "advice"), "Kill again to be sure")
		h := history(t, p)
		if assert.Len(t, h, 1) {
			assert.Regexp(t, `^\d\d:\d\d:\d\d Other logins, all services: no answer$`, h[0].Text)
		}
		assert.True(t, visible(t, p, "token-held"), "the token was dropped")
		waitStored(t, p, "inFlight", false)
		// Closing the popup aborted the request: the fake saw the client go.
		assert.True(t, s.Alive(victim))
		assertKillWorksAgain(t, p, s, victim)
		return p
	}},
}

// assertKillWorksAgain kills once more, with the fake behaving, and checks
// that the button was not left stuck.
func assertKillWorksAgain(t *testing.T, p popuppage.Page, s *fakeepic.Service, victim string) {
	t.Helper()
	require.False(t, killButton(t, p).Disabled, "Kill sessions is stuck")
	res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
	assert.Equal(t, popuppage.Success, res.Outcome, "the next kill: %s", res)
	assert.False(t, s.Alive(victim))
}

// answeredFirst waits briefly for the first request with method that the
// current service has finished handling.
func answeredFirst(t *testing.T, sw *epicSwitch, method string) answered {
	t.Helper()
	var first answered
	require.Eventually(t, func() bool {
		for _, a := range sw.answers() {
			if a.Method == method {
				first = a
				return true
			}
		}
		return false
	}, 3*time.Second, 50*time.Millisecond, "no %s request was answered or given up", method)
	return first
}

// assertEnabled checks that the control with id shows and takes clicks.
func assertEnabled(t *testing.T, p popuppage.Page, id string) {
	t.Helper()
	var disabled bool
	require.NoError(t, p.Eval(fmt.Sprintf(`document.getElementById(%q).disabled`, id), &disabled))
	assert.True(t, visible(t, p, id) && !disabled, "#%s is hidden or disabled", id)
}

func runFaultCases(t *testing.T, b browser, sw *epicSwitch) {
	runPopupCases(t, b, sw, "fault", faultCases)
}
