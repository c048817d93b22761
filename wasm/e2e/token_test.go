//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// What #token-status says once Epic's verify confirmed the token.
const (
	statusConfirmed = "Epic confirmed the token."
	statusForgotten = "The token was forgotten. Nothing was sent to Epic."
	statusDead      = "The token was forgotten: it no longer works."
)

// testPlayer is the grant of the player's own session in these cases.
func testPlayer(perms []fakeepic.Permission) fakeepic.Grant {
	return fakeepic.Grant{
		AccountID:     playerAccount,
		DisplayName:   "TestPlayer",
		ClientID:      fortniteClient,
		ClientService: "fortnite",
		SourceID:      "source-1",
		Permissions:   perms,
	}
}

// popupCase is one thing a person does in a fresh popup against a fresh
// account service. run returns the popup document it ended in.
type popupCase struct {
	name string
	run  func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page
}

var tokenCases = []popupCase{
	{"eg1 after Bearer shows its facts", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token := s.IssueEG1(testPlayer(everyKill))
		paste(t, p, "Bearer "+token)
		waitStatus(t, p, statusConfirmed)

		f := facts(t, p)
		assert.Equal(t, "TestPlayer", f["Display name"])
		assert.Equal(t, playerAccount, f["Account"])
		assert.Equal(t, "Fortnite (PC) ("+fortniteClient+")", f["Client"])
		assert.Equal(t, "fortnite", f["Service"])
		assert.Equal(t, "exchange_code", f["Signed in with"])
		assert.Regexp(t, `^TestPlayer · Fortnite \(PC\) · (8 h 00|7 h 59) min left$`, text(t, p, "token-line"), "the token's summary")
		assert.Equal(t, "pasted, confirmed by Epic", f["Source"])
		// The session lasts 8 h; the popup rounds the time left up to a minute.
		assertTimeLeft(t, f["Time left"], fakeepic.DefaultExpiresIn-2*time.Minute, fakeepic.DefaultExpiresIn)
		assert.Equal(t, "", value(t, p, "token"), "the field still holds the token after it was taken")
		assert.True(t, visible(t, p, "forget"), "Forget is not offered while a token is held")
		assert.True(t, visible(t, p, "kill-this"), "Sign out only this token is not offered while a token is held")

		assertOneVerify(t, s.Requests(), token)
		assertNotShown(t, p, token)
		return p
	}},
	{"whole token answer JSON", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		expires := time.Now().Add(2 * time.Hour).UTC()
		answer, err := json.Marshal(map[string]any{
			"access_token":       token,
			"expires_in":         7200,
			"expires_at":         expires.Format("2006-01-02T15:04:05.000Z"),
			"token_type":         "bearer",
			"refresh_token":      "ffeeddccbbaa99887766554433221100",
			"refresh_expires":    28800,
			"refresh_expires_at": expires.Add(6 * time.Hour).Format("2006-01-02T15:04:05.000Z"),
			"account_id":         playerAccount,
			"client_id":          fortniteClient,
			"internal_client":    true,
			"client_service":     "fortnite",
			"displayName":        "PastedName",
			"app":                "fortnite",
			"in_app_id":          playerAccount,
		})
		require.NoError(t, err)
		// Epic cannot confirm it, so what the popup shows can only come from
		// the paste itself.
		s.FaultNext(fakeepic.ServerError(503))
		paste(t, p, string(answer))
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("token-status").textContent.startsWith("Epic could not confirm the token")`, outcomeTimeout),
			"status: %q", text(t, p, "token-status"))

		f := facts(t, p)
		assert.Equal(t, "PastedName", f["Display name"])
		assert.Equal(t, playerAccount, f["Account"])
		assert.Equal(t, "Fortnite (PC) ("+fortniteClient+")", f["Client"])
		assert.Equal(t, "fortnite", f["Service"])
		assert.Equal(t, "pasted, not yet confirmed by Epic", f["Source"])
		assertTimeLeft(t, f["Time left"], 2*time.Hour-2*time.Minute, 2*time.Hour)
		assertOneVerify(t, s.Requests(), token)

		// The token taken from the answer works.
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		require.NoError(t, p.Click("#kill"))
		res, err := popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		sent := kills(s.Requests())
		if assert.Len(t, sent, 1) {
			assert.Equal(t, []string{"bearer " + token}, sent[0].Header.Values("Authorization"))
		}
		assert.False(t, s.Alive(victim))
		for _, r := range s.Requests() {
			assert.NotContains(t, r.Header.Get("Authorization"), "ffeeddccbbaa99887766554433221100", "the refresh token was sent")
		}
		assertNotShown(t, p, token)
		assertNotShown(t, p, "ffeeddccbbaa99887766554433221100")
		return p
	}},
	{"pre-check marks what the token lacks", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, []fakeepic.Permission{
			{Resource: "account:token:otherSessionsForAccountClientService", Action: fakeepic.Delete},
			{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete},
		})
		hold(t, p, token)

		// The options in a player's words; their values are Epic's names.
		labels := map[string]string{
			"OTHERS_ACCOUNT_CLIENT_SERVICE": "Other logins of this app",
			"OTHERS_ACCOUNT_CLIENT":         "Other logins, all services",
			"OTHERS_SAME_SOURCE_ID":         "Other logins, same source",
			"OTHERS":                        "Everywhere else",
			"ALL":                           "Everywhere, including here",
			"ALL_ACCOUNT_CLIENT":            "This app, including here",
		}
		allowed := map[string]bool{"OTHERS_ACCOUNT_CLIENT_SERVICE": true, "OTHERS_ACCOUNT_CLIENT": true}
		opts := options(t, p)
		require.Len(t, opts, 6)
		for _, o := range opts {
			if allowed[o.Value] {
				assert.False(t, o.Blocked, "%s is marked blocked", o.Value)
				assert.Equal(t, labels[o.Value], o.Text)
			} else {
				assert.True(t, o.Blocked, "%s is not marked blocked", o.Value)
				assert.Equal(t, labels[o.Value]+" (not allowed)", o.Text)
			}
		}

		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		assert.False(t, hasAttr(t, p, "kill-type-permission", "data-blocked"), "an allowed kill type is marked blocked")
		assert.Equal(t, "Epic's name: OTHERS_ACCOUNT_CLIENT", text(t, p, "kill-type-permission"))
		assert.False(t, visible(t, p, "kill-type-warning"), "a kill type that keeps this token warns")
		require.NoError(t, popuppage.SelectKillType(p, "ALL"))
		assert.True(t, visible(t, p, "kill-type-warning"), "ALL does not warn at once that it ends this token")
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS"))
		assert.True(t, hasAttr(t, p, "kill-type-permission", "data-blocked"))
		assert.Equal(t, "Epic's name: OTHERS. This token lacks account:token:otherSessionsForAccount DELETE (account).", text(t, p, "kill-type-permission"))

		require.NoError(t, p.Click("#kill"))
		res, err := popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "This token is not allowed to sign out “Everywhere else”. Nothing was sent.", res.Text)
		assert.Equal(t, "It can sign out “Other logins of this app”, “Other logins, all services”.", text(t, p, "advice"))
		reqs := requestsUpToNow(t, p, s)
		if assert.Len(t, reqs, 1, "only the verify may go out") {
			assert.Equal(t, "GET", reqs[0].Method)
			assert.Equal(t, verifyPath, reqs[0].Path)
		}
		assert.True(t, s.Alive(victim))
		return p
	}},
	{"bad paste keeps the held token", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)
		refresh := fakeepic.EG1(fakeepic.EG1Claims{AccountID: playerAccount, DisplayName: "TestPlayer",
			ClientID: fortniteClient, ClientService: "fortnite", Refresh: true})
		expiredAt := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
		expired := fakeepic.EG1(fakeepic.EG1Claims{AccountID: playerAccount, ClientID: fortniteClient,
			IssuedAt: expiredAt.Add(-8 * time.Hour), ExpiresAt: expiredAt})
		brokenClaim := fakeepic.EG1(fakeepic.EG1Claims{AccountID: playerAccount, ClientID: fortniteClient, RawP: "eNqbroken"})
		for _, bad := range []struct{ name, paste, want string }{
			{"refresh token", refresh, "This is a refresh token, not an access token: paste the access_token value instead."},
			{"expired token", expired, "The access token expired on 1 Nov 2026 at 12:00 UTC: sign in again and paste the new access token."},
			{"damaged eg1 token", "eg1~not-a-jwt", "The eg1 token is damaged: it must be eg1~ followed by three base64url parts joined by dots, so copy it again in one piece."},
			{"permission claim that does not decompress", brokenClaim,
				"The eg1 token's permission list (its p claim) cannot be read, so it is not a token Epic issued as it stands."},
			{"JSON without access_token", `{"token_type":"bearer","expires_in":7200,"account_id":"` + playerAccount + `"}`,
				"The pasted JSON has no access_token: paste the answer of Epic's token endpoint, or only its access_token value."},
		} {
			require.NoError(t, p.Eval(`(() => { document.getElementById("token").value = ""; return true; })()`, nil))
			paste(t, p, bad.paste)
			want := bad.want + " The token you had before is still used."
			require.NoError(t, popuppage.WaitFor(p, fmt.Sprintf(`document.getElementById("result").textContent === %q`, want), outcomeTimeout),
				"%s: the popup shows %s", bad.name, popuppage.Shown(p))
			res, err := popuppage.Read(p)
			require.NoError(t, err)
			assert.Equal(t, popuppage.Error, res.Outcome, bad.name)
			assert.Equal(t, "TestPlayer", facts(t, p)["Display name"], "%s: the held token's facts are gone", bad.name)
			assert.Equal(t, token, storedToken(t, p), "%s replaced the kept token", bad.name)
			// The field keeps a refused paste to be corrected, masked.
			assertNotShownIn(t, p, bad.paste, false)
		}
		reqs := requestsUpToNow(t, p, s)
		assertOneVerify(t, reqs, token)
		assert.Len(t, reqs, 1, "a bad paste was sent")

		// The held token is what Kill uses.
		require.NoError(t, p.Eval(`(() => { document.getElementById("token").value = ""; return true; })()`, nil))
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		require.NoError(t, p.Click("#kill"))
		res, err := popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		if sent := kills(s.Requests()); assert.Len(t, sent, 1) {
			assert.Equal(t, "bearer "+token, sent[0].Header.Get("Authorization"))
		}
		return p
	}},
	{"reopened popup holds the token at once", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)

		p = b.ReopenPopup(t)
		// At once: from storage.session, without asking Epic.
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("token-box").getClientRects().length > 0`, time.Second),
			"the reopened popup does not show the held token")
		f := facts(t, p)
		assert.Equal(t, "TestPlayer", f["Display name"])
		assert.Equal(t, "pasted, confirmed by Epic", f["Source"])
		assert.True(t, visible(t, p, "forget"))
		assert.True(t, visible(t, p, "kill-this"))
		assert.Equal(t, "", value(t, p, "token"))
		assertOneVerify(t, requestsUpToNow(t, p, s), token)
		assertNotShown(t, p, token)
		return p
	}},
	{"Forget", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, _ := player(s, everyKill)
		hold(t, p, token)

		require.NoError(t, p.Click("#forget"))
		waitStatus(t, p, statusForgotten)
		assert.False(t, visible(t, p, "token-box"), "the facts still show")
		assert.False(t, visible(t, p, "forget"))
		assert.False(t, visible(t, p, "kill-this"))
		waitStored(t, p, "token", false)
		// Before the page goes: leaving it would cancel a request not yet sent.
		assert.Len(t, requestsUpToNow(t, p, s), 1, "Forget sent something")

		p = reopenWithoutToken(t, b)
		assert.False(t, visible(t, p, "token-box"), "a reopened popup shows a forgotten token")
		assert.False(t, visible(t, p, "forget"))
		assert.Len(t, requestsUpToNow(t, p, s), 1, "the reopened popup sent something")
		assert.True(t, s.Alive(token))
		return p
	}},
	// The confirmation asks about the token held; once it changes, nothing
	// is left to confirm.
	{"Forget during a confirmation ends it", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)
		require.NoError(t, p.Click("#kill-this"))
		require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second), "no confirmation")

		require.NoError(t, p.Click("#forget"))
		waitStatus(t, p, statusForgotten)
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("confirm-box").hidden`, 5*time.Second),
			"the confirmation stays open for the forgotten token")
		assert.Empty(t, deletes(requestsUpToNow(t, p, s)), "a kill went out")
		assert.True(t, s.Alive(token))

		// The popup still works.
		hold(t, p, token)
		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome, "no kill after the confirmation ended")
		assert.False(t, s.Alive(victim))
		return p
	}},
	{"a new token during a confirmation ends it", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		first, _ := player(s, everyKill)
		second, victim := player(s, everyKill)
		hold(t, p, first)
		require.NoError(t, popuppage.SelectKillType(p, "ALL"))
		require.NoError(t, p.Click("#kill"))
		require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second), "no confirmation")

		hold(t, p, second)
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("confirm-box").hidden`, 5*time.Second),
			"the confirmation stays open for the token before")
		assert.Empty(t, deletes(requestsUpToNow(t, p, s)), "a kill went out")
		assert.True(t, s.Alive(first))
		assert.Equal(t, second, storedToken(t, p))

		assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome, "no kill after the confirmation ended")
		if sent := kills(s.Requests()); assert.Len(t, sent, 1) {
			assert.Equal(t, []string{"bearer " + second}, sent[0].Header.Values("Authorization"))
		}
		assert.False(t, s.Alive(victim))
		return p
	}},
	{"ALL forgets the token", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, victim := player(s, everyKill)
		hold(t, p, token)

		require.NoError(t, popuppage.SelectKillType(p, "ALL"))
		require.NoError(t, p.Click("#kill"))
		require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second))
		require.NoError(t, popuppage.Confirm(p, 5*time.Second))
		res, err := popuppage.WaitOutcome(p, outcomeTimeout)
		require.NoError(t, err)
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		assert.Equal(t, "You were signed out everywhere, including here.", res.Text)
		assert.Equal(t, statusDead, text(t, p, "token-status"))
		assert.False(t, visible(t, p, "token-box"))
		assert.False(t, s.Alive(token))
		assert.False(t, s.Alive(victim))
		waitStored(t, p, "token", false)

		p = reopenWithoutToken(t, b)
		assert.False(t, visible(t, p, "token-box"), "a reopened popup shows the dead token")
		assert.False(t, visible(t, p, "forget"))
		assertNotShown(t, p, token)
		return p
	}},
}

