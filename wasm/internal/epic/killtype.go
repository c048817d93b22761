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
	// Description says in plain words what the type signs out.
	Description string
	// Done says what was signed out, for the success message.
	Done string
	// EndsCurrentSession is true when the token used for the request dies too.
	EndsCurrentSession bool
}

// KillTypes lists every kill type in the order of Epic's documentation, which
// is also roughly from the narrowest to the widest.
var KillTypes = []KillType{
	{
		Name:        "OTHERS_ACCOUNT_CLIENT_SERVICE",
		Permissions: []Permission{{"Account", "account:token:otherSessionsForAccountClientService", "DELETE"}},
		Description: "Signs out your other sessions of this app and game service (Fortnite uses it); keeps this one.",
		Done:        "Your other sessions of this app and game service were signed out.",
	},
	{
		Name:        "OTHERS_ACCOUNT_CLIENT",
		Permissions: []Permission{{"Account", "account:token:otherSessionsForAccountClient", "DELETE"}},
		Description: "Signs out your other sessions of this app on every device; keeps this one.",
		Done:        "Your other sessions of this app were signed out.",
	},
	{
		Name:        "OTHERS_SAME_SOURCE_ID",
		Permissions: []Permission{{"Account", "account:token:otherSessionsWithSameSourceId", "DELETE"}},
		Description: "Signs out your other sessions that came from the same sign-in source; Epic does not document it further.",
		Done:        "Your other sessions from the same sign-in source were signed out.",
	},
	{
		Name: "OTHERS",
		Permissions: []Permission{
			{"Client", "account:token:otherSessionsForClient", "DELETE"},
			{"Account", "account:token:otherSessionsForAccount", "DELETE"},
		},
		Description: "Signs out all your other sessions, in every app; keeps this one.",
		Done:        "All your other sessions were signed out.",
	},
	{
		Name: "ALL",
		Permissions: []Permission{
			{"Client", "account:token:allSessionsForClient", "DELETE"},
			{"Account", "account:token:allSessionsForAccount", "DELETE"},
		},
		Description:        "Signs out every session, in every app, including this one.",
		Done:               "Every session was signed out, including this one.",
		EndsCurrentSession: true,
	},
	{
		Name:               "ALL_ACCOUNT_CLIENT",
		Permissions:        []Permission{{"Account", "account:token:allSessionsForAccountClient", "DELETE"}},
		Description:        "Signs out every session of this app, including this one.",
		Done:               "Every session of this app was signed out, including this one.",
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
