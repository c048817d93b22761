//go:build !js

// Command demo is `make demo`: the extension in Chromium against the fake
// account service. With no display, or with HEADLESS=1, it performs one kill
// headless and prints the outcome and the screenshot's path.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/demo"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	headless := os.Getenv("HEADLESS") == "1" || (os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "")
	err := demo.Run(ctx, demo.Options{
		Extension: "dist/unpacked",
		Artifacts: "artifacts/demo",
		Headless:  headless,
	}, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}
