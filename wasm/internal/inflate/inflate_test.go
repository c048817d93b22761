package inflate

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// levels are every compress/zlib level, HuffmanOnly included.
var levels = []int{zlib.HuffmanOnly, zlib.DefaultCompression, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}

func compress(t testing.TB, data []byte, level int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, level)
	require.NoError(t, err)
	_, err = zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// refZlib is what the epic package did before this package: compress/zlib
// read through a limit, more than limit bytes being an error.
func refZlib(src []byte, limit int) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(out) > limit {
		return nil, ErrTooLarge
	}
	return out, nil
}

// samples are inputs of every shape worth compressing.
func samples() map[string][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	var words strings.Builder
	for words.Len() < 100<<10 {
		words.WriteString([]string{"account", "token", "public", "wexp", "=", "1", "2", ",", ":", "*", " "}[rng.IntN(11)])
	}
	// A chunk repeated 32 KiB later, so matches reach the window's far end.
	head, filler := random(4<<10), random(28<<10)
	far := bytes.Join([][]byte{head, filler, head, filler, head}, nil)
	return map[string][]byte{
		"empty":      {},
		"one byte":   {'x'},
		"short":      []byte("account:public:account=1,wexp:cloudstorage:system=2"),
		"words":      []byte(words.String()),
		"repetitive": bytes.Repeat([]byte("ab"), 70<<10),
		"zeros":      make([]byte, 300<<10),
		"random":     random(100 << 10),
		"far":        far,
	}
}

func TestZlibRoundTrips(t *testing.T) {
	for name, data := range samples() {
		for _, level := range levels {
			t.Run(name+"/level "+strconv.Itoa(level), func(t *testing.T) {
				z := compress(t, data, level)
				out, err := Zlib(z, len(data))
				require.NoError(t, err)
				require.True(t, bytes.Equal(data, out), "the output differs from the input")
				if len(data) > 0 {
					_, err = Zlib(z, len(data)-1)
					assert.ErrorIs(t, err, ErrTooLarge)
				}
			})
		}
	}
}

func TestZlibRefusesEveryPrefix(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("short text, short text"), bytes.Repeat([]byte("abcdefgh"), 300)} {
		for _, level := range levels {
			z := compress(t, data, level)
			for n := range len(z) {
				_, err := Zlib(z[:n], 1<<20)
				require.Error(t, err, "level %d, %d of %d bytes", level, n, len(z))
			}
		}
	}
}

func TestZlibIgnoresBytesAfterTheChecksum(t *testing.T) {
	z := append(compress(t, []byte("abc"), 9), "trailing"...)
	out, err := Zlib(z, 10)
	require.NoError(t, err)
	assert.Equal(t, "abc", string(out))
	ref, err := refZlib(z, 10)
	require.NoError(t, err)
	assert.Equal(t, ref, out)
}

func TestZlibLimit(t *testing.T) {
	bomb := compress(t, make([]byte, 10<<20), 9)
	require.Less(t, len(bomb), 20<<10)
	_, err := Zlib(bomb, 64<<10)
	require.ErrorIs(t, err, ErrTooLarge)

	empty := compress(t, nil, 9)
	for _, limit := range []int{-1, 0} {
		out, err := Zlib(empty, limit)
		require.NoError(t, err)
		assert.Empty(t, out)
		_, err = Zlib(compress(t, []byte("a"), 9), limit)
		assert.ErrorIs(t, err, ErrTooLarge)
	}
}

// header is a zlib header with CMF cmf and the flags flg, FCHECK made right.
func header(cmf, flg byte) []byte {
	flg &^= 0x1f
	flg |= byte((31 - (uint(cmf)<<8|uint(flg))%31) % 31)
	return []byte{cmf, flg}
}

