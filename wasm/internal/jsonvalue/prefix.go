package jsonvalue

// ParseArrayPrefix reads a JSON array that may be cut short, as a body read
// up to a size limit is. items are the elements read whole: each one the
// comma or closing bracket after it was read for, in order (nil for none);
// complete reports that the array closed, with only white space after it.
// A cut inside an element, or before the first one, leaves that element out
// and is no error: more input could have gone on validly.
//
// Input that goes wrong before it ends is a *SyntaxError, as Parse reports
// it; one JSON value of another kind, whole or cut short, is a *TypeError.
// Empty input is an array cut before its bracket. For input that is not
// cut, ParseArrayPrefix agrees with Parse: it is complete with no error
// exactly when Parse reads an array, and items are that array's elements.
func ParseArrayPrefix(data []byte) (items []Value, complete bool, err error) {
	p := parser{src: string(data)}
	p.skipSpace()
	switch c := p.peek(); {
	case p.pos == len(p.src):
		return nil, false, nil
	case c != '[':
		return nil, false, p.notArray()
	}
	p.pos++
	p.skipSpace()
	if p.peek() == ']' {
		p.pos++
		if err := p.end(); err != nil {
			return nil, false, err
		}
		return nil, true, nil
	}
	for {
		p.skipSpace()
		// Elements nest one deep, as in Parse.
		elem, err := p.value(1)
		if err != nil {
			return p.cutOr(items, err)
		}
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
			items = append(items, elem)
		case ']':
			p.pos++
			items = append(items, elem)
			if err := p.end(); err != nil {
				return nil, false, err
			}
			return items, true, nil
		default:
			// A number cut at the end may have had more digits, so an
			// element counts only once what follows shows it ended.
			return p.cutOr(items, p.fail("invalid character after an element"))
		}
	}
}

// cutOr returns the items read so far when err came from the input's end,
// else err alone.
func (p *parser) cutOr(items []Value, err error) ([]Value, bool, error) {
	if p.cut {
		return items, false, nil
	}
	return nil, false, err
}

// notArray tells a value of another kind, which may be cut short, from
// input that is not JSON at all.
func (p *parser) notArray() error {
	start := p.pos
	v, err := p.value(0)
	switch {
	case err == nil:
		if err := p.end(); err != nil {
			return err
		}
		return &TypeError{Got: v.kind, Want: "array"}
	case p.cut:
		return &TypeError{Got: kindAt(p.src[start]), Want: "array"}
	}
	return err
}

// kindAt is the kind of the value a valid JSON text starting with c holds.
func kindAt(c byte) Kind {
	switch c {
	case '{':
		return Object
	case '"':
		return String
	case 't', 'f':
		return Bool
	case 'n':
		return Null
	}
	return Number
}
