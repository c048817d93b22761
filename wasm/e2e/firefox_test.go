//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/firefox"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/sink"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// addonID is the manifest's gecko id; addonUUID fixes its moz-extension:// origin.
const (
	addonID   = "epic-session-killer@epicsessionkiller.github.io"
	addonUUID = "4d0c8a5e-1f3b-4c2a-9e7d-6b5a4c3d2e1f"
)

// firefoxCallTimeout bounds each Marionette command.
const firefoxCallTimeout = 15 * time.Second

type firefoxBrowser struct {
	c *firefox.Client
	// What checkNoLeaks watches; set by launchWatchedFirefox.
	sink    *sink.Sink
	logPath string
	profile string
	// words is the catalog of the browser's language; nil is English.
	words messages.Catalog
}

func (f *firefoxBrowser) Words() messages.Catalog { return f.words }

func (f *firefoxBrowser) Sink() *sink.Sink { return f.sink }

func (f *firefoxBrowser) ProfileDir() string { return f.profile }

// Console is what the browser's console service holds (errors, warnings,
// failed loads, policy violations) and the console API calls of pages, which
// the devtools.console.stdout prefs copy to the browser's output.
func (f *firefoxBrowser) Console(t *testing.T) []string {
	t.Helper()
	var service []string
	require.NoError(t, f.chrome(`return Services.console.getMessageArray().map(m =>
		m instanceof Ci.nsIScriptError ? m.errorMessage + " " + m.sourceName : m.message);`, &service))
	out, err := os.ReadFile(f.logPath)
	require.NoError(t, err)
	return append(service, strings.Split(string(out), "\n")...)
}

func (f *firefoxBrowser) Visit(t *testing.T, url string) {
	t.Helper()
	p := firefoxPage{f.c}
	if err := p.call(func(ctx context.Context) error { return f.c.Navigate(ctx, url) }); err != nil {
		t.Logf("visiting %s: %v", url, err)
	}
}

func (f *firefoxBrowser) Name() string { return "firefox" }

func (f *firefoxBrowser) OpenPopup(t *testing.T) popuppage.Page {
	t.Helper()
	return openEmpty(t, f.ReopenPopup)
}

// ReopenPopup loads a fresh popup document in the one window. Marionette
// cannot open Firefox's toolbar panel, so the popup opens as a page, with the
// same document, origin and policy.
func (f *firefoxBrowser) ReopenPopup(t *testing.T) popuppage.Page {
	t.Helper()
	p := firefoxPage{f.c}
	require.NoError(t, p.call(func(ctx context.Context) error { return f.c.Navigate(ctx, "about:blank") }))
	require.NoError(t, p.call(func(ctx context.Context) error {
		return f.c.Navigate(ctx, "moz-extension://"+addonUUID+"/popup.html")
	}))
	waitReady(t, p)
	return p
}

// SetOffline switches Firefox's offline mode, which navigator.onLine follows.
func (f *firefoxBrowser) SetOffline(offline bool) error {
	return f.chrome(fmt.Sprintf(`Services.io.manageOfflineStatus = false; Services.io.offline = %t;`, offline), nil)
}

// SetDarkMode sets the colour scheme web and extension pages see, as
// Firefox's own "Website appearance" setting does, without a restart.
func (f *firefoxBrowser) SetDarkMode(dark bool) error {
	scheme := 1 // light
	if dark {
		scheme = 0
	}
	return f.chrome(fmt.Sprintf(`Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", %d);`, scheme), nil)
}

// AnswerPermissionPrompt clicks Allow (or Deny) on the doorhanger in which
// Firefox asks the user for an extension's optional permissions; it waits
// for the doorhanger to appear.
func (f *firefoxBrowser) AnswerPermissionPrompt(allow bool) error {
	button := "secondaryButton"
	if allow {
		button = "button"
	}
	var id string
	err := popuppage.Poll(5*time.Second, func() (bool, error) {
		err := f.chrome(`const n = PopupNotifications.panel.firstElementChild; return n ? n.id : "";`, &id)
		return id == "addon-webext-permissions-notification", err
	})
	if err != nil {
		return fmt.Errorf("no permission doorhanger appeared (the panel shows %q): %w", id, err)
	}
	return f.chrome(`PopupNotifications.panel.firstElementChild.`+button+`.click();`, nil)
}

