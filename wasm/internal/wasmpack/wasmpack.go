// Package wasmpack joins the data segments of a WebAssembly module that Go's
// linker wrote, so the module holds the same memory image in a few segments.
//
// Go's linker starts a new segment after every run of 8 or more zero bytes,
// which for the popup makes about 66,000 segments, each with an offset and a
// length in front of it. Those headers do not compress: joining the segments
// again, with the zeros written out, makes main.wasm about 110 KB smaller
// after gzip and 650 KB larger before it. Memory starts zeroed, so writing
// zeros where the gaps were changes nothing.
//
// It also lists a module's imports (Imports), so that the policy on what
// ships reads main.wasm with this reader rather than a second one.
package wasmpack

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// MaxGap is the longest run of zeros written out to join two segments; a
// longer gap keeps its segments apart.
const MaxGap = 4096

// Stats says what Pack did.
type Stats struct {
	SegmentsBefore, SegmentsAfter int
}

// Section ids used here (WebAssembly core specification, section 5.5).
const (
	sectionImport    = 2
	sectionData      = 11
	sectionDataCount = 12
)

var header = []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

// segment is an active data segment of memory 0.
type segment struct {
	offset uint32
	data   []byte
}

// Pack returns module with its data segments joined across gaps of at most
// MaxGap zeros. Every other section is copied byte for byte. It refuses a
// module whose data section it cannot prove it keeps the same: a passive
// segment, another memory, an offset that is not a constant, or segments
// that overlap (their order would then matter).
func Pack(module []byte) ([]byte, Stats, error) {
	var stats Stats
	sections, err := splitSections(module)
	if err != nil {
		return nil, stats, err
	}
	i := slices.IndexFunc(sections, func(s section) bool { return s.id == sectionData })
	if i < 0 {
		return slices.Clone(module), stats, nil
	}
	segments, err := readSegments(sections[i].body)
	if err != nil {
		return nil, stats, err
	}
	joined, err := join(segments)
	if err != nil {
		return nil, stats, err
	}
	stats = Stats{SegmentsBefore: len(segments), SegmentsAfter: len(joined)}
	out := slices.Clone(header)
	for _, s := range sections {
		switch s.id {
		case sectionData:
			out = appendSection(out, s.id, writeSegments(joined))
		case sectionDataCount:
			// Present only in modules that use bulk memory; it comes before
			// the data section and must agree with it.
			out = appendSection(out, s.id, binary.AppendUvarint(nil, uint64(len(joined))))
		default:
			out = appendSection(out, s.id, s.body)
		}
	}
	return out, stats, nil
}

// Import is one entry of a module's import section.
type Import struct {
	Module, Name string
	// Kind is "function", "table", "memory", "global" or "tag".
	Kind string
}

// Imports lists what module imports, in order. It reads each entry's
// description only as far as it needs to find the next one.
func Imports(module []byte) ([]Import, error) {
	sections, err := splitSections(module)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(sections, func(s section) bool { return s.id == sectionImport })
	if i < 0 {
		return nil, nil
	}
	r := reader{b: sections[i].body}
	count, err := r.u32()
	if err != nil {
		return nil, fmt.Errorf("import section: %w", err)
	}
	// An import takes at least 4 bytes, so a false count allocates little.
	imports := make([]Import, 0, min(count, uint32(len(r.b)/4)))
	for n := range count {
		imp, err := r.importEntry()
		if err != nil {
			return nil, fmt.Errorf("import %d: %w", n, err)
		}
		imports = append(imports, imp)
	}
	if !r.done() {
		return nil, fmt.Errorf("import section: %d bytes after the last import", len(r.b))
	}
	return imports, nil
}

type section struct {
	id   byte
	body []byte
}

func splitSections(module []byte) ([]section, error) {
	if !bytes.HasPrefix(module, header) {
		return nil, errors.New("not a WebAssembly module (version 1)")
	}
	r := reader{b: module[len(header):]}
	var sections []section
	for !r.done() {
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.u32()
		if err != nil {
			return nil, fmt.Errorf("section %d: %w", id, err)
		}
		body, err := r.take(size)
		if err != nil {
			return nil, fmt.Errorf("section %d: %w", id, err)
		}
		if id != 0 && slices.ContainsFunc(sections, func(s section) bool { return s.id == id }) {
			return nil, fmt.Errorf("section %d appears twice", id)
		}
		sections = append(sections, section{id: id, body: body})
	}
	return sections, nil
}

// readSegments reads a data section's body.
func readSegments(body []byte) ([]segment, error) {
	r := reader{b: body}
	count, err := r.u32()
	if err != nil {
		return nil, fmt.Errorf("data section: %w", err)
	}
	// A segment takes at least 4 bytes, so a false count allocates little.
	segments := make([]segment, 0, min(count, uint32(len(body)/4)))
	for i := range count {
		s, err := r.segment()
		if err != nil {
			return nil, fmt.Errorf("data segment %d: %w", i, err)
		}
		segments = append(segments, s)
	}
	if !r.done() {
		return nil, fmt.Errorf("data section: %d bytes after the last segment", len(r.b))
	}
	return segments, nil
}

