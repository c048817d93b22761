//go:build !js

package bench

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildReport(t *testing.T) {
	marks := map[string]float64{
		"esk:start": 40, "esk:instantiated": 140, "esk:go-run": 141, "esk:main": 145, "esk:ready": 150,
		"esk:request": 1003, "esk:answer": 1015,
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
	refMarks := map[string]float64{"esk:request": 501, "esk:answer": 509}
	refSample := sample{FCP: 30, Complete: 35, Ready: 25, Click: 500, Outcome: 510, Marks: refMarks}
	cases := []struct {
		name      string
		project   sample
		reference sample             // refSample when zero
		want      map[string]float64 // figure name → the project's one value
		wantRef   map[string]float64 // the click parts → the reference's one value
		wantErr   string
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
				"  click → request sent":                 3,
				"  request → answer (network)":           12,
				"  answer → outcome":                     5,
			},
			wantRef: map[string]float64{
				"  click → request sent":       1,
				"  request → answer (network)": 8,
				"  answer → outcome":           1,
			},
		},
		{name: "no start mark", project: sample{Marks: without("esk:start")}, wantErr: `"esk:start"`},
		{name: "no ready mark", project: sample{Marks: without("esk:ready")}, wantErr: `"esk:ready"`},
		{name: "no marks at all", project: sample{}, wantErr: "no performance mark"},
		{name: "no answer mark", project: sample{Marks: without("esk:answer")}, wantErr: `project popup set no performance mark "esk:answer"`},
		{
			name: "reference without click marks", project: projectSample,
			reference: sample{Click: 500, Outcome: 510}, wantErr: `reference popup set no performance mark "esk:request"`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reference := refSample
			if c.reference.Click != 0 {
				reference = c.reference
			}
			r, err := buildReport([2][]sample{{c.project}, {reference}})
			if c.wantErr != "" {
				assert.ErrorContains(t, err, c.wantErr)
				return
			}
			require.NoError(t, err)
			got, gotRef := map[string]float64{}, map[string]float64{}
			for _, f := range r.Figures {
				require.Len(t, f.Project, 1, f.Name)
				got[f.Name] = f.Project[0]
				if strings.HasPrefix(f.Name, "  ") && len(f.Reference) > 0 {
					require.Len(t, f.Reference, 1, f.Name)
					gotRef[f.Name] = f.Reference[0]
				}
			}
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.wantRef, gotRef)
			assert.Equal(t, []float64{35}, r.Figures[0].Reference, "the reference's first paint")
		})
	}
}
