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
	floorSample := sample{FCP: 50, Complete: 52, Ready: 140, Click: 700, Outcome: 712,
		Marks: map[string]float64{"esk:request": 702, "esk:answer": 711}}
	cases := []struct {
		name      string
		project   sample
		reference sample             // refSample when zero
		want      map[string]float64 // figure name → the project's one value
		wantRef   map[string]float64 // the click parts → the reference's one value
		wantFloor map[string]float64 // the click parts → the card floor's one value
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
			wantFloor: map[string]float64{
				"  click → request sent":       2,
				"  request → answer (network)": 9,
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
			r, err := buildReport([kinds][]sample{{c.project}, {floorSample}, {reference}}, [kinds][]sample{}, [kinds]sample{})
			if c.wantErr != "" {
				assert.ErrorContains(t, err, c.wantErr)
				return
			}
			require.NoError(t, err)
			got, gotRef, gotFloor := map[string]float64{}, map[string]float64{}, map[string]float64{}
			for _, f := range r.Figures {
				require.Len(t, f.Project, 1, f.Name)
				got[f.Name] = f.Project[0]
				if strings.HasPrefix(f.Name, "  ") && len(f.Reference) > 0 {
					require.Len(t, f.Reference, 1, f.Name)
					require.Len(t, f.Floor, 1, f.Name)
					gotRef[f.Name] = f.Reference[0]
					gotFloor[f.Name] = f.Floor[0]
				}
			}
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.wantRef, gotRef)
			assert.Equal(t, c.wantFloor, gotFloor)
			assert.Equal(t, []float64{35}, r.Figures[0].Reference, "the reference's first paint")
			assert.Equal(t, []float64{52}, r.Figures[0].Floor, "the card floor's first paint")
			budgets := map[string]Floor{}
			for _, f := range r.Figures {
				if f.Budget > 0 {
					budgets[f.Name] = f.BudgetOf
				}
			}
			assert.Equal(t, map[string]Floor{
				"first paint, complete popup": PlainJS, "ready (data-ready)": CardFloor, "click → outcome": PlainJS,
			}, budgets, "each budget against its floor")
		})
	}
}

func TestBuildReportReopened(t *testing.T) {
	marks := map[string]float64{
		"esk:start": 90, "esk:instantiated": 200, "esk:go-run": 201, "esk:main": 251, "esk:ready": 265,
		"esk:request": 1003, "esk:answer": 1025,
	}
	floorMarks := map[string]float64{"esk:request": 701, "esk:answer": 709}
	warm := [kinds][]sample{
		{{FCP: 60, Complete: 55, Ready: 151, Click: 1000, Outcome: 1020, Marks: marks}},
		{{FCP: 50, Complete: 45, Ready: 140, Click: 700, Outcome: 710, Marks: floorMarks}},
		{{FCP: 30, Complete: 35, Ready: 25, Click: 500, Outcome: 510, Marks: map[string]float64{"esk:request": 501, "esk:answer": 509}}},
	}
	reopened := [kinds][]sample{
		{{FCP: 160, Complete: 170, Ready: 266, Click: 1000, Outcome: 1030, Marks: marks}},
		{{FCP: 150, Complete: 150, Ready: 240, Click: 700, Outcome: 716}},
		{{FCP: 140, Complete: 120, Ready: 130, Click: 500, Outcome: 515}},
	}
	first := [kinds]sample{{FCP: 70, Complete: 75, Ready: 300}, {FCP: 70, Complete: 72, Ready: 280}, {FCP: 60, Complete: 62, Ready: 90}}

	r, err := buildReport(warm, reopened, first)
	require.NoError(t, err)

	type row struct {
		name                      string
		project, floor, reference []float64
		budget                    float64
		of                        Floor
	}
	var got []row
	for _, f := range r.Figures[len(r.Figures)-6:] {
		got = append(got, row{f.Name, f.Project, f.Floor, f.Reference, f.Budget, f.BudgetOf})
	}
	assert.Equal(t, []row{
		{"reopened: first paint", []float64{170}, []float64{150}, []float64{140}, 0, NoBudget},
		{"reopened: ready", []float64{266}, []float64{240}, []float64{130}, 1.1, CardFloor},
		{"  Go initialisation before main", []float64{50}, nil, nil, 0, NoBudget},
		{"reopened: click → outcome", []float64{30}, []float64{16}, []float64{15}, 1.2, PlainJS},
		{"first open: first paint", []float64{75}, []float64{72}, []float64{62}, 0, NoBudget},
		{"first open: ready", []float64{300}, []float64{280}, []float64{90}, 2.0, PlainJS},
	}, got)
	assert.Contains(t, r.Notes[len(r.Notes)-2], "reopened: 1 more rounds")

	without, _ := buildReport(warm, [kinds][]sample{}, [kinds]sample{})
	assert.Len(t, without.Figures, len(r.Figures)-6, "no reopened or first-open rows without their rounds")

	reopened[project][0].Marks = map[string]float64{"esk:go-run": 201}
	_, err = buildReport(warm, reopened, first)
	assert.ErrorContains(t, err, `project popup set no performance mark "esk:main"`)
}
