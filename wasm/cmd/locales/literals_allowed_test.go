package main

import (
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// The literals that look like words and are not shown to a player, each
// with why. A literal that is shown belongs in the catalog instead; one
// that is not listed here fails the tests, and so does an entry that no
// longer matches anything.

// Reasons shared by several entries.
const (
	httpHeader = "HTTP header name"
	jsGlobal   = "name of a JavaScript global that Go calls"
	keyName    = "KeyboardEvent.key value"
	storedName = "JSON member name of a value kept in storage.session"
	epicHolder = "Epic's permission holder (Permission.Holder), compared with Epic's data; " +
		"the popup names it with messages.PermissionOfAccount or PermissionOfClient"
	saidByInputError = "input error that explain.InputError says with a message of the catalog " +
		"(inputErrors); the popup parses the token before it sends, so Kill never returns it to reach the details"
	saidByKillTypeError = "text of *epic.KillTypeError, which explain.InputError says with " +
		"messages.InputNoKillType or InputUnknownKillType; the popup parses the kill type before it sends"
	saidByExpiredError = "text of *epic.ExpiredTokenError, which explain.InputError says with " +
		"messages.InputTokenExpiredOn; never shown in its own words"
	saidByVerifyAnswer = "text of *epic.VerifyAnswerError, which explain.VerifyAnswer says with a message " +
		"of the catalog; a verify error never reaches the details"
	saidByDeviceAuthList = "text of *epic.DeviceAuthListError, which explain.Explain says with " +
		"messages.LoginsListUnreadable and a DetailsBody line for each Problem; never shown in its own words"
	properName = "proper name of an app or a system, written the same in every language: devices.Describe puts it " +
		"into a message of the catalog (deviceAppOn, deviceUnknownOn)"
	saidByIDError = "input error of epic.DeviceAuths and DeleteDeviceAuth, which the popup is to say with a message " +
		"of the catalog; the popup passes only ids Epic gave it (verify's account_id, the list's deviceId)"
	jsonError = "JSON error text: every caller drops it for an error or outcome of its own " +
		"(epic's token, claim and answer errors; the popup skips a kept value it cannot read)"
	inflateError  = "error of inflate.Zlib, which epic.DecodePermissionClaim drops for ErrEG1Permissions; never shown"
	httpDate      = "part of an HTTP date (Retry-After) as Epic sends it, in English by RFC 9110; never shown"
	consoleOnly   = "console diagnostic, never shown"
	saidByExplain = "Error text of an error after a request left (*epic.APIError, RedirectError, TransportError): " +
		"explain.Explain says each with messages of the catalog and Details lines of its own (DetailsBody…, " +
		"DetailsCause with the browser's words only), never with this text"
	sentinel = "text of a sentinel the browser side passes to explain.Explain, which says it with its own " +
		"messages (Offline, HostAccess, UnconfirmedAdvice); it is not repeated in the details"
)

var goAllowed = []allowed{
	// wasm/internal/browser
	{file: "wasm/internal/browser/api.go", text: "the popup is not running as an extension page",
		reason: "reaches no screen: every caller drops it or says its own message, and on a page that is not " +
			"the extension's the permission request fails before the cookies are read, so the popup says signInRefused"},

	// wasm/internal/devices
	{file: "wasm/internal/devices/devices.go", text: "Fortnite", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Rocket League", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Fall Guys", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Android", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Nintendo Switch", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Xbox Series X|S", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Xbox One", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Windows", reason: properName},
	{file: "wasm/internal/devices/devices.go", text: "Linux", reason: properName},

	// wasm/internal/epic
	{file: "wasm/internal/epic/client.go", text: "/account/api/oauth/sessions/kill?", reason: "Epic's API path"},
	{file: "wasm/internal/epic/client.go", text: "Authorization", reason: httpHeader},
	{file: "wasm/internal/epic/client.go", text: "Location", reason: httpHeader},
	{file: "wasm/internal/epic/killsession.go", text: "Authorization", reason: httpHeader},
	{file: "wasm/internal/epic/verify.go", text: "Authorization", reason: httpHeader},
	{file: "wasm/internal/epic/deviceauth.go", text: "Authorization", reason: httpHeader},
	{file: "wasm/internal/epic/errors.go", text: "Content-Type", reason: httpHeader},
	{file: "wasm/internal/epic/errors.go", text: "Retry-After", reason: httpHeader},
	{file: "wasm/internal/epic/killtype.go", text: "Account", reason: epicHolder},
	{file: "wasm/internal/epic/killtype.go", text: "Client", reason: epicHolder},
	{file: "wasm/internal/epic/perms.go", text: "Account", reason: epicHolder},
	{file: "wasm/internal/epic/perms.go", text: "Client", reason: epicHolder},
	{file: "wasm/internal/epic/perms.go", text: "not allowed",
		reason: "Verdict's name for %v; the popup says messages.KillTypeNotAllowed"},
	{file: "wasm/internal/epic/errors.go", text: "Epic answered HTTP %d", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: " with an empty body", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", pattern: ` with a web page instead of Epic's error details .*`, reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: " with a body that is not Epic's error format", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: " with a body over %d KiB, which was not read", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: " but its body could not be read", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: "Epic answered with a redirect", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: "; it was not followed, so the token was sent nowhere else", reason: saidByExplain},
	{file: "wasm/internal/epic/errors.go", text: "could not reach Epic: ", reason: saidByExplain},
	{file: "wasm/internal/epic/mask.go", text: "[your token]",
		reason: "stands for the token inside Epic's own words, which stay in English as Epic sent them (details, a verify answer's facts)"},
	{file: "wasm/internal/epic/killtype.go", text: "no kill type chosen: choose one of ", reason: saidByKillTypeError},
	{file: "wasm/internal/epic/killtype.go", text: "unknown kill type %q: choose one of %s", reason: saidByKillTypeError},
	{file: "wasm/internal/epic/token.go", text: "no access token: paste your current Epic access token", reason: saidByInputError},
	{file: "wasm/internal/epic/token.go", text: "the access token has spaces or line breaks inside: paste it as one piece", reason: saidByInputError},
	{file: "wasm/internal/epic/token.go", text: "the access token has characters that no Epic token contains: paste only the token", reason: saidByInputError},
	{file: "wasm/internal/epic/tokenform.go", pattern: `this is not an Epic access token: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/tokenform.go", pattern: `the pasted text starts like JSON but is not valid JSON: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/tokenform.go", pattern: `the pasted JSON has no access_token: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/tokenform.go", pattern: `this is a refresh token, not an access token: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/tokenform.go", pattern: `the access token has expired: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/tokenform.go", text: "the access token expired on ", reason: saidByExpiredError},
	{file: "wasm/internal/epic/tokenform.go", text: "2 Jan 2006 at 15:04 UTC", reason: saidByExpiredError},
	{file: "wasm/internal/epic/tokenform.go", text: ": sign in again and paste the new access token", reason: saidByExpiredError},
	{file: "wasm/internal/epic/eg1.go", pattern: `the eg1 token is damaged: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/eg1.go", pattern: `the eg1 token's content is not readable JSON, .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/eg1.go", pattern: `the eg1 token's permission list \(its p claim\) cannot be read, .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/eg1.go", pattern: `the pasted text is far longer than any Epic token: .*`, reason: saidByInputError},
	{file: "wasm/internal/epic/verify.go", text: "was empty", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: "was over 64 KiB and was not read", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: "broke off while being read", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: "is not the JSON object Epic sends", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: "has no client_id", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: "has no readable expires_at", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: "Epic's verify answer ", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/verify.go", text: ", so the token could not be checked", reason: saidByVerifyAnswer},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "was empty", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "was over 64 KiB without one whole entry in its start", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "broke off while being read", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "is not JSON", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "is not the JSON list Epic sends", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "has an entry that is not a JSON object", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: "Epic's list of saved logins ", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/deviceauthlist.go", text: ", so it could not be shown", reason: saidByDeviceAuthList},
	{file: "wasm/internal/epic/ids.go", text: "the account id is not the 32 hexadecimal characters of Epic's account ids", reason: saidByIDError},
	{file: "wasm/internal/epic/ids.go", text: "the device id is not the 32 hexadecimal characters of Epic's device ids", reason: saidByIDError},

	// wasm/internal/explain
	{file: "wasm/internal/explain/explain.go", text: "the browser is offline", reason: sentinel},
	{file: "wasm/internal/explain/explain.go", text: "access to Epic's account service was withdrawn", reason: sentinel},
	{file: "wasm/internal/explain/explain.go", text: "Epic did not confirm the token in time, so the kill was not sent", reason: sentinel},
	{file: "wasm/internal/explain/input.go", text: "this browser does not offer ", reason: "text of *explain.UnsupportedError, which explain.Because says with messages.NotOffered"},
	{file: "wasm/internal/explain/input.go", text: " to extensions", reason: "text of *explain.UnsupportedError, which explain.Because says with messages.NotOffered"},
	{file: "wasm/internal/explain/explain.go", text: "client only",
		reason: "looked for in Epic's own message to tell a client-only token; never shown"},

	{file: "wasm/internal/browser/i18n.go", text: "Intl", reason: jsGlobal},
	{file: "wasm/internal/browser/i18n.go", text: "Date", reason: jsGlobal},

	// wasm/internal/jsbridge
	{file: "wasm/internal/jsbridge/fetch.go", text: "Object", reason: jsGlobal},
	{file: "wasm/internal/jsbridge/promise.go", text: "Promise", reason: jsGlobal},
	{file: "wasm/internal/jsbridge/promise.go", text: "String", reason: jsGlobal},

	// wasm/internal/jsonvalue
	{file: "wasm/internal/jsonvalue/decode.go", text: "json: cannot decode ", reason: jsonError},
	{file: "wasm/internal/jsonvalue/decode.go", text: "json: a time is not an RFC 3339 string", reason: jsonError},

	// wasm/internal/inflate
	{file: "wasm/internal/inflate/inflate.go", pattern: `inflate: .*`, reason: inflateError},

	// wasm/internal/timestamp
	{file: "wasm/internal/timestamp/timestamp.go", pattern: `(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day`, reason: httpDate},
	{file: "wasm/internal/timestamp/timestamp.go", pattern: `Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec`, reason: httpDate},
	{file: "wasm/internal/timestamp/timestamp.go", text: "Sun Nov 6 08:49:37 1994", reason: httpDate},
	{file: "wasm/internal/jsonvalue/parse.go", text: " at offset ", reason: jsonError},
	{file: "wasm/internal/jsonvalue/parse.go", text: "data after the value", reason: jsonError},
	{file: "wasm/internal/jsonvalue/parse.go", text: "exceeded max depth", reason: jsonError},
	{file: "wasm/internal/jsonvalue/parse.go", pattern: `invalid (character|escape) .*`, reason: jsonError},
	{file: "wasm/internal/jsonvalue/parse.go", text: "control character in a string", reason: jsonError},
	{file: "wasm/internal/jsonvalue/parse.go", pattern: `unexpected end of input in a (string( escape)?|literal|\\u escape)`, reason: jsonError},
	{file: "wasm/internal/jsonvalue/prefix.go", text: "invalid character after an element", reason: jsonError},
	{file: "wasm/internal/jsonvalue/value.go", text: "no value", reason: "Kind's name of no value, for " + jsonError},

	// wasm/internal/popup
	{file: "wasm/internal/popup/stored.go", text: "App", reason: storedName},
	{file: "wasm/internal/popup/stored.go", text: "Perms", reason: storedName},

	// wasm/internal/ui
	{file: "wasm/internal/ui/ui.go", text: "popup.html lacks %s",
		reason: "reaches only the console: main panics with it, and popup.js then shows fatalStart"},
	{file: "wasm/internal/ui/ui.go", text: "Escape", reason: keyName},
	{file: "wasm/internal/ui/ui.go", text: "Enter", reason: keyName},
}

var jsAllowed = []allowed{
	{file: "extension/popup.js", text: "use strict", reason: "directive"},
	{file: "extension/popup.js", text: "Session Killer for Epic Games: the kept main.wasm is unusable:", reason: consoleOnly},
	{file: "extension/popup.js", text: "Session Killer for Epic Games: could not keep main.wasm:", reason: consoleOnly},
	{file: "extension/popup.js", text: "Session Killer for Epic Games failed:", reason: consoleOnly},
}

// htmlAllowed are the texts of popup.html that carry no data-i18n because
// cmd/popuphtml writes them from the catalog between its begin and end
// comments, and the popup's first render writes them again in its language:
// each kill type's label, and the first kill type's description and Epic's
// name for it.
var htmlAllowed = func() []allowed {
	const reason = "written from the catalog by cmd/popuphtml; the popup's first render writes it in the popup's language"
	text := messages.English.Text
	var out []allowed
	for _, kt := range epic.KillTypes {
		out = append(out, allowed{file: "popup.html", where: "#kill-type option", text: text(messages.KillTypeLabel(kt.Name)), reason: reason})
	}
	first := epic.KillTypes[0]
	return append(out,
		allowed{file: "popup.html", where: "#kill-type-description", text: text(messages.KillTypeDescription(first.Name)), reason: reason},
		allowed{file: "popup.html", where: "#kill-type-permission", text: text(popup.EpicName(first, epic.Permission{}, false)), reason: reason},
	)
}()
