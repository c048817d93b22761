//go:build js && wasm

package browser

import (
	"sync"
	"syscall/js"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// Language is the popup's language: the browser's own catalog of the
// extension (_locales) in the language the browser shows, or, when that is
// English or no catalog answers, the Go catalog, which is the same English
// without a call into the browser.
type Language struct {
	// Texts renders the popup's messages.
	Texts messages.Texts
	// Tag and Dir are <html>'s lang and dir: "de", "ar" and "rtl", ….
	Tag, Dir string
	// English is true when Texts is the Go catalog: popup.html's own words
	// stand as they are.
	English bool
}

// UILanguage asks the browser which language it shows, and returns the
// catalog in it.
func UILanguage() Language {
	english := Language{Texts: messages.English, Tag: "en", Dir: "ltr", English: true}
	i18n, err := api("i18n")
	if err != nil {
		return english
	}
	// The catalog names its own language, so a browser language without
	// a catalog (which falls back to English) says "en".
	tag := i18n.Call("getMessage", string(messages.LangTag)).String()
	if tag == "" || tag == "en" {
		return english
	}
	dir := i18n.Call("getMessage", "@@bidi_dir").String()
	if dir != "rtl" {
		dir = "ltr"
	}
	return Language{Texts: &Catalog{i18n: i18n, tag: tag, templates: map[messages.Key]string{}}, Tag: tag, Dir: dir}
}

// Catalog renders messages from the browser's catalog of the extension.
// Each message's text is asked for once, with its placeholders written
// back as {name}, and then filled in Go as the Go catalog fills its own:
// a popup renders the same message many times, and each call into the
// browser costs.
type Catalog struct {
	i18n js.Value
	tag  string
	// mu guards templates and moments: the popup's goroutines render, and
	// Warm fills them after the first paint.
	mu        sync.Mutex
	templates map[messages.Key]string
	// moments are the Intl.DateTimeFormat of each MomentStyle, made when
	// first used.
	moments map[messages.MomentStyle]js.Value
}

// Text renders m in the browser's language.
func (c *Catalog) Text(m messages.Message) string {
	return messages.Fill(c, c.template(m.Key), m.Args)
}

// template is key's text with {name} where each value goes. Its browser
// message numbers the values in the order of their first use in English
// (cmd/locales), so they are passed in that order.
func (c *Catalog) template(key messages.Key) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.templates[key]; ok {
		return t
	}
	names := messages.Placeholders(messages.English[key])
	marks := make([]any, len(names))
	for i, name := range names {
		marks[i] = "{" + name + "}"
	}
	t := c.i18n.Call("getMessage", string(key), marks).String()
	if t == "" {
		// No such message: the test of the catalogs keeps this from
		// happening; English is better than nothing.
		t = messages.English[key]
	}
	c.templates[key] = t
	return t
}

// momentOptions are Intl.DateTimeFormat's options for each MomentStyle.
var momentOptions = map[messages.MomentStyle]map[string]any{
	messages.TimeOfDay: {"timeStyle": "medium"},
	messages.DateTimeUTC: {"year": "numeric", "month": "short", "day": "numeric", "hour": "2-digit", "minute": "2-digit",
		"timeZone": "UTC", "timeZoneName": "short"},
	// "yesterday", "last month" where the language has such words.
	messages.Relative: {"numeric": "auto"},
}

// Moment writes m as the browser writes a time in the catalog's language.
func (c *Catalog) Moment(m messages.Moment) string {
	format, ok := c.formatter(m.Style)
	if !ok {
		return m.English()
	}
	if m.Style == messages.Relative {
		n, unit := m.RelativeUnit()
		return format.Call("format", n, unit).String()
	}
	return format.Call("format", js.Global().Get("Date").New(float64(m.Time.UnixMilli()))).String()
}

// formatter is style's Intl.DateTimeFormat, made once; none where the
// browser has no Intl.
func (c *Catalog) formatter(style messages.MomentStyle) (js.Value, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if format, ok := c.moments[style]; ok {
		return format, true
	}
	intl := js.Global().Get("Intl")
	if intl.IsUndefined() {
		return js.Undefined(), false
	}
	kind := "DateTimeFormat"
	if style == messages.Relative {
		kind = "RelativeTimeFormat"
	}
	if intl.Get(kind).IsUndefined() {
		return js.Undefined(), false
	}
	format := intl.Get(kind).New(c.tag, momentOptions[style])
	if c.moments == nil {
		c.moments = map[messages.MomentStyle]js.Value{}
	}
	c.moments[style] = format
	return format, true
}

// Warm asks the browser for every message and makes the time of day's
// format, so that the first click's outcome finds them ready: each first
// ask costs the click about a millisecond in all. It is meant for after the
// first paint, when nobody waits.
func (c *Catalog) Warm() {
	for key := range messages.English {
		c.template(key)
	}
	c.formatter(messages.TimeOfDay)
}
