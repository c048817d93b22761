package fakeepic

import (
	"net/http"
	"slices"
	"strings"
)

// killType is one row of Epic's kill-sessions table, read independently of
// the extension's own table so that a mistake in either shows up in tests.
type killType struct {
	// accountResource must be held (DELETE) by an account session.
	accountResource string
	// clientResource must be held (DELETE) by a client-only session; ""
	// means client-only sessions cannot use the type at all.
	clientResource string
	// dies reports whether other ends when caller kills with this type;
	// other may be caller itself.
	dies func(caller, other *session) bool
}

var killTypes = map[string]killType{
	"OTHERS_ACCOUNT_CLIENT_SERVICE": {
		accountResource: "account:token:otherSessionsForAccountClientService",
		dies: func(caller, other *session) bool {
			return other != caller && sameAccountClient(caller, other) && other.ClientService == caller.ClientService
		},
	},
	"OTHERS_ACCOUNT_CLIENT": {
		accountResource: "account:token:otherSessionsForAccountClient",
		dies: func(caller, other *session) bool {
			return other != caller && sameAccountClient(caller, other)
		},
	},
	"OTHERS_SAME_SOURCE_ID": {
		accountResource: "account:token:otherSessionsWithSameSourceId",
		dies: func(caller, other *session) bool {
			return other != caller && other.AccountID == caller.AccountID && sameSource(caller, other)
		},
	},
	"OTHERS": {
		accountResource: "account:token:otherSessionsForAccount",
		clientResource:  "account:token:otherSessionsForClient",
		dies: func(caller, other *session) bool {
			return other != caller && caller.owns(other)
		},
	},
	"ALL": {
		accountResource: "account:token:allSessionsForAccount",
		clientResource:  "account:token:allSessionsForClient",
		dies: func(caller, other *session) bool {
			return caller.owns(other)
		},
	},
	"ALL_ACCOUNT_CLIENT": {
		accountResource: "account:token:allSessionsForAccountClient",
		dies:            sameAccountClient,
	},
}

// sameSourceResource guards killAllWithSameSource on the single-session kill.
const sameSourceResource = "account:token:otherSessionsWithSameSourceForAccount"

func sameAccountClient(a, b *session) bool {
	return a.AccountID == b.AccountID && a.ClientID == b.ClientID
}

// sameSource never matches on an empty SourceID: a session without a source
// shares it with nobody.
func sameSource(a, b *session) bool {
	return a.SourceID != "" && a.SourceID == b.SourceID
}

// killSessions is DELETE /account/api/oauth/sessions/kill?killType=T. Epic
// validates the kill type before it looks at permissions.
func (s *Service) killSessions(r *http.Request, caller *session) answer {
	name := r.URL.Query().Get("killType")
	kt, ok := killTypes[name]
	if !ok {
		return errorAnswer(invalidRequest("A valid killType is required."))
	}
	resource := kt.accountResource
	if caller.AccountID == "" {
		if kt.clientResource == "" {
			return errorAnswer(invalidRequest("Cannot use the killType " + name + " with a client only OauthSession."))
		}
		resource = kt.clientResource
	}
	if !permits(caller.Permissions, resource, Delete) {
		return errorAnswer(missingPermission(resource, Delete))
	}
	// Decide every victim before killing any, since dies may look at caller.
	var victims []*session
	for _, other := range s.sessions {
		if s.alive(other) && kt.dies(caller, other) {
			victims = append(victims, other)
		}
	}
	for _, v := range victims {
		v.killed = true
	}
	return noContent
}

// killSession is DELETE /account/api/oauth/sessions/kill/{target}
// [?killAllWithSameSource=true].
func (s *Service) killSession(r *http.Request, caller *session, target string) answer {
	victim := s.sessions[target]
	if victim == nil || !s.alive(victim) {
		return errorAnswer(unknownSession(target))
	}
	if !caller.owns(victim) {
		return errorAnswer(notOwnSession(target))
	}
	victims := []*session{victim}
	if isTrue(r.URL.Query(), "killAllWithSameSource") {
		if !permits(caller.Permissions, sameSourceResource, Delete) {
			return errorAnswer(missingPermission(sameSourceResource, Delete))
		}
		for _, other := range s.sessions {
			if s.alive(other) && caller.owns(other) && sameSource(victim, other) {
				victims = append(victims, other)
			}
		}
	}
	for _, v := range victims {
		v.killed = true
	}
	return noContent
}

// permits reports whether one entry of perms holds every bit of action on
// resource: Epic's action is a bitmask, and bits of two entries do not add up.
func permits(perms []Permission, resource string, action int) bool {
	return slices.ContainsFunc(perms, func(p Permission) bool {
		missing := action &^ p.Action
		return missing == 0 && covers(p.Resource, resource)
	})
}

// covers reports whether a granted resource pattern names resource. Epic's
// patterns are ":"-separated segments, where "*" is any one segment, as in
// "xmpp:session:*:<account>"; a "*" at the end, as in
// "wexp:profile:<account>:*", is taken to be whatever follows, one segment
// or more (epic-api.md shows the examples, not the rule). So the resource is
// cut into as many parts as the pattern has segments, the last part keeping
// its colons when the pattern ends in "*", and the two must agree part by
// part.
func covers(pattern, resource string) bool {
	segments := strings.Split(pattern, ":")
	parts := -1 // a cut at every colon
	if segments[len(segments)-1] == "*" {
		parts = len(segments)
	}
	return slices.EqualFunc(segments, strings.SplitN(resource, ":", parts), func(segment, part string) bool {
		return segment == "*" || segment == part
	})
}
