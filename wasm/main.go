//go:build js && wasm

// Command wasm is the popup's Go side: it wires the Epic client, fetch, the
// browser's extension APIs and the popup's markup together, then stays alive
// to serve the popup's events.
package main

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/browser"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/popup"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/ui"
)

func main() {
	// The mark lets `make bench` split Go's start-up from main's own work.
	js.Global().Get("performance").Call("mark", "esk:main")

	language := browser.UILanguage()
	env := popup.Env{
		Epic:       &epic.Client{Doer: jsbridge.NewFetchDoer()},
		Browser:    browser.Extension{},
		Store:      browser.SessionStorage{},
		AfterPaint: browser.AfterNextPaint,
		Text:       language.Texts,
	}
	var lang ui.Lang
	if !language.English {
		lang = ui.Lang{Tag: language.Tag, Dir: language.Dir}
	}
	if _, err := ui.StartIn(dom.GetWindow().Document(), env, lang); err != nil {
		// Exiting makes popup.js show that the popup failed to start.
		panic(err)
	}
	// Once the popup is painted, what the player's click needs is made
	// ready: the catalog's words, and the click's code (ui.Rehearse).
	go func() {
		browser.AfterNextPaint()
		if catalog, ok := env.Text.(*browser.Catalog); ok {
			catalog.Warm()
		}
		ui.Rehearse(dom.GetWindow().Document(), env)
	}()

	// The listeners live as long as the page; returning would end Go and
	// leave the popup dead.
	select {}
}
