package epic

import "strings"

// knownClients are the public clients a player's token most often comes
// from, by client id (epic-api.md §1.7 and the public client lists), with
// the product each belongs to. The popup names the product, and falls back
// to the id for any other client.
var knownClients = map[string]string{
	"ec684b8c687f479fadea3cb2ad83f5c6": "fortnitePC",
	"3446cd72694c4a4485d81b77adbb2141": "fortniteIOS",
	"3f69e56c7649492c8cc29f1af08a8a12": "fortniteAndroid",
	"5229dcd3ac3845208b496649092f251b": "fortniteSwitch",
	"98f7e42c2e3a4f86a74eb43fbb41ed39": "fortniteSwitch",
	"cfaa14c4bf8744e3a5ef9a5d6c34558d": "fortniteXbox",
	"db84fa58b60e468ba64e3b17209b56e9": "fortniteXbox",
	"79a931b375334570ac369234f5da05ec": "fortnitePlayStation",
	"d8566f2e7f5c48f89683173eb529fee1": "fortnitePlayStation",
	"386cbbc78d57464181005c3f7edfad0d": "fortnitePlayStation",
	"03f2645147214e1ab368caa78c5fca81": "fortnitePlayStation",
	"34a02cf8f4414e29b15921876da36f9a": "launcher",
	"007c0bfe154c4f5396648f013c641dcf": "website",
}

// ClientProduct names the product of a well-known public client id
// ("fortnitePC", "launcher", …); "" for any other id.
func ClientProduct(clientID string) string {
	return knownClients[strings.ToLower(strings.TrimSpace(clientID))]
}
