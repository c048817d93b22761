package fakeepic

import "time"

// DemoToken is one token Demo seeded, with what the popup shows with it.
type DemoToken struct {
	Token string
	Label string
	Shows string
}

// Demo account and clients: real public client ids, so the popup shows what
// it would show with a real token of that client.
const (
	demoAccountID   = "de0000000000000000000000000000aa"
	demoDisplayName = "DemoPlayer"
	// fortnitePCGameClient and launcherAppClient2 from the public client lists.
	demoFortniteClientID = "ec684b8c687f479fadea3cb2ad83f5c6"
	demoLauncherClientID = "34a02cf8f4414e29b15921876da36f9a"
)

// Demo seeds a demo account and returns its tokens, in a stable order, for
// the demo and manual testing. Calling it again reissues every token alive.
func Demo(s *Service) []DemoToken {
	fortnitePerms := []Permission{
		{Resource: "account:token:otherSessionsForAccountClient", Action: Delete},
		{Resource: "account:token:otherSessionsForAccountClientService", Action: Delete},
	}
	var everyKill []Permission
	for _, r := range []string{
		"account:token:otherSessionsForAccountClientService",
		"account:token:otherSessionsForAccountClient",
		"account:token:otherSessionsWithSameSourceId",
		"account:token:otherSessionsForAccount",
		"account:token:allSessionsForAccount",
		"account:token:allSessionsForAccountClient",
		"account:token:otherSessionsWithSameSourceForAccount",
	} {
		everyKill = append(everyKill, Permission{Resource: r, Action: Delete})
	}
	fortnite := func(token, service, source string, perms []Permission) Grant {
		return Grant{
			Token: token, AccountID: demoAccountID, DisplayName: demoDisplayName,
			ClientID: demoFortniteClientID, ClientService: service, SourceID: source,
			Permissions: perms,
		}
	}
	launcher := func(token, source string, perms []Permission) Grant {
		return Grant{
			Token: token, AccountID: demoAccountID, DisplayName: demoDisplayName,
			ClientID: demoLauncherClientID, ClientService: "launcher", SourceID: source,
			Permissions: perms,
		}
	}
	expired := fortnite("de000000000000000000000000000003", "fortnite", "pc-1", fortnitePerms)
	expired.ExpiresIn = -time.Hour

	seeds := []struct {
		grant        Grant
		fault        Fault
		label, shows string
	}{
		{
			grant: fortnite("de000000000000000000000000000001", "fortnite", "pc-1", fortnitePerms),
			label: "Fortnite PC game client (DemoPlayer)",
			shows: "204 for OTHERS_ACCOUNT_CLIENT and OTHERS_ACCOUNT_CLIENT_SERVICE; the others are marked not allowed (Epic: 403 missing_permission)",
		},
		{
			grant: launcher("de000000000000000000000000000002", "pc-1", everyKill),
			label: "Launcher holding every kill permission (DemoPlayer)",
			shows: "204 for every killType; ALL and ALL_ACCOUNT_CLIENT also end this token",
		},
		{
			grant: expired,
			label: "Expired Fortnite token",
			shows: "401 token_verification_failed at verify: the popup drops it and asks for a new token",
		},
		{
			grant: fortnite("de000000000000000000000000000004", "fortnite", "pc-1", fortnitePerms),
			fault: Throttled(221),
			label: "Throttled Fortnite token",
			shows: "429 throttled: Kill sessions counts down 221 seconds, also after reopening the popup",
		},
		{
			grant: fortnite("de000000000000000000000000000005", "fortnite", "pc-1", fortnitePerms),
			fault: HTMLPage(503),
			label: "Fortnite token answered by an HTML page",
			shows: "503 with an HTML page instead of Epic's JSON",
		},
		{
			grant: fortnite("de000000000000000000000000000006", "fortnite", "console-1", nil),
			label: "Fortnite on another device (same client and service)",
			shows: "ended by OTHERS_ACCOUNT_CLIENT(_SERVICE) from token 1; itself may use no kill type",
		},
		{
			grant: fortnite("de000000000000000000000000000007", "prod-fn", "pc-1", nil),
			label: "Fortnite client, other client service",
			shows: "ended by OTHERS_ACCOUNT_CLIENT from token 1, kept by OTHERS_ACCOUNT_CLIENT_SERVICE; itself may use no kill type",
		},
		{
			grant: launcher("de000000000000000000000000000008", "pc-2", nil),
			label: "Launcher on another PC",
			shows: "kept by token 1's kills; itself may use no kill type",
		},
		{
			grant: Grant{
				Token: "de000000000000000000000000000009", ClientID: demoFortniteClientID,
				ClientService: "fortnite",
			},
			label: "Client-only Fortnite session (client_credentials)",
			shows: "a client-only session: every kill type is marked not allowed (Epic: 400 invalid_request or 403)",
		},
	}
	out := make([]DemoToken, 0, len(seeds))
	for _, seed := range seeds {
		token := s.Issue(seed.grant)
		if seed.fault != (Fault{}) {
			s.FaultToken(token, seed.fault)
		}
		out = append(out, DemoToken{Token: token, Label: seed.label, Shows: seed.shows})
	}
	return out
}
