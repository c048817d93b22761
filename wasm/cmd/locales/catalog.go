package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// Entry is one message of a browser catalog (messages.json).
type Entry struct {
	Message      string                 `json:"message"`
	Description  string                 `json:"description,omitempty"`
	Placeholders map[string]Placeholder `json:"placeholders,omitempty"`
}

// Placeholder names where a value goes: its content is $1, $2, ….
type Placeholder struct {
	Content string `json:"content"`
	Example string `json:"example,omitempty"`
}

// examples show translators what a value looks like.
var examples = map[string]string{
	"wait": "3 min 41 s", "time": "16:02:11", "label": "“Everywhere else”", "killType": "OTHERS",
	"killTypes": "“Other logins of this app”, “Everywhere else”", "permissions": "account:token:otherSessionsForAccount DELETE (account)",
	"permission": "account:token:otherSessionsForAccount DELETE", "description": "Every other login of your account…",
	"token": "DemoPlayer · Fortnite (PC) · 7 h 59 min left", "name": "DemoPlayer", "app": "Fortnite (PC)", "left": "7 h 59 min left",
	"reason": "the network is down", "count": "3", "status": "503", "code": "errors.com.epicgames.common.server_error",
	"host": "account-public-service-prod.ol.epicgames.com", "id": "ec684b8c…", "product": "Fortnite (PC)",
	"date": "1 Dec 2026 at 16:02 UTC", "api": "navigator.clipboard", "value": "2026-12-01T16:02:11Z", "text": "(a text shown as it is)", "input": "ALL_SESSIONS",
	"s": "41", "ss": "05", "m": "3", "mm": "05", "h": "1",
	"first": "The token above was forgotten.", "second": "Try again in 3 min 41 s.",
	"platform": "Windows", "library": "python-requests",
}

// madeKeys describe the keys made from a name (messages.KillTypeLabel, …).
var madeKeys = []struct{ prefix, description string }{
	{"label_", "The choice of what to sign out, in a player's words (a select option; keep it under about 28 characters). Epic's name for it: "},
	{"describe_", "One line under the choice, saying what it signs out. Epic's name for it: "},
	{"done_", "The outcome once Epic has signed them out. Epic's name for it: "},
	{"confirm_", "The red confirm button, naming the consequence. Epic's name for it: "},
	{"client_", "The name of a well-known Epic app, as players know it: "},
}

// Generate is the browser catalog of c, messages.json's bytes, each message
// described for translators by what the Go catalog says of its key (docs),
// with each of its placeholders written there as in the message: $NAME$.
func Generate(c messages.Catalog, docs map[messages.Key]Doc) ([]byte, error) {
	entries := map[string]Entry{}
	for key, text := range c {
		if !validName.MatchString(string(key)) {
			return nil, fmt.Errorf("%q is not a name a browser catalog takes", key)
		}
		e := Entry{Message: strings.ReplaceAll(text, "$", "$$"), Description: describe(key, docs)}
		for i, name := range messages.Placeholders(text) {
			if e.Placeholders == nil {
				e.Placeholders = map[string]Placeholder{}
			}
			e.Message = strings.ReplaceAll(e.Message, "{"+name+"}", "$"+strings.ToUpper(name)+"$")
			e.Description = strings.ReplaceAll(e.Description, "{"+name+"}", "$"+strings.ToUpper(name)+"$")
			e.Placeholders[strings.ToLower(name)] = Placeholder{Content: "$" + strconv.Itoa(i+1), Example: examples[name]}
		}
		entries[string(key)] = e
	}
	b, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

var validName = regexp.MustCompile(`^[A-Za-z0-9_@]+$`)

// describe is key's description: that of a made key, else the key's own
// comment, else, for a key without one, its section.
func describe(key messages.Key, docs map[messages.Key]Doc) string {
	if d, ok := madeDescription(key); ok {
		return d
	}
	if d := docs[key]; d.Own != "" {
		return d.Own
	}
	return docs[key].Section
}

// madeDescription describes a made key; false for a declared one.
func madeDescription(key messages.Key) (string, bool) {
	for _, m := range madeKeys {
		if name, ok := strings.CutPrefix(string(key), m.prefix); ok {
			return m.description + name + ".", true
		}
	}
	return "", false
}

// Doc is what the Go catalog says of a declared key, each on one line: the
// comment of its const block (its section) and the key's own comment.
type Doc struct {
	Section, Own string
}

// Docs reads the Go catalog's source and finds each declared key's Doc.
func Docs(src []byte) (map[messages.Key]Doc, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "english.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	oneLine := func(g *ast.CommentGroup) string { return strings.Join(strings.Fields(g.Text()), " ") }
	out := map[messages.Key]Doc{}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		section := oneLine(gen.Doc)
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, v := range vs.Values {
				key, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				if err != nil {
					return nil, err
				}
				out[messages.Key(key)] = Doc{Section: section, Own: oneLine(vs.Doc)}
			}
		}
	}
	return out, nil
}

