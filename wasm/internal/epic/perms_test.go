package epic

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestResourceMatches(t *testing.T) {
	tests := []struct {
		pattern, resource string
		want              bool
	}{
		{"account:token:otherSessionsForAccountClient", "account:token:otherSessionsForAccountClient", true},
		{"account:token:otherSessionsForAccountClient", "account:token:otherSessionsForAccountClientService", false},
		{"account:token:*", "account:token:otherSessionsForAccountClient", true},
		{"account:*", "account:token:otherSessionsForAccountClient", true},
		{"*", "account:token:allSessionsForAccount", true},
		{"account:token:*", "account:token", false},
		{"account:token:*", "account:tokens:x", false},
		{"account:*:otherSessionsForAccountClient", "account:token:otherSessionsForAccountClient", true},
		{"account:*:otherSessionsForAccountClient", "account:token:allSessionsForAccountClient", false},
		{"account:*:otherSessionsForAccountClient", "account:token:x:otherSessionsForAccountClient", false},
		{"xmpp:session:*:abc", "xmpp:session:fortnite:abc", true},
		{"account:*:*", "account:token:x", true},
		{"account:*:*", "account:token", false},
		{"account:token", "account:token:otherSessionsForAccount", false},
		{"account:token:otherSessionsForAccount:extra", "account:token:otherSessionsForAccount", false},
		{"Account:Token:*", "account:token:otherSessionsForAccount", false},
		{"account:token:othersessionsforaccount", "account:token:otherSessionsForAccount", false},
		{"account:token:other*", "account:token:otherSessionsForAccount", false},
		{"", "account:token:otherSessionsForAccount", false},
		{"account:token:*", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" vs "+tt.resource, func(t *testing.T) {
			assert.Equal(t, tt.want, ResourceMatches(tt.pattern, tt.resource))
		})
	}
}

func TestGrants(t *testing.T) {
	need := Permission{HolderAccount, "account:token:otherSessionsForAccountClient", "DELETE"}
	tests := []struct {
		name  string
		perms []GrantedPermission
		need  Permission
		want  bool
	}{
		{"exact DELETE", []GrantedPermission{{"account:token:otherSessionsForAccountClient", ActionDelete}}, need, true},
		{"ALL bits", []GrantedPermission{{"account:token:otherSessionsForAccountClient", ActionAll}}, need, true},
		{"11 has DELETE", []GrantedPermission{{"account:token:otherSessionsForAccountClient", 11}}, need, true},
		{"READ only", []GrantedPermission{{"account:token:otherSessionsForAccountClient", ActionRead}}, need, false},
		{"7 lacks DELETE", []GrantedPermission{{"account:token:otherSessionsForAccountClient", 7}}, need, false},
		{"wildcard", []GrantedPermission{{"account:token:*", ActionDelete}}, need, true},
		{"second entry grants", []GrantedPermission{{"account:token:*", ActionRead}, {"account:*:otherSessionsForAccountClient", ActionDelete}}, need, true},
		{"empty list", []GrantedPermission{}, need, false},
		{"lower-case action name", []GrantedPermission{{"account:token:*", ActionDelete}}, Permission{HolderAccount, need.Resource, "delete"}, true},
		{"unknown action name", []GrantedPermission{{"account:token:*", ActionAll}}, Permission{HolderAccount, need.Resource, "PURGE"}, false},
		{"multi-bit need", []GrantedPermission{{"account:token:*", ActionDelete}}, Permission{HolderAccount, need.Resource, "ALL"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Grants(tt.perms, tt.need))
		})
	}
}

