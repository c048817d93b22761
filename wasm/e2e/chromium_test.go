//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/chromium"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/sink"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

type chromiumBrowser struct {
	b   *chromium.Browser
	tab *chromium.Page
	// What checkNoLeaks watches; set by launchWatchedChromium.
	sink    *sink.Sink
	console func() []string
	profile string
	// words is the catalog of the browser's language; nil is English.
	words messages.Catalog
}

func (c *chromiumBrowser) Words() messages.Catalog { return c.words }

func (c *chromiumBrowser) Sink() *sink.Sink { return c.sink }

func (c *chromiumBrowser) Console(t *testing.T) []string { return c.console() }

func (c *chromiumBrowser) ProfileDir() string { return c.profile }

func (c *chromiumBrowser) Visit(t *testing.T, url string) {
	t.Helper()
	// The sink answers 404, which Chromium reports as a failed load.
	if err := c.tab.Navigate(url); err != nil {
		t.Logf("visiting %s: %v", url, err)
	}
}

func (c *chromiumBrowser) Name() string { return "chromium" }

func (c *chromiumBrowser) OpenPopup(t *testing.T) popuppage.Page {
	t.Helper()
	return openEmpty(t, c.ReopenPopup)
}

// ReopenPopup loads a fresh popup document in the one tab.
func (c *chromiumBrowser) ReopenPopup(t *testing.T) popuppage.Page {
	t.Helper()
	require.NoError(t, c.tab.Navigate("about:blank"))
	require.NoError(t, c.tab.Navigate(c.b.URL("popup.html")))
	waitReady(t, c.tab)
	return c.tab
}

func (c *chromiumBrowser) SetOffline(offline bool) error { return c.tab.SetOffline(offline) }

func (c *chromiumBrowser) SetDarkMode(dark bool) error { return c.tab.SetDarkMode(dark) }

// ReadClipboard reads the clipboard from the popup, once allowed to.
func (c *chromiumBrowser) ReadClipboard() (string, error) {
	if err := c.tab.GrantClipboardRead("chrome-extension://" + c.b.ExtensionID); err != nil {
		return "", err
	}
	var text string
	err := c.tab.Await(`navigator.clipboard.readText()`, &text)
	return text, err
}

// SetCookie puts a cookie in the browser's own store, as a site does.
func (c *chromiumBrowser) SetCookie(url, name, value string, expires time.Time) error {
	return c.tab.SetCookie(url, name, value, expires)
}

func (c *chromiumBrowser) DeleteCookie(url, name string) error { return c.tab.DeleteCookie(url, name) }

// launchChromium starts Chromium with dist/unpacked loaded and Epic's host
// mapped to epicAddr, accepting the certificate key spkiHash and no other.
func launchChromium(t *testing.T, epicAddr, spkiHash string) *chromium.Browser {
	t.Helper()
	return launchChromiumProfile(t, epicAddr, spkiHash, t.TempDir())
}

// launchChromiumProfile is launchChromium with a given profile folder, which
// may hold the profile of an earlier launch.
func launchChromiumProfile(t *testing.T, epicAddr, spkiHash, profile string) *chromium.Browser {
	t.Helper()
	return launchChromiumWith(t, chromium.Options{ProfileDir: profile, MapTo: epicAddr, SPKIHash: spkiHash})
}

// launchChromiumWith starts Chromium with dist/unpacked loaded, Epic's host
// mapped to o.MapTo, and its output in the artifacts folder.
func launchChromiumWith(t *testing.T, o chromium.Options) *chromium.Browser {
	t.Helper()
	logFile, err := os.Create(filepath.Join(artifactsDir(t, "chromium"), unsafeName.ReplaceAllString(t.Name(), "_")+".log"))
	require.NoError(t, err)
	t.Cleanup(func() { logFile.Close() })
	o.Extension, o.MapHost, o.Output = distDir(t), fakeepic.EpicHost, logFile
	b, err := chromium.Launch(o)
	require.NoError(t, err)
	t.Cleanup(b.Close)
	return b
}