// runTokenCases drives every token case in one browser.
func runTokenCases(t *testing.T, b browser, sw *epicSwitch) {
	runPopupCases(t, b, sw, "token", tokenCases)
}

// runPopupCases drives cases in one browser, each in a fresh popup against a
// fresh account service; screenshots are named group and case.
func runPopupCases(t *testing.T, b browser, sw *epicSwitch, group string, cases []popupCase) {
	shots := artifactsDir(t, b.Name())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sw.fresh()
			p := b.OpenPopup(t)
			reportOnFailure(t, p, s)
			p = c.run(t, b, sw, s, p)
			saveScreenshot(t, p, shots, group+" "+c.name)
			assert.Empty(t, storageArea(t, p, "local"), "the popup wrote to storage.local, which outlives the browser session")
		})
	}
}

// paster is a page that can paste text at once.
type paster interface {
	Paste(css, text string) error
}

// paste puts text into the token field as a paste does where the driver
// can, else types it.
func paste(t *testing.T, p popuppage.Page, text string) {
	t.Helper()
	if pp, ok := p.(paster); ok {
		require.NoError(t, pp.Paste("#token", text))
		return
	}
	require.NoError(t, p.Type("#token", text))
}

// hold pastes token and waits until Epic has confirmed it.
func hold(t *testing.T, p popuppage.Page, token string) {
	t.Helper()
	require.NoError(t, p.Type("#token", token))
	waitStatus(t, p, statusConfirmed)
}

