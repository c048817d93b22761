//go:build !js

// It reads the source tree and builds packages on disk; it has nothing to
// prove inside a browser.

package policy_test

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/policy"
)

func TestListeners(t *testing.T) {
	cases := []struct {
		name, src string
		want      string // "" means no problem may be reported
	}{
		{"storage and a form's validation message", `chrome.storage.session.get(null); el.validationMessage; v.ValidationMessage`, ""},

		{"messages from other extensions", `chrome.runtime.onMessageExternal.addListener(m => m)`, "names runtime.onMessage"},
		{"a port", `browser.runtime.onConnect.addListener(p => p)`, "names runtime.onConnect"},
		{"a user script's messages", `chrome.runtime.onUserScriptMessage.addListener(m => m)`, "names runtime.onUserScriptMessage"},
		{"a user script's port", `chrome.runtime.onUserScriptConnect.addListener(p => p)`, "names runtime.onUserScriptConnect"},
		{"Go's packed strings in main.wasm", "\x00\x61\x73\x6dgo.string onMessage\x00", "names runtime.onMessage"},
		{"besides a validation message", `el.validationMessage; chrome.runtime.onMessage`, "names runtime.onMessage"},
		{"in a comment", "// chrome.runtime.onConnect is not used\nf();", "names runtime.onConnect"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertProblems(t, policy.Listeners([]byte(tc.src)), tc.want)
		})
	}
}

// goodPackage is an extension that passes, which the package cases change
// one thing of.
func goodPackage() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fn := func(name string) wasmImport { return wasmImport{"gojs", name, []byte{0, 0}} }
	return fstest.MapFS{
		"manifest.json": file(goodManifest),
		"popup.html": file(`<!doctype html><html><head><link rel="stylesheet" href="extension/popup.css">
<script src="extension/wasm_exec.js" defer></script><script src="extension/popup.js" defer></script></head>
<body><output id="result" role="status"></output></body></html>`),
		"extension/popup.js":          file(`fetch('extension/main.wasm').then(r => WebAssembly.instantiateStreaming(r, go.importObject));`),
		"extension/popup.css":         file(`body { background: url("icons/icon-16.png"); }`),
		"extension/wasm_exec.js":      file(glue),
		"extension/main.wasm":         {Data: wasmModule(fn("runtime.wasmExit"), fn("syscall/js.valueGet"))},
		"extension/icons/icon-16.png": file("\x89PNG\r\n\x1a\n"),
	}
}

func TestPackage(t *testing.T) {
	set := func(name, content string) func(fstest.MapFS) {
		return func(p fstest.MapFS) { p[name] = &fstest.MapFile{Data: []byte(content)} }
	}
	cases := []struct {
		name string
		edit func(fstest.MapFS)
		want string // "" means no problem may be reported
	}{
		{"the good package", func(fstest.MapFS) {}, ""},

		{"no manifest", func(p fstest.MapFS) { delete(p, "manifest.json") }, "manifest.json is missing"},
		{"a permission beyond the allow-list", set("manifest.json", `{"manifest_version": 3, "permissions": ["tabs"],
			"host_permissions": ["https://account-public-service-prod.ol.epicgames.com/*"]}`), `manifest.json: permissions has "tabs"`},
		{"another JSON file", set("extension/data.json", `{}`), "extension/data.json: the only JSON that ships is manifest.json"},
		{"a message catalog", set("_locales/pt_BR/messages.json",
			`{"wait": {"message": "Aguarde $WAIT$.", "description": "d", "placeholders": {"wait": {"content": "$1"}}}}`), ""},
		{"a catalog in no locale's place", set("_locales/messages.json", `{}`), "_locales/messages.json: the only JSON that ships"},
		{"a catalog with more than messages", set("_locales/de/messages.json", `{"a": {"message": "x", "script": "y"}}`),
			"_locales/de/messages.json: not a message catalog"},
		{"a catalog naming a remote address", set("_locales/de/messages.json", `{"a": {"message": "Siehe https://example.com"}}`),
			"_locales/de/messages.json: a names a remote address"},
		{"a source map", set("extension/popup.js.map", `{}`), `extension/popup.js.map: a ".map" file is not expected to ship`},
		{"a stray archive", set("extension.zip", "PK"), `extension.zip: a ".zip" file is not expected to ship`},
		{"an inline script", set("popup.html", `<script>go()</script>`), "popup.html: line 1: <script> is an inline script"},
		{"eval in a script further down", set("extension/lib/x.js", `eval(s);`), "extension/lib/x.js: line 1: eval("},
		{"a script that listens to other extensions", set("extension/popup.js", `chrome.runtime.onMessageExternal.addListener(f);`), "extension/popup.js: names runtime.onMessage"},
		{"a remote stylesheet", set("extension/popup.css", `@import "https://fonts.example/a.css";`), "extension/popup.css: line 1: @import"},
		{"main.wasm importing from env", func(p fstest.MapFS) {
			p["extension/main.wasm"] = &fstest.MapFile{Data: wasmModule(wasmImport{"env", "fetch", []byte{0, 0}})}
		}, `extension/main.wasm: imports function "env"."fetch"`},
		{"main.wasm naming a listener", func(p fstest.MapFS) {
			p["extension/main.wasm"].Data = append(bytes.Clone(p["extension/main.wasm"].Data), wasmSection(0, []byte("\x04noteonConnect"))...)
		}, "extension/main.wasm: names runtime.onConnect"},
		{"main.wasm without its glue", func(p fstest.MapFS) { delete(p, "extension/wasm_exec.js") }, "extension/main.wasm: no wasm_exec.js beside it"},
		{"no page", func(p fstest.MapFS) { delete(p, "popup.html") }, "no .html file ships"},
		{"no script", func(p fstest.MapFS) {
			delete(p, "extension/popup.js")
			delete(p, "extension/wasm_exec.js")
		}, "no .js file ships"},
		{"no stylesheet", func(p fstest.MapFS) { delete(p, "extension/popup.css") }, "no .css file ships"},
		{"no main.wasm", func(p fstest.MapFS) { delete(p, "extension/main.wasm") }, "no .wasm file ships"},
	}
	for _, tc := range cases {
		p := goodPackage()
		tc.edit(p)
		t.Run(tc.name+"/unpacked", func(t *testing.T) {
			assertProblems(t, policy.Package(p), tc.want)
		})
		// The stores get zips, which must read the same.
		t.Run(tc.name+"/zip", func(t *testing.T) {
			assertProblems(t, policy.Package(zipOf(t, p)), tc.want)
		})
	}
}

// zipOf is fsys as a store zip.
func zipOf(t *testing.T, fsys fs.FS) fs.FS {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	require.NoError(t, w.AddFS(fsys))
	require.NoError(t, w.Close())
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	return z
}

// TestSourceTreePasses checks the files of the source tree that ship as
// they are (manifest.json, popup.html and everything in extension/), so a
// violation planted in one fails here, natively, before any build. What
// the build adds (main.wasm, wasm_exec.js) and the zips are checked in
// wasm/e2e.
func TestSourceTreePasses(t *testing.T) {
	root := os.DirFS("../../..")
	names := []string{"manifest.json", "popup.html"}
	require.NoError(t, fs.WalkDir(root, "extension", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	}))
	require.Contains(t, names, "extension/popup.js")
	require.Contains(t, names, "extension/popup.css")

	for _, name := range names {
		assert.Empty(t, policy.File(root, name), name)
	}
}
