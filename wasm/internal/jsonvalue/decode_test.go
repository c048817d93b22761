package jsonvalue

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// item and sample have a field of every kind DecodeObject fills. The tags
// let encoding/json decode the same input into them, for comparison.
type item struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

type sample struct {
	Name  string    `json:"name"`
	Flag  bool      `json:"flag"`
	Count int       `json:"count"`
	At    time.Time `json:"at"`
	Words []string  `json:"words"`
	Items []item    `json:"items"`
	Inner *item     `json:"inner"`
}

func decodeItem(it *item, v Value) error {
	return v.DecodeObject(StringField("key", &it.Key), IntField("n", &it.N))
}

func decodeSample(s *sample, v Value) error {
	return v.DecodeObject(
		StringField("name", &s.Name),
		BoolField("flag", &s.Flag),
		IntField("count", &s.Count),
		TimeField("at", &s.At),
		StringsField("words", &s.Words),
		FuncField("items", func(v Value) error { return DecodeArray(v, &s.Items, decodeItem) }),
		FuncField("inner", func(v Value) error {
			if v.Kind() == Null {
				s.Inner = nil
				return nil
			}
			if s.Inner == nil {
				s.Inner = new(item)
			}
			return decodeItem(s.Inner, v)
		}),
	)
}

// decodeResult sorts an error as decoding treats it.
type decodeResult int

const (
	decoded   decodeResult = iota
	typeError              // went on past a value of the wrong type
	stopped                // stopped at an error
)

func resultOf(err error) decodeResult {
	var typeErr *TypeError
	var jsonTypeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return decoded
	case errors.As(err, &typeErr), errors.As(err, &jsonTypeErr):
		return typeError
	}
	return stopped
}

var (
	when  = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	later = time.Date(2027, 6, 7, 8, 9, 10, 123_000_000, time.UTC)
)

