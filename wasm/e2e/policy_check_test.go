//go:build !js

package e2e

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// The checkers below read one shipped file each and return what breaks the
// policy, one sentence per problem; none means the file passes. They are pure
// so that their own tests can feed them bad files and see them fail.

// policyPermissions is every API permission the manifest may ask for at
// install, with the feature that needs it.
var policyPermissions = map[string]string{
	"storage": "storage.session keeps the pasted token and this browser session's history until the browser closes",
}

// policyOptionalPermissions may be asked for later, each when the user opts
// into its feature.
var policyOptionalPermissions = map[string]string{
	"cookies": `"Use my epicgames.com sign-in" reads the site's sign-in cookie`,
}

// policyHostPermissions must be exactly these: the popup cannot work without
// them, and nothing else needs to be reached.
var policyHostPermissions = map[string]string{
	"https://account-public-service-prod.ol.epicgames.com/*": "the account service that verifies the token and kills its sessions",
}

// policyOptionalHostPermissions go with the optional "cookies" permission.
var policyOptionalHostPermissions = map[string]string{
	"https://www.epicgames.com/*":   "where the sign-in cookie lives",
	"https://store.epicgames.com/*": "where the sign-in cookie lives when the user signed in on the store",
}

// policyManifestKeys are the top-level keys the manifest may have. Anything
// else (background, content_scripts, web_accessible_resources,
// externally_connectable, sandbox, update_url, key, …) would widen what the
// extension runs, exposes or where it updates from.
var policyManifestKeys = map[string]string{
	"manifest_version":          "must be 3: no remotely hosted code",
	"name":                      "shown in the toolbar and the stores",
	"version":                   "shown in the stores",
	"description":               "shown in the stores",
	"icons":                     "package images",
	"action":                    "the toolbar button and its popup, the whole user interface",
	"permissions":               "checked against policyPermissions",
	"optional_permissions":      "checked against policyOptionalPermissions",
	"host_permissions":          "checked against policyHostPermissions",
	"optional_host_permissions": "checked against policyOptionalHostPermissions",
	"content_security_policy":   "can only tighten; checked by policyCheckCSP",
	"browser_specific_settings": "Firefox's add-on id, minimum version and data-collection declaration",
}

// policyGeckoKeys are the keys allowed under browser_specific_settings.gecko;
// update_url in particular would move updates off addons.mozilla.org.
var policyGeckoKeys = []string{"id", "strict_min_version", "data_collection_permissions"}

