//go:build !js

package e2e

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// The saved logins (Epic's device auths) end to end: the folded section,
// Epic's list, a revoke, Revoke all others, and Epic's refusals, each
// against a fresh account service that holds four saved logins of the
// player's account.

// deviceAuthsResource is the permission that guards the list (READ) and
// the revoke (DELETE).
const deviceAuthsResource = "account:public:account:deviceAuths"

// mayListLogins may list the saved logins but not revoke them;
// mayRevokeLogins may do both, as a captured launcher token's list does
// (CREATE, READ and DELETE).
var (
	mayListLogins   = []fakeepic.Permission{{Resource: deviceAuthsResource, Action: fakeepic.Read}}
	mayRevokeLogins = []fakeepic.Permission{{Resource: deviceAuthsResource, Action: fakeepic.Create | fakeepic.Read | fakeepic.Delete}}
)

// listPath is the list of the player's saved logins; revokePath one of them.
const listPath = "/account/api/public/account/" + playerAccount + "/deviceAuth"

func revokePath(deviceID string) string { return listPath + "/" + deviceID }

// The player's saved logins, in the order Epic lists them.
const (
	phoneID   = "7d1e0a3b5c2f4e6d8a9b0c1d2e3f4a51"
	switchID  = "7d1e0a3b5c2f4e6d8a9b0c1d2e3f4a52"
	botID     = "7d1e0a3b5c2f4e6d8a9b0c1d2e3f4a53"
	androidID = "7d1e0a3b5c2f4e6d8a9b0c1d2e3f4a54"
)

// seededLogin is one saved login of the player and what the popup must
// show of it.
type seededLogin struct {
	auth fakeepic.DeviceAuth
	// name is the login's name; saved and used the two lines under it.
	name, saved, used string
	bot               bool
	// ips are the lines behind "Show IP addresses".
	ips []string
}

const botWarning = "A script or bot saved this login: if it is not yours, revoke it."

// seedLogins saves a phone, a console, a script's and a login never used
// for the player's account, at documentation addresses (RFC 5737, RFC
// 3849), each well inside its unit of relative time so that a few seconds
// of test run change no line. They are returned in Epic's order.
func seedLogins(s *fakeepic.Service) []seededLogin {
	now := time.Now()
	at := func(location, ip string, ago time.Duration) fakeepic.DeviceAuthEvent {
		return fakeepic.DeviceAuthEvent{Location: location, IPAddress: ip, Time: now.Add(-ago)}
	}
	used := func(e fakeepic.DeviceAuthEvent) *fakeepic.DeviceAuthEvent { return &e }
	const day = 24 * time.Hour
	logins := []seededLogin{
		{
			auth: fakeepic.DeviceAuth{DeviceID: phoneID, AccountID: playerAccount,
				UserAgent:  "Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1",
				Created:    at("France", "203.0.113.24", 800*day),
				LastAccess: used(at("France", "203.0.113.57", 3*day+2*time.Hour))},
			name: "Fortnite on iPhone or iPad", saved: "Saved 2 years ago · France", used: "Last used 3 days ago · France",
			ips: []string{"Saved from 203.0.113.24", "Last used from 203.0.113.57"},
		},
		{
			auth: fakeepic.DeviceAuth{DeviceID: switchID, AccountID: playerAccount,
				UserAgent:  "Fortnite/++Fortnite+Release-33.00-CL-38324497 Switch/19.0.1",
				Created:    at("Germany", "198.51.100.7", 100*day),
				LastAccess: used(at("Germany", "198.51.100.7", 17*day))},
			name: "Fortnite on Nintendo Switch", saved: "Saved 3 months ago · Germany", used: "Last used 2 weeks ago · Germany",
			ips: []string{"Saved from 198.51.100.7", "Last used from 198.51.100.7"},
		},
		{
			auth: fakeepic.DeviceAuth{DeviceID: botID, AccountID: playerAccount,
				UserAgent:  "python-requests/2.31.0",
				Created:    at("Netherlands", "2001:db8:85a3::8a2e:370:7334", 75*day),
				LastAccess: used(at("United States", "2001:db8:4006:812::200e", 5*time.Hour+30*time.Minute))},
			name: "A script or bot (python-requests)", saved: "Saved 2 months ago · Netherlands", used: "Last used 5 hours ago · United States",
			bot: true,
			ips: []string{"Saved from 2001:db8:85a3::8a2e:370:7334", "Last used from 2001:db8:4006:812::200e"},
		},
		{
			auth: fakeepic.DeviceAuth{DeviceID: androidID, AccountID: playerAccount,
				UserAgent: "Fortnite/++Fortnite+Release-33.00-CL-38324497 Android/14",
				Created:   at("France", "203.0.113.80", 18*day)},
			name: "Fortnite on Android", saved: "Saved 2 weeks ago · France", used: "Never used",
			ips: []string{"Saved from 203.0.113.80"},
		},
	}
	for _, l := range logins {
		s.AddDeviceAuth(l.auth)
	}
	// A saved login of another account, which the player's list never shows.
	s.AddDeviceAuth(fakeepic.DeviceAuth{DeviceID: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
		AccountID: "0123456789abcdef0123456789abcdef", UserAgent: "Fortnite/++Fortnite+Release-33.00-CL-38324497 PS5/10.0",
		Created: at("Spain", "192.0.2.1", 30*day)})
	return logins
}

