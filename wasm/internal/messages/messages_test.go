package messages

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every key declared in english.go has its English text, and every text a
// key declared or made from a kill type's name. (The compiler refuses a key
// written twice in the catalog.)
func TestEveryKeyHasItsText(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "english.go", nil, 0)
	require.NoError(t, err)
	declared := map[Key]bool{}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				key, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				require.NoError(t, err)
				declared[Key(key)] = true
			}
		}
	}
	assert.Greater(t, len(declared), 100, "the keys were read")
	for key := range declared {
		assert.Contains(t, English, key, "a declared key without a text")
	}
	for key := range English {
		made := false
		for _, prefix := range []string{"label_", "describe_", "done_", "confirm_", "client_"} {
			made = made || strings.HasPrefix(string(key), prefix)
		}
		assert.True(t, declared[key] || made, "%s: a text no key names", key)
	}
}

// The popup announces its sentences in a player's words: an HTTP status
// and Epic's error codes are only in the history's reference to an answer
// and in the details, never in a sentence of the result, the advice or the
// token's status.
func TestOnlyReferencesAndDetailsNameAStatusOrCode(t *testing.T) {
	reference := map[Key]bool{ReferenceStatus: true, ReferenceCode: true, DetailsStatus: true, DetailsNoStatus: true,
		DetailsErrorCode: true, DetailsNumericCode: true}
	for key := range reference {
		require.Contains(t, English, key)
	}
	for key, text := range English {
		names := strings.Contains(text, "HTTP") || strings.Contains(strings.ToLower(text), "errorcode") || strings.Contains(text, "errors.com")
		for _, p := range placeholders(English, key) {
			names = names || p == "status" || p == "code" || p == "number"
		}
		assert.Equal(t, reference[key], names, "%s: %q", key, text)
	}
}

func TestEnglishTextsAreWholeAndBalanced(t *testing.T) {
	for key, text := range English {
		assert.NotEmpty(t, strings.TrimSpace(text), key)
		assert.Equal(t, strings.Count(text, "{"), strings.Count(text, "}"), "%s: %q", key, text)
		for _, name := range placeholders(English, key) {
			assert.Regexp(t, `^[a-zA-Z]+$`, name, "%s: a placeholder name", key)
		}
	}
}

func TestText(t *testing.T) {
	c := Catalog{"plain": "Done.", "one": "Use {killType}.", "two": "{a} then {b}, {a}.", "nested": "Wait {wait}.",
		"list": "Try {names} instead.", "or": " or ", "odd": "An { open brace"}
	tests := []struct {
		name string
		msg  Message
		want string
	}{
		{"no placeholder", Of("plain"), "Done."},
		{"one value", Of("one", "killType", "ALL"), "Use ALL."},
		{"a value used twice, in the text's order", Of("two", "b", "2", "a", "1"), "1 then 2, 1."},
		{"a missing value is empty", Of("one"), "Use ."},
		{"an int", Of("one", "killType", 429), "Use 429."},
		{"a message inside", Of("nested", "wait", Of("plain")), "Wait Done.."},
		{"a list", Of("list", "names", List{Items: []string{"A", "B"}, Joiner: "or"}), "Try A or B instead."},
		{"an unknown key shows itself", Of("missing"), "missing"},
		{"an unclosed brace stays", Of("odd"), "An { open brace"},
		{"a value with braces is not read again", Of("one", "killType", "{killType}"), "Use {killType}."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, c.Text(tt.msg))
		})
	}
}

func TestJoin(t *testing.T) {
	spaced := Catalog{"a": "One.", "b": "Two.", "c": "{x}", "empty": "", JoinSentences: "{first} {second}"}
	unspaced := Catalog{"a": "一。", "b": "二。", "c": "{x}", "empty": "", JoinSentences: "{first}{second}"}
	three := []Message{Of("a"), Of("empty"), Of("b"), Of("c", "x", "{second}")}
	for _, tt := range []struct {
		name string
		c    Catalog
		msgs []Message
		want string
	}{
		{"none", spaced, nil, ""},
		{"one", spaced, []Message{Of("a")}, "One."},
		{"a space between sentences, none for an empty one", spaced, three, "One. Two. {second}"},
		{"no space where the language puts none", unspaced, three, "一。二。{second}"},
		{"only empty ones", spaced, []Message{Of("empty"), Of("empty")}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Join(tt.c, tt.msgs))
		})
	}
	assert.Equal(t, "One. Two.", JoinTexts(English, []string{"One.", "", "Two."}), "the Go catalog joins with a space")
}

// clock writes moments as a browser's Intl would, in a language of its own.
type clock struct{ c Catalog }

