//go:build !js

package fakeepic_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

const (
	deviceA1 = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1"
	deviceA2 = "a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2"
	deviceA3 = "a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3"
	deviceB1 = "b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1"
)

// Epic's example (Lele's DeviceAuth/List.md), used and never used.
var (
	epicsDeviceAuth = fakeepic.DeviceAuth{
		DeviceID:  "06b96e4c93ce452590408e72f814dedf",
		AccountID: accountA,
		UserAgent: "Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit",
		Created: fakeepic.DeviceAuthEvent{Location: "Germany", IPAddress: "127.0.0.1",
			Time: time.Date(2023, 5, 23, 15, 18, 27, 346_000_000, time.UTC)},
		LastAccess: &fakeepic.DeviceAuthEvent{Location: "Germany", IPAddress: "127.0.0.1",
			Time: time.Date(2023, 8, 30, 8, 0, 5, 314_000_000, time.UTC)},
	}
	epicsDeviceAuthJSON = `{"deviceId":"06b96e4c93ce452590408e72f814dedf","accountId":"94b1569506b04f9f8557af611e8c5e47",
		"userAgent":"Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit",
		"created":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-05-23T15:18:27.346Z"},
		"lastAccess":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-08-30T08:00:05.314Z"}}`
)

// seedDevices gives accountA three device auths and accountB one.
func seedDevices(s *fakeepic.Service) {
	for _, d := range []fakeepic.DeviceAuth{
		{DeviceID: deviceA1, AccountID: accountA},
		{DeviceID: deviceA2, AccountID: accountA},
		{DeviceID: deviceA3, AccountID: accountA},
		{DeviceID: deviceB1, AccountID: accountB},
	} {
		s.AddDeviceAuth(d)
	}
}

func deviceIDs(list []fakeepic.DeviceAuth) []string {
	var ids []string
	for _, d := range list {
		ids = append(ids, d.DeviceID)
	}
	return ids
}