func TestZlibHeader(t *testing.T) {
	body := compress(t, []byte("abc"), 6)[2:]
	for _, short := range [][]byte{nil, {0x78}} {
		_, err := Zlib(short, 10)
		assert.ErrorIs(t, err, ErrTruncated)
	}
	for _, tt := range []struct {
		name string
		head []byte
		want error
	}{
		{"method 7", header(0x77, 0x80), ErrHeader},
		{"method 15", header(0x7f, 0x80), ErrHeader},
		{"window of 64 KiB", header(0x88, 0x80), ErrHeader},
		{"window of 2^22", header(0xf8, 0x80), ErrHeader},
		{"wrong FCHECK", []byte{0x78, 0x9d}, ErrHeader},
		{"preset dictionary", header(0x78, 0xa0), ErrDictionary},
		{"smallest window", header(0x08, 0x00), nil},
		{"fastest level", header(0x78, 0x00), nil},
		{"usual", []byte{0x78, 0x9c}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := append(append([]byte{}, tt.head...), body...)
			out, err := Zlib(src, 10)
			_, refErr := refZlib(src, 10)
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
				assert.Error(t, refErr, "compress/zlib refuses it too")
				return
			}
			require.NoError(t, err)
			require.NoError(t, refErr)
			assert.Equal(t, "abc", string(out))
		})
	}
}

func TestZlibChecksum(t *testing.T) {
	z := compress(t, []byte("account:public:account=1"), 9)
	for i := 1; i <= 4; i++ {
		bad := bytes.Clone(z)
		bad[len(bad)-i] ^= 0x10
		_, err := Zlib(bad, 100)
		assert.ErrorIs(t, err, ErrChecksum)
	}
	assert.Equal(t, adler32.Checksum(nil), checksum(nil))
	for name, data := range samples() {
		assert.Equal(t, adler32.Checksum(data), checksum(data), name)
	}
}

// bitWriter writes a deflate stream: fields low bit first, Huffman codes
// high bit first.
type bitWriter struct {
	buf []byte
	acc uint64
	n   uint
}

func (w *bitWriter) bits(v uint64, n uint) *bitWriter {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
	return w
}

func (w *bitWriter) code(c uint64, n uint) *bitWriter {
	for i := n; i > 0; i-- {
		w.bits(c>>(i-1)&1, 1)
	}
	return w
}

func (w *bitWriter) bytes() []byte {
	if w.n > 0 {
		return append(w.buf, byte(w.acc))
	}
	return w.buf
}

// fixedLit writes a literal/length symbol of the fixed code.
func (w *bitWriter) fixedLit(sym int) *bitWriter {
	s := uint64(sym)
	switch {
	case sym < 144:
		return w.code(0x30+s, 8)
	case sym < 256:
		return w.code(0x190+s-144, 9)
	case sym < 280:
		return w.code(s-256, 7)
	}
	return w.code(0xc0+s-280, 8)
}

// canonical returns the codes RFC 1951 section 3.2.2 assigns to lengths.
func canonical(lengths []uint8) []uint64 {
	var count, next [16]uint64
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	for l := 1; l < 16; l++ {
		next[l] = (next[l-1] + count[l-1]) << 1
	}
	codes := make([]uint64, len(lengths))
	for s, l := range lengths {
		if l != 0 {
			codes[s] = next[l]
			next[l]++
		}
	}
	return codes
}

// dynamicBlock writes the header of a dynamic block whose code length code
// gives 0 to 15 four bits each, then each length as it is.
func (w *bitWriter) dynamicBlock(final bool, lit, dist []uint8) *bitWriter {
	f := uint64(0)
	if final {
		f = 1
	}
	w.bits(f, 1).bits(2, 2).bits(uint64(len(lit)-257), 5).bits(uint64(len(dist)-1), 5).bits(15, 4)
	for _, s := range order {
		if s < 16 {
			w.bits(4, 3)
		} else {
			w.bits(0, 3)
		}
	}
	for _, l := range append(append([]uint8{}, lit...), dist...) {
		w.code(uint64(l), 4)
	}
	return w
}

// zlibOf wraps a raw deflate stream whose output is want.
func zlibOf(deflate []byte, want string) []byte {
	z := append([]byte{0x78, 0x9c}, deflate...)
	sum := adler32.Checksum([]byte(want))
	return append(z, byte(sum>>24), byte(sum>>16), byte(sum>>8), byte(sum))
}

