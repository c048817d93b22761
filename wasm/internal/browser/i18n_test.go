//go:build js && wasm

package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// fakeI18n answers getMessage from a locale's messages.json as the browser
// does: each $NAME$ is its placeholder's content, $1 the first value.
func fakeI18n(t *testing.T, locale string) js.Value {
	raw, err := os.ReadFile("../../../extension/_locales/" + locale + "/messages.json")
	require.NoError(t, err)
	var entries map[string]struct {
		Message      string
		Placeholders map[string]struct{ Content string }
	}
	require.NoError(t, json.Unmarshal(raw, &entries))
	named := regexp.MustCompile(`\$([A-Za-z0-9_]+)\$`)
	getMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		e, ok := entries[args[0].String()]
		if !ok {
			return ""
		}
		return named.ReplaceAllStringFunc(e.Message, func(m string) string {
			p := e.Placeholders[strings.ToLower(strings.Trim(m, "$"))]
			n, err := strconv.Atoi(strings.TrimPrefix(p.Content, "$"))
			if err != nil || len(args) < 2 || n < 1 || n > args[1].Length() {
				return ""
			}
			return args[1].Index(n - 1).String()
		})
	})
	t.Cleanup(getMessage.Release)
	i18n := js.Global().Get("Object").New()
	i18n.Set("getMessage", getMessage)
	return i18n
}

func TestTheBrowsersCatalogWritesItsLanguage(t *testing.T) {
	at := time.Date(2026, 12, 1, 16, 2, 11, 0, time.UTC)
	for _, tt := range []struct {
		name, locale, tag string
		msg               messages.Message
		want              string
	}{
		{"a value in a German sentence", "de", "de",
			messages.Of(messages.ThrottledFor, "wait", messages.Wait(221*time.Second)), "3 Min. 41 Sek."},
		{"a date in German, as Intl writes it", "de", "de",
			messages.Of(messages.InputTokenExpiredOn, "date", messages.DateTimeOf(at)), "1. Dez. 2026, 16:02 UTC"},
		{"a date in Japanese", "ja", "ja",
			messages.Of(messages.InputTokenExpiredOn, "date", messages.DateTimeOf(at)), "2026年12月1日 16:02 UTC"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &Catalog{i18n: fakeI18n(t, tt.locale), tag: tt.tag, templates: map[messages.Key]string{}}
			assert.Contains(t, c.Text(tt.msg), tt.want)
		})
	}
}

// Japanese puts no space between sentences; German does.
func TestSentencesFollowEachOtherAsTheLanguageWrites(t *testing.T) {
	for _, tt := range []struct{ locale, between string }{{"ja", ""}, {"de", " "}, {"ar", " "}} {
		t.Run(tt.locale, func(t *testing.T) {
			c := &Catalog{i18n: fakeI18n(t, tt.locale), tag: tt.locale, templates: map[messages.Key]string{}}
			first, second := messages.Of(messages.TokenForgotten), messages.Of(messages.ThrottledFor, "wait", messages.Wait(time.Minute))
			got := messages.Join(c, []messages.Message{first, second})
			assert.Equal(t, c.Text(first)+tt.between+c.Text(second), got)
		})
	}
}

// The time of day follows the language: Korean says 오후 (afternoon).
func TestTheTimeOfDayFollowsTheLanguage(t *testing.T) {
	c := &Catalog{i18n: fakeI18n(t, "ko"), tag: "ko", templates: map[messages.Key]string{}}
	afternoon := time.Date(2026, 12, 1, 16, 2, 11, 0, time.Local)
	assert.Equal(t, "오후 4:02:11", c.Moment(messages.TimeOf(afternoon)))
	assert.Equal(t, "16:02:11", messages.English.Text(messages.Of(messages.Verbatim, "text", messages.TimeOf(afternoon))))
}

// A time relative to now follows the language, with its own words for
// yesterday where it has them.
func TestARelativeTimeFollowsTheLanguage(t *testing.T) {
	now := time.Date(2026, 12, 1, 16, 2, 11, 0, time.UTC)
	for _, tt := range []struct {
		locale string
		ago    time.Duration
		want   string
	}{
		{"de", 3 * time.Hour, "vor 3 Stunden"},
		{"de", 26 * time.Hour, "gestern"},
		{"ja", 95 * 24 * time.Hour, "3 か月前"},
		{"en", 0, "now"},
	} {
		c := &Catalog{i18n: fakeI18n(t, tt.locale), tag: tt.locale, templates: map[messages.Key]string{}}
		assert.Equal(t, tt.want, c.Moment(messages.RelativeOf(now.Add(-tt.ago), now)), "%s, %s ago", tt.locale, tt.ago)
	}
}

// The numbers of a message (a wait's minutes and seconds, a count, a
// status) are written by Go, not by Intl: every language of the catalogs
// writes them with the same Latin digits (Arabic too, as Intl does for
// "ar"), and the tokens' durations stay under 100 per unit but for hours.
// Should a catalog's language write its digits otherwise, this fails.
func TestEveryCatalogsLanguageWritesNumbersAsGoDoes(t *testing.T) {
	dirs, err := os.ReadDir("../../../extension/_locales")
	require.NoError(t, err)
	require.Len(t, dirs, 13)
	intl := js.Global().Get("Intl").Get("NumberFormat")
	for _, d := range dirs {
		raw, err := os.ReadFile("../../../extension/_locales/" + d.Name() + "/messages.json")
		require.NoError(t, err)
		var tag struct{ LangTag struct{ Message string } }
		require.NoError(t, json.Unmarshal(raw, &tag))
		t.Run(tag.LangTag.Message, func(t *testing.T) {
			plain := intl.New(tag.LangTag.Message, map[string]any{"useGrouping": false})
			padded := intl.New(tag.LangTag.Message, map[string]any{"minimumIntegerDigits": 2})
			for _, n := range []int{0, 1, 5, 9, 10, 41, 59, 99, 429, 503, 2562047} {
				assert.Equal(t, strconv.Itoa(n), plain.Call("format", n).String())
				if n < 100 {
					assert.Equal(t, fmt.Sprintf("%02d", n), padded.Call("format", n).String())
				}
			}
		})
	}
}

// Once warmed, the catalog renders every message without asking the
// browser again: the first click after it pays for no lookup.
func TestAWarmedCatalogAsksTheBrowserNoMore(t *testing.T) {
	c := &Catalog{i18n: fakeI18n(t, "de"), tag: "de", templates: map[messages.Key]string{}}
	c.Warm()
	asked := 0
	count := js.FuncOf(func(js.Value, []js.Value) any { asked++; return "" })
	t.Cleanup(count.Release)
	silent := js.Global().Get("Object").New()
	silent.Set("getMessage", count)
	c.i18n = silent

	for key := range messages.English {
		if messages.English.Text(messages.Of(key)) != "" { // not a bare value such as verbatim's
			assert.NotEmpty(t, c.Text(messages.Of(key)), key)
		}
	}
	assert.NotEmpty(t, c.Moment(messages.TimeOf(time.Now())))
	assert.Zero(t, asked, "messages asked for after Warm")
}
