//go:build !js

package e2e

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/extension/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/fakeepic"
)

// jsonHeader is the Content-Type of Epic's error bodies.
var jsonHeader = http.Header{"Content-Type": {"application/json"}}

// faultCases are answers that break the rules, each with the outcome the
// popup defines for it; after each, Kill sessions works again.
var faultCases = []popupCase{
	{"the connection drops mid-body", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		body := []byte(`{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions"}`)
		s.FaultNext(fakeepic.CutBody(403, jsonHeader, body, 20))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Unexpected answer from Epic (HTTP 403). [HTTP 403]", res.Text)
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
		assert.Equal(t, "Epic accepted the request but answered HTTP 200 instead of 204. [HTTP 200]", res.Text)
		assert.Contains(t, text(t, p, "advice"), "Sessions were probably signed out")
		assert.True(t, visible(t, p, "token-box"), "the token was dropped")
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
		assert.Equal(t, "Epic's service is having trouble (HTTP 500). [HTTP 500]", res.Text)
		assert.Contains(t, text(t, p, "details-text"), "with a body over 64 KiB, which was not read")
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
		assert.Equal(t, "Unexpected answer from Epic (HTTP 400). [HTTP 400, errors.com.epicgames.test.bad_bytes (4242)]", res.Text)
		assert.Contains(t, text(t, p, "advice"), "Epic said: \"bad \ufffd\ufffd\ufffd bytes\"", "the bad bytes are not shown as replacement characters")
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
		assert.Contains(t, res.Text, "no longer valid (HTTP 401 errors.com.epicgames.account.auth_token.invalid_access_token)")
		settle()
		assert.Empty(t, kills(s.Requests()), "a kill went out with a token Epic's verify refused")
		assert.Len(t, verifyRequests(s.Requests()), 1)
		assert.True(t, s.Alive(victim))
		assert.False(t, visible(t, p, "token-box"), "the refused token is still held")
		assert.False(t, killButton(t, p).Disabled, "Kill sessions is stuck")
		assertNotShown(t, p, token)
		return p
	}},
	{"204 after the timeout", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		// Epic may still act on a request the popup gave up on.
		s.FaultNext(fakeepic.Late(17 * time.Second))
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		start := time.Now()
		require.NoError(t, p.Click("#kill"))
		r, err := popuppage.Read(p)
		require.NoError(t, err)
		assert.Equal(t, "pending", r.Outcome, "no pending state: %s", r)
		assert.True(t, killButton(t, p).Disabled, "Kill sessions is enabled while a kill runs")

		res, err := popuppage.WaitOutcome(p, 25*time.Second)
		require.NoError(t, err)
		took := time.Since(start)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Epic did not answer within 15 s.", res.Text)
		assert.Contains(t, text(t, p, "advice"), "sessions may or may not have been signed out")
		assert.True(t, took > 14*time.Second && took < 17*time.Second, "the popup gave up after %s", took)
		assert.False(t, killButton(t, p).Disabled, "Kill sessions is stuck after the timeout")

		require.Eventually(t, func() bool { return !s.Alive(victim) }, 6*time.Second, 100*time.Millisecond,
			"the late kill never happened")
		var late *answered
		require.Eventually(t, func() bool {
			for _, a := range sw.answers() {
				if a.Method == "DELETE" {
					late = &a
					return true
				}
			}
			return false
		}, 3*time.Second, 50*time.Millisecond)
		assert.True(t, late.ClientGone > 14*time.Second && late.ClientGone < 17*time.Second,
			"the popup did not abort the request at its timeout (gone after %s)", late.ClientGone)
		settle()
		after, err := popuppage.Read(p)
		require.NoError(t, err)
		assert.Equal(t, res, after, "the late answer changed what the popup shows")
		assert.Len(t, kills(s.Requests()), 1, "the popup retried")
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
		assert.True(t, strings.HasPrefix(msg, "The popup was closed before Epic answered the kill (OTHERS_ACCOUNT_CLIENT) sent at "), msg)
		assert.Contains(t, text(t, p, "advice"), "Kill again to be sure")
		h := history(t, p)
		if assert.Len(t, h, 1) {
			assert.Regexp(t, `^\d\d:\d\d:\d\d OTHERS_ACCOUNT_CLIENT: no answer$`, h[0].Text)
		}
		assert.True(t, visible(t, p, "token-box"), "the token was dropped")
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
	assert.False(t, killButton(t, p).Disabled, "Kill sessions is stuck")
	res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
	assert.Equal(t, popuppage.Success, res.Outcome, "the next kill: %s", res)
	assert.False(t, s.Alive(victim))
}

func runFaultCases(t *testing.T, b browser, sw *epicSwitch) {
	runPopupCases(t, b, sw, "fault", faultCases)
}
