//go:build !js

package fakeepic_test

import (
	"encoding/json"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// permissionTable holds Epic's permission rule as cases that the extension's
// pre-check (internal/epic) runs against its own matching too. It lives with
// package epic, the extension's statement of Epic's contract; reading it is
// all the fake takes from there.
const permissionTable = "../epic/testdata/permissions.json"

// verbs are Epic's names for the action bits, as its kill table and its
// missing_permission answers write them.
var verbs = map[string]int{
	"CREATE": fakeepic.Create,
	"READ":   fakeepic.Read,
	"UPDATE": fakeepic.Update,
	"DELETE": fakeepic.Delete,
	"ALL":    fakeepic.All,
}

func TestPermissionTable(t *testing.T) {
	data, err := os.ReadFile(permissionTable)
	require.NoError(t, err)
	var table struct {
		Cases []struct {
			Name, Note string
			Perms      []fakeepic.Permission
			// Either Need, or KillType used by a Session ("account" or "client-only").
			Need              *struct{ Resource, Action string }
			KillType, Session string
			Granted           bool
		}
	}
	require.NoError(t, json.Unmarshal(data, &table))
	require.NotEmpty(t, table.Cases)
	for _, tc := range table.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			if tc.Need != nil {
				action, ok := verbs[tc.Need.Action]
				require.True(t, ok, "action %q", tc.Need.Action)
				assert.Equal(t, tc.Granted, fakeepic.Permits(tc.Perms, tc.Need.Resource, action), tc.Note)
				return
			}
			// The kill itself, so that the fake picks the permission by its
			// own reading of the session's holder.
			grant := fakeepic.Grant{ClientID: client1, Permissions: tc.Perms}
			switch tc.Session {
			case "account":
				grant.AccountID = accountA
			case "client-only":
			default:
				t.Fatalf("session %q is neither account nor client-only", tc.Session)
			}
			s := fakeepic.New()

			rec := kill(t, s, s.Issue(grant), tc.KillType)

			if tc.Granted {
				requireNoContent(t, rec)
			} else {
				// 403 missing_permission, or 400 for a kill type that a
				// client-only session cannot use at all
				assert.Contains(t, []int{http.StatusForbidden, http.StatusBadRequest}, rec.Code, rec.Body.String())
			}
		})
	}
}
