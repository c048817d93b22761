//go:build js && wasm

package ui

import (
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"honnef.co/go/js/dom/v2"
)

// These tests run the real extension/popup.js against the real popup.html
// markup, without the Go side that would normally start.

// mountMarkup puts popup.html's body in the test page.
func mountMarkup(t *testing.T) *page {
	t.Helper()
	html, err := os.ReadFile("../../../popup.html")
	require.NoError(t, err)
	body := string(html)
	doc := dom.GetWindow().Document()
	mount(t, doc, body[strings.Index(body, "<body>")+len("<body>"):strings.Index(body, "</body>")])
	return &page{t: t, doc: doc}
}

func runBootGlue(t *testing.T, doc dom.Document) {
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
				stubGlobal(t, js.Global().Get("WebAssembly"), "instantiateStreaming", func(js.Value, []js.Value) any {
					return resolved(map[string]any{"instance": map[string]any{}})
				})
				run := js.FuncOf(func(js.Value, []js.Value) any { return resolved(js.Undefined()) })
				t.Cleanup(run.Release)
				stubGlobal(t, js.Global(), "Go", func(js.Value, []js.Value) any {
					return map[string]any{"importObject": map[string]any{}, "run": run}
				})
			},
			want: "The popup could not start (the Go side stopped). Close and reopen it; if this keeps happening, reinstall the extension.",
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
