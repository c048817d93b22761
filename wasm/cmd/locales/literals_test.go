package main

// Every word the popup shows comes from the message catalog
// (wasm/internal/messages/english.go, and _locales in other languages). The
// tests below look for words written anywhere else in what ships: string
// literals in the Go compiled into the popup and in extension/*.js, text and
// labels in popup.html, and the manifest's own words. What they flag is
// either a message to move into the catalog or a literal that is not shown
// to a player, listed with its reason in literals_allowed_test.go.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// repoRoot is the repository, from this package's directory.
const repoRoot = "../../.."

// catalogFile is the Go catalog: its texts are the one place words belong.
const catalogFile = "wasm/internal/messages/english.go"

// popupPackages are the directories of the Go packages compiled into the
// popup: wasm/main.go and what it imports, transitively, from this module
// for GOOS=js GOARCH=wasm. TestPopupPackagesAreWhatMainImports keeps the
// list in step with the imports.
var popupPackages = []string{
	"wasm",
	"wasm/internal/browser",
	"wasm/internal/devices",
	"wasm/internal/epic",
	"wasm/internal/explain",
	"wasm/internal/inflate",
	"wasm/internal/jsbridge",
	"wasm/internal/jsonvalue",
	"wasm/internal/messages",
	"wasm/internal/popup",
	"wasm/internal/timestamp",
	"wasm/internal/ui",
}

// The heuristic. A text (a literal's value, unquoted) looks like words for
// a person when it has
//
//   - two words in a row: two runs of two or more letters with only white
//     space between them ("Copy details", "the browser is offline");
//   - a capitalised word at its start that is not run into another word
//     ("Cancel", "Content-Type"; not "TokenType" or "ClientID", which
//     are identifiers);
//   - a letter followed by sentence punctuation at its end ("Done.",
//     "Starting…", "完了。");
//   - a letter of a script other than Latin (a word of a translation).
//
// A literal that is a time layout (an argument of a Format or AppendFormat
// call) is flagged when it has two letters in a row: month and day names,
// and words between the numbers, come out in English whatever the language
// ("2 Jan 2006 at 15:04 UTC"; not "15:04:05").
var (
	twoWords       = regexp.MustCompile(`\p{L}{2,}\s+\p{L}{2,}`)
	capitalised    = regexp.MustCompile(`^\p{Lu}\p{Ll}+(\P{L}|$)`)
	sentenceEnd    = regexp.MustCompile(`\p{L}[.!?…。！？]\s*$`)
	nonLatinLetter = regexp.MustCompile(`[^\P{L}\p{Latin}]`)
	layoutWord     = regexp.MustCompile(`\p{L}{2,}`)
)

// looksLikeWords reports whether s looks like words for a person.
func looksLikeWords(s string) bool {
	return twoWords.MatchString(s) || capitalised.MatchString(s) ||
		sentenceEnd.MatchString(s) || nonLatinLetter.MatchString(s)
}

// finding is one text outside the catalog that looks shown.
type finding struct {
	// file is the path from the repository's root.
	file string
	// line is where the literal starts; 0 for popup.html, whose findings
	// say where by selector.
	line int
	// where is, in popup.html, the CSS selector of the element and what
	// of it (its text or an attribute).
	where string
	// text is the literal's value, or the text or attribute value.
	text string
}

func (f finding) String() string {
	at := f.file
	if f.line > 0 {
		at += ":" + strconv.Itoa(f.line)
	}
	if f.where != "" {
		at += ": " + f.where
	}
	return at + ": " + strconv.Quote(f.text)
}

// allowed is one literal that looks like words and is not shown to a
// player: a file's literal with exactly that text, or whose text matches
// pattern whole; in popup.html, at the selector where.
type allowed struct {
	file    string
	where   string
	text    string
	pattern string
	reason  string
}

func (a allowed) String() string {
	what := strconv.Quote(a.text)
	if a.pattern != "" {
		what = "/" + a.pattern + "/"
	}
	if a.where != "" {
		what = a.where + ": " + what
	}
	return a.file + ": " + what + " (" + a.reason + ")"
}

