// Command chromemanifest writes the Chrome Web Store's manifest: the one
// manifest.json on stdin without its Firefox-only browser_specific_settings,
// which Chrome lists as an unrecognized key.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "chromemanifest:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	var manifest map[string]json.RawMessage
	if err := json.NewDecoder(in).Decode(&manifest); err != nil {
		return fmt.Errorf("reading manifest: %w", err)
	}
	delete(manifest, "browser_specific_settings")
	b, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return err
	}
	_, err = out.Write(append(b, '\n'))
	return err
}
