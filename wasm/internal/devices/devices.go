// Package devices names a saved login (an Epic device auth) in a player's
// words, from the user agent of the app that saved it: which app on which
// system ("Fortnite on Nintendo Switch"), a script or bot (a programming
// library's own user agent, such as python-requests), or an unknown app.
//
// A user agent is whatever the app sent, so it names what the app claims
// to be: a bot that sends Fortnite's user agent, as many do, reads as
// Fortnite. What this package says is a hint for the player to recognise a
// login, never a proof of where it came from.
//
// The forms read here, as public sources show them:
//
//   - Unreal Engine's own, which Fortnite and the Epic Games Launcher send:
//     "App/Version System/OSVersion", such as
//     "Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit"
//     (Epic's device auth list as LeleDerGrasshalmi/FortniteEndpointsDocumentation
//     shows it, EpicGames/AccountService/Account/DeviceAuth/List.md),
//     "Fortnite/++Fortnite+Release-25.11-CL-25831038 Android/13" (a public
//     Android client's),
//     "EpicGamesLauncher/9.6.1-4858958+++Portal+Release-Live Windows/10.0.17134.1.768.64bit"
//     (the launcher's, which Terbau/fortnitepy sends too, fortnitepy/http.py).
//     The system is the engine's platform name,
//     FPlatformProperties::IniPlatformName, which Unreal's
//     GenericPlatformHttp.cpp puts in its user agent: Windows, Mac, Linux,
//     IOS, Android, Switch, PS4, PS5, XboxOneGDK, XSX, WinGDK, as Unreal's
//     platform lists spell them.
//   - The Epic Online Services SDK's, where the system is in a comment and
//     the app's name may hold a space:
//     "EOS-SDK/1.16.2710-29084362+Switch_16.2.0 (Switch/16.2.0.0) Fortnite/++Fortnite+Release-27.10-CL-29552510",
//     "EOS-SDK/1.17.22-40344262+Switch_13.3.0 (Switch/13.3.0.0) Rocket League/250411.64129.481382".
//   - A library's default, when a script sets none: "python-requests/2.31.0",
//     "Go-http-client/1.1", "axios/1.6.0", "okhttp/4.9.0", "curl/8.4.0".
//   - A browser's, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) …", whose
//     system is read from its comment.
package devices

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// Kind is what a user agent was found to be, for the popup to flag a
// script or bot.
type Kind int

const (
	// Unknown is any user agent of no app this package knows, and no
	// library's: also an empty one.
	Unknown Kind = iota
	// App is a known Epic app: Fortnite, the Epic Games Launcher, Rocket
	// League, Fall Guys.
	App
	// Library is a programming library's or tool's own user agent: a
	// script or a bot saved the login.
	Library
)

// MaxNameRunes is the most runes of a library's name that Describe shows;
// a longer one is cut and ends in an ellipsis.
const MaxNameRunes = 40

// maxScanBytes is how much of a user agent is read: Epic's list keeps 300
// runes of it (epic.DeviceAuth), which fit, and a longer text from
// elsewhere costs no more.
const maxScanBytes = 1200

// Describe names the device a saved login's user agent belongs to, in a
// player's words: "Fortnite on iPhone or iPad", "Epic Games Launcher on
// Windows", "A script or bot (python-requests)", "An unknown app".
func Describe(userAgent string) messages.Message {
	_, m := identify(userAgent)
	return m
}

// Classify is what Describe found the user agent to be: App, Library or
// Unknown.
func Classify(userAgent string) Kind {
	k, _ := identify(userAgent)
	return k
}

func identify(userAgent string) (Kind, messages.Message) {
	a := scan(userAgent)
	platform, hasPlatform := a.platform()
	if app, ok := a.app(); ok {
		if hasPlatform {
			return App, messages.Of(messages.DeviceAppOn, "app", app, "platform", platform)
		}
		return App, messages.Of(messages.DeviceAppOnUnknown, "app", app)
	}
	if len(a.products) > 0 && isLibrary(a.products[0]) {
		return Library, messages.Of(messages.DeviceLibrary, "library", shorten(a.products[0], MaxNameRunes))
	}
	if hasPlatform {
		return Unknown, messages.Of(messages.DeviceUnknownOn, "platform", platform)
	}
	return Unknown, messages.Of(messages.DeviceUnknown)
}

// agent is a user agent read: its products' names in order, and every
// word, in and out of comments, lower-case and without what follows a
// slash.
type agent struct {
	products []string
	words    []string
}

