//go:build !js

// Package bench measures the packaged popup against its two floors, in one
// headless Chromium: the card's floor (the smallest Go program on the design
// card's stack doing the popup's job, in the project's markup and boot glue,
// built and packed as main.wasm is) and a plain-JavaScript reference with the
// same markup and contract. It times first paint of the complete popup,
// ready, and click to outcome against the local fake account service, warm,
// reopened and first open, and the project's start-up split into its parts,
// and prints one table of medians and ratios to each floor.
package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	htmlpkg "html"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/chromium"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/wasmpack"
)

// Budgets from the design, as ratios of the project's median to a floor's.
const (
	firstPaintBudget = 1.1 // plain JS
	readyBudget      = 1.1 // the card floor, warm and reopened
	clickBudget      = 1.2 // plain JS, warm and reopened
	firstOpenBudget  = 2.0 // ready, plain JS
	// wasmOverFloor is how many bytes more than the card floor's
	// main.wasm may gzip to: about what the popup's own code adds.
	wasmOverFloor = 250 * 1000
)

// floorPackage is the card floor's program.
const floorPackage = "github.com/epicsessionkiller/epic-session-killer/wasm/bench/floor"

//go:embed probe.js
var probeJS string

// reference is the plain-JS popup, less its markup and stylesheet, which
// writeReference takes from the packaged extension so that the two can
// never differ.
//
//go:embed reference
var reference embed.FS

// Options says what to measure and how often.
type Options struct {
	// Extension is the packaged extension, normally dist/unpacked.
	Extension string
	// Rounds are counted; Warmup rounds before them are not.
	Rounds, Warmup int
	// Reopen rounds follow, each popup in a new tab after its last one
	// closed: see reopen.
	Reopen int
	// Binary is Chromium; empty means chromium.DefaultBinary.
	Binary string
	// Progress, when set, gets a line per round.
	Progress io.Writer
	// Against, when set, is another unpacked build of the project to
	// measure in the reference's place, to tell whether a change helps:
	// the machine's noise swamps a few milliseconds between runs, not
	// within one. No budget applies then.
	Against string
	// Lang is the browser's language ("de", …); empty is English. The
	// popup in another language reads its words from the browser's
	// catalog.
	Lang string
	// Trace, when set, is a folder for a Chromium trace of each counted
	// click, from the click to the outcome (traceCategories), one file per
	// popup and round, to open in chrome://tracing or Perfetto. Tracing
	// slows the browser: the figures of such a run are not comparable.
	Trace string
}

// traceCategories are what a click's trace records: the page's tasks,
// script, style, layout and paint, the performance marks, and the IPC
// between the browser's processes.
var traceCategories = []string{
	"devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing",
	"toplevel", "v8.execute", "blink", "loading", "ipc", "mojom", "scheduler",
}

// popupKind is one of the three popups measured.
type popupKind int

const (
	project popupKind = iota
	floor
	ref
	kinds
)

func (k popupKind) String() string { return [...]string{"project", "card floor", "reference"}[k] }

// sample is what the probe records in one popup document.
type sample struct {
	FCP          float64            `json:"fcp"`
	Complete     float64            `json:"complete"`
	Ready        float64            `json:"ready"`
	Click        float64            `json:"click"`
	Outcome      float64            `json:"outcome"`
	OutcomeValue string             `json:"outcomeValue"`
	Text         string             `json:"text"`
	Marks        map[string]float64 `json:"marks"`
}

// firstPaint is when the complete popup was on screen: the later of the
// browser's first contentful paint and the first frame painted complete.
func (s sample) firstPaint() float64 { return max(s.FCP, s.Complete) }

