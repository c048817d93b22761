package explain

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FormatDuration writes d for people, rounded up to whole seconds so that a
// countdown never shows "0 s" while time is left: "12 s", "1 min 05 s",
// "1 h 53 min 18 s".
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return "0 s"
	}
	s := int64(d / time.Second)
	if d%time.Second != 0 {
		s++
	}
	h, m := s/3600, s/60%60
	s %= 60
	switch {
	case h > 0:
		return strconv.FormatInt(h, 10) + " h " + pad2(m) + " min " + pad2(s) + " s"
	case m > 0:
		return strconv.FormatInt(m, 10) + " min " + pad2(s) + " s"
	}
	return strconv.FormatInt(s, 10) + " s"
}

// Remaining is the live countdown to until, for a UI that ticks each second.
func Remaining(until, now time.Time) string { return FormatDuration(until.Sub(now)) }

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

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

// sentence capitalises the first letter and ends the text with a full stop.
func sentence(s string) string {
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
