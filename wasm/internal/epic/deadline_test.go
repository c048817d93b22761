//go:build !js

package epic

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// trickle is a body as a fetch transport hands it over once the headers are
// in: it takes no context, sends a byte every `every` (never, when zero),
// and only Close ends a read that waits.
type trickle struct {
	every  time.Duration
	closed chan struct{}
	once   sync.Once
}

func newTrickle(every time.Duration) *trickle {
	return &trickle{every: every, closed: make(chan struct{})}
}

func (b *trickle) Read(p []byte) (int, error) {
	var next <-chan time.Time
	if b.every > 0 {
		next = time.After(b.every)
	}
	select {
	case <-next:
		p[0] = ' '
		return 1, nil
	case <-b.closed:
		return 0, errors.New("the stream was cancelled")
	}
}

func (b *trickle) Close() error {
	b.once.Do(func() { close(b.closed) })
	return nil
}

func (b *trickle) isClosed() bool {
	select {
	case <-b.closed:
		return true
	default:
		return false
	}
}

// TestTheDeadlineCoversTheWholeAnswer: headers in time and then a body that
// drips or stalls end at the deadline, as a timeout, with the body's stream
// cancelled, for each request the popup makes.
func TestTheDeadlineCoversTheWholeAnswer(t *testing.T) {
	const deadline = 100 * time.Millisecond
	requests := []struct {
		name string
		call func(c *Client, ctx context.Context) error
	}{
		{"kill", func(c *Client, ctx context.Context) error { return c.Kill(ctx, testToken, "OTHERS") }},
		{"single-session kill", func(c *Client, ctx context.Context) error { return c.KillSession(ctx, testToken) }},
		{"verify", func(c *Client, ctx context.Context) error { _, err := c.Verify(ctx, testToken); return err }},
		{"device auth list", func(c *Client, ctx context.Context) error {
			_, err := c.DeviceAuths(ctx, testToken, testAccountID)
			return err
		}},
		{"device auth delete", func(c *Client, ctx context.Context) error {
			return c.DeleteDeviceAuth(ctx, testToken, testAccountID, testDeviceID)
		}},
	}
	answers := []struct {
		name   string
		status int
		every  time.Duration
	}{
		{"403, then a byte every 20 ms", http.StatusForbidden, 20 * time.Millisecond},
		{"403, then no body", http.StatusForbidden, 0},
		{"200, then no body", http.StatusOK, 0},
		{"200, then a byte every 20 ms", http.StatusOK, 20 * time.Millisecond},
	}
	for _, rq := range requests {
		for _, a := range answers {
			t.Run(rq.name+"/"+a.name, func(t *testing.T) {
				body := newTrickle(a.every)
				c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
					return &http.Response{StatusCode: a.status, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}, nil
				})}
				ctx, cancel := context.WithTimeout(context.Background(), deadline)
				defer cancel()

				done := make(chan error, 1)
				start := time.Now()
				go func() { done <- rq.call(c, ctx) }()
				var err error
				select {
				case err = <-done:
				case <-time.After(deadline + 2*time.Second):
					t.Fatalf("still reading the answer 2 s after the deadline")
				}

				var transport *TransportError
				require.ErrorAs(t, err, &transport)
				assert.ErrorIs(t, err, context.DeadlineExceeded)
				assert.Less(t, time.Since(start), deadline+time.Second)
				assert.True(t, body.isClosed(), "the body's stream was not cancelled")
				assert.NotContains(t, err.Error(), testToken)
			})
		}
	}
}

// TestABodyInTimeIsReadWhole: the deadline does not cut a body that ends
// before it.
func TestABodyInTimeIsReadWhole(t *testing.T) {
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 403, Header: http.Header{}, Body: io.NopCloser(&slowReader{text: bodyMissingPermission})}, nil
	})}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	err := c.Kill(ctx, testToken, "ALL")

	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "errors.com.epicgames.common.missing_permission", apiErr.ErrorCode)
}

// slowReader gives its text a few bytes at a time, each after a pause.
type slowReader struct{ text string }

func (r *slowReader) Read(p []byte) (int, error) {
	if r.text == "" {
		return 0, io.EOF
	}
	time.Sleep(time.Millisecond)
	n := copy(p[:min(len(p), 16)], r.text)
	r.text = r.text[n:]
	return n, nil
}
