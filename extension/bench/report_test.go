//go:build !js

package bench

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildReport(t *testing.T) {
	marks := map[string]float64{
		"esk:start": 40, "esk:instantiated": 140, "esk:go-run": 141, "esk:main": 145, "esk:ready": 150,
	}
	without := func(name string) map[string]float64 {
		m := map[string]float64{}
		for k, v := range marks {
			if k != name {
				m[k] = v
			}
		}
		return m
	}
	projectSample := sample{FCP: 60, Complete: 55, Ready: 151, Click: 1000, Outcome: 1020, Marks: marks}
	refSample := sample{FCP: 30, Complete: 35, Ready: 25, Click: 500, Outcome: 510}
	cases := []struct {
		name    string
		project sample
		want    map[string]float64 // figure name → the project's one value
		wantErr string
	}{
		{
			name:    "every mark",
			project: projectSample,
			want: map[string]float64{
				"first paint, complete popup":            60, // the later of FCP and the complete frame
				"ready (data-ready)":                     151,
				"click → outcome":                        20,
				"  HTML, CSS, scripts (nav → esk:start)": 40,
				"  fetch+compile+instantiate":            100,
				"  Go initialisation before main":        4,
				"  main → ready":                         5,
			},
		},
		{name: "no start mark", project: sample{Marks: without("esk:start")}, wantErr: `"esk:start"`},
		{name: "no ready mark", project: sample{Marks: without("esk:ready")}, wantErr: `"esk:ready"`},
		{name: "no marks at all", project: sample{}, wantErr: "no performance mark"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := buildReport([2][]sample{{c.project}, {refSample}})
			if c.wantErr != "" {
				assert.ErrorContains(t, err, c.wantErr)
				return
			}
			require.NoError(t, err)
			got := map[string]float64{}
			for _, f := range r.Figures {
				require.Len(t, f.Project, 1, f.Name)
				got[f.Name] = f.Project[0]
			}
			assert.Equal(t, c.want, got)
			assert.Equal(t, []float64{35}, r.Figures[0].Reference, "the reference's first paint")
		})
	}
}
