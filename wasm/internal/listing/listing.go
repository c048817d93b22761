// Package listing reads the stores' listing of the extension, one file per
// language of the message catalogs (store/<locale>.json), and checks each
// against the stores' limits and against the catalog it is localised from.
package listing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// Listing is what a store's submission form asks for, in one language.
type Listing struct {
	// Name is the catalog's extName: the stores show the manifest's name.
	Name string `json:"name"`
	// Summary is the catalog's extDescription, which Chrome's store shows
	// as the summary and AMO as the add-on's summary.
	Summary string `json:"summary"`
	// Description is the store page's text: what each kill type signs out,
	// what the permissions are for, what happens to the token. It ends with
	// NotAffiliated.
	Description   string `json:"description"`
	NotAffiliated string `json:"notAffiliated"`
	// SinglePurpose is the Chrome Web Store's single purpose statement.
	SinglePurpose string `json:"singlePurpose"`
	// Permissions justify each permission of the manifest, as the Chrome Web
	// Store's privacy form asks.
	Permissions Permissions `json:"permissions"`
	// Captions go under the store screenshots, one per state shown.
	Captions Captions `json:"captions"`
	// Promo is the line on the 440×280 small promo tile.
	Promo string `json:"promo"`
}

// Permissions has one justification per permission the manifest asks for,
// and the answer to the Chrome Web Store's question about remote code.
type Permissions struct {
	Storage                 string `json:"storage"`
	HostPermissions         string `json:"hostPermissions"`
	Cookies                 string `json:"cookies"`
	OptionalHostPermissions string `json:"optionalHostPermissions"`
	RemoteCode              string `json:"remoteCode"`
}

// Captions are the store screenshots' captions, by the state each shows.
type Captions struct {
	Held              string `json:"held"`
	Success           string `json:"success"`
	MissingPermission string `json:"missingPermission"`
	Throttled         string `json:"throttled"`
	Dark              string `json:"dark"`
}

// The stores' limits, in characters; where Chrome's store and AMO differ,
// the smaller.
const (
	MaxName          = 50 // AMO; Chrome allows 75
	MaxSummary       = 132
	MaxDescription   = 16000
	MaxSinglePurpose = 1000
	MaxJustification = 1000
	// Captions and the promo line are drawn on the images: short enough for
	// two lines at the images' type size.
	MaxCaption = 60
	MaxPromo   = 50
)

// KillTypes are Epic's names of the kill types, which every description
// names so that a player can match the store page with the popup's Details.
var KillTypes = []string{
	"OTHERS_ACCOUNT_CLIENT_SERVICE", "OTHERS_ACCOUNT_CLIENT", "OTHERS_SAME_SOURCE_ID", "OTHERS", "ALL", "ALL_ACCOUNT_CLIENT",
}

// Parse reads one listing; a field it does not know is an error, so that a
// misspelt field cannot go unchecked.
func Parse(data []byte) (Listing, error) {
	var l Listing
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return Listing{}, err
	}
	if dec.More() {
		return Listing{}, errors.New("more than one JSON value")
	}
	return l, nil
}

// Catalog is what a listing is checked against from its language's
// messages.json.
type Catalog struct {
	ExtName, ExtDescription string
}

// Check returns every way l breaks a store's limit or differs from its
// catalog c; none when it is ready to submit.
func Check(l Listing, c Catalog) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	fields := []struct {
		name, value string
		max         int
	}{
		{"name", l.Name, MaxName},
		{"summary", l.Summary, MaxSummary},
		{"description", l.Description, MaxDescription},
		{"notAffiliated", l.NotAffiliated, MaxSummary * 2},
		{"singlePurpose", l.SinglePurpose, MaxSinglePurpose},
		{"permissions.storage", l.Permissions.Storage, MaxJustification},
		{"permissions.hostPermissions", l.Permissions.HostPermissions, MaxJustification},
		{"permissions.cookies", l.Permissions.Cookies, MaxJustification},
		{"permissions.optionalHostPermissions", l.Permissions.OptionalHostPermissions, MaxJustification},
		{"permissions.remoteCode", l.Permissions.RemoteCode, MaxJustification},
		{"captions.held", l.Captions.Held, MaxCaption},
		{"captions.success", l.Captions.Success, MaxCaption},
		{"captions.missingPermission", l.Captions.MissingPermission, MaxCaption},
		{"captions.throttled", l.Captions.Throttled, MaxCaption},
		{"captions.dark", l.Captions.Dark, MaxCaption},
		{"promo", l.Promo, MaxPromo},
	}
	for _, f := range fields {
		switch n := utf8.RuneCountInString(f.value); {
		case strings.TrimSpace(f.value) == "":
			bad("%s is empty", f.name)
		case n > f.max:
			bad("%s is %d characters, more than %d", f.name, n, f.max)
		case f.value != strings.TrimSpace(f.value):
			bad("%s starts or ends with white space", f.name)
		}
	}
	if l.Name != c.ExtName {
		bad("name %q differs from the catalog's extName %q", l.Name, c.ExtName)
	}
	if l.Summary != c.ExtDescription {
		bad("summary %q differs from the catalog's extDescription %q", l.Summary, c.ExtDescription)
	}
	// A name that starts with another company's mark is taken down on
	// complaint; it may name Epic Games only as what it works with.
	if strings.HasPrefix(strings.ToLower(l.Name), "epic") {
		bad("name %q starts with Epic's mark", l.Name)
	}
	if !strings.Contains(l.Name, "Epic Games") {
		bad("name %q does not say what it works with (Epic Games)", l.Name)
	}
	if l.NotAffiliated != "" && !strings.HasSuffix(l.Description, l.NotAffiliated) {
		bad("description does not end with notAffiliated")
	}
	if !strings.Contains(l.NotAffiliated, "Epic Games") {
		bad("notAffiliated does not name Epic Games")
	}
	for _, k := range KillTypes {
		if !containsWord(l.Description, k) {
			bad("description does not name the kill type %s", k)
		}
	}
	if !strings.Contains(l.Permissions.HostPermissions, "account-public-service-prod.ol.epicgames.com") {
		bad("permissions.hostPermissions does not name Epic's account service host")
	}
	for _, h := range []string{"www.epicgames.com", "store.epicgames.com"} {
		if !strings.Contains(l.Permissions.OptionalHostPermissions, h) {
			bad("permissions.optionalHostPermissions does not name %s", h)
		}
	}
	return errs
}

// containsWord reports whether s has name not as part of a longer name, so
// that OTHERS is not found inside OTHERS_ACCOUNT_CLIENT.
func containsWord(s, name string) bool {
	isName := func(r rune) bool { return r == '_' || r >= 'A' && r <= 'Z' }
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isName(before)) && (end == len(s) || !isName(after)) {
			return true
		}
		i = end
	}
}

// Locales are the languages of the catalogs in locales (the extension's
// _locales folder), sorted.
func Locales(locales fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(locales, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

// ReadCatalog reads what a listing is checked against from the catalog of
// locale in locales.
func ReadCatalog(locales fs.FS, locale string) (Catalog, error) {
	data, err := fs.ReadFile(locales, path.Join(locale, "messages.json"))
	if err != nil {
		return Catalog{}, err
	}
	var m map[string]struct {
		Message string `json:"message"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return Catalog{}, fmt.Errorf("%s: %w", locale, err)
	}
	return Catalog{ExtName: m["extName"].Message, ExtDescription: m["extDescription"].Message}, nil
}
