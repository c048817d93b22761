package epic

import (
	"strings"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
)

// Action bits of a granted permission, as verify and the eg1 p claim carry them.
const (
	ActionCreate = 1
	ActionRead   = 2
	ActionUpdate = 4
	ActionDelete = 8
	ActionAll    = ActionCreate | ActionRead | ActionUpdate | ActionDelete
)

// Holders of a required permission (Permission.Holder).
const (
	HolderAccount = "Account"
	HolderClient  = "Client"
)

// GrantedPermission is one entry of a token's permission list.
type GrantedPermission struct {
	Resource string // may contain "*" segments
	Action   int    // bitmask of the Action* constants
}

// decodeGrantedPermission reads one {"resource": …, "action": …} entry of a
// JSON permission list (verify's perms, or a p claim in JSON) by
// encoding/json's rules for a struct: names match ignoring case, null leaves
// a field as it was, and a value of another type is a *jsonvalue.TypeError.
func decodeGrantedPermission(g *GrantedPermission, v jsonvalue.Value) error {
	return v.DecodeObject(
		jsonvalue.StringField("resource", &g.Resource),
		jsonvalue.IntField("action", &g.Action),
	)
}

// actionBits maps the verb names of the kill-sessions table to bits.
var actionBits = map[string]int{
	"CREATE": ActionCreate,
	"READ":   ActionRead,
	"UPDATE": ActionUpdate,
	"DELETE": ActionDelete,
	"ALL":    ActionAll,
}

// ResourceMatches reports whether a granted resource pattern covers a
// required resource. Both are ":"-separated segments compared exactly,
// letter case included. A "*" segment stands for exactly one segment, as in
// "xmpp:session:*:<accountId>"; a "*" as the last segment stands for one or
// more remaining segments, as in "wexp:profile:<accountId>:*", so
// "account:token:*" covers every account:token resource. "*" never stands
// for zero segments: "account:token:*" does not cover "account:token".
// epic-api.md gives only such examples, not the rule; this reading is the
// one the project's fake service applies, so the pre-check and the fake
// agree, and reading a final "*" generously errs towards letting Epic decide.
func ResourceMatches(pattern, resource string) bool {
	want := strings.Split(pattern, ":")
	have := strings.Split(resource, ":")
	for i, seg := range want {
		if i == len(have) {
			return false
		}
		if seg == "*" && i == len(want)-1 {
			return true
		}
		if seg != "*" && seg != have[i] {
			return false
		}
	}
	return len(want) == len(have)
}

// Grants reports whether perms grant p's action on p's resource. An action
// name it does not know is never granted.
func Grants(perms []GrantedPermission, p Permission) bool {
	bits, ok := actionBits[strings.ToUpper(p.Action)]
	if !ok {
		return false
	}
	for _, g := range perms {
		if g.Action&bits == bits && ResourceMatches(g.Resource, p.Resource) {
			return true
		}
	}
	return false
}

// Verdict is the outcome of a permission pre-check.
type Verdict int

const (
	// VerdictUnknown: no permission list is known, so nothing is blocked
	// and Epic decides.
	VerdictUnknown Verdict = iota
	// VerdictAllowed: the list holds every permission the kill type needs.
	VerdictAllowed
	// VerdictNotAllowed: a needed permission is missing; Epic would answer
	// 403 missing_permission (or 400 for a client-only session).
	VerdictNotAllowed
)

func (v Verdict) String() string {
	switch v {
	case VerdictAllowed:
		return "allowed"
	case VerdictNotAllowed:
		return "not allowed"
	}
	return "unknown"
}

// Usable pre-checks one kill type against a token's permission list.
//
// A session carries one permission list: verify?includePerms=true and the eg1
// p claim return the list of the session's holder. An account session holds
// the client's account permissions, a client-only session (client_credentials)
// the client's own permissions; the community dumps (epic-api.md §1.7) list the
// two apart. So the kill type's rows whose Holder is the session's holder are
// the ones to check. A type without a row for that holder cannot be used
// (Epic refuses account-only types for a client-only session); missing is
// then its first row.
//
// perms nil means unknown and yields VerdictUnknown; an empty non-nil list is
// known to be empty. A holder other than HolderAccount and HolderClient is
// unknown too.
func Usable(perms []GrantedPermission, holder string, kt KillType) (Verdict, Permission) {
	if perms == nil || (holder != HolderAccount && holder != HolderClient) {
		return VerdictUnknown, Permission{}
	}
	checked := false
	for _, p := range kt.Permissions {
		if p.Holder != holder {
			continue
		}
		checked = true
		if !Grants(perms, p) {
			return VerdictNotAllowed, p
		}
	}
	if !checked {
		if len(kt.Permissions) == 0 {
			return VerdictUnknown, Permission{}
		}
		return VerdictNotAllowed, kt.Permissions[0]
	}
	return VerdictAllowed, Permission{}
}

// KillCheck is the pre-check of one kill type.
type KillCheck struct {
	KillType KillType
	Verdict  Verdict
	// Missing is the first needed permission that is not held; set only
	// for VerdictNotAllowed.
	Missing Permission
}

// CheckKillTypes pre-checks every kill type, in the order of KillTypes.
func CheckKillTypes(perms []GrantedPermission, holder string) []KillCheck {
	out := make([]KillCheck, len(KillTypes))
	for i, kt := range KillTypes {
		v, missing := Usable(perms, holder, kt)
		out[i] = KillCheck{KillType: kt, Verdict: v, Missing: missing}
	}
	return out
}

// deviceAuthsResource is the resource of an account's device auths, as
// every source names it: without the account's id, unlike friends:{id}.
const deviceAuthsResource = "account:public:account:deviceAuths"

// The permissions of an account's saved logins (device auths): listing them
// and revoking one. A game client's token holds the resource with action
// 11, CREATE, READ and DELETE (epic-api.md §1.3, from an emulator). Only
// an account session holds them: a client-only session has no account
// whose logins it could list.
var (
	DeviceAuthsRead   = Permission{HolderAccount, deviceAuthsResource, "READ"}
	DeviceAuthsDelete = Permission{HolderAccount, deviceAuthsResource, "DELETE"}
)

// CheckPermission pre-checks one permission against a token's permission
// list, as Usable checks a kill type's: VerdictUnknown when the list is nil
// or the holder is neither HolderAccount nor HolderClient, VerdictAllowed
// when the session's holder is p's and an entry grants p (a wildcard one
// too, as ResourceMatches reads it), else VerdictNotAllowed.
func CheckPermission(perms []GrantedPermission, holder string, p Permission) Verdict {
	switch {
	case perms == nil || (holder != HolderAccount && holder != HolderClient):
		return VerdictUnknown
	case holder == p.Holder && Grants(perms, p):
		return VerdictAllowed
	}
	return VerdictNotAllowed
}