func TestDecodeObjectFillsFieldsAsEncodingJSONFillsAStruct(t *testing.T) {
	tests := []struct {
		name   string
		before sample
		in     string
		want   sample
		result decodeResult
	}{
		{name: "every field",
			in: `{"name":"n","flag":true,"count":-3,"at":"2027-06-07T08:09:10.123Z","words":["a","b"],"items":[{"key":"k","n":1}],"inner":{"key":"i","n":2}}`,
			want: sample{Name: "n", Flag: true, Count: -3, At: later, Words: []string{"a", "b"},
				Items: []item{{"k", 1}}, Inner: &item{"i", 2}}},
		{name: "names in another case", in: `{"NAME":"n","Flag":true,"cOUNT":3}`,
			want: sample{Name: "n", Flag: true, Count: 3}},
		{name: "names under Unicode case folding", in: `{"wordſ":["x"],"items":[{"\u212aey":"k"}]}`,
			want: sample{Words: []string{"x"}, Items: []item{{Key: "k"}}}},
		{name: "escaped names", in: `{"n\u0061me":"n"}`, want: sample{Name: "n"}},
		{name: "other members are skipped", in: `{"other":{"name":"x"},"name":"n","names":"y"}`, want: sample{Name: "n"}},
		{name: "null leaves values as they were", before: sample{Name: "keep", Flag: true, Count: 5, At: when},
			in:   `{"name":null,"flag":null,"count":null,"at":null}`,
			want: sample{Name: "keep", Flag: true, Count: 5, At: when}},
		{name: "null clears slices and pointers", before: sample{Words: []string{"a"}, Items: []item{{"k", 1}}, Inner: &item{}},
			in: `{"words":null,"items":null,"inner":null}`, want: sample{}},
		{name: "a wrong type leaves its field and decoding goes on", before: sample{Count: 5},
			in: `{"count":"3","flag":"yes","words":"a","items":{},"name":"n"}`, want: sample{Name: "n", Count: 5},
			result: typeError},
		{name: "a pointer is made before its value turns out of the wrong type", in: `{"inner":[]}`,
			want: sample{Inner: &item{}}, result: typeError},
		{name: "a fraction is no int", in: `{"count":1.5}`, result: typeError},
		{name: "an int out of range", in: `{"count":99999999999999999999}`, result: typeError},
		{name: "a repeated name decodes again", in: `{"name":"a","name":"b"}`, want: sample{Name: "b"}},
		{name: "a repeated name that is null keeps the first", in: `{"name":"a","name":null}`, want: sample{Name: "a"}},
		{name: "a repeated name of the wrong type keeps the first", in: `{"name":"a","name":1}`, want: sample{Name: "a"},
			result: typeError},
		{name: "a repeated object decodes over the first", in: `{"inner":{"key":"a"},"inner":{"n":2}}`,
			want: sample{Inner: &item{"a", 2}}},
		{name: "a repeated array decodes over the first one's elements",
			in:   `{"items":[{"key":"a","n":1},{"key":"b"}],"items":[{"n":2}]}`,
			want: sample{Items: []item{{"a", 2}}}},
		{name: "a null element keeps what was there", in: `{"words":["a","b"],"words":[null]}`,
			want: sample{Words: []string{"a"}}},
		{name: "a null element past the length finds what an earlier member left",
			in:   `{"words":["a","b","c"],"words":["x"],"words":[null,null,null]}`,
			want: sample{Words: []string{"x", "b", "c"}}},
		{name: "an empty array is an empty slice", before: sample{Words: []string{"a"}}, in: `{"words":[]}`,
			want: sample{Words: []string{}}},
		{name: "an element of the wrong type stays as it was", in: `{"items":[1,{"key":"b"}]}`,
			want: sample{Items: []item{{}, {Key: "b"}}}, result: typeError},
		{name: "an escaped time is unreadable", before: sample{At: when}, in: `{"at":"2026-01-02T03:04:05\u005a","name":"n"}`,
			result: stopped},
		{name: "a time that is no string stops decoding", before: sample{At: when}, in: `{"at":5,"name":"n"}`,
			want: sample{At: when}, result: stopped},
		{name: "an unreadable time is zeroed and stops decoding", before: sample{At: when}, in: `{"at":"soon","name":"n"}`,
			result: stopped},
		{name: "top-level null", before: sample{Name: "keep"}, in: `null`, want: sample{Name: "keep"}},
		{name: "top-level array", in: `[{"name":"n"}]`, result: typeError},
		{name: "top-level string", in: `"name"`, result: typeError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fromJSON sample
			copyInto(t, &fromJSON, tt.before)
			err := json.Unmarshal([]byte(tt.in), &fromJSON)
			require.Equal(t, tt.result, resultOf(err), "the case disagrees with encoding/json: %v", err)
			require.Equal(t, tt.want, fromJSON, "the case disagrees with encoding/json")

			v, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			var got sample
			copyInto(t, &got, tt.before)
			err = decodeSample(&got, v)
			assert.Equal(t, tt.result, resultOf(err), "%v", err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// copyInto gives dst its own copy of src, so that slices decoded into are
// not shared between the two decodings.
func copyInto(t *testing.T, dst *sample, src sample) {
	b, err := json.Marshal(src)
	require.NoError(t, err)
	*dst = sample{}
	require.NoError(t, json.Unmarshal(b, dst))
	if src.Words == nil {
		dst.Words = nil
	}
	if src.Items == nil {
		dst.Items = nil
	}
}

func TestDecodeArrayDecodesAsEncodingJSONDecodesASlice(t *testing.T) {
	tests := []struct {
		name   string
		before []sample
		in     string
		want   []sample
		result decodeResult
	}{
		{name: "elements", in: `[{"name":"a"},{"count":2}]`, want: []sample{{Name: "a"}, {Count: 2}}},
		{name: "null element", in: `[null]`, want: []sample{{}}},
		{name: "empty", before: []sample{{Name: "a"}}, in: `[]`, want: []sample{}},
		{name: "null", before: []sample{{Name: "a"}}, in: `null`, want: nil},
		{name: "an object is no array", before: []sample{{Name: "a"}}, in: `{"name":"b"}`, want: []sample{{Name: "a"}},
			result: typeError},
		{name: "a number is no array", in: `1`, result: typeError},
		{name: "what decoded before a stop stays",
			in:     `[{"name":"a"},{"name":"b","at":5,"count":2},{"name":"c"}]`,
			want:   []sample{{Name: "a"}, {Name: "b"}},
			result: stopped},
		{name: "decoding goes on past a type error", in: `[{"count":"x","name":"a"},{"name":"b"}]`,
			want: []sample{{Name: "a"}, {Name: "b"}}, result: typeError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromJSON := append([]sample(nil), tt.before...)
			err := json.Unmarshal([]byte(tt.in), &fromJSON)
			require.Equal(t, tt.result, resultOf(err), "the case disagrees with encoding/json: %v", err)
			require.Equal(t, tt.want, fromJSON, "the case disagrees with encoding/json")

			v, err := Parse([]byte(tt.in))
			require.NoError(t, err)
			got := append([]sample(nil), tt.before...)
			err = DecodeArray(v, &got, decodeSample)
			assert.Equal(t, tt.result, resultOf(err), "%v", err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestFieldNamesMatchAsEncodingJSONMatchesThem tries every rune that has
// other case forms (no other rune can match a name it is not in) against
// fields named a to z.
func TestFieldNamesMatchAsEncodingJSONMatchesThem(t *testing.T) {
	var structFields []reflect.StructField
	var fields []Field
	targets := make([]int, 26)
	for i := range 26 {
		letter := string(rune('a' + i))
		structFields = append(structFields, reflect.StructField{
			Name: strings.ToUpper(letter), Type: reflect.TypeFor[int](), Tag: reflect.StructTag(`json:"` + letter + `"`),
		})
		fields = append(fields, IntField(letter, &targets[i]))
	}
	letters := reflect.StructOf(structFields)

	tried := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.SimpleFold(r) == r {
			continue
		}
		tried++
		in, err := json.Marshal(map[string]int{string(r): 1})
		require.NoError(t, err)

		fromJSON := reflect.New(letters)
		require.NoError(t, json.Unmarshal(in, fromJSON.Interface()))
		want := -1
		for i := range 26 {
			if fromJSON.Elem().Field(i).Int() == 1 {
				want = i
			}
		}

		clear(targets)
		v, err := Parse(in)
		require.NoError(t, err)
		require.NoError(t, v.DecodeObject(fields...))
		got := -1
		for i, n := range targets {
			if n == 1 {
				got = i
			}
		}
		require.Equal(t, want, got, "%U %q", r, r)
	}
	assert.Greater(t, tried, 2000)
}
