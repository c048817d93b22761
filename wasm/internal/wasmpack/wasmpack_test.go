package wasmpack

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A type section with one `() -> ()` and a custom section: stand-ins for
// the sections Pack must copy as they are.
var (
	typeSection   = rawSection{id: 1, body: []byte{1, 0x60, 0, 0}}
	customSection = rawSection{id: 0, body: append([]byte{4}, "note and more"...)}
)

type rawSection struct {
	id   byte
	body []byte
}

func buildModule(sections ...rawSection) []byte {
	m := bytes.Clone(header)
	for _, s := range sections {
		m = appendSection(m, s.id, s.body)
	}
	return m
}

func dataSection(segments ...segment) rawSection {
	return rawSection{id: sectionData, body: writeSegments(segments)}
}

func seg(offset uint32, data string) segment { return segment{offset: offset, data: []byte(data)} }

// dataSegments reads the data segments of a whole module, in its order.
func dataSegments(module []byte) ([]segment, error) {
	sections, err := splitSections(module)
	if err != nil {
		return nil, err
	}
	for _, s := range sections {
		if s.id == sectionData {
			return readSegments(s.body)
		}
	}
	return nil, nil
}

// image is the memory the module's data segments write, applied in order:
// its bytes other than zero, by address, as memory starts zeroed.
func image(t testing.TB, module []byte) map[uint32]byte {
	segments, err := dataSegments(module)
	require.NoError(t, err)
	memory := map[uint32]byte{}
	for _, s := range segments {
		for i, c := range s.data {
			if c == 0 {
				delete(memory, s.offset+uint32(i))
			} else {
				memory[s.offset+uint32(i)] = c
			}
		}
	}
	return memory
}

func TestPackJoinsSegmentsAcrossShortGaps(t *testing.T) {
	tests := []struct {
		name  string
		in    []segment
		after []segment
	}{
		{
			name:  "a short gap is written out as zeros",
			in:    []segment{seg(0, "ab"), seg(5, "cd")},
			after: []segment{seg(0, "ab\x00\x00\x00cd")},
		},
		{
			name:  "touching segments become one",
			in:    []segment{seg(10, "ab"), seg(12, "cd")},
			after: []segment{seg(10, "abcd")},
		},
		{
			name:  "a gap of exactly MaxGap is joined",
			in:    []segment{seg(0, "a"), seg(1+MaxGap, "b")},
			after: []segment{seg(0, "a"+strings.Repeat("\x00", MaxGap)+"b")},
		},
		{
			name:  "a longer gap keeps the segments apart",
			in:    []segment{seg(0, "a"), seg(2+MaxGap, "b")},
			after: []segment{seg(0, "a"), seg(2+MaxGap, "b")},
		},
		{
			name:  "segments out of order are sorted first, as Go's linker writes some",
			in:    []segment{seg(100, "late"), seg(0, "early"), seg(50, "mid")},
			after: []segment{seg(0, "early"+strings.Repeat("\x00", 45)+"mid"+strings.Repeat("\x00", 47)+"late")},
		},
		{
			name:  "an offset with the top bit set is an address above 2 GiB",
			in:    []segment{seg(0x8000_0000, "x"), seg(0x8000_0002, "y")},
			after: []segment{seg(0x8000_0000, "x\x00y")},
		},
		{
			name:  "empty segments join like any other",
			in:    []segment{seg(0, ""), seg(3, "z")},
			after: []segment{seg(0, "\x00\x00\x00z")},
		},
		{
			name:  "one segment stays as it is",
			in:    []segment{seg(7, "only")},
			after: []segment{seg(7, "only")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := buildModule(typeSection, dataSection(tt.in...), customSection)

			out, stats, err := Pack(in)

			require.NoError(t, err)
			assert.Equal(t, buildModule(typeSection, dataSection(tt.after...), customSection), out)
			assert.Equal(t, Stats{SegmentsBefore: len(tt.in), SegmentsAfter: len(tt.after)}, stats)
			assert.Equal(t, image(t, in), image(t, out), "the memory image changed")
		})
	}
}

