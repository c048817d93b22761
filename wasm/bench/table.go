package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Figure is one row of the table: samples in milliseconds.
type Figure struct {
	Name string
	// Project and Reference hold one sample per counted round; Reference is
	// empty for the parts of the project's start-up, which the plain-JS
	// popup does not have.
	Project, Reference []float64
	// Budget is the highest project/reference ratio the design allows, or 0.
	Budget float64
}

// Report is everything one bench run prints.
type Report struct {
	Date           time.Time
	Browser        string
	CPUs           int
	Rounds, Warmup int
	Figures        []Figure
	// WasmRaw and WasmGzip are main.wasm's size as shipped and gzipped at
	// the best compression.
	WasmRaw, WasmGzip int64
	// WasmGzipBudget is the design's limit on WasmGzip, or 0.
	WasmGzipBudget int64
	// Notes are printed under the table, one a line.
	Notes []string
}

// Write prints the report as one plain-text table.
func (r Report) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Epic Session Killer popup bench, %s\n", r.Date.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "%s, %d CPUs; rounds: %d counted after %d warm-up, interleaved\n", r.Browser, r.CPUs, r.Rounds, r.Warmup)
	fmt.Fprintln(&b, "milliseconds, timed inside the page with performance.now() from navigation start")
	fmt.Fprintln(&b)

	nameWidth := len("figure")
	for _, f := range r.Figures {
		nameWidth = max(nameWidth, utf8.RuneCountInString(f.Name))
	}
	row := func(name string, cells ...string) {
		b.WriteString(pad(name, nameWidth))
		for _, c := range cells {
			b.WriteString(strings.Repeat(" ", 2+max(0, 9-utf8.RuneCountInString(c))))
			b.WriteString(c)
		}
		b.WriteString("\n")
	}
	row("", "project", "", "", "reference", "", "", "ratio", "ratio", "budget")
	row("figure", "median", "min", "max", "median", "min", "max", "p/r", "90% range", "p/r")
	for _, f := range r.Figures {
		cells := make([]string, 0, 8)
		p, pok := Summarize(f.Project)
		cells = append(cells, summaryCells(p, pok)...)
		ref, rok := Summarize(f.Reference)
		cells = append(cells, summaryCells(ref, rok)...)
		ratio, ok := Ratio(p.Median, ref.Median)
		if pok && rok && ok {
			cells = append(cells, fmt.Sprintf("%.2fx", ratio))
		} else {
			cells = append(cells, "-")
		}
		if low, high, ok := RatioRange(f.Project, f.Reference); ok {
			cells = append(cells, fmt.Sprintf("%.2f–%.2f", low, high))
		} else {
			cells = append(cells, "-")
		}
		switch {
		case f.Budget == 0 || !ok:
			cells = append(cells, "-")
		case ratio <= f.Budget:
			cells = append(cells, fmt.Sprintf("%.1fx ok", f.Budget))
		default:
			cells = append(cells, fmt.Sprintf("%.1fx OVER", f.Budget))
		}
		row(f.Name, cells...)
	}
	fmt.Fprintln(&b)
	fmt.Fprintf(&b, "main.wasm: %d bytes raw, %d bytes gzip (compress/gzip, best compression)", r.WasmRaw, r.WasmGzip)
	if r.WasmGzipBudget > 0 {
		verdict := "ok"
		if r.WasmGzip > r.WasmGzipBudget {
			verdict = "OVER"
		}
		fmt.Fprintf(&b, " (budget %d: %s)", r.WasmGzipBudget, verdict)
	}
	fmt.Fprintln(&b)
	for _, n := range r.Notes {
		fmt.Fprintln(&b, n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func summaryCells(s Summary, ok bool) []string {
	if !ok {
		return []string{"-", "-", "-"}
	}
	return []string{ms(s.Median), ms(s.Min), ms(s.Max)}
}

func ms(v float64) string { return fmt.Sprintf("%.1f", v) }

// pad fills s with spaces to width characters (not bytes: names have arrows).
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}
