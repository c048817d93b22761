package bench

import (
	"math"
	"math/rand/v2"
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

// Resamples is how many bootstrap resamples RatioRange draws.
const Resamples = 2000

// minPairedRounds is the fewest rounds a ratio range is drawn from.
const minPairedRounds = 5

// RatioRange is the middle 90% of the ratio of medians (project/reference)
// over Resamples bootstrap resamples of the rounds: each draws as many
// rounds as there are, with replacement, and keeps a round's two samples
// together, as they were measured one after the other. It shows how far the
// machine's noise moves the ratio within one run. ok is false without a
// reference sample for every project sample, or with fewer than 5 rounds.
// The draws are seeded, so the same samples give the same range.
func RatioRange(project, reference []float64) (low, high float64, ok bool) {
	n := len(project)
	if n != len(reference) || n < minPairedRounds {
		return 0, 0, false
	}
	r := rand.New(rand.NewPCG(1, 2))
	ratios := make([]float64, 0, Resamples)
	p, ref := make([]float64, n), make([]float64, n)
	for range Resamples {
		for i := range n {
			j := r.IntN(n)
			p[i], ref[i] = project[j], reference[j]
		}
		ps, _ := Summarize(p)
		rs, _ := Summarize(ref)
		if ratio, ok := Ratio(ps.Median, rs.Median); ok {
			ratios = append(ratios, ratio)
		}
	}
	if len(ratios) < Resamples/2 {
		return 0, 0, false
	}
	slices.Sort(ratios)
	return ratios[len(ratios)*5/100], ratios[len(ratios)*95/100-1], true
}
