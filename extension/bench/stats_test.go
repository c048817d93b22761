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