// Run measures and writes the table to out. It fails when a popup does not
// become ready, a kill does not end in success, or a mark is missing.
func Run(ctx context.Context, o Options, out io.Writer) error {
	if o.Rounds < 1 {
		return errors.New("at least one round is needed")
	}
	ext, err := filepath.Abs(o.Extension)
	if err != nil {
		return err
	}
	wasm, err := os.ReadFile(filepath.Join(ext, "extension", "main.wasm"))
	if err != nil {
		return fmt.Errorf("%w: run `./build.sh build` first", err)
	}
	gz, err := gzipSize(wasm)
	if err != nil {
		return err
	}

	tmp, err := os.MkdirTemp("", "session-killer-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	floorDir := filepath.Join(tmp, "floor")
	floorWasm, err := writeFloor(ctx, floorDir, ext)
	if err != nil {
		return fmt.Errorf("the card floor: %w", err)
	}
	floorGz, err := gzipSize(floorWasm)
	if err != nil {
		return err
	}
	// warmDir is a copy of the plain-JS popup that opens once before any
	// measured popup: the browser's first extension page of a fresh
	// profile pays costs of the browser's own that would otherwise land
	// on whichever popup happened to open first.
	warmDir := filepath.Join(tmp, "warm")
	if err := writeReference(warmDir, ext); err != nil {
		return err
	}
	refDir := filepath.Join(tmp, "reference")
	if o.Against != "" {
		// A copy: Chromium tells extensions apart by their path.
		if err := os.CopyFS(refDir, os.DirFS(o.Against)); err != nil {
			return fmt.Errorf("the build to measure against: %w", err)
		}
	} else if err := writeReference(refDir, ext); err != nil {
		return err
	}

	service := fakeepic.New()
	srv, err := fakeepic.ServeTLS(service, "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer srv.Close()

	profile := filepath.Join(tmp, "profile")
	if err := os.Mkdir(profile, 0o700); err != nil {
		return err
	}
	b, err := chromium.Launch(chromium.Options{
		Binary:         o.Binary,
		Extension:      ext,
		MoreExtensions: []string{floorDir, refDir, warmDir},
		ProfileDir:     profile,
		MapHost:        fakeepic.EpicHost,
		MapTo:          srv.Addr,
		SPKIHash:       srv.SPKIHash,
		Lang:           o.Lang,
	})
	if err != nil {
		return err
	}
	defer b.Close()
	version, err := b.Version()
	if err != nil {
		return err
	}

	// One tab per popup, kept open, so each measurement is a fresh document
	// in a process that is already running, as for an extension in use.
	urls := [kinds]string{b.URL("popup.html"), "chrome-extension://" + chromium.ExtensionID(floorDir) + "/popup.html",
		"chrome-extension://" + chromium.ExtensionID(refDir) + "/popup.html"}
	names, _ := json.Marshal(killTypeNames())
	probe := strings.Replace(probeJS, "__KILL_TYPE_NAMES__", string(names), 1)
	var tabs [kinds]*chromium.Page
	for k := range tabs {
		p, err := b.NewTab("about:blank")
		if err != nil {
			return err
		}
		defer p.Close()
		if err := p.AddScriptOnNewDocument(probe); err != nil {
			return err
		}
		tabs[k] = p
	}

	if _, err := measure(tabs[ref], "chrome-extension://"+chromium.ExtensionID(warmDir)+"/popup.html", service, ""); err != nil {
		return fmt.Errorf("the browser's first extension page: %w", err)
	}

	var samples [kinds][]sample
	// first is each popup's first open in the fresh profile: nothing of it
	// is cached yet, which warm-up rounds hide.
	var first [kinds]sample
	for round := range o.Warmup + o.Rounds {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, k := range order(round) {
			var trace string
			if o.Trace != "" && round >= o.Warmup {
				trace = filepath.Join(o.Trace, fmt.Sprintf("round%02d-%s.json", round+1-o.Warmup, strings.ReplaceAll(k.String(), " ", "-")))
			}
			s, err := measure(tabs[k], urls[k], service, trace)
			if err != nil {
				return fmt.Errorf("round %d, %s popup: %w", round+1, k, err)
			}
			if round == 0 {
				first[k] = s
			}
			if round >= o.Warmup {
				samples[k] = append(samples[k], s)
			}
		}
		if o.Progress != nil {
			if round < o.Warmup {
				fmt.Fprintf(o.Progress, "warm-up round %d/%d done\n", round+1, o.Warmup)
			} else {
				fmt.Fprintf(o.Progress, "round %d/%d done\n", round+1-o.Warmup, o.Rounds)
			}
		}
	}

	var reopened [kinds][]sample
	for round := range o.Reopen {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, k := range order(round) {
			p, err := reopen(b, tabs[k], probe)
			if err != nil {
				return err
			}
			tabs[k] = p
			defer p.Close()
			s, err := measure(p, urls[k], service, "")
			if err != nil {
				return fmt.Errorf("reopened round %d, %s popup: %w", round+1, k, err)
			}
			reopened[k] = append(reopened[k], s)
		}
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "reopened round %d/%d done\n", round+1, o.Reopen)
		}
	}

	report, err := buildReport(samples, reopened, first)
	if err != nil {
		return err
	}
	report.WasmOverFloor = wasmOverFloor
	if o.Against != "" {
		for i := range report.Figures {
			if report.Figures[i].BudgetOf == PlainJS {
				report.Figures[i].Budget, report.Figures[i].BudgetOf = 0, NoBudget
			}
		}
		report.Notes = append(report.Notes, "The plain JS columns are the build in "+o.Against+", not the plain-JS popup; no budget against it applies.")
	}
	report.Notes = append(report.Notes, fmt.Sprintf(
		"First open in the fresh profile: project Go init %s, main → ready %s.",
		ms(first[project].Marks["esk:main"]-first[project].Marks["esk:go-run"]),
		ms(first[project].Marks["esk:ready"]-first[project].Marks["esk:main"])))
	report.Date = time.Now()
	report.Browser = version
	report.CPUs = runtime.NumCPU()
	report.Rounds, report.Warmup = o.Rounds, o.Warmup
	report.WasmRaw, report.WasmGzip = int64(len(wasm)), gz
	report.FloorRaw, report.FloorGzip = int64(len(floorWasm)), floorGz
	return report.Write(out)
}

