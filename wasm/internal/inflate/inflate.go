// Package inflate decodes a zlib stream (RFC 1950 around RFC 1951 deflate)
// held in memory, with a hard cap on the output. It stands in for
// compress/zlib in main.wasm, which only ever inflates one small token claim:
// compress/zlib's streaming decoder would make main.wasm some 65 KB larger.
// It follows zlib's contrib/puff/puff.c: small and strict, not fast.
//
// It accepts exactly what compress/zlib accepts (the fuzz tests hold it to
// that) except output over the cap: every malformed input is an error, never
// a panic, an out-of-range read or an endless loop.
package inflate

import "errors"

// Errors of Zlib.
var (
	ErrHeader     = errors.New("inflate: not a zlib header")
	ErrDictionary = errors.New("inflate: the stream needs a preset dictionary")
	ErrTruncated  = errors.New("inflate: the stream ends early")
	ErrCorrupt    = errors.New("inflate: invalid deflate data")
	ErrChecksum   = errors.New("inflate: the Adler-32 checksum does not match")
	ErrTooLarge   = errors.New("inflate: the output exceeds the limit")
)

// Zlib inflates the zlib stream src. More than maxOut bytes of output is
// ErrTooLarge, found before that much memory is taken, so a small bomb
// cannot expand without bound. As with compress/zlib, bytes after the
// checksum are ignored.
func Zlib(src []byte, maxOut int) ([]byte, error) {
	if len(src) < 2 {
		return nil, ErrTruncated
	}
	cmf, flg := src[0], src[1]
	// CM 8 is deflate; CINFO above 7 would be a window over 32 KiB.
	if cmf&0x0f != 8 || cmf>>4 > 7 || (uint(cmf)<<8|uint(flg))%31 != 0 {
		return nil, ErrHeader
	}
	if flg&0x20 != 0 {
		return nil, ErrDictionary
	}
	out, end, err := inflate(src, 2, maxOut)
	if err != nil {
		return nil, err
	}
	if len(src)-end < 4 {
		return nil, ErrTruncated
	}
	sum := uint32(src[end])<<24 | uint32(src[end+1])<<16 | uint32(src[end+2])<<8 | uint32(src[end+3])
	if sum != checksum(out) {
		return nil, ErrChecksum
	}
	return out, nil
}