// Read reads a locale's messages.json.
func Read(path string) (map[string]Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var entries map[string]Entry
	if err := json.Unmarshal(b, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return entries, nil
}

// CheckAll checks every locale under dir against en.
func CheckAll(dir string) error {
	en, err := Read(filepath.Join(dir, "en", "messages.json"))
	if err != nil {
		return err
	}
	locales, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var problems []string
	for _, l := range locales {
		if !l.IsDir() || l.Name() == "en" {
			continue
		}
		entries, err := Read(filepath.Join(dir, l.Name(), "messages.json"))
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		problems = append(problems, Check(l.Name(), en, entries)...)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problems:\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	return nil
}

var used = regexp.MustCompile(`\$([A-Za-z0-9_]+)\$`)

// Check compares one locale with en: exactly en's keys, each with en's
// placeholders (the same content), each used in its message, none empty.
func Check(locale string, en, entries map[string]Entry) []string {
	var problems []string
	add := func(format string, args ...any) {
		problems = append(problems, locale+": "+fmt.Sprintf(format, args...))
	}
	for key := range en {
		if _, ok := entries[key]; !ok {
			add("%s is missing", key)
		}
	}
	keys := make([]string, 0, len(entries))
	for key := range entries {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		e := entries[key]
		want, ok := en[key]
		if !ok {
			add("%s is not in en", key)
			continue
		}
		if strings.TrimSpace(e.Message) == "" {
			add("%s is empty", key)
		}
		if e.Message == want.Message && !keptAsIs[key] && len(englishWords(want.Message)) > 0 {
			add("%s is still English: %q", key, want.Message)
		}
		if len(e.Placeholders) != len(want.Placeholders) {
			add("%s has %d placeholders, en %d", key, len(e.Placeholders), len(want.Placeholders))
		}
		for name, p := range want.Placeholders {
			if got, ok := e.Placeholders[name]; !ok || got.Content != p.Content {
				add("%s: placeholder %s must be %q as in en", key, name, p.Content)
			}
		}
		for _, m := range used.FindAllStringSubmatch(e.Message, -1) {
			if _, ok := want.Placeholders[strings.ToLower(m[1])]; !ok {
				add("%s uses $%s$, which en does not define", key, m[1])
			}
		}
		for name := range want.Placeholders {
			if !strings.Contains(strings.ToLower(e.Message), "$"+name+"$") {
				add("%s does not use $%s$", key, strings.ToUpper(name))
			}
		}
	}
	return problems
}

// keptAsIs are the messages a language may keep in English: the product's
// name, where the language's word order would put Epic's mark first.
var keptAsIs = map[string]bool{string(messages.ExtName): true}

// names are words that stay as they are in every language: Epic's names,
// its products and platforms, and technical words that Details quotes.
var names = map[string]bool{
	"epic": true, "games": true, "fortnite": true, "epicgames": true, "com": true, "status": true,
	"http": true, "json": true, "errorcode": true, "numericerrorcode": true, "eg1": true,
	"ios": true, "android": true, "switch": true, "xbox": true, "playstation": true,
	"session": true, "killer": true, "launcher": true, "min": true, "app": true, "token": true, "account": true,
}

var word = regexp.MustCompile(`[A-Za-z]{3,}`)

// englishWords are the words of an English text that a translation should
// not keep: not a placeholder, a name, or a name in capitals (OTHERS, ALL).
func englishWords(text string) []string {
	text = used.ReplaceAllString(text, "")
	var out []string
	for _, w := range word.FindAllString(text, -1) {
		if !names[strings.ToLower(w)] && strings.ToUpper(w) != w {
			out = append(out, w)
		}
	}
	return out
}
