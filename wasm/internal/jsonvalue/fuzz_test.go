//go:build !js

package jsonvalue

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// FuzzParse holds Parse to encoding/json: it accepts exactly what json.Valid
// accepts and builds the tree json.Unmarshal builds into an any. A number
// beyond float64's range is valid JSON that json.Unmarshal leaves nil and
// reports as an *json.UnmarshalTypeError; Parse keeps it, and its AsFloat64
// reports false.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`{"errorCode":"errors.com.epicgames.common.throttled","messageVars":["221"],"numericErrorCode":1041}`,
		`[true,false,null,"",{},[]]`, `-0`, `1e400`, `{"a":1,"a":2}`, "\"\xff\\ud800\"", `[1,]`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		valid := json.Valid(data) && nesting(data) <= MaxDepth
		if (err == nil) != valid {
			t.Fatalf("Parse error %v, json.Valid %v", err, valid)
		}
		if !valid {
			return
		}
		if want := strings.Trim(string(data), " \t\r\n"); v.raw != want {
			t.Fatalf("the value's text is %q, want %q", v.raw, want)
		}
		var want any
		jsonErr := json.Unmarshal(data, &want)
		var typeErr *json.UnmarshalTypeError
		switch unreadable := hasUnreadableNumber(v); {
		case jsonErr == nil && unreadable:
			t.Fatalf("a number AsFloat64 cannot read, which encoding/json read")
		case jsonErr != nil && (!unreadable || !errors.As(jsonErr, &typeErr)):
			t.Fatalf("encoding/json failed with %v", jsonErr)
		}
		if diff := differ(v, want, "$"); diff != "" {
			t.Fatal(diff)
		}
	})
}

func hasUnreadableNumber(v Value) bool {
	if _, ok := v.AsFloat64(); v.kind == Number && !ok {
		return true
	}
	for _, e := range v.elems {
		if hasUnreadableNumber(e) {
			return true
		}
	}
	return false
}

// differ describes where v is not what json.Unmarshal put into an any,
// or returns "".
func differ(v Value, want any, path string) string {
	mismatch := func() string { return path + ": parsed " + v.kind.String() + " " + v.raw }
	switch want := want.(type) {
	case nil:
		if _, ok := v.AsFloat64(); v.kind != Null && (v.kind != Number || ok) {
			return mismatch()
		}
	case bool:
		if b, ok := v.AsBool(); !ok || b != want {
			return mismatch()
		}
	case float64:
		if f, ok := v.AsFloat64(); !ok || math.Float64bits(f) != math.Float64bits(want) {
			return mismatch()
		}
	case string:
		if s, ok := v.AsString(); !ok || s != want {
			return mismatch()
		}
	case []any:
		if v.kind != Array || len(v.elems) != len(want) {
			return mismatch()
		}
		for i, e := range v.elems {
			if diff := differ(e, want[i], path+"[]"); diff != "" {
				return diff
			}
		}
	case map[string]any:
		if v.kind != Object {
			return mismatch()
		}
		names := map[string]bool{}
		for _, name := range v.keys {
			names[name] = true
		}
		if len(names) != len(want) {
			return mismatch()
		}
		for name, w := range want {
			member, ok := v.Get(name)
			if !ok {
				return path + ": no member " + name
			}
			if diff := differ(member, w, path+"."+name); diff != "" {
				return diff
			}
		}
	default:
		return path + ": encoding/json gave a type this test does not know"
	}
	return ""
}

// FuzzAppendString holds AppendString to json.Marshal, and reads its output
// back with Parse: the text again, each invalid byte as U+FFFD.
func FuzzAppendString(f *testing.F) {
	for _, seed := range []string{"", "abc", "<&>", "\u2028", "\xff", "\x00\x1f\x7f", `"\`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		got := AppendString(nil, s)
		if !bytes.Equal(got, want) {
			t.Fatalf("AppendString wrote %s, json.Marshal %s", got, want)
		}
		v, err := Parse(got)
		if err != nil {
			t.Fatal(err)
		}
		if back, _ := v.AsString(); back != string([]rune(s)) {
			t.Fatalf("read back %q from %s", back, got)
		}
	})
}

// nesting is how deeply arrays and objects nest in valid JSON data.
func nesting(data []byte) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for _, b := range data {
		switch {
		case escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case b == '"':
			inString = !inString
		case inString:
		case b == '[' || b == '{':
			depth++
			deepest = max(deepest, depth)
		case b == ']' || b == '}':
			depth--
		}
	}
	return deepest
}
