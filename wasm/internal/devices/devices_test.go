package devices

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

func english(ua string) string { return messages.English.Text(Describe(ua)) }

func TestDescribe(t *testing.T) {
	for _, tc := range []struct {
		ua, want string
		kind     Kind
	}{
		// Unreal Engine's form, as Epic's list and the public clients show it.
		{"Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit", "Fortnite on Windows", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1", "Fortnite on iPhone or iPad", App},
		{"Fortnite/++Fortnite+Release-25.11-CL-25831038 Android/13", "Fortnite on Android", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 Switch/19.0.1.0", "Fortnite on Nintendo Switch", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 PS5/10.40", "Fortnite on PlayStation 5", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 PS4/12.00", "Fortnite on PlayStation 4", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 XSX/10.0.26100.4908", "Fortnite on Xbox Series X|S", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 XboxOneGDK/10.0.26100.4908", "Fortnite on Xbox One", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 WinGDK/10.0.22631", "Fortnite on Windows", App},
		{"Fortnite/++Fortnite+Release-13.40-CL-14113327 Mac/10.15.7", "Fortnite on macOS", App},
		{"fortnite/++Fortnite+Release-33.00-CL-38324497 ios/18.1", "Fortnite on iPhone or iPad", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497", "Fortnite on an unknown device", App},
		{"Fortnite/++Fortnite+Release-33.00-CL-38324497 Dreamcast/1.0", "Fortnite on an unknown device", App},
		{"Fortnite", "Fortnite on an unknown device", App},
		{"EpicGamesLauncher/16.3.0-36617212+++Portal+Release-Live Windows/10.0.22631.1.256.64bit", "Epic Games Launcher on Windows", App},
		{"EpicGamesLauncher/9.6.1-4858958+++Portal+Release-Live Windows/10.0.17134.1.768.64bit", "Epic Games Launcher on Windows", App},
		{"EpicGamesLauncher/15.17.1-29718004+++Portal+Release-Live Mac/14.1.1", "Epic Games Launcher on macOS", App},
		{"UELauncher/4.21.0-4858958+++Portal+Release-Live Windows/10.0.17134.1.768.64bit", "Epic Games Launcher on Windows", App},
		{"RocketLeague/250411.64129.481382 Linux/6.1", "Rocket League on Linux", App},
		// The EOS SDK's form: the system in a comment, the app after it,
		// its name with a space.
		{"EOS-SDK/1.16.2710-29084362+Switch_16.2.0 (Switch/16.2.0.0) Fortnite/++Fortnite+Release-27.10-CL-29552510",
			"Fortnite on Nintendo Switch", App},
		{"EOS-SDK/1.17.22-40344262+Switch_13.3.0 (Switch/13.3.0.0) Rocket League/250411.64129.481382",
			"Rocket League on Nintendo Switch", App},
		{"EOS-SDK/1.16.0 (PS5/8.0) Fall Guys/10.2", "Fall Guys on PlayStation 5", App},
		{"EOS-SDK/1.16.0 (Windows/10.0) SomeGame/1.0", "An unknown app on Windows", Unknown},
		// Libraries, tools and bots.
		{"python-requests/2.31.0", "A script or bot (python-requests)", Library},
		{"Python/3.11 aiohttp/3.9.1", "A script or bot (Python)", Library},
		{"Python-urllib/3.12", "A script or bot (Python-urllib)", Library},
		{"python-httpx/0.27.0", "A script or bot (python-httpx)", Library},
		{"node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "A script or bot (node-fetch)", Library},
		{"node", "A script or bot (node)", Library},
		{"axios/1.6.0", "A script or bot (axios)", Library},
		{"undici", "A script or bot (undici)", Library},
		{"Go-http-client/1.1", "A script or bot (Go-http-client)", Library},
		{"Go-http-client/2.0", "A script or bot (Go-http-client)", Library},
		{"okhttp/4.9.0", "A script or bot (okhttp)", Library},
		{"curl/8.4.0", "A script or bot (curl)", Library},
		{"Wget/1.21.4", "A script or bot (Wget)", Library},
		{"Java/17.0.2", "A script or bot (Java)", Library},
		{"Apache-HttpClient/4.5.14 (Java/17.0.2)", "A script or bot (Apache-HttpClient)", Library},
		{"Dart/3.1 (dart:io)", "A script or bot (Dart)", Library},
		{"PostmanRuntime/7.36.0", "A script or bot (PostmanRuntime)", Library},
		{"Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.22621.2506", "An unknown app on Windows", Unknown},
		{"WindowsPowerShell/5.1", "A script or bot (WindowsPowerShell)", Library},
		{"fnbr.js/4.0.0", "A script or bot (fnbr.js)", Library},
		{"MyFortniteBot/1.0", "A script or bot (MyFortniteBot)", Library},
		{"reqwest/0.11", "A script or bot (reqwest)", Library},
		{"RestSharp/106.15.0.0", "A script or bot (RestSharp)", Library},
		// Browsers: an unknown app, on the system its comment names.
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
			"An unknown app on Windows", Unknown},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
			"An unknown app on iPhone or iPad", Unknown},
		{"Mozilla/5.0 (Linux; Android 13; SM-S908B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36",
			"An unknown app on Android", Unknown},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.1 Safari/605.1.15",
			"An unknown app on macOS", Unknown},
		{"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:89.0) Gecko/20100101 Firefox/89.0", "An unknown app on Linux", Unknown},
		{"Dalvik/2.1.0 (Linux; U; Android 13; SM-S908B Build/TP1A.220624.014)", "An unknown app on Android", Unknown},
		// Anything else.
		{"", "An unknown app", Unknown},
		{"   ", "An unknown app", Unknown},
		{"\t\r\n", "An unknown app", Unknown},
		{"SomeGame/1.0", "An unknown app", Unknown},
		{"SomeGame/1.0 Windows/10.0", "An unknown app on Windows", Unknown},
		{"Fortnite Windows", "An unknown app on Windows", Unknown},
		{"Fortnitex/1.0 IOS/18.1", "An unknown app on iPhone or iPad", Unknown},
		{"/1.0", "An unknown app", Unknown},
		{"(", "An unknown app", Unknown},
		{")))", "An unknown app", Unknown},
		{"Fortnite/1.0 (Windows/10.0", "Fortnite on Windows", App},
		{"Фортнайт/1.0 Android/14", "An unknown app on Android", Unknown},
		{"フォートナイト", "An unknown app", Unknown},
	} {
		t.Run(tc.ua, func(t *testing.T) {
			assert.Equal(t, tc.want, english(tc.ua))
			assert.Equal(t, tc.kind, Classify(tc.ua))
		})
	}
}

