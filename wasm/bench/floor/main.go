//go:build js && wasm

// Command floor is the card's floor for `make bench`: the smallest Go
// program on the design card's stack that does the popup's job, in the
// plainest way. dom/v2 finds the controls, one listener takes the click,
// tinyutil's client sends the DELETE, and the outcome is written. It is
// built and packed as main.wasm is, and runs in the project's own markup and
// boot glue, so what it costs beyond that is the stack's, not the popup's.
package main

import (
	"net/http"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"github.com/syumai/tinyutil/httputil"
)

// killURL is Epic's kill endpoint, with the kill type to come.
const killURL = "https://account-public-service-prod.ol.epicgames.com/account/api/oauth/sessions/kill?killType="

func main() {
	performance := js.Global().Get("performance")
	performance.Call("mark", "esk:main")
	doc := dom.GetWindow().Document()
	token := doc.GetElementByID("token").(*dom.HTMLInputElement)
	killType := doc.GetElementByID("kill-type").(*dom.HTMLSelectElement)
	kill := doc.GetElementByID("kill").(*dom.HTMLButtonElement)
	result := doc.GetElementByID("result")

	kill.AddEventListener("click", false, func(dom.Event) {
		// A listener must not block: the request waits in a goroutine.
		go func() {
			req, err := http.NewRequest(http.MethodDelete, killURL+killType.Value(), nil)
			if err != nil {
				show(result, "error", err.Error())
				return
			}
			req.Header.Set("Authorization", "bearer "+token.Value())
			performance.Call("mark", "esk:request")
			resp, err := httputil.DefaultClient.Do(req)
			performance.Call("mark", "esk:answer")
			switch {
			case err != nil:
				show(result, "error", err.Error())
			case resp.StatusCode != http.StatusNoContent:
				resp.Body.Close()
				show(result, "error", resp.Status)
			default:
				resp.Body.Close()
				show(result, "success", "Signed out.")
			}
		}()
	})
	for _, el := range []dom.Element{token, killType, kill} {
		el.RemoveAttribute("disabled")
	}
	result.SetTextContent("")
	root := doc.DocumentElement()
	root.RemoveAttribute("data-translating")
	root.SetAttribute("data-ready", "true")
	performance.Call("mark", "esk:ready")
	select {}
}

func show(result dom.Element, outcome, text string) {
	result.SetTextContent(text)
	result.SetAttribute("data-outcome", outcome)
}