func TestUsable(t *testing.T) {
	kt := func(name string) KillType {
		k, err := ParseKillType(name)
		if err != nil {
			panic(err)
		}
		return k
	}
	tests := []struct {
		name        string
		perms       []GrantedPermission
		holder      string
		kt          string
		want        Verdict
		wantMissing string // resource
	}{
		{"unknown list", nil, HolderAccount, "ALL", VerdictUnknown, ""},
		{"unknown holder", []GrantedPermission{}, "", "ALL", VerdictUnknown, ""},
		{"empty list blocks", []GrantedPermission{}, HolderAccount, "OTHERS_ACCOUNT_CLIENT", VerdictNotAllowed, "account:token:otherSessionsForAccountClient"},
		{"fortnite client", fortnitePerms, HolderAccount, "OTHERS_ACCOUNT_CLIENT", VerdictAllowed, ""},
		{"fortnite client, service", fortnitePerms, HolderAccount, "OTHERS_ACCOUNT_CLIENT_SERVICE", VerdictAllowed, ""},
		{"fortnite client, OTHERS", fortnitePerms, HolderAccount, "OTHERS", VerdictNotAllowed, "account:token:otherSessionsForAccount"},
		{"fortnite client, ALL", fortnitePerms, HolderAccount, "ALL", VerdictNotAllowed, "account:token:allSessionsForAccount"},
		{"wildcard allows OTHERS for an account", []GrantedPermission{{"account:token:*", ActionDelete}}, HolderAccount, "OTHERS", VerdictAllowed, ""},
		{"client row ignored for an account", []GrantedPermission{{"account:token:otherSessionsForClient", ActionDelete}}, HolderAccount, "OTHERS", VerdictNotAllowed, "account:token:otherSessionsForAccount"},
		{"client session checks the client row", []GrantedPermission{{"account:token:otherSessionsForClient", ActionDelete}}, HolderClient, "OTHERS", VerdictAllowed, ""},
		{"client session lacking it", []GrantedPermission{{"account:token:otherSessionsForAccount", ActionDelete}}, HolderClient, "OTHERS", VerdictNotAllowed, "account:token:otherSessionsForClient"},
		{"client session, account-only type", []GrantedPermission{{"account:token:*", ActionDelete}}, HolderClient, "OTHERS_ACCOUNT_CLIENT", VerdictNotAllowed, "account:token:otherSessionsForAccountClient"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, missing := Usable(tt.perms, tt.holder, kt(tt.kt))
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.wantMissing, missing.Resource)
			if tt.want == VerdictNotAllowed {
				assert.Equal(t, "DELETE", missing.Action)
			}
		})
	}
}

// fortnitePerms is the account:token part of a Fortnite client's list.
var fortnitePerms = []GrantedPermission{
	{"account:public:account", ActionRead},
	{"account:token:otherSessionsForAccountClient", ActionDelete},
	{"account:token:otherSessionsForAccountClientService", ActionDelete},
	{"xmpp:session:*:94b1569506b04f9f8557af611e8c5e47", ActionCreate},
}

func TestCheckKillTypes(t *testing.T) {
	checks := CheckKillTypes(fortnitePerms, HolderAccount)
	got := map[string]Verdict{}
	for i, c := range checks {
		assert.Equal(t, KillTypes[i].Name, c.KillType.Name)
		got[c.KillType.Name] = c.Verdict
		if c.Verdict == VerdictNotAllowed {
			assert.Equal(t, HolderAccount, c.Missing.Holder)
		} else {
			assert.Zero(t, c.Missing)
		}
	}
	assert.Equal(t, map[string]Verdict{
		"OTHERS_ACCOUNT_CLIENT_SERVICE": VerdictAllowed,
		"OTHERS_ACCOUNT_CLIENT":         VerdictAllowed,
		"OTHERS_SAME_SOURCE_ID":         VerdictNotAllowed,
		"OTHERS":                        VerdictNotAllowed,
		"ALL":                           VerdictNotAllowed,
		"ALL_ACCOUNT_CLIENT":            VerdictNotAllowed,
	}, got)

	for _, c := range CheckKillTypes(nil, HolderAccount) {
		assert.Equal(t, VerdictUnknown, c.Verdict, c.KillType.Name)
		assert.Equal(t, "unknown", c.Verdict.String())
	}
}

