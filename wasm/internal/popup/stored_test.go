package popup

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp/timestamptest"
)

// The stored values as encoding/json reads and writes them: the same fields
// under tags that carry the member names, each time a refTime.

// refTime is a stored time as the popup reads it: what time.Time's
// UnmarshalJSON reads, but in RFC 3339's own shape only, and in UTC. It
// writes as time.Time writes.
type refTime struct{ time.Time }

func (r *refTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	t := r.Time
	if err := t.UnmarshalJSON(b); err != nil {
		r.Time = t // as time.Time leaves it: zeroed, unless b is no string
		return err
	}
	if !timestamptest.RFC3339.Match(b[1 : len(b)-1]) { // b is a JSON string: UnmarshalJSON took it
		r.Time = time.Time{}
		return errors.New("not in RFC 3339's own shape")
	}
	r.Time = t.UTC()
	return nil
}

type jsonSavedToken struct {
	Token      string             `json:"token"`
	FromSignIn bool               `json:"fromSignIn,omitempty"`
	Verified   *jsonVerifiedToken `json:"verified,omitempty"`
}

// jsonVerifiedToken is epic.VerifiedToken, whose fields are stored under
// their Go names, with a tagged permission list.
type jsonVerifiedToken struct {
	TokenType      string
	ClientID       string
	InternalClient bool
	ClientService  string
	AccountID      string
	ExpiresIn      int
	ExpiresAt      refTime
	AuthMethod     string
	DisplayName    string
	App            string
	InAppID        string
	DeviceID       string
	Perms          []jsonPermission
}

type jsonPermission struct {
	Resource string `json:"resource"`
	Action   int    `json:"action"`
}

type jsonHistoryEntry struct {
	Time     refTime `json:"time"`
	KillType string  `json:"killType"`
	Status   int     `json:"status"`
	Code     string  `json:"code,omitempty"`
	Success  bool    `json:"success"`
	Logins   int     `json:"logins,omitempty"`
	Login    string  `json:"login,omitempty"`
}

type jsonInFlight struct {
	KillType string  `json:"killType"`
	Time     refTime `json:"time"`
}

type jsonShownOutcome struct {
	Outcome     string   `json:"outcome"`
	Message     string   `json:"message"`
	Advice      []string `json:"advice"`
	WaitAt      int      `json:"waitAt"`
	Details     string   `json:"details,omitempty"`
	GrantAccess bool     `json:"grantAccess,omitempty"`
}

func toJSONSavedToken(s savedToken) jsonSavedToken {
	j := jsonSavedToken{Token: s.Token, FromSignIn: s.FromSignIn}
	if v := s.Verified; v != nil {
		j.Verified = &jsonVerifiedToken{
			TokenType: v.TokenType, ClientID: v.ClientID, InternalClient: v.InternalClient, ClientService: v.ClientService,
			AccountID: v.AccountID, ExpiresIn: v.ExpiresIn, ExpiresAt: refTime{v.ExpiresAt}, AuthMethod: v.AuthMethod,
			DisplayName: v.DisplayName, App: v.App, InAppID: v.InAppID, DeviceID: v.DeviceID,
		}
		if v.Perms != nil {
			j.Verified.Perms = make([]jsonPermission, len(v.Perms))
			for i, p := range v.Perms {
				j.Verified.Perms[i] = jsonPermission(p)
			}
		}
	}
	return j
}

func (j jsonSavedToken) saved() savedToken {
	s := savedToken{Token: j.Token, FromSignIn: j.FromSignIn}
	if v := j.Verified; v != nil {
		s.Verified = &epic.VerifiedToken{
			TokenType: v.TokenType, ClientID: v.ClientID, InternalClient: v.InternalClient, ClientService: v.ClientService,
			AccountID: v.AccountID, ExpiresIn: v.ExpiresIn, ExpiresAt: v.ExpiresAt.Time, AuthMethod: v.AuthMethod,
			DisplayName: v.DisplayName, App: v.App, InAppID: v.InAppID, DeviceID: v.DeviceID,
		}
		if v.Perms != nil {
			s.Verified.Perms = make([]epic.GrantedPermission, len(v.Perms))
			for i, p := range v.Perms {
				s.Verified.Perms[i] = epic.GrantedPermission(p)
			}
		}
	}
	return s
}

