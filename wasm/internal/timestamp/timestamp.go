// Package timestamp reads the RFC 3339 times that Epic's answers and the
// popup's own storage carry, such as 2026-12-02T01:12:55.123Z. It accepts
// what time.Parse(time.RFC3339Nano, s) accepts on its fast path, without
// calling it: time.Parse links in Go's general layout parser, for its error
// messages alone, and that was about 30 KB of main.wasm's code.
package timestamp

import (
	"strings"
	"time"
)

// Parse returns the instant s names, in UTC, and whether s is a time of the
// form 2006-01-02T15:04:05[.fraction](Z|±07:00). Digits of the fraction
// past the ninth are read and dropped, as time.Parse drops them.
func Parse(s string) (time.Time, bool) {
	const dateTime = len("2006-01-02T15:04:05")
	if len(s) < dateTime || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := number(s[0:4], 0, 9999)
	month, ok2 := number(s[5:7], 1, 12)
	day, ok3 := number(s[8:10], 1, 31)
	hour, ok4 := number(s[11:13], 0, 23)
	minute, ok5 := number(s[14:16], 0, 59)
	second, ok6 := number(s[17:19], 0, 59)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || day > daysIn(month, year) {
		return time.Time{}, false
	}
	rest := s[dateTime:]

	nanos := 0
	if len(rest) >= 2 && rest[0] == '.' && isDigit(rest[1]) {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			if n <= 9 {
				nanos = nanos*10 + int(rest[n]-'0')
			}
			n++
		}
		for scale := n; scale <= 9; scale++ {
			nanos *= 10
		}
		rest = rest[n:]
	}

	offset := 0
	switch {
	case rest == "Z":
	case len(rest) == len("+07:00") && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, okH := number(rest[1:3], 0, 23)
		m, okM := number(rest[4:6], 0, 59)
		if !okH || !okM {
			return time.Time{}, false
		}
		offset = (h*60 + m) * 60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, second, nanos, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), true
}

// number reads s, all decimal digits, as a number within [low, high].
func number(s string, low, high int) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, low <= n && n <= high
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// daysIn is the number of days of month in year, by the Gregorian calendar.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ParseHTTP returns the instant an HTTP date names, in UTC, and whether s is
// one, in any of the three forms RFC 9110 has recipients accept, as
// net/http's ParseTime reads them (without time.Parse, as above):
//
//	Sun, 06 Nov 1994 08:49:37 GMT   (IMF-fixdate)
//	Sunday, 06-Nov-94 08:49:37 GMT  (RFC 850; years 69–99 are 1969–1999, 00–68 are 2000–2068)
//	Sun Nov  6 08:49:37 1994        (ANSI C's asctime)
//
// The weekday must be a weekday's name but need not match the date.
func ParseHTTP(s string) (time.Time, bool) {
	var day, month, year, clock string
	if i := strings.IndexByte(s, ','); i >= 0 {
		weekday, rest := s[:i], s[i+1:]
		switch {
		case len(weekday) == 3 && isWeekday(weekday, false) && len(rest) == len(" 06 Nov 1994 08:49:37 GMT") &&
			rest[0] == ' ' && rest[3] == ' ' && rest[7] == ' ' && rest[12] == ' ' && strings.HasSuffix(rest, " GMT"):
			day, month, year, clock = rest[1:3], rest[4:7], rest[8:12], rest[13:21]
		case isWeekday(weekday, true) && len(rest) == len(" 06-Nov-94 08:49:37 GMT") &&
			rest[0] == ' ' && rest[3] == '-' && rest[7] == '-' && rest[10] == ' ' && strings.HasSuffix(rest, " GMT"):
			day, month, year, clock = rest[1:3], rest[4:7], rest[8:10], rest[11:19]
		default:
			return time.Time{}, false
		}
	} else {
		// Sun Nov  6 08:49:37 1994, the day padded with a space or not.
		if len(s) < len("Sun Nov 6 08:49:37 1994") || !isWeekday(s[:3], false) || s[3] != ' ' || s[7] != ' ' {
			return time.Time{}, false
		}
		month = s[4:7]
		rest := s[8:]
		if rest[0] == ' ' {
			rest = rest[1:]
		}
		n := strings.IndexByte(rest, ' ')
		if n < 1 || n > 2 || len(rest) != n+len(" 08:49:37 1994") || rest[n+9] != ' ' {
			return time.Time{}, false
		}
		day, clock, year = rest[:n], rest[n+1:n+9], rest[n+10:]
	}

	m := monthNumber(month)
	d, okD := number(day, 1, 31)
	y, okY := number(year, 0, 9999)
	if len(year) == 2 {
		if y >= 69 {
			y += 1900
		} else {
			y += 2000
		}
	}
	if clock[2] != ':' || clock[5] != ':' {
		return time.Time{}, false
	}
	h, okH := number(clock[0:2], 0, 23)
	mi, okMi := number(clock[3:5], 0, 59)
	sec, okS := number(clock[6:8], 0, 59)
	if m == 0 || !(okD && okY && okH && okMi && okS) || d > daysIn(m, y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, h, mi, sec, 0, time.UTC), true
}

var (
	weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// isWeekday reports whether s is a weekday's name, in full or its first
// three letters.
func isWeekday(s string, full bool) bool {
	for _, w := range weekdays {
		if !full && s == w[:3] || full && s == w {
			return true
		}
	}
	return false
}

// monthNumber is 1 to 12 for a month's three letters, or 0.
func monthNumber(s string) int {
	for i, m := range months {
		if s == m {
			return i + 1
		}
	}
	return 0
}
