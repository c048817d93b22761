package popup

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
)

const loginsAccount = "94b1569506b04f9f8557af611e8c5e47"

var (
	readLogins   = epic.GrantedPermission{Resource: "account:public:account:deviceAuths", Action: epic.ActionRead}
	deleteLogins = epic.GrantedPermission{Resource: "account:public:account:deviceAuths", Action: epic.ActionDelete}
)

// verifiedAccount answers verify for the account loginsAccount with perms;
// nil perms are a list Epic did not give.
func verifiedAccount(perms []epic.GrantedPermission) func(context.Context) (*epic.VerifiedToken, error) {
	return func(ctx context.Context) (*epic.VerifiedToken, error) {
		v, _ := verified(perms...)(ctx)
		v.AccountID, v.Perms = loginsAccount, perms
		return v, nil
	}
}

func deviceAuth(id, userAgent string, created time.Time, used *time.Time) epic.DeviceAuth {
	d := epic.DeviceAuth{DeviceID: id, AccountID: loginsAccount, UserAgent: userAgent,
		Created: epic.DeviceAccess{Location: "Germany", IPAddress: "198.51.100.7", Time: created}}
	if used != nil {
		d.LastAccess = &epic.DeviceAccess{Location: "France", IPAddress: "203.0.113.24", Time: *used}
	}
	return d
}

// threeLogins are a phone, a console never used, and a bot.
func threeLogins() epic.DeviceAuthList {
	used := start.Add(-50 * time.Hour)
	return epic.DeviceAuthList{Items: []epic.DeviceAuth{
		deviceAuth("0000000000000000000000000000d001", "Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1", start.Add(-95*24*time.Hour), &used),
		deviceAuth("0000000000000000000000000000d002", "Fortnite/++Fortnite+Release-33.00-CL-38324497 Switch/19.0.1", start.Add(-3*time.Hour), nil),
		deviceAuth("0000000000000000000000000000d003", "python-requests/2.31.0 "+token, start.Add(-400*24*time.Hour), &used),
	}}
}

// holding opens a popup holding the token, verified with perms, with Epic
// listing logins.
func holding(t *testing.T, perms []epic.GrantedPermission, logins epic.DeviceAuthList) (*popup, *fakeEpic) {
	t.Helper()
	e := &fakeEpic{verify: verifiedAccount(perms),
		deviceAuths: func(context.Context) (epic.DeviceAuthList, error) { return logins, nil }}
	p := open(t, e)
	p.TakeToken(token)
	p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
	return p, e
}

func TestSavedLoginsAreOfferedWhenTheTokenMayListThem(t *testing.T) {
	tests := []struct {
		name    string
		perms   []epic.GrantedPermission
		account string
		offered bool
	}{
		{"READ granted", []epic.GrantedPermission{readLogins}, loginsAccount, true},
		{"READ by a wildcard", []epic.GrantedPermission{{Resource: "account:public:account:*", Action: epic.ActionRead}}, loginsAccount, true},
		{"permissions unknown", nil, loginsAccount, true},
		{"READ not granted", []epic.GrantedPermission{onlyAccountClient, deleteLogins}, loginsAccount, false},
		{"no account id", []epic.GrantedPermission{readLogins}, "", false},
		{"an account id that is not Epic's form", []epic.GrantedPermission{readLogins}, "acc0123456789", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &fakeEpic{verify: func(ctx context.Context) (*epic.VerifiedToken, error) {
				v, _ := verifiedAccount(tc.perms)(ctx)
				v.AccountID = tc.account
				return v, nil
			}}
			p := open(t, e)
			assert.False(t, p.screen.last().SavedLogins, "offered without a token")
			p.TakeToken(token)
			v := p.screen.waitUntil(t, "verified", func(v View) bool { return v.TokenStatus == "Epic confirmed the token." })
			assert.Equal(t, tc.offered, v.SavedLogins)
			p.ShowSavedLogins(true)
			p.waitUntilAnswered(t)
			if tc.offered {
				require.Len(t, e.sent("deviceAuths"), 1)
				assert.Equal(t, call{"deviceAuths", token, tc.account}, e.sent("deviceAuths")[0])
			} else {
				assert.Empty(t, e.sent("deviceAuths"), "a list the section does not offer was asked for")
			}
		})
	}
}