func waitStatus(t *testing.T, p popuppage.Page, want string) {
	t.Helper()
	require.NoError(t, popuppage.WaitFor(p, fmt.Sprintf(`document.getElementById("token-status").textContent === %q`, want), outcomeTimeout),
		"the token status says %q, the result %s", text(t, p, "token-status"), popuppage.Shown(p))
}

// facts reads #token-facts: label to value.
func facts(t *testing.T, p popuppage.Page) map[string]string {
	t.Helper()
	var pairs [][2]string
	require.NoError(t, p.Eval(`[...document.querySelectorAll("#token-facts dt")].map(dt => [dt.textContent, dt.nextElementSibling.textContent])`, &pairs))
	out := map[string]string{}
	for _, kv := range pairs {
		out[kv[0]] = kv[1]
	}
	if visible(t, p, "token-box") != (len(out) > 0) {
		t.Errorf("#token-box visible is %v with %d facts", visible(t, p, "token-box"), len(out))
	}
	return out
}

var timeLeft = regexp.MustCompile(`^(?:(\d+) h )?(\d+) min$`)

// assertTimeLeft checks that "8 h 00 min" lies within [lo, hi].
func assertTimeLeft(t *testing.T, shown string, lo, hi time.Duration) {
	t.Helper()
	m := timeLeft.FindStringSubmatch(shown)
	if !assert.NotNil(t, m, "Time left is %q", shown) {
		return
	}
	var d time.Duration
	for i, unit := range []time.Duration{time.Hour, time.Minute} {
		n, _ := strconv.Atoi(m[i+1])
		d += time.Duration(n) * unit
	}
	assert.True(t, d >= lo && d <= hi, "Time left is %q, not within %s–%s", shown, lo, hi)
}

