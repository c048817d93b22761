package bench

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummarize(t *testing.T) {
	cases := []struct {
		name    string
		samples []float64
		want    Summary
		ok      bool
	}{
		{"none", nil, Summary{}, false},
		{"one", []float64{7}, Summary{N: 1, Median: 7, Min: 7, Max: 7}, true},
		{"odd count, unsorted", []float64{9, 1, 5}, Summary{N: 3, Median: 5, Min: 1, Max: 9}, true},
		{"even count takes the mean of the middle two", []float64{4, 1, 10, 2}, Summary{N: 4, Median: 3, Min: 1, Max: 10}, true},
		{"repeated values", []float64{2, 2, 2, 8, 2}, Summary{N: 5, Median: 2, Min: 2, Max: 8}, true},
		{"fractions", []float64{0.5, 0.25}, Summary{N: 2, Median: 0.375, Min: 0.25, Max: 0.5}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Summarize(c.samples)
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestSummarizeLeavesTheSamplesInOrder(t *testing.T) {
	samples := []float64{3, 1, 2}
	Summarize(samples)
	assert.Equal(t, []float64{3, 1, 2}, samples)
}

func TestRatio(t *testing.T) {
	cases := []struct {
		name               string
		project, reference float64
		want               float64
		ok                 bool
	}{
		{"slower project", 300, 100, 3, true},
		{"faster project", 50, 100, 0.5, true},
		{"equal", 42, 42, 1, true},
		{"no reference time", 10, 0, 0, false},
		{"negative reference", 10, -1, 0, false},
		{"not a number", math.NaN(), 10, 0, false},
		{"infinite project", math.Inf(1), 10, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Ratio(c.project, c.reference)
			assert.Equal(t, c.ok, ok)
			assert.InDelta(t, c.want, got, 1e-12)
		})
	}
}

func TestRatioRange(t *testing.T) {
	// Rounds where the project takes twice the reference's time, however
	// fast the round: every resample's ratio is 2.
	doubled := func(ref []float64) []float64 {
		out := make([]float64, len(ref))
		for i, v := range ref {
			out[i] = 2 * v
		}
		return out
	}
	varied := []float64{10, 14, 9, 30, 11, 12, 25, 10, 13, 16}
	cases := []struct {
		name               string
		project, reference []float64
		low, high          float64
		ok                 bool
	}{
		{"the same ratio in every round", doubled(varied), varied, 2, 2, true},
		{"equal samples", []float64{5, 5, 5, 5, 5}, []float64{5, 5, 5, 5, 5}, 1, 1, true},
		{"fewer than five rounds", []float64{2, 2, 2, 2}, []float64{1, 1, 1, 1}, 0, 0, false},
		{"a project sample without its reference", []float64{2, 2, 2, 2, 2, 2}, []float64{1, 1, 1, 1, 1}, 0, 0, false},
		{"no reference at all (a start-up part)", []float64{1, 2, 3, 4, 5}, nil, 0, 0, false},
		{"no reference time", []float64{1, 2, 3, 4, 5}, []float64{0, 0, 0, 0, 0}, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			low, high, ok := RatioRange(c.project, c.reference)
			assert.Equal(t, c.ok, ok)
			assert.InDelta(t, c.low, low, 1e-12)
			assert.InDelta(t, c.high, high, 1e-12)
		})
	}
}

func TestRatioRangeHoldsTheRatioAndWidensWithNoise(t *testing.T) {
	reference := []float64{10, 11, 9, 10, 12, 10, 11, 9, 10, 10, 11, 10, 9, 10, 12, 11, 10, 10, 9, 11}
	steady := make([]float64, len(reference))
	noisy := make([]float64, len(reference))
	for i, v := range reference {
		steady[i] = 1.5*v + float64(i%3)*0.1
		noisy[i] = 1.5 * v * (1 + float64(i%5-2)*0.15) // ±30 % from round to round
	}
	for _, project := range [][]float64{steady, noisy} {
		p, _ := Summarize(project)
		r, _ := Summarize(reference)
		ratio, _ := Ratio(p.Median, r.Median)
		low, high, ok := RatioRange(project, reference)
		assert.True(t, ok)
		assert.LessOrEqual(t, low, ratio)
		assert.GreaterOrEqual(t, high, ratio)
	}
	steadyLow, steadyHigh, _ := RatioRange(steady, reference)
	noisyLow, noisyHigh, _ := RatioRange(noisy, reference)
	assert.Greater(t, noisyHigh-noisyLow, 2*(steadyHigh-steadyLow), "noise between rounds must widen the range")

	again, _, _ := RatioRange(noisy, reference)
	assert.Equal(t, noisyLow, again, "the same samples give the same range")
}