// loginHolder issues the player's token with perms and the four saved
// logins, and returns the token.
func loginHolder(s *fakeepic.Service, perms []fakeepic.Permission) (string, []seededLogin) {
	token := s.Issue(testPlayer(perms))
	return token, seedLogins(s)
}

// shownLogin is one saved login as the page shows it.
type shownLogin struct {
	ID, Name string
	// Lines are the lines under the name; Shown whether each is visible.
	Lines, Warning []string
	Shown          []bool
	Buttons        []struct{ Class, Text string }
	// Facts are what "More" holds, label and value.
	Facts [][2]string
	// IPs are the lines behind "Show IP addresses"; IPShown whether each
	// is visible.
	IPs     []string
	IPShown []bool
	// Text is what the item shows as text (innerText).
	Text string
}

// shownLogins reads every saved login listed.
func shownLogins(t *testing.T, p popuppage.Page) []shownLogin {
	t.Helper()
	var out []shownLogin
	require.NoError(t, p.Eval(`[...document.querySelectorAll("#logins > li")].map(li => {
		const lines = [...li.querySelectorAll(":scope > p.login-name, :scope > p.fine")];
		const ips = [...li.querySelectorAll(":scope > details > details > p")];
		return {
			ID: li.dataset.deviceId ?? "",
			Name: li.querySelector(":scope > p.login-name")?.textContent ?? "",
			Lines: [...li.querySelectorAll(":scope > p.fine")].map(e => e.textContent),
			Warning: [...li.querySelectorAll(".warning")].map(e => e.textContent),
			Shown: lines.map(e => e.checkVisibility()),
			Buttons: [...li.querySelectorAll("button")].map(b => ({Class: b.className, Text: b.textContent})),
			Facts: [...li.querySelectorAll("dl > dt")].map(dt => [dt.textContent, dt.nextElementSibling?.textContent ?? ""]),
			IPs: ips.map(e => e.textContent),
			IPShown: ips.map(e => e.checkVisibility()),
			Text: li.innerText,
		};
	})`, &out))
	return out
}

// loginIDs are the device ids of the saved logins listed.
func loginIDs(t *testing.T, p popuppage.Page) []string {
	t.Helper()
	var ids []string
	require.NoError(t, p.Eval(`[...document.querySelectorAll("#logins > li")].map(li => li.dataset.deviceId)`, &ids))
	return ids
}

// fakeIDs are the device ids the fake still holds for the player.
func fakeIDs(s *fakeepic.Service) []string {
	var ids []string
	for _, d := range s.DeviceAuths(playerAccount) {
		ids = append(ids, d.DeviceID)
	}
	return ids
}

func seededIDs(logins []seededLogin) []string {
	var ids []string
	for _, l := range logins {
		ids = append(ids, l.auth.DeviceID)
	}
	return ids
}

// revokeButton is the Revoke of the saved login deviceID.
func revokeButton(deviceID string) string {
	return `#logins li[data-device-id="` + deviceID + `"] > button.revoke`
}

// loginRequests are the saved logins' requests the fake received up to now.
func loginRequests(t *testing.T, p popuppage.Page, s *fakeepic.Service) []fakeepic.Request {
	t.Helper()
	return deviceAuthRequests(requestsUpToNow(t, p, s))
}

// byMethod keeps the requests of method.
func byMethod(reqs []fakeepic.Request, method string) []fakeepic.Request {
	var out []fakeepic.Request
	for _, r := range reqs {
		if r.Method == method {
			out = append(out, r)
		}
	}
	return out
}

