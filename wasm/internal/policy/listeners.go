package policy

import "bytes"

// listenerAPIs are the ways another extension's message would reach this
// one. Without externally_connectable, Chrome lets any extension message
// any other, so what keeps them out is that nothing listens. Go names these
// properties as strings, so they would show in main.wasm too.
var listenerAPIs = []string{"onMessage", "onConnect", "onUserScriptMessage", "onUserScriptConnect"}

// listenerLookalikes are longer words that hold a listener API's name: the
// DOM's validationMessage, whose wrapper main.wasm carries.
var listenerLookalikes = map[string][]string{"onMessage": {"ValidationMessage", "validationMessage"}}

// Listeners checks a shipped script or main.wasm: it may name none of the
// listenerAPIs, comments included. Go packs its strings without
// separators, so words are counted, not matched whole.
func Listeners(b []byte) []string {
	var problems []string
	for _, api := range listenerAPIs {
		n := bytes.Count(b, []byte(api))
		for _, word := range listenerLookalikes[api] {
			n -= bytes.Count(b, []byte(word))
		}
		if n > 0 {
			problems = append(problems, "names runtime."+api+", which lets other extensions in")
		}
	}
	return problems
}
