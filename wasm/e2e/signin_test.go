//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// What #token-status says about the sign-in.
const (
	statusRefused     = "Permission not granted: the extension may not read your epicgames.com sign-in. Nothing else changed."
	statusNotSignedIn = "You are not signed in on epicgames.com in this browser. Sign in there, then try again."
)

// signInAccess is what "Use my epicgames.com sign-in" asks for.
const signInAccess = `{permissions: ["cookies"], origins: ["https://www.epicgames.com/*", "https://store.epicgames.com/*"]}`

// The sign-in cookies the popup reads: the store's eg1 token, and the web
// site's bearer token.
const (
	storeURL = "https://store.epicgames.com/"
	wwwURL   = "https://www.epicgames.com/"
)

// TestChromiumSignIn: headless Chromium never answers permissions.request
// (its prompt is invisible), so the access is granted in the profile before
// the popup asks; refusing is tested in Firefox only. The popup gives the
// access back once it has read the sign-in, and Chromium keeps a profile's
// grants only while it is stopped, so each case starts Chromium anew with
// the access granted.
func TestChromiumSignIn(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	profile := t.TempDir()
	first := launchChromiumProfile(t, srv.Addr, srv.SPKIHash, profile)
	// Installs the extension in the profile.
	tab, err := first.NewTab(first.URL("popup.html"))
	require.NoError(t, err)
	waitReady(t, tab)
	id := first.ExtensionID
	first.Close()

	runSignInCases(t, sw, nil, func(t *testing.T) browser {
		grantInProfile(t, profile, id)
		b := launchChromiumProfile(t, srv.Addr, srv.SPKIHash, profile)
		tab, err := b.NewTab("about:blank")
		require.NoError(t, err)
		require.NoError(t, tab.SetViewport(400, 620))
		return &chromiumBrowser{b: b, tab: tab}
	})
}

// TestFirefoxSignIn answers Firefox's real permission prompt.
func TestFirefoxSignIn(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	fb := launchFirefoxWith(t, srv.Port, nil)
	runSignInCases(t, sw, fb, func(t *testing.T) browser { return fb })
}