// order turns which popup goes first each round, so none always follows
// the same other.
func order(round int) []popupKind {
	out := make([]popupKind, kinds)
	for i := range out {
		out[i] = popupKind((round + i) % int(kinds))
	}
	return out
}

// reopen closes the tab of a popup and gives it a new one. With none of its
// pages left the extension's renderer process ends, so the next popup starts
// in a new process, as a toolbar popup does when it is opened again after
// the last one was closed: main.wasm is compiled anew, and each function the
// first time it runs. The rounds in one tab measure a process that keeps
// the compiled module from earlier popups.
func reopen(b *chromium.Browser, old *chromium.Page, probe string) (*chromium.Page, error) {
	old.Close()
	p, err := b.NewTab("about:blank")
	if err != nil {
		return nil, err
	}
	if err := p.AddScriptOnNewDocument(probe); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// readingPause is the time between pasting the token and clicking Kill.
const readingPause = 800 * time.Millisecond

// settlePause is how long the tab rests on a blank page before a popup
// opens, as the browser would between two clicks on the toolbar button.
const settlePause = 300 * time.Millisecond

// measure opens a fresh popup document in p, waits until it is painted and
// ready, kills with a fresh token and waits for the outcome. With trace set,
// the click is traced to that file.
func measure(p *chromium.Page, url string, service *fakeepic.Service, trace string) (sample, error) {
	var s sample
	token := service.Issue(fakeepic.Grant{
		// An account of its own, so every kill finds the same (empty) set
		// of other sessions and the fake's work stays constant.
		AccountID:     randomHex(16),
		DisplayName:   "BenchPlayer",
		ClientID:      "ec684b8c687f479fadea3cb2ad83f5c6",
		ClientService: "fortnite",
		SourceID:      "pc-1",
		Permissions: []fakeepic.Permission{
			{Resource: "account:token:otherSessionsForAccountClientService", Action: fakeepic.Delete},
		},
	})
	if err := p.BringToFront(); err != nil {
		return s, err
	}
	// The popup opens on a blank page, not in place of the last popup: a
	// person's popup is a new page, and ending the last one (the project's
	// holds a running Go program) is no part of opening this one.
	if err := p.Navigate("about:blank"); err != nil {
		return s, err
	}
	time.Sleep(settlePause)
	if err := p.Navigate(url); err != nil {
		return s, err
	}
	if err := p.Await(`window.__eskBench.ready()`, &s); err != nil {
		return s, fmt.Errorf("the popup was not painted complete and ready: %w", err)
	}
	// The default kill type, OTHERS_ACCOUNT_CLIENT_SERVICE, which the token may use.
	if err := p.Type("#token", token); err != nil {
		return s, err
	}
	// A person pastes, reads, then clicks. Both popups get the same pause;
	// the project uses it to take the token and ask Epic whose it is, as it
	// would while the person reads, so the click measures the kill alone.
	time.Sleep(readingPause)
	click := func() error {
		if err := p.Click("#kill"); err != nil {
			return err
		}
		if err := p.Await(`window.__eskBench.outcome()`, &s); err != nil {
			return fmt.Errorf("no outcome after the click: %w", err)
		}
		return nil
	}
	if trace == "" {
		if err := click(); err != nil {
			return s, err
		}
	} else {
		events, err := p.Trace(traceCategories, click)
		if err != nil {
			return s, err
		}
		if err := os.WriteFile(trace, events, 0o644); err != nil {
			return s, err
		}
	}
	// The words are the browser's language's (Options.Lang): a success
	// says something, in whichever language.
	if s.OutcomeValue != "success" || strings.TrimSpace(s.Text) == "" {
		return s, fmt.Errorf("the kill did not succeed: data-outcome=%q %q", s.OutcomeValue, s.Text)
	}
	return s, nil
}

// Names for the times a sample holds besides its performance marks.
const (
	navigationStart = ""
	clickTime       = "click"
	outcomeTime     = "outcome"
)

// at is the time of a performance mark or of one of the names above.
func (s sample) at(name string) (float64, bool) {
	switch name {
	case navigationStart:
		return 0, true
	case clickTime:
		return s.Click, true
	case outcomeTime:
		return s.Outcome, true
	}
	v, ok := s.Marks[name]
	return v, ok
}

// buildReport turns the samples into the table's rows; every mark the split
// needs must be there. The reopened samples, when there are any, add rows of
// their own without a budget: the design's budgets are for the popup opened
// in a running process.
func buildReport(samples, reopened [kinds][]sample, first [kinds]sample) (Report, error) {
	var r Report
	figure := func(name string, budget float64, of Floor, samples [kinds][]sample, f func(sample) float64) {
		fig := Figure{Name: name, Budget: budget, BudgetOf: of}
		for _, s := range samples[project] {
			fig.Project = append(fig.Project, f(s))
		}
		for _, s := range samples[floor] {
			fig.Floor = append(fig.Floor, f(s))
		}
		for _, s := range samples[ref] {
			fig.Reference = append(fig.Reference, f(s))
		}
		r.Figures = append(r.Figures, fig)
	}
	ready := func(s sample) float64 { return s.Ready }
	click := func(s sample) float64 { return s.Outcome - s.Click }
	figure("first paint, complete popup", firstPaintBudget, PlainJS, samples, sample.firstPaint)
	figure("ready (data-ready)", readyBudget, CardFloor, samples, ready)
	figure("click → outcome", clickBudget, PlainJS, samples, click)

	// The project's start-up, part by part; they add up to its ready time.
	// Then the click, in every popup: before the request leaves, the
	// network, and after the answer is in.
	parts := []struct {
		name, from, to string
		both           bool
	}{
		{name: "  HTML, CSS, scripts (nav → esk:start)", from: navigationStart, to: "esk:start"},
		{name: "  fetch+compile+instantiate", from: "esk:start", to: "esk:instantiated"},
		{name: "  Go initialisation before main", from: "esk:go-run", to: "esk:main"},
		{name: "  main → ready", from: "esk:main", to: "esk:ready"},
		{name: "  click → request sent", from: clickTime, to: "esk:request", both: true},
		{name: "  request → answer (network)", from: "esk:request", to: "esk:answer", both: true},
		{name: "  answer → outcome", from: "esk:answer", to: outcomeTime, both: true},
	}
	addPart := func(name, from, to string, both bool, samples [kinds][]sample) error {
		fig := Figure{Name: name}
		for _, kind := range []popupKind{project, floor, ref} {
			if kind != project && !both {
				break
			}
			for _, s := range samples[kind] {
				var at [2]float64
				for i, mark := range []string{from, to} {
					v, ok := s.at(mark)
					if !ok {
						return fmt.Errorf("the %s popup set no performance mark %q: is dist/unpacked up to date?", kind, mark)
					}
					at[i] = v
				}
				switch kind {
				case project:
					fig.Project = append(fig.Project, at[1]-at[0])
				case floor:
					fig.Floor = append(fig.Floor, at[1]-at[0])
				default:
					fig.Reference = append(fig.Reference, at[1]-at[0])
				}
			}
		}
		r.Figures = append(r.Figures, fig)
		return nil
	}
	for _, part := range parts {
		if err := addPart(part.name, part.from, part.to, part.both, samples); err != nil {
			return r, err
		}
	}
	if len(reopened[project]) > 0 {
		figure("reopened: first paint", 0, NoBudget, reopened, sample.firstPaint)
		figure("reopened: ready", readyBudget, CardFloor, reopened, ready)
		if err := addPart("  Go initialisation before main", "esk:go-run", "esk:main", false, reopened); err != nil {
			return r, err
		}
		figure("reopened: click → outcome", clickBudget, PlainJS, reopened, click)
	}
	if first[project].Ready > 0 {
		once := [kinds][]sample{{first[project]}, {first[floor]}, {first[ref]}}
		figure("first open: first paint", 0, NoBudget, once, sample.firstPaint)
		figure("first open: ready", firstOpenBudget, PlainJS, once, ready)
	}
	r.Notes = []string{
		"first paint: the later of first-contentful-paint and the first frame painted with every control and kill type;",
		"click → outcome: the click on #kill to #result's data-outcome=\"success\", against the local fake over TLS.",
		"card floor: wasm/bench/floor, the smallest Go program on the card's stack (dom/v2, one listener, tinyutil's DELETE), in the project's markup and popup.js.",
		"Start-up parts (project only) are between performance marks in popup.js and Go; 0 is navigation start.",
		"Click parts: esk:request and esk:answer are marked just before fetch is called and once its answer is read.",
		"Ratio 90% range: the middle 90% of the ratio of medians over 2000 resamples of the rounds, each round's samples kept together.",
		"Each sample is a fresh document of the popup, opened on a blank page in its own tab, kept open between rounds.",
	}
	if n := len(reopened[project]); n > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf(
			"reopened: %d more rounds, each popup in a new tab after its last one closed, so in a new renderer process, as a toolbar popup opened again.", n))
	}
	if first[project].Ready > 0 {
		r.Notes = append(r.Notes, "first open: each popup's first document in the fresh profile, after a copy of the plain-JS popup opened "+
			"the browser's first extension page; one sample, so no range.")
	}
	return r, nil
}