// ReadClipboard returns the text on the clipboard, read with the browser's
// own privileges, as a paste into another program would get it.
func (f *firefoxBrowser) ReadClipboard() (string, error) {
	var text string
	err := f.chrome(`return navigator.clipboard.readText();`, &text)
	return text, err
}

// SetCookie puts a cookie in the browser's own store, as a site's answer
// does: host-only, Secure, SameSite=None, kept until expires.
func (f *firefoxBrowser) SetCookie(url, name, value string, expires time.Time) error {
	return f.chrome(fmt.Sprintf(`const v = Services.cookies.add(new URL(%q).hostname, "/", %q, %q,
		true, false, false, %d, {}, Ci.nsICookie.SAMESITE_NONE, Ci.nsICookie.SCHEME_HTTPS);
		if (v.result !== Ci.nsICookieValidation.eOK) throw new Error(v.errorString);`,
		url, name, value, expires.UnixMilli()), nil)
}

// DeleteCookie removes the cookie name of url from the browser's own store.
func (f *firefoxBrowser) DeleteCookie(url, name string) error {
	return f.chrome(fmt.Sprintf(`Services.cookies.remove(new URL(%q).hostname, %q, "/", {});`, url, name), nil)
}

// chrome runs script (a function body) in the browser's own window, with
// its privileges, and switches back to the page.
func (f *firefoxBrowser) chrome(script string, out any) error {
	p := firefoxPage{f.c}
	return p.call(func(ctx context.Context) error {
		if err := f.c.SetContext(ctx, "chrome"); err != nil {
			return err
		}
		var raw json.RawMessage
		err := f.c.Execute(ctx, script, nil, &raw)
		if backErr := f.c.SetContext(ctx, "content"); err == nil {
			err = backErr
		}
		if err != nil || out == nil {
			return err
		}
		return json.Unmarshal(raw, out)
	})
}

type firefoxPage struct{ c *firefox.Client }

// firefoxKeys maps DOM key names to WebDriver key codes.
var firefoxKeys = map[string]string{
	"Tab": firefox.KeyTab, "Enter": firefox.KeyEnter, "Escape": firefox.KeyEscape, "ArrowDown": firefox.KeyArrowDown,
}

// Press sends one key press to whatever has the focus.
func (f firefoxPage) Press(key string) error {
	var modifiers []string
	if name, ok := strings.CutPrefix(key, "Shift+"); ok {
		key = name
		modifiers = append(modifiers, firefox.KeyShift)
	}
	k, ok := firefoxKeys[key]
	if !ok {
		return fmt.Errorf("no key named %q", key)
	}
	return f.call(func(ctx context.Context) error { return f.c.PressKey(ctx, k, modifiers...) })
}

// HoldKey holds one key down for hold, repeating as a keyboard does.
func (f firefoxPage) HoldKey(key string, hold time.Duration) error {
	k, ok := firefoxKeys[key]
	if !ok {
		return fmt.Errorf("no key named %q", key)
	}
	ctx, cancel := context.WithTimeout(context.Background(), hold+firefoxCallTimeout)
	defer cancel()
	return f.c.HoldKey(ctx, k, hold)
}

func (f firefoxPage) call(fn func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(context.Background(), firefoxCallTimeout)
	defer cancel()
	return fn(ctx)
}

func (f firefoxPage) element(css string, act func(context.Context, firefox.Element) error) error {
	return f.call(func(ctx context.Context) error {
		el, err := f.c.Find(ctx, css)
		if err != nil {
			return err
		}
		return act(ctx, el)
	})
}

func (f firefoxPage) Type(css, text string) error {
	return f.element(css, func(ctx context.Context, el firefox.Element) error { return f.c.SendKeys(ctx, el, text) })
}

func (f firefoxPage) Click(css string) error { return f.element(css, f.c.Click) }

func (f firefoxPage) DoubleClick(css string) error { return f.element(css, f.c.DoubleClick) }

