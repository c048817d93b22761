package bench

import (
	"math"
	"slices"
)

// Summary is what the table shows of one figure's samples.
type Summary struct {
	N                int
	Median, Min, Max float64
}

// Summarize returns the median, min and max of samples; ok is false when
// there are none. The median of an even count is the mean of the middle two.
func Summarize(samples []float64) (s Summary, ok bool) {
	if len(samples) == 0 {
		return Summary{}, false
	}
	sorted := slices.Clone(samples)
	slices.Sort(sorted)
	n := len(sorted)
	s = Summary{N: n, Min: sorted[0], Max: sorted[n-1], Median: sorted[n/2]}
	if n%2 == 0 {
		s.Median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	return s, true
}

// Ratio is project/reference; ok is false when it means nothing (no
// reference time, or a value that is not a number).
func Ratio(project, reference float64) (r float64, ok bool) {
	if reference <= 0 || math.IsNaN(project) || math.IsNaN(reference) || math.IsInf(project, 0) {
		return 0, false
	}
	return project / reference, true
}
