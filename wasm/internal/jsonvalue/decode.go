package jsonvalue

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp"
)

// TypeError is a value of a JSON type its destination cannot hold, what
// encoding/json reports as *json.UnmarshalTypeError. Decoding goes on past
// one and leaves that destination as it was.
type TypeError struct {
	Got  Kind
	Want string
}

func (e *TypeError) Error() string {
	return "json: cannot decode " + e.Got.String() + " into " + e.Want
}

// isTypeError tells the errors decoding goes on past from those that stop it.
func isTypeError(err error) bool {
	var typeErr *TypeError
	return errors.As(err, &typeErr)
}

// Field is where DecodeObject puts the members of one name.
type Field struct {
	name string
	// dst is a *string, *bool, *int, *time.Time, *[]string or a
	// func(Value) error.
	dst any
}

// StringField takes a String; null leaves dst as it was.
func StringField(name string, dst *string) Field { return Field{name, dst} }

// BoolField takes a Bool; null leaves dst as it was.
func BoolField(name string, dst *bool) Field { return Field{name, dst} }

// IntField takes a Number that AsInt reads; null leaves dst as it was.
func IntField(name string, dst *int) Field { return Field{name, dst} }

// TimeField reads an RFC 3339 string, taken without unescaping, as
// time.Time's UnmarshalJSON does, but in RFC 3339's own shape only and in
// UTC (timestamp.Parse: time.Parse would link Go's whole layout parser into
// main.wasm). null leaves dst as it was; any other value zeroes dst and
// stops decoding, as a bad time stops encoding/json.
func TimeField(name string, dst *time.Time) Field { return Field{name, dst} }

// StringsField takes an Array of strings, decoded as DecodeArray decodes.
func StringsField(name string, dst *[]string) Field { return Field{name, dst} }

// FuncField decodes the members of that name with decode, null included.
// decode's *TypeError lets decoding go on; any other error stops it.
func FuncField(name string, decode func(Value) error) Field { return Field{name, decode} }

func (f Field) decode(v Value) error {
	switch dst := f.dst.(type) {
	case *string:
		return decodeString(dst, v)
	case *bool:
		switch v.kind {
		case Null:
		case Bool:
			*dst = v.raw == "true"
		default:
			return &TypeError{Got: v.kind, Want: "bool"}
		}
	case *int:
		if v.kind == Null {
			return nil
		}
		n, ok := v.AsInt()
		if !ok {
			return &TypeError{Got: v.kind, Want: "int"}
		}
		*dst = n
	case *time.Time:
		return decodeTime(dst, v)
	case *[]string:
		return DecodeArray(v, dst, decodeString)
	case func(Value) error:
		return dst(v)
	}
	return nil
}

// ErrTime is a time that TimeField cannot read.
var ErrTime = errors.New("json: a time is not an RFC 3339 string")

func decodeTime(dst *time.Time, v Value) error {
	if v.kind == Null {
		return nil
	}
	raw := v.raw
	if v.kind != String || len(raw) < 2 {
		return ErrTime
	}
	t, ok := timestamp.Parse(raw[1 : len(raw)-1])
	*dst = t
	if !ok {
		return ErrTime
	}
	return nil
}

func decodeString(dst *string, v Value) error {
	switch v.kind {
	case Null:
	case String:
		*dst = v.str
	default:
		return &TypeError{Got: v.kind, Want: "string"}
	}
	return nil
}

// DecodeObject fills fields from an object the way encoding/json fills a
// struct. A member goes to the field of exactly its name, else to one whose
// name equals it under Unicode case folding (strings.EqualFold, which is
// encoding/json's matching); members no field takes are skipped. Members
// are decoded in order, so a repeated name decodes again over what the
// earlier one left.
//
// A *TypeError from a field leaves that field as it was and decoding goes
// on; the first one is returned at the end. Any other error stops decoding
// and is returned at once. null fills nothing; any other non-object is a
// *TypeError.
func (v Value) DecodeObject(fields ...Field) error {
	switch v.kind {
	case Null:
		return nil
	case Object:
	default:
		return &TypeError{Got: v.kind, Want: "object"}
	}
	var first error
	for i, key := range v.keys {
		f := fieldFor(fields, key)
		if f == nil {
			continue
		}
		if err := f.decode(v.elems[i]); err != nil {
			if !isTypeError(err) {
				return err
			}
			if first == nil {
				first = err
			}
		}
	}
	return first
}

func fieldFor(fields []Field, key string) *Field {
	for i := range fields {
		if fields[i].name == key {
			return &fields[i]
		}
	}
	for i := range fields {
		if strings.EqualFold(fields[i].name, key) {
			return &fields[i]
		}
	}
	return nil
}

// DecodeArray decodes an array into *dst the way encoding/json decodes into
// a slice: element i is decoded by decode over what *dst already holds at
// i, reusing its backing array (so a repeated member decodes over the
// earlier one's elements), and the result has the array's length; an empty
// array gives an empty non-nil slice and null gives nil. Any other value is
// a *TypeError and leaves *dst as it was. decode's errors count as in
// DecodeObject; one that stops decoding leaves *dst with the elements up to
// and including the one that failed.
func DecodeArray[E any](v Value, dst *[]E, decode func(*E, Value) error) error {
	switch v.kind {
	case Null:
		*dst = nil
		return nil
	case Array:
	default:
		return &TypeError{Got: v.kind, Want: "array"}
	}
	s := *dst
	var first error
	for i, elem := range v.elems {
		if i >= cap(s) {
			s = slices.Grow(s, 1)
		}
		if i >= len(s) {
			// Within the capacity, element i is what an earlier
			// member left there, as in encoding/json.
			s = s[:i+1]
		}
		if err := decode(&s[i], elem); err != nil {
			if !isTypeError(err) {
				*dst = s
				return err
			}
			if first == nil {
				first = err
			}
		}
	}
	switch n := len(v.elems); {
	case n == 0:
		s = make([]E, 0)
	case n < len(s):
		s = s[:n]
	}
	*dst = s
	return first
}
