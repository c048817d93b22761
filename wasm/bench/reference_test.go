//go:build !js

package bench

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
)

// The reference popup is only a fair floor while it shows what the project
// shows: its markup is popup.html's, with the kill types' texts from the
// project's own table.

// killTypeRow is what a popup shows of one kill type.
type killTypeRow struct {
	Name        string `xml:"value,attr"`
	Text        string `xml:",chardata"`
	Description string `xml:"data-description,attr"`
	Permission  string `xml:"data-permission,attr"`
	Done        string `xml:"data-done,attr"`
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

// dataAttrRE matches the data-* attributes that carry the reference's kill
// types; the Go popup keeps them in Go.
var dataAttrRE = regexp.MustCompile(`\s+data-[a-z]+="[^"]*"`)

func TestReferenceHTMLIsPopupHTMLWithTheKillTypesTexts(t *testing.T) {
	project := readFile(t, "../../popup.html")

	html, err := referenceHTML(project)

	require.NoError(t, err)
	assert.Equal(t, body(project), dataAttrRE.ReplaceAllString(body(html), ""), "the reference's <body>, less its data-* attributes, is popup.html's")
	assert.Contains(t, html, `<script src="reference.js" defer></script>`)
	assert.NotContains(t, html, "wasm_exec.js")
	m := selectRE.FindStringSubmatch(html)
	require.NotNil(t, m, "the reference has the kill-type select")
	var list struct {
		Options []killTypeRow `xml:"option"`
	}
	require.NoError(t, xml.Unmarshal([]byte("<select>"+m[2]+"</select>"), &list))
	var want []killTypeRow
	for _, kt := range epic.KillTypes {
		text := messages.English.Text
		want = append(want, killTypeRow{kt.Name, text(messages.KillTypeLabel(kt.Name)), text(messages.KillTypeDescription(kt.Name)),
			text(popup.EpicName(kt, epic.Permission{}, false)), text(messages.KillTypeDone(kt.Name))})
	}
	assert.Equal(t, want, list.Options)
}

func TestReferenceHTMLRefusesAPopupItDoesNotKnow(t *testing.T) {
	project := readFile(t, "../../popup.html")
	for name, html := range map[string]string{
		"no Go scripts":         strings.Replace(project, goScripts, "", 1),
		"a kill type missing":   strings.Replace(project, `<option value="OTHERS">`, "<option>", 1),
		"another page entirely": "<!doctype html><p>hello</p>",
	} {
		_, err := referenceHTML(html)
		assert.Error(t, err, name)
	}
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

// The reference keeps the project's contract for a kill's wait: the
// pending view comes once the answer has taken popup.AnswerGrace.
func TestReferenceWaitsAsTheProjectDoes(t *testing.T) {
	js := readFile(t, "reference/reference.js")
	assert.Contains(t, js, fmt.Sprintf("const ANSWER_GRACE_MS = %d;", popup.AnswerGrace.Milliseconds()))
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
		{"name", m.Name, "Session Killer reference"},
		{"popup", m.Action.DefaultPopup, "popup.html"},
		{"host_permissions", m.HostPermissions, []string{"https://account-public-service-prod.ol.epicgames.com/*"}},
		{"permissions", m.Permissions, []string(nil)},
		{"content_security_policy", m.CSP, json.RawMessage(nil)},
	} {
		assert.Equal(t, c.want, c.got, c.what)
	}
}

func TestWriteReferenceUsesTheShippedMarkupAndStylesheet(t *testing.T) {
	ext := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(ext, "extension"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(ext, "extension", "popup.css"), []byte("body { color: red; }"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(ext, "popup.html"), []byte(readFile(t, "../../popup.html")), 0o644))
	dir := filepath.Join(t.TempDir(), "reference")
	require.NoError(t, writeReference(dir, ext))
	for _, c := range []struct{ file, contains string }{
		{"manifest.json", `"Session Killer reference"`},
		{"popup.html", `<link rel="stylesheet" href="extension/popup.css">`},
		{"popup.html", `<script src="reference.js" defer></script>`},
		{"reference.js", `setAttribute('data-ready', 'true')`},
		{"extension/popup.css", "body { color: red; }"},
	} {
		assert.Contains(t, readFile(t, filepath.Join(dir, c.file)), c.contains, c.file)
	}
	assert.Error(t, writeReference(filepath.Join(t.TempDir(), "x"), t.TempDir()), "an extension without popup.html")
}
