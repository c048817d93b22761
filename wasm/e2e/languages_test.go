//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/chromium"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// languages are the popup's languages checked end to end: a Latin script
// that runs long, a CJK one, and one written right to left.
var languages = []struct{ code, tag, dir string }{
	{"de", "de", "ltr"},
	{"ja", "ja", "ltr"},
	{"ar", "ar", "rtl"},
}

// localeCatalog reads a locale's messages.json from what ships as a Go
// catalog: each $NAME$ back to the {name} of the English text, so that it
// renders a message as the popup does.
func localeCatalog(t *testing.T, locale string) messages.Catalog {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(distDir(t), "_locales", locale, "messages.json"))
	require.NoError(t, err)
	var entries map[string]struct{ Message string }
	require.NoError(t, json.Unmarshal(b, &entries))
	c := messages.Catalog{}
	for key, e := range entries {
		text := e.Message
		for _, name := range messages.Placeholders(messages.English[messages.Key(key)]) {
			text = replaceFold(text, "$"+name+"$", "{"+name+"}")
		}
		c[messages.Key(key)] = strings.ReplaceAll(text, "$$", "$")
	}
	return c
}

// replaceFold replaces old in s ignoring its letter case, as browsers read
// placeholder names.
func replaceFold(s, old, new string) string {
	for {
		i := strings.Index(strings.ToLower(s), strings.ToLower(old))
		if i < 0 {
			return s
		}
		s = s[:i] + new + s[i+len(old):]
	}
}

// englishSentences are the English catalog's texts that a popup in another
// language must not show: those with words (three or more), which are not
// the same in that language's catalog (names such as Epic Games are).
func englishSentences(local messages.Catalog) []string {
	var out []string
	for key, text := range messages.English {
		if strings.Contains(text, "{") || len(strings.Fields(text)) < 3 || local[key] == text {
			continue
		}
		out = append(out, text)
	}
	return out
}

// languageCase checks the popup in one language: its <html> lang and dir,
// no English sentence shown, an outcome and a throttle said in the
// language, and every state of it fitting the popup.
func languageCase(t *testing.T, b browser, sw *epicSwitch, code, tag, dir string) {
	local := localeCatalog(t, code)
	english := englishSentences(local)
	noEnglish := func(p popuppage.Page, state string) {
		t.Helper()
		var shown string
		require.NoError(t, p.Eval(`document.body.innerText + "\n" + document.title`, &shown))
		for _, sentence := range english {
			assert.NotContains(t, shown, sentence, "%s, %s: an English sentence shows", code, state)
		}
	}
	s := sw.fresh()
	demo := fakeepic.Demo(s)
	p := b.OpenPopup(t)
	reportOnFailure(t, p, s)
	var root struct{ Lang, Dir string }
	require.NoError(t, p.Eval(`({Lang: document.documentElement.lang, Dir: document.documentElement.dir})`, &root))
	assert.Equal(t, tag, root.Lang, "<html lang>")
	assert.Equal(t, dir, root.Dir, "<html dir>")
	assert.Equal(t, local.Text(messages.Of(messages.KillButton)), text(t, p, "kill"))
	noEnglish(p, "fresh")

	paste(t, p, demo[1].Token) // the launcher: every kill type
	waitStatus(t, p, local.Text(messages.Of(messages.TokenConfirmed)))
	noEnglish(p, "a token held")

	res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
	assert.Equal(t, popuppage.Success, res.Outcome)
	assert.Equal(t, local.Text(messages.KillTypeDone("OTHERS_ACCOUNT_CLIENT")), res.Text)
	noEnglish(p, "success")

	s.FaultNext(fakeepic.Throttled(221))
	res = kill(t, p, "OTHERS_ACCOUNT_CLIENT_SERVICE")
	assert.Equal(t, local.Text(messages.Of(messages.Throttled)), res.Text)
	advice := text(t, p, "advice")
	assert.Contains(t, advice, local.Text(messages.Of(messages.NothingSignedOut)))
	// Its sentences follow each other as the language joins them: with a
	// space, or none in Japanese.
	first := local.Text(messages.Of(messages.NothingSignedOut))
	joiner := strings.TrimSuffix(strings.TrimPrefix(
		local.Text(messages.Of(messages.JoinSentences, "first", first, "second", "\x00")), first), "\x00")
	assert.Contains(t, advice, first+joiner)
	if joiner == "" {
		assert.NotContains(t, advice, first+" ")
	}
	assert.Contains(t, text(t, p, "details-text"), local.Text(messages.Of(messages.DetailsStatus, "value", "429")),
		"the details' labels are in the language too")
	noEnglish(p, "429")
}

// says renders m in the language b speaks: what the popup shows.
func says(b browser, m messages.Message) string {
	if w, ok := b.(interface{ Words() messages.Catalog }); ok && w.Words() != nil {
		return w.Words().Text(m)
	}
	return messages.English.Text(m)
}

// runLanguageCases starts a fake account service and, with start, a
// browser in each language, and checks the popup in it: the words, then
// every state's fit (the long words of German, right to left in Arabic).
func runLanguageCases(t *testing.T, start func(t *testing.T, lang string, srv *fakeepic.TLSServer) browser) {
	for _, l := range languages {
		t.Run(l.code, func(t *testing.T) {
			sw, srv := startEpic(t)
			b := start(t, l.code, srv)
			languageCase(t, b, sw, l.code, l.tag, l.dir)
			t.Run("states", func(t *testing.T) { runStateChecks(t, b, sw) })
		})
	}
}

// launchChromiumIn starts Chromium in lang, with one tab the popup's size.
func launchChromiumIn(t *testing.T, lang string, srv *fakeepic.TLSServer) *chromiumBrowser {
	t.Helper()
	b := launchChromiumWith(t, chromium.Options{ProfileDir: t.TempDir(), MapTo: srv.Addr, SPKIHash: srv.SPKIHash, Lang: lang})
	tab, err := b.NewTab("about:blank")
	require.NoError(t, err)
	require.NoError(t, tab.SetViewport(400, 600))
	var ui string
	require.NoError(t, tab.Navigate(b.URL("popup.html")))
	require.NoError(t, tab.Eval(`chrome.i18n.getUILanguage()`, &ui))
	require.True(t, strings.HasPrefix(ui, lang), "Chromium speaks %q, not %s: is chromium-l10n installed (make browsers)?", ui, lang)
	return &chromiumBrowser{b: b, tab: tab, words: localeCatalog(t, lang)}
}

func TestChromiumLanguages(t *testing.T) {
	t.Parallel()
	runLanguageCases(t, func(t *testing.T, lang string, srv *fakeepic.TLSServer) browser {
		return launchChromiumIn(t, lang, srv)
	})
}

func TestFirefoxLanguages(t *testing.T) {
	t.Parallel()
	runLanguageCases(t, func(t *testing.T, lang string, srv *fakeepic.TLSServer) browser {
		f := launchFirefoxPrefs(t, srv.Port, nil, map[string]any{
			"intl.locale.requested": lang,
			// Debian's language packs are add-ons of the application's
			// scope, which a new profile would leave off.
			"extensions.autoDisableScopes": 0,
		})
		f.words = localeCatalog(t, lang)
		return f
	})
}
