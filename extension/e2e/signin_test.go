//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/extension/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/fakeepic"
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
// the popup asks; refusing is tested in Firefox only.
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
	grantInProfile(t, profile, id)

	b := launchChromiumProfile(t, srv.Addr, srv.SPKIHash, profile)
	tab, err = b.NewTab("about:blank")
	require.NoError(t, err)
	require.NoError(t, tab.SetViewport(400, 620))
	runSignInCases(t, &chromiumBrowser{b: b, tab: tab}, sw, nil)
}

func TestFirefoxSignIn(t *testing.T) {
	t.Parallel()
	sw, srv := startEpic(t)
	fb := launchFirefoxWith(t, srv.Port, nil)
	runSignInCases(t, fb, sw, fb)
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

// runSignInCases uses the browser's epicgames.com sign-in. prompter answers
// the permission prompt; nil means the access is already granted.
func runSignInCases(t *testing.T, b browser, sw *epicSwitch, prompter permissionPrompter) {
	shots := artifactsDir(t, b.Name())
	var cases []popupCase
	if prompter != nil {
		cases = append(cases, popupCase{"refused", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			require.NoError(t, p.Click("#use-signin"))
			require.NoError(t, prompter.AnswerPermissionPrompt(false))
			waitStatus(t, p, statusRefused)
			assert.False(t, visible(t, p, "signin-link-box"))
			assert.False(t, visible(t, p, "token-box"))
			assert.False(t, hasAccess(t, p), "the access was granted though refused")
			settle()
			assert.Empty(t, s.Requests())
			return p
		}})
	}
	cases = append(cases,
		popupCase{"not signed in", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			require.NoError(t, p.Click("#use-signin"))
			if prompter != nil {
				require.NoError(t, prompter.AnswerPermissionPrompt(true))
			}
			waitStatus(t, p, statusNotSignedIn)
			assert.True(t, hasAccess(t, p))
			assert.True(t, visible(t, p, "signin-link-box"), "no sign-in link")
			var href string
			require.NoError(t, p.Eval(`document.getElementById("signin-link").href`, &href))
			assert.Equal(t, "https://www.epicgames.com/id/login", href)
			assert.False(t, visible(t, p, "token-box"))
			settle()
			assert.Empty(t, s.Requests())
			return p
		}},
		popupCase{"EPIC_EG1 on the store", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			token := s.IssueEG1(testPlayer(everyKill))
			setCookie(t, p, storeURL, "EPIC_EG1", token)
			t.Cleanup(func() { removeCookie(t, p, storeURL, "EPIC_EG1") })
			useSignIn(t, p, s, token)
			return p
		}},
		popupCase{"EPIC_BEARER_TOKEN on www", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
			token, _ := player(s, everyKill)
			setCookie(t, p, wwwURL, "EPIC_BEARER_TOKEN", token)
			t.Cleanup(func() { removeCookie(t, p, wwwURL, "EPIC_BEARER_TOKEN") })
			useSignIn(t, p, s, token)
			return p
		}},
	)
	// The cookies permission is granted by now, so a cookie can be put on
	// Epic's account host, where a request made with credentials would
	// carry it.
	cases = append(cases, popupCase{"no cookie goes to Epic's account host", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		accountURL := "https://" + fakeepic.EpicHost + "/"
		var ok bool
		require.NoError(t, await(p, fmt.Sprintf(`(globalThis.browser ?? globalThis.chrome).cookies.set(
			{url: %q, name: "EPIC_SESSION_AP", value: "cookie-marker", secure: true, sameSite: "no_restriction", expirationDate: %d}).then(c => !!c)`,
			accountURL, time.Now().Add(time.Hour).Unix()), &ok))
		require.True(t, ok, "the cookie was not set")
		t.Cleanup(func() { removeCookie(t, p, accountURL, "EPIC_SESSION_AP") })
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
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sw.fresh()
			p := b.OpenPopup(t)
			reportOnFailure(t, p, s)
			p = c.run(t, b, sw, s, p)
			saveScreenshot(t, p, shots, "signin "+c.name)
		})
	}
}

// useSignIn clicks "Use my epicgames.com sign-in" with the access granted
// and a sign-in cookie holding token, which the popup must take and verify.
func useSignIn(t *testing.T, p popuppage.Page, s *fakeepic.Service, token string) {
	t.Helper()
	require.NoError(t, p.Click("#use-signin"))
	waitStatus(t, p, statusConfirmed)
	f := facts(t, p)
	assert.Equal(t, "TestPlayer", f["Display name"])
	assert.Equal(t, playerAccount, f["Account"])
	assert.Equal(t, "your epicgames.com sign-in, confirmed by Epic", f["Source"])
	assert.False(t, visible(t, p, "signin-link-box"))
	assert.Equal(t, "kill-type", focused(t, p), "the focus did not move on to the kill type")
	settle()
	assertOneVerify(t, s, token)
	assertNotShown(t, p, token)
}

func hasAccess(t *testing.T, p popuppage.Page) bool {
	t.Helper()
	var ok bool
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).permissions.contains(`+signInAccess+`)`, &ok))
	return ok
}

// setCookie sets a cookie as epicgames.com does on sign-in; the extension's
// cookies API is used because it writes to the store the popup reads.
func setCookie(t *testing.T, p popuppage.Page, url, name, value string) {
	t.Helper()
	var ok bool
	require.NoError(t, await(p, fmt.Sprintf(`(globalThis.browser ?? globalThis.chrome).cookies.set(
		{url: %q, name: %q, value: %q, secure: true, expirationDate: %d}).then(c => !!c)`,
		url, name, value, time.Now().Add(time.Hour).Unix()), &ok))
	require.True(t, ok, "the cookie %s was not set", name)
}

func removeCookie(t *testing.T, p popuppage.Page, url, name string) {
	t.Helper()
	require.NoError(t, await(p, fmt.Sprintf(`(globalThis.browser ?? globalThis.chrome).cookies.remove({url: %q, name: %q}).then(() => true)`, url, name), nil))
}
