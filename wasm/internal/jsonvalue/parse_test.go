package jsonvalue

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAcceptsExactlyWhatEncodingJSONAccepts(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		valid bool
	}{
		{"object", `{"a":1,"b":[true,false,null],"c":{"d":"e"}}`, true},
		{"space around and inside", " \t\r\n{ \"a\" : [ 1 , 2 ] }\n", true},
		{"empty object and array", `[{},[]]`, true},
		{"bare string", `"x"`, true},
		{"bare number", `-12.5e+3`, true},
		{"bare literals", `null`, true},
		{"negative zero", `-0`, true},
		{"zero fraction exponent", `0.0e-0`, true},
		{"huge number", `1e400`, true},
		{"long integer", `123456789012345678901234567890`, true},
		{"all escapes", `"\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00"`, true},
		{"lone surrogate escape", `"\ud800"`, true},
		{"invalid UTF-8 inside a string", "\"\xff\xfe\"", true},
		{"DEL inside a string", "\"\x7f\"", true},
		{"repeated names", `{"a":1,"a":2}`, true},

		{"empty", ``, false},
		{"only space", ` `, false},
		{"two values", `1 2`, false},
		{"data after the value", `{}x`, false},
		{"leading zero", `01`, false},
		{"negative leading zero", `-01`, false},
		{"plus sign", `+1`, false},
		{"bare minus", `-`, false},
		{"fraction without digits", `1.`, false},
		{"fraction without integer", `.5`, false},
		{"exponent without digits", `1e`, false},
		{"exponent sign only", `1e+`, false},
		{"hex number", `0x10`, false},
		{"NaN", `NaN`, false},
		{"Infinity", `-Infinity`, false},
		{"literal in capitals", `True`, false},
		{"literal cut short", `nul`, false},
		{"literal run on", `nulls`, false},
		{"single quotes", `'a'`, false},
		{"unclosed string", `"abc`, false},
		{"control character in a string", "\"a\tb\"", false},
		{"NUL in a string", "\"\x00\"", false},
		{"unknown escape", `"\x41"`, false},
		{"single-quote escape", `"\'"`, false},
		{"short unicode escape", `"\u12"`, false},
		{"non-hex unicode escape", `"\u12g4"`, false},
		{"escape at the end", `"\`, false},
		{"trailing comma in an array", `[1,]`, false},
		{"trailing comma in an object", `{"a":1,}`, false},
		{"missing comma", `[1 2]`, false},
		{"missing colon", `{"a" 1}`, false},
		{"name not a string", `{a:1}`, false},
		{"number as a name", `{1:1}`, false},
		{"unclosed array", `[1`, false},
		{"unclosed object", `{"a":1`, false},
		{"mismatched brackets", `[1}`, false},
		{"byte order mark", "\ufeff{}", false},
		{"NUL after the value", "{}\x00", false},
		{"vertical tab as space", "\v1", false},
		{"non-breaking space as space", "\u00a01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if tt.valid {
				assert.NoError(t, err)
				return
			}
			var syntaxErr *SyntaxError
			assert.ErrorAs(t, err, &syntaxErr)
		})
	}
}

func TestParseDecodesStringsAsEncodingJSONDoes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", `"abc"`, "abc"},
		{"empty", `""`, ""},
		{"simple escapes", `"\"\\\/\b\f\n\r\t"`, "\"\\/\b\f\n\r\t"},
		{"unicode escape", `"\u00e9\u20AC"`, "é€"},
		{"NUL escape", `"\u0000"`, "\x00"},
		{"UTF-8 kept", `"héllo 😀"`, "héllo 😀"},
		{"surrogate pair", `"\ud83d\ude00"`, "😀"},
		{"surrogate pair in capitals", `"\uD83D\uDE00"`, "😀"},
		{"lone high surrogate", `"\ud83d"`, "\uFFFD"},
		{"lone low surrogate", `"\ude00"`, "\uFFFD"},
		{"high surrogate then text", `"\ud83dx"`, "\uFFFDx"},
		{"high surrogate then other escape", `"\ud83d\u0041"`, "\uFFFDA"},
		{"high surrogate then newline escape", `"\ud83d\n"`, "\uFFFD\n"},
		{"two high surrogates then a low one", `"\ud83d\ud83d\ude00"`, "\uFFFD😀"},
		{"low surrogate then high", `"\ude00\ud83d"`, "\uFFFD\uFFFD"},
		{"escaped U+FFFD", `"\ufffd"`, "\uFFFD"},
		{"invalid byte", "\"a\xffb\"", "a\uFFFDb"},
		{"each invalid byte on its own", "\"\xff\xfe\"", "\uFFFD\uFFFD"},
		{"truncated sequence", "\"\xe2\x82\"", "\uFFFD\uFFFD"},
		{"overlong encoding", "\"\xc0\xaf\"", "\uFFFD\uFFFD"},
		{"surrogate encoded in UTF-8", "\"\xed\xa0\x80\"", "\uFFFD\uFFFD\uFFFD"},
		{"invalid byte after an escape", "\"\\n\xff\"", "\n\uFFFD"},
		{"DEL", "\"\x7f\"", "\x7f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want string
			require.NoError(t, json.Unmarshal([]byte(tt.in), &want))
			require.Equal(t, tt.want, want, "the case disagrees with encoding/json")
			v, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			got, ok := v.AsString()
			assert.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// Parse refuses what nests deeper than MaxDepth, which encoding/json, with
// its limit of 10,000, accepts.
func TestParseLimitsNesting(t *testing.T) {
	nested := func(depth int, open, close string) string {
		return strings.Repeat(open, depth) + strings.Repeat(close, depth)
	}
	tests := []struct {
		name  string
		in    string
		valid bool
	}{
		{"arrays at the limit", nested(MaxDepth, "[", "]"), true},
		{"arrays past the limit", nested(MaxDepth+1, "[", "]"), false},
		{"objects at the limit", strings.Repeat(`{"a":`, MaxDepth-1) + "{}" + strings.Repeat("}", MaxDepth-1), true},
		{"objects past the limit", strings.Repeat(`{"a":`, MaxDepth) + "{}" + strings.Repeat("}", MaxDepth), false},
		{"mixed past the limit", nested(MaxDepth/2, `[{"a":`, "}]") + "[]", false},
		{"deep but unclosed", strings.Repeat("[", MaxDepth+1), false},
		{"far past the limit, which would overflow the browser's stack", nested(200000, "[", "]"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			assert.Equal(t, tt.valid, err == nil, "%v", err)
		})
	}
}

func TestGetTakesTheLastOfARepeatedName(t *testing.T) {
	v, err := Parse([]byte(`{"a":1,"b":2,"a":"x","A":3}`))
	require.NoError(t, err)
	tests := []struct {
		name   string
		want   string
		wantOK bool
	}{
		{"a", `"x"`, true},
		{"b", `2`, true},
		{"A", `3`, true},
		{"c", ``, false},
	}
	for _, tt := range tests {
		got, ok := v.Get(tt.name)
		assert.Equal(t, tt.wantOK, ok, tt.name)
		assert.Equal(t, tt.want, got.raw, tt.name)
	}
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(`{"a":1,"a":"x"}`), &m))
	assert.Equal(t, `"x"`, string(m["a"]), "encoding/json keeps the last too")
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in        string
		wantFloat float64
		floatOK   bool
		wantInt   int
		intOK     bool
	}{
		{"0", 0, true, 0, true},
		{"-0", math.Copysign(0, -1), true, 0, true},
		{"42", 42, true, 42, true},
		{"-17", -17, true, -17, true},
		{"1.5", 1.5, true, 0, false},
		{"1.0", 1, true, 0, false},
		{"1e2", 100, true, 0, false},
		{"1E+2", 100, true, 0, false},
		{"2.5e-3", 0.0025, true, 0, false},
		{"9223372036854775807", 9223372036854775807, true, math.MaxInt64, true},
		{"-9223372036854775808", -9223372036854775808, true, math.MinInt64, true},
		{"9223372036854775808", 9223372036854775808, true, 0, false},
		{"-9223372036854775809", -9223372036854775809, true, 0, false},
		{"1e400", 0, false, 0, false},
		{"-1e400", 0, false, 0, false},
		{"1e-400", 0, true, 0, false},
		{"1.7976931348623157e308", math.MaxFloat64, true, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var f float64
			require.Equal(t, tt.floatOK, json.Unmarshal([]byte(tt.in), &f) == nil, "the case disagrees with encoding/json")
			var n int
			require.Equal(t, tt.intOK, json.Unmarshal([]byte(tt.in), &n) == nil, "the case disagrees with encoding/json")

			v, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, Number, v.Kind())
			gotFloat, ok := v.AsFloat64()
			assert.Equal(t, tt.floatOK, ok)
			assert.Equal(t, tt.wantFloat, gotFloat)
			assert.Equal(t, math.Signbit(tt.wantFloat), math.Signbit(gotFloat), "the sign of zero")
			gotInt, ok := v.AsInt()
			assert.Equal(t, tt.intOK, ok)
			assert.Equal(t, tt.wantInt, gotInt)
		})
	}
}

func TestAccessorsReadOnlyTheirKind(t *testing.T) {
	tests := []struct {
		in       string
		kind     Kind
		str      string
		boolean  bool
		number   float64
		elements int
	}{
		{`"true"`, String, "true", false, 0, 0},
		{`"1"`, String, "1", false, 0, 0},
		{`true`, Bool, "", true, 0, 0},
		{`false`, Bool, "", false, 0, 0},
		{`null`, Null, "", false, 0, 0},
		{`7`, Number, "", false, 7, 0},
		{`[1,2]`, Array, "", false, 0, 2},
		{`{"a":1}`, Object, "", false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.kind, v.Kind())
			s, ok := v.AsString()
			assert.Equal(t, tt.kind == String, ok)
			assert.Equal(t, tt.str, s)
			b, ok := v.AsBool()
			assert.Equal(t, tt.kind == Bool, ok)
			assert.Equal(t, tt.boolean, b)
			f, ok := v.AsFloat64()
			assert.Equal(t, tt.kind == Number, ok)
			assert.Equal(t, tt.number, f)
			n, ok := v.AsInt()
			assert.Equal(t, tt.kind == Number, ok)
			assert.Equal(t, int(tt.number), n)
			if tt.kind == Array {
				assert.Len(t, v.elems, tt.elements)
			}
			_, ok = v.Get("a")
			assert.Equal(t, tt.kind == Object, ok)
		})
	}
	var missing Value
	assert.Equal(t, Invalid, missing.Kind())
	_, ok := missing.AsString()
	assert.False(t, ok)
}

func TestSyntaxErrorSaysWhere(t *testing.T) {
	tests := []struct {
		in     string
		offset int
	}{
		{`[1,]`, 3},
		{`{"a" 1}`, 5},
		{`"a` + "\n" + `"`, 2},
		{`1 2`, 2},
		{``, 0},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		var syntaxErr *SyntaxError
		require.ErrorAs(t, err, &syntaxErr, tt.in)
		assert.Equal(t, tt.offset, syntaxErr.Offset, tt.in)
		assert.Contains(t, err.Error(), "at offset", tt.in)
	}
}