// grantInProfile records in a stopped Chromium's profile that the user
// granted the extension id the sign-in access, as the permission prompt
// would.
func grantInProfile(t *testing.T, profile, id string) {
	t.Helper()
	path := filepath.Join(profile, "Default", "Preferences")
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var prefs map[string]any
	require.NoError(t, json.Unmarshal(raw, &prefs))
	settings, _ := dig(prefs, "extensions", "settings", id).(map[string]any)
	require.NotNil(t, settings, "the profile does not list the extension %s", id)
	for _, set := range []string{"granted_permissions", "active_permissions"} {
		perms, _ := settings[set].(map[string]any)
		if perms == nil {
			perms = map[string]any{}
			settings[set] = perms
		}
		perms["api"] = union(perms["api"], "cookies")
		perms["explicit_host"] = union(perms["explicit_host"], "https://www.epicgames.com/*", "https://store.epicgames.com/*")
	}
	raw, err = json.Marshal(prefs)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func union(list any, add ...string) []any {
	items, _ := list.([]any)
	for _, a := range add {
		if !slices.Contains(items, any(a)) {
			items = append(items, a)
		}
	}
	return items
}

// runSignInCases uses the browser's epicgames.com sign-in, each case in the
// browser start gives it. prompter answers the permission prompt; nil means
// the browser holds the access already.
func runSignInCases(t *testing.T, sw *epicSwitch, prompter permissionPrompter, start func(t *testing.T) browser) {
	// allow gives the access the click on "Use my epicgames.com sign-in"
	// asks for.
	allow := func(t *testing.T) {
		t.Helper()
		if prompter != nil {
			require.NoError(t, prompter.AnswerPermissionPrompt(true))
		}
	}
	var cases []popupCase
	// No cookie is set through the extension, whose access ends with each
	// read: the browser's own store holds them, as a site's answer would
	// put them there.
	cases = append(cases, popupCase{"no cookie goes to Epic's account host", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		// A request made with credentials would carry this cookie.
		setCookie(t, b, "https://"+fakeepic.EpicHost+"/", "EPIC_SESSION_AP", "cookie-marker")
		token, victim := player(s, everyKill)
		hold(t, p, token)
		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
		assert.False(t, s.Alive(victim))
		reqs := s.Requests()
		require.Len(t, reqs, 2, "verify and the kill")
		for _, r := range reqs {
			assert.Empty(t, r.Header.Values("Cookie"), "%s %s carried a cookie", r.Method, r.Path)
		}
		return p
	}})
	if prompter != nil {
		cases = append(cases, popupCase{"refused", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			require.NoError(t, p.Click("#use-signin"))
			require.NoError(t, prompter.AnswerPermissionPrompt(false))
			waitStatus(t, p, statusRefused)
			assert.False(t, visible(t, p, "signin-link-box"))
			assert.False(t, visible(t, p, "token-box"))
			assert.False(t, hasAccess(t, p), "the access was granted though refused")
			assert.Empty(t, requestsUpToNow(t, p, s))
			return p
		}})
	}
	cases = append(cases,
		popupCase{"not signed in", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			require.NoError(t, p.Click("#use-signin"))
			allow(t)
			waitStatus(t, p, statusNotSignedIn)
			assert.True(t, visible(t, p, "signin-link-box"), "no sign-in link")
			var href string
			require.NoError(t, p.Eval(`document.getElementById("signin-link").href`, &href))
			assert.Equal(t, "https://www.epicgames.com/id/login", href)
			assert.False(t, visible(t, p, "token-box"))
			// Nothing was found, and the access is given back all the same.
			assertAccessGivenBack(t, p)
			assert.Empty(t, requestsUpToNow(t, p, s))
			return p
		}},
		popupCase{"EPIC_EG1 on the store", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			token := s.IssueEG1(testPlayer(everyKill))
			setCookie(t, b, storeURL, "EPIC_EG1", token)
			useSignIn(t, p, s, token, allow)
			return p
		}},
		popupCase{"EPIC_BEARER_TOKEN on www", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			token, _ := player(s, everyKill)
			setCookie(t, b, wwwURL, "EPIC_BEARER_TOKEN", token)
			useSignIn(t, p, s, token, allow)
			return p
		}},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sw.fresh()
			b := start(t)
			shots := artifactsDir(t, b.Name())
			p := b.OpenPopup(t)
			reportOnFailure(t, p, s)
			if prompter != nil {
				// Each case starts without the access, as a first use does:
				// an earlier case may have left it granted.
				require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).permissions.remove(`+signInAccess+`)`, nil))
			} else {
				require.True(t, hasAccess(t, p), "the profile does not hold the access")
			}
			p = c.run(t, b, sw, s, p)
			saveScreenshot(t, p, shots, "signin "+c.name)
		})
	}
}

// useSignIn clicks "Use my epicgames.com sign-in", allows the access, and
// checks that the popup takes the token of the sign-in cookie, verifies it
// and gives the access back.
func useSignIn(t *testing.T, p popuppage.Page, s *fakeepic.Service, token string, allow func(t *testing.T)) {
	t.Helper()
	require.NoError(t, p.Click("#use-signin"))
	allow(t)
	waitStatus(t, p, statusConfirmed)
	f := facts(t, p)
	assert.Equal(t, "TestPlayer", f["Display name"])
	assert.Equal(t, playerAccount, f["Account"])
	assert.Equal(t, "your epicgames.com sign-in, confirmed by Epic", f["Source"])
	assert.False(t, visible(t, p, "signin-link-box"))
	assert.Equal(t, "kill-type", focused(t, p), "the focus did not move on to the kill type")
	assertAccessGivenBack(t, p)
	assertOneVerify(t, requestsUpToNow(t, p, s), token)
	assertNotShown(t, p, token)
}

func hasAccess(t *testing.T, p popuppage.Page) bool {
	t.Helper()
	var ok bool
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).permissions.contains(`+signInAccess+`)`, &ok))
	return ok
}

// assertAccessGivenBack checks that the popup, once it has read the sign-in,
// no longer holds the access to the browser's cookies: it may read them
// again only when asked again. It gives the access back in the background.
func assertAccessGivenBack(t *testing.T, p popuppage.Page) {
	t.Helper()
	err := popuppage.Poll(5*time.Second, func() (bool, error) { return !hasAccess(t, p), nil })
	assert.NoError(t, err, "the popup still holds the access to the browser's cookies after reading the sign-in")
}

// cookieJar is a browser whose own cookie store a test can write.
type cookieJar interface {
	SetCookie(url, name, value string, expires time.Time) error
	DeleteCookie(url, name string) error
}

// setCookie puts a cookie in the browser's store, as epicgames.com does on
// sign-in, until the test ends.
func setCookie(t *testing.T, b browser, url, name, value string) {
	t.Helper()
	jar, ok := b.(cookieJar)
	require.True(t, ok, "%T has no cookie store to write", b)
	require.NoError(t, jar.SetCookie(url, name, value, time.Now().Add(time.Hour)), "setting the cookie %s", name)
	t.Cleanup(func() { assert.NoError(t, jar.DeleteCookie(url, name), "removing the cookie %s", name) })
}
