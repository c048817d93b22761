// Command popuphtml keeps the kill-type markup in popup.html in step with
// the Go table (wasm/internal/epic): the browser paints the complete popup
// from the HTML alone, before the wasm has even compiled, while Go stays the
// one source of the kill types.
//
//	go run ./wasm/cmd/popuphtml popup.html      # fails when popup.html is stale
//	go run ./wasm/cmd/popuphtml -w popup.html   # rewrites it
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

func main() {
	write := flag.Bool("w", false, "rewrite the file instead of checking it")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: popuphtml [-w] popup.html")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *write, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "popuphtml:", err)
		os.Exit(1)
	}
}

// ErrStale says the file differs from what the table generates.
var ErrStale = errors.New("the kill-type markup is out of date: run go run ./wasm/cmd/popuphtml -w popup.html")

func run(path string, write bool, out io.Writer) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	updated, err := Generate(old, epic.KillTypes, messages.English)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if bytes.Equal(old, updated) {
		return nil
	}
	if !write {
		return fmt.Errorf("%s: %w", path, ErrStale)
	}
	fmt.Fprintf(out, "popuphtml: rewrote %s\n", path)
	return os.WriteFile(path, updated, 0o644)
}

// Generate fills each region between "<!-- begin NAME -->" and
// "<!-- end NAME -->" with the markup for NAME, taken from types: the
// options in a player's words, and the first type's description and Epic's
// name for it in t's language, which is the popup's state before the user picks anything.
func Generate(page []byte, types []epic.KillType, t messages.Texts) ([]byte, error) {
	if len(types) == 0 {
		return nil, errors.New("no kill types")
	}
	var options strings.Builder
	for _, kt := range types {
		fmt.Fprintf(&options, "\n        <option value=\"%s\">%s</option>",
			html.EscapeString(kt.Name), html.EscapeString(t.Text(messages.KillTypeLabel(kt.Name))))
	}
	options.WriteString("\n        ")
	regions := []struct{ name, content string }{
		{"kill-types", options.String()},
		{"kill-type-description", html.EscapeString(t.Text(messages.KillTypeDescription(types[0].Name)))},
		{"kill-type-permission", html.EscapeString(t.Text(popup.EpicName(types[0], epic.Permission{}, false)))},
	}
	s := string(page)
	for _, r := range regions {
		var err error
		if s, err = replaceRegion(s, r.name, r.content); err != nil {
			return nil, err
		}
	}
	return fillWords(s, t)
}

var (
	// wordsElement is an element whose text is the catalog's message
	// data-i18n names: a text without markup, up to the next tag.
	wordsElement = regexp.MustCompile(`(data-i18n="([A-Za-z0-9_]+)"[^>]*>)([^<]*)`)
	// wordsLabel is a tag whose aria-label is the message data-i18n-aria
	// names; the popup writes aria-label before data-i18n-aria.
	wordsLabel = regexp.MustCompile(`aria-label="[^"]*"([^>]*data-i18n-aria="([A-Za-z0-9_]+)")`)
)

// fillWords writes into each data-i18n element, and each data-i18n-aria
// label, its message in t's language: popup.html shows the catalog's words
// before Go runs, and Go replaces them for another language by the same
// keys.
func fillWords(s string, t messages.Texts) ([]byte, error) {
	var unknown []string
	known := func(key string) string {
		if _, ok := messages.English[messages.Key(key)]; !ok {
			unknown = append(unknown, key)
		}
		return html.EscapeString(t.Text(messages.Of(messages.Key(key))))
	}
	s = wordsElement.ReplaceAllStringFunc(s, func(m string) string {
		sub := wordsElement.FindStringSubmatch(m)
		return sub[1] + known(sub[2])
	})
	s = wordsLabel.ReplaceAllStringFunc(s, func(m string) string {
		sub := wordsLabel.FindStringSubmatch(m)
		return `aria-label="` + known(sub[2]) + `"` + sub[1]
	})
	if len(unknown) > 0 {
		return nil, fmt.Errorf("popup.html names messages the catalog lacks: %s", strings.Join(unknown, ", "))
	}
	return []byte(s), nil
}

func replaceRegion(s, name, content string) (string, error) {
	begin, end := "<!-- begin "+name+" -->", "<!-- end "+name+" -->"
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	if i < 0 || j < i || strings.Count(s, begin) != 1 || strings.Count(s, end) != 1 {
		return "", fmt.Errorf("needs exactly one %q followed by one %q", begin, end)
	}
	return s[:i+len(begin)] + content + s[j:], nil
}