// killTypeNames are the option values a complete popup lists, in the order
// of the kill-type table.
func killTypeNames() []string {
	names := make([]string, len(epic.KillTypes))
	for i, kt := range epic.KillTypes {
		names[i] = kt.Name
	}
	return names
}

// writeReference writes the plain-JS popup to dir, with the markup and the
// stylesheet of the packaged extension in ext.
func writeReference(dir, ext string) error {
	sub, err := fs.Sub(reference, "reference")
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, sub); err != nil {
		return err
	}
	markup, err := os.ReadFile(filepath.Join(ext, "popup.html"))
	if err != nil {
		return err
	}
	html, err := referenceHTML(string(markup))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "popup.html"), []byte(html), 0o644); err != nil {
		return err
	}
	style, err := os.ReadFile(filepath.Join(ext, "extension", "popup.css"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "extension"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "extension", "popup.css"), style, 0o644)
}

// writeFloor writes the card floor to dir: the packaged extension in ext,
// with the floor's program in main.wasm's place, built and packed as
// build.sh builds main.wasm, and popup.js stamped with its hash. It returns
// the floor's main.wasm.
func writeFloor(ctx context.Context, dir, ext string) ([]byte, error) {
	if err := os.CopyFS(dir, os.DirFS(ext)); err != nil {
		return nil, err
	}
	wasmPath := filepath.Join(dir, "extension", "main.wasm")
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", wasmPath, floorPackage)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build: %w\n%s", err, out)
	}
	built, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, err
	}
	packed, _, err := wasmpack.Pack(built)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(wasmPath, packed, 0o644); err != nil {
		return nil, err
	}
	glue := filepath.Join(dir, "extension", "popup.js")
	js, err := os.ReadFile(glue)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(packed)
	stamped := wasmVersion.ReplaceAll(js, []byte("${1}'"+hex.EncodeToString(sum[:])[:16]+"';"))
	if bytes.Equal(stamped, js) {
		return nil, errors.New("popup.js has no WASM_VERSION to stamp")
	}
	return packed, os.WriteFile(glue, stamped, 0o644)
}

