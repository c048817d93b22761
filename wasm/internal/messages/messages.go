// Package messages is every sentence the popup shows, in one catalog: each a
// named message whose values (a kill type, a wait, a status) are named
// placeholders, so that a translation can order its words freely. No
// sentence is built from pieces of another; a text that says several things
// is a list of whole sentences.
//
// English is the catalog the popup is written in. Another language is
// another Catalog with the same keys; the popup renders a Message through
// whichever it is given.
package messages

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Key names one message of the catalog.
type Key string

// Args are a message's values, by placeholder name: a string shown as it is
// (a kill type's name, Epic's words), an int, a Message rendered in the same
// catalog (a wait, a kill type's description), or a List.
type Args map[string]any

// List is a list joined by the catalog's text for Joiner (ListOr,
// ListComma): of names (kill types, permissions), or of messages.
type List struct {
	Items  []string
	Joiner Key
}

// MessageList is a List of messages, each rendered in the same catalog.
type MessageList struct {
	Items  []Message
	Joiner Key
}

// Message is one sentence (or label) to show: its key and its values.
type Message struct {
	Key  Key
	Args Args
}

// Of is the message key with args, given as name, value pairs.
func Of(key Key, args ...any) Message {
	m := Message{Key: key}
	if len(args) > 0 {
		m.Args = make(Args, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			if name, ok := args[i].(string); ok {
				m.Args[name] = args[i+1]
			}
		}
	}
	return m
}

// Texts renders messages in one language. A Catalog is one; the browser's
// own message catalog can be another.
type Texts interface {
	Text(Message) string
}

// Join renders msgs in t and joins them into one paragraph.
func Join(t Texts, msgs []Message) string {
	texts := make([]string, 0, len(msgs))
	for _, m := range msgs {
		texts = append(texts, t.Text(m))
	}
	return JoinTexts(t, texts)
}

// JoinTexts joins sentences already rendered in t into one paragraph, as
// t's language follows one sentence with another (JoinSentences): Japanese
// puts no space after its 。. Empty texts are left out.
func JoinTexts(t Texts, texts []string) string {
	paragraph := ""
	for _, text := range texts {
		switch {
		case text == "":
		case paragraph == "":
			paragraph = text
		default:
			paragraph = t.Text(Of(JoinSentences, "first", paragraph, "second", text))
		}
	}
	return paragraph
}

// Moment is a point in time in a message, written as the language of the
// catalog writes it.
type Moment struct {
	Time  time.Time
	Style MomentStyle
	// Now is what a Relative moment counts from.
	Now time.Time
}

// MomentStyle is how much of a Moment is shown, and in which zone.
type MomentStyle int

const (
	// TimeOfDay is the local time to the second: 16:02:11, 4:02:11 PM.
	TimeOfDay MomentStyle = iota
	// DateTimeUTC is the date and the minute in UTC: 1 Dec 2026 at 16:02 UTC.
	DateTimeUTC
	// Relative is the time from the Moment's Now to its Time in the largest
	// whole unit: 3 months ago, yesterday, in 5 minutes, now.
	Relative
)

// TimeOf is t as a time of day.
func TimeOf(t time.Time) Moment { return Moment{Time: t, Style: TimeOfDay} }

// DateTimeOf is t as a date and time in UTC.
func DateTimeOf(t time.Time) Moment { return Moment{Time: t, Style: DateTimeUTC} }

// RelativeOf is t as a time relative to now.
func RelativeOf(t, now time.Time) Moment { return Moment{Time: t, Style: Relative, Now: now} }

// relativeUnits are the units of a Relative moment, largest first, as
// Intl.RelativeTimeFormat names them. A month is 30 days and a year 365,
// near enough for "when was this login last used".
var relativeUnits = []struct {
	name string
	size time.Duration
}{
	{"year", 365 * 24 * time.Hour},
	{"month", 30 * 24 * time.Hour},
	{"week", 7 * 24 * time.Hour},
	{"day", 24 * time.Hour},
	{"hour", time.Hour},
	{"minute", time.Minute},
}

// RelativeUnit is a Relative moment as a whole number of its largest unit,
// negative in the past: (-3, "month"). Under a minute either way it is
// (0, "second"), which reads "now".
func (m Moment) RelativeUnit() (int64, string) {
	d := m.Time.Sub(m.Now)
	for _, u := range relativeUnits {
		if n := int64(d / u.size); n != 0 {
			return n, u.name
		}
	}
	return 0, "second"
}

// MomentWriter is a Texts that writes moments its language's way (the
// browser's Intl, for the browser's catalog). The Go catalog, which is
// not one, writes them as English does below.
type MomentWriter interface {
	Moment(Moment) string
}

// English is m as the Go catalog writes it.
func (m Moment) English() string {
	if m.Style == Relative {
		return englishRelative(m.RelativeUnit())
	}
	if m.Style == DateTimeUTC {
		return m.Time.UTC().Format(englishDateTimeUTC)
	}
	return m.Time.Local().Format(englishTimeOfDay)
}

// Catalog maps each key to its text, whose placeholders are written
// {name}.
type Catalog map[Key]string

// Text renders m: its text with each placeholder replaced by its value. A
// key the catalog lacks renders as the key itself, which a test keeps from
// happening.
func (c Catalog) Text(m Message) string {
	text, ok := c[m.Key]
	if !ok {
		return string(m.Key)
	}
	return Fill(c, text, m.Args)
}

// Fill replaces each {name} of text by the value args holds under that
// name, rendering a Message or a list through t: so that another language's
// texts fill their own words in their own order. A value is not read again
// for placeholders.
func Fill(t Texts, text string, args Args) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			break
		}
		b.WriteString(text[:open])
		b.WriteString(arg(t, args[text[open+1:open+end]]))
		text = text[open+end+1:]
	}
	b.WriteString(text)
	return b.String()
}

func arg(t Texts, v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case Moment:
		if w, ok := t.(MomentWriter); ok {
			return w.Moment(v)
		}
		return v.English()
	case Message:
		return t.Text(v)
	case List:
		return strings.Join(v.Items, t.Text(Message{Key: v.Joiner}))
	case MessageList:
		texts := make([]string, len(v.Items))
		for i, m := range v.Items {
			texts[i] = t.Text(m)
		}
		return strings.Join(texts, t.Text(Message{Key: v.Joiner}))
	}
	return ""
}

// Placeholders names the placeholders of text in the order of their first
// use: the order in which the popup passes their values to the browser's
// catalog, whose messages number them so (cmd/locales).
func Placeholders(text string) []string {
	var names []string
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			return names
		}
		if name := text[open+1 : open+end]; !slices.Contains(names, name) {
			names = append(names, name)
		}
		text = text[open+end+1:]
	}
}
