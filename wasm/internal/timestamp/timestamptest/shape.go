// Package timestamptest holds what the tests of timestamp's callers share:
// the shape of an RFC 3339 time that timestamp.Parse reads, for the mirrors
// that hold Parse's callers to time.Parse on that shape alone.
package timestamptest

import "regexp"

// RFC3339 matches 2006-01-02T15:04:05[.fraction](Z|±07:00) with a zone
// offset within a day: what timestamp.Parse reads wherever time.Parse
// (whose slow path accepts more, such as +00:60) reads it too.
var RFC3339 = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$`)
