package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// bannedElements would let a shipped page show or run what is not in the
// package.
var bannedElements = map[string]string{
	"base":   "it re-points every relative URL, package scripts included",
	"iframe": "it embeds another document in the privileged page",
	"frame":  "it embeds another document in the privileged page",
	"object": "it runs plugin content",
	"embed":  "it runs plugin content",
}

// markupInside are elements whose content the tokenizer would read as
// text; it reads it as markup instead, so that a tag inside one is checked
// too. Browsers run nothing inside them, but a checker should not lean on
// that.
var markupInside = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true, "xmp": true,
}

// rawText are the elements whose content is text up to their end tag.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true}

// HTML checks one shipped page: scripts only from package files, no inline
// script, no event-handler attributes, no javascript: URLs and none of
// bannedElements. It reads every start tag as HTML's tokenizer does, and
// reports a page it cannot read whole (a tag, comment or raw-text element
// left open at the end) rather than pass it.
func HTML(doc []byte) []string {
	var problems []string
	add := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	z := html.NewTokenizer(bytes.NewReader(doc))
	line := 1
	open, openLine := "", 0 // the raw-text element whose content comes next, and its line
	for {
		tt := z.Next()
		raw := z.Raw()
		at := line
		line += bytes.Count(raw, []byte("\n"))
		if tt == html.ErrorToken {
			switch {
			case !errors.Is(z.Err(), io.EOF):
				add("cannot scan: line %d: %v", at, z.Err())
			case len(raw) > 0:
				add("cannot scan: line %d: a tag is never closed", at)
			case open != "":
				add("cannot scan: line %d: <%s> is never closed", openLine, open)
			}
			return problems
		}
		tok := z.Token()
		switch tt {
		case html.CommentToken:
			if !commentClosed(raw) {
				add("cannot scan: line %d: a comment is never closed", at)
			}
		case html.TextToken:
			if open == "script" && strings.TrimSpace(tok.Data) != "" {
				add("line %d: <script> has inline content", openLine)
			}
		case html.EndTagToken:
			if tok.Data == open {
				open = ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			problems = append(problems, startTag(tok, at)...)
			if rawText[tok.Data] {
				open, openLine = tok.Data, at
			}
			if markupInside[tok.Data] {
				z.NextIsNotRawText()
			}
		}
	}
}

// commentClosed says whether a comment token (a comment, a doctype, or
// what the tokenizer reads as a comment, such as <?…>) ends as such
// markup does, rather than where the page ends.
func commentClosed(raw []byte) bool {
	if bytes.HasPrefix(raw, []byte("<!--")) {
		return bytes.HasSuffix(raw, []byte("-->")) || bytes.HasSuffix(raw, []byte("--!>"))
	}
	return bytes.HasSuffix(raw, []byte(">"))
}

// startTag checks one start tag, at line.
func startTag(tag html.Token, line int) []string {
	var problems []string
	at := fmt.Sprintf("line %d: <%s>", line, tag.Data)
	if why, banned := bannedElements[tag.Data]; banned {
		problems = append(problems, fmt.Sprintf("%s is not allowed: %s", at, why))
	}
	src, hasSrc := "", false
	for _, a := range tag.Attr {
		if strings.HasPrefix(a.Key, "on") {
			problems = append(problems, fmt.Sprintf("%s has event-handler attribute %s", at, a.Key))
		}
		if strings.HasPrefix(urlForScheme(a.Val), "javascript:") {
			problems = append(problems, fmt.Sprintf("%s has a javascript: URL in %s", at, a.Key))
		}
		if a.Key == "src" && !hasSrc {
			src, hasSrc = a.Val, true
		}
	}
	if tag.Data == "script" {
		switch {
		case !hasSrc:
			problems = append(problems, fmt.Sprintf("%s is an inline script (no src)", at))
		case !packageRelative(src):
			problems = append(problems, fmt.Sprintf("%s loads %q, which is not a file of the package", at, src))
		}
	}
	return problems
}

// urlForScheme is a URL attribute as the URL parser sees its scheme:
// leading and trailing spaces and controls trimmed, tabs and newlines
// removed, lower-cased.
func urlForScheme(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	return strings.ToLower(v)
}

// schemeRE matches a URL that names its scheme.
var schemeRE = regexp.MustCompile(`^[a-z][a-z0-9+.\-]*:`)

// packageRelative says whether ref resolves inside the extension's own
// origin: no scheme (http:, data:, blob:, …) and not protocol-relative, with
// backslashes counted as the slashes browsers take them for.
func packageRelative(ref string) bool {
	u := strings.ReplaceAll(urlForScheme(ref), `\`, "/")
	return u != "" && !strings.HasPrefix(u, "//") && !schemeRE.MatchString(u)
}