// wasmVersion is popup.js's line that names its main.wasm, as build.sh
// stamps it.
var wasmVersion = regexp.MustCompile(`(?m)^( *const WASM_VERSION = )'[^']*';`)

// goScripts is how popup.html loads the Go side.
const goScripts = `  <script src="extension/wasm_exec.js" defer></script>
  <script src="extension/popup.js" defer></script>`

// referenceHTML is popup.html as the plain-JS reference shows it: its own
// script in place of the Go side, and each kill type's texts on its option,
// where the Go popup keeps them in Go.
func referenceHTML(popupHTML string) (string, error) {
	if !strings.Contains(popupHTML, goScripts) {
		return "", errors.New("bench: popup.html no longer loads wasm_exec.js and popup.js as the reference expects")
	}
	html := strings.Replace(popupHTML, goScripts, `  <script src="reference.js" defer></script>`, 1)
	for _, kt := range epic.KillTypes {
		option := `<option value="` + kt.Name + `">`
		if !strings.Contains(html, option) {
			return "", fmt.Errorf("bench: popup.html lists no %s option", kt.Name)
		}
		html = strings.Replace(html, option, `<option value="`+kt.Name+`"`+
			` data-description="`+htmlpkg.EscapeString(messages.English.Text(messages.KillTypeDescription(kt.Name)))+`"`+
			` data-permission="`+htmlpkg.EscapeString(messages.English.Text(popup.EpicName(kt, epic.Permission{}, false)))+`"`+
			` data-done="`+htmlpkg.EscapeString(messages.English.Text(messages.KillTypeDone(kt.Name)))+`">`, 1)
	}
	return html, nil
}

func gzipSize(data []byte) (int64, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := w.Write(data); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int64(buf.Len()), nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