// checksum is RFC 1950's Adler-32. 5552 bytes is the most that can be summed
// before s2 could overflow 32 bits.
func checksum(p []byte) uint32 {
	const mod, nmax = 65521, 5552
	s1, s2 := uint32(1), uint32(0)
	for len(p) > 0 {
		q := p[:min(len(p), nmax)]
		p = p[len(q):]
		for _, c := range q {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
	}
	return s2<<16 | s1
}

const (
	maxBits   = 15  // longest code
	maxLCodes = 286 // literal/length codes a dynamic block may define
	maxDCodes = 30  // distance codes a dynamic block may define
	fixLCodes = 288 // literal/length codes of the fixed code, 286 and 287 unused
)

// huffman is a canonical code as counts of codes per length and the symbols
// ordered by code, which is all canonical decoding needs.
type huffman struct {
	count  [maxBits + 1]uint16
	symbol [fixLCodes]uint16
}

type decoder struct {
	in     []byte
	pos    int    // next byte of in
	bitbuf uint32 // bits not yet used, low bit first
	bitcnt uint
	out    []byte
	max    int

	lencode, distcode huffman
}

// inflate decodes the raw deflate stream starting at src[pos]. It returns the
// output and the offset of the byte after the stream's last.
func inflate(src []byte, pos, maxOut int) ([]byte, int, error) {
	d := &decoder{in: src, pos: pos, max: max(maxOut, 0)}
	// A first guess at the output; room grows it within the cap.
	d.out = make([]byte, 0, min(d.max, 4*len(src)+64))
	for {
		// BFINAL, then BTYPE.
		head, err := d.bits(3)
		if err != nil {
			return nil, 0, err
		}
		switch head >> 1 {
		case 0:
			err = d.stored()
		case 1:
			err = d.fixed()
		case 2:
			err = d.dynamic()
		default:
			err = ErrCorrupt
		}
		if err != nil {
			return nil, 0, err
		}
		if head&1 == 1 {
			// The rest of the last byte is padding; the bit reader never
			// takes a byte it does not need.
			return d.out, d.pos, nil
		}
	}
}

// bits takes need (at most 16) bits, low bit first. It and room stay out of
// line: inlined at every call they would add 2 KB to main.wasm, and speed
// hardly matters for a claim of a few hundred bytes.
//
//go:noinline
func (d *decoder) bits(need uint) (int, error) {
	val := d.bitbuf
	for d.bitcnt < need {
		if d.pos >= len(d.in) {
			return 0, ErrTruncated
		}
		val |= uint32(d.in[d.pos]) << d.bitcnt
		d.pos++
		d.bitcnt += 8
	}
	d.bitbuf = val >> need
	d.bitcnt -= need
	return int(val & (1<<need - 1)), nil
}

// room makes space for n more output bytes, never past the cap.
//
//go:noinline
func (d *decoder) room(n int) error {
	if n > d.max-len(d.out) {
		return ErrTooLarge
	}
	if n > cap(d.out)-len(d.out) {
		grown := make([]byte, len(d.out), min(d.max, 2*cap(d.out)+n))
		copy(grown, d.out)
		d.out = grown
	}
	return nil
}

// stored copies a block kept as it is: from the next byte boundary, LEN,
// its ones' complement NLEN, and LEN bytes.
func (d *decoder) stored() error {
	d.bitbuf, d.bitcnt = 0, 0
	if len(d.in)-d.pos < 4 {
		return ErrTruncated
	}
	n := int(d.in[d.pos]) | int(d.in[d.pos+1])<<8
	if d.in[d.pos+2] != ^byte(n) || d.in[d.pos+3] != ^byte(n>>8) {
		return ErrCorrupt
	}
	d.pos += 4
	if len(d.in)-d.pos < n {
		return ErrTruncated
	}
	if err := d.room(n); err != nil {
		return err
	}
	d.out = append(d.out, d.in[d.pos:d.pos+n]...)
	d.pos += n
	return nil
}

// decode reads one symbol of h, a bit at a time: codes of each length are
// consecutive integers, so the code read so far either falls among those of
// its length or the next length is tried.
func (d *decoder) decode(h *huffman) (int, error) {
	code, first, index := 0, 0, 0
	for l := 1; l <= maxBits; l++ {
		b, err := d.bits(1)
		if err != nil {
			return 0, err
		}
		code |= b
		count := int(h.count[l])
		if code-count < first {
			return int(h.symbol[index+code-first]), nil
		}
		index += count
		first = (first + count) << 1
		code <<= 1
	}
	// A bit pattern an incomplete code leaves unused.
	return 0, ErrCorrupt
}

// construct builds h from the code length of each symbol. It returns 0 for
// a complete code (or none at all), a negative number for an over-subscribed
// code and a positive one for an incomplete code, which only some codes may be.
func (h *huffman) construct(length []uint8) int {
	h.count = [maxBits + 1]uint16{}
	for _, l := range length {
		h.count[l]++
	}
	if int(h.count[0]) == len(length) {
		return 0
	}
	left := 1
	for l := 1; l <= maxBits; l++ {
		left = left<<1 - int(h.count[l])
		if left < 0 {
			return left
		}
	}
	var offs [maxBits + 1]uint16
	for l := 1; l < maxBits; l++ {
		offs[l+1] = offs[l] + h.count[l]
	}
	for sym, l := range length {
		if l != 0 {
			h.symbol[offs[l]] = uint16(sym)
			offs[l]++
		}
	}
	return left
}

// Base lengths and distances of the length and distance symbols, and how
// many extra bits follow each (RFC 1951 section 3.2.5).
var (
	lbase = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lext  = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	dbase = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	dext  = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// codes decodes literals and back-references up to the end-of-block symbol.
func (d *decoder) codes() error {
	for {
		sym, err := d.decode(&d.lencode)
		if err != nil {
			return err
		}
		if sym < 256 {
			if err := d.room(1); err != nil {
				return err
			}
			d.out = append(d.out, byte(sym))
			continue
		}
		if sym == 256 {
			return nil
		}
		sym -= 257
		if sym >= len(lbase) {
			return ErrCorrupt // 286 or 287 of the fixed code
		}
		extra, err := d.bits(uint(lext[sym]))
		if err != nil {
			return err
		}
		n := int(lbase[sym]) + extra
		if sym, err = d.decode(&d.distcode); err != nil {
			return err
		}
		if sym >= len(dbase) {
			return ErrCorrupt // 30 or 31, which no code here assigns
		}
		if extra, err = d.bits(uint(dext[sym])); err != nil {
			return err
		}
		dist := int(dbase[sym]) + extra
		if dist > len(d.out) {
			return ErrCorrupt // before the start of the output
		}
		if err := d.room(n); err != nil {
			return err
		}
		// Byte by byte: the copy may overlap what it writes.
		from := len(d.out) - dist
		for i := range n {
			d.out = append(d.out, d.out[from+i])
		}
	}
}

// fixed decodes a block of the code RFC 1951 section 3.2.6 defines.
func (d *decoder) fixed() error {
	var length [fixLCodes]uint8
	for i := range length {
		switch {
		case i < 144:
			length[i] = 8
		case i < 256:
			length[i] = 9
		case i < 280:
			length[i] = 7
		default:
			length[i] = 8
		}
	}
	d.lencode.construct(length[:])
	for i := range maxDCodes {
		length[i] = 5
	}
	d.distcode.construct(length[:maxDCodes])
	return d.codes()
}

// order is the order of the code length code's lengths in a dynamic block.
var order = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamic decodes a block that first describes its own codes.
func (d *decoder) dynamic() error {
	var v [3]int
	for i, n := range [3]uint{5, 5, 4} {
		b, err := d.bits(n)
		if err != nil {
			return err
		}
		v[i] = b
	}
	nlen, ndist, ncode := v[0]+257, v[1]+1, v[2]+4
	if nlen > maxLCodes || ndist > maxDCodes {
		return ErrCorrupt
	}
	var length [maxLCodes + maxDCodes]uint8
	for i := range ncode {
		b, err := d.bits(3)
		if err != nil {
			return err
		}
		length[order[i]] = uint8(b)
	}
	// The code length code must be complete.
	if d.lencode.construct(length[:19]) != 0 {
		return ErrCorrupt
	}
	for i := 0; i < nlen+ndist; {
		sym, err := d.decode(&d.lencode)
		if err != nil {
			return err
		}
		if sym < 16 {
			length[i] = uint8(sym)
			i++
			continue
		}
		var l uint8 // the length repeated: the previous one for 16, else 0
		var base, nb int
		switch sym {
		case 16:
			if i == 0 {
				return ErrCorrupt
			}
			l, base, nb = length[i-1], 3, 2
		case 17:
			base, nb = 3, 3
		default:
			base, nb = 11, 7
		}
		extra, err := d.bits(uint(nb))
		if err != nil {
			return err
		}
		rep := base + extra
		if rep > nlen+ndist-i {
			return ErrCorrupt
		}
		for ; rep > 0; rep-- {
			length[i] = l
			i++
		}
	}
	// Without an end-of-block code the block could not end.
	if length[256] == 0 {
		return ErrCorrupt
	}
	// Incomplete codes are refused but for a single code of one bit, which
	// zlib and compress/flate accept; a distance code may also be empty.
	if err := d.lencode.construct(length[:nlen]); err < 0 || (err > 0 && nlen != int(d.lencode.count[0]+d.lencode.count[1])) {
		return ErrCorrupt
	}
	if err := d.distcode.construct(length[nlen : nlen+ndist]); err < 0 || (err > 0 && ndist != int(d.distcode.count[0]+d.distcode.count[1])) {
		return ErrCorrupt
	}
	return d.codes()
}