func toJSONHistory(entries []historyEntry) []jsonHistoryEntry {
	if entries == nil {
		return nil
	}
	out := make([]jsonHistoryEntry, len(entries))
	for i, e := range entries {
		out[i] = jsonHistoryEntry{refTime{e.Time}, e.KillType, e.Status, e.Code, e.Success, e.Logins, e.Login}
	}
	return out
}

func fromJSONHistory(entries []jsonHistoryEntry) []historyEntry {
	if entries == nil {
		return nil
	}
	out := make([]historyEntry, len(entries))
	for i, e := range entries {
		out[i] = historyEntry{e.Time.Time, e.KillType, e.Status, e.Code, e.Success, e.Logins, e.Login}
	}
	return out
}

// A field added to one of these types must be added to stored.go, and to
// the mirrors above (historyEntry and inFlight are copied field by field in
// order, and shownOutcome converts to its own, so the compiler checks those).
func TestTheStoredTypesHaveTheMirroredFields(t *testing.T) {
	names := func(v any) []string {
		var out []string
		for f := range reflect.TypeOf(v).Fields() {
			out = append(out, f.Name)
		}
		return out
	}
	assert.Equal(t, names(savedToken{}), names(jsonSavedToken{}))
	assert.Equal(t, names(epic.VerifiedToken{}), names(jsonVerifiedToken{}))
}

var verifiedToken = &epic.VerifiedToken{
	TokenType: "bearer", ClientID: "34a02cf8f4414e29b15921876da36f9a", InternalClient: true, ClientService: "launcher",
	AccountID: "94b1569506b04f9f8557af611e8c5e47", ExpiresIn: 16462, ExpiresAt: time.Date(2026, 11, 27, 22, 35, 48, 10_000_000, time.UTC),
	AuthMethod: "exchange_code", DisplayName: "<Zoë & \u2028co>", App: "launcher", InAppID: "94b1569506b04f9f8557af611e8c5e47",
	DeviceID: "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1",
	Perms:    []epic.GrantedPermission{{Resource: "launcher:download:live", Action: 2}, onlyAccountClient},
}

// storedVerifiedToken is verifiedToken as stored, with perms as its
// permission list.
func storedVerifiedToken(perms string) string {
	return `{"TokenType":"bearer","ClientID":"34a02cf8f4414e29b15921876da36f9a","InternalClient":true,` +
		`"ClientService":"launcher","AccountID":"94b1569506b04f9f8557af611e8c5e47","ExpiresIn":16462,` +
		`"ExpiresAt":"2026-11-27T22:35:48.01Z","AuthMethod":"exchange_code","DisplayName":"\u003cZoë \u0026 \u2028co\u003e",` +
		`"App":"launcher","InAppID":"94b1569506b04f9f8557af611e8c5e47","DeviceID":"d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1",` +
		`"Perms":` + perms + `}`
}

const storedPerms = `[{"resource":"launcher:download:live","action":2},{"resource":"account:token:otherSessionsForAccountClient","action":8}]`

func withPerms(perms []epic.GrantedPermission) *epic.VerifiedToken {
	v := *verifiedToken
	v.Perms = perms
	return &v
}

