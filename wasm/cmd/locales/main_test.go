package main

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// The committed en/messages.json is the Go catalog, and every other locale
// has its keys and placeholders.
func TestCommittedLocalesAreUpToDate(t *testing.T) {
	require.NoError(t, run("../../../extension/_locales", "../../internal/messages/english.go", false, io.Discard))
}

func TestGenerateNumbersPlaceholdersInTheirFirstUse(t *testing.T) {
	got, err := Generate(messages.Catalog{"two": "{b} then {a}, {b}.", "cost": "Costs $5."}, nil)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"two": {"message": "$B$ then $A$, $B$.", "placeholders": {"b": {"content": "$1"}, "a": {"content": "$2"}}},
		"cost": {"message": "Costs $$5."}
	}`, string(got))
	_, err = Generate(messages.Catalog{"a-b": "x"}, nil)
	assert.Error(t, err, "a name no browser catalog takes")
}

func TestCheck(t *testing.T) {
	en := map[string]Entry{
		"plain": {Message: "Done."},
		"wait":  {Message: "Wait $WAIT$.", Placeholders: map[string]Placeholder{"wait": {Content: "$1"}}},
	}
	for _, tc := range []struct {
		name    string
		entries map[string]Entry
		want    []string
	}{
		{"complete", map[string]Entry{"plain": {Message: "Fertig."},
			"wait": {Message: "Warte $wait$.", Placeholders: map[string]Placeholder{"wait": {Content: "$1"}}}}, nil},
		{"a key missing, one extra", map[string]Entry{"plain": {Message: "Fertig."}, "more": {Message: "Mehr."}},
			[]string{"de: wait is missing", "de: more is not in en"}},
		{"empty", map[string]Entry{"plain": {Message: " "},
			"wait": {Message: "Warte $WAIT$.", Placeholders: map[string]Placeholder{"wait": {Content: "$1"}}}},
			[]string{"de: plain is empty"}},
		{"a placeholder moved or unused", map[string]Entry{"plain": {Message: "Fertig."},
			"wait": {Message: "Warte.", Placeholders: map[string]Placeholder{"wait": {Content: "$2"}}}},
			[]string{`de: wait: placeholder wait must be "$1" as in en`, "de: wait does not use $WAIT$"}},
		{"left in English", map[string]Entry{"plain": {Message: "Done."},
			"wait": {Message: "Warte $WAIT$.", Placeholders: map[string]Placeholder{"wait": {Content: "$1"}}}},
			[]string{`de: plain is still English: "Done."`}},
		{"an unknown placeholder", map[string]Entry{"plain": {Message: "Fertig $X$."},
			"wait": {Message: "Warte $WAIT$.", Placeholders: map[string]Placeholder{"wait": {Content: "$1"}}}},
			[]string{"de: plain uses $X$, which en does not define"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.ElementsMatch(t, tc.want, Check("de", en, tc.entries))
		})
	}
}

func TestCheckKeepsTheNameAsIs(t *testing.T) {
	en := map[string]Entry{
		"extName": {Message: "Session Killer for Epic Games"},
		"plain":   {Message: "Done."},
	}
	assert.Empty(t, Check("ja", en, map[string]Entry{
		"extName": {Message: "Session Killer for Epic Games"}, "plain": {Message: "完了。"},
	}), "the product's name may stay in English")
	assert.Equal(t, []string{`ja: plain is still English: "Done."`}, Check("ja", en, map[string]Entry{
		"extName": {Message: "Session Killer for Epic Games"}, "plain": {Message: "Done."},
	}), "other messages may not")
}
