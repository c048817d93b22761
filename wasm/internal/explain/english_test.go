package explain

import "github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"

// title, advice and details are x as the popup shows it in English.
func title(x Explanation) string   { return messages.English.Text(x.Title) }
func advice(x Explanation) string  { return messages.Join(messages.English, x.Advice) }
func details(x Explanation) string { return x.Details.Text(messages.English) }