// Each case is stored as encoding/json stored it, so a value kept by any
// popup of the browser session reads back the same.
func TestTheSavedTokenIsStoredAsEncodingJSONStoresIt(t *testing.T) {
	tests := []struct {
		name   string
		saved  savedToken
		stored string
	}{
		{"pasted", savedToken{Token: token}, `{"token":"065981d58ba642e7ac6ef7d6c4ed15b2"}`},
		{"from the sign-in", savedToken{Token: "eg1~a.b.c", FromSignIn: true}, `{"token":"eg1~a.b.c","fromSignIn":true}`},
		{"verified", savedToken{Token: token, FromSignIn: true, Verified: verifiedToken},
			`{"token":"065981d58ba642e7ac6ef7d6c4ed15b2","fromSignIn":true,"verified":` + storedVerifiedToken(storedPerms) + `}`},
		{"verified without a permission list", savedToken{Token: token, Verified: withPerms(nil)},
			`{"token":"065981d58ba642e7ac6ef7d6c4ed15b2","verified":` + storedVerifiedToken(`null`) + `}`},
		{"verified with an empty permission list", savedToken{Token: token, Verified: withPerms([]epic.GrantedPermission{})},
			`{"token":"065981d58ba642e7ac6ef7d6c4ed15b2","verified":` + storedVerifiedToken(`[]`) + `}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(toJSONSavedToken(tt.saved))
			require.NoError(t, err)
			require.Equal(t, tt.stored, string(marshalled), "the case disagrees with encoding/json")

			stored, err := encodeSavedToken(tt.saved)
			require.NoError(t, err)
			assert.Equal(t, tt.stored, string(stored))
			read, err := decodeSavedToken(tt.stored)
			require.NoError(t, err)
			assert.Equal(t, tt.saved, read)
		})
	}
}

func TestTheHistoryIsStoredAsEncodingJSONStoresIt(t *testing.T) {
	later := start.Add(90*time.Second + 250*time.Millisecond)
	tests := []struct {
		name    string
		history []historyEntry
		stored  string
	}{
		{"a success", []historyEntry{{Time: start, KillType: "OTHERS", Status: 204, Success: true}},
			`[{"time":"2026-11-27T20:00:00Z","killType":"OTHERS","status":204,"success":true}]`},
		{"a failure, a kill that got no answer, a success",
			[]historyEntry{
				{Time: later, KillType: "ALL", Status: 403, Code: "errors.com.epicgames.common.missing_permission"},
				{Time: start.In(time.FixedZone("", -5*3600)), KillType: "OTHERS"},
				{Time: start, KillType: "OTHERS_ACCOUNT_CLIENT", Status: 204, Success: true},
			},
			`[{"time":"2026-11-27T20:01:30.25Z","killType":"ALL","status":403,"code":"errors.com.epicgames.common.missing_permission","success":false},` +
				`{"time":"2026-11-27T15:00:00-05:00","killType":"OTHERS","status":0,"success":false},` +
				`{"time":"2026-11-27T20:00:00Z","killType":"OTHERS_ACCOUNT_CLIENT","status":204,"success":true}]`},
		{"empty", []historyEntry{}, `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(toJSONHistory(tt.history))
			require.NoError(t, err)
			require.Equal(t, tt.stored, string(marshalled), "the case disagrees with encoding/json")

			stored, err := encodeHistory(tt.history)
			require.NoError(t, err)
			assert.Equal(t, tt.stored, string(stored))
			var read []historyEntry
			require.NoError(t, decodeHistory(tt.stored, &read))
			require.Len(t, read, len(tt.history))
			for i := range read {
				assert.True(t, tt.history[i].Time.Equal(read[i].Time), "entry %d's time", i)
				read[i].Time = tt.history[i].Time
			}
			assert.Equal(t, tt.history, read)
		})
	}
}

func TestTheInFlightMarkIsStoredAsEncodingJSONStoresIt(t *testing.T) {
	tests := []struct {
		name   string
		mark   inFlight
		stored string
	}{
		{"a kill type", inFlight{KillType: "OTHERS_ACCOUNT_CLIENT", Time: start}, `{"killType":"OTHERS_ACCOUNT_CLIENT","time":"2026-11-27T20:00:00Z"}`},
		{"this session", inFlight{KillType: epic.OwnSession.Name, Time: start.Add(time.Nanosecond)},
			`{"killType":"` + epic.OwnSession.Name + `","time":"2026-11-27T20:00:00.000000001Z"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(jsonInFlight{tt.mark.KillType, refTime{tt.mark.Time}})
			require.NoError(t, err)
			require.Equal(t, tt.stored, string(marshalled), "the case disagrees with encoding/json")

			stored, err := encodeInFlight(tt.mark)
			require.NoError(t, err)
			assert.Equal(t, tt.stored, string(stored))
			read, err := decodeInFlight(tt.stored)
			require.NoError(t, err)
			assert.Equal(t, tt.mark, read)
		})
	}
}

func TestTheShownOutcomeIsStoredAsEncodingJSONStoresIt(t *testing.T) {
	tests := []struct {
		name   string
		kept   shownOutcome
		stored string
	}{
		{"a success with its advice",
			shownOutcome{Outcome: "success", Message: "Your other logins of this app were signed out.",
				Advice: []string{"This token still works.", "Change your password."}, WaitAt: -1, Details: "Time: 2026-11-27T20:00:00Z\nHTTP status: 204\n"},
			`{"outcome":"success","message":"Your other logins of this app were signed out.",` +
				`"advice":["This token still works.","Change your password."],"waitAt":-1,"details":"Time: 2026-11-27T20:00:00Z\nHTTP status: 204\n"}`},
		{"a wait, said by the second advice",
			shownOutcome{Outcome: "error", Message: "Epic is limiting requests for now.",
				Advice: []string{"Nothing was signed out.", "Try again in 3 min 41 s."}, WaitAt: 1, Details: "errorCode: <b>&\u2028"},
			`{"outcome":"error","message":"Epic is limiting requests for now.","advice":["Nothing was signed out.","Try again in 3 min 41 s."],` +
				`"waitAt":1,"details":"errorCode: \u003cb\u003e\u0026\u2028"}`},
		{"no advice and no details", shownOutcome{Outcome: "success", Message: "The token in this popup was signed out.", WaitAt: -1},
			`{"outcome":"success","message":"The token in this popup was signed out.","advice":null,"waitAt":-1}`},
		{"an empty advice", shownOutcome{Outcome: "error", Message: "m", Advice: []string{}},
			`{"outcome":"error","message":"m","advice":[],"waitAt":0}`},
		{"access to grant again", shownOutcome{Outcome: "error", Message: "m", WaitAt: -1, GrantAccess: true},
			`{"outcome":"error","message":"m","advice":null,"waitAt":-1,"grantAccess":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(jsonShownOutcome(tt.kept))
			require.NoError(t, err)
			require.Equal(t, tt.stored, string(marshalled), "the case disagrees with encoding/json")

			stored, err := encodeShownOutcome(tt.kept)
			require.NoError(t, err)
			assert.Equal(t, tt.stored, string(stored))
			read, err := decodeShownOutcome(tt.stored)
			require.NoError(t, err)
			assert.Equal(t, tt.kept, read)
		})
	}
}