// assertOneVerify checks that among reqs the popup asked Epic once, with
// token, whose token it holds.
func assertOneVerify(t *testing.T, reqs []fakeepic.Request, token string) {
	t.Helper()
	v := verifyRequests(reqs)
	if assert.Len(t, v, 1, "verify requests") {
		assert.Equal(t, "true", v[0].Query.Get("includePerms"))
		assert.Equal(t, []string{"bearer " + token}, v[0].Header.Values("Authorization"))
	}
}

// assertNotShown checks that secret appears nowhere in the page: not in
// its text, its markup (attributes included) or the token field.
func assertNotShown(t *testing.T, p popuppage.Page, secret string) {
	t.Helper()
	assertNotShownIn(t, p, secret, true)
}

func assertNotShownIn(t *testing.T, p popuppage.Page, secret string, field bool) {
	t.Helper()
	var page struct{ Text, HTML, Field string }
	require.NoError(t, p.Eval(`({Text: document.body.innerText, HTML: document.documentElement.outerHTML,
		Field: document.getElementById("token").value})`, &page))
	assert.False(t, strings.Contains(page.Text, secret), "the popup shows the token")
	assert.False(t, strings.Contains(page.HTML, secret), "the popup's markup holds the token")
	if field {
		assert.False(t, strings.Contains(page.Field, secret), "the token field still holds the token")
	}
}