func (a allowed) matches(f finding) bool {
	if a.file != f.file || a.where != f.where {
		return false
	}
	if a.pattern != "" {
		return regexp.MustCompile(`^(?:` + a.pattern + `)$`).MatchString(f.text)
	}
	return a.text == f.text
}

// judge splits findings into those no entry of allow covers, and reports
// the entries that cover nothing, so that the list does not outlive its
// literals.
func judge(findings []finding, allow []allowed) (shown []finding, stale []allowed) {
	used := make([]bool, len(allow))
	for _, f := range findings {
		covered := false
		for i, a := range allow {
			if a.matches(f) {
				used[i], covered = true, true
			}
		}
		if !covered {
			shown = append(shown, f)
		}
	}
	for i, a := range allow {
		if !used[i] {
			stale = append(stale, a)
		}
	}
	return shown, stale
}

// report fails t for each finding left and each allow-list entry unused.
func report(t *testing.T, findings []finding, allow []allowed) {
	t.Helper()
	shown, stale := judge(findings, allow)
	for _, f := range shown {
		t.Errorf("%s is not from the catalog: move it there, or allow it with a reason in literals_allowed_test.go", f)
	}
	for _, a := range stale {
		t.Errorf("allow-list entry matches nothing any more: %s", a)
	}
}

// checkAllowList refuses entries that could never match or say nothing.
func checkAllowList(t *testing.T, allow []allowed) {
	t.Helper()
	for _, a := range allow {
		assert.NotEmpty(t, a.reason, "%s: no reason", a)
		assert.True(t, (a.text == "") != (a.pattern == ""), "%s: give text or pattern, one of them", a)
		if a.pattern != "" {
			_, err := regexp.Compile(a.pattern)
			assert.NoError(t, err, "%s", a)
		}
	}
}

// --- Go ---

// scanGo lists the string literals of one Go file that look like words:
// all but import paths and struct tags. An argument of errors.New or
// fmt.Errorf is judged like any other literal: an error's text reaches the
// popup (Epic's answer in the details, the reason of a failed copy or
// sign-in read), so each is allowed, or not, by what becomes of its error.
func scanGo(file string, src []byte) ([]finding, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var (
		out []finding
		// skip holds import paths and struct tags; layouts, the layouts
		// of Format calls.
		skip    = map[*ast.BasicLit]bool{}
		layouts = map[*ast.BasicLit]bool{}
	)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			skip[n.Path] = true
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Format" || sel.Sel.Name == "AppendFormat") {
				for _, arg := range n.Args {
					if lit, ok := arg.(*ast.BasicLit); ok {
						layouts[lit] = true
					}
				}
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING || skip[n] {
				break
			}
			text, err := strconv.Unquote(n.Value)
			if err == nil && (looksLikeWords(text) || (layouts[n] && layoutWord.MatchString(text))) {
				out = append(out, finding{file: file, line: fset.Position(n.Pos()).Line, text: text})
			}
		}
		return true
	})
	return out, nil
}

// wasmContext builds as the popup is built.
func wasmContext() build.Context {
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = "js", "wasm", false
	return ctx
}

// modulePath reads the module's path from go.mod.
func modulePath(t *testing.T) string {
	t.Helper()
	mod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	require.NoError(t, err)
	for _, line := range strings.Split(string(mod), "\n") {
		if path, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.TrimSpace(path)
		}
	}
	t.Fatal("go.mod names no module")
	return ""
}