func TestOpeningTheSectionListsTheSavedLoginsOnce(t *testing.T) {
	p, e := holding(t, []epic.GrantedPermission{readLogins, deleteLogins}, threeLogins())
	v := p.screen.last()
	assert.Equal(t, "Saved logins", v.SavedLoginsTitle)
	assert.Empty(t, e.sent("deviceAuths"), "listed before the section was opened")

	p.ShowSavedLogins(true)
	v = p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })
	assert.Equal(t, "Saved logins (3)", v.SavedLoginsTitle)
	assert.Empty(t, v.LoginsStatus)
	assert.True(t, v.RevokeEnabled)
	assert.True(t, v.RevokeAll)
	assert.Equal(t, Login{
		DeviceID: "0000000000000000000000000000d001",
		Name:     "Fortnite on iPhone or iPad",
		Saved:    "Saved 3 months ago · Germany", Used: "Last used 2 days ago · France",
		SavedAt: "24 Aug 2026 at 20:00 UTC · Germany", UsedAt: "25 Nov 2026 at 18:00 UTC · France",
		App:     "Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1",
		IPSaved: "Saved from 198.51.100.7", IPUsed: "Last used from 203.0.113.24",
	}, v.Logins[0])
	assert.Equal(t, "Never used", v.Logins[1].Used)
	assert.Equal(t, "Saved 3 hours ago · Germany", v.Logins[1].Saved)
	assert.Empty(t, v.Logins[1].UsedAt)
	assert.Equal(t, "A script or bot (python-requests)", v.Logins[2].Name)
	assert.NotEmpty(t, v.Logins[2].Bot, "a bot's login is not pointed out")
	assert.Empty(t, v.Logins[0].Bot)
	assert.NotContains(t, v.Logins[2].App, token, "the token in a user agent is shown")
	assert.Equal(t, "Saved 1 year ago · Germany", v.Logins[2].Saved)

	p.ShowSavedLogins(false)
	p.ShowSavedLogins(true)
	p.waitUntilAnswered(t)
	assert.Len(t, e.sent("deviceAuths"), 1, "folding and opening the section asks again")
	p.ListSavedLogins()
	p.waitUntilAnswered(t)
	assert.Len(t, e.sent("deviceAuths"), 2, "List again does not ask again")
}

func TestTheListSaysWhatItDoesNotShow(t *testing.T) {
	tests := []struct {
		name   string
		list   epic.DeviceAuthList
		status string
		note   string
	}{
		{"none", epic.DeviceAuthList{Items: []epic.DeviceAuth{}}, "None: no app or device can sign in to your account without the password.", ""},
		{"cut", epic.DeviceAuthList{Items: threeLogins().Items, Truncated: true}, "", "Epic listed more than fit: the first 3 are shown."},
		{"unreadable entries", epic.DeviceAuthList{Items: threeLogins().Items[:1], Skipped: 2}, "", "2 more that Epic listed could not be read."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := holding(t, []epic.GrantedPermission{readLogins}, tc.list)
			p.ShowSavedLogins(true)
			p.waitUntilAnswered(t)
			v := p.screen.last()
			assert.Equal(t, tc.status, v.LoginsStatus)
			assert.Equal(t, tc.note, v.LoginsNote)
			assert.Equal(t, len(tc.list.Items) > 0, v.RevokeAll)
		})
	}
}

func TestAListEpicRefusesIsExplainedAsAnOutcome(t *testing.T) {
	p, e := holding(t, nil, epic.DeviceAuthList{})
	e.deviceAuths = func(context.Context) (epic.DeviceAuthList, error) {
		return epic.DeviceAuthList{}, &epic.APIError{StatusCode: 403, Body: epic.BodyEpicJSON, FromEpic: true,
			ErrorCode: "errors.com.epicgames.common.missing_permission", NumericErrorCode: 1023}
	}
	p.ShowSavedLogins(true)
	v := p.screen.waitFor(t, explain.OutcomeError)
	assert.Equal(t, "This token cannot list saved logins.", v.Message)
	assert.Equal(t, "Not listed: the outcome above says why.", v.LoginsStatus)
	assert.Contains(t, v.Details, "HTTP status: 403")
	assert.Contains(t, v.Details, "Request: GET /account/api/public/account/"+loginsAccount+"/deviceAuth")
	assert.Equal(t, "saved-logins", v.Focus)
	assert.Empty(t, v.History, "a list is no action to remember")
	assertNoReference(t, v)
}