// policyCheckManifest checks manifest.json.
func policyCheckManifest(raw []byte) []string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return []string{fmt.Sprintf("manifest is not a JSON object: %v", err)}
	}
	var problems []string
	add := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }

	for _, key := range policySortedKeys(m) {
		if _, ok := policyManifestKeys[key]; !ok {
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
		{"permissions", policyPermissions, false},
		{"optional_permissions", policyOptionalPermissions, false},
		{"host_permissions", policyHostPermissions, true},
		{"optional_host_permissions", policyOptionalHostPermissions, false},
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
			for _, want := range policySortedKeys(l.allowed) {
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
		for _, key := range policySortedKeys(csp) {
			if key != "extension_pages" {
				add("content_security_policy has key %q; only extension_pages is allowed", key)
				continue
			}
			var policy string
			if err := json.Unmarshal(csp[key], &policy); err != nil {
				add("content_security_policy.extension_pages is not a string: %s", csp[key])
				continue
			}
			for _, p := range policyCheckCSP(policy) {
				add("content_security_policy.extension_pages: %s", p)
			}
		}
	}

	if v, ok := m["browser_specific_settings"]; ok {
		problems = append(problems, policyCheckGecko(v)...)
	}
	return problems
}

// policyCheckGecko checks browser_specific_settings: only gecko, only the
// policyGeckoKeys, and a declaration that no data is collected.
func policyCheckGecko(raw json.RawMessage) []string {
	var settings map[string]json.RawMessage
	if err := json.Unmarshal(raw, &settings); err != nil {
		return []string{fmt.Sprintf("browser_specific_settings is not an object: %s", raw)}
	}
	var problems []string
	for _, key := range policySortedKeys(settings) {
		if key != "gecko" {
			problems = append(problems, fmt.Sprintf("browser_specific_settings has key %q; only gecko is allowed", key))
		}
	}
	var gecko map[string]json.RawMessage
	if err := json.Unmarshal(settings["gecko"], &gecko); err != nil {
		return append(problems, fmt.Sprintf("browser_specific_settings.gecko is not an object: %s", settings["gecko"]))
	}
	for _, key := range policySortedKeys(gecko) {
		if !slices.Contains(policyGeckoKeys, key) {
			problems = append(problems, fmt.Sprintf("browser_specific_settings.gecko has key %q, which is not in the allow-list", key))
		}
	}
	var collection struct {
		Required []string `json:"required"`
		Optional []string `json:"optional"`
	}
	if v, ok := gecko["data_collection_permissions"]; ok {
		if err := json.Unmarshal(v, &collection); err != nil || !slices.Equal(collection.Required, []string{"none"}) || len(collection.Optional) > 0 {
			problems = append(problems, fmt.Sprintf(`browser_specific_settings.gecko.data_collection_permissions is %s, want {"required": ["none"]}`, v))
		}
	}
	return problems
}

// policyEpicSources are the CSP host sources for the Epic hosts of the
// host-permission tables, as https://host and https://host/.
func policyEpicSources() map[string]bool {
	sources := map[string]bool{}
	for _, host := range policyEpicHosts() {
		sources["https://"+host] = true
		sources["https://"+host+"/"] = true
	}
	return sources
}

// policyEpicHosts are the hosts of the host-permission tables.
func policyEpicHosts() []string {
	var hosts []string
	for _, table := range []map[string]string{policyHostPermissions, policyOptionalHostPermissions} {
		for pattern := range table {
			host := strings.TrimSuffix(strings.TrimPrefix(pattern, "https://"), "/*")
			hosts = append(hosts, host)
		}
	}
	sort.Strings(hosts)
	return hosts
}

// policySet is a set of CSP sources, compared lower-cased.
type policySet map[string]bool

func policySetOf(sources ...string) policySet {
	s := policySet{}
	for _, src := range sources {
		s[src] = true
	}
	return s
}

func (s policySet) String() string {
	return strings.Join(policySortedKeys(s), " ")
}

var (
	// policyScriptSources: the package's own scripts, and compiling main.wasm.
	policyScriptSources = policySetOf("'self'", "'wasm-unsafe-eval'")
	// policyLocalSources only ever narrow what a page may load.
	policyLocalSources = policySetOf("'self'", "'none'")
)

// policyCSPDirectives maps each directive the extension-pages CSP may use to
// the sources it may list. default-src is handled on its own, because it
// stands in for script-src and connect-src when they are missing. Directives
// that send data away (report-uri, report-to) or that are not listed here
// fail.
func policyCSPDirectives() map[string]policySet {
	connect := policySetOf("'self'", "'none'")
	for src := range policyEpicSources() {
		connect[src] = true
	}
	return map[string]policySet{
		"script-src":                policyScriptSources,
		"script-src-elem":           policyScriptSources,
		"script-src-attr":           policySetOf("'none'"),
		"worker-src":                policyLocalSources,
		"object-src":                policyLocalSources,
		"connect-src":               connect,
		"base-uri":                  policyLocalSources,
		"form-action":               policyLocalSources,
		"frame-ancestors":           policyLocalSources,
		"frame-src":                 policyLocalSources,
		"child-src":                 policyLocalSources,
		"img-src":                   policyLocalSources,
		"style-src":                 policyLocalSources,
		"font-src":                  policyLocalSources,
		"media-src":                 policyLocalSources,
		"manifest-src":              policyLocalSources,
		"upgrade-insecure-requests": policySetOf(),
	}
}

// policyCheckCSP checks one content security policy: every source of every
// directive must be in the directive's allow-list, so 'unsafe-eval',
// 'unsafe-inline', hashes, nonces, schemes, wildcards and foreign hosts all
// fail by name.
func policyCheckCSP(policy string) []string {
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

	table := policyCSPDirectives()
	for _, name := range policySortedKeys(directives) {
		allowed, ok := table[name]
		if name == "default-src" {
			ok = true
			allowed = table["connect-src"]
			if _, hasScript := directives["script-src"]; !hasScript {
				allowed = policyScriptSources
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

// policyBannedElements would let a shipped page show or run what is not in
// the package.
var policyBannedElements = map[string]string{
	"base":   "it re-points every relative URL, package scripts included",
	"iframe": "it embeds another document in the privileged page",
	"frame":  "it embeds another document in the privileged page",
	"object": "it runs plugin content",
	"embed":  "it runs plugin content",
}

// policyTag is one start tag of an HTML file.
type policyTag struct {
	Name  string
	Attrs [][2]string // name (lower-cased) and value (entities decoded)
	Line  int
	// Content is what a script, style, textarea or title element holds.
	Content string
}

// policyHTMLTags scans start tags the way the HTML tokenizer does for
// well-behaved documents: comments, doctypes and end tags are skipped,
// attribute values may be double-, single- or unquoted, and script, style,
// textarea and title hold raw text up to their end tag. It does not build a
// tree, recover from errors like a browser, or handle <!-- inside script; a
// file it cannot scan is reported rather than passed.
func policyHTMLTags(doc string) ([]policyTag, error) {
	var tags []policyTag
	lower := strings.ToLower(doc)
	line := func(i int) int { return strings.Count(doc[:i], "\n") + 1 }
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 0
	for {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			return tags, nil
		}
		i += lt
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return tags, fmt.Errorf("line %d: unterminated comment", line(i))
			}
			i += 4 + end + 3
			continue
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?' || rest[1] == '/'):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return tags, fmt.Errorf("line %d: unterminated markup", line(i))
			}
			i += end + 1
			continue
		case len(rest) < 2 || !(rest[1] >= 'a' && rest[1] <= 'z' || rest[1] >= 'A' && rest[1] <= 'Z'):
			i++ // a lone '<' is text
			continue
		}

		tag := policyTag{Line: line(i)}
		j := i + 1
		for j < len(doc) && !isSpace(doc[j]) && doc[j] != '/' && doc[j] != '>' {
			j++
		}
		tag.Name = lower[i+1 : j]
		for {
			for j < len(doc) && (isSpace(doc[j]) || doc[j] == '/') {
				j++
			}
			if j >= len(doc) {
				return tags, fmt.Errorf("line %d: unterminated <%s>", tag.Line, tag.Name)
			}
			if doc[j] == '>' {
				j++
				break
			}
			start := j
			j++ // a leading '=' belongs to the name
			for j < len(doc) && !isSpace(doc[j]) && doc[j] != '/' && doc[j] != '>' && doc[j] != '=' {
				j++
			}
			name := lower[start:j]
			for j < len(doc) && isSpace(doc[j]) {
				j++
			}
			value := ""
			if j < len(doc) && doc[j] == '=' {
				j++
				for j < len(doc) && isSpace(doc[j]) {
					j++
				}
				if j < len(doc) && (doc[j] == '"' || doc[j] == '\'') {
					end := strings.IndexByte(doc[j+1:], doc[j])
					if end < 0 {
						return tags, fmt.Errorf("line %d: unterminated attribute %s", tag.Line, name)
					}
					value = doc[j+1 : j+1+end]
					j += 1 + end + 1
				} else {
					start := j
					for j < len(doc) && !isSpace(doc[j]) && doc[j] != '>' {
						j++
					}
					value = doc[start:j]
				}
			}
			tag.Attrs = append(tag.Attrs, [2]string{name, html.UnescapeString(value)})
		}
		i = j
		switch tag.Name {
		case "script", "style", "textarea", "title":
			end := policyIndexEndTag(lower[i:], tag.Name)
			if end < 0 {
				return tags, fmt.Errorf("line %d: <%s> is never closed", tag.Line, tag.Name)
			}
			tag.Content = doc[i : i+end]
			i += end
		}
		tags = append(tags, tag)
	}
}

// policyIndexEndTag finds </name followed by a space, '/' or '>'.
func policyIndexEndTag(lower, name string) int {
	for off := 0; ; {
		k := strings.Index(lower[off:], "</"+name)
		if k < 0 {
			return -1
		}
		after := off + k + 2 + len(name)
		if after >= len(lower) || strings.ContainsRune(" \t\n\r\f/>", rune(lower[after])) {
			return off + k
		}
		off = after
	}
}

// policyCheckHTML checks one shipped HTML file: scripts only from package
// files, no inline script, no event-handler attributes, no javascript: URLs
// and none of policyBannedElements.
func policyCheckHTML(doc []byte) []string {
	tags, err := policyHTMLTags(string(doc))
	var problems []string
	if err != nil {
		problems = append(problems, fmt.Sprintf("cannot scan: %v", err))
	}
	for _, tag := range tags {
		at := fmt.Sprintf("line %d: <%s>", tag.Line, tag.Name)
		if why, banned := policyBannedElements[tag.Name]; banned {
			problems = append(problems, fmt.Sprintf("%s is not allowed: %s", at, why))
		}
		src, hasSrc := "", false
		for _, a := range tag.Attrs {
			name, value := a[0], a[1]
			if strings.HasPrefix(name, "on") {
				problems = append(problems, fmt.Sprintf("%s has event-handler attribute %s", at, name))
			}
			if strings.HasPrefix(policyURLForScheme(value), "javascript:") {
				problems = append(problems, fmt.Sprintf("%s has a javascript: URL in %s", at, name))
			}
			if name == "src" && !hasSrc {
				src, hasSrc = value, true
			}
		}
		if tag.Name != "script" {
			continue
		}
		switch {
		case !hasSrc:
			problems = append(problems, fmt.Sprintf("%s is an inline script (no src)", at))
		case !policyPackageRelative(src):
			problems = append(problems, fmt.Sprintf("%s loads %q, which is not a file of the package", at, src))
		}
		if strings.TrimSpace(tag.Content) != "" {
			problems = append(problems, fmt.Sprintf("%s has inline content", at))
		}
	}
	return problems
}

// policyURLForScheme is a URL attribute as the URL parser sees its scheme:
// leading and trailing spaces and controls trimmed, tabs and newlines
// removed, lower-cased.
func policyURLForScheme(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	return strings.ToLower(v)
}

// policySchemeRE matches a URL that names its scheme.
var policySchemeRE = regexp.MustCompile(`^[a-z][a-z0-9+.\-]*:`)

// policyPackageRelative says whether ref resolves inside the extension's own
// origin: no scheme (http:, data:, blob:, …) and not protocol-relative, with
// backslashes counted as the slashes browsers take them for.
func policyPackageRelative(ref string) bool {
	u := strings.ReplaceAll(policyURLForScheme(ref), `\`, "/")
	return u != "" && !strings.HasPrefix(u, "//") && !policySchemeRE.MatchString(u)
}

// policyJSLiteral is the text of one string, template or regular-expression
// literal, and where it starts.
type policyJSLiteral struct {
	Text string
	Line int
}

// policyJSLex splits a script into code and literals. In the code, comments
// become spaces and the insides of literals become spaces too (quotes and
// backticks stay, lines keep their numbers), so rules about calls cannot be
// tripped by prose or by data, and a string argument still shows as a quote.
// A '/' starts a regular expression after an operator, an opening bracket or
// a keyword such as return, and is a division otherwise; `if (x) /re/` is
// misread as division, which no shipped file does.
func policyJSLex(src string) (code string, literals []policyJSLiteral, err error) {
	out := []byte(src)
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
	}
	line := func(i int) int { return strings.Count(src[:i], "\n") + 1 }
	// templates holds, for each template literal whose ${…} we are inside,
	// how many braces of that expression are open.
	var templates []int
	lastSignificant := func(i int) string {
		k := i - 1
		for k >= 0 && strings.ContainsRune(" \t\r\n", rune(out[k])) {
			k--
		}
		if k < 0 {
			return ""
		}
		end := k + 1
		for k >= 0 && (out[k] == '_' || out[k] == '$' || out[k] >= 'a' && out[k] <= 'z' || out[k] >= 'A' && out[k] <= 'Z' || out[k] >= '0' && out[k] <= '9') {
			k--
		}
		if k+1 == end {
			return string(out[end-1])
		}
		return string(out[k+1 : end])
	}
	regexAfter := map[string]bool{"": true, "return": true, "typeof": true, "case": true, "do": true, "else": true,
		"in": true, "of": true, "new": true, "delete": true, "void": true, "throw": true, "instanceof": true, "yield": true, "await": true}
	// template scans template text from i (just past a backtick or a closing
	// brace of ${…}) and returns where code resumes.
	template := func(i int) (int, error) {
		start := i
		for i < len(src) {
			switch {
			case src[i] == '\\':
				i += 2
			case src[i] == '`':
				literals = append(literals, policyJSLiteral{src[start:i], line(start)})
				blank(start, i)
				return i + 1, nil
			case strings.HasPrefix(src[i:], "${"):
				literals = append(literals, policyJSLiteral{src[start:i], line(start)})
				blank(start, i)
				templates = append(templates, 0)
				return i + 2, nil
			default:
				i++
			}
		}
		return i, fmt.Errorf("line %d: unterminated template literal", line(start))
	}

	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case strings.HasPrefix(src[i:], "//"):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			blank(i, i+end)
			i += end
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return string(out), literals, fmt.Errorf("line %d: unterminated comment", line(i))
			}
			blank(i, i+2+end+2)
			i += 2 + end + 2
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) || src[j] != c {
				return string(out), literals, fmt.Errorf("line %d: unterminated string", line(i))
			}
			literals = append(literals, policyJSLiteral{src[i+1 : j], line(i)})
			blank(i+1, j)
			i = j + 1
		case c == '`':
			if i, err = template(i + 1); err != nil {
				return string(out), literals, err
			}
		case c == '{' && len(templates) > 0:
			templates[len(templates)-1]++
			i++
		case c == '}' && len(templates) > 0:
			if templates[len(templates)-1] > 0 {
				templates[len(templates)-1]--
				i++
				continue
			}
			templates = templates[:len(templates)-1]
			if i, err = template(i + 1); err != nil {
				return string(out), literals, err
			}
		case c == '/':
			prev := lastSignificant(i)
			if !regexAfter[prev] && !strings.ContainsAny(prev, "(,=:[!&|?{};+-*%<>~^") {
				i++ // division
				continue
			}
			j, inClass := i+1, false
			for j < len(src) && src[j] != '\n' && (inClass || src[j] != '/') {
				switch src[j] {
				case '\\':
					j++
				case '[':
					inClass = true
				case ']':
					inClass = false
				}
				j++
			}
			if j >= len(src) || src[j] != '/' {
				return string(out), literals, fmt.Errorf("line %d: unterminated regular expression", line(i))
			}
			literals = append(literals, policyJSLiteral{src[i+1 : j], line(i)})
			blank(i+1, j)
			i = j + 1
		default:
			i++
		}
	}
	if len(templates) > 0 {
		return string(out), literals, errors.New("unterminated ${ in a template literal")
	}
	return string(out), literals, nil
}

