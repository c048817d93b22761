// Package epictest hands prepared answers to an epic.Client, for tests that
// feed it answers no server would give.
package epictest

import (
	"bytes"
	"io"
	"net/http"
)

// RepeatedBody is a response body of some bytes repeated many times. It is
// read without holding every copy, so that bodies far over the client's
// limit cost nothing, and it counts what was read.
type RepeatedBody struct {
	block []byte
	// Size is the whole body's length; BytesRead how much of it was read.
	Size, BytesRead int
	Closed          bool
}

// NewRepeatedBody is data, times over.
func NewRepeatedBody(data []byte, times int) *RepeatedBody {
	block := data
	if len(data) > 0 {
		// A short body copies in few large pieces.
		block = bytes.Repeat(data, min(times, max(1, 4096/len(data))))
	}
	return &RepeatedBody{block: block, Size: len(data) * times}
}

func (b *RepeatedBody) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && b.BytesRead < b.Size {
		i := b.BytesRead % len(b.block)
		c := copy(p[n:], b.block[i:min(len(b.block), i+b.Size-b.BytesRead)])
		n += c
		b.BytesRead += c
	}
	if n == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (b *RepeatedBody) Close() error {
	b.Closed = true
	return nil
}

// Doer hands back one prepared answer to every request and counts them.
type Doer struct {
	Answer *http.Response
	Calls  int
}

func (d *Doer) Do(*http.Request) (*http.Response, error) {
	d.Calls++
	return d.Answer, nil
}
