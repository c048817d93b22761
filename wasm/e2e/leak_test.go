//go:build !js

package e2e

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/sink"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// watched is a browser run that records where things could leak besides
// Epic: a sink stands in for every other host, the console is collected,
// and the profile folder is what the browser keeps on disk.
type watched interface {
	Sink() *sink.Sink
	// Console is everything logged to the console so far, as lines.
	Console(t *testing.T) []string
	ProfileDir() string
	// Visit loads url in the popup's tab, as a link would; whether it
	// loads does not matter, only that the request went out.
	Visit(t *testing.T, url string)
}

// Markup that would leave a trace if it ever ran or became elements.
const (
	imgMarkup    = `<img src onerror="document.documentElement.dataset.pwned='img'">`
	scriptMarkup = `<script>document.documentElement.dataset.pwned='script'</script>`
	svgMarkup    = `<svg onload="document.documentElement.dataset.pwned='svg'"></svg>`
	boldMarkup   = `<b id="pwned-b">bold</b>`
)

// watchForScript makes the page note, in its DOM, every policy violation:
// markup that became elements would try to run and be blocked. The
// sentinel of imagesSettled is noted apart.
const watchForScript = `(() => { document.addEventListener("securitypolicyviolation", e => {
	const d = document.documentElement.dataset;
	if (e.blockedURI.includes("` + sentinelImageHost + `")) { d.sentinelReported = "true"; return; }
	d.violations = (d.violations || "") + e.violatedDirective + " "; }); return true; })()`

// assertInert checks that no markup became elements and nothing ran, once
// anything that would run has had its turn (imagesSettled).
func assertInert(t *testing.T, p popuppage.Page) {
	t.Helper()
	imagesSettled(t, p)
	var got struct {
		Pwned, Violations string
		Elements, Scripts int
	}
	require.NoError(t, p.Eval(`(() => { const d = document.documentElement.dataset;
		return {Pwned: d.pwned || "", Violations: d.violations || "",
			Elements: document.querySelectorAll("img, svg, iframe, object, embed, #pwned-b, [onerror], [onload]").length,
			Scripts: document.scripts.length}; })()`, &got))
	assert.Empty(t, got.Pwned, "markup ran")
	assert.Empty(t, got.Violations, "markup tried to run and was blocked")
	assert.Zero(t, got.Elements, "markup became elements")
	assert.Equal(t, 2, got.Scripts, "a script element was added")
}