// TestDeviceAuthPermissions: the plain resource and the wildcard patterns
// that cover it grant, with the action's bit; nothing else does.
func TestDeviceAuthPermissions(t *testing.T) {
	tests := []struct {
		name                 string
		granted              GrantedPermission
		wantRead, wantDelete bool
	}{
		{"as game clients hold it: CREATE, READ and DELETE", GrantedPermission{"account:public:account:deviceAuths", 11}, true, true},
		{"READ only", GrantedPermission{"account:public:account:deviceAuths", ActionRead}, true, false},
		{"DELETE only", GrantedPermission{"account:public:account:deviceAuths", ActionDelete}, false, true},
		{"CREATE only", GrantedPermission{"account:public:account:deviceAuths", ActionCreate}, false, false},
		{"UPDATE only", GrantedPermission{"account:public:account:deviceAuths", ActionUpdate}, false, false},
		{"ALL", GrantedPermission{"account:public:account:deviceAuths", ActionAll}, true, true},
		{"wildcard last segment", GrantedPermission{"account:public:account:*", ActionAll}, true, true},
		{"wildcard over the rest", GrantedPermission{"account:public:*", ActionRead}, true, false},
		{"wildcard everything", GrantedPermission{"*", ActionDelete}, false, true},
		{"wildcard middle segment", GrantedPermission{"account:*:account:deviceAuths", ActionAll}, true, true},
		{"the account itself only", GrantedPermission{"account:public:account", ActionAll}, false, false},
		{"scoped to an account, which no source shows", GrantedPermission{"account:public:account:94b1569506b04f9f8557af611e8c5e47:deviceAuths", ActionAll}, false, false},
		{"one segment deeper", GrantedPermission{"account:public:account:deviceAuths:*", ActionAll}, false, false},
		{"letter case differs", GrantedPermission{"account:public:account:deviceauths", ActionAll}, false, false},
		{"another resource", GrantedPermission{"account:token:otherSessionsForAccountClient", ActionAll}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			perms := []GrantedPermission{tt.granted}
			assert.Equal(t, tt.wantRead, Grants(perms, DeviceAuthsRead), "READ")
			assert.Equal(t, tt.wantDelete, Grants(perms, DeviceAuthsDelete), "DELETE")
		})
	}
	assert.Equal(t, "account:public:account:deviceAuths READ", DeviceAuthsRead.String())
	assert.Equal(t, "account:public:account:deviceAuths DELETE", DeviceAuthsDelete.String())
}

func TestCheckPermission(t *testing.T) {
	held := []GrantedPermission{{"account:public:account:deviceAuths", ActionRead}}
	tests := []struct {
		name   string
		perms  []GrantedPermission
		holder string
		p      Permission
		want   Verdict
	}{
		{"unknown list", nil, HolderAccount, DeviceAuthsRead, VerdictUnknown},
		{"unknown holder", held, "", DeviceAuthsRead, VerdictUnknown},
		{"held", held, HolderAccount, DeviceAuthsRead, VerdictAllowed},
		{"held through a wildcard", []GrantedPermission{{"account:public:account:*", ActionAll}}, HolderAccount, DeviceAuthsDelete, VerdictAllowed},
		{"another action held", held, HolderAccount, DeviceAuthsDelete, VerdictNotAllowed},
		{"empty list", []GrantedPermission{}, HolderAccount, DeviceAuthsRead, VerdictNotAllowed},
		{"a client-only session has no saved logins", []GrantedPermission{{"*", ActionAll}}, HolderClient, DeviceAuthsRead, VerdictNotAllowed},
		{"a client's own permission", []GrantedPermission{{"account:token:otherSessionsForClient", ActionDelete}}, HolderClient,
			Permission{HolderClient, "account:token:otherSessionsForClient", "DELETE"}, VerdictAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CheckPermission(tt.perms, tt.holder, tt.p))
		})
	}
}
