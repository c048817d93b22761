package policy

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// permissions is every API permission the manifest may ask for at install,
// with the feature that needs it.
var permissions = map[string]string{
	"storage": "storage.session keeps the pasted token and this browser session's history until the browser closes",
}

// optionalPermissions may be asked for later, each when the user opts into
// its feature.
var optionalPermissions = map[string]string{
	"cookies": `"Use my epicgames.com sign-in" reads the site's sign-in cookie`,
}

// hostPermissions must be exactly these: the popup cannot work without
// them, and nothing else needs to be reached.
var hostPermissions = map[string]string{
	"https://account-public-service-prod.ol.epicgames.com/*": "the account service that verifies the token and kills its sessions",
}

// optionalHostPermissions go with the optional "cookies" permission.
var optionalHostPermissions = map[string]string{
	"https://www.epicgames.com/*":   "where the sign-in cookie lives",
	"https://store.epicgames.com/*": "where the sign-in cookie lives when the user signed in on the store",
}

// manifestKeys are the top-level keys the manifest may have. Anything else
// (background, content_scripts, web_accessible_resources,
// externally_connectable, sandbox, update_url, key, …) would widen what the
// extension runs, exposes or where it updates from.
var manifestKeys = map[string]string{
	"manifest_version":          "must be 3: no remotely hosted code",
	"name":                      "shown in the toolbar and the stores",
	"version":                   "shown in the stores",
	"description":               "shown in the stores",
	"default_locale":            "the message catalog the others fall back to: _locales/en",
	"icons":                     "package images",
	"action":                    "the toolbar button and its popup, the whole user interface",
	"permissions":               "checked against permissions",
	"optional_permissions":      "checked against optionalPermissions",
	"host_permissions":          "checked against hostPermissions",
	"optional_host_permissions": "checked against optionalHostPermissions",
	"content_security_policy":   "can only tighten; checked by CSP",
	"browser_specific_settings": "Firefox's add-on id, minimum version and data-collection declaration",
}

// geckoKeys are the keys allowed under browser_specific_settings.gecko;
// update_url in particular would move updates off addons.mozilla.org.
var geckoKeys = []string{"id", "strict_min_version", "data_collection_permissions"}

// dataCollected is what the extension declares to Firefox's data consent:
// the token it sends to Epic.
var dataCollected = []string{"authenticationInfo"}

// Manifest checks manifest.json: only the keys and permissions of the
// allow-lists, manifest version 3, a CSP that passes CSP, and on Firefox
// no other update source and no data collection.
func Manifest(raw []byte) []string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return []string{fmt.Sprintf("manifest is not a JSON object: %v", err)}
	}
	var problems []string
	add := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }

	for _, key := range sortedKeys(m) {
		if _, ok := manifestKeys[key]; !ok {
			add("top-level key %q is not in the allow-list", key)
		}
	}

	var version int
	if v, ok := m["manifest_version"]; !ok {
		add("manifest_version is missing, want 3")
	} else if err := json.Unmarshal(v, &version); err != nil || version != 3 {
		add("manifest_version is %s, want 3", v)
	}

	lists := []struct {
		key     string
		allowed map[string]string
		exact   bool
	}{
		{"permissions", permissions, false},
		{"optional_permissions", optionalPermissions, false},
		{"host_permissions", hostPermissions, true},
		{"optional_host_permissions", optionalHostPermissions, false},
	}
	for _, l := range lists {
		var entries []string
		if v, ok := m[l.key]; ok {
			if err := json.Unmarshal(v, &entries); err != nil {
				add("%s is not a list of strings: %s", l.key, v)
				continue
			}
		}
		seen := map[string]bool{}
		for _, e := range entries {
			if _, ok := l.allowed[e]; !ok {
				add("%s has %q, which is not in the allow-list", l.key, e)
			}
			if seen[e] {
				add("%s has %q twice", l.key, e)
			}
			seen[e] = true
		}
		if l.exact {
			for _, want := range sortedKeys(l.allowed) {
				if !seen[want] {
					add("%s lacks %q (%s)", l.key, want, l.allowed[want])
				}
			}
		}
	}

	if v, ok := m["content_security_policy"]; ok {
		var csp map[string]json.RawMessage
		if err := json.Unmarshal(v, &csp); err != nil {
			add("content_security_policy is not an object of policies: %s", v)
		}
		for _, key := range sortedKeys(csp) {
			if key != "extension_pages" {
				add("content_security_policy has key %q; only extension_pages is allowed", key)
				continue
			}
			var policy string
			if err := json.Unmarshal(csp[key], &policy); err != nil {
				add("content_security_policy.extension_pages is not a string: %s", csp[key])
				continue
			}
			for _, p := range CSP(policy) {
				add("content_security_policy.extension_pages: %s", p)
			}
		}
	}

	if v, ok := m["browser_specific_settings"]; ok {
		problems = append(problems, browserSettings(v)...)
	}
	return problems
}