// The app, the system and the library's name are values of the message,
// never part of its text; a proper name is the same in every language, the
// launcher and iOS are the catalog's words.
func TestDescribeGivesNamesAsValues(t *testing.T) {
	assert.Equal(t, messages.Of(messages.DeviceAppOn, "app", "Fortnite", "platform", "Windows"),
		Describe("Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit"))
	assert.Equal(t, messages.Of(messages.DeviceAppOn, "app", messages.ClientName("launcher"),
		"platform", messages.Of(messages.DevicePlatformIOS)),
		Describe("EpicGamesLauncher/1.0 IOS/18.1"))
	assert.Equal(t, messages.Of(messages.DeviceLibrary, "library", "curl"), Describe("curl/8.4.0"))
	assert.Equal(t, messages.Of(messages.DeviceUnknown), Describe(""))

	german := messages.Catalog{
		messages.DeviceAppOn:            "{app} auf {platform}",
		messages.DevicePlatformIOS:      "iPhone oder iPad",
		messages.Key("client_launcher"): "Epic Games Launcher (de)",
	}
	assert.Equal(t, "Epic Games Launcher (de) auf iPhone oder iPad", german.Text(Describe("EpicGamesLauncher/1.0 IOS/18.1")))
}

// Every message Describe gives is in the catalog, with a value for each of
// its placeholders.
func TestDescribeUsesTheCatalog(t *testing.T) {
	for _, ua := range []string{
		"Fortnite/1 Windows/1", "Fortnite/1", "EpicGamesLauncher/1 IOS/1", "curl/1", "SomeGame/1 Android/1", "",
	} {
		m := Describe(ua)
		text, ok := messages.English[m.Key]
		require.True(t, ok, "%s: %s", ua, m.Key)
		for _, name := range messages.Placeholders(text) {
			assert.Contains(t, m.Args, name, "%s: %s", ua, m.Key)
		}
	}
}