func lengths(n int, set map[int]uint8) []uint8 {
	l := make([]uint8, n)
	for s, v := range set {
		l[s] = v
	}
	return l
}

// errAny stands for whichever error the bytes after a stream lead to.
var errAny = errors.New("any error")

// TestZlibCraftedStreams covers what compress/zlib's writer never produces,
// and checks compress/zlib decides each case the same way.
func TestZlibCraftedStreams(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	window := make([]byte, 32<<10)
	for i := range window {
		window[i] = byte(rng.Uint32())
	}
	farMatch := func() []byte {
		// A stored block of 32 KiB, then 258 bytes copied from its start.
		w := &bitWriter{}
		w.bits(0, 1).bits(0, 2)
		n := len(window)
		w.buf = append(w.bytes(), byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		w.acc, w.n = 0, 0
		w.buf = append(w.buf, window...)
		w.bits(1, 1).bits(1, 2).fixedLit(285).code(29, 5).bits(8191, 13).fixedLit(256)
		return w.bytes()
	}
	oneBitDist := func() []byte {
		lit := lengths(257, map[int]uint8{'a': 1, 256: 2})
		lit = append(lit, 2) // 257: length 3
		dist := []uint8{1}
		lc, dc := canonical(lit), canonical(dist)
		w := (&bitWriter{}).dynamicBlock(true, lit, dist)
		w.code(lc['a'], 1).code(lc[257], 2).code(dc[0], 1).code(lc[256], 2)
		return w.bytes()
	}
	clHeader := func(hlit, hdist uint64, clens map[int]uint8) *bitWriter {
		w := (&bitWriter{}).bits(1, 1).bits(2, 2).bits(hlit, 5).bits(hdist, 5).bits(15, 4)
		for _, s := range order {
			w.bits(uint64(clens[int(s)]), 3)
		}
		return w
	}
	stored := func(n, nn uint16) []byte {
		w := (&bitWriter{}).bits(1, 1).bits(0, 2)
		return append(w.bytes(), byte(n), byte(n>>8), byte(nn), byte(nn>>8))
	}

	for _, tt := range []struct {
		name    string
		deflate []byte
		want    string
		err     error
	}{
		{name: "empty fixed block", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit(256).bytes()},
		{name: "empty stored block", deflate: stored(0, 0xffff)},
		{name: "stored block", deflate: append(stored(3, 0xfffc), "abc"...), want: "abc"},
		{name: "stored block with a wrong NLEN", deflate: append(stored(3, 0xfffd), "abc"...), err: ErrCorrupt},
		{name: "stored block shorter than LEN", deflate: append(stored(4, 0xfffb), "abc"...), err: ErrTruncated},
		{name: "blocks after a non-final one", deflate: (&bitWriter{}).bits(0, 1).bits(1, 2).fixedLit('a').fixedLit(256).
			bits(1, 1).bits(1, 2).fixedLit('b').fixedLit(256).bytes(), want: "ab"},
		{name: "overlapping copy", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit('b').
			fixedLit(264).code(1, 5).fixedLit(256).bytes(), want: "abababababab"},
		{name: "copy from 32 KiB back", deflate: farMatch(), want: string(window) + string(window[:258])},
		{name: "block type 3", deflate: (&bitWriter{}).bits(1, 1).bits(3, 2).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "fixed length symbol 286", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(286).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "fixed length symbol 287", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(287).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "fixed distance symbol 30", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(257).code(30, 5).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "distance past the start", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(257).code(1, 5).fixedLit(256).bytes(), err: ErrCorrupt},
		{name: "distance with no output", deflate: (&bitWriter{}).bits(1, 1).bits(1, 2).fixedLit(257).code(0, 5).fixedLit(256).bytes(), err: ErrCorrupt},
		{name: "no final block", deflate: (&bitWriter{}).bits(0, 1).bits(1, 2).fixedLit(256).bytes(), err: errAny},
		{name: "one-bit codes", deflate: oneBitDist(), want: "aaaa"},
		{name: "only an end-of-block code, no distance code", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{256: 1}), []uint8{0}).code(0, 1).bytes()},
		{name: "literal code over-subscribed", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{'a': 1, 'b': 1, 256: 1}), []uint8{0}).bytes(), err: ErrCorrupt},
		{name: "literal code incomplete", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{'a': 1, 256: 2}), []uint8{0}).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "single literal code of two bits", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{256: 2}), []uint8{0}).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "distance code over-subscribed", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{256: 1, 'a': 1}), []uint8{1, 1, 1}).bytes(), err: ErrCorrupt},
		{name: "distance code incomplete", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{256: 1, 'a': 1}), []uint8{1, 2}).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "no end-of-block code", deflate: (&bitWriter{}).dynamicBlock(true, lengths(257, map[int]uint8{'a': 1, 'b': 1}), []uint8{0}).bits(0, 16).bytes(), err: ErrCorrupt},
		{name: "code length code over-subscribed", deflate: clHeader(0, 0, map[int]uint8{0: 1, 1: 1, 2: 1}).bits(0, 32).bytes(), err: ErrCorrupt},
		{name: "code length code incomplete", deflate: clHeader(0, 0, map[int]uint8{0: 1, 1: 2}).bits(0, 32).bytes(), err: ErrCorrupt},
		{name: "code length code of one bit", deflate: clHeader(0, 0, map[int]uint8{1: 1}).bits(0, 400).bytes(), err: ErrCorrupt},
		{name: "repeat with no previous length", deflate: clHeader(0, 0, map[int]uint8{0: 1, 16: 1}).code(1, 1).bits(0, 300).bytes(), err: ErrCorrupt},
		{name: "repeat past the last length", deflate: clHeader(0, 0, map[int]uint8{0: 1, 18: 1}).code(1, 1).bits(127, 7).code(1, 1).bits(127, 7).bytes(), err: ErrCorrupt},
		{name: "287 literal/length codes", deflate: clHeader(30, 0, map[int]uint8{0: 1, 8: 1}).bits(0, 32).bytes(), err: ErrCorrupt},
		{name: "31 distance codes", deflate: clHeader(0, 30, map[int]uint8{0: 1, 8: 1}).bits(0, 32).bytes(), err: ErrCorrupt},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := zlibOf(tt.deflate, tt.want)
			out, err := Zlib(src, 1<<20)
			ref, refErr := refZlib(src, 1<<20)
			if tt.err != nil {
				if tt.err != errAny {
					assert.ErrorIs(t, err, tt.err)
				}
				assert.Error(t, err)
				assert.Error(t, refErr, "compress/zlib refuses it too")
				return
			}
			require.NoError(t, err)
			require.NoError(t, refErr)
			assert.Equal(t, tt.want, string(out))
			assert.Equal(t, ref, out)

			raw, end, err := inflate(tt.deflate, 0, 1<<20)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(raw))
			assert.Equal(t, len(tt.deflate), end, "the stream ends in its last byte")
			_, err = Zlib(src, len(tt.want)-1)
			if len(tt.want) > 0 {
				assert.ErrorIs(t, err, ErrTooLarge)
			}
		})
	}
}

// refInflate decodes raw deflate with compress/flate and says where it
// stopped reading.
func refInflate(src []byte, limit int) ([]byte, int, error) {
	r := bytes.NewReader(src)
	out, err := io.ReadAll(io.LimitReader(flate.NewReader(r), int64(limit)+1))
	if err != nil {
		return nil, 0, err
	}
	if len(out) > limit {
		return nil, 0, ErrTooLarge
	}
	return out, len(src) - r.Len(), nil
}

func TestInflateStopsWhereCompressFlateDoes(t *testing.T) {
	for name, data := range samples() {
		for _, level := range levels {
			z := compress(t, data, level)
			tail := append(z[2:len(z)-4:len(z)-4], "more"...)
			out, end, err := inflate(tail, 0, len(data))
			require.NoError(t, err, "%s level %d", name, level)
			require.True(t, bytes.Equal(data, out), "%s level %d", name, level)
			_, refEnd, err := refInflate(tail, len(data))
			require.NoError(t, err)
			require.Equal(t, refEnd, end, "%s level %d", name, level)
			require.Equal(t, len(z)-6, end, "%s level %d", name, level)
		}
	}
}