// assertSentWith checks that r went to path with token in its
// Authorization header alone: not in its address, and with no cookie.
func assertSentWith(t *testing.T, r fakeepic.Request, method, path, token string) {
	t.Helper()
	assert.Equal(t, method, r.Method)
	assert.Equal(t, path, r.Path)
	assert.Empty(t, r.Query, "the request has a query")
	assert.Equal(t, []string{"bearer " + token}, r.Header.Values("Authorization"))
	assert.NotContains(t, r.Path+"?"+r.Query.Encode(), token, "the token is in the address")
	assert.Empty(t, r.Header.Values("Cookie"), "a cookie went with the request")
}

// waitResult waits until the outcome says want, and returns it: an
// outcome shown before, which says something else, is not taken for it.
func waitResult(t *testing.T, p popuppage.Page, want string) popuppage.Result {
	t.Helper()
	err := popuppage.WaitFor(p, `(() => { const r = document.getElementById("result");
		return ["success", "error"].includes(r.dataset.outcome) && r.textContent === `+strconv.Quote(want)+`; })()`, outcomeTimeout)
	require.NoError(t, err, "the outcome is not %q: %s", want, popuppage.Shown(p))
	res, err := popuppage.Read(p)
	require.NoError(t, err)
	return res
}

// listAgain clicks List again and waits until the fake has received list
// requests in all and the popup shows the list it answered.
func listAgain(t *testing.T, p popuppage.Page, s *fakeepic.Service, lists int) {
	t.Helper()
	require.NoError(t, p.Click("#list-logins"))
	require.NoError(t, popuppage.Poll(outcomeTimeout, func() (bool, error) {
		return len(byMethod(deviceAuthRequests(s.Requests()), "GET")) >= lists, nil
	}), "List again asked Epic for nothing")
	require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("list-logins").disabled`, outcomeTimeout),
		"the list asked for again never came: %s", popuppage.Shown(p))
}

// disabledRevokes counts the Revoke buttons (Revoke all others included)
// that take no clicks, and all there are.
func disabledRevokes(t *testing.T, p popuppage.Page) (disabled, all int) {
	t.Helper()
	var n struct{ Disabled, All int }
	require.NoError(t, p.Eval(`(() => { const b = [...document.querySelectorAll("#logins button.revoke, #revoke-all")];
		return {Disabled: b.filter(e => e.disabled).length, All: b.length}; })()`, &n))
	return n.Disabled, n.All
}

// historyPattern matches a history line about login, with its reference.
func historyPattern(login, what, reference string) string {
	return `^\S.* ` + regexp.QuoteMeta(login+": "+what+" "+reference) + `$`
}

// assertHistory checks that the history holds exactly one line, matching
// pattern, with outcome.
func assertHistory(t *testing.T, p popuppage.Page, pattern, outcome string) {
	t.Helper()
	h := history(t, p)
	if assert.Len(t, h, 1, "history lines: %v", h) {
		assert.Regexp(t, pattern, h[0].Text)
		assert.Equal(t, outcome, h[0].Outcome, h[0].Text)
	}
}

// savedLoginsFolded checks that the section is offered, folded, with no
// list yet.
func savedLoginsFolded(t *testing.T, p popuppage.Page) {
	t.Helper()
	require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("saved-logins").hidden`, 5*time.Second),
		"the saved logins are not offered to a token that may list them")
	assert.True(t, visible(t, p, "saved-logins-title"), "the section's title does not show")
	assert.False(t, hasAttr(t, p, "saved-logins", "open"), "the section is not folded")
	assert.Equal(t, "Saved logins", text(t, p, "saved-logins-title"))
	assert.Empty(t, loginIDs(t, p), "a list shows before Epic was asked")
}

