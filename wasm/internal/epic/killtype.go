// Package epic is the wire contract of Epic's account service as far as this
// extension uses it: the kill types, the kill request and Epic's error answers.
// It is plain Go and never touches the browser; the browser's fetch reaches it
// only through the Doer interface.
package epic

import (
	"fmt"
	"strings"
)

// Permission is one permission Epic checks before it runs a kill.
type Permission struct {
	// Holder is "Account" or "Client": whose permission list Epic reads.
	Holder string
	// Resource is the permission's resource, such as "account:token:otherSessionsForAccountClient".
	Resource string
	// Action is the verb Epic requires on the resource; every kill type needs DELETE.
	Action string
}

func (p Permission) String() string { return p.Resource + " " + p.Action }

// KillType is one value of the killType query parameter.
type KillType struct {
	// Name is the exact value Epic expects, such as "OTHERS_ACCOUNT_CLIENT".
	Name string
	// Permissions are all the permissions the spec lists for the type.
	Permissions []Permission
	// EndsCurrentSession is true when the token used for the request dies too.
	EndsCurrentSession bool
	// AccountWide is true when the type reaches beyond the token's app,
	// which only Epic's own settings page reliably offers.
	AccountWide bool
	// CommonlyGranted is true when the published game clients' tokens hold
	// the type's permission (epic-api.md §1.7).
	CommonlyGranted bool
}

// What each kill type signs out, in a player's words, is in the message
// catalog (messages.KillTypeDescription).

// KillTypes lists every kill type in the order of Epic's documentation, which
// is also roughly from the narrowest to the widest.
var KillTypes = []KillType{
	{
		Name:            "OTHERS_ACCOUNT_CLIENT_SERVICE",
		Permissions:     []Permission{{"Account", "account:token:otherSessionsForAccountClientService", "DELETE"}},
		CommonlyGranted: true,
	},
	{
		Name:            "OTHERS_ACCOUNT_CLIENT",
		Permissions:     []Permission{{"Account", "account:token:otherSessionsForAccountClient", "DELETE"}},
		CommonlyGranted: true,
	},
	{
		Name:        "OTHERS_SAME_SOURCE_ID",
		Permissions: []Permission{{"Account", "account:token:otherSessionsWithSameSourceId", "DELETE"}},
		AccountWide: true,
	},
	{
		Name: "OTHERS",
		Permissions: []Permission{
			{"Client", "account:token:otherSessionsForClient", "DELETE"},
			{"Account", "account:token:otherSessionsForAccount", "DELETE"},
		},
		AccountWide: true,
	},
	{
		Name: "ALL",
		Permissions: []Permission{
			{"Client", "account:token:allSessionsForClient", "DELETE"},
			{"Account", "account:token:allSessionsForAccount", "DELETE"},
		},
		EndsCurrentSession: true,
		AccountWide:        true,
	},
	{
		Name:               "ALL_ACCOUNT_CLIENT",
		Permissions:        []Permission{{"Account", "account:token:allSessionsForAccountClient", "DELETE"}},
		EndsCurrentSession: true,
	},
}

// KillTypeError reports a kill type that Epic does not know.
type KillTypeError struct {
	Input string
}

func (e *KillTypeError) Error() string {
	names := make([]string, len(KillTypes))
	for i, kt := range KillTypes {
		names[i] = kt.Name
	}
	if strings.TrimSpace(e.Input) == "" {
		return "no kill type chosen: choose one of " + strings.Join(names, ", ")
	}
	input := e.Input
	if r := []rune(input); len(r) > 40 {
		input = string(r[:40]) + "…"
	}
	return fmt.Sprintf("unknown kill type %q: choose one of %s", input, strings.Join(names, ", "))
}

// ParseKillType finds a kill type by name, ignoring letter case and
// surrounding space.
func ParseKillType(s string) (KillType, error) {
	name := strings.TrimSpace(s)
	for _, kt := range KillTypes {
		if strings.EqualFold(kt.Name, name) {
			return kt, nil
		}
	}
	return KillType{}, &KillTypeError{Input: s}
}