func TestPackKeepsTheOtherSections(t *testing.T) {
	t.Run("a module without data is copied as it is", func(t *testing.T) {
		in := buildModule(typeSection, customSection)
		out, stats, err := Pack(in)
		require.NoError(t, err)
		assert.Equal(t, in, out)
		assert.Zero(t, stats)
	})
	t.Run("the data count section follows the new count", func(t *testing.T) {
		count := func(n uint64) rawSection {
			return rawSection{id: sectionDataCount, body: binary.AppendUvarint(nil, n)}
		}
		in := buildModule(typeSection, count(3), dataSection(seg(0, "a"), seg(2, "b"), seg(4, "c")))
		out, _, err := Pack(in)
		require.NoError(t, err)
		assert.Equal(t, buildModule(typeSection, count(1), dataSection(seg(0, "a\x00b\x00c"))), out)
	})
}

func TestPackRefusesWhatItCannotKeepTheSame(t *testing.T) {
	withData := func(body ...byte) []byte { return buildModule(rawSection{id: sectionData, body: body}) }
	tests := []struct {
		name   string
		module []byte
		err    string
	}{
		{name: "not WebAssembly", module: []byte("<!doctype html>"), err: "not a WebAssembly module"},
		{name: "another version", module: []byte{0, 'a', 's', 'm', 2, 0, 0, 0}, err: "not a WebAssembly module"},
		{name: "a section cut short", module: append(bytes.Clone(header), 1, 10, 0), err: "ends too soon"},
		{name: "a section size past 32 bits", module: append(bytes.Clone(header), 1, 0xff, 0xff, 0xff, 0xff, 0x7f), err: "too large"},
		{name: "two data sections", module: buildModule(dataSection(seg(0, "a")), dataSection(seg(9, "b"))), err: "appears twice"},
		{name: "overlapping segments", module: buildModule(dataSection(seg(0, "abcd"), seg(2, "x"))), err: "overlap at offset 2"},
		{name: "a passive segment", module: withData(1, 1, 1, 'a'), err: "kind 1"},
		{name: "a segment of another memory", module: withData(1, 2, 1, opI32Const, 0, opEnd, 1, 'a'), err: "kind 2"},
		{name: "an offset read from a global", module: withData(1, 0, 0x23, 0, opEnd, 1, 'a'), err: "not an i32.const"},
		{name: "an offset of two instructions", module: withData(1, 0, opI32Const, 0, opI32Const, 0, opEnd, 1, 'a'), err: "not a single i32.const"},
		{name: "a segment longer than its section", module: withData(1, 0, opI32Const, 0, opEnd, 5, 'a'), err: "ends too soon"},
		{name: "a segment past the end of memory", module: withData(1, 0, opI32Const, 0x7f, opEnd, 2, 'a', 'b'), err: "past the end"},
		{name: "bytes after the last segment", module: withData(1, 0, opI32Const, 0, opEnd, 1, 'a', 0xff), err: "1 bytes after"},
		{name: "more segments than the section holds", module: withData(3, 0, opI32Const, 0, opEnd, 1, 'a'), err: "data segment 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := Pack(tt.module)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
			assert.Nil(t, out)
		})
	}
}

// importSection is an import section of entries, each two names and a
// description: its kind byte and what follows it.
func importSection(entries ...Import) rawSection {
	descriptions := map[string][]byte{
		"function": {0, 5},
		"table":    {1, 0x70, 1, 1, 2},
		"memory":   {2, 5, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 2}, // 64-bit, with a maximum
		"global":   {3, 0x7f, 1},
		"tag":      {4, 0, 3},
	}
	body := binary.AppendUvarint(nil, uint64(len(entries)))
	for _, e := range entries {
		for _, s := range []string{e.Module, e.Name} {
			body = binary.AppendUvarint(body, uint64(len(s)))
			body = append(body, s...)
		}
		body = append(body, descriptions[e.Kind]...)
	}
	return rawSection{id: sectionImport, body: body}
}

func TestImportsListsEveryKind(t *testing.T) {
	want := []Import{
		{"gojs", "runtime.wasmExit", "function"},
		{"env", "table", "table"},
		{"env", "memory", "memory"},
		{"env", "g", "global"},
		{"env", "e", "tag"},
		{strings.Repeat("m", 200), "", "function"},
	}
	module := buildModule(typeSection, importSection(want...), dataSection(seg(0, "a")), customSection)

	got, err := Imports(module)

	require.NoError(t, err)
	assert.Equal(t, want, got)

	none, err := Imports(buildModule(typeSection, dataSection(seg(0, "a"))))
	require.NoError(t, err)
	assert.Empty(t, none, "a module without an import section imports nothing")
}