var leakCases = []popupCase{
	{"a redirect to another host is not followed", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		w := b.(watched)
		token, victim := player(s, everyKill)
		hold(t, p, token)
		for _, status := range []int{302, 307, 308} {
			s.FaultNext(fakeepic.Redirect(status, "https://collector.example/steal?status="+http.StatusText(status)))
			res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
			assert.Equal(t, popuppage.Error, res.Outcome, "%d", status)
			assert.Equal(t, "The request was redirected, and the redirect was not followed.", res.Text, "%d", status)
			assert.Contains(t, text(t, p, "advice"), "The token was sent nowhere else.")
		}
		// No wait: a fetch that followed the redirect would have resolved,
		// and the popup shown its outcome, only after the sink answered.
		for _, h := range w.Sink().Hits() {
			assert.NotContains(t, h.Host, "collector.example", "the redirect was followed: %s %s", h.Method, h.URL)
		}
		assert.Empty(t, w.Sink().Carrying(token))
		assert.Len(t, kills(s.Requests()), 3)
		assert.True(t, s.Alive(victim))
		return p
	}},
	{"markup in Epic's answer is shown as text", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		require.NoError(t, p.Eval(watchForScript, nil))
		correlation := "corr-" + imgMarkup
		body, err := json.Marshal(map[string]any{
			"errorCode":        "errors.com.epicgames.test." + boldMarkup,
			"errorMessage":     "Failed: " + imgMarkup + scriptMarkup,
			"messageVars":      []string{svgMarkup},
			"numericErrorCode": 4242,
		})
		require.NoError(t, err)
		s.FaultNext(fakeepic.Raw(409, http.Header{"Content-Type": {"application/json"}, "X-Epic-Correlation-ID": {correlation}}, body))
		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		details := text(t, p, "details-text")
		assert.Contains(t, details, "errors.com.epicgames.test."+boldMarkup, "the error code is not shown as text")
		assert.Contains(t, details, "Failed: "+imgMarkup+scriptMarkup, "Epic's message is not shown as text")
		assert.Contains(t, text(t, p, "details-text"), "Correlation ID: "+correlation)

		// Epic's message naming the missing permission is in the details.
		s.FaultNext(fakeepic.EpicError(403, "errors.com.epicgames.common.missing_permission", 1023,
			"Sorry your login does not posses the permissions '"+svgMarkup+" DELETE'", svgMarkup, "DELETE"))
		res = kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Contains(t, text(t, p, "details-text"), svgMarkup, "Epic's message is not shown as text")
		assertInert(t, p)
		return p
	}},
	{"markup in the display name is shown as text", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		g := testPlayer(everyKill)
		g.DisplayName = imgMarkup + scriptMarkup
		token := s.Issue(g)
		require.NoError(t, p.Eval(watchForScript, nil))
		hold(t, p, token)
		assert.Equal(t, imgMarkup+scriptMarkup, facts(t, p)["Display name"])
		assertInert(t, p)
		p = reopenHolding(t, b)
		require.NoError(t, p.Eval(watchForScript, nil))
		assert.Equal(t, imgMarkup+scriptMarkup, facts(t, p)["Display name"], "the kept name is not shown as text")
		assertInert(t, p)
		return p
	}},
	{"the token lives only in storage.session, and Forget empties it", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
		waitStored(t, p, "history", true)

		places := tokenPlaces(t, p)
		for place, held := range places {
			if place == "storage.session token" {
				assert.Contains(t, held, token, "storage.session does not keep the token")
				continue
			}
			assert.NotContains(t, held, token, "the token is kept in %s", place)
		}

		require.NoError(t, p.Click("#forget"))
		waitStatus(t, p, statusForgotten)
		waitStored(t, p, "token", false)
		for place, held := range tokenPlaces(t, p) {
			assert.NotContains(t, held, token, "after Forget, the token is still in %s", place)
		}
		p = reopenWithoutToken(t, b)
		assert.False(t, visible(t, p, "token-held"), "a reopened popup still holds the forgotten token")
		return p
	}},
}

// tokenPlaces reads every place a page of the extension could keep a
// string in, keyed by name: the extension's storage areas, IndexedDB, Cache
// Storage, Web Storage, cookies and the page's own URL and markup.
func tokenPlaces(t *testing.T, p popuppage.Page) map[string]string {
	t.Helper()
	var places map[string]string
	require.NoError(t, await(p, `(async () => {
		const api = globalThis.browser ?? globalThis.chrome;
		const out = {};
		const session = await api.storage.session.get(null);
		out["storage.session token"] = JSON.stringify(session.token ?? null);
		delete session.token;
		out["storage.session, other keys"] = JSON.stringify(session);
		out["storage.local"] = JSON.stringify(await api.storage.local.get(null));
		out["storage.sync"] = JSON.stringify(await api.storage.sync.get(null));
		out["IndexedDB"] = JSON.stringify(await indexedDB.databases());
		const cached = [];
		for (const name of await caches.keys()) {
			for (const req of await (await caches.open(name)).keys()) cached.push(name + " " + req.url);
		}
		out["Cache Storage"] = cached.join("\n");
		out["localStorage"] = JSON.stringify({...localStorage});
		out["sessionStorage"] = JSON.stringify({...sessionStorage});
		out["document.cookie"] = document.cookie;
		out["the page's URL"] = location.href;
		out["the page's markup"] = document.documentElement.outerHTML;
		return out;
	})()`, &places))
	require.Len(t, places, 11, "a place could not be read")
	var dbs []any
	require.NoError(t, json.Unmarshal([]byte(places["IndexedDB"]), &dbs))
	assert.Empty(t, dbs, "the popup made an IndexedDB database")
	return places
}