// scan reads a user agent: products are "name/version" outside
// parentheses; a name is all that comes before its slash since the last
// version ended, so that it may hold a space ("Rocket League"). Spaces,
// control and invisible format characters separate words and are never
// part of a name; invalid UTF-8 reads as U+FFFD.
func scan(userAgent string) agent {
	s := userAgent
	if len(s) > maxScanBytes {
		s = s[:maxScanBytes]
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		if r, size := utf8.DecodeLastRuneInString(s); r == utf8.RuneError && size == 1 {
			s = s[:len(s)-1]
		}
	}
	s = strings.ToValidUTF8(s, "\uFFFD")

	var a agent
	var name, word strings.Builder
	depth := 0
	inVersion := false
	space := false // a separator since the name's last rune
	endWord := func() {
		if word.Len() > 0 {
			w := strings.ToLower(word.String())
			if slash := strings.IndexByte(w, '/'); slash >= 0 {
				w = w[:slash]
			}
			if w != "" {
				a.words = append(a.words, w)
			}
			word.Reset()
		}
	}
	endProduct := func() {
		if name.Len() > 0 {
			a.products = append(a.products, name.String())
			name.Reset()
		}
		space = false
	}
	for _, r := range s {
		separator := unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
		switch {
		case r == '(':
			endWord()
			if depth == 0 && !inVersion {
				endProduct()
			}
			inVersion = false
			depth++
			continue
		case r == ')':
			endWord()
			if depth > 0 {
				depth--
			}
			continue
		case separator || r == ';' || r == ',':
			endWord()
		default:
			word.WriteRune(r)
		}
		if depth > 0 {
			continue
		}
		switch {
		case inVersion:
			if separator {
				inVersion = false
			}
		case r == '/':
			endProduct()
			inVersion = true
		case separator:
			space = name.Len() > 0
		default:
			if space {
				name.WriteByte(' ')
				space = false
			}
			name.WriteRune(r)
		}
	}
	endWord()
	if depth == 0 && !inVersion {
		endProduct()
	}
	return a
}

// fold is a name as the tables below write it: lower-case, without
// spaces, dashes, underscores or dots.
func fold(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '.':
			return -1
		}
		return unicode.ToLower(r)
	}, name)
}

// apps are the Epic apps known by their product name, folded: a proper
// name stays as it is in every language; the launcher has its name in
// the catalog.
var apps = map[string]any{
	"fortnite":          "Fortnite",
	"epicgameslauncher": messages.ClientName("launcher"),
	"uelauncher":        messages.ClientName("launcher"), // the launcher's name before 2018
	"rocketleague":      "Rocket League",
	"fallguys":          "Fall Guys",
}

// eosSDK is the Epic Online Services SDK's product: a game that uses it
// names itself in a product after it.
const eosSDK = "eossdk"

// app is the known app that the user agent's first product names, or
// that follows the EOS SDK's.
func (a agent) app() (any, bool) {
	for i, p := range a.products {
		f := fold(p)
		if app, ok := apps[f]; ok {
			return app, true
		}
		if i > 0 || f != eosSDK {
			break
		}
	}
	return nil, false
}

// ios is how a player knows an iOS device.
var ios = messages.Of(messages.DevicePlatformIOS)

// platforms are the systems known by a word of the user agent, best
// first: a browser's comment names Android after Linux, and an iPhone's
// has "like Mac OS X".
var platforms = []struct {
	words []string
	name  any
}{
	{[]string{"ios", "iphone", "ipad", "ipados"}, ios},
	{[]string{"android"}, "Android"},
	{[]string{"switch"}, "Nintendo Switch"},
	{[]string{"ps5"}, "PlayStation 5"},
	{[]string{"ps4"}, "PlayStation 4"},
	{[]string{"xsx"}, "Xbox Series X|S"},
	{[]string{"xboxonegdk", "xboxone"}, "Xbox One"},
	{[]string{"windows", "wingdk", "win64", "win32"}, "Windows"},
	{[]string{"mac", "macos", "macintosh"}, "macOS"},
	{[]string{"linux"}, "Linux"},
}

// platform is the best system the user agent's words name.
func (a agent) platform() (any, bool) {
	best := len(platforms)
	for _, w := range a.words {
		for i := 0; i < best; i++ {
			for _, pw := range platforms[i].words {
				if w == pw {
					best = i
				}
			}
		}
	}
	if best == len(platforms) {
		return nil, false
	}
	return platforms[best].name, true
}

// libraryNames are libraries and tools whose whole product name (lower
// case) says little by its own letters.
var libraryNames = map[string]bool{
	"axios": true, "got": true, "undici": true, "superagent": true, "needle": true, "ky": true,
	"deno": true, "bun": true, "dart": true, "ruby": true, "php": true, "perl": true, "lua": true,
	"insomnia": true, "restsharp": true, "reqwest": true, "hyper": true, "ureq": true, "wget": true,
	"faraday": true, "guzzle": true, "libwww-perl": true, "dio": true, "alamofire": true, "unirest": true,
}

// libraryParts are pieces of a name that only a library's, a tool's or a
// bot's has.
var libraryParts = []string{
	"http", "request", "fetch", "curl", "python", "node", "java", "urllib", "postman",
	"powershell", "bot", "script", ".js", ".py", ".net", "fnbr",
}

// isLibrary reports whether the product name is a programming library's,
// a tool's or a bot's.
func isLibrary(name string) bool {
	n := strings.ToLower(name)
	if libraryNames[n] {
		return true
	}
	for _, part := range libraryParts {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// shorten cuts name to limit runes and an ellipsis.
func shorten(name string, limit int) string {
	n := 0
	for i := range name {
		if n == limit {
			return name[:i] + "…"
		}
		n++
	}
	return name
}