var savedLoginCases = []popupCase{
	{"list", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayListLogins)
		hold(t, p, token)
		savedLoginsFolded(t, p)
		assert.Empty(t, loginRequests(t, p, s), "the list was asked for before the section was opened")

		openSavedLogins(t, p, len(seeded))
		reqs := loginRequests(t, p, s)
		if assert.Len(t, reqs, 1, "the saved logins' requests") {
			assertSentWith(t, reqs[0], "GET", listPath, token)
		}
		assert.Equal(t, "Saved logins (4)", text(t, p, "saved-logins-title"))
		assert.Empty(t, text(t, p, "logins-status"), "the status still says something beside the list")
		assert.True(t, visible(t, p, "revoke-all"), "no Revoke all others beside a list")
		assert.Equal(t, "Revoke all others", text(t, p, "revoke-all"))
		assert.True(t, visible(t, p, "revoke-all-note"), "Revoke all others comes without its note")
		assert.True(t, visible(t, p, "list-logins"), "no List again")

		shown := shownLogins(t, p)
		require.Len(t, shown, len(seeded))
		for i, want := range seeded {
			got := shown[i]
			assert.Equal(t, want.auth.DeviceID, got.ID, "login %d", i)
			assert.Equal(t, want.name, got.Name, "login %d", i)
			assert.Equal(t, []string{want.saved, want.used}, got.Lines, "the lines under %s", want.name)
			assert.Equal(t, []bool{true, true, true}, got.Shown, "the name and lines of %s are not all visible", want.name)
			if want.bot {
				assert.Equal(t, []string{botWarning}, got.Warning, "the warning of %s", want.name)
				assert.Contains(t, got.Text, botWarning, "the warning of %s does not show", want.name)
			} else {
				assert.Empty(t, got.Warning, "%s is warned about as a bot", want.name)
			}
			if assert.Len(t, got.Buttons, 1, "the buttons of %s", want.name) {
				assert.Equal(t, "Revoke", got.Buttons[0].Text)
				assert.Contains(t, strings.Fields(got.Buttons[0].Class), "revoke")
			}
			// "More" holds the app's own user agent and the device id.
			assert.Contains(t, got.Facts, [2]string{"App, as it named itself", want.auth.UserAgent}, "More of %s", want.name)
			assert.Contains(t, got.Facts, [2]string{"Device id", want.auth.DeviceID}, "More of %s", want.name)
			assert.Equal(t, want.ips, got.IPs, "the IP lines of %s", want.name)
			for j, ip := range want.ips {
				assert.False(t, got.IPShown[j], "%q of %s shows unasked", ip, want.name)
				assert.NotContains(t, got.Text, strings.Fields(ip)[len(strings.Fields(ip))-1], "%s shows an IP address unasked", want.name)
			}
		}
		assertNotShown(t, p, token)

		// More alone keeps the addresses hidden; Show IP addresses shows
		// those of that login, and no other.
		phone := `#logins li[data-device-id="` + phoneID + `"]`
		require.NoError(t, p.Click(phone+" > details > summary"))
		require.NoError(t, popuppage.WaitFor(p, `document.querySelector(`+strconv.Quote(phone+" > details")+`).open`, 5*time.Second))
		settle(t, p)
		shown = shownLogins(t, p)
		assert.Contains(t, shown[0].Text, seeded[0].auth.UserAgent, "More does not show the app's own name")
		assert.Equal(t, []bool{false, false}, shown[0].IPShown, "More shows the IP addresses before they are asked for")
		assert.NotContains(t, shown[0].Text, "203.0.113", "More shows an IP address before it is asked for")

		require.NoError(t, p.Click(phone+" > details > details > summary"))
		require.NoError(t, popuppage.WaitFor(p, `document.querySelector(`+strconv.Quote(phone+" > details > details")+`).open`, 5*time.Second))
		settle(t, p)
		shown = shownLogins(t, p)
		assert.Equal(t, []bool{true, true}, shown[0].IPShown, "Show IP addresses does not show them")
		assert.Contains(t, shown[0].Text, "Saved from 203.0.113.24")
		assert.Contains(t, shown[0].Text, "Last used from 203.0.113.57")
		for _, other := range shown[1:] {
			for j, ip := range other.IPs {
				assert.False(t, other.IPShown[j], "%q of %s shows with another login's", ip, other.Name)
			}
		}
		// Opening the section and its parts asked Epic nothing more.
		assert.Len(t, loginRequests(t, p, s), 1, "the saved logins' requests")
		return p
	}},
	{"revoke one", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayRevokeLogins)
		hold(t, p, token)
		openSavedLogins(t, p, len(seeded))
		const confirmText = "Revoke “Fortnite on Nintendo Switch”, saved 3 months ago? That app has to sign in with the password again."

		openConfirmation(t, p, revokeButton(switchID))
		assert.Equal(t, confirmText, text(t, p, "confirm-text"))
		require.NoError(t, p.Click("#cancel"))
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("confirm-box").hidden`, 5*time.Second), "Cancel left the confirmation")
		assert.Empty(t, byMethod(loginRequests(t, p, s), "DELETE"), "Cancel still revoked")
		assert.Equal(t, "Cancelled: nothing was sent.", text(t, p, "result"))
		assert.Equal(t, seededIDs(seeded), loginIDs(t, p), "Cancel changed the list")
		assert.Equal(t, seededIDs(seeded), fakeIDs(s))

		openConfirmation(t, p, revokeButton(switchID))
		assert.Equal(t, confirmText, text(t, p, "confirm-text"))
		assert.Equal(t, "Revoke", text(t, p, "confirm"))
		disabled, all := disabledRevokes(t, p)
		assert.Equal(t, all, disabled, "a Revoke takes clicks while a confirmation waits")
		assert.Empty(t, byMethod(loginRequests(t, p, s), "DELETE"), "a revoke went out before Confirm")
		require.NoError(t, popuppage.Confirm(p, 5*time.Second))

		res := waitResult(t, p, "“Fortnite on Nintendo Switch” was revoked.")
		assert.Equal(t, popuppage.Success, res.Outcome)
		assert.Contains(t, text(t, p, "advice"), "has to sign in with the password again")
		deletes := byMethod(loginRequests(t, p, s), "DELETE")
		if assert.Len(t, deletes, 1, "revokes sent") {
			assertSentWith(t, deletes[0], "DELETE", revokePath(switchID), token)
		}
		require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#logins > li").length === 3`, 5*time.Second))
		assert.Equal(t, []string{phoneID, botID, androidID}, loginIDs(t, p), "the revoked login is still listed")
		assert.Equal(t, "Saved logins (3)", text(t, p, "saved-logins-title"))
		assert.Equal(t, []string{phoneID, botID, androidID}, fakeIDs(s), "the fake still holds the revoked login")
		details := text(t, p, "details-text")
		assert.Empty(t, missing(details, []string{"Request: DELETE " + revokePath(switchID) + "\n", "HTTP status: 204\n"}),
			"the details say %q", details)
		assert.Empty(t, codesIn(text(t, p, "outcome")), "the outcome, which is read aloud, holds a code")
		assertHistory(t, p, historyPattern("Fortnite on Nintendo Switch", "revoked", "HTTP 204"), "success")
		assert.True(t, s.Alive(token), "the revoke ended the token")

		// Epic's list, asked for again, agrees.
		listAgain(t, p, s, 2)
		assert.Equal(t, []string{phoneID, botID, androidID}, loginIDs(t, p), "listed again")
		assert.Equal(t, "Saved logins (3)", text(t, p, "saved-logins-title"))
		assertNotShown(t, p, token)
		return p
	}},
	{"revoke all others", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayRevokeLogins)
		hold(t, p, token)
		openSavedLogins(t, p, len(seeded))

		openConfirmation(t, p, "#revoke-all")
		assert.Equal(t, "Revoke all 4 saved logins? Every app that saved one has to sign in with the password again, "+
			"and Epic does not say which one, if any, is this device's. Your token here keeps working.", text(t, p, "confirm-text"))
		assert.Equal(t, "Revoke all 4", text(t, p, "confirm"))
		assert.Empty(t, byMethod(loginRequests(t, p, s), "DELETE"), "a revoke went out before Confirm")
		require.NoError(t, popuppage.Confirm(p, 5*time.Second))

		res := waitResult(t, p, "All 4 saved logins were revoked.")
		assert.Equal(t, popuppage.Success, res.Outcome)
		deletes := byMethod(loginRequests(t, p, s), "DELETE")
		if assert.Len(t, deletes, len(seeded), "revokes sent") {
			for i, l := range seeded {
				assertSentWith(t, deletes[i], "DELETE", revokePath(l.auth.DeviceID), token)
			}
		}
		require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#logins > li").length === 0`, 5*time.Second),
			"revoked logins are still listed")
		none := "None: no app or device can sign in to your account without the password."
		assert.Equal(t, none, text(t, p, "logins-status"))
		assert.Equal(t, "Saved logins (0)", text(t, p, "saved-logins-title"))
		assert.False(t, visible(t, p, "revoke-all"), "Revoke all others is offered for an empty list")
		assert.False(t, visible(t, p, "revoke-all-note"))
		assert.Empty(t, fakeIDs(s), "the fake still holds saved logins")
		assert.Len(t, s.DeviceAuths("0123456789abcdef0123456789abcdef"), 1, "another account's saved login went too")
		assertHistory(t, p, historyPattern("4 saved logins", "revoked", "HTTP 204"), "success")
		assert.True(t, s.Alive(token), "Revoke all others ended the token")

		listAgain(t, p, s, 2)
		assert.Empty(t, loginIDs(t, p), "listed again")
		assert.Equal(t, none, text(t, p, "logins-status"))
		assert.Len(t, byMethod(loginRequests(t, p, s), "DELETE"), len(seeded), "listing again revoked")
		return p
	}},
	{"revoke all others stops at the first failure", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayRevokeLogins)
		hold(t, p, token)
		openSavedLogins(t, p, len(seeded))
		// The third revoke meets trouble on Epic's side: the fourth is not tried.
		s.FaultNextMatching(func(r fakeepic.Request) bool { return r.Method == "DELETE" && r.Path == revokePath(botID) },
			fakeepic.ServerError(503))
		openConfirmation(t, p, "#revoke-all")
		require.NoError(t, popuppage.Confirm(p, 5*time.Second))

		res := waitResult(t, p, "Epic's service is having trouble.")
		assert.Equal(t, popuppage.Error, res.Outcome)
		advice := text(t, p, "advice")
		assert.Empty(t, missing(advice, []string{
			"2 of 4 saved logins were revoked before this; the others are still listed.",
			"not known whether the saved login was revoked",
		}), "the advice says %q", advice)
		deletes := byMethod(loginRequests(t, p, s), "DELETE")
		if assert.Len(t, deletes, 3, "revokes sent") {
			for i, id := range []string{phoneID, switchID, botID} {
				assertSentWith(t, deletes[i], "DELETE", revokePath(id), token)
			}
		}
		details := text(t, p, "details-text")
		assert.Empty(t, missing(details, []string{"Request: DELETE " + revokePath(botID) + "\n", "HTTP status: 503\n"}),
			"the details say %q", details)
		require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#logins > li").length === 2`, 5*time.Second),
			"the list does not show what is left")
		assert.Equal(t, []string{botID, androidID}, loginIDs(t, p))
		assert.Equal(t, "Saved logins (2)", text(t, p, "saved-logins-title"))
		assert.Equal(t, []string{botID, androidID}, fakeIDs(s))
		assert.True(t, visible(t, p, "revoke-all"), "Revoke all others is gone while two are left")
		assertHistory(t, p, historyPattern("4 saved logins", "not revoked", "HTTP 503, errors.com.epicgames.common.server_error"), "error")
		return p
	}},
	{"403 on the list", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayRevokeLogins)
		hold(t, p, token)
		savedLoginsFolded(t, p)
		s.FaultNextMatching(isDeviceAuthList, deviceAuthsRefused("READ"))
		require.NoError(t, p.Click("#saved-logins-title"))

		res := waitResult(t, p, "This token cannot list saved logins.")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Contains(t, text(t, p, "advice"), "Kill sessions works as before")
		announced := text(t, p, "outcome")
		assert.Empty(t, codesIn(announced), "the outcome, which is read aloud, says %q", announced)
		details := text(t, p, "details-text")
		assert.Empty(t, missing(details, []string{
			"Request: GET " + listPath + "\n",
			"HTTP status: 403\n",
			"errorCode: errors.com.epicgames.common.missing_permission\n",
			"account:public:account:deviceAuths READ",
		}), "the details say %q", details)
		require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("list-logins").disabled`, 5*time.Second))
		assert.Equal(t, "Not listed: the outcome above says why.", text(t, p, "logins-status"))
		assert.Empty(t, loginIDs(t, p), "a list shows after Epic refused it")
		assert.False(t, visible(t, p, "revoke-all"), "Revoke all others is offered without a list")
		assert.Equal(t, "Saved logins", text(t, p, "saved-logins-title"), "the title counts a list Epic refused")
		reqs := loginRequests(t, p, s)
		if assert.Len(t, reqs, 1, "the saved logins' requests") {
			assertSentWith(t, reqs[0], "GET", listPath, token)
		}
		assert.True(t, visible(t, p, "token-held"), "the token was dropped, though it still works")
		assert.Empty(t, history(t, p), "a list is in the history")

		// Epic's refusal was this once: List again lists.
		listAgain(t, p, s, 2)
		assert.Equal(t, seededIDs(seeded), loginIDs(t, p), "listed again")
		assert.Empty(t, text(t, p, "logins-status"))
		return p
	}},
	{"not offered without the permission", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		// May use every kill type, and not list saved logins.
		token, victim := player(s, everyKill)
		seedLogins(s)
		hold(t, p, token)
		assert.True(t, hasAttr(t, p, "saved-logins", "hidden"), "the saved logins are offered to a token that may not list them")
		assert.False(t, visible(t, p, "saved-logins-title"))

		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		assert.False(t, s.Alive(victim))
		advice := text(t, p, "advice")
		assert.NotContains(t, advice, "Saved logins", "a token that may not list them is pointed to the saved logins")
		assert.NotContains(t, advice, "without the password")
		assert.False(t, visible(t, p, "saved-logins-title"), "the kill offered the saved logins")
		assert.Empty(t, loginRequests(t, p, s), "the saved logins were asked for")
		return p
	}},
	{"404: revoked already", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayRevokeLogins)
		hold(t, p, token)
		openSavedLogins(t, p, len(seeded))
		openConfirmation(t, p, revokeButton(phoneID))

		// Meanwhile the player revokes it on another device.
		other := s.Issue(testPlayer(mayRevokeLogins))
		r := httptest.NewRequest(http.MethodDelete, "https://"+fakeepic.EpicHost+revokePath(phoneID), nil)
		r.Header.Set("Authorization", "bearer "+other)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		require.Equal(t, http.StatusNoContent, w.Code, "the other device's revoke: %s", w.Body)
		require.Equal(t, []string{switchID, botID, androidID}, fakeIDs(s))

		require.NoError(t, popuppage.Confirm(p, 5*time.Second))
		res := waitResult(t, p, "“Fortnite on iPhone or iPad” was revoked already.")
		assert.Equal(t, popuppage.Success, res.Outcome)
		var mine []fakeepic.Request
		for _, r := range byMethod(loginRequests(t, p, s), "DELETE") {
			if r.Bearer() != other {
				mine = append(mine, r)
			}
		}
		if assert.Len(t, mine, 1, "revokes the popup sent") {
			assertSentWith(t, mine[0], "DELETE", revokePath(phoneID), token)
		}
		details := text(t, p, "details-text")
		assert.Empty(t, missing(details, []string{
			"Request: DELETE " + revokePath(phoneID) + "\n",
			"HTTP status: 404\n",
			"errorCode: errors.com.epicgames.account.device_auth.not_found\n",
		}), "the details say %q", details)
		require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#logins > li").length === 3`, 5*time.Second),
			"the login gone is still listed")
		assert.Equal(t, []string{switchID, botID, androidID}, loginIDs(t, p))
		assert.Equal(t, "Saved logins (3)", text(t, p, "saved-logins-title"))
		assertHistory(t, p, historyPattern("Fortnite on iPhone or iPad", "revoked",
			"HTTP 404, errors.com.epicgames.account.device_auth.not_found"), "success")
		return p
	}},
	{"a revoke the token may not make is refused before sending", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		token, seeded := loginHolder(s, mayListLogins)
		hold(t, p, token)
		openSavedLogins(t, p, len(seeded))
		require.NoError(t, p.Click(revokeButton(botID)))
		res := waitResult(t, p, "This token may not revoke saved logins.")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Equal(t, "Nothing was sent.", text(t, p, "advice"))
		assert.False(t, visible(t, p, "confirm-box"), "a confirmation for a revoke Epic would refuse")
		assert.Equal(t, "This token lacks account:public:account:deviceAuths DELETE (account).", text(t, p, "details-text"))
		assert.Empty(t, byMethod(loginRequests(t, p, s), "DELETE"), "a revoke went out")
		assert.Equal(t, seededIDs(seeded), loginIDs(t, p))
		assert.Equal(t, seededIDs(seeded), fakeIDs(s))
		return p
	}},
	{"403 on a revoke", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		// The token's permissions allow it; Epic refuses it all the same.
		token, seeded := loginHolder(s, mayRevokeLogins)
		s.FaultNextMatching(isDeviceAuthRevoke, deviceAuthsRefused("DELETE"))
		hold(t, p, token)
		openSavedLogins(t, p, len(seeded))
		openConfirmation(t, p, revokeButton(botID))
		assert.Equal(t, "Revoke “A script or bot (python-requests)”, saved 2 months ago? That app has to sign in with the password again.",
			text(t, p, "confirm-text"))
		require.NoError(t, popuppage.Confirm(p, 5*time.Second))

		res := waitResult(t, p, "This token may not revoke saved logins.")
		assert.Equal(t, popuppage.Error, res.Outcome)
		assert.Contains(t, text(t, p, "advice"), "Nothing was revoked.")
		announced := text(t, p, "outcome")
		assert.Empty(t, codesIn(announced), "the outcome, which is read aloud, says %q", announced)
		details := text(t, p, "details-text")
		assert.Empty(t, missing(details, []string{
			"Request: DELETE " + revokePath(botID) + "\n",
			"HTTP status: 403\n",
			"errorCode: errors.com.epicgames.common.missing_permission\n",
			"account:public:account:deviceAuths DELETE",
		}), "the details say %q", details)
		deletes := byMethod(loginRequests(t, p, s), "DELETE")
		if assert.Len(t, deletes, 1, "revokes sent") {
			assertSentWith(t, deletes[0], "DELETE", revokePath(botID), token)
		}
		require.NoError(t, popuppage.WaitFor(p, `!document.querySelector(`+strconv.Quote(revokeButton(botID))+`).disabled`, 5*time.Second),
			"Revoke stays disabled after the refusal")
		assert.Equal(t, seededIDs(seeded), loginIDs(t, p), "a login Epic did not revoke left the list")
		assert.Equal(t, "Saved logins (4)", text(t, p, "saved-logins-title"))
		assert.Equal(t, seededIDs(seeded), fakeIDs(s))
		assertHistory(t, p, historyPattern("A script or bot (python-requests)", "not revoked",
			"HTTP 403, errors.com.epicgames.common.missing_permission"), "error")
		assert.True(t, visible(t, p, "token-held"), "the token was dropped, though it still works")
		return p
	}},
	{"a kill of others mentions saved logins", func(t *testing.T, b browser, sw *epicSwitch, s *fakeepic.Service, p popuppage.Page) popuppage.Page {
		const (
			generic = "Saved logins can still sign in without the password: see Saved logins below."
			counted = "4 saved logins can still sign in without the password: see Saved logins below."
		)
		token, victim := player(s, append(append([]fakeepic.Permission(nil), everyKill...), mayRevokeLogins...))
		seeded := seedLogins(s)
		hold(t, p, token)

		res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		assert.False(t, s.Alive(victim))
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("advice").textContent.includes(`+strconv.Quote(generic)+`)`, 5*time.Second),
			"the advice says %q", text(t, p, "advice"))
		assert.Empty(t, loginRequests(t, p, s), "the kill asked for the saved logins")

		openSavedLogins(t, p, len(seeded))
		victim = s.Issue(testPlayer(nil))
		res = kill(t, p, "OTHERS_ACCOUNT_CLIENT")
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		assert.False(t, s.Alive(victim))
		require.NoError(t, popuppage.WaitFor(p, `document.getElementById("advice").textContent.includes(`+strconv.Quote(counted)+`)`, 5*time.Second),
			"the advice says %q", text(t, p, "advice"))
		assert.NotContains(t, text(t, p, "advice"), generic)
		assert.Empty(t, codesIn(text(t, p, "outcome")))

		// With every saved login revoked, a kill has nothing to add.
		openConfirmation(t, p, "#revoke-all")
		require.NoError(t, popuppage.Confirm(p, 5*time.Second))
		waitResult(t, p, "All 4 saved logins were revoked.")
		victim = s.Issue(testPlayer(nil))
		require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
		require.NoError(t, p.Click("#kill"))
		res = waitResult(t, p, says(b, messages.KillTypeDone("OTHERS_ACCOUNT_CLIENT")))
		assert.Equal(t, popuppage.Success, res.Outcome, res.Text)
		assert.False(t, s.Alive(victim))
		assert.NotContains(t, text(t, p, "advice"), "without the password", "the advice counts saved logins that are gone")
		return p
	}},
}

// runSavedLoginCases drives the saved logins' cases in one browser.
func runSavedLoginCases(t *testing.T, b browser, sw *epicSwitch) {
	runPopupCases(t, b, sw, "saved logins", savedLoginCases)
}

// The saved logins' requests, as a fault aims at them.
func isDeviceAuthList(r fakeepic.Request) bool {
	return r.Method == "GET" && strings.HasSuffix(r.Path, "/deviceAuth")
}

func isDeviceAuthRevoke(r fakeepic.Request) bool {
	return r.Method == "DELETE" && strings.Contains(r.Path, "/deviceAuth/")
}

// deviceAuthsRefused is Epic's 403 to a token that lacks the saved logins'
// permission for action (READ or DELETE).
func deviceAuthsRefused(action string) fakeepic.Fault {
	return fakeepic.EpicError(403, "errors.com.epicgames.common.missing_permission", 1023,
		"Sorry your login does not posses the permissions 'account:public:account:deviceAuths "+action+
			"' needed to perform the requested operation", "account:public:account:deviceAuths", action)
}
