//go:build !js

package popup

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
)

// FuzzStoredValuesMatchEncodingJSON reads any text as each stored value,
// with stored.go and with encoding/json into the mirrors of stored_test.go,
// and writes back what was read both ways: the two must agree on all of it,
// what a failed read leaves in the history included.
func FuzzStoredValuesMatchEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		`{"token":"065981d58ba642e7ac6ef7d6c4ed15b2","fromSignIn":true,"verified":` + storedVerifiedToken(storedPerms) + `}`,
		`{"token":"x","verified":{"Perms":[{"resource":"a","action":1},{"resource":"b"}],"PERMS":[{"action":2}]}}`,
		`{"token":"x","verified":{"Perms":[{"resource":"a"},{"resource":"b"},{"resource":"c"}],"Perms":[null],"Perms":[null,null,null]}}`,
		`{"token":"x","verified":{"ExpiresAt":"2026-11-27T20:00:00.5+05:30","ExpiresIn":1e2}}`,
		`[{"time":"2026-11-27T20:01:30.25Z","killType":"ALL","status":403,"code":"<b>","success":false},{"time":"2026-11-27T15:00:00-05:00","killType":"OTHERS"}]`,
		`[{"status":"x","killType":"OTHERS"},null,{"time":5,"killType":"ALL"},{"killType":"never"}]`,
		`{"killType":"OTHERS_ACCOUNT_CLIENT","time":"2026-11-27T20:00:00Z","Time":null}`,
		`{"killType":"ALL","time":"10000-01-01T00:00:00Z"}`, `null`, `[]`, `{}`, `"x"`,
		`{"outcome":"error","message":"Epic is limiting requests for now.","advice":["Nothing was signed out.","Try again in 3 min 41 s."],"waitAt":1,"details":"errorCode: \u003cb\u003e"}`,
		`{"OUTCOME":"success","advice":null,"Advice":["a",null,"b"],"waitAt":-1,"waitat":2.0,"details":null}`,
		`{"outcome":"error","advice":["a"],"advice":[],"waitAt":1e1,"message":5}`,
		`{"outcome":"error","advice":"a","waitAt":99999999999999999999}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > jsonvalue.MaxDepth {
			return // may nest deeper than the popup reads, where encoding/json goes on
		}
		text := string(data)

		saved, err := decodeSavedToken(text)
		var savedJSON jsonSavedToken
		errJSON := json.Unmarshal(data, &savedJSON)
		require.Equal(t, errJSON == nil, err == nil, "savedToken: %v; encoding/json: %v", err, errJSON)
		if err == nil {
			require.Equal(t, savedJSON.saved(), saved)
			stored, err := encodeSavedToken(saved)
			storedJSON, errJSON := json.Marshal(savedJSON)
			requireSameWriting(t, storedJSON, errJSON, stored, err)
		}

		var history []historyEntry
		err = decodeHistory(text, &history)
		var historyJSON []jsonHistoryEntry
		errJSON = json.Unmarshal(data, &historyJSON)
		require.Equal(t, errJSON == nil, err == nil, "history: %v; encoding/json: %v", err, errJSON)
		require.Equal(t, fromJSONHistory(historyJSON), history)
		stored, err := encodeHistory(history)
		storedJSON, errJSON := json.Marshal(historyJSON)
		requireSameWriting(t, storedJSON, errJSON, stored, err)

		kept, err := decodeShownOutcome(text)
		// A kept outcome without waitAt says no wait, as decodeShownOutcome reads it.
		keptJSON := jsonShownOutcome{WaitAt: -1}
		errJSON = json.Unmarshal(data, &keptJSON)
		require.Equal(t, errJSON == nil, err == nil, "shownOutcome: %v; encoding/json: %v", err, errJSON)
		if err == nil {
			require.Equal(t, shownOutcome(keptJSON), kept)
			stored, err := encodeShownOutcome(kept)
			storedJSON, errJSON := json.Marshal(keptJSON)
			requireSameWriting(t, storedJSON, errJSON, stored, err)
		}

		mark, err := decodeInFlight(text)
		var markJSON jsonInFlight
		errJSON = json.Unmarshal(data, &markJSON)
		require.Equal(t, errJSON == nil, err == nil, "inFlight: %v; encoding/json: %v", err, errJSON)
		if err == nil {
			require.Equal(t, inFlight{markJSON.KillType, markJSON.Time.Time}, mark)
			stored, err := encodeInFlight(mark)
			storedJSON, errJSON := json.Marshal(markJSON)
			requireSameWriting(t, storedJSON, errJSON, stored, err)
		}
	})
}

func requireSameWriting(t *testing.T, want []byte, wantErr error, got []byte, err error) {
	t.Helper()
	require.Equal(t, wantErr == nil, err == nil, "writing: %v; encoding/json: %v", err, wantErr)
	require.Equal(t, string(want), string(got))
}
