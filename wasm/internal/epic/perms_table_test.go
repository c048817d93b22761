//go:build !js

// It reads testdata, which a browser test cannot.

package epic

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// permissionTable holds Epic's permission rule as cases that the fake
// account service (internal/fakeepic) runs against its own matching too.
const permissionTable = "testdata/permissions.json"

type permissionCase struct {
	Name, Note string
	Perms      []GrantedPermission
	// Either Need, or KillType used by a Session ("account" or "client-only").
	Need              *struct{ Resource, Action string }
	KillType, Session string
	Granted           bool
}

func readPermissionTable(t *testing.T) []permissionCase {
	t.Helper()
	data, err := os.ReadFile(permissionTable)
	require.NoError(t, err)
	var table struct{ Cases []permissionCase }
	require.NoError(t, json.Unmarshal(data, &table))
	require.NotEmpty(t, table.Cases)
	return table.Cases
}

func TestPermissionTable(t *testing.T) {
	for _, tc := range readPermissionTable(t) {
		t.Run(tc.Name, func(t *testing.T) {
			require.NotNil(t, tc.Perms, "a case's list is known, if empty")
			if tc.Need != nil {
				require.Empty(t, tc.KillType, "a case asks for need or for a kill type")
				assert.Equal(t, tc.Granted, Grants(tc.Perms, Permission{Resource: tc.Need.Resource, Action: tc.Need.Action}), tc.Note)
				return
			}
			kt, err := ParseKillType(tc.KillType)
			require.NoError(t, err)
			verdict, _ := Usable(tc.Perms, sessionHolder(t, tc.Session), kt)
			assert.Equal(t, tc.Granted, verdict == VerdictAllowed, "%s %s", verdict, tc.Note)
		})
	}
}

// sessionHolder decides the holder as verify's answer does: by whether the
// session has an account.
func sessionHolder(t *testing.T, session string) string {
	t.Helper()
	switch session {
	case "account":
		return (&VerifiedToken{AccountID: "94b1569506b04f9f8557af611e8c5e47"}).Holder()
	case "client-only":
		return (&VerifiedToken{}).Holder()
	}
	t.Fatalf("session %q is neither account nor client-only", session)
	return ""
}

// The table must try every kill type with both kinds of session, so that the
// two kill-type tables cannot drift apart unnoticed.
func TestPermissionTableCoversEveryKillType(t *testing.T) {
	tried := map[[2]string]bool{}
	for _, tc := range readPermissionTable(t) {
		tried[[2]string{tc.KillType, tc.Session}] = true
	}
	for _, kt := range KillTypes {
		for _, session := range []string{"account", "client-only"} {
			assert.True(t, tried[[2]string{kt.Name, session}], "%s for a %s session", kt.Name, session)
		}
	}
}
