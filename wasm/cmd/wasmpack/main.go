//go:build !js

// Command wasmpack joins the data segments of the main.wasm Go's linker
// wrote (see package wasmpack), rewriting the file in place.
package main

import (
	"fmt"
	"os"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/wasmpack"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmpack FILE.wasm")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "wasmpack:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	module, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	packed, stats, err := wasmpack.Pack(module)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// Written beside it and renamed, so a failed write leaves the linker's file.
	tmp := path + ".packing"
	if err := os.WriteFile(tmp, packed, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	fmt.Printf("%s: %d data segments joined into %d\n", path, stats.SegmentsBefore, stats.SegmentsAfter)
	return nil
}