func TestAStoredValueThatCannotBeWrittenIsNotStored(t *testing.T) {
	tooLate := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err := json.Marshal(jsonInFlight{Time: refTime{tooLate}})
	require.Error(t, err, "encoding/json refuses the year 10000 too")

	_, err = encodeInFlight(inFlight{KillType: "OTHERS", Time: tooLate})
	assert.Error(t, err)
	_, err = encodeHistory([]historyEntry{{Time: start}, {Time: tooLate}})
	assert.Error(t, err)
	_, err = encodeSavedToken(savedToken{Token: token, Verified: &epic.VerifiedToken{ExpiresAt: tooLate}})
	assert.Error(t, err)
}

// Storage holds what the popup wrote, but an odd value reads as
// encoding/json reads it all the same.
func TestOddStoredValuesReadAsEncodingJSONReadsThem(t *testing.T) {
	tests := []struct {
		name    string
		stored  string
		want    savedToken
		wantErr bool
	}{
		{name: "names in another case", stored: `{"TOKEN":"x","FromSignIn":true,"Verified":{"clientid":"c"}}`,
			want: savedToken{Token: "x", FromSignIn: true, Verified: &epic.VerifiedToken{ClientID: "c"}}},
		{name: "null fields", stored: `{"token":"x","fromSignIn":null,"verified":null}`, want: savedToken{Token: "x"}},
		{name: "other members", stored: `{"token":"x","theme":"dark"}`, want: savedToken{Token: "x"}},
		{name: "a repeated verified decodes over the first", stored: `{"verified":{"App":"a"},"verified":{"ClientID":"c"}}`,
			want: savedToken{Verified: &epic.VerifiedToken{App: "a", ClientID: "c"}}},
		{name: "a field of the wrong type", stored: `{"token":"x","fromSignIn":"yes"}`, wantErr: true},
		{name: "an escaped time", stored: `{"token":"x","verified":{"ExpiresAt":"2026-11-27T20:00:00\u005a"}}`, wantErr: true},
		{name: "not JSON", stored: `{"token":"x"`, wantErr: true},
		{name: "not an object", stored: `["x"]`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fromJSON jsonSavedToken
			err := json.Unmarshal([]byte(tt.stored), &fromJSON)
			require.Equal(t, tt.wantErr, err != nil, "the case disagrees with encoding/json: %v", err)
			if !tt.wantErr {
				require.Equal(t, tt.want, fromJSON.saved(), "the case disagrees with encoding/json")
			}

			read, err := decodeSavedToken(tt.stored)
			assert.Equal(t, tt.wantErr, err != nil, "%v", err)
			if !tt.wantErr {
				assert.Equal(t, tt.want, read)
			}
		})
	}
}
