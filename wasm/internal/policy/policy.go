// Package policy says what may ship in the extension, and checks it: the
// permissions and manifest keys of its allow-lists, a content security
// policy that runs only the package's own code, pages and scripts that run
// no inline code, build no code from strings and reach no host but Epic's,
// and a main.wasm that imports nothing but Go's own glue.
//
// Each checker reads one file and returns what breaks the policy, one
// sentence per problem; none means the file passes. They are pure, so their
// tests feed them bad files natively, and the end-to-end tests run Package
// on what the build ships.
package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Package checks an extension as it ships: an unpacked directory
// (os.DirFS) or a store zip (*zip.Reader). Every file must be of a kind
// that may ship and pass its checks (File). A package without a manifest,
// a page, a script, a stylesheet or main.wasm fails too: the checks for
// what it lacks would pass without having run.
func Package(fsys fs.FS) []string {
	var problems []string
	if _, err := fs.Stat(fsys, "manifest.json"); err != nil {
		problems = append(problems, "manifest.json is missing")
	}
	shipped := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		shipped[path.Ext(name)] = true
		problems = append(problems, File(fsys, name)...)
		return nil
	})
	if err != nil {
		problems = append(problems, fmt.Sprintf("cannot read the package: %v", err))
	}
	for _, ext := range []string{".html", ".js", ".css", ".wasm"} {
		if !shipped[ext] {
			problems = append(problems, fmt.Sprintf("no %s file ships, so its checks never ran", ext))
		}
	}
	return problems
}

// File checks the file name of fsys by its kind: manifest.json with
// Manifest, pages with HTML, scripts with JS and Listeners, stylesheets with
// CSS, main.wasm with WasmImports (against the wasm_exec.js beside it) and
// Listeners; images need no check. Any other kind of file (a source map, a
// script of another language, a stray archive) may not ship. Each problem
// starts with name.
func File(fsys fs.FS, name string) []string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return []string{fmt.Sprintf("%s: cannot read: %v", name, err)}
	}
	var problems []string
	switch ext := path.Ext(name); ext {
	case ".json":
		switch {
		case name == "manifest.json":
			problems = Manifest(b)
		case isMessageCatalog(name):
			problems = MessageCatalog(b)
		default:
			problems = []string{"the only JSON that ships is manifest.json and the message catalogs"}
		}
	case ".html":
		problems = HTML(b)
	case ".js":
		problems = append(JS(b), Listeners(b)...)
	case ".css":
		problems = CSS(b)
	case ".wasm":
		glue, err := fs.ReadFile(fsys, path.Join(path.Dir(name), "wasm_exec.js"))
		if err != nil {
			problems = []string{"no wasm_exec.js beside it, which its imports need"}
		} else {
			problems = WasmImports(b, glue)
		}
		problems = append(problems, Listeners(b)...)
	case ".png":
	default:
		problems = []string{fmt.Sprintf("a %q file is not expected to ship", ext)}
	}
	for i, p := range problems {
		problems[i] = name + ": " + p
	}
	return problems
}

// sortedKeys returns m's keys in order, so problems read the same on every
// run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// catalogPath is where a message catalog lies: _locales/<locale>/messages.json,
// beside manifest.json in the package, under extension/ in the source tree.
var catalogPath = regexp.MustCompile(`^(extension/)?_locales/[a-z]{2,3}(_[A-Z]{2}|_[0-9]{3})?/messages\.json$`)

func isMessageCatalog(name string) bool { return catalogPath.MatchString(name) }

// MessageCatalog checks a messages.json: an object of messages, each with
// its text, a description and placeholders, and nothing else; and no text
// that names a remote address, which the popup would show as words.
func MessageCatalog(b []byte) []string {
	var catalog map[string]struct {
		Message      *string                    `json:"message"`
		Description  string                     `json:"description"`
		Placeholders map[string]json.RawMessage `json:"placeholders"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&catalog); err != nil {
		return []string{fmt.Sprintf("not a message catalog: %v", err)}
	}
	var problems []string
	for key, m := range catalog {
		switch {
		case m.Message == nil:
			problems = append(problems, fmt.Sprintf("%s has no message", key))
		case strings.Contains(*m.Message, "://"):
			problems = append(problems, fmt.Sprintf("%s names a remote address", key))
		}
	}
	sort.Strings(problems)
	return problems
}
