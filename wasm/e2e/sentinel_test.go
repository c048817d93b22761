//go:build !js

package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// A check that something did not happen waits for a sentinel: something the
// test makes happen after the action, which must show only after the wrong
// thing would have shown. The helpers here are the sentinels these tests use.

// sentinelPath is where the test's own requests to Epic's host go: no
// endpoint of Epic's, so the fake answers 404 and changes nothing.
const sentinelPath = "/e2e-sentinel"

// requestsUpToNow returns what the fake has received so far, proven whole:
// the popup's page sends a request of the test's own, and what the fake
// recorded before it is returned (other sentinels left out).
//
// Any request the popup made for what the test did before comes first. The
// popup calls fetch in the very task of the event it reacts to (a click, a
// key, an answer, a timeout): Go on js/wasm hands the page back to the
// browser only once no goroutine can run. The sentinel is made in a later
// task, the browser sends one page's requests to a host over one HTTP/2
// connection in the order they were made, and the fake records a request
// before it answers it; the sentinel is awaited until it is answered.
func requestsUpToNow(t *testing.T, p popuppage.Page, s *fakeepic.Service) []fakeepic.Request {
	t.Helper()
	id := randomMarker(t)
	// Without host access the browser refuses the answer, once it came.
	require.NoError(t, await(p, `fetch("https://`+fakeepic.EpicHost+sentinelPath+`?id=`+id+`",
		{credentials: "omit", cache: "no-store"}).then(() => true, () => true)`, nil))
	reqs := s.Requests()
	var before []fakeepic.Request
	for _, r := range reqs {
		if r.Path != sentinelPath {
			before = append(before, r)
		} else if r.Query.Get("id") == id {
			return before
		}
	}
	require.Fail(t, "the sentinel request never reached the fake account service")
	return nil
}

// reopenHolding reopens the popup and waits until it shows the token it
// kept. Restore brings back the token, a throttle wait and the history in
// one step, so what the popup does not show by then, it did not keep.
func reopenHolding(t *testing.T, b browser) popuppage.Page {
	t.Helper()
	p := b.ReopenPopup(t)
	require.NoError(t, popuppage.WaitFor(p, `document.getElementById("token-box").getClientRects().length > 0`, 5*time.Second),
		"the reopened popup does not show the token it kept")
	return p
}

// reopenWithoutToken reopens the popup and shows that it holds no token: a
// click on Kill sessions, the token field empty, waits until Restore is
// over, and then says there is no token instead of sending a kill.
func reopenWithoutToken(t *testing.T, b browser) popuppage.Page {
	t.Helper()
	p := b.ReopenPopup(t)
	require.NoError(t, p.Click("#kill"))
	res, err := popuppage.WaitOutcome(p, outcomeTimeout)
	require.NoError(t, err)
	assert.Equal(t, "No access token: paste your current Epic access token.", res.Text, "the reopened popup holds a token")
	return p
}

// sentinelImageHost is where the sentinel of imagesSettled asks for an
// image, which the popup's policy refuses: a report that watchForScript
// tells apart from every other.
const sentinelImageHost = "e2e-sentinel.invalid"

// imagesSettled waits until an image made now without an address has
// failed, and the policy violation its error handler then causes has been
// reported. An element made earlier of Epic's text (imgMarkup has no
// address either) would have failed, and its inline handler run or been
// refused and reported, before: the browser queues each such failure on one
// task source when the image is made, and reports violations in the order
// they happen. Needs watchForScript.
func imagesSettled(t *testing.T, p popuppage.Page) {
	t.Helper()
	require.NoError(t, p.Eval(`(() => { const img = new Image();
		img.addEventListener("error", () => { new Image().src = "https://`+sentinelImageHost+`/"; }, {once: true});
		img.setAttribute("src", ""); return true; })()`, nil))
	require.NoError(t, popuppage.WaitFor(p, `document.documentElement.dataset.sentinelReported === "true"`, 10*time.Second),
		"the sentinel image's refusal was never reported")
	require.NoError(t, p.Eval(`(() => { delete document.documentElement.dataset.sentinelReported; return true; })()`, nil))
}
