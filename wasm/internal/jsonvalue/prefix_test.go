package jsonvalue

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseArrayPrefixReadsTheWholeElements(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []string // the items' text
		complete bool
	}{
		{"empty input", ``, nil, false},
		{"only space", " \n", nil, false},
		{"only the bracket", `[`, nil, false},
		{"empty array", `[]`, nil, true},
		{"empty array with space", " [ \t] \n", nil, true},
		{"whole array", `[1,"a",{"b":[true]},null]`, []string{`1`, `"a"`, `{"b":[true]}`, `null`}, true},
		{"space around elements", "[ 1 ,\n2 ] ", []string{`1`, `2`}, true},
		{"cut in a number, which may go on", `[1,23`, []string{`1`}, false},
		{"cut after a comma", `[1,`, []string{`1`}, false},
		{"cut after an element, before its comma", `[{"a":1}`, nil, false},
		{"cut in a member name", `[{"a":1},{"b`, []string{`{"a":1}`}, false},
		{"cut before a colon", `[{"a":1},{"b"`, []string{`{"a":1}`}, false},
		{"cut after a colon", `[{"a":1},{"b":`, []string{`{"a":1}`}, false},
		{"cut in a string", `["ab","c`, []string{`"ab"`}, false},
		{"cut in an escape", `["ab","c\`, []string{`"ab"`}, false},
		{"cut in a unicode escape", `["ab","\u00`, []string{`"ab"`}, false},
		{"cut between surrogate escapes", `["ab","\ud83d\ud`, []string{`"ab"`}, false},
		{"cut in a UTF-8 sequence", "[\"ab\",\"\xe2\x82", []string{`"ab"`}, false},
		{"cut in true", `[1,tr`, []string{`1`}, false},
		{"cut in null", `[nul`, nil, false},
		{"cut at a minus", `[1,-`, []string{`1`}, false},
		{"cut at a decimal point", `[1.`, nil, false},
		{"cut in an exponent", `[1e+`, nil, false},
		{"cut in a nested array", `[[1],[2,[3`, []string{`[1]`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, complete, err := ParseArrayPrefix([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.complete, complete)
			assert.Equal(t, tt.want, raws(items))

			whole, parseErr := Parse([]byte(tt.in))
			assert.Equal(t, tt.complete, parseErr == nil, "only a complete array is one JSON value")
			if tt.complete {
				assert.Equal(t, raws(whole.elems), raws(items), "agrees with Parse")
			}
		})
	}
}

func TestParseArrayPrefixRefusesWhatIsWrongBeforeItsEnd(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"not JSON", `<html>`},
		{"trailing comma", `[1,]`},
		{"missing comma", `[1 2`},
		{"wrong literal", `[1,tx`},
		{"literal run on", `[nulls`},
		{"leading zero", `[01`},
		{"data after the array", `[1] x`},
		{"a second array", `[1][`},
		{"mismatched bracket", `[1}`},
		{"unknown escape", `["a\x`},
		{"non-hex unicode escape", `["\u12g`},
		{"control character in a string", "[\"a\tb"},
		{"member name not a string", `[{a`},
		{"nesting past the limit, though cut", strings.Repeat("[", MaxDepth+1)},
		{"byte order mark", "\ufeff[]"},
		{"another kind with data after it", `{} x`},
		{"another kind, wrong inside", `{"a" 1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, complete, err := ParseArrayPrefix([]byte(tt.in))
			var syntaxErr *SyntaxError
			assert.ErrorAs(t, err, &syntaxErr)
			assert.Nil(t, items)
			assert.False(t, complete)
		})
	}
}

func TestParseArrayPrefixNamesAnotherKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{`{"a":[1]}`, Object},
		{` {"a":`, Object},
		{`"abc"`, String},
		{`"ab`, String},
		{`-12.5`, Number},
		{`-`, Number},
		{`true`, Bool},
		{`f`, Bool},
		{`null`, Null},
		{`nu`, Null},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			items, complete, err := ParseArrayPrefix([]byte(tt.in))
			var typeErr *TypeError
			require.ErrorAs(t, err, &typeErr)
			assert.Equal(t, &TypeError{Got: tt.want, Want: "array"}, typeErr)
			assert.Nil(t, items)
			assert.False(t, complete)
		})
	}
}

// TestParseArrayPrefixOfEveryCut cuts one array holding every kind of
// token at each byte: every cut reads, and gives the elements that end
// before it.
func TestParseArrayPrefixOfEveryCut(t *testing.T) {
	const array = ` [ {"a":"x\"y\\u0041","b":[1,-2.5e+3,true,false,null]} , "\ud83d\ude00 é" ,[[]],{},0,"" ] `
	whole, err := Parse([]byte(array))
	require.NoError(t, err)
	seps := separators([]byte(array))
	require.Len(t, seps, len(whole.elems))
	for k := 0; k <= len(array); k++ {
		items, complete, err := ParseArrayPrefix([]byte(array[:k]))
		require.NoError(t, err, "cut at %d: %q", k, array[:k])
		n := 0
		for _, s := range seps {
			if s < k {
				n++
			}
		}
		assert.Equal(t, raws(whole.elems[:n]), raws(items), "cut at %d: %q", k, array[:k])
		assert.Equal(t, k > seps[len(seps)-1], complete, "cut at %d: %q", k, array[:k])
	}
}

func raws(items []Value) []string {
	var out []string
	for _, v := range items {
		out = append(out, v.raw)
	}
	return out
}

// separators are the offsets of the commas and the closing bracket of a
// valid JSON array's own elements: each ends one element.
func separators(data []byte) []int {
	var out []int
	structure(data, func(i int, b byte, depth int) {
		if (depth == 0 && (b == ']' || b == '}')) || (depth == 1 && b == ',') {
			out = append(out, i)
		}
	})
	return out
}

// structure calls visit with each byte of valid JSON data outside its
// strings, and the depth of arrays and objects once that byte is read: 1
// after the outer '[', 0 after its ']'.
func structure(data []byte, visit func(i int, b byte, depth int)) {
	depth, inString, escaped := 0, false, false
	for i, b := range data {
		switch {
		case escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case b == '"':
			inString = !inString
		case inString:
		default:
			switch b {
			case '[', '{':
				depth++
			case ']', '}':
				depth--
			}
			visit(i, b, depth)
		}
	}
}
