package listing

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	storeDir   = "../../../store"
	localesDir = "../../../extension/_locales"
)

// TestStoreListings checks every committed listing: one per language of
// the catalogs, every field within the stores' limits and equal to the
// catalog where the stores read it from the manifest.
func TestStoreListings(t *testing.T) {
	locales, err := Locales(os.DirFS(localesDir))
	require.NoError(t, err)
	require.NotEmpty(t, locales)
	files, err := filepath.Glob(filepath.Join(storeDir, "*.json"))
	require.NoError(t, err)
	var listed []string
	for _, f := range files {
		listed = append(listed, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	slices.Sort(listed)
	assert.Equal(t, locales, listed, "store/ has one listing per catalog language, and no other")
	for _, locale := range locales {
		t.Run(locale, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(storeDir, locale+".json"))
			require.NoError(t, err)
			l, err := Parse(data)
			require.NoError(t, err)
			c, err := ReadCatalog(os.DirFS(localesDir), locale)
			require.NoError(t, err)
			for _, err := range Check(l, c) {
				t.Error(err)
			}
		})
	}
}

// TestStoreListingsDiffer checks that the translations are translations: a
// listing identical to the English one in a field a player reads was
// forgotten.
func TestStoreListingsDiffer(t *testing.T) {
	en := readListing(t, "en")
	locales, err := Locales(os.DirFS(localesDir))
	require.NoError(t, err)
	for _, locale := range locales {
		if locale == "en" {
			continue
		}
		l := readListing(t, locale)
		for field, pair := range map[string][2]string{
			"description":      {en.Description, l.Description},
			"singlePurpose":    {en.SinglePurpose, l.SinglePurpose},
			"captions.success": {en.Captions.Success, l.Captions.Success},
			"promo":            {en.Promo, l.Promo},
		} {
			assert.NotEqual(t, pair[0], pair[1], "%s: %s is the English text", locale, field)
		}
	}
}

func readListing(t *testing.T, locale string) Listing {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(storeDir, locale+".json"))
	require.NoError(t, err)
	l, err := Parse(data)
	require.NoError(t, err)
	return l
}

func TestCheck(t *testing.T) {
	good := func() Listing {
		data, err := os.ReadFile(filepath.Join(storeDir, "en.json"))
		require.NoError(t, err)
		l, err := Parse(data)
		require.NoError(t, err)
		return l
	}
	catalog := Catalog{ExtName: good().Name, ExtDescription: good().Summary}
	require.Empty(t, Check(good(), catalog), "the English listing is the good case")
	cases := []struct {
		name   string
		change func(*Listing, *Catalog)
		want   string
	}{
		{"summary too long", func(l *Listing, c *Catalog) {
			l.Summary = strings.Repeat("é", MaxSummary+1)
			c.ExtDescription = l.Summary
		}, "summary is 133 characters, more than 132"},
		{"summary within the limit in characters, not bytes", func(l *Listing, c *Catalog) {
			l.Summary = strings.Repeat("é", MaxSummary)
			c.ExtDescription = l.Summary
		}, ""},
		{"name not the catalog's", func(l *Listing, c *Catalog) { c.ExtName = "Session Killer" }, "differs from the catalog's extName"},
		{"summary not the catalog's", func(l *Listing, c *Catalog) { c.ExtDescription = "x" }, "differs from the catalog's extDescription"},
		{"name starts with Epic", func(l *Listing, c *Catalog) {
			l.Name = "Epic Games Session Killer"
			c.ExtName = l.Name
		}, "starts with Epic's mark"},
		{"name does not say Epic Games", func(l *Listing, c *Catalog) {
			l.Name = "Session Killer"
			c.ExtName = l.Name
		}, "does not say what it works with"},
		{"empty field", func(l *Listing, c *Catalog) { l.Captions.Dark = " " }, "captions.dark is empty"},
		{"padded field", func(l *Listing, c *Catalog) { l.Promo += "\n" }, "promo starts or ends with white space"},
		{"justification missing", func(l *Listing, c *Catalog) { l.Permissions.Cookies = "" }, "permissions.cookies is empty"},
		{"not-affiliated line not at the end", func(l *Listing, c *Catalog) { l.Description += "\nMore." }, "does not end with notAffiliated"},
		{"a kill type only inside a longer one", func(l *Listing, c *Catalog) {
			l.Description = strings.ReplaceAll(l.Description, "(OTHERS)", "(everyone)")
		}, "does not name the kill type OTHERS"},
		{"host not named", func(l *Listing, c *Catalog) {
			l.Permissions.HostPermissions = "Epic's account service."
		}, "does not name Epic's account service host"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, c := good(), catalog
			tc.change(&l, &c)
			var got []string
			for _, err := range Check(l, c) {
				got = append(got, err.Error())
			}
			if tc.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1, "one problem: %q", got)
			assert.Contains(t, got[0], tc.want)
		})
	}
}

func TestParseRefusesUnknownFields(t *testing.T) {
	_, err := Parse([]byte(`{"name": "x", "sumary": "y"}`))
	assert.ErrorContains(t, err, "sumary")
	_, err = Parse([]byte(`{"name": "x"} {}`))
	assert.Error(t, err)
	var l Listing
	require.NoError(t, json.Unmarshal([]byte(`{"promo": "p"}`), &l))
	assert.Equal(t, "p", l.Promo)
}
