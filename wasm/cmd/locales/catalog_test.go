package main

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

func TestDocs(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      map[messages.Key]Doc
	}{
		{"a section only", `package m
// The buttons.
const (
	A Key = "a"
)`, map[messages.Key]Doc{"a": {Section: "The buttons."}}},
		{"a comment of its own, on one line", `package m
// The buttons.
const (
	// The red button,
	// short.
	A Key = "a"
	B Key = "b"
)`, map[messages.Key]Doc{"a": {Section: "The buttons.", Own: "The red button, short."}, "b": {Section: "The buttons."}}},
		{"no section", `package m
const (
	// A line of the history.
	A Key = "a"
)
// A variable is no key.
var v = "v"`, map[messages.Key]Doc{"a": {Own: "A line of the history."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Docs([]byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestDescribe(t *testing.T) {
	docs := map[messages.Key]Doc{
		"own":     {Section: "The buttons.", Own: "The red button."},
		"section": {Section: "The buttons."},
		"label_X": {Section: "The buttons.", Own: "Not read."},
	}
	for _, tc := range []struct {
		key  messages.Key
		want string
	}{
		{"own", "The red button."},
		{"section", "The buttons."},
		{"label_X", madeKeys[0].description + "X."},
		{"unknown", ""},
	} {
		t.Run(string(tc.key), func(t *testing.T) {
			assert.Equal(t, tc.want, describe(tc.key, docs))
		})
	}
}

func TestGenerateWritesPlaceholdersInDescriptionsAsInMessages(t *testing.T) {
	got, err := Generate(messages.Catalog{"wait": "Wait {wait}."},
		map[messages.Key]Doc{"wait": {Section: "Waits.", Own: "{wait} is a duration; {other} is not this message's."}})
	require.NoError(t, err)
	var entries map[string]Entry
	require.NoError(t, json.Unmarshal(got, &entries))
	assert.Equal(t, "$WAIT$ is a duration; {other} is not this message's.", entries["wait"].Description)
}

var mentioned = regexp.MustCompile(`\{([A-Za-z]+)\}`)

// Every declared key has a comment of its own, which tells a translator
// where the message appears and what each of its placeholders holds, and
// names no placeholder the message lacks.
func TestEveryMessageHasItsOwnDescription(t *testing.T) {
	src, err := os.ReadFile("../../internal/messages/english.go")
	require.NoError(t, err)
	docs, err := Docs(src)
	require.NoError(t, err)
	keys := make([]string, 0, len(messages.English))
	for key := range messages.English {
		keys = append(keys, string(key))
	}
	sort.Strings(keys)
	for _, k := range keys {
		key := messages.Key(k)
		if _, made := madeDescription(key); made {
			continue
		}
		t.Run(k, func(t *testing.T) {
			own := docs[key].Own
			require.NotEmpty(t, own, "a comment of its own above the key in english.go")
			assert.Equal(t, own, describe(key, docs))
			assert.LessOrEqual(t, len(own), 300, "short enough to read at a glance")
			placeholders := messages.Placeholders(messages.English[key])
			for _, name := range placeholders {
				assert.Contains(t, own, "{"+name+"}", "says what {%s} holds", name)
			}
			for _, m := range mentioned.FindAllStringSubmatch(own, -1) {
				assert.True(t, slices.Contains(placeholders, m[1]), "names {%s}, which the message lacks", m[1])
			}
		})
	}
}
