//go:build !js

package e2e

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// slowNews is a request context whose Done closes when leave is called but
// whose AfterFunc functions only start when deliver is called: the moment a
// handler can see its client gone before AfterFunc has heard of it.
type slowNews struct {
	context.Context
	done chan struct{}
	once sync.Once
	mu   sync.Mutex
	fs   []func()
}

func newSlowNews() *slowNews {
	return &slowNews{Context: context.Background(), done: make(chan struct{})}
}

func (c *slowNews) Done() <-chan struct{} { return c.done }

func (c *slowNews) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

// AfterFunc is what context.AfterFunc uses on a parent that has one.
func (c *slowNews) AfterFunc(f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fs = append(c.fs, f)
	return func() bool { return true }
}

func (c *slowNews) leave() { c.once.Do(func() { close(c.done) }) }

func (c *slowNews) deliver() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range c.fs {
		f()
	}
}

func TestWatchClientSaysWhenTheClientWent(t *testing.T) {
	// The request started a second ago, so a client that went reads as
	// at least that long.
	const age = time.Second
	tests := []struct {
		name string
		// handle plays the request: it returns ctx and ends the handler with
		// what ends it.
		handle   func(watch func(context.Context) func() time.Duration) time.Duration
		wantGone bool
	}{
		{"the client waits for the answer", func(watch func(context.Context) func() time.Duration) time.Duration {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			return watch(ctx)()
		}, false},
		{"the client goes while a fault holds the handler", func(watch func(context.Context) func() time.Duration) time.Duration {
			ctx, cancel := context.WithCancel(context.Background())
			gone := watch(ctx)
			cancel()
			time.Sleep(50 * time.Millisecond)
			return gone()
		}, true},
		{"the handler stops with its client before AfterFunc hears of it", func(watch func(context.Context) func() time.Duration) time.Duration {
			ctx := newSlowNews()
			gone := watch(ctx)
			ctx.leave()
			<-ctx.Done()
			took := gone()
			ctx.deliver()
			return took
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now().Add(-age)
			gone := tt.handle(func(ctx context.Context) func() time.Duration { return watchClient(ctx, start) })
			if tt.wantGone {
				assert.GreaterOrEqual(t, gone, age, "the client's going was not noted")
			} else {
				assert.Zero(t, gone, "a client that waited was taken for gone")
			}
		})
	}
}
