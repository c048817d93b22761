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

// FuzzParseArrayPrefix holds ParseArrayPrefix to Parse on whole input, and
// so to encoding/json: an array gives the elements json.Unmarshal gives as
// []json.RawMessage, and every cut of it reads without error, giving the
// elements that end before the cut. Of any input, a cut of what reads
// reads, and what a cut refuses stays refused.
func FuzzParseArrayPrefix(f *testing.F) {
	for _, seed := range []string{
		`[{"deviceId":"06b96e4c93ce452590408e72f814dedf","created":{"dateTime":"2023-05-23T15:18:27.346Z"}},{"deviceId":"x"}]`,
		`[]`, ` [ 1 , "a\"" , [ [ ] ] ] `, `[1,`, `[1,]`, `{"a":1}`, `"ab`, `nu`, ``, `[1] x`, `["\ud83d\ude00"]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, complete, err := ParseArrayPrefix(data)
		whole, parseErr := Parse(data)
		var typeErr *TypeError
		switch {
		case parseErr == nil && whole.kind == Array:
			if err != nil || !complete {
				t.Fatalf("an array Parse reads gave complete %v, error %v", complete, err)
			}
			checkArrayItems(t, data, items)
			checkArrayCuts(t, data, items)
		case parseErr == nil:
			if !errors.As(err, &typeErr) || typeErr.Got != whole.kind {
				t.Fatalf("a whole %s gave %v", whole.kind, err)
			}
		case complete:
			t.Fatalf("input Parse refuses (%v) read as a complete array", parseErr)
		}
		switch trimmed := bytes.TrimLeft(data, " \t\r\n"); {
		case len(trimmed) == 0:
			if err != nil || items != nil || complete {
				t.Fatalf("blank input gave items %d, complete %v, error %v", len(items), complete, err)
			}
		case trimmed[0] != '[' && err == nil:
			t.Fatalf("input that starts with no bracket read as an array")
		}
		if err != nil && (items != nil || complete) {
			t.Fatalf("an error (%v) with items or complete", err)
		}
		checkCutsAgree(t, data, items, err)
	})
}

// checkCutsAgree holds some cuts of any input to the whole: a cut of input
// that reads reads too, with the first of its items, and input one of
// whose cuts is refused is refused.
func checkCutsAgree(t *testing.T, data []byte, items []Value, err error) {
	t.Helper()
	for k := 0; k < len(data); k += max(1, len(data)/50) {
		cut, _, cutErr := ParseArrayPrefix(data[:k])
		switch {
		case cutErr != nil && err == nil:
			t.Fatalf("the cut at %d is refused (%v), the whole input is not", k, cutErr)
		case err == nil && len(cut) > len(items):
			t.Fatalf("the cut at %d has %d items, the whole input %d", k, len(cut), len(items))
		case err == nil:
			for i := range cut {
				if cut[i].raw != items[i].raw {
					t.Fatalf("cut at %d: item %d is %s, the whole input's %s", k, i, cut[i].raw, items[i].raw)
				}
			}
		}
	}
}

// checkArrayItems holds the elements of a whole array to encoding/json's.
func checkArrayItems(t *testing.T, data []byte, items []Value) {
	t.Helper()
	var rawItems []json.RawMessage
	if err := json.Unmarshal(data, &rawItems); err != nil {
		t.Fatalf("encoding/json failed with %v", err)
	}
	if len(items) != len(rawItems) {
		t.Fatalf("%d items, encoding/json %d", len(items), len(rawItems))
	}
	for i, raw := range rawItems {
		if items[i].raw != string(raw) {
			t.Fatalf("item %d is %s, encoding/json %s", i, items[i].raw, raw)
		}
	}
}

// checkArrayCuts reads every cut of a whole array, or some of a long one.
func checkArrayCuts(t *testing.T, data []byte, items []Value) {
	t.Helper()
	seps := separators(data)
	if len(items) == 0 {
		seps = seps[:0]
	}
	if len(seps) != len(items) {
		t.Fatalf("%d elements end in %d separators", len(items), len(seps))
	}
	closing := bytes.LastIndexByte(data, ']')
	step := max(1, len(data)/500)
	for k := 0; k <= len(data); k += step {
		cut, complete, err := ParseArrayPrefix(data[:k])
		if err != nil {
			t.Fatalf("cut at %d: %v", k, err)
		}
		n := 0
		for _, s := range seps {
			if s < k {
				n++
			}
		}
		if len(cut) != n {
			t.Fatalf("cut at %d gave %d items, want %d", k, len(cut), n)
		}
		for i := range cut {
			if cut[i].raw != items[i].raw {
				t.Fatalf("cut at %d: item %d is %s, want %s", k, i, cut[i].raw, items[i].raw)
			}
		}
		if complete != (k > closing) {
			t.Fatalf("cut at %d: complete %v, the array closes at %d", k, complete, closing)
		}
	}
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
	deepest := 0
	structure(data, func(_ int, _ byte, depth int) { deepest = max(deepest, depth) })
	return deepest
}
