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
	header := "Epic Session Killer popup bench, 2026-03-01 12:30 UTC\n" +
		"Chrome/156.0.0.0, 2 CPUs; rounds: 3 counted after 1 warm-up, interleaved\n" +
		"milliseconds, timed inside the page with performance.now() from navigation start\n\n"
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
					{Name: "ready", Project: []float64{30, 10, 20}, Reference: []float64{10, 10, 10}, Budget: 2},
					{Name: "click → outcome", Project: []float64{11, 12, 13}, Reference: []float64{10, 10, 10}, Budget: 1.2},
					{Name: "  main → ready", Project: []float64{1.5, 2, 3}},
				},
				WasmRaw: 2000, WasmGzip: 700, WasmGzipBudget: 1000,
				Notes: []string{"a note"},
			},
			want: header + `                   project                        reference                            ratio      ratio     budget
figure              median        min        max     median        min        max        p/r  90% range        p/r
ready                 20.0       10.0       30.0       10.0       10.0       10.0      2.00x          -    2.0x ok
click → outcome       12.0       11.0       13.0       10.0       10.0       10.0      1.20x          -    1.2x ok
  main → ready         2.0        1.5        3.0          -          -          -          -          -          -

main.wasm: 2000 bytes raw, 700 bytes gzip (compress/gzip, best compression) (budget 1000: ok)
a note
`,
		},
		{
			name: "over every budget",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{
					{Name: "ready", Project: []float64{25}, Reference: []float64{10}, Budget: 2},
				},
				WasmRaw: 2000, WasmGzip: 1001, WasmGzipBudget: 1000,
			},
			want: header + `          project                        reference                            ratio      ratio     budget
figure     median        min        max     median        min        max        p/r  90% range        p/r
ready        25.0       25.0       25.0       10.0       10.0       10.0      2.50x          -  2.0x OVER

main.wasm: 2000 bytes raw, 1001 bytes gzip (compress/gzip, best compression) (budget 1000: OVER)
`,
		},
		{
			name: "five rounds or more give the ratio's range",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{
					{Name: "ready", Project: []float64{20, 24, 18, 22, 20}, Reference: []float64{10, 12, 9, 11, 10}, Budget: 2},
				},
				WasmRaw: 2000, WasmGzip: 700,
			},
			want: header + `          project                        reference                            ratio      ratio     budget
figure     median        min        max     median        min        max        p/r  90% range        p/r
ready        20.0       18.0       24.0       10.0        9.0       12.0      2.00x  2.00–2.00    2.0x ok

main.wasm: 2000 bytes raw, 700 bytes gzip (compress/gzip, best compression)
`,
		},
		{
			name: "no samples and no size budget",
			report: Report{
				Date: date, Browser: "Chrome/156.0.0.0", CPUs: 2, Rounds: 3, Warmup: 1,
				Figures: []Figure{{Name: "ready", Budget: 2}},
			},
			want: header + `          project                        reference                            ratio      ratio     budget
figure     median        min        max     median        min        max        p/r  90% range        p/r
ready           -          -          -          -          -          -          -          -          -

main.wasm: 0 bytes raw, 0 bytes gzip (compress/gzip, best compression)
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