func TestARevokeWaitsForConfirmAndNamesTheLogin(t *testing.T) {
	p, e := holding(t, []epic.GrantedPermission{readLogins, deleteLogins}, threeLogins())
	p.ShowSavedLogins(true)
	p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })

	p.Revoke("0000000000000000000000000000d002")
	v := p.screen.last()
	require.True(t, v.Confirming)
	assert.Equal(t, "Revoke “Fortnite on Nintendo Switch”, saved 3 hours ago? That app has to sign in with the password again.", v.ConfirmText)
	assert.Equal(t, "Revoke", v.ConfirmButton)
	assert.Equal(t, "0000000000000000000000000000d002", v.ConfirmLogins)
	assert.Empty(t, v.ConfirmFor)
	assert.False(t, v.RevokeEnabled, "Revoke stays on while a confirmation waits")
	assert.False(t, v.KillEnabled)
	assert.Equal(t, "cancel", v.Focus)

	p.Confirm(Form{})
	assert.Empty(t, e.sent("deleteDeviceAuth"), "confirmed before the guard time")
	p.Cancel()
	v = p.screen.last()
	assert.False(t, v.Confirming)
	assert.Equal(t, "saved-logins", v.Focus)
	p.clock.advance(time.Second)
	assert.Empty(t, e.sent("deleteDeviceAuth"), "a cancelled revoke was sent")

	p.Revoke("0000000000000000000000000000d002")
	p.confirmAfterGuard(t, Form{})
	v = p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Equal(t, []call{{"deleteDeviceAuth", token, "0000000000000000000000000000d002"}}, e.sent("deleteDeviceAuth"))
	assert.Equal(t, "“Fortnite on Nintendo Switch” was revoked.", v.Message)
	require.Len(t, v.Logins, 2)
	for _, l := range v.Logins {
		assert.NotEqual(t, "0000000000000000000000000000d002", l.DeviceID)
	}
	assert.Equal(t, "Saved logins (2)", v.SavedLoginsTitle)
	require.Len(t, v.History, 1)
	assert.Equal(t, "20:00:01 Fortnite on Nintendo Switch: revoked", v.History[0].Text)
	assert.Contains(t, v.Details, "Request: DELETE /account/api/public/account/"+loginsAccount+"/deviceAuth/0000000000000000000000000000d002")
	assert.NotContains(t, v.Details, token)
	assertNoReference(t, v)
}

func TestRevokeAllRevokesOneAtATimeAndStopsAtTheFirstFailure(t *testing.T) {
	tests := []struct {
		name    string
		failAt  int // the revoke that fails, or -1
		err     error
		sent    int
		outcome explain.Outcome
		message string
		advice  string
		left    int
	}{
		{"every one", -1, nil, 3, explain.OutcomeSuccess, "All 3 saved logins were revoked.", "has to sign in with the password again", 0},
		{"throttled at the second", 1,
			&epic.APIError{StatusCode: 429, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.common.throttled", RetryAfter: 30 * time.Second},
			2, explain.OutcomeError, "Epic is limiting requests for now.",
			"1 of 3 saved logins were revoked before this; the others are still listed. Nothing was revoked. Try again in 30 s.", 2},
		{"one gone already", 0,
			&epic.APIError{StatusCode: 404, Body: epic.BodyEpicJSON, FromEpic: true, ErrorCode: "errors.com.epicgames.account.device_auth.not_found"},
			3, explain.OutcomeSuccess, "All 3 saved logins were revoked.", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, e := holding(t, []epic.GrantedPermission{readLogins, deleteLogins}, threeLogins())
			inFlight := 0
			e.deleteDeviceAuth = func(ctx context.Context, id string) error {
				inFlight++
				defer func() { inFlight-- }()
				assert.Equal(t, 1, inFlight, "two revokes at once")
				if strings.HasSuffix(id, "d00"+string(rune('1'+tc.failAt))) {
					return tc.err
				}
				return nil
			}
			p.ShowSavedLogins(true)
			p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })
			p.RevokeAll()
			v := p.screen.last()
			require.True(t, v.Confirming)
			assert.Contains(t, v.ConfirmText, "Revoke all 3 saved logins?")
			assert.Contains(t, v.ConfirmText, "Epic does not say which one, if any, is this device's")
			assert.Equal(t, "Revoke all 3", v.ConfirmButton)
			p.confirmAfterGuard(t, Form{})
			v = p.screen.waitFor(t, tc.outcome)
			assert.Len(t, e.sent("deleteDeviceAuth"), tc.sent)
			assert.Equal(t, tc.message, v.Message)
			assert.Contains(t, v.Advice, tc.advice)
			assert.Len(t, v.Logins, tc.left)
			require.Len(t, v.History, 1, "one line for the one action")
			assert.Contains(t, v.History[0].Text, "3 saved logins")
		})
	}
}