// popupImports walks the imports of wasm/main.go, as built for js/wasm, and
// returns the directories of this module's packages it reaches, main's
// included.
func popupImports(t *testing.T) []string {
	t.Helper()
	ctx, module := wasmContext(), modulePath(t)
	seen := map[string]bool{}
	var walk func(dir string)
	walk = func(dir string) {
		if seen[dir] {
			return
		}
		seen[dir] = true
		pkg, err := ctx.ImportDir(filepath.Join(repoRoot, dir), 0)
		require.NoError(t, err, dir)
		for _, imp := range pkg.Imports {
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok {
				walk(rel)
			}
		}
	}
	walk("wasm")
	dirs := make([]string, 0, len(seen))
	for dir := range seen {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	return dirs
}

// popupGoFiles lists the non-test Go files of popupPackages built for
// js/wasm, but the catalog.
func popupGoFiles(t *testing.T) []string {
	t.Helper()
	ctx := wasmContext()
	var files []string
	for _, dir := range popupPackages {
		pkg, err := ctx.ImportDir(filepath.Join(repoRoot, dir), 0)
		require.NoError(t, err, dir)
		for _, name := range pkg.GoFiles {
			if file := dir + "/" + name; file != catalogFile {
				files = append(files, file)
			}
		}
	}
	return files
}

func TestPopupPackagesAreWhatMainImports(t *testing.T) {
	want := slices.Sorted(slices.Values(popupPackages))
	assert.Equal(t, want, popupImports(t),
		"popupPackages must list wasm/main.go's package and every package of this module it imports, transitively, for js/wasm")
}

func TestNoWordsInTheGoOfThePopup(t *testing.T) {
	checkAllowList(t, goAllowed)
	var findings []finding
	for _, file := range popupGoFiles(t) {
		src, err := os.ReadFile(filepath.Join(repoRoot, file))
		require.NoError(t, err)
		found, err := scanGo(file, src)
		require.NoError(t, err)
		findings = append(findings, found...)
	}
	report(t, findings, goAllowed)
}

// --- JavaScript ---

// scanJS lists the string literals of one JavaScript file that look like
// words: single- and double-quoted strings, and the text of template
// literals (each ${…} read as "${}"). Comments are skipped, and so are
// regular expression literals, told from division by what comes before
// the slash; that is enough for the popup's own small scripts.
func scanJS(file string, src []byte) ([]finding, error) {
	l := &jsLexer{src: string(src), file: file, line: 1}
	if err := l.code(false); err != nil {
		return nil, err
	}
	return l.found, nil
}

type jsLexer struct {
	src   string
	i     int
	line  int
	file  string
	found []finding
	// prev is the last significant character of code, to tell a regular
	// expression from a division.
	prev byte
}

func (l *jsLexer) errorf(format string, a ...any) error {
	return fmt.Errorf("%s:%d: %s", l.file, l.line, fmt.Sprintf(format, a...))
}

func (l *jsLexer) add(line int, text string) {
	if looksLikeWords(text) {
		l.found = append(l.found, finding{file: l.file, line: line, text: text})
	}
}

// code reads code until the end, or, inTemplate, until the "}" that closes
// a ${ of a template literal.
func (l *jsLexer) code(inTemplate bool) error {
	depth := 0
	for l.i < len(l.src) {
		c := l.src[l.i]
		switch {
		case c == '\n':
			l.line++
			l.i++
		case c == ' ' || c == '\t' || c == '\r':
			l.i++
		case strings.HasPrefix(l.src[l.i:], "//"):
			for l.i < len(l.src) && l.src[l.i] != '\n' {
				l.i++
			}
		case strings.HasPrefix(l.src[l.i:], "/*"):
			end := strings.Index(l.src[l.i+2:], "*/")
			if end < 0 {
				return l.errorf("a comment is never closed")
			}
			l.line += strings.Count(l.src[l.i:l.i+2+end+2], "\n")
			l.i += 2 + end + 2
		case c == '\'' || c == '"':
			line := l.line
			text, err := l.quoted(c)
			if err != nil {
				return err
			}
			l.add(line, text)
			l.prev = c
		case c == '`':
			if err := l.template(); err != nil {
				return err
			}
			l.prev = c
		case c == '/' && l.regexpMayStart():
			if err := l.regexp(); err != nil {
				return err
			}
			l.prev = 'r'
		case c == '{':
			depth++
			l.prev = c
			l.i++
		case c == '}':
			if inTemplate && depth == 0 {
				l.i++
				return nil
			}
			depth--
			l.prev = c
			l.i++
		default:
			l.prev = c
			l.i++
		}
	}
	if inTemplate {
		return l.errorf("a ${ of a template literal is never closed")
	}
	return nil
}

// regexpMayStart: a slash starts a regular expression where an operand is
// expected, so not after a name, a number, a literal or a closing bracket.
func (l *jsLexer) regexpMayStart() bool {
	p := l.prev
	isOperandEnd := p == ')' || p == ']' || p == '}' || p == '\'' || p == '"' || p == '`' || p == 'r' ||
		p == '_' || p == '$' || (p >= '0' && p <= '9') || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z')
	return !isOperandEnd
}

func (l *jsLexer) regexp() error {
	l.i++ // the opening slash
	inClass := false
	for l.i < len(l.src) {
		switch c := l.src[l.i]; {
		case c == '\\':
			l.i += 2
			continue
		case c == '\n':
			return l.errorf("a regular expression is never closed")
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			l.i++
			for l.i < len(l.src) && isJSNameByte(l.src[l.i]) {
				l.i++ // flags
			}
			return nil
		}
		l.i++
	}
	return l.errorf("a regular expression is never closed")
}

func isJSNameByte(c byte) bool {
	return c == '_' || c == '$' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// quoted reads a string literal that starts at l.i with quote, and returns
// its value.
func (l *jsLexer) quoted(quote byte) (string, error) {
	var b strings.Builder
	l.i++
	for l.i < len(l.src) {
		c := l.src[l.i]
		switch {
		case c == quote:
			l.i++
			return b.String(), nil
		case c == '\n':
			return "", l.errorf("a string is never closed")
		case c == '\\':
			l.escape(&b)
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	return "", l.errorf("a string is never closed")
}

// template reads a template literal that starts at l.i, and adds its text
// with each substitution as "${}"; the code of a substitution is read as
// code, so a literal inside it counts on its own.
func (l *jsLexer) template() error {
	line := l.line
	var b strings.Builder
	l.i++
	for l.i < len(l.src) {
		c := l.src[l.i]
		switch {
		case c == '`':
			l.i++
			l.add(line, b.String())
			return nil
		case c == '\\':
			l.escape(&b)
		case strings.HasPrefix(l.src[l.i:], "${"):
			l.i += 2
			b.WriteString("${}")
			if err := l.code(true); err != nil {
				return err
			}
		default:
			if c == '\n' {
				l.line++
			}
			b.WriteByte(c)
			l.i++
		}
	}
	return l.errorf("a template literal is never closed")
}

// escape reads the escape sequence at l.i into b.
func (l *jsLexer) escape(b *strings.Builder) {
	l.i++ // the backslash
	if l.i >= len(l.src) {
		return
	}
	c := l.src[l.i]
	l.i++
	switch c {
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'r':
		b.WriteByte('\r')
	case '\n':
		l.line++ // a line continuation
	case 'x':
		if n, err := strconv.ParseUint(l.src[l.i:min(l.i+2, len(l.src))], 16, 8); err == nil {
			b.WriteRune(rune(n))
			l.i += 2
		}
	case 'u':
		hex := l.src[l.i:min(l.i+4, len(l.src))]
		if strings.HasPrefix(l.src[l.i:], "{") {
			if end := strings.IndexByte(l.src[l.i:], '}'); end > 0 {
				hex = l.src[l.i+1 : l.i+end]
				l.i += 2 // the braces
			}
		}
		if n, err := strconv.ParseUint(hex, 16, 32); err == nil {
			b.WriteRune(rune(n))
			l.i += len(hex)
		}
	default:
		b.WriteByte(c)
	}
}

// shippedJS lists the JavaScript files under extension/ that the build
// packs.
func shippedJS(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(filepath.Join(repoRoot, "extension"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		rel, err := filepath.Rel(repoRoot, path)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, files, "no JavaScript under extension/")
	return files
}

func TestNoWordsInTheJavaScript(t *testing.T) {
	checkAllowList(t, jsAllowed)
	var findings []finding
	for _, file := range shippedJS(t) {
		src, err := os.ReadFile(filepath.Join(repoRoot, file))
		require.NoError(t, err)
		found, err := scanJS(file, src)
		require.NoError(t, err)
		findings = append(findings, found...)
	}
	report(t, findings, jsAllowed)
}

// --- popup.html ---

// labelAttributes are the attributes whose value a person reads or hears.
// The popup translates aria-label alone (data-i18n-aria, ui.translate and
// cmd/popuphtml), so any other of them is words that stay in English.
var labelAttributes = []string{
	"aria-label", "aria-description", "aria-roledescription", "aria-placeholder", "aria-valuetext",
	"title", "placeholder", "alt",
}

// checkHTML lists the words of a page that the catalog does not give:
//
//   - each text that is not the whole content of an element carrying
//     data-i18n (ui.translate replaces that element's text, and
//     cmd/popuphtml fills it up to the next tag, so the element holds
//     nothing but its text);
//   - each aria-label without data-i18n-aria;
//   - each other attribute of labelAttributes, and the value of a button
//     input, which nothing translates.
//
// Each says where by the selector of its element: #id, or the id of the
// nearest ancestor that has one and the element's tag.
func checkHTML(file string, src []byte) ([]finding, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	var out []finding
	add := func(n *html.Node, what, text string) {
		out = append(out, finding{file: file, where: selector(n) + what, text: text})
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if text := strings.TrimSpace(n.Data); text != "" && !wholeI18nText(n) {
				add(n.Parent, "", collapseSpace(text))
			}
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "aria-label" && hasAttr(n, "data-i18n-aria"):
				case slices.Contains(labelAttributes, a.Key),
					a.Key == "value" && n.Data == "input" && slices.Contains([]string{"button", "submit", "reset"}, attr(n, "type")):
					add(n, "["+a.Key+"]", a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out, nil
}

// wholeI18nText reports whether text is the whole content of an element
// that names its message with data-i18n.
func wholeI18nText(text *html.Node) bool {
	p := text.Parent
	if p == nil || !hasAttr(p, "data-i18n") {
		return false
	}
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

// selector names element n: "#id", or "#ancestor tag", or the tag alone.
func selector(n *html.Node) string {
	if id := attr(n, "id"); id != "" {
		return "#" + id
	}
	for a := n.Parent; a != nil; a = a.Parent {
		if id := attr(a, "id"); id != "" {
			return "#" + id + " " + n.Data
		}
	}
	return n.Data
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPopupHTMLWordsComeFromTheCatalog(t *testing.T) {
	checkAllowList(t, htmlAllowed)
	src, err := os.ReadFile(filepath.Join(repoRoot, "popup.html"))
	require.NoError(t, err)
	findings, err := checkHTML("popup.html", src)
	require.NoError(t, err)
	report(t, findings, htmlAllowed)
}

// --- manifest.json ---

// manifestWords are the manifest's fields that the browser shows: each
// must be a __MSG_key__ of the catalog.
var manifestWords = []struct {
	path     []string
	required bool
}{
	{[]string{"name"}, true},
	{[]string{"short_name"}, false},
	{[]string{"description"}, true},
	{[]string{"action", "default_title"}, true},
}

var msgRef = regexp.MustCompile(`^__MSG_([A-Za-z0-9_@]+)__$`)

func TestManifestWordsComeFromTheCatalog(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot, "manifest.json"))
	require.NoError(t, err)
	var manifest map[string]any
	require.NoError(t, json.Unmarshal(src, &manifest))
	for _, field := range manifestWords {
		name := strings.Join(field.path, ".")
		t.Run(name, func(t *testing.T) {
			var v any = manifest
			for _, key := range field.path {
				obj, _ := v.(map[string]any)
				v = obj[key]
			}
			if v == nil && !field.required {
				return
			}
			s, ok := v.(string)
			require.True(t, ok, "manifest.json: %s must be a string", name)
			m := msgRef.FindStringSubmatch(s)
			require.NotNil(t, m, "manifest.json: %s is %q, not a __MSG_key__ of the catalog", name, s)
			assert.Contains(t, messages.English, messages.Key(m[1]), "manifest.json: %s names a message the catalog lacks", name)
		})
	}
}

// --- the scanners themselves ---

func TestLooksLikeWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Something went wrong.", true},
		{"the browser is offline", true},
		{"Cancel", true},
		{"Done.", true},
		{"Starting…", true},
		{"Content-Type", true},
		{"キャンセル", true},
		{"إلغاء", true},
		{"TokenType", false},
		{"ClientID", false},
		{"esk:main", false},
		{"kill-type", false},
		{"OTHERS_ACCOUNT_CLIENT", false},
		{"https://www.epicgames.com/id/login", false},
		{"15:04:05", false},
		{"{reason}", false},
		{"", false},
	} {
		assert.Equal(t, tc.want, looksLikeWords(tc.text), "%q", tc.text)
	}
}

// The scanners catch words made up for the purpose, and leave what is not
// words alone.
func TestTheScannersCatchWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		scan func(file string, src []byte) ([]finding, error)
		src  string
		want []string
	}{
		{"Go: a view's message", scanGo, `package p
import "errors"
type T struct{ A string ` + "`help:\"Not shown anywhere\"`" + ` }
func f(view *View) {
	view.Message = "Something went wrong."
	view.Focus = "kill-type"
	_ = errors.New("could not do it")
	_ = t.Format("2 Jan 2006")
	_ = t.Format("15:04:05")
}`, []string{"Something went wrong.", "could not do it", "2 Jan 2006"}},
		{"JavaScript: strings, templates, not comments", scanJS, "// Not this comment.\n" +
			"/* Nor this one. */\n" +
			"result.textContent = 'Something went wrong.';\n" +
			"el.setAttribute(\"data-outcome\", 'error');\n" +
			"const s = `Failed after ${n / 2} tries`;\n" +
			"const r = /it's \"quoted\" here/g;\n" +
			"const d = a / b / c;\n" +
			"label = \"Don\\'t go\";\n",
			[]string{"Something went wrong.", "Failed after ${} tries", "Don't go"}},
		{"HTML: text and labels", checkHTML, `<!doctype html><html><body>
<p id="ok" data-i18n="starting">Starting…</p>
<p id="result">Something went wrong.</p>
<p data-i18n="x">Outer <b>bold</b></p>
<section id="s" aria-label="Sign out" data-i18n-aria="signOutSection"></section>
<section id="bare" aria-label="Outcome"><button title="Close it">x</button></section>
<input type="submit" value="Send">
</body></html>`,
			[]string{"Something went wrong.", "Outer", "bold", "Outcome", "Close it", "x", "Send"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found, err := tc.scan("made-up", []byte(tc.src))
			require.NoError(t, err)
			var texts []string
			for _, f := range found {
				texts = append(texts, f.text)
			}
			assert.Equal(t, tc.want, texts)
		})
	}
}

// The allow-list covers a literal only where it is, and one entry that
// covers nothing fails.
func TestJudge(t *testing.T) {
	findings := []finding{
		{file: "a.go", line: 3, text: "Something went wrong."},
		{file: "a.go", line: 4, text: "Content-Type"},
		{file: "b.go", line: 5, text: "Content-Type"},
	}
	shown, stale := judge(findings, []allowed{
		{file: "a.go", text: "Content-Type", reason: "HTTP header name"},
		{file: "a.go", pattern: `X-.*`, reason: "HTTP header names"},
	})
	assert.Equal(t, []finding{findings[0], findings[2]}, shown)
	require.Len(t, stale, 1)
	assert.Equal(t, `X-.*`, stale[0].pattern)
}

// A Go file that does not parse, or JavaScript left open, is an error, not
// a pass.
func TestTheScannersRefuseWhatTheyCannotRead(t *testing.T) {
	_, err := scanGo("bad.go", []byte("package p\nfunc {"))
	assert.Error(t, err)
	for _, src := range []string{"'open", "`open ${x", "/* open", "x = /open\n"} {
		_, err := scanJS("bad.js", []byte(src))
		assert.Error(t, err, "%q", src)
	}
}
