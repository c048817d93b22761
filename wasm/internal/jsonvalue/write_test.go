package jsonvalue

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppendStringEscapesAsMarshalDoes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "abc", `"abc"`},
		{"empty", "", `""`},
		{"quote and backslash", `a"b\c`, `"a\"b\\c"`},
		{"slash stays", "a/b", `"a/b"`},
		{"short escapes", "\b\f\n\r\t", `"\b\f\n\r\t"`},
		{"other control characters", "\x00\x01\x1f", `"\u0000\u0001\u001f"`},
		{"DEL stays", "\x7f", "\"\x7f\""},
		{"HTML characters", "<a href='x'>&amp;</a>", `"\u003ca href='x'\u003e\u0026amp;\u003c/a\u003e"`},
		{"line and paragraph separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`},
		{"other UTF-8 stays", "é€😀\u2027\u202a", "\"é€😀\u2027\u202a\""},
		{"invalid byte", "a\xffb", `"a\ufffdb"`},
		{"each invalid byte on its own", "\xc0\xaf", `"\ufffd\ufffd"`},
		{"truncated sequence at the end", "ab\xe2\x82", `"ab\ufffd\ufffd"`},
		{"U+FFFD itself stays", "\uFFFD", "\"\uFFFD\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, string(marshalled), "the case disagrees with encoding/json")
			assert.Equal(t, tt.want, string(AppendString(nil, tt.in)))
			assert.Equal(t, "x"+tt.want, string(AppendString([]byte("x"), tt.in)), "appends")
		})
	}
}

// written has a member of every kind ObjectWriter adds, under tags that
// make json.Marshal write what writeObject writes.
type written struct {
	Text    string          `json:"text"`
	Flag    bool            `json:"flag"`
	Number  int             `json:"number"`
	At      time.Time       `json:"at"`
	Nested  json.RawMessage `json:"nested"`
	Omitted string          `json:"omitted,omitempty"`
}

func writeObject(w written) ([]byte, error) {
	var o ObjectWriter
	o.AddString("text", w.Text)
	o.AddBool("flag", w.Flag)
	o.AddInt("number", w.Number)
	o.AddTime("at", w.At)
	o.AddJSON("nested", w.Nested, nil)
	if w.Omitted != "" {
		o.AddString("omitted", w.Omitted)
	}
	return o.Bytes()
}

func TestObjectWriterWritesWhatMarshalWrites(t *testing.T) {
	tests := []struct {
		name string
		in   written
		want string
	}{
		{"zero values", written{Nested: json.RawMessage(`null`)},
			`{"text":"","flag":false,"number":0,"at":"0001-01-01T00:00:00Z","nested":null}`},
		{"every member",
			written{Text: "<b>\u2028", Flag: true, Number: -42, At: time.Date(2026, 11, 27, 20, 0, 0, 123_400_000, time.FixedZone("X", 5400)),
				Nested: json.RawMessage(`[{"a":1}]`), Omitted: "o"},
			`{"text":"\u003cb\u003e\u2028","flag":true,"number":-42,"at":"2026-11-27T20:00:00.1234+01:30","nested":[{"a":1}],"omitted":"o"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, string(marshalled), "the case disagrees with encoding/json")
			got, err := writeObject(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestObjectWriterFails(t *testing.T) {
	tooLate := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err := json.Marshal(written{At: tooLate})
	require.Error(t, err, "encoding/json refuses the year 10000 too")

	broken := errors.New("broken")
	tests := []struct {
		name  string
		write func(o *ObjectWriter)
		want  string
	}{
		{"a time past the year 9999", func(o *ObjectWriter) { o.AddTime("at", tooLate) }, "Time.MarshalJSON: year outside of range [0,9999]"},
		{"a member that failed", func(o *ObjectWriter) { o.AddJSON("nested", nil, broken) }, "broken"},
		{"the first failure counts", func(o *ObjectWriter) {
			o.AddString("text", "x")
			o.AddJSON("nested", nil, broken)
			o.AddTime("at", tooLate)
		}, "broken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o ObjectWriter
			tt.write(&o)
			b, err := o.Bytes()
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, b)
		})
	}

	var empty ObjectWriter
	b, err := empty.Bytes()
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
}

func TestEncodeArrayWritesWhatMarshalWrites(t *testing.T) {
	quote := func(s string) ([]byte, error) { return AppendString(nil, s), nil }
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"nil", nil, `null`},
		{"empty", []string{}, `[]`},
		{"elements", []string{"a", "<b>", ""}, `["a","\u003cb\u003e",""]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marshalled, err := json.Marshal(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.want, string(marshalled), "the case disagrees with encoding/json")
			got, err := EncodeArray(tt.in, quote)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}

	broken := errors.New("broken")
	_, err := EncodeArray([]string{"a", "b"}, func(s string) ([]byte, error) {
		if s == "b" {
			return nil, broken
		}
		return quote(s)
	})
	assert.ErrorIs(t, err, broken)
}