// policyJSRules are the constructs shipped scripts must not use; they run
// over code with comments and literal contents blanked (policyJSLex). They
// catch direct spellings only (not window["eval"]); the CSP, which has no
// 'unsafe-eval', is what stops the rest.
var policyJSRules = []struct {
	what string
	re   *regexp.Regexp
}{
	{"eval(", regexp.MustCompile(`\beval\s*\(`)},
	{"new Function", regexp.MustCompile(`\bnew\s+Function\b`)},
	{"Function(", regexp.MustCompile(`\bFunction\s*\(`)},
	{"setTimeout/setInterval with a string", regexp.MustCompile("\\b(?:setTimeout|setInterval)\\s*\\(\\s*[\"'`]")},
	{"importScripts(", regexp.MustCompile(`\bimportScripts\s*\(`)},
	{"dynamic import(", regexp.MustCompile(`\bimport\s*\(`)},
	{"document.write", regexp.MustCompile(`\bdocument\s*\.\s*write(?:ln)?\b`)},
	{"innerHTML/outerHTML assignment", regexp.MustCompile(`\.\s*(?:innerHTML|outerHTML)\s*\+?=(?:[^=]|$)`)},
	{"insertAdjacentHTML", regexp.MustCompile(`\binsertAdjacentHTML\b`)},
}