type option struct {
	Value, Text string
	Blocked     bool
}

func options(t *testing.T, p popuppage.Page) []option {
	t.Helper()
	var out []option
	require.NoError(t, p.Eval(`[...document.getElementById("kill-type").options].map(o =>
		({Value: o.value, Text: o.textContent, Blocked: o.hasAttribute("data-blocked")}))`, &out))
	return out
}

func text(t *testing.T, p popuppage.Page, id string) string {
	t.Helper()
	var s string
	require.NoError(t, p.Eval(fmt.Sprintf(`document.getElementById(%q).textContent`, id), &s))
	return s
}

func value(t *testing.T, p popuppage.Page, id string) string {
	t.Helper()
	var s string
	require.NoError(t, p.Eval(fmt.Sprintf(`document.getElementById(%q).value`, id), &s))
	return s
}

func hasAttr(t *testing.T, p popuppage.Page, id, attr string) bool {
	t.Helper()
	var ok bool
	require.NoError(t, p.Eval(fmt.Sprintf(`document.getElementById(%q).hasAttribute(%q)`, id, attr), &ok))
	return ok
}

// attr is the attribute name of the element with id.
func attr(t *testing.T, p popuppage.Page, id, name string) string {
	t.Helper()
	var s string
	require.NoError(t, p.Eval(fmt.Sprintf(`document.getElementById(%q).getAttribute(%q)`, id, name), &s))
	return s
}

// visible reports whether the element with id takes up room on the page.
func visible(t *testing.T, p popuppage.Page, id string) bool {
	t.Helper()
	var ok bool
	require.NoError(t, p.Eval(fmt.Sprintf(`(() => { const e = document.getElementById(%q);
		return !!e && e.getClientRects().length > 0; })()`, id), &ok))
	return ok
}

// storageArea reads all of storage.local or storage.session.
func storageArea(t *testing.T, p popuppage.Page, area string) map[string]any {
	t.Helper()
	var out map[string]any
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).storage.`+area+`.get(null)`, &out))
	return out
}

// waitStored waits until storage.session holds key, or no longer does:
// the popup writes in the background.
func waitStored(t *testing.T, p popuppage.Page, key string, want bool) {
	t.Helper()
	err := popuppage.Poll(5*time.Second, func() (bool, error) {
		_, has := storageArea(t, p, "session")[key]
		return has == want, nil
	})
	require.NoError(t, err, "storage.session holding %q is not %v", key, want)
}

// storedToken is the token storage.session keeps, "" when none.
func storedToken(t *testing.T, p popuppage.Page) string {
	t.Helper()
	raw, _ := storageArea(t, p, "session")["token"].(string)
	if raw == "" {
		return ""
	}
	var saved struct{ Token string }
	require.NoError(t, json.Unmarshal([]byte(raw), &saved))
	return saved.Token
}
