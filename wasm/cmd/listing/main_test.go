//go:build !js

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"# Privacy policy\n\nText.", "Privacy policy\n\nText."},
		{"## In short\n- **The token** goes to `host`.", "In short\n- The token goes to host."},
		{"Click *Forget* at any time.", "Click Forget at any time."},
		{"- a list item\n- another", "- a list item\n- another"},
		{"2 * 3 stays", "2 * 3 stays"},
	} {
		assert.Equal(t, tc.want, PlainText(tc.in), tc.in)
	}
}

// TestWritesEveryLanguage writes the committed listing and checks that each
// language has each file, and that the privacy policy has no Markdown left.
func TestWritesEveryLanguage(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, run(out, "../../../store", "../../../extension/_locales", "../../../PRIVACY.md"))
	locales, err := os.ReadDir("../../../extension/_locales")
	require.NoError(t, err)
	for _, l := range locales {
		for _, name := range []string{"name.txt", "summary.txt", "description.txt", "single-purpose.txt", "permissions.txt", "captions.txt"} {
			b, err := os.ReadFile(filepath.Join(out, l.Name(), name))
			require.NoError(t, err)
			assert.NotEmpty(t, b)
		}
	}
	policy, err := os.ReadFile(filepath.Join(out, "privacy-policy.txt"))
	require.NoError(t, err)
	assert.NotContains(t, string(policy), "**")
	assert.NotContains(t, string(policy), "`")
	assert.NotContains(t, string(policy), "# ")
	assert.Contains(t, string(policy), "account-public-service-prod.ol.epicgames.com")
}

func TestRefusesABadListing(t *testing.T) {
	store := t.TempDir()
	locales := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(locales, "en"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(locales, "en", "messages.json"),
		[]byte(`{"extName": {"message": "Session Killer for Epic Games"}, "extDescription": {"message": "Signs out."}}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(store, "en.json"), []byte(`{"name": "Session Killer for Epic Games"}`), 0o644))
	out := t.TempDir()
	err := run(out, store, locales, "../../../PRIVACY.md")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "en: summary")
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing written")
}
