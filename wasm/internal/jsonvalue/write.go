package jsonvalue

import (
	"strconv"
	"time"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, escaped as json.Marshal escapes
// one: ", \ and control characters, and also <, > and & and U+2028 and
// U+2029 so that the text is safe inside HTML and JavaScript; invalid UTF-8
// becomes \ufffd.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// ObjectWriter writes a JSON object as json.Marshal writes a struct: the members
// in the order they are added, without space. The zero ObjectWriter is empty and
// ready to use.
type ObjectWriter struct {
	buf []byte
	err error
}

func (o *ObjectWriter) name(name string) {
	if len(o.buf) == 0 {
		o.buf = append(o.buf, '{')
	} else {
		o.buf = append(o.buf, ',')
	}
	o.buf = AppendString(o.buf, name)
	o.buf = append(o.buf, ':')
}

// AddString adds a string member.
func (o *ObjectWriter) AddString(name, value string) {
	o.name(name)
	o.buf = AppendString(o.buf, value)
}

// AddBool adds a true or false member.
func (o *ObjectWriter) AddBool(name string, value bool) {
	o.name(name)
	o.buf = strconv.AppendBool(o.buf, value)
}

// AddInt adds a number member.
func (o *ObjectWriter) AddInt(name string, value int) {
	o.name(name)
	o.buf = strconv.AppendInt(o.buf, int64(value), 10)
}

// AddTime adds a time as time.Time's MarshalJSON writes it, RFC 3339 with
// nanoseconds as needed; a time it cannot write (a year outside 0 to 9999)
// makes Bytes fail, as it makes json.Marshal fail.
func (o *ObjectWriter) AddTime(name string, value time.Time) {
	b, err := value.MarshalJSON()
	o.AddJSON(name, b, err)
}

// AddJSON adds a member already encoded, with the error of encoding it,
// which makes Bytes fail.
func (o *ObjectWriter) AddJSON(name string, value []byte, err error) {
	if err != nil {
		if o.err == nil {
			o.err = err
		}
		return
	}
	o.name(name)
	o.buf = append(o.buf, value...)
}

// Bytes returns the object, or the first error of a member.
func (o *ObjectWriter) Bytes() ([]byte, error) {
	if o.err != nil {
		return nil, o.err
	}
	if len(o.buf) == 0 {
		return []byte("{}"), nil
	}
	return append(o.buf, '}'), nil
}

// EncodeArray writes items as a JSON array, each by encode, as json.Marshal
// writes a slice: nil is null.
func EncodeArray[E any](items []E, encode func(E) ([]byte, error)) ([]byte, error) {
	if items == nil {
		return []byte("null"), nil
	}
	b := []byte{'['}
	for i, item := range items {
		if i > 0 {
			b = append(b, ',')
		}
		e, err := encode(item)
		if err != nil {
			return nil, err
		}
		b = append(b, e...)
	}
	return append(b, ']'), nil
}