// policyURLRE finds http and https URLs and captures the host.
var policyURLRE = regexp.MustCompile(`(?i)\b(https?)://([^/?#:\s"'\x60\\]*)`)

// policyCheckJS checks one shipped script: none of policyJSRules, and no URL
// outside comments other than https to an Epic host of the host-permission
// tables. Hosts under .invalid pass too: that top-level domain never
// resolves (RFC 6761), so such a URL can only be a name, as popup.js's
// Cache API key is. Comments are skipped: prose cannot make a request, and
// wasm_exec.js cites a Go issue URL in one.
func policyCheckJS(src []byte) []string {
	code, literals, err := policyJSLex(string(src))
	var problems []string
	if err != nil {
		problems = append(problems, fmt.Sprintf("cannot scan: %v", err))
	}
	for n, l := range strings.Split(code, "\n") {
		for _, rule := range policyJSRules {
			if rule.re.MatchString(l) {
				problems = append(problems, fmt.Sprintf("line %d: %s: %s", n+1, rule.what, strings.TrimSpace(l)))
			}
		}
		// Code outside literals holds no URL unless the lexer misread it.
		literals = append(literals, policyJSLiteral{l, n + 1})
	}
	epic := policyEpicHosts()
	for _, lit := range literals {
		for _, m := range policyURLRE.FindAllStringSubmatch(lit.Text, -1) {
			scheme, host := strings.ToLower(m[1]), strings.ToLower(m[2])
			if scheme == "https" && slices.Contains(epic, host) || strings.HasSuffix(host, ".invalid") {
				continue
			}
			problems = append(problems, fmt.Sprintf("line %d: URL %s is not to an Epic host", lit.Line, m[0]))
		}
	}
	return problems
}

