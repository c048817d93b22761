//go:build !js

package epic

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzParseKillType(f *testing.F) {
	names := make([]string, len(KillTypes))
	for i, kt := range KillTypes {
		names[i] = kt.Name
	}
	// The refusal quotes at most 40 runes and an ellipsis; %q writes no rune
	// longer than \U0010ffff.
	maxLen := len(`unknown kill type "": choose one of `) + len(strings.Join(names, ", ")) +
		40*len(`\U0010ffff`) + len("…")
	f.Fuzz(func(t *testing.T, in string) {
		want := -1
		for i, name := range names {
			if strings.EqualFold(strings.TrimSpace(in), name) {
				want = i
			}
		}
		kt, err := ParseKillType(in)
		if want >= 0 {
			if err != nil {
				t.Fatalf("%q refused: %v", in, err)
			}
			if !reflect.DeepEqual(kt, KillTypes[want]) {
				t.Fatalf("%q gave %+v, want the table's %s", in, kt, names[want])
			}
			return
		}
		var kte *KillTypeError
		if !errors.As(err, &kte) {
			t.Fatalf("%q gave %T %v, want a KillTypeError", in, err, err)
		}
		if !reflect.DeepEqual(kt, KillType{}) {
			t.Fatalf("%q refused but still gave %+v", in, kt)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "unknown kill type ") && !strings.HasPrefix(msg, "no kill type chosen") {
			t.Errorf("message %q", msg)
		}
		if !utf8.ValidString(msg) {
			t.Errorf("message is not valid UTF-8: %q", msg)
		}
		if i := strings.IndexFunc(msg, func(r rune) bool {
			return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' || r == '\u0085'
		}); i >= 0 {
			t.Errorf("message is not one plain line: %q", msg)
		}
		if len(msg) > maxLen {
			t.Errorf("message of %d bytes, over %d: %q", len(msg), maxLen, msg)
		}
	})
}
