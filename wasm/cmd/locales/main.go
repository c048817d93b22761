// Command locales writes the browser's message catalog of the popup's own
// language, extension/_locales/en/messages.json, from the Go catalog
// (wasm/internal/messages), and checks every other locale against it: the
// same keys, the same placeholders, no empty message.
//
//	go run ./wasm/cmd/locales extension/_locales      # fails when en is stale or a locale is off
//	go run ./wasm/cmd/locales -w extension/_locales   # rewrites en, then checks the others
//
// Each {name} of a Go text is a placeholder $NAME$ whose content is the
// position ($1, $2, …) of its first use in English: the popup passes the
// values in that order in every language, and a translation may use them in
// any order.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

func main() {
	write := flag.Bool("w", false, "rewrite en/messages.json instead of checking it")
	source := flag.String("source", "wasm/internal/messages/english.go", "the Go catalog, for its comments")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: locales [-w] extension/_locales")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *source, *write, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "locales:", err)
		os.Exit(1)
	}
}

// ErrStale says en/messages.json differs from the Go catalog.
var ErrStale = errors.New("en/messages.json is out of date: run go run ./wasm/cmd/locales -w extension/_locales")

func run(dir, source string, write bool, out io.Writer) error {
	goSource, err := os.ReadFile(source)
	if err != nil {
		return err
	}
	docs, err := Docs(goSource)
	if err != nil {
		return err
	}
	en, err := Generate(messages.English, docs)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "en", "messages.json")
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if !bytes.Equal(old, en) {
		if !write {
			return fmt.Errorf("%s: %w", path, ErrStale)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, en, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(out, "locales: rewrote %s\n", path)
	}
	return CheckAll(dir)
}
