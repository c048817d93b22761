//go:build js && wasm

package ui

import (
	"os"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// These tests run the real extension/popup.js against the real popup.html
// markup, without the Go side that would normally start.

// mountMarkup puts popup.html's body in the test page.
func mountMarkup(t *testing.T) *page {
	t.Helper()
	doc := dom.GetWindow().Document()
	mount(t, doc, popupBody(t))
	return &page{t: t, doc: doc}
}

// popupBody is the markup inside popup.html's body.
func popupBody(t *testing.T) string {
	t.Helper()
	html, err := os.ReadFile("../../../popup.html")
	require.NoError(t, err)
	body := string(html)
	return body[strings.Index(body, "<body>")+len("<body>") : strings.Index(body, "</body>")]
}

// readCatalog reads a locale's messages.json.
func readCatalog(t *testing.T, locale string) []byte {
	t.Helper()
	catalog, err := os.ReadFile("../../../extension/_locales/" + locale + "/messages.json")
	require.NoError(t, err)
	return catalog
}

// stubCatalog gives the test page an extension's i18n, chrome.i18n, that
// answers from catalog (a messages.json) as a browser does.
func stubCatalog(t *testing.T, catalog []byte) {
	t.Helper()
	g := js.Global()
	original := g.Get("chrome")
	g.Set("chrome", script(`{i18n: {getMessage: (key, subs) => {
		const m = (`+string(catalog)+`)[key];
		if (!m) return "";
		const values = [].concat(subs ?? []);
		return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name) => {
			const p = m.placeholders?.[name.toLowerCase()];
			return p ? p.content.replace(/\$(\d)/, (_, n) => values[n - 1] ?? "") : "";
		});
	}}}`))
	t.Cleanup(func() { g.Set("chrome", original) })
}

func runBootGlue(t *testing.T, doc dom.Document) {
	stubCatalog(t, readCatalog(t, "en"))
	src, err := os.ReadFile("../../../extension/popup.js")
	require.NoError(t, err)
	script := doc.CreateElement("script")
	script.SetTextContent(string(src))
	doc.QuerySelector("body").AppendChild(script)
	t.Cleanup(script.Remove)
}

// stubGlobal replaces a global until the test ends.
func stubGlobal(t *testing.T, owner js.Value, name string, fn func(this js.Value, args []js.Value) any) {
	original := owner.Get(name)
	f := js.FuncOf(fn)
	owner.Set(name, f)
	t.Cleanup(func() {
		owner.Set(name, original)
		f.Release()
	})
}

func TestControlsStayOffUntilGoIsReady(t *testing.T) {
	p := mountMarkup(t)
	for _, id := range []string{"token", "kill-type", "kill"} {
		assert.True(t, p.disabled(id), "#%s is off before Go runs", id)
	}
	assert.Equal(t, "Starting…", p.text("result"))
}

func TestBootGlueShowsWhyThePopupCannotStart(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T)
		want  string
	}{
		{
			name:  "main.wasm does not load",
			setup: func(t *testing.T) {}, // the test page has no extension/main.wasm
			want:  "The popup could not start (",
		},
		{
			name: "Go exits",
			setup: func(t *testing.T) {
				resolved := func(v any) js.Value { return js.Global().Get("Promise").Call("resolve", v) }
				stubGlobal(t, js.Global().Get("WebAssembly"), "compileStreaming", func(js.Value, []js.Value) any {
					return resolved(map[string]any{})
				})
				stubGlobal(t, js.Global().Get("WebAssembly"), "instantiate", func(js.Value, []js.Value) any {
					return resolved(map[string]any{})
				})
				run := js.FuncOf(func(js.Value, []js.Value) any { return resolved(js.Undefined()) })
				t.Cleanup(run.Release)
				stubGlobal(t, js.Global(), "Go", func(js.Value, []js.Value) any {
					return map[string]any{"importObject": map[string]any{}, "run": run}
				})
			},
			want: messages.English[messages.FatalStopped],
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mountMarkup(t)
			tt.setup(t)

			runBootGlue(t, p.doc)

			assert.True(t, strings.HasPrefix(p.waitForOutcome("error"), tt.want), p.text("result"))
		})
	}
}

// emptyModule is the smallest valid WebAssembly module: it compiles, but
// Go cannot run it, which ends the boot with the visible error.
const emptyModule = `new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])`

// The popup keeps main.wasm in Cache Storage: a kept copy is used instead
// of the extension's file, and a broken one is replaced from the file.
func TestBootGlueKeepsMainWasmInCacheStorage(t *testing.T) {
	const key = "https://main-wasm.invalid/dev" // popup.js's key before make build stamps it
	await := func(src string) js.Value {
		v, err := jsbridge.Await(script(src))
		require.NoError(t, err, src)
		return v
	}
	await(`caches.delete("main-wasm")`)
	t.Cleanup(func() { await(`caches.delete("main-wasm")`) })
	// The test runner reads files with fetch too: read them before fetch
	// answers with the module.
	html, err := os.ReadFile("../../../popup.html")
	require.NoError(t, err)
	glue, err := os.ReadFile("../../../extension/popup.js")
	require.NoError(t, err)
	english := readCatalog(t, "en")
	fetches := 0
	stubGlobal(t, js.Global(), "fetch", func(js.Value, []js.Value) any {
		fetches++
		return script(`Promise.resolve(new Response(` + emptyModule + `, {headers: {"Content-Type": "application/wasm"}}))`)
	})
	// run boots popup.js on a fresh copy of the markup, which its subtest
	// removes again, and returns what the popup showed.
	run := func(name string) (shown string) {
		t.Run(name, func(t *testing.T) {
			stubCatalog(t, english)
			doc := dom.GetWindow().Document()
			body := string(html)
			mount(t, doc, body[strings.Index(body, "<body>")+len("<body>"):strings.Index(body, "</body>")])
			el := doc.CreateElement("script")
			el.SetTextContent(string(glue))
			doc.QuerySelector("body").AppendChild(el)
			t.Cleanup(el.Remove)
			shown = (&page{t: t, doc: doc}).waitForOutcome("error")
		})
		return shown
	}

	await(`caches.open("main-wasm").then((c) => c.put("` + key + `", new Response("not wasm", {headers: {"Content-Type": "application/wasm"}})))`)
	assert.Contains(t, run("a broken kept copy"), "The popup could not start")
	assert.Equal(t, 1, fetches, "a broken kept copy is replaced from the file")
	require.Eventually(t, func() bool {
		return await(`caches.open("main-wasm").then((c) => c.match("`+key+`")).then((r) => r ? r.arrayBuffer() : null).then((b) => b ? b.byteLength : 0)`).Int() == 8
	}, 2*time.Second, 10*time.Millisecond, "the file's bytes are kept")

	assert.Contains(t, run("a good kept copy"), "The popup could not start")
	assert.Equal(t, 1, fetches, "the kept copy is used; the file is not fetched again")
}

// script evaluates JavaScript source in the test page and returns its value.
func script(src string) js.Value {
	return js.Global().Get("Function").New("return (" + src + ");").Invoke()
}
