// Package jsonvalue reads and writes JSON the way encoding/json does, without
// reflection: Parse builds a small tree of values, DecodeObject and
// DecodeArray fill Go values from it by encoding/json's rules for structs
// and slices, and AppendString, ObjectWriter and EncodeArray write what
// json.Marshal writes. Leaving encoding/json out keeps its reflection-driven
// code out of main.wasm.
package jsonvalue

import "strconv"

// Kind is the JSON type of a Value.
type Kind uint8

const (
	// Invalid is the zero Value's kind: no value at all, as Get returns for
	// a missing member.
	Invalid Kind = iota
	Null
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "bool"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return "no value"
}

// Value is one parsed JSON value.
type Value struct {
	kind Kind
	// raw is the value's text as it stood in the input: a Number's literal,
	// a String's quoted and escaped form.
	raw string
	// str is a String's decoded text.
	str string
	// elems are an Array's elements, or an Object's member values in input
	// order; keys are the Object's member names, repeated ones included.
	elems []Value
	keys  []string
}

// Kind reports the value's JSON type.
func (v Value) Kind() Kind { return v.kind }

// The As methods return the zero value and false for a Value they cannot
// read.

// AsString returns a String's decoded text.
func (v Value) AsString() (string, bool) {
	return v.str, v.kind == String
}

// AsBool returns a Bool's value.
func (v Value) AsBool() (bool, bool) {
	return v.kind == Bool && v.raw == "true", v.kind == Bool
}

// AsFloat64 returns a Number as the nearest float64. A number beyond
// float64's range reports false, as encoding/json refuses it for a float64
// (and for an any, which it leaves nil).
func (v Value) AsFloat64() (float64, bool) {
	if v.kind != Number {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.raw, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

// AsInt returns a Number written as an integer that fits an int: what
// encoding/json accepts into an int. "1.0", "1e2" and out-of-range
// integers report false.
func (v Value) AsInt() (int, bool) {
	if v.kind != Number {
		return 0, false
	}
	n, err := strconv.ParseInt(v.raw, 10, strconv.IntSize)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

// Get returns the member of exactly that name, the last one when the name is
// repeated: the value a Go map filled by encoding/json holds. It reports
// false for a missing member and for a Value that is not an Object.
func (v Value) Get(name string) (Value, bool) {
	if v.kind != Object {
		return Value{}, false
	}
	for i := len(v.keys) - 1; i >= 0; i-- {
		if v.keys[i] == name {
			return v.elems[i], true
		}
	}
	return Value{}, false
}
