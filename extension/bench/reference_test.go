//go:build !js

package bench

import (
	"encoding/json"
	"encoding/xml"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference popup is only a fair floor while it shows what the project
// shows: these tests tie it to popup.html and to the project's kill types.

// killTypeRow is what a popup shows of one kill type.
type killTypeRow struct {
	Name        string `xml:"value,attr"`
	Text        string `xml:",chardata"`
	Description string `xml:"data-description,attr"`
	Permission  string `xml:"data-permission,attr"`
	Done        string `xml:"data-done,attr"`
}

// projectKillTypes reads the project's kill-type table from its source, in
// the form the Go popup renders it.
func projectKillTypes(t *testing.T) []killTypeRow {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../../wasm/internal/epic/killtype.go", nil, 0)
	require.NoError(t, err)
	str := func(e ast.Expr) string {
		lit, ok := e.(*ast.BasicLit)
		require.True(t, ok, "a string literal")
		s, err := strconv.Unquote(lit.Value)
		require.NoError(t, err)
		return s
	}
	var rows []killTypeRow
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || spec.Names[0].Name != "KillTypes" {
			return true
		}
		for _, elt := range spec.Values[0].(*ast.CompositeLit).Elts {
			var row killTypeRow
			for _, field := range elt.(*ast.CompositeLit).Elts {
				kv := field.(*ast.KeyValueExpr)
				switch kv.Key.(*ast.Ident).Name {
				case "Name":
					row.Name = str(kv.Value)
					row.Text = row.Name
				case "Description":
					row.Description = str(kv.Value)
				case "Done":
					row.Done = str(kv.Value)
				case "Permissions":
					var perms []string
					for _, p := range kv.Value.(*ast.CompositeLit).Elts {
						parts := p.(*ast.CompositeLit).Elts
						require.Len(t, parts, 3, "Permission{Holder, Resource, Action}")
						perms = append(perms, str(parts[1])+" "+str(parts[2])+" ("+strings.ToLower(str(parts[0]))+")")
					}
					row.Permission = "Epic permission: " + strings.Join(perms, "; ")
				}
			}
			rows = append(rows, row)
		}
		return false
	})
	require.Len(t, rows, 6, "the kill types in killtype.go")
	return rows
}

var selectRE = regexp.MustCompile(`(?s)(<select id="kill-type"[^>]*>)(.*?)(</select>)`)

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func body(html string) string {
	return html[strings.Index(html, "<body>"):strings.Index(html, "</body>")]
}

func TestReferenceListsTheProjectsKillTypes(t *testing.T) {
	m := selectRE.FindStringSubmatch(readFile(t, "reference/popup.html"))
	require.NotNil(t, m, "reference/popup.html has the kill-type select")
	var list struct {
		Options []killTypeRow `xml:"option"`
	}
	require.NoError(t, xml.Unmarshal([]byte("<select>"+m[2]+"</select>"), &list))
	want := projectKillTypes(t)
	assert.Equal(t, want, list.Options)

	names := make([]string, len(want))
	for i, row := range want {
		names[i] = row.Name
	}
	assert.Equal(t, names, KillTypeNames, "the names the bench waits for")
}

// dataAttrRE matches the data-* attributes that carry the reference's kill
// types; the Go popup keeps them in Go.
var dataAttrRE = regexp.MustCompile(`\s+data-[a-z]+="[^"]*"`)

func TestReferenceHasTheProjectsMarkup(t *testing.T) {
	project := body(readFile(t, "../../popup.html"))
	reference := dataAttrRE.ReplaceAllString(body(readFile(t, "reference/popup.html")), "")
	assert.Equal(t, project, reference, "the reference's <body>, less its data-* attributes, must be popup.html's")
}

// The reference's kill request carries the options that change what the
// browser does with it, as jsbridge sets them for the project: a redirect
// is not followed, and no cookie goes with the token (which costs Chromium
// a few milliseconds, so a reference without it would be a lower floor
// than the job allows).
func TestReferenceSendsTheKillAsTheProjectDoes(t *testing.T) {
	js := readFile(t, "reference/reference.js")
	for _, option := range []string{`method: 'DELETE'`, `redirect: 'manual'`, `credentials: 'omit'`} {
		assert.Contains(t, js, option)
	}
}

func TestReferenceManifest(t *testing.T) {
	var m struct {
		ManifestVersion int    `json:"manifest_version"`
		Name            string `json:"name"`
		Action          struct {
			DefaultPopup string `json:"default_popup"`
		} `json:"action"`
		HostPermissions []string        `json:"host_permissions"`
		Permissions     []string        `json:"permissions"`
		CSP             json.RawMessage `json:"content_security_policy"`
	}
	require.NoError(t, json.Unmarshal([]byte(readFile(t, "reference/manifest.json")), &m))
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"manifest_version", m.ManifestVersion, 3},
		{"name", m.Name, "Epic Session Killer reference"},
		{"popup", m.Action.DefaultPopup, "popup.html"},
		{"host_permissions", m.HostPermissions, []string{"https://account-public-service-prod.ol.epicgames.com/*"}},
		{"permissions", m.Permissions, []string(nil)},
		{"content_security_policy", m.CSP, json.RawMessage(nil)},
	} {
		assert.Equal(t, c.want, c.got, c.what)
	}
}

func TestWriteReferenceUsesTheShippedStylesheet(t *testing.T) {
	css := filepath.Join(t.TempDir(), "popup.css")
	require.NoError(t, os.WriteFile(css, []byte("body { color: red; }"), 0o644))
	dir := filepath.Join(t.TempDir(), "reference")
	require.NoError(t, writeReference(dir, css))
	for _, c := range []struct{ file, contains string }{
		{"manifest.json", `"Epic Session Killer reference"`},
		{"popup.html", `<link rel="stylesheet" href="extension/popup.css">`},
		{"popup.html", `<script src="reference.js" defer></script>`},
		{"reference.js", `setAttribute('data-ready', 'true')`},
		{"extension/popup.css", "body { color: red; }"},
	} {
		assert.Contains(t, readFile(t, filepath.Join(dir, c.file)), c.contains, c.file)
	}
	assert.Error(t, writeReference(filepath.Join(t.TempDir(), "x"), filepath.Join(t.TempDir(), "missing.css")))
}