func (k clock) Text(m Message) string { return Fill(k, k.c[m.Key], m.Args) }

func (clock) Moment(m Moment) string {
	if m.Style == DateTimeUTC {
		return m.Time.UTC().Format("2006/01/02 15:04 UTC")
	}
	return m.Time.Format("15時04分05秒")
}

func TestMomentsAreWrittenByTheLanguage(t *testing.T) {
	at := time.Date(2026, 12, 1, 16, 2, 11, 0, time.UTC)
	english := Catalog{"at": "At {time}.", "on": "On {date}."}
	for _, tt := range []struct {
		name string
		t    Texts
		msg  Message
		want string
	}{
		{"English: a date and time in UTC", english, Of("on", "date", DateTimeOf(at.In(time.FixedZone("X", 3600)))), "On 1 Dec 2026 at 16:02 UTC."},
		{"English: a time of day, local", english, Of("at", "time", TimeOf(at)), "At " + at.Local().Format("15:04:05") + "."},
		{"a language that writes its own: date", clock{english}, Of("on", "date", DateTimeOf(at)), "On 2026/12/01 16:02 UTC."},
		{"a language that writes its own: time", clock{english}, Of("at", "time", TimeOf(at)), "At 16時02分11秒."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.t.Text(tt.msg))
		})
	}
}

// A relative moment counts in the largest whole unit, as
// Intl.RelativeTimeFormat takes it, and English says it.
func TestRelativeMoments(t *testing.T) {
	now := time.Date(2026, 12, 1, 16, 2, 11, 0, time.UTC)
	for _, tt := range []struct {
		ago     time.Duration
		n       int64
		unit    string
		english string
	}{
		{0, 0, "second", "now"},
		{59 * time.Second, 0, "second", "now"},
		{-59 * time.Second, 0, "second", "now"},
		{time.Minute, -1, "minute", "1 minute ago"},
		{59 * time.Minute, -59, "minute", "59 minutes ago"},
		{3 * time.Hour, -3, "hour", "3 hours ago"},
		{26 * time.Hour, -1, "day", "1 day ago"},
		{13 * 24 * time.Hour, -1, "week", "1 week ago"},
		{95 * 24 * time.Hour, -3, "month", "3 months ago"},
		{400 * 24 * time.Hour, -1, "year", "1 year ago"},
		{-2 * time.Hour, 2, "hour", "in 2 hours"},
	} {
		m := RelativeOf(now.Add(-tt.ago), now)
		n, unit := m.RelativeUnit()
		assert.Equal(t, tt.n, n, "%s ago", tt.ago)
		assert.Equal(t, tt.unit, unit, "%s ago", tt.ago)
		assert.Equal(t, tt.english, Catalog{"k": "{t}"}.Text(Of("k", "t", m)), "%s ago", tt.ago)
	}
}

func TestPlaceholders(t *testing.T) {
	c := Catalog{"k": "{b} and {a}, {b}"}
	assert.Equal(t, []string{"a", "b"}, placeholders(c, "k"))
	assert.Empty(t, placeholders(c, "missing"))
}

func TestWait(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Second:                      "0 s",
		0:                                 "0 s",
		time.Nanosecond:                   "1 s",
		999 * time.Millisecond:            "1 s",
		time.Second:                       "1 s",
		12 * time.Second:                  "12 s",
		59*time.Second + time.Millisecond: "1 min 00 s",
		time.Minute:                       "1 min 00 s",
		65 * time.Second:                  "1 min 05 s",
		221 * time.Second:                 "3 min 41 s",
		time.Hour:                         "1 h 00 min 00 s",
		6798 * time.Second:                "1 h 53 min 18 s",
		time.Duration(1<<63 - 1):          "2562047 h 47 min 17 s",
	} {
		assert.Equal(t, want, English.Text(Wait(d)), d.String())
	}
}

func TestTimeLeft(t *testing.T) {
	for _, tc := range []struct {
		left time.Duration
		want string
	}{
		{8 * time.Hour, "8 h 00 min"},
		{90 * time.Minute, "1 h 30 min"},
		{61*time.Minute + time.Second, "1 h 02 min"},
		{59 * time.Minute, "59 min"},
		{time.Second, "1 min"},
		{0, "expired"},
		{-time.Hour, "expired"},
	} {
		assert.Equal(t, tc.want, English.Text(TimeLeft(tc.left)), tc.left.String())
	}
}

// placeholders are the names of the placeholders in key's text, sorted.
func placeholders(c Catalog, key Key) []string {
	var names []string
	seen := map[string]bool{}
	for text := c[key]; ; {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			break
		}
		if name := text[open+1 : open+end]; !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
		text = text[open+end+1:]
	}
	sort.Strings(names)
	return names
}
