package messages

import (
	"strconv"
	"time"
)

// Wait is d counted down to the second, rounded up so that a countdown
// never shows "0 s" while time is left: "12 s", "1 min 05 s",
// "1 h 53 min 18 s".
func Wait(d time.Duration) Message {
	s := roundUp(d, time.Second)
	h, m := s/3600, s/60%60
	s %= 60
	switch {
	case h > 0:
		return Of(DurationHoursMinSec, "h", strconv.FormatInt(h, 10), "mm", pad2(m), "ss", pad2(s))
	case m > 0:
		return Of(DurationMinutesSeconds, "m", strconv.FormatInt(m, 10), "ss", pad2(s))
	}
	return Of(DurationSeconds, "s", strconv.FormatInt(s, 10))
}

// TimeLeft is how long a token still lasts, to the minute, rounded up so
// that a token that still works never shows 0; "expired" once it is over.
func TimeLeft(d time.Duration) Message {
	if d <= 0 {
		return Of(Expired)
	}
	m := roundUp(d, time.Minute)
	if m < 60 {
		return Of(DurationMinutes, "m", strconv.FormatInt(m, 10))
	}
	return Of(DurationHoursMinutes, "h", strconv.FormatInt(m/60, 10), "mm", pad2(m%60))
}

// roundUp is d in whole units, rounded up; 0 for no time at all.
func roundUp(d, unit time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	n := int64(d / unit)
	if d%unit != 0 {
		n++
	}
	return n
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