// join sorts the segments by offset and joins neighbours at most MaxGap
// apart.
func join(segments []segment) ([]segment, error) {
	sorted := slices.Clone(segments)
	slices.SortStableFunc(sorted, func(a, b segment) int { return cmp.Compare(a.offset, b.offset) })
	var joined []segment
	var end uint64 // one past the last byte joined so far
	for _, s := range sorted {
		if len(joined) > 0 {
			switch {
			case uint64(s.offset) < end && len(s.data) == 0:
				continue // writes nothing, inside memory already written
			case uint64(s.offset) < end:
				return nil, fmt.Errorf("data segments overlap at offset %d", s.offset)
			case uint64(s.offset)-end <= MaxGap:
				last := &joined[len(joined)-1]
				last.data = append(last.data, make([]byte, uint64(s.offset)-end)...)
				last.data = append(last.data, s.data...)
				end = uint64(s.offset) + uint64(len(s.data))
				continue
			}
		}
		joined = append(joined, segment{offset: s.offset, data: slices.Clone(s.data)})
		end = uint64(s.offset) + uint64(len(s.data))
	}
	return joined, nil
}

// writeSegments is a data section's body holding segments, each active in
// memory 0 at its constant offset.
func writeSegments(segments []segment) []byte {
	b := binary.AppendUvarint(nil, uint64(len(segments)))
	for _, s := range segments {
		b = append(b, 0, opI32Const)
		b = appendS32(b, int32(s.offset))
		b = append(b, opEnd)
		b = binary.AppendUvarint(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

func appendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = binary.AppendUvarint(b, uint64(len(body)))
	return append(b, body...)
}

// appendS32 writes v as a signed LEB128, as i32.const takes it.
func appendS32(b []byte, v int32) []byte {
	x := int64(v)
	for {
		c := byte(x & 0x7f)
		x >>= 7
		if (x == 0 && c&0x40 == 0) || (x == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

const (
	opI32Const = 0x41
	opEnd      = 0x0b
)

type reader struct{ b []byte }

var errShort = errors.New("the module ends too soon")

func (r *reader) done() bool { return len(r.b) == 0 }

func (r *reader) byte() (byte, error) {
	if len(r.b) == 0 {
		return 0, errShort
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c, nil
}

func (r *reader) take(n uint32) ([]byte, error) {
	if uint64(n) > uint64(len(r.b)) {
		return nil, errShort
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b, nil
}

// u32 reads an unsigned LEB128 of at most 5 bytes, as the format allows.
func (r *reader) u32() (uint32, error) {
	var v uint64
	for i := 0; i < 5; i++ {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			if v > 1<<32-1 {
				return 0, errors.New("a number too large for 32 bits")
			}
			return uint32(v), nil
		}
	}
	return 0, errors.New("a number longer than 5 bytes")
}

// s32 reads a signed LEB128 of at most 5 bytes.
func (r *reader) s32() (int32, error) {
	var v int64
	for i := 0; i < 5; i++ {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= int64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			if shift := 7 * (i + 1); shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			if v < -1<<31 || v > 1<<31-1 {
				return 0, errors.New("a number too large for 32 bits")
			}
			return int32(v), nil
		}
	}
	return 0, errors.New("a number longer than 5 bytes")
}

func (r *reader) segment() (segment, error) {
	kind, err := r.u32()
	if err != nil {
		return segment{}, err
	}
	if kind != 0 {
		return segment{}, fmt.Errorf("kind %d: only active segments of memory 0 are joined", kind)
	}
	if op, err := r.byte(); err != nil || op != opI32Const {
		return segment{}, errors.New("its offset is not an i32.const")
	}
	offset, err := r.s32()
	if err != nil {
		return segment{}, err
	}
	if op, err := r.byte(); err != nil || op != opEnd {
		return segment{}, errors.New("its offset is not a single i32.const")
	}
	size, err := r.u32()
	if err != nil {
		return segment{}, err
	}
	data, err := r.take(size)
	if err != nil {
		return segment{}, err
	}
	if uint64(uint32(offset))+uint64(size) > 1<<32 {
		return segment{}, errors.New("it runs past the end of a 32-bit memory")
	}
	return segment{offset: uint32(offset), data: data}, nil
}

// importEntry reads one import: two names and a description
// (WebAssembly core specification, section 5.5.5).
func (r *reader) importEntry() (Import, error) {
	var imp Import
	var err error
	if imp.Module, err = r.name(); err != nil {
		return imp, err
	}
	if imp.Name, err = r.name(); err != nil {
		return imp, err
	}
	kind, err := r.byte()
	if err != nil {
		return imp, err
	}
	switch kind {
	case 0: // a type index
		imp.Kind = "function"
		_, err = r.u32()
	case 1: // a reference type, then limits
		imp.Kind = "table"
		if _, err = r.byte(); err == nil {
			err = r.limits()
		}
	case 2:
		imp.Kind = "memory"
		err = r.limits()
	case 3: // a value type and mutability
		imp.Kind = "global"
		_, err = r.take(2)
	case 4: // an attribute and a type index
		imp.Kind = "tag"
		if _, err = r.byte(); err == nil {
			_, err = r.u32()
		}
	default:
		err = fmt.Errorf("%q.%q has unknown kind %#x", imp.Module, imp.Name, kind)
	}
	return imp, err
}

func (r *reader) name() (string, error) {
	n, err := r.u32()
	if err != nil {
		return "", err
	}
	b, err := r.take(n)
	return string(b), err
}

// limits reads a table's or memory's limits: flag bit 0 says a maximum
// follows the minimum, bit 2 that they are 64-bit numbers.
func (r *reader) limits() error {
	flags, err := r.byte()
	if err != nil {
		return err
	}
	count := 1 + int(flags&1)
	for range count {
		if flags&4 != 0 {
			err = r.skipU64()
		} else {
			_, err = r.u32()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// skipU64 reads past an unsigned LEB128 of at most 10 bytes.
func (r *reader) skipU64() error {
	for range 10 {
		c, err := r.byte()
		if err != nil {
			return err
		}
		if c&0x80 == 0 {
			return nil
		}
	}
	return errors.New("a number longer than 10 bytes")
}
