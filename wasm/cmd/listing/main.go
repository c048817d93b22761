//go:build !js

// Command listing writes the stores' listing as the submission forms take
// it, one plain-text file per field and language, after checking every
// language's listing (store/LOCALE.json) against the stores' limits and its
// catalog; and the privacy policy as the plain text AMO's form takes.
//
//	go run ./wasm/cmd/listing -o dist/release/listing store extension/_locales PRIVACY.md
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/listing"
)

func main() {
	out := flag.String("o", "", "the folder to write")
	flag.Parse()
	if *out == "" || flag.NArg() != 3 {
		fmt.Fprintln(os.Stderr, "usage: listing -o DIR store extension/_locales PRIVACY.md")
		os.Exit(2)
	}
	if err := run(*out, flag.Arg(0), flag.Arg(1), flag.Arg(2)); err != nil {
		fmt.Fprintln(os.Stderr, "listing:", err)
		os.Exit(1)
	}
}

func run(out, store, locales, privacy string) error {
	names, err := listing.Locales(os.DirFS(locales))
	if err != nil {
		return err
	}
	files := map[string]string{}
	var problems []error
	for _, locale := range names {
		data, err := os.ReadFile(filepath.Join(store, locale+".json"))
		if err != nil {
			problems = append(problems, err)
			continue
		}
		l, err := listing.Parse(data)
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", locale, err))
			continue
		}
		c, err := listing.ReadCatalog(os.DirFS(locales), locale)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		for _, err := range listing.Check(l, c) {
			problems = append(problems, fmt.Errorf("%s: %w", locale, err))
		}
		for name, text := range Fields(l) {
			files[filepath.Join(locale, name)] = text
		}
	}
	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	policy, err := os.ReadFile(privacy)
	if err != nil {
		return err
	}
	files["privacy-policy.txt"] = PlainText(string(policy))
	for name, text := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(text+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Fields are the listing's files, by name, each the text of one form field.
func Fields(l listing.Listing) map[string]string {
	p := l.Permissions
	c := l.Captions
	return map[string]string{
		"name.txt":           l.Name,
		"summary.txt":        l.Summary,
		"description.txt":    l.Description,
		"single-purpose.txt": l.SinglePurpose,
		"permissions.txt": strings.Join([]string{
			"storage: " + p.Storage,
			"host permission: " + p.HostPermissions,
			"cookies: " + p.Cookies,
			"optional host permissions: " + p.OptionalHostPermissions,
			"remote code: " + p.RemoteCode,
		}, "\n\n"),
		"captions.txt": strings.Join([]string{
			"screenshot-1-held.png: " + c.Held,
			"screenshot-2-success.png: " + c.Success,
			"screenshot-3-missing-permission.png: " + c.MissingPermission,
			"screenshot-4-throttled.png: " + c.Throttled,
			"screenshot-5-dark.png: " + c.Dark,
			"promo-440x280.png: " + l.Promo,
		}, "\n"),
	}
}

var (
	heading  = regexp.MustCompile(`(?m)^#+ +`)
	emphasis = regexp.MustCompile(`\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*`)
	code     = regexp.MustCompile("`([^`]+)`")
)

// PlainText is a Markdown page as plain text, for a form that shows text as
// it is: headings lose their #, emphasis and code their marks; lists and
// paragraphs stay as they are.
func PlainText(markdown string) string {
	s := heading.ReplaceAllString(markdown, "")
	s = emphasis.ReplaceAllString(s, "$1$2")
	s = code.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}
