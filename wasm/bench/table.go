package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Floor names what a budget is measured against: the card's floor (the
// smallest Go program on the card's stack doing the popup's job) or the
// plain-JavaScript popup.
type Floor int

const (
	NoBudget Floor = iota
	CardFloor
	PlainJS
)

// Figure is one row of the table: samples in milliseconds.
type Figure struct {
	Name string
	// Project, Floor and Reference hold one sample per counted round of
	// the project, the card's floor and the plain-JS popup; Floor and
	// Reference are empty for the parts of the project's start-up, which
	// the others do not have.
	Project, Floor, Reference []float64
	// Budget is the highest ratio the design allows of the project's
	// median to BudgetOf's, or 0.
	Budget   float64
	BudgetOf Floor
}

// Report is everything one bench run prints.
type Report struct {
	Date           time.Time
	Browser        string
	CPUs           int
	Rounds, Warmup int
	Figures        []Figure
	// WasmRaw and WasmGzip are main.wasm's size as shipped and gzipped at
	// the best compression; FloorRaw and FloorGzip the card floor's, built
	// and packed the same way.
	WasmRaw, WasmGzip, FloorRaw, FloorGzip int64
	// WasmOverFloor is how much more than the card floor's gzip the
	// design lets main.wasm's be, or 0 for no budget.
	WasmOverFloor int64
	// Notes are printed under the table, one a line.
	Notes []string
}

// Write prints the report as one plain-text table: each figure's median for
// the project, the card floor and plain JS, the project's ratio to each with
// its 90% range, and the budget, met or over.
func (r Report) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Session Killer for Epic Games popup bench, %s\n", r.Date.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "%s, %d CPUs; rounds: %d counted after %d warm-up, interleaved\n", r.Browser, r.CPUs, r.Rounds, r.Warmup)
	fmt.Fprintln(&b, "milliseconds, medians, timed inside the page with performance.now() from navigation start")
	fmt.Fprintln(&b)

	nameWidth := len("figure")
	for _, f := range r.Figures {
		nameWidth = max(nameWidth, utf8.RuneCountInString(f.Name))
	}
	row := func(name string, cells ...string) {
		b.WriteString(pad(name, nameWidth))
		for i, c := range cells {
			width := 9
			if i == len(cells)-1 {
				width = 14 // the budget
			}
			b.WriteString(strings.Repeat(" ", 2+max(0, width-utf8.RuneCountInString(c))))
			b.WriteString(c)
		}
		trimmed := strings.TrimRight(b.String(), " ")
		b.Reset()
		b.WriteString(trimmed)
		b.WriteString("\n")
	}
	row("", "", "card", "plain", "ratio to", "", "ratio to", "", "")
	row("figure", "project", "floor", "JS", "floor", "90% range", "plain JS", "90% range", "budget")
	for _, f := range r.Figures {
		cells := make([]string, 0, 8)
		p, pok := Summarize(f.Project)
		for _, s := range [][]float64{f.Project, f.Floor, f.Reference} {
			cells = append(cells, medianCell(s))
		}
		ratios := map[Floor]float64{}
		for _, of := range []struct {
			floor   Floor
			samples []float64
		}{{CardFloor, f.Floor}, {PlainJS, f.Reference}} {
			o, ook := Summarize(of.samples)
			ratio, ok := Ratio(p.Median, o.Median)
			if pok && ook && ok {
				ratios[of.floor] = ratio
				cells = append(cells, fmt.Sprintf("%.2fx", ratio))
			} else {
				cells = append(cells, "-")
			}
			if low, high, ok := RatioRange(f.Project, of.samples); ok {
				cells = append(cells, fmt.Sprintf("%.2f–%.2f", low, high))
			} else {
				cells = append(cells, "-")
			}
		}
		ratio, ok := ratios[f.BudgetOf]
		switch {
		case f.Budget == 0 || f.BudgetOf == NoBudget || !ok:
			cells = append(cells, "-")
		case ratio <= f.Budget:
			cells = append(cells, fmt.Sprintf("%.1fx %s ok", f.Budget, f.BudgetOf))
		default:
			cells = append(cells, fmt.Sprintf("%.1fx %s OVER", f.Budget, f.BudgetOf))
		}
		row(f.Name, cells...)
	}
	fmt.Fprintln(&b)
	fmt.Fprintf(&b, "main.wasm: %d bytes raw, %d bytes gzip; the card floor's: %d bytes raw, %d bytes gzip (compress/gzip, best compression)",
		r.WasmRaw, r.WasmGzip, r.FloorRaw, r.FloorGzip)
	if r.WasmOverFloor > 0 {
		verdict := "ok"
		if r.WasmGzip > r.FloorGzip+r.WasmOverFloor {
			verdict = "OVER"
		}
		fmt.Fprintf(&b, "; gzip budget the floor's + %d: %+d, %s", r.WasmOverFloor, r.WasmGzip-r.FloorGzip, verdict)
	}
	fmt.Fprintln(&b)
	for _, n := range r.Notes {
		fmt.Fprintln(&b, n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (f Floor) String() string {
	switch f {
	case CardFloor:
		return "floor"
	case PlainJS:
		return "JS"
	}
	return ""
}

func medianCell(samples []float64) string {
	if s, ok := Summarize(samples); ok {
		return ms(s.Median)
	}
	return "-"
}

func ms(v float64) string { return fmt.Sprintf("%.1f", v) }

// pad fills s with spaces to width characters (not bytes: names have arrows).
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}