func TestImportsRefusesWhatItCannotRead(t *testing.T) {
	withImports := func(body ...byte) []byte { return buildModule(rawSection{id: sectionImport, body: body}) }
	tests := []struct {
		name   string
		module []byte
		err    string
	}{
		{name: "not WebAssembly", module: []byte("<!doctype html>"), err: "not a WebAssembly module"},
		{name: "another version", module: []byte{0, 'a', 's', 'm', 2, 0, 0, 0}, err: "not a WebAssembly module"},
		{name: "a section cut short", module: append(bytes.Clone(header), sectionImport, 10, 1), err: "ends too soon"},
		{name: "two import sections", module: buildModule(importSection(), importSection()), err: "section 2 appears twice"},
		{name: "an unknown kind", module: withImports(1, 1, 'm', 1, 'n', 9), err: `import 0: "m"."n" has unknown kind 0x9`},
		{name: "a name past the end", module: withImports(1, 5, 'm'), err: "import 0: the module ends too soon"},
		{name: "a description cut short", module: withImports(1, 1, 'm', 1, 'n', 2, 1, 0), err: "import 0: the module ends too soon"},
		{name: "a 64-bit limit too long", module: withImports(1, 1, 'm', 1, 'n', 2, 4, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0), err: "longer than 10 bytes"},
		{name: "more imports than the section holds", module: withImports(2, 1, 'm', 1, 'n', 0, 0), err: "import 1"},
		{name: "bytes after the last import", module: withImports(1, 1, 'm', 1, 'n', 0, 0, 0xff), err: "1 bytes after the last import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imports, err := Imports(tt.module)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
			assert.Nil(t, imports)
		})
	}
}

// Random layouts like the linker's: many small segments, most gaps short.
func TestPackKeepsTheImageOfRandomLayouts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var segments []segment
		var at uint32
		for range r.IntN(60) {
			at += uint32(r.IntN(40)) + uint32(r.IntN(2))*uint32(r.IntN(3*MaxGap))
			data := make([]byte, r.IntN(30))
			for i := range data {
				data[i] = byte(r.IntN(256))
			}
			segments = append(segments, segment{offset: at, data: data})
			at += uint32(len(data))
		}
		r.Shuffle(len(segments), func(i, j int) { segments[i], segments[j] = segments[j], segments[i] })
		in := buildModule(typeSection, dataSection(segments...))

		out, stats, err := Pack(in)

		require.NoError(t, err, "round %d", round)
		assert.Equal(t, image(t, in), image(t, out), "round %d", round)
		packed, err := dataSegments(out)
		require.NoError(t, err)
		require.Len(t, packed, stats.SegmentsAfter)
		for i := 1; i < len(packed); i++ {
			gap := int64(packed[i].offset) - int64(packed[i-1].offset) - int64(len(packed[i-1].data))
			assert.Greater(t, gap, int64(MaxGap), "round %d: segments %d and %d could have been joined", round, i-1, i)
		}
		again, _, err := Pack(out)
		require.NoError(t, err)
		assert.Equal(t, out, again, "round %d: packing twice changed the module", round)
	}
}

func FuzzPack(f *testing.F) {
	f.Add(buildModule(typeSection, dataSection(seg(0, "ab"), seg(5, "cd")), customSection))
	f.Add(buildModule(dataSection(seg(100, "late"), seg(0, "early"), seg(9000, "far"))))
	f.Add(buildModule(rawSection{id: sectionDataCount, body: []byte{2}}, dataSection(seg(1, "a"), seg(3, "b"))))
	f.Add(buildModule(dataSection(seg(0, "abcd"), seg(2, "x"))))
	f.Fuzz(func(t *testing.T, module []byte) {
		out, stats, err := Pack(module)
		if err != nil {
			return
		}
		assert.Equal(t, image(t, module), image(t, out), "the memory image changed")
		assert.LessOrEqual(t, stats.SegmentsAfter, stats.SegmentsBefore)
		again, _, err := Pack(out)
		require.NoError(t, err, "Pack refused its own output")
		assert.Equal(t, out, again, "packing twice changed the module")
	})
}