func (f firefoxPage) Eval(expression string, out any) error {
	return f.call(func(ctx context.Context) error {
		var raw json.RawMessage
		if err := f.c.Execute(ctx, "return ("+expression+");", nil, &raw); err != nil {
			return err
		}
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(raw, out); err != nil {
			return fmt.Errorf("reading %s: %w", raw, err)
		}
		return nil
	})
}

// Await is Eval: WebDriver's Execute Script waits for a returned promise.
func (f firefoxPage) Await(expression string, out any) error { return f.Eval(expression, out) }

func (f firefoxPage) Screenshot() ([]byte, error) {
	var png []byte
	err := f.call(func(ctx context.Context) error {
		var err error
		png, err = f.c.Screenshot(ctx)
		return err
	})
	return png, err
}

// launchWatchedFirefox starts Firefox with every host but Epic's reached
// through a sink, acting as the proxy, and pages' console calls copied to
// the browser's output.
func launchWatchedFirefox(t *testing.T, srv *fakeepic.TLSServer) *firefoxBrowser {
	t.Helper()
	sk := startSink(t)
	return launchFirefoxWith(t, srv.Port, sk)
}

// launchFirefoxWith starts Firefox ESR with Epic's host mapped to the fake's
// port on loopback and dist/unpacked installed as a temporary add-on; with
// sk, every other host is reached through it.
func launchFirefoxWith(t *testing.T, port int, sk *sink.Sink) *firefoxBrowser {
	t.Helper()
	return launchFirefoxPrefs(t, port, sk, nil)
}

// launchFirefoxPrefs is launchFirefoxWith with more prefs.
func launchFirefoxPrefs(t *testing.T, port int, sk *sink.Sink, more map[string]any) *firefoxBrowser {
	t.Helper()
	logPath := filepath.Join(artifactsDir(t, "firefox"), unsafeName.ReplaceAllString(t.Name(), "_")+".log")
	logFile, err := os.Create(logPath)
	require.NoError(t, err)
	t.Cleanup(func() { logFile.Close() })
	uuids, err := json.Marshal(map[string]string{addonID: addonUUID})
	require.NoError(t, err)
	prefs := map[string]any{
		"network.dns.localDomains":       fakeepic.EpicHost,
		"network.socket.forcePort":       fmt.Sprintf("443=%d", port),
		"network.trr.mode":               5,
		"extensions.webextensions.uuids": string(uuids),
	}
	if sk != nil {
		for name, v := range map[string]any{
			"network.proxy.type":              1,
			"network.proxy.http":              "127.0.0.1",
			"network.proxy.http_port":         sk.Port,
			"network.proxy.ssl":               "127.0.0.1",
			"network.proxy.ssl_port":          sk.Port,
			"network.proxy.no_proxies_on":     fakeepic.EpicHost,
			"devtools.console.stdout.content": true,
			"devtools.console.stdout.chrome":  true,
		} {
			prefs[name] = v
		}
	}
	for name, v := range more {
		prefs[name] = v
	}
	profile := t.TempDir()

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b, err := firefox.Launch(ctx, firefox.Options{
		ProfileDir: profile,
		Stderr:     logFile,
		Prefs:      prefs,
	})
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	id, err := b.InstallAddon(ctx, distDir(t), true)
	require.NoError(t, err)
	require.Equal(t, addonID, id)
	require.NoError(t, b.SetWindowSize(ctx, 400, 700))
	return &firefoxBrowser{c: b.Client, sink: sk, logPath: logPath, profile: profile}
}

func TestFirefox(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	fb := launchWatchedFirefox(t, srv)
	runKillCases(t, fb, sw)
	t.Run("token", func(t *testing.T) { runTokenCases(t, fb, sw) })
	t.Run("keyboard", func(t *testing.T) { runKeyboardCases(t, fb, sw) })
	t.Run("outcome", func(t *testing.T) { runOutcomeCases(t, fb, sw) })
	t.Run("fault", func(t *testing.T) { runFaultCases(t, fb, sw) })
	t.Run("leak", func(t *testing.T) { runLeakCases(t, fb, sw) })
	t.Run("saved logins", func(t *testing.T) { runSavedLoginCases(t, fb, sw) })
	t.Run("states", func(t *testing.T) { runStateChecks(t, fb, sw) })
	t.Run("no leaks", func(t *testing.T) { checkNoLeaks(t, fb, sw) })
}
