package epic

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKillTypesMatchTheSpec(t *testing.T) {
	type perm struct{ holder, resource string }
	// ends: it ends the token used too; wide: it reaches beyond the
	// token's app; common: the published game clients hold its permission.
	want := []struct {
		name               string
		perms              []perm
		ends, wide, common bool
	}{
		{"OTHERS_ACCOUNT_CLIENT_SERVICE", []perm{{"Account", "account:token:otherSessionsForAccountClientService"}}, false, false, true},
		{"OTHERS_ACCOUNT_CLIENT", []perm{{"Account", "account:token:otherSessionsForAccountClient"}}, false, false, true},
		{"OTHERS_SAME_SOURCE_ID", []perm{{"Account", "account:token:otherSessionsWithSameSourceId"}}, false, true, false},
		{"OTHERS", []perm{{"Client", "account:token:otherSessionsForClient"}, {"Account", "account:token:otherSessionsForAccount"}}, false, true, false},
		{"ALL", []perm{{"Client", "account:token:allSessionsForClient"}, {"Account", "account:token:allSessionsForAccount"}}, true, true, false},
		{"ALL_ACCOUNT_CLIENT", []perm{{"Account", "account:token:allSessionsForAccountClient"}}, true, false, false},
	}
	require.Len(t, KillTypes, len(want))
	for i, w := range want {
		kt := KillTypes[i]
		t.Run(w.name, func(t *testing.T) {
			assert.Equal(t, w.name, kt.Name)
			assert.Equal(t, w.ends, kt.EndsCurrentSession, "ends this session")
			assert.Equal(t, w.wide, kt.AccountWide, "account-wide")
			assert.Equal(t, w.common, kt.CommonlyGranted, "commonly granted")
			require.Len(t, kt.Permissions, len(w.perms))
			for j, p := range w.perms {
				assert.Equal(t, p.holder, kt.Permissions[j].Holder)
				assert.Equal(t, p.resource, kt.Permissions[j].Resource)
				assert.Equal(t, "DELETE", kt.Permissions[j].Action)
			}
		})
	}
}

func TestParseKillType(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{in: "OTHERS", want: "OTHERS"},
		{in: "others_account_client", want: "OTHERS_ACCOUNT_CLIENT"},
		{in: "  All_Account_Client\n", want: "ALL_ACCOUNT_CLIENT"},
		{in: "\tall ", want: "ALL"},
		{in: "Others_Same_Source_Id", want: "OTHERS_SAME_SOURCE_ID"},
		{in: "OTHERS_ACCOUNT_CLIENT_SERVICE", want: "OTHERS_ACCOUNT_CLIENT_SERVICE"},
		{in: "", wantErr: "no kill type chosen: choose one of OTHERS_ACCOUNT_CLIENT_SERVICE, OTHERS_ACCOUNT_CLIENT, OTHERS_SAME_SOURCE_ID, OTHERS, ALL, ALL_ACCOUNT_CLIENT"},
		{in: "EVERYTHING", wantErr: `unknown kill type "EVERYTHING": choose one of OTHERS_ACCOUNT_CLIENT_SERVICE, OTHERS_ACCOUNT_CLIENT, OTHERS_SAME_SOURCE_ID, OTHERS, ALL, ALL_ACCOUNT_CLIENT`},
		{in: "OTHERS ACCOUNT CLIENT", wantErr: `unknown kill type "OTHERS ACCOUNT CLIENT"`},
		{in: "ALL,OTHERS", wantErr: `unknown kill type "ALL,OTHERS"`},
		{in: "OTHERSX", wantErr: `unknown kill type "OTHERSX"`},
		{in: strings.Repeat("é", 60), wantErr: `unknown kill type "` + strings.Repeat("é", 40) + `…": choose one of`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			kt, err := ParseKillType(tt.in)
			if tt.wantErr != "" {
				var kte *KillTypeError
				require.ErrorAs(t, err, &kte)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Zero(t, kt)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, kt.Name)
		})
	}
}