func TestDeviceAuthListAnswersEpicsJSON(t *testing.T) {
	const account = "94b1569506b04f9f8557af611e8c5e47"
	neverUsed := fakeepic.DeviceAuth{
		DeviceID: "435b52ece6d347479531c5132e209e53", AccountID: account, UserAgent: "python-requests/2.31.0",
		// Not in UTC, to show that Epic's dateTime is.
		Created: fakeepic.DeviceAuthEvent{Location: "France", IPAddress: "2001:db8::1",
			Time: time.Date(2025, 1, 18, 13, 5, 19, 640_123_456, time.FixedZone("CET", 3600))},
	}
	neverUsedJSON := `{"deviceId":"435b52ece6d347479531c5132e209e53","accountId":"94b1569506b04f9f8557af611e8c5e47",
		"userAgent":"python-requests/2.31.0",
		"created":{"location":"France","ipAddress":"2001:db8::1","dateTime":"2025-01-18T12:05:19.640Z"}}`
	epics := epicsDeviceAuth
	epics.AccountID = account
	cases := []struct {
		name   string
		seeded []fakeepic.DeviceAuth
		want   string
	}{
		{"none", nil, `[]`},
		{"Epic's example", []fakeepic.DeviceAuth{epics}, `[` + epicsDeviceAuthJSON + `]`},
		{"never used: no lastAccess", []fakeepic.DeviceAuth{neverUsed}, `[` + neverUsedJSON + `]`},
		{"in the order added", []fakeepic.DeviceAuth{neverUsed, epics}, `[` + neverUsedJSON + `,` + epicsDeviceAuthJSON + `]`},
		{"another account's are not listed", []fakeepic.DeviceAuth{epics, {DeviceID: deviceB1, AccountID: accountB}},
			`[` + epicsDeviceAuthJSON + `]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			token := s.Issue(fakeepic.Grant{AccountID: account, Permissions: deviceAuthPerms})
			for _, d := range tc.seeded {
				s.AddDeviceAuth(d)
			}

			rec := call(t, s, http.MethodGet, deviceAuthsPath(account), bearer(token))

			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Equal(t, []string{"application/json"}, rec.Header().Values("Content-Type"))
			assert.Equal(t, "no-cache, no-store, no-transform", rec.Header().Get("Cache-Control"))
			assert.Empty(t, rec.Header().Get("X-Epic-Error-Name"))
			assert.JSONEq(t, tc.want, rec.Body.String())
		})
	}
}

func TestDeviceAuthDeleteTakesEffect(t *testing.T) {
	notFound := func(device string) epicError {
		return epicError{
			ErrorCode:          "errors.com.epicgames.account.device_auth.not_found",
			ErrorMessage:       "Sorry, we couldn't find the specified device " + device + " auth for account " + accountA,
			MessageVars:        []string{device, accountA},
			NumericErrorCode:   18130,
			OriginatingService: "com.epicgames.account.public",
			Intent:             "prod",
		}
	}
	const unknown = "0123456789abcdef0123456789abcdef"
	steps := []struct {
		name   string
		device string
		status int
		left   []string // accountA's device auths afterwards, as listed
	}{
		{"the middle one", deviceA2, http.StatusNoContent, []string{deviceA1, deviceA3}},
		{"the same one again", deviceA2, http.StatusNotFound, []string{deviceA1, deviceA3}},
		{"one that never was", unknown, http.StatusNotFound, []string{deviceA1, deviceA3}},
		{"another account's, under this account", deviceB1, http.StatusNotFound, []string{deviceA1, deviceA3}},
		{"its own id in capitals", "A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1", http.StatusNotFound, []string{deviceA1, deviceA3}},
		{"the first one", deviceA1, http.StatusNoContent, []string{deviceA3}},
		{"the last one", deviceA3, http.StatusNoContent, nil},
	}
	s := fakeepic.New()
	token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
	other := s.Issue(fakeepic.Grant{AccountID: accountA})
	seedDevices(s)
	for _, step := range steps {
		rec := call(t, s, http.MethodDelete, deviceAuthsPath(accountA)+"/"+step.device, bearer(token))

		if step.status == http.StatusNoContent {
			requireNoContent(t, rec)
		} else {
			assert.Equal(t, notFound(step.device), requireError(t, rec, step.status), step.name)
		}
		assert.Equal(t, step.left, deviceIDs(s.DeviceAuths(accountA)), step.name)
		list := call(t, s, http.MethodGet, deviceAuthsPath(accountA), bearer(token))
		require.Equal(t, http.StatusOK, list.Code, step.name)
		var listed []struct{ DeviceID string }
		require.NoError(t, json.Unmarshal(list.Body.Bytes(), &listed))
		var ids []string
		for _, d := range listed {
			ids = append(ids, d.DeviceID)
		}
		assert.Equal(t, step.left, ids, "%s: listed", step.name)
	}
	assert.Equal(t, []string{deviceB1}, deviceIDs(s.DeviceAuths(accountB)), "another account's stays")
	assert.True(t, s.Alive(token))
	assert.True(t, s.Alive(other), "removing a device auth ends no session")
}

func TestDeviceAuthPermissions(t *testing.T) {
	perms := func(resource string, action int) []fakeepic.Permission {
		return []fakeepic.Permission{{Resource: "friends:*", Action: fakeepic.All}, {Resource: resource, Action: action}}
	}
	own := fakeepic.Grant{AccountID: accountA}
	cases := []struct {
		name    string
		grant   fakeepic.Grant
		perms   []fakeepic.Permission
		method  string
		account string
		status  int // 200, 204, or 403 missing_permission naming the action below
		action  string
	}{
		{"READ lists", own, perms(deviceAuthsResource, fakeepic.Read), http.MethodGet, accountA, http.StatusOK, ""},
		{"READ cannot delete", own, perms(deviceAuthsResource, fakeepic.Read), http.MethodDelete, accountA, http.StatusForbidden, "DELETE"},
		{"DELETE deletes", own, perms(deviceAuthsResource, fakeepic.Delete), http.MethodDelete, accountA, http.StatusNoContent, ""},
		{"DELETE cannot list", own, perms(deviceAuthsResource, fakeepic.Delete), http.MethodGet, accountA, http.StatusForbidden, "READ"},
		{"CREATE, READ and DELETE list", own, perms(deviceAuthsResource, fakeepic.Create|fakeepic.Read|fakeepic.Delete), http.MethodGet, accountA, http.StatusOK, ""},
		{"CREATE, READ and DELETE delete", own, perms(deviceAuthsResource, fakeepic.Create|fakeepic.Read|fakeepic.Delete), http.MethodDelete, accountA, http.StatusNoContent, ""},
		{"CREATE and UPDATE cannot list", own, perms(deviceAuthsResource, fakeepic.Create|fakeepic.Update), http.MethodGet, accountA, http.StatusForbidden, "READ"},
		{"CREATE and UPDATE cannot delete", own, perms(deviceAuthsResource, fakeepic.Create|fakeepic.Update), http.MethodDelete, accountA, http.StatusForbidden, "DELETE"},
		{"a final * lists", own, perms("account:public:*", fakeepic.Read), http.MethodGet, accountA, http.StatusOK, ""},
		{"a * segment deletes", own, perms("account:*:account:deviceAuths", fakeepic.Delete), http.MethodDelete, accountA, http.StatusNoContent, ""},
		{"a longer resource does not cover it", own, perms(deviceAuthsResource+":*", fakeepic.All), http.MethodGet, accountA, http.StatusForbidden, "READ"},
		{"kill permissions do not list", own, killPerms, http.MethodGet, accountA, http.StatusForbidden, "READ"},
		{"no permissions, no delete", own, nil, http.MethodDelete, accountA, http.StatusForbidden, "DELETE"},
		{"another account's list", own, perms(deviceAuthsResource, fakeepic.All), http.MethodGet, accountB, http.StatusForbidden, "READ"},
		{"another account's delete", own, perms(deviceAuthsResource, fakeepic.All), http.MethodDelete, accountB, http.StatusForbidden, "DELETE"},
		{"its own id in capitals is another account's", own, perms(deviceAuthsResource, fakeepic.All), http.MethodGet,
			"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", http.StatusForbidden, "READ"},
		{"a client-only session cannot list", fakeepic.Grant{ClientID: client1}, perms(deviceAuthsResource, fakeepic.All), http.MethodGet, accountA, http.StatusForbidden, "READ"},
		{"a client-only session cannot delete", fakeepic.Grant{ClientID: client1}, perms("*", fakeepic.All), http.MethodDelete, accountB, http.StatusForbidden, "DELETE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			seedDevices(s)
			grant := tc.grant
			grant.Permissions = tc.perms
			token := s.Issue(grant)
			device := map[string]string{accountA: deviceA1, accountB: deviceB1}[tc.account]
			target := deviceAuthsPath(tc.account)
			if tc.method == http.MethodDelete {
				target += "/" + device
			}

			rec := call(t, s, tc.method, target, bearer(token))

			switch tc.status {
			case http.StatusOK:
				assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			case http.StatusNoContent:
				requireNoContent(t, rec)
			default:
				e := requireError(t, rec, http.StatusForbidden)
				assert.Equal(t, "errors.com.epicgames.common.missing_permission", e.ErrorCode)
				assert.Equal(t, 1023, e.NumericErrorCode)
				assert.Equal(t, []string{deviceAuthsResource, tc.action}, e.MessageVars)
				assert.Equal(t, "Sorry your login does not posses the permissions '"+deviceAuthsResource+" "+tc.action+
					"' needed to perform the requested operation", e.ErrorMessage)
			}
			deleted := tc.status == http.StatusNoContent
			assert.Equal(t, !deleted, containsDevice(s.DeviceAuths(accountA), deviceA1), "accountA's device auth")
			assert.Equal(t, []string{deviceB1}, deviceIDs(s.DeviceAuths(accountB)), "accountB's device auth")
		})
	}
}

func containsDevice(list []fakeepic.DeviceAuth, deviceID string) bool {
	return slices.Contains(deviceIDs(list), deviceID)
}

// TestDeviceAuthBadIDsAreNotFound: a path whose account or device id is not
// 32 hex digits names nothing, whatever the method and the token.
func TestDeviceAuthBadIDsAreNotFound(t *testing.T) {
	base := "/account/api/public/account/"
	cases := []struct {
		method, target string
	}{
		{http.MethodGet, base + "not-an-account/deviceAuth"},
		{http.MethodGet, base + accountA[1:] + "/deviceAuth"},
		{http.MethodGet, base + accountA + "0/deviceAuth"},
		{http.MethodGet, base + "/deviceAuth"},
		{http.MethodGet, base},
		{http.MethodGet, base + accountA},
		{http.MethodGet, base + accountA + "/"},
		{http.MethodGet, base + accountA + "/deviceAuths"},
		{http.MethodGet, base + accountA + "/deviceauth"},
		{http.MethodGet, base + accountA + "/externalAuths"},
		{http.MethodDelete, base + accountA + "/deviceAuth/not-a-device"},
		{http.MethodDelete, base + accountA + "/deviceAuth/" + deviceA1[1:]},
		{http.MethodDelete, base + accountA + "/deviceAuth/"},
		{http.MethodDelete, base + accountA + "/deviceAuth/" + deviceA1 + "/"},
		{http.MethodDelete, base + accountA + "/deviceAuth/" + deviceA1 + "/x"},
		{http.MethodDelete, base + "not-an-account/deviceAuth/" + deviceA1},
		{http.MethodPost, base + "not-an-account/deviceAuth"},
	}
	for _, tc := range cases {
		for _, auth := range []string{"with a token", "without"} {
			t.Run(tc.method+" "+tc.target+" "+auth, func(t *testing.T) {
				s := fakeepic.New()
				seedDevices(s)
				token := s.Issue(fakeepic.Grant{AccountID: accountA, Permissions: deviceAuthPerms})
				authorization := bearer(token)
				if auth == "without" {
					authorization = ""
				}

				e := requireError(t, call(t, s, tc.method, tc.target, authorization), http.StatusNotFound)

				assert.Equal(t, "errors.com.epicgames.common.not_found", e.ErrorCode)
				assert.Equal(t, 1004, e.NumericErrorCode)
				assert.Equal(t, []string{deviceA1, deviceA2, deviceA3}, deviceIDs(s.DeviceAuths(accountA)))
			})
		}
	}
}

func TestAddDeviceAuth(t *testing.T) {
	clock := newFakeClock()
	cases := []struct {
		name  string
		add   []fakeepic.DeviceAuth
		check func(t *testing.T, ids []string, got []fakeepic.DeviceAuth)
	}{
		{"a device id is made when none is given", []fakeepic.DeviceAuth{{AccountID: accountA}, {AccountID: accountA}},
			func(t *testing.T, ids []string, got []fakeepic.DeviceAuth) {
				require.Len(t, got, 2)
				assert.Regexp(t, hex32, ids[0])
				assert.NotEqual(t, ids[0], ids[1])
				assert.Equal(t, ids, deviceIDs(got))
			}},
		{"created now unless given", []fakeepic.DeviceAuth{{AccountID: accountA}, epicsDeviceAuth},
			func(t *testing.T, _ []string, got []fakeepic.DeviceAuth) {
				require.Len(t, got, 2)
				assert.Equal(t, clock.Now(), got[0].Created.Time)
				assert.Equal(t, epicsDeviceAuth, got[1])
			}},
		{"the same device id replaces, where it stands", []fakeepic.DeviceAuth{
			{DeviceID: deviceA1, AccountID: accountA, UserAgent: "first"},
			{DeviceID: deviceA2, AccountID: accountA},
			{DeviceID: deviceA1, AccountID: accountA, UserAgent: "second"},
		}, func(t *testing.T, ids []string, got []fakeepic.DeviceAuth) {
			assert.Equal(t, []string{deviceA1, deviceA2, deviceA1}, ids)
			require.Equal(t, []string{deviceA1, deviceA2}, deviceIDs(got))
			assert.Equal(t, "second", got[0].UserAgent)
		}},
		{"the same device id under another account is another device auth", []fakeepic.DeviceAuth{
			{DeviceID: deviceA1, AccountID: accountA},
			{DeviceID: deviceA1, AccountID: accountB},
		}, func(t *testing.T, _ []string, got []fakeepic.DeviceAuth) {
			assert.Equal(t, []string{deviceA1}, deviceIDs(got))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeepic.New()
			s.SetClock(clock.Now)
			var ids []string
			for _, d := range tc.add {
				ids = append(ids, s.AddDeviceAuth(d))
			}

			tc.check(t, ids, s.DeviceAuths(accountA))
		})
	}
}

func TestDeviceAuthsAreCopies(t *testing.T) {
	s := fakeepic.New()
	added := epicsDeviceAuth
	last := *added.LastAccess
	added.LastAccess = &last
	s.AddDeviceAuth(added)
	last.Location = "changed after adding"

	got := s.DeviceAuths(accountA)
	require.Len(t, got, 1)
	got[0].LastAccess.Location = "changed after reading"
	got[0].UserAgent = "changed after reading"

	assert.Equal(t, []fakeepic.DeviceAuth{epicsDeviceAuth}, s.DeviceAuths(accountA))
	assert.Empty(t, s.DeviceAuths(accountB))
}