// A hostile user agent gives a short line: the library's name cut to
// MaxNameRunes, without control or invisible format characters.
func TestHostileUserAgents(t *testing.T) {
	long := strings.Repeat("a", 64<<10)
	for _, tc := range []struct {
		name, ua string
		kind     Kind
	}{
		{"64 KiB of one letter", long, Unknown},
		{"64 KiB of a bot's name", "bot" + long + "/1.0", Library},
		{"64 KiB of a bot's name without a version", "python" + long, Library},
		{"64 KiB after a bot's name", "curl/8.4.0 " + long, Library},
		{"64 KiB of spaces", strings.Repeat(" ", 64<<10), Unknown},
		{"64 KiB of slashes", strings.Repeat("/", 64<<10), Unknown},
		{"64 KiB of parentheses", strings.Repeat("(", 64<<10), Unknown},
		{"64 KiB of 4-byte runes", "bot" + strings.Repeat("😀", 16<<10), Library},
		{"64 KiB of spaced words", "http" + strings.Repeat(" ab", 22<<10), Library},
		{"control characters in a name", "python\x00-requests\x1b[31m\r\n\u0085/2.31", Library},
		{"a line break in a name", "evil\nbot/1.0", Library},
		{"a bidi override in a name", "bot\u202egnp.exe/1.0", Library},
		{"invisible characters in a name", "req\u200buests\u2060bot\ufeff/1.0", Library},
		{"invalid UTF-8", "bot\xff\xfe\xc0/1.0", Library},
		{"a name of only control characters", "\x00\x01\x02/1.0", Unknown},
		{"a cut multi-byte rune at the scan's end", "bot" + strings.Repeat("a", maxScanBytes-4) + "é", Library},
		{"unicode letters", "ボット/1.0", Unknown},
		{"unicode letters in a bot's name", "http-ボット/1.0", Library},
		{"an emoji", "🤖bot/1.0", Library},
		{"right-to-left letters", "بوت-http/1.0", Library},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Describe(tc.ua)
			text := messages.English.Text(m)
			assert.Equal(t, tc.kind, Classify(tc.ua))
			assert.True(t, utf8.ValidString(text), "%q", text)
			assert.LessOrEqual(t, utf8.RuneCountInString(text), 80, "%q", text)
			for _, r := range text {
				assert.False(t, unicode.IsControl(r) || unicode.Is(unicode.Cf, r), "%q has %U", text, r)
				assert.True(t, r == ' ' || !unicode.IsSpace(r), "%q has %U", text, r)
			}
			if tc.kind == Library {
				name, ok := m.Args["library"].(string)
				require.True(t, ok)
				assert.NotEmpty(t, name)
				assert.LessOrEqual(t, utf8.RuneCountInString(name), MaxNameRunes+1, "cut, with an ellipsis")
				assert.Equal(t, strings.TrimSpace(name), name)
				assert.NotContains(t, name, "  ")
			}
		})
	}
}

func TestTheLibraryNameIsCut(t *testing.T) {
	name := "python-requests-" + strings.Repeat("x", 100)
	got := Describe(name + "/2.31").Args["library"]
	assert.Equal(t, name[:MaxNameRunes]+"…", got)

	exact := "python-" + strings.Repeat("é", MaxNameRunes-len("python-"))
	assert.Equal(t, exact, Describe(exact + "/1").Args["library"], "a name of MaxNameRunes is whole")

	assert.Equal(t, "python requests bot", Describe("python\x00requests\u202ebot/1").Args["library"],
		"a control or format character reads as a space")
	assert.Equal(t, "bot\uFFFD", Describe("bot\xff/1").Args["library"])
}

func FuzzDescribe(f *testing.F) {
	for _, seed := range []string{
		"Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit",
		"EOS-SDK/1.17.22-40344262+Switch_13.3.0 (Switch/13.3.0.0) Rocket League/250411.64129.481382",
		"python-requests/2.31.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)", "", "((/", "bot\x00\u202e/",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, ua string) {
		m := Describe(ua)
		text, ok := messages.English[m.Key]
		require.True(t, ok)
		for _, name := range messages.Placeholders(text) {
			require.Contains(t, m.Args, name)
		}
		if name, ok := m.Args["library"].(string); ok {
			require.NotEmpty(t, name)
			require.LessOrEqual(t, utf8.RuneCountInString(name), MaxNameRunes+1)
			for _, r := range name {
				require.False(t, unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (r != ' ' && unicode.IsSpace(r)), "%q", name)
			}
		}
		require.Equal(t, Classify(ua) == Library, m.Key == messages.DeviceLibrary)
	})
}