// browserSettings checks browser_specific_settings: only gecko, only the geckoKeys,
// and a declaration that no data is collected.
func browserSettings(raw json.RawMessage) []string {
	var settings map[string]json.RawMessage
	if err := json.Unmarshal(raw, &settings); err != nil {
		return []string{fmt.Sprintf("browser_specific_settings is not an object: %s", raw)}
	}
	var problems []string
	for _, key := range sortedKeys(settings) {
		if key != "gecko" {
			problems = append(problems, fmt.Sprintf("browser_specific_settings has key %q; only gecko is allowed", key))
		}
	}
	var gecko map[string]json.RawMessage
	if err := json.Unmarshal(settings["gecko"], &gecko); err != nil {
		return append(problems, fmt.Sprintf("browser_specific_settings.gecko is not an object: %s", settings["gecko"]))
	}
	for _, key := range sortedKeys(gecko) {
		if !slices.Contains(geckoKeys, key) {
			problems = append(problems, fmt.Sprintf("browser_specific_settings.gecko has key %q, which is not in the allow-list", key))
		}
	}
	var collection struct {
		Required []string `json:"required"`
		Optional []string `json:"optional"`
	}
	// Firefox's data consent counts any data that leaves the add-on and
	// the browser: the popup sends the player's sign-in token to Epic's
	// account service, which is authentication information, and nothing
	// else to anyone. Declared required, since no kill works without it.
	v, ok := gecko["data_collection_permissions"]
	if !ok {
		return append(problems, `browser_specific_settings.gecko.data_collection_permissions is missing, want {"required": ["authenticationInfo"]}`)
	}
	if err := json.Unmarshal(v, &collection); err != nil || !slices.Equal(collection.Required, dataCollected) || len(collection.Optional) > 0 {
		problems = append(problems, fmt.Sprintf(`browser_specific_settings.gecko.data_collection_permissions is %s, want {"required": ["authenticationInfo"]}`, v))
	}
	return problems
}

// epicHosts are the hosts of the host-permission tables: the only hosts a
// script may name and the page may connect to.
func epicHosts() []string {
	var hosts []string
	for _, table := range []map[string]string{hostPermissions, optionalHostPermissions} {
		for pattern := range table {
			hosts = append(hosts, strings.TrimSuffix(strings.TrimPrefix(pattern, "https://"), "/*"))
		}
	}
	sort.Strings(hosts)
	return hosts
}

// sourceSet is a set of CSP sources, compared lower-cased.
type sourceSet map[string]bool

func setOf(sources ...string) sourceSet {
	s := sourceSet{}
	for _, src := range sources {
		s[src] = true
	}
	return s
}

func (s sourceSet) String() string {
	return strings.Join(sortedKeys(s), " ")
}

var (
	// scriptSources: the package's own scripts, and compiling main.wasm.
	scriptSources = setOf("'self'", "'wasm-unsafe-eval'")
	// localSources only ever narrow what a page may load.
	localSources = setOf("'self'", "'none'")
)

// cspDirectives maps each directive the extension-pages CSP may use to the
// sources it may list. default-src is handled on its own, because it stands
// in for script-src and connect-src when they are missing. Directives that
// send data away (report-uri, report-to) or that are not listed here fail.
func cspDirectives() map[string]sourceSet {
	connect := setOf("'self'", "'none'")
	for _, host := range epicHosts() {
		connect["https://"+host] = true
		connect["https://"+host+"/"] = true
	}
	return map[string]sourceSet{
		"script-src":                scriptSources,
		"script-src-elem":           scriptSources,
		"script-src-attr":           setOf("'none'"),
		"worker-src":                localSources,
		"object-src":                localSources,
		"connect-src":               connect,
		"base-uri":                  localSources,
		"form-action":               localSources,
		"frame-ancestors":           localSources,
		"frame-src":                 localSources,
		"child-src":                 localSources,
		"img-src":                   localSources,
		"style-src":                 localSources,
		"font-src":                  localSources,
		"media-src":                 localSources,
		"manifest-src":              localSources,
		"upgrade-insecure-requests": setOf(),
	}
}

// CSP checks one content security policy: every source of every directive
// must be in the directive's allow-list, so 'unsafe-eval',
// 'unsafe-inline', hashes, nonces, schemes, wildcards and foreign hosts all
// fail by name.
func CSP(policy string) []string {
	directives := map[string][]string{}
	var problems []string
	for _, d := range strings.Split(policy, ";") {
		fields := strings.Fields(d)
		if len(fields) == 0 {
			continue
		}
		name := strings.ToLower(fields[0])
		if _, dup := directives[name]; dup {
			// Browsers ignore a repeated directive, so what it says would mislead.
			problems = append(problems, fmt.Sprintf("%s appears twice", name))
			continue
		}
		directives[name] = fields[1:]
	}

	table := cspDirectives()
	for _, name := range sortedKeys(directives) {
		allowed, ok := table[name]
		if name == "default-src" {
			ok = true
			allowed = table["connect-src"]
			if _, hasScript := directives["script-src"]; !hasScript {
				allowed = scriptSources
			}
		}
		if !ok {
			problems = append(problems, fmt.Sprintf("directive %s is not in the allow-list", name))
			continue
		}
		for _, src := range directives[name] {
			if !allowed[strings.ToLower(src)] {
				problems = append(problems, fmt.Sprintf("%s allows %s; only [%s] may be listed", name, src, allowed))
			}
		}
	}
	return problems
}
