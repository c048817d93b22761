package inflate

import (
	"bytes"
	"compress/zlib"
	"testing"
)

// seeds are valid streams of a few shapes at a few levels.
func seeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, data := range [][]byte{nil, []byte("a"), []byte("account:public:account=1,wexp:calendar=2,wexp:calendar=2"),
		bytes.Repeat([]byte("abc"), 200), {0, 1, 2, 3, 255, 254, 253, 128, 127}} {
		for _, level := range []int{-2, 0, 1, 6, 9} {
			out = append(out, compress(f, data, level))
		}
	}
	return out
}

// FuzzZlib holds Zlib to compress/zlib read through the same limit: each
// succeeds exactly when the other does, with the same bytes.
func FuzzZlib(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, uint16(1000))
		f.Add(s, uint16(10))
	}
	f.Fuzz(func(t *testing.T, src []byte, limit uint16) {
		out, err := Zlib(src, int(limit))
		ref, refErr := refZlib(src, int(limit))
		if (err == nil) != (refErr == nil) {
			t.Fatalf("inflate: %v, compress/zlib: %v", err, refErr)
		}
		if err == nil && !bytes.Equal(out, ref) {
			t.Fatalf("the outputs differ")
		}
	})
}

// FuzzInflate does the same for raw deflate, where no checksum hides a
// difference, and checks both stop reading at the same byte.
func FuzzInflate(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s[2:len(s)-4], uint16(1000))
	}
	f.Fuzz(func(t *testing.T, src []byte, limit uint16) {
		out, end, err := inflate(src, 0, int(limit))
		ref, refEnd, refErr := refInflate(src, int(limit))
		if (err == nil) != (refErr == nil) {
			t.Fatalf("inflate: %v, compress/flate: %v", err, refErr)
		}
		if err == nil && (!bytes.Equal(out, ref) || end != refEnd) {
			t.Fatalf("the outputs differ, or the ends: %d and %d", end, refEnd)
		}
	})
}

// FuzzZlibRoundTrip inflates what compress/zlib wrote, at any level.
func FuzzZlibRoundTrip(f *testing.F) {
	f.Add([]byte("account:public:account=1"), uint8(9))
	f.Add(bytes.Repeat([]byte{0, 1}, 1000), uint8(1))
	f.Add([]byte{}, uint8(0))
	// A writer per level, reset for each input: a new one costs 800 KB.
	var writers [12]*zlib.Writer
	f.Fuzz(func(t *testing.T, data []byte, level uint8) {
		zw := &writers[level%12]
		if *zw == nil {
			*zw, _ = zlib.NewWriterLevel(nil, int(level%12)-2)
		}
		var buf bytes.Buffer
		(*zw).Reset(&buf)
		_, _ = (*zw).Write(data)
		if err := (*zw).Close(); err != nil {
			t.Fatal(err)
		}
		z := buf.Bytes()
		out, err := Zlib(z, len(data))
		if err != nil || !bytes.Equal(out, data) {
			t.Fatalf("round trip: %v", err)
		}
		if _, err := Zlib(z, len(data)-1); len(data) > 0 && err != ErrTooLarge {
			t.Fatalf("one byte under the limit: %v", err)
		}
	})
}
