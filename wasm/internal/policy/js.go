package policy

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// jsRules are the constructs shipped scripts must not use; they run over
// the code with comments and the insides of literals blanked (scanJS), so
// prose and data cannot trip them. They catch direct spellings only (not
// window["eval"]); the CSP, which has no 'unsafe-eval', stops the rest.
var jsRules = []struct {
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

// urlRE finds http and https URLs and captures the host. A host ends where
// a template literal's ${ starts, as a host cannot hold a '$'.
var urlRE = regexp.MustCompile(`(?i)\b(https?)://([^/?#:\s"'\x60\\$]*)`)

// JS checks one shipped script: none of jsRules, and no URL outside
// comments other than https to an Epic host of the host-permission tables.
// Hosts under .invalid pass too: that top-level domain never resolves (RFC
// 6761), so such a URL can only be a name, as popup.js's Cache API key is.
// Comments are skipped: prose cannot make a request, and wasm_exec.js cites
// a Go issue URL in one.
func JS(src []byte) []string {
	text, code, err := scanJS(string(src))
	var problems []string
	if err != nil {
		problems = append(problems, fmt.Sprintf("cannot scan: %v", err))
	}
	for n, l := range strings.Split(code, "\n") {
		for _, rule := range jsRules {
			if rule.re.MatchString(l) {
				problems = append(problems, fmt.Sprintf("line %d: %s: %s", n+1, rule.what, strings.TrimSpace(l)))
			}
		}
	}
	epic := epicHosts()
	for n, l := range strings.Split(text, "\n") {
		for _, m := range urlRE.FindAllStringSubmatch(l, -1) {
			scheme, host := strings.ToLower(m[1]), strings.ToLower(m[2])
			if scheme == "https" && slices.Contains(epic, host) || strings.HasSuffix(host, ".invalid") {
				continue
			}
			problems = append(problems, fmt.Sprintf("line %d: URL %s is not to an Epic host", n+1, m[0]))
		}
	}
	return problems
}

// scanJS reads a script as far as the rules need: where its comments and
// its string, template and regular-expression literals are. text is src
// with comments blanked; code is text with the insides of literals blanked
// too (quotes, backticks and slashes stay, so a string argument still
// shows as a quote). Blanks are spaces and every newline stays, so line
// numbers hold.
//
// A '/' starts a regular expression after an operator, an opening bracket
// or a keyword such as return, and is a division otherwise; `if (x) /re/`
// is misread as division, which no shipped file does. Without telling them
// apart, a quote or // inside a regular expression would be misread as a
// string or a comment.
func scanJS(src string) (text, code string, err error) {
	t, c := []byte(src), []byte(src)
	blank := func(b []byte, from, to int) {
		for k := from; k < to; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	comment := func(from, to int) { blank(t, from, to); blank(c, from, to) }
	literal := func(from, to int) { blank(c, from, to) }
	line := func(i int) int { return strings.Count(src[:i], "\n") + 1 }

	// templates holds, for each template literal whose ${…} we are inside,
	// how many braces of that expression are open.
	var templates []int
	// template reads template text from i (just past a backtick or the
	// closing brace of a ${…}) and returns where code resumes.
	template := func(i int) (int, error) {
		start := i
		for i < len(src) {
			switch {
			case src[i] == '\\':
				i += 2
			case src[i] == '`':
				literal(start, i)
				return i + 1, nil
			case strings.HasPrefix(src[i:], "${"):
				literal(start, i)
				templates = append(templates, 0)
				return i + 2, nil
			default:
				i++
			}
		}
		return i, fmt.Errorf("line %d: unterminated template literal", line(start))
	}

	for i := 0; i < len(src); {
		switch ch := src[i]; {
		case strings.HasPrefix(src[i:], "//"):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			comment(i, i+end)
			i += end
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return string(t), string(c), fmt.Errorf("line %d: unterminated comment", line(i))
			}
			comment(i, i+2+end+2)
			i += 2 + end + 2
		case ch == '"' || ch == '\'':
			j := i + 1
			for j < len(src) && src[j] != ch && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) || src[j] != ch {
				return string(t), string(c), fmt.Errorf("line %d: unterminated string", line(i))
			}
			literal(i+1, j)
			i = j + 1
		case ch == '`':
			if i, err = template(i + 1); err != nil {
				return string(t), string(c), err
			}
		case ch == '{' && len(templates) > 0:
			templates[len(templates)-1]++
			i++
		case ch == '}' && len(templates) > 0:
			if templates[len(templates)-1] > 0 {
				templates[len(templates)-1]--
				i++
				continue
			}
			templates = templates[:len(templates)-1]
			if i, err = template(i + 1); err != nil {
				return string(t), string(c), err
			}
		case ch == '/':
			if !regexCanStart(c[:i]) {
				i++ // a division
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
				return string(t), string(c), fmt.Errorf("line %d: unterminated regular expression", line(i))
			}
			literal(i+1, j)
			i = j + 1
		default:
			i++
		}
	}
	if len(templates) > 0 {
		return string(t), string(c), errors.New("unterminated ${ in a template literal")
	}
	return string(t), string(c), nil
}

// regexAfter are the keywords after which a '/' starts a regular
// expression; "" is the start of the script.
var regexAfter = map[string]bool{"": true, "return": true, "typeof": true, "case": true, "do": true, "else": true,
	"in": true, "of": true, "new": true, "delete": true, "void": true, "throw": true, "instanceof": true, "yield": true, "await": true}

// regexCanStart says whether a '/' after code (scanned so far, comments
// and literals blanked) starts a regular expression: after an operator,
// an opening bracket or one of regexAfter.
func regexCanStart(code []byte) bool {
	k := len(code) - 1
	for k >= 0 && strings.ContainsRune(" \t\r\n", rune(code[k])) {
		k--
	}
	end := k + 1
	isWord := func(b byte) bool {
		return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	for k >= 0 && isWord(code[k]) {
		k--
	}
	prev := string(code[k+1 : end])
	if prev == "" && end > 0 {
		prev = string(code[end-1])
	}
	return regexAfter[prev] || strings.ContainsAny(prev, "(,=:[!&|?{};+-*%<>~^")
}
