package timestamp

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp/timestamptest"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time // zero: not a time
	}{
		{"2026-12-02T01:12:55.123Z", time.Date(2026, 12, 2, 1, 12, 55, 123e6, time.UTC)},
		{"2026-12-02T01:12:55Z", time.Date(2026, 12, 2, 1, 12, 55, 0, time.UTC)},
		{"2026-12-02T01:12:55.123456789Z", time.Date(2026, 12, 2, 1, 12, 55, 123456789, time.UTC)},
		{"2026-12-02T01:12:55.1234567891234Z", time.Date(2026, 12, 2, 1, 12, 55, 123456789, time.UTC)},
		{"2026-12-02T03:12:55+02:00", time.Date(2026, 12, 2, 1, 12, 55, 0, time.UTC)},
		{"2026-12-01T20:42:55-04:30", time.Date(2026, 12, 2, 1, 12, 55, 0, time.UTC)},
		{"2024-02-29T00:00:00Z", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"2000-02-29T00:00:00Z", time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"2100-02-29T00:00:00Z", time.Time{}},
		{"2026-02-29T00:00:00Z", time.Time{}},
		{"2026-04-31T00:00:00Z", time.Time{}},
		{"2026-13-01T00:00:00Z", time.Time{}},
		{"2026-12-02T24:00:00Z", time.Time{}},
		{"2026-12-02T01:60:00Z", time.Time{}},
		{"2026-12-02T01:12:60Z", time.Time{}},
		{"2026-12-02 01:12:55Z", time.Time{}},
		{"2026-12-02T01:12:55", time.Time{}},
		{"2026-12-02T01:12:55z", time.Time{}},
		{"2026-12-02T01:12:55.Z", time.Time{}},
		{"2026-12-02T01:12:55,123Z", time.Time{}},
		{"2026-12-02T01:12:55+24:00", time.Time{}},
		{"2026-12-02T01:12:55+0200", time.Time{}},
		{"2026-12-02T01:12:55Z ", time.Time{}},
		{"+026-12-02T01:12:55Z", time.Time{}},
		{"", time.Time{}},
	} {
		got, ok := Parse(tc.in)
		if tc.want.IsZero() {
			assert.False(t, ok, "%q read as %v", tc.in, got)
			continue
		}
		if assert.True(t, ok, tc.in) {
			assert.True(t, tc.want.Equal(got), "%q: %v, want %v", tc.in, got, tc.want)
			assert.Equal(t, time.UTC, got.Location(), tc.in)
		}
	}
}

// FuzzParseMatchesTime checks Parse against time.Parse: whatever Parse
// reads, time.Parse reads as the same instant; whatever time.Parse reads in
// RFC 3339's own shape (a zone offset within a day), Parse reads too.
func FuzzParseMatchesTime(f *testing.F) {
	for _, s := range []string{
		"2026-12-02T01:12:55.123Z", "2026-12-02T03:12:55+02:00", "2024-02-29T23:59:59.999999999-11:59",
		"2026-12-02T01:12:55,5Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Parse(s)
		want, err := time.Parse(time.RFC3339Nano, s)
		if ok {
			if err != nil {
				t.Fatalf("Parse(%q) = %v, but time.Parse refuses it: %v", s, got, err)
			}
			if !got.Equal(want) {
				t.Fatalf("Parse(%q) = %v, time.Parse %v", s, got, want)
			}
		} else if err == nil && timestamptest.RFC3339.MatchString(s) {
			t.Fatalf("Parse(%q) refused what time.Parse reads as %v", s, want)
		}
	})
}

func TestParseHTTP(t *testing.T) {
	nov6 := time.Date(1994, 11, 6, 8, 49, 37, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time // zero: not an HTTP date
	}{
		{"Sun, 06 Nov 1994 08:49:37 GMT", nov6},
		{"Sunday, 06-Nov-94 08:49:37 GMT", nov6},
		{"Sun Nov  6 08:49:37 1994", nov6},
		{"Sun Nov 6 08:49:37 1994", nov6},
		{"Wed, 02 Dec 2026 01:12:55 GMT", time.Date(2026, 12, 2, 1, 12, 55, 0, time.UTC)},
		{"Wednesday, 02-Dec-26 01:12:55 GMT", time.Date(2026, 12, 2, 1, 12, 55, 0, time.UTC)},
		{"Thursday, 01-Jan-70 00:00:00 GMT", time.Unix(0, 0).UTC()},
		{"Wed Dec 12 01:12:55 2026", time.Date(2026, 12, 12, 1, 12, 55, 0, time.UTC)},
		{"Mon, 06 Nov 1994 08:49:37 GMT", nov6}, // the weekday is not checked against the date
		{"Thu, 29 Feb 2024 00:00:00 GMT", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"Sun, 29 Feb 2026 00:00:00 GMT", time.Time{}},
		{"Sun, 06 Nov 1994 24:00:00 GMT", time.Time{}},
		{"Sun, 06 Nov 1994 08:49:60 GMT", time.Time{}},
		{"Sun, 06 Nov 1994 08:49:37 UTC", time.Time{}},
		{"Sun, 06 Nov 1994 08:49:37 +0000", time.Time{}},
		{"Sun, 6 Nov 1994 08:49:37 GMT", time.Time{}},
		{"Sun, 06 Foo 1994 08:49:37 GMT", time.Time{}},
		{"Xyz, 06 Nov 1994 08:49:37 GMT", time.Time{}},
		{"Sunday, 06 Nov 1994 08:49:37 GMT", time.Time{}},
		{"Sun, 06-Nov-94 08:49:37 GMT", time.Time{}},
		{"Sun Nov   6 08:49:37 1994", time.Time{}},
		{"Sun Nov 106 08:49:37 1994", time.Time{}},
		{"Sun Nov  6 08:49:37 94", time.Time{}},
		{"Sun Nov  6 08.49.37 1994", time.Time{}},
		{"120", time.Time{}},
		{"", time.Time{}},
	} {
		got, ok := ParseHTTP(tc.in)
		if tc.want.IsZero() {
			assert.False(t, ok, "%q read as %v", tc.in, got)
			continue
		}
		if assert.True(t, ok, tc.in) {
			assert.True(t, tc.want.Equal(got), "%q: %v, want %v", tc.in, got, tc.want)
		}
	}
}

var httpDateShape = regexp.MustCompile(`^(` +
	`(Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT|` +
	`(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day, \d\d-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d\d \d\d:\d\d:\d\d GMT|` +
	`(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d\d?) \d\d:\d\d:\d\d \d{4})$`)

// FuzzParseHTTPMatchesNetHTTP checks ParseHTTP against net/http's
// ParseTime: whatever ParseHTTP reads, ParseTime reads as the same instant;
// whatever ParseTime reads in one of the three forms' own shapes, ParseHTTP
// reads too.
func FuzzParseHTTPMatchesNetHTTP(f *testing.F) {
	for _, s := range []string{
		"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
		"Sun Nov 16 08:49:37 1994", "Sat, 01 Jan 0000 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseHTTP(s)
		want, err := http.ParseTime(s)
		if ok {
			if err != nil {
				t.Fatalf("ParseHTTP(%q) = %v, but net/http refuses it: %v", s, got, err)
			}
			if !got.Equal(want) {
				t.Fatalf("ParseHTTP(%q) = %v, net/http %v", s, got, want)
			}
		} else if err == nil && httpDateShape.MatchString(s) {
			t.Fatalf("ParseHTTP(%q) refused what net/http reads as %v", s, want)
		}
	})
}
