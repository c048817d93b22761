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

// Demo seeds a demo account, its tokens and its saved logins, and returns
// the tokens, in a stable order, for the demo and manual testing. Calling it
// again reissues every token alive and brings back every saved login, each
// once.
func Demo(s *Service) []DemoToken {
	fortnitePerms := []Permission{
		{Resource: "account:token:otherSessionsForAccountClient", Action: Delete},
		{Resource: "account:token:otherSessionsForAccountClientService", Action: Delete},
	}
	var launcherPerms []Permission // every kill, and the saved logins
	for _, r := range []string{
		"account:token:otherSessionsForAccountClientService",
		"account:token:otherSessionsForAccountClient",
		"account:token:otherSessionsWithSameSourceId",
		"account:token:otherSessionsForAccount",
		"account:token:allSessionsForAccount",
		"account:token:allSessionsForAccountClient",
		"account:token:otherSessionsWithSameSourceForAccount",
	} {
		launcherPerms = append(launcherPerms, Permission{Resource: r, Action: Delete})
	}
	// CREATE, READ and DELETE, the value a captured token list carries
	// (epic-api.md §1.3).
	launcherPerms = append(launcherPerms, Permission{Resource: deviceAuthsResource, Action: Create | Read | Delete})
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
			shows: "204 for OTHERS_ACCOUNT_CLIENT and OTHERS_ACCOUNT_CLIENT_SERVICE; the others are marked not allowed (Epic: 403 missing_permission); Saved logins are not offered, as its permissions lack deviceAuths READ (Epic: 403 missing_permission)",
		},
		{
			grant: launcher("de000000000000000000000000000002", "pc-1", launcherPerms),
			label: "Launcher holding every kill and saved-login permission (DemoPlayer)",
			shows: "204 for every killType; ALL and ALL_ACCOUNT_CLIENT also end this token; Saved logins lists the 4 saved logins and revokes them (204)",
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
			shows: "429 throttled: Kill sessions counts down 221 seconds, also after reopening the popup; saved logins are throttled too",
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
			shows: "a client-only session: every kill type is marked not allowed (Epic: 400 invalid_request or 403); no saved logins to list (403)",
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
	for _, d := range demoDeviceAuths() {
		s.AddDeviceAuth(d)
	}
	return out
}

// demoDeviceAuths are the demo account's saved logins: a phone, a console, a
// script's and one never used, at documentation addresses (RFC 5737, RFC
// 3849), on fixed dates so that the demo looks the same every time.
func demoDeviceAuths() []DeviceAuth {
	at := func(location, ip, dateTime string) DeviceAuthEvent {
		t, err := time.Parse(epicTimeLayout, dateTime)
		if err != nil {
			panic(err) // the dates below are written in the layout
		}
		return DeviceAuthEvent{Location: location, IPAddress: ip, Time: t}
	}
	used := func(e DeviceAuthEvent) *DeviceAuthEvent { return &e }
	return []DeviceAuth{
		{
			DeviceID: "de0000000000000000000000000000d1", AccountID: demoAccountID,
			UserAgent:  "Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1",
			Created:    at("France", "203.0.113.24", "2024-12-03T18:41:07.512Z"),
			LastAccess: used(at("France", "203.0.113.57", "2025-11-28T21:03:44.090Z")),
		},
		{
			DeviceID: "de0000000000000000000000000000d2", AccountID: demoAccountID,
			UserAgent:  "Fortnite/++Fortnite+Release-33.00-CL-38324497 Switch/19.0.1",
			Created:    at("Germany", "198.51.100.7", "2024-12-14T10:12:55.203Z"),
			LastAccess: used(at("Germany", "198.51.100.7", "2025-12-20T16:47:31.877Z")),
		},
		{
			DeviceID: "de0000000000000000000000000000d3", AccountID: demoAccountID,
			UserAgent:  "python-requests/2.31.0",
			Created:    at("Netherlands", "2001:db8:85a3::8a2e:370:7334", "2025-01-09T07:30:00.118Z"),
			LastAccess: used(at("United States", "2001:db8:4006:812::200e", "2025-12-31T23:59:58.004Z")),
		},
		{
			DeviceID: "de0000000000000000000000000000d4", AccountID: demoAccountID,
			UserAgent: "Fortnite/++Fortnite+Release-33.00-CL-38324497 Android/14",
			Created:   at("France", "203.0.113.80", "2025-01-18T12:05:19.640Z"),
		},
	}
}
