package jsonvalue

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is how deeply arrays and objects may nest. Go compiled to wasm
// recurses on the browser's own call stack, which encoding/json's limit of
// 10,000 overflows, killing the popup; nothing the popup reads nests deeper
// than three. Deeper input is refused like input that is not JSON.
const MaxDepth = 100

// SyntaxError is input that is not one JSON value.
type SyntaxError struct {
	// Offset is where in the input the problem was found.
	Offset int
	reason string
}

func (e *SyntaxError) Error() string {
	return "json: " + e.reason + " at offset " + strconv.Itoa(e.Offset)
}

// Parse reads data as exactly one JSON value (RFC 8259) with only
// whitespace around it, accepting exactly what encoding/json.Valid accepts
// up to MaxDepth.
// Strings are decoded as encoding/json decodes them: invalid UTF-8 and
// unpaired surrogate escapes become U+FFFD.
func Parse(data []byte) (Value, error) {
	p := parser{src: string(data)}
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	if err := p.end(); err != nil {
		return Value{}, err
	}
	return v, nil
}

type parser struct {
	src string
	pos int
	// cut reports that the last failure came from the input's end: more
	// input could have gone on validly. ParseArrayPrefix tells a body cut
	// at a size limit from a wrong one by it.
	cut bool
}

func (p *parser) fail(reason string) error {
	// Wherever the end of the input fails, more input could have gone on.
	p.cut = p.pos >= len(p.src)
	return &SyntaxError{Offset: p.pos, reason: reason}
}

// failCut fails where the input ended inside a token that more input could
// complete, a little before the end itself.
func (p *parser) failCut(reason string) error {
	err := p.fail(reason)
	p.cut = true
	return err
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// end fails when anything but white space follows the value just read.
func (p *parser) end() error {
	p.skipSpace()
	if p.pos < len(p.src) {
		return p.fail("data after the value")
	}
	return nil
}

// peek returns the byte at p.pos, or 0 past the end: no JSON token starts
// with a 0 byte, so the end fails wherever one is expected.
func (p *parser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// value reads the value at p.pos, inside depth arrays and objects.
func (p *parser) value(depth int) (Value, error) {
	start := p.pos
	switch c := p.peek(); {
	case c == '[' || c == '{':
		return p.container(depth + 1)
	case c == '"':
		s, err := p.string()
		return Value{kind: String, raw: p.src[start:p.pos], str: s}, err
	case c == '-' || '0' <= c && c <= '9':
		err := p.number()
		return Value{kind: Number, raw: p.src[start:p.pos]}, err
	}
	for _, lit := range [...]struct {
		text string
		kind Kind
	}{{"true", Bool}, {"false", Bool}, {"null", Null}} {
		if strings.HasPrefix(p.src[p.pos:], lit.text) {
			p.pos += len(lit.text)
			return Value{kind: lit.kind, raw: lit.text}, nil
		}
		if rest := p.src[p.pos:]; rest != "" && strings.HasPrefix(lit.text, rest) {
			return Value{}, p.failCut("unexpected end of input in a literal")
		}
	}
	return Value{}, p.fail("invalid character looking for a value")
}

// container reads the array or object at p.pos, nested depth deep.
func (p *parser) container(depth int) (Value, error) {
	if depth > MaxDepth {
		return Value{}, p.fail("exceeded max depth")
	}
	start := p.pos
	v, end := Value{kind: Array}, byte(']')
	if p.src[p.pos] == '{' {
		v.kind, end = Object, '}'
	}
	p.pos++
	p.skipSpace()
	if p.peek() == end {
		p.pos++
		v.raw = p.src[start:p.pos]
		return v, nil
	}
	for {
		p.skipSpace()
		if v.kind == Object {
			if p.peek() != '"' {
				return Value{}, p.fail("invalid character looking for a member name")
			}
			key, err := p.string()
			if err != nil {
				return Value{}, err
			}
			p.skipSpace()
			if p.peek() != ':' {
				return Value{}, p.fail("invalid character after a member name")
			}
			p.pos++
			p.skipSpace()
			v.keys = append(v.keys, key)
		}
		elem, err := p.value(depth)
		if err != nil {
			return Value{}, err
		}
		v.elems = append(v.elems, elem)
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
		case end:
			p.pos++
			v.raw = p.src[start:p.pos]
			return v, nil
		default:
			return Value{}, p.fail("invalid character after an element")
		}
	}
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. What follows
// it is the caller's to check, so "01" fails there, as in encoding/json.
func (p *parser) number() error {
	if p.src[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.src) && p.src[p.pos] == '0':
		p.pos++
	case !p.digits():
		return p.fail("invalid character in a number")
	}
	if p.pos < len(p.src) && p.src[p.pos] == '.' {
		p.pos++
		if !p.digits() {
			return p.fail("invalid character after a decimal point")
		}
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.src) && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if !p.digits() {
			return p.fail("invalid character in an exponent")
		}
	}
	return nil
}

// digits reads [0-9]+ and reports whether there was one.
func (p *parser) digits() bool {
	start := p.pos
	for p.pos < len(p.src) && '0' <= p.src[p.pos] && p.src[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

// string reads a quoted string and returns it decoded.
func (p *parser) string() (string, error) {
	p.pos++ // "
	start := p.pos
	// Most strings need no decoding: they are a piece of the input.
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '"' {
			p.pos++
			return p.src[start : p.pos-1], nil
		}
		if c == '\\' || c < ' ' || c >= utf8.RuneSelf {
			break
		}
		p.pos++
	}
	buf := []byte(p.src[start:p.pos])
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c < ' ':
			return "", p.fail("control character in a string")
		case c == '\\':
			var err error
			if buf, err = p.escape(buf); err != nil {
				return "", err
			}
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.pos++
		default:
			// Invalid UTF-8 becomes U+FFFD, one per bad byte.
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			buf = utf8.AppendRune(buf, r)
			p.pos += size
		}
	}
	return "", p.fail("unexpected end of input in a string")
}

// escape decodes the escape sequence at p.pos onto buf.
func (p *parser) escape(buf []byte) ([]byte, error) {
	if p.pos+1 >= len(p.src) {
		return nil, p.failCut("unexpected end of input in a string escape")
	}
	c := p.src[p.pos+1]
	if c == 'u' {
		r, ok := hex4(p.src[p.pos:])
		if !ok {
			if rest := p.src[p.pos+2:]; len(rest) < 4 && allHex(rest) {
				return nil, p.failCut(`unexpected end of input in a \u escape`)
			}
			return nil, p.fail(`invalid \u escape`)
		}
		p.pos += 6
		if utf16.IsSurrogate(r) {
			// A high surrogate joins the low one escaped right after it;
			// any other surrogate is unpaired and becomes U+FFFD, while
			// the escape after it is read on its own.
			if low, ok := hex4(p.src[p.pos:]); ok {
				if pair := utf16.DecodeRune(r, low); pair != utf8.RuneError {
					p.pos += 6
					return utf8.AppendRune(buf, pair), nil
				}
			}
			r = utf8.RuneError
		}
		return utf8.AppendRune(buf, r), nil
	}
	var b byte
	switch c {
	case '"', '\\', '/':
		b = c
	case 'b':
		b = '\b'
	case 'f':
		b = '\f'
	case 'n':
		b = '\n'
	case 'r':
		b = '\r'
	case 't':
		b = '\t'
	default:
		return nil, p.fail("invalid escape in a string")
	}
	p.pos += 2
	return append(buf, b), nil
}

// allHex reports whether s is hexadecimal digits only.
func allHex(s string) bool {
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// hex4 reads the rune of a \uXXXX escape at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[2:6]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