// policyCSSRE finds what would make a stylesheet load something: an
// @import, or a url() that is not a data: URL.
var policyCSSRE = regexp.MustCompile(`(?i)@import\b|url\(\s*["']?\s*(?:[a-z][a-z0-9+.\-]*:|//)`)

// policyCheckCSS checks one shipped stylesheet. Styles cannot run code under
// the CSP, but a remote @import or url() would tell a server each time the
// popup opens; package-relative and data: URLs pass.
func policyCheckCSS(src []byte) []string {
	var problems []string
	for n, l := range strings.Split(string(src), "\n") {
		for _, m := range policyCSSRE.FindAllString(l, -1) {
			if !strings.HasPrefix(strings.ToLower(strings.Trim(m[4:], ` "'(`)), "data:") {
				problems = append(problems, fmt.Sprintf("line %d: %s loads from outside the package", n+1, strings.TrimSpace(l)))
			}
		}
	}
	return problems
}

// policyGoImportModule is the import module of Go's js/wasm port: the
// functions wasm_exec.js puts under importObject.gojs.
const policyGoImportModule = "gojs"

// policyWasmImport is one entry of a WebAssembly import section.
type policyWasmImport struct {
	Module, Name string
	Kind         string
}

// policyWasmImports reads the import section of a WebAssembly binary
// (https://webassembly.github.io/spec/core/binary/modules.html).
func policyWasmImports(b []byte) ([]policyWasmImport, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly binary: bad magic")
	}
	if v := binary.LittleEndian.Uint32(b[4:8]); v != 1 {
		return nil, fmt.Errorf("WebAssembly version %d, want 1", v)
	}
	r := &policyWasmReader{b: b, off: 8}
	var imports []policyWasmImport
	seenImports := false
	for r.off < len(r.b) {
		id := r.byte()
		size := r.u32()
		if r.err != nil {
			return nil, r.err
		}
		if uint64(size) > uint64(len(r.b)-r.off) {
			return nil, fmt.Errorf("section %d at %d runs past the end", id, r.off)
		}
		end := r.off + int(size)
		if id != 2 {
			r.off = end
			continue
		}
		if seenImports {
			return nil, errors.New("two import sections")
		}
		seenImports = true
		sec := &policyWasmReader{b: r.b[:end], off: r.off}
		for n := sec.u32(); n > 0 && sec.err == nil; n-- {
			imp := policyWasmImport{Module: sec.name(), Name: sec.name()}
			switch kind := sec.byte(); kind {
			case 0:
				imp.Kind = "function"
				sec.u32()
			case 1:
				imp.Kind = "table"
				sec.byte()
				sec.limits()
			case 2:
				imp.Kind = "memory"
				sec.limits()
			case 3:
				imp.Kind = "global"
				sec.byte()
				sec.byte()
			case 4:
				imp.Kind = "tag"
				sec.byte()
				sec.u32()
			default:
				sec.fail(fmt.Errorf("import %q.%q has unknown kind %#x", imp.Module, imp.Name, kind))
			}
			imports = append(imports, imp)
		}
		if sec.err != nil {
			return nil, fmt.Errorf("import section: %w", sec.err)
		}
		if sec.off != end {
			return nil, fmt.Errorf("import section: %d bytes left over", end-sec.off)
		}
		r.off = end
	}
	return imports, nil
}

