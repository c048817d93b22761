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