// launchWatchedChromium starts Chromium with every host but Epic's mapped to
// a sink, and one tab whose console is collected.
func launchWatchedChromium(t *testing.T, srv *fakeepic.TLSServer) *chromiumBrowser {
	t.Helper()
	sk := startSink(t)
	profile := t.TempDir()
	b := launchChromiumWith(t, chromium.Options{
		ProfileDir:  profile,
		MapTo:       srv.Addr,
		MapOthersTo: sk.Addr,
		SPKIHash:    srv.SPKIHash + "," + sk.SPKIHash,
	})
	tab, err := b.NewTab("about:blank")
	require.NoError(t, err)
	require.NoError(t, tab.SetViewport(400, 620))
	console, err := tab.CollectConsole()
	require.NoError(t, err)
	return &chromiumBrowser{b: b, tab: tab, sink: sk, console: console, profile: profile}
}

func TestChromium(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	cb := launchWatchedChromium(t, srv)
	runKillCases(t, cb, sw)
	t.Run("token", func(t *testing.T) { runTokenCases(t, cb, sw) })
	t.Run("keyboard", func(t *testing.T) { runKeyboardCases(t, cb, sw) })
	t.Run("outcome", func(t *testing.T) { runOutcomeCases(t, cb, sw) })
	t.Run("fault", func(t *testing.T) { runFaultCases(t, cb, sw) })
	t.Run("leak", func(t *testing.T) { runLeakCases(t, cb, sw) })
	t.Run("saved logins", func(t *testing.T) { runSavedLoginCases(t, cb, sw) })
	t.Run("states", func(t *testing.T) { runStateChecks(t, cb, sw) })
	t.Run("no leaks", func(t *testing.T) { checkNoLeaks(t, cb, sw) })
}

// TestChromiumToolbarPopup opens the popup the way a person does, from the
// toolbar button, and kills once; it also takes the README's screenshots.
func TestChromiumToolbarPopup(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	b := launchChromium(t, srv.Addr, srv.SPKIHash)
	s := sw.fresh()
	token, victim := player(s, everyKill)

	popup, err := b.OpenToolbarPopup()
	require.NoError(t, err)
	reportOnFailure(t, popup, s)
	waitReady(t, popup)
	res, err := popuppage.Kill(popup, token, "OTHERS_ACCOUNT_CLIENT", outcomeTimeout)
	require.NoError(t, err)
	assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
	assert.Contains(t, res.Text, "signed out")
	reqs := kills(s.Requests())
	require.Len(t, reqs, 1)
	assert.Equal(t, "OTHERS_ACCOUNT_CLIENT", reqs[0].Query.Get("killType"))
	assert.False(t, s.Alive(victim))

	dir := artifactsDir(t, "chromium")
	saveScreenshot(t, popup, dir, "toolbar-popup-light")
	require.NoError(t, popup.SetDarkMode(true))
	saveScreenshot(t, popup, dir, "toolbar-popup-dark")
}

// TestChromiumAcceptsOnlyTheFakesKey: the certificate exception names one key.
// With another server's key allowed instead, the fake's certificate is
// refused and the token never reaches it.
func TestChromiumAcceptsOnlyTheFakesKey(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	_, other := startEpic(t)
	b := launchChromium(t, srv.Addr, other.SPKIHash)
	s := sw.fresh()
	token, victim := player(s, everyKill)
	tab, err := b.NewTab(b.URL("popup.html"))
	require.NoError(t, err)
	reportOnFailure(t, tab, s)
	waitReady(t, tab)

	res, err := popuppage.Kill(tab, token, "OTHERS_ACCOUNT_CLIENT", outcomeTimeout)

	require.NoError(t, err)
	assert.Equal(t, popuppage.Error, res.Outcome, res.Text)
	assert.Contains(t, res.Text, "Could not reach Epic")
	assert.Empty(t, s.Requests(), "a request got through an untrusted certificate")
	assert.True(t, s.Alive(victim))
}