// policyWasmReader reads the binary format's primitives; the first error
// sticks and later reads return zero.
type policyWasmReader struct {
	b   []byte
	off int
	err error
}

func (r *policyWasmReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *policyWasmReader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.b) {
		r.fail(fmt.Errorf("unexpected end at %d", r.off))
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

// uleb reads an unsigned LEB128 number of at most bits bits.
func (r *policyWasmReader) uleb(bits uint) uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if shift >= bits+7 {
			r.fail(fmt.Errorf("LEB128 number too long at %d", r.off))
			return 0
		}
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
}

func (r *policyWasmReader) u32() uint32 { return uint32(r.uleb(32)) }

func (r *policyWasmReader) name() string {
	n := r.u32()
	if r.err != nil {
		return ""
	}
	if uint64(n) > uint64(len(r.b)-r.off) {
		r.fail(fmt.Errorf("name at %d runs past the end", r.off))
		return ""
	}
	r.off += int(n)
	return string(r.b[r.off-int(n) : r.off])
}

// limits reads a table's or memory's limits; flag bit 0 means a maximum
// follows, bit 2 that the memory is 64-bit.
func (r *policyWasmReader) limits() {
	flags := r.byte()
	bits := uint(32)
	if flags&4 != 0 {
		bits = 64
	}
	r.uleb(bits)
	if flags&1 != 0 {
		r.uleb(bits)
	}
}

// policyCheckWasm checks main.wasm: it must import from nothing but the Go
// glue (wasm_exec.js), so the only code it can reach is what ships.
func policyCheckWasm(b []byte) []string {
	imports, err := policyWasmImports(b)
	if err != nil {
		return []string{fmt.Sprintf("cannot read imports: %v", err)}
	}
	var problems []string
	for _, imp := range imports {
		if imp.Module != policyGoImportModule {
			problems = append(problems, fmt.Sprintf("imports %s %q.%q; only %q (wasm_exec.js) is allowed", imp.Kind, imp.Module, imp.Name, policyGoImportModule))
		}
	}
	return problems
}

// policySortedKeys returns m's keys in order, so problems read the same on
// every run.
func policySortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