func runLeakCases(t *testing.T, b browser, sw *epicSwitch) {
	runPopupCases(t, b, sw, "leak", leakCases)
}

// checkNoLeaks runs last in a browser run: no token of any case reached
// another host, the console or the disk. Each check first proves it can
// see a marker put where it looks, so an empty result means something.
func checkNoLeaks(t *testing.T, b browser, sw *epicSwitch) {
	w := b.(watched)
	tokens := sw.issued()
	require.NotEmpty(t, tokens)
	marker := randomMarker(t)
	p := b.OpenPopup(t)

	t.Run("no token reached another host", func(t *testing.T) {
		w.Visit(t, "https://probe.example/leak-probe?marker="+marker)
		require.Eventually(t, func() bool { return len(w.Sink().Carrying(marker)) > 0 }, 10*time.Second, 100*time.Millisecond,
			"the sink saw no visit to another host: it would not see a leak either")
		for _, token := range tokens {
			for _, h := range w.Sink().Carrying(token) {
				t.Errorf("a token reached %s: %s %s", h.Host, h.Method, h.URL)
			}
		}
		t.Logf("the sink recorded %d request(s) to other hosts, none with a token", len(w.Sink().Hits()))
	})
	p = b.ReopenPopup(t)

	t.Run("no token in the console", func(t *testing.T) {
		require.NoError(t, p.Eval(`(console.log("leak-probe log", `+jsString(marker)+`), console.error("leak-probe error", `+jsString(marker)+`), true)`, nil))
		var lines []string
		require.Eventually(t, func() bool {
			lines = w.Console(t)
			return countContaining(lines, marker) >= 2
		}, 10*time.Second, 200*time.Millisecond, "the console collector missed a console.log or console.error")
		excused := 0
		for _, token := range tokens {
			for _, l := range lines {
				switch {
				case !strings.Contains(l, token):
				case isFailedSingleKill(l, token):
					excused++
				default:
					t.Errorf("a token is in the console: %.200s", l)
				}
			}
		}
		t.Logf("the console held %d line(s); %d name the URL of a refused single-session kill, none other holds a token", len(lines), excused)
	})

	t.Run("no token on disk", func(t *testing.T) {
		// storage.local is on disk: a marker put there must be found, or
		// the search proves nothing.
		api := `(globalThis.browser ?? globalThis.chrome).storage.local`
		require.NoError(t, await(p, api+`.set({leakProbe: `+jsString(marker)+`}).then(() => true)`, nil))
		t.Cleanup(func() { _ = await(p, api+`.clear().then(() => true)`, nil) })
		require.Eventually(t, func() bool { return len(filesHolding(t, w.ProfileDir(), marker)) > 0 }, 20*time.Second, 250*time.Millisecond,
			"storage.local's marker never reached the profile folder: the search would not find a token either")
		for _, token := range tokens {
			for _, f := range filesHolding(t, w.ProfileDir(), token) {
				t.Errorf("a token is on disk in %s", f)
			}
		}
	})
}

// isFailedSingleKill reports whether line is the browser's own note of a
// single-session kill Epic refused. Epic's API puts the session's token in
// that URL, and Chromium writes every failed load's URL to the page's
// DevTools console, which lives in memory until the popup closes. Nothing
// else may name a token there.
func isFailedSingleKill(line, token string) bool {
	return strings.HasPrefix(line, "log.error: Failed to load resource: the server responded with a status of ") &&
		strings.HasSuffix(line, " https://"+fakeepic.EpicHost+killPath+"/"+token)
}

// filesHolding lists the files under dir whose bytes contain secret.
func filesHolding(t *testing.T, dir, secret string) []string {
	t.Helper()
	var found []string
	needle := []byte(secret)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // files come and go while the browser runs
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil && bytes.Contains(data, needle) {
			found = append(found, strings.TrimPrefix(path, dir))
		}
		return nil
	})
	require.NoError(t, err)
	return found
}

func countContaining(lines []string, s string) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

func randomMarker(t *testing.T) string {
	t.Helper()
	b := make([]byte, 12)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return "marker" + hex.EncodeToString(b)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
