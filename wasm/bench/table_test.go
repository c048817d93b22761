package bench

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReportWrite(t *testing.T) {
	date := time.Date(2026, 3, 1, 12, 30, 0, 0, time.UTC)
	header := "Session Killer for Epic Games popup bench, 2026-03-01 12:30 UTC\n" +
		"Chrome/156.0.0.0, 2 CPUs; rounds: 3 counted after 1 warm-up, interleaved\n" +
		"milliseconds, medians, timed inside the page with performance.now() from navigation start\n\n"
	cases := []struct {
		name   string
		report Report
		want   string
	}{
		{
			name: "within budget, a project-only row, sizes, notes",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{
					{Name: "ready", Project: []float64{30, 10, 20}, Floor: []float64{20, 20, 20}, Reference: []float64{10, 10, 10},
						Budget: 1.1, BudgetOf: CardFloor},
					{Name: "click → outcome", Project: []float64{11, 12, 13}, Floor: []float64{11, 11, 11}, Reference: []float64{10, 10, 10},
						Budget: 1.2, BudgetOf: PlainJS},
					{Name: "  main → ready", Project: []float64{1.5, 2, 3}},
				},
				WasmRaw: 2000, WasmGzip: 700, FloorRaw: 1500, FloorGzip: 600, WasmOverFloor: 250,
				Notes: []string{"a note"},
			},
			want: header + `                                 card      plain   ratio to              ratio to
figure             project      floor         JS      floor  90% range   plain JS  90% range          budget
ready                 20.0       20.0       10.0      1.00x          -      2.00x          -   1.1x floor ok
click → outcome       12.0       11.0       10.0      1.09x          -      1.20x          -      1.2x JS ok
  main → ready         2.0          -          -          -          -          -          -               -

main.wasm: 2000 bytes raw, 700 bytes gzip; the card floor's: 1500 bytes raw, 600 bytes gzip (compress/gzip, best compression); gzip budget the floor's + 250: +100, ok
a note
`,
		},
		{
			name: "over every budget",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{
					{Name: "ready", Project: []float64{25}, Floor: []float64{20}, Reference: []float64{10}, Budget: 1.1, BudgetOf: CardFloor},
					{Name: "click", Project: []float64{25}, Floor: []float64{20}, Reference: []float64{10}, Budget: 2, BudgetOf: PlainJS},
				},
				WasmRaw: 2000, WasmGzip: 1001, FloorGzip: 700, WasmOverFloor: 300,
			},
			want: header + `                        card      plain   ratio to              ratio to
figure    project      floor         JS      floor  90% range   plain JS  90% range          budget
ready        25.0       20.0       10.0      1.25x          -      2.50x          -  1.1x floor OVER
click        25.0       20.0       10.0      1.25x          -      2.50x          -    2.0x JS OVER

main.wasm: 2000 bytes raw, 1001 bytes gzip; the card floor's: 0 bytes raw, 700 bytes gzip (compress/gzip, best compression); gzip budget the floor's + 300: +301, OVER
`,
		},
		{
			name: "five rounds or more give each ratio's range",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{
					{Name: "ready", Project: []float64{20, 24, 18, 22, 20}, Floor: []float64{20, 24, 18, 22, 20},
						Reference: []float64{10, 12, 9, 11, 10}, Budget: 1.1, BudgetOf: CardFloor},
				},
				WasmRaw: 2000, WasmGzip: 700,
			},
			want: header + `                        card      plain   ratio to              ratio to
figure    project      floor         JS      floor  90% range   plain JS  90% range          budget
ready        20.0       20.0       10.0      1.00x  1.00–1.00      2.00x  2.00–2.00   1.1x floor ok

main.wasm: 2000 bytes raw, 700 bytes gzip; the card floor's: 0 bytes raw, 0 bytes gzip (compress/gzip, best compression)
`,
		},
		{
			name: "no samples and no size budget",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{{Name: "ready", Budget: 1.1, BudgetOf: CardFloor}},
			},
			want: header + `                        card      plain   ratio to              ratio to
figure    project      floor         JS      floor  90% range   plain JS  90% range          budget
ready           -          -          -          -          -          -          -               -

main.wasm: 0 bytes raw, 0 bytes gzip; the card floor's: 0 bytes raw, 0 bytes gzip (compress/gzip, best compression)
`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			require.NoError(t, c.report.Write(&b))
			assert.Equal(t, c.want, b.String())
		})
	}
}

func TestReportColumnsLineUpWithArrowsInNames(t *testing.T) {
	r := Report{Figures: []Figure{
		{Name: "a → b", Project: []float64{1}},
		{Name: "plain", Project: []float64{1}},
	}}
	var b strings.Builder
	require.NoError(t, r.Write(&b))
	lines := strings.Split(b.String(), "\n")
	var widths []int
	for _, l := range lines {
		if strings.HasPrefix(l, "a → b") || strings.HasPrefix(l, "plain") {
			widths = append(widths, len([]rune(l)))
		}
	}
	require.Len(t, widths, 2)
	assert.Equal(t, widths[0], widths[1])
}
