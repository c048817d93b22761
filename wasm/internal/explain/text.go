package explain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean makes text from outside (Epic's answer, a token's claims) one plain
// line: invalid UTF-8 replaced, every run of spaces and control characters
// turned into one space, at most limit runes and an ellipsis. A line break in Epic's words could otherwise forge a line of the
// copied details, and an invisible format character (such as a bidi
// override) reorder what the user reads. They become spaces, not nothing, so
// that no two pieces of the text are joined into a new word.
func Clean(s string, limit int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space, n := false, 0
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			space = b.Len() > 0
			continue
		}
		if space {
			space = false
			if n < limit {
				b.WriteByte(' ')
				n++
			}
		}
		if n >= limit {
			b.WriteRune('…')
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// Sentence makes a text from outside (an error's words) read as a sentence:
// a capital first letter and a closing full stop, unless it ends in one of
// its own.
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?…", last) {
		s += "."
	}
	return s
}
