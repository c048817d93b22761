//go:build !js

// Command bench is `make bench`: the packaged popup against a plain-JavaScript
// reference in headless Chromium, printed as one table.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/epicsessionkiller/epic-session-killer/wasm/bench"
)

func main() {
	rounds := flag.Int("rounds", 25, "interleaved rounds to count")
	warmup := flag.Int("warmup", 3, "rounds to run first and not count")
	reopen := flag.Int("reopen", 7, "rounds after those, each popup in a new tab after its last one closed (a new renderer process)")
	extension := flag.String("extension", "dist/unpacked", "the packaged extension")
	against := flag.String("against", "", "another unpacked build to measure in the reference's place (a copy of an earlier dist/unpacked)")
	lang := flag.String("lang", "", `the browser's language ("de", "ja", "ar", …; its chromium-l10n pack installed), English when empty`)
	trace := flag.String("trace", "", "a folder for a Chromium trace of each counted click (for chrome://tracing or Perfetto; the figures of a traced run are slower)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := bench.Run(ctx, bench.Options{
		Extension: *extension,
		Rounds:    *rounds,
		Warmup:    *warmup,
		Reopen:    *reopen,
		Progress:  os.Stderr,
		Against:   *against,
		Lang:      *lang,
		Trace:     *trace,
	}, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