func TestAKillOfOthersSaysSavedLoginsCanStillSignIn(t *testing.T) {
	p, _ := holding(t, []epic.GrantedPermission{readLogins, onlyAccountClient}, threeLogins())
	p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	v := p.screen.waitFor(t, explain.OutcomeSuccess)
	assert.Contains(t, v.Advice, "This token still works. Saved logins can still sign in without the password: see Saved logins below.")

	p.ShowSavedLogins(true)
	p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })
	p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	p.waitUntilAnswered(t)
	assert.Contains(t, p.screen.last().Advice, "3 saved logins can still sign in without the password")

	q, _ := holding(t, []epic.GrantedPermission{onlyAccountClient}, threeLogins())
	q.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	v = q.screen.waitFor(t, explain.OutcomeSuccess)
	assert.NotContains(t, v.Advice, "Saved logins", "saved logins the token cannot see are mentioned")
}

func TestTheListWaitsForTheRequestRunning(t *testing.T) {
	p, e := holding(t, []epic.GrantedPermission{readLogins, onlyAccountClient}, threeLogins())
	answer := make(chan struct{})
	e.kill = func(context.Context) error { <-answer; return nil }
	p.Kill(Form{KillType: "OTHERS_ACCOUNT_CLIENT"})
	e.waitForKill(t)
	p.ShowSavedLogins(true)
	v := p.screen.last()
	assert.Equal(t, "The list is asked for once the request running now is over.", v.LoginsStatus)
	assert.Empty(t, e.sent("deviceAuths"), "two requests at once")
	close(answer)
	p.screen.waitUntil(t, "listed after the kill", func(v View) bool { return len(v.Logins) == 3 })
	assert.Len(t, e.sent("deviceAuths"), 1)
}

func TestAnotherTokenListsItsOwnSavedLogins(t *testing.T) {
	p, e := holding(t, []epic.GrantedPermission{readLogins}, threeLogins())
	p.ShowSavedLogins(true)
	p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })
	e.deviceAuths = func(context.Context) (epic.DeviceAuthList, error) {
		return epic.DeviceAuthList{Items: threeLogins().Items[:1]}, nil
	}
	p.TakeToken("165981d58ba642e7ac6ef7d6c4ed15b2")
	v := p.screen.waitUntil(t, "the new token's list", func(v View) bool { return len(v.Logins) == 1 })
	assert.Equal(t, "Saved logins (1)", v.SavedLoginsTitle)
	assert.Len(t, e.sent("deviceAuths"), 2)
}

// A token whose permissions lack DELETE is told so at its Revoke, and
// nothing is sent, as for a kill type it may not use.
func TestARevokeTheTokenMayNotMakeIsRefusedBeforeSending(t *testing.T) {
	p, e := holding(t, []epic.GrantedPermission{readLogins}, threeLogins())
	p.ShowSavedLogins(true)
	p.screen.waitUntil(t, "listed", func(v View) bool { return len(v.Logins) == 3 })
	for _, revoke := range []func(){func() { p.Revoke("0000000000000000000000000000d001") }, p.RevokeAll} {
		revoke()
		v := p.screen.last()
		assert.False(t, v.Confirming, "a confirmation for a revoke Epic would refuse")
		assert.Equal(t, explain.OutcomeError, v.Outcome)
		assert.Equal(t, "This token may not revoke saved logins. Nothing was sent.", v.Message+" "+v.Advice)
		assert.Equal(t, "This token lacks account:public:account:deviceAuths DELETE (account).", v.Details)
		assert.Len(t, v.Logins, 3)
	}
	p.clock.advance(time.Second)
	assert.Empty(t, e.sent("deleteDeviceAuth"))
}
