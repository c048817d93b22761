//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/sink"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// outcomeTimeout is how long a test waits for the popup's answer; the popup's
// own timeout is 15 s.
const outcomeTimeout = 20 * time.Second

// browser opens fresh popup documents of the loaded extension.
type browser interface {
	Name() string
	// OpenPopup opens a fresh popup document with nothing kept from an
	// earlier one: storage.session is emptied first.
	OpenPopup(t *testing.T) popuppage.Page
	// ReopenPopup opens a fresh popup document, as a click on the toolbar
	// button does, keeping what storage.session holds.
	ReopenPopup(t *testing.T) popuppage.Page
	// SetOffline makes the popup see navigator.onLine false, or true again.
	SetOffline(offline bool) error
	// SetDarkMode makes the popup see prefers-color-scheme: dark, or light.
	SetDarkMode(dark bool) error
}

// Keys that press can send.
const (
	keyTab       = "Tab"
	keyShiftTab  = "Shift+Tab"
	keyEnter     = "Enter"
	keyEscape    = "Escape"
	keyArrowDown = "ArrowDown"
)

// keyboard is a page that takes real key presses, sent to the focused element.
type keyboard interface {
	Press(key string) error
}

// press sends one key press (keyTab, keyEnter, …) through the driver.
func press(t *testing.T, p popuppage.Page, key string) {
	t.Helper()
	k, ok := p.(keyboard)
	require.True(t, ok, "%T has no keyboard", p)
	require.NoError(t, k.Press(key), "pressing %s", key)
}

// keyHolder is a page that can hold a key down, as a person leaning on it
// does: the key repeats until it is released.
type keyHolder interface {
	HoldKey(key string, hold time.Duration) error
}

// holdKey holds one key (keyEnter, …) down for hold through the driver.
func holdKey(t *testing.T, p popuppage.Page, key string, hold time.Duration) {
	t.Helper()
	k, ok := p.(keyHolder)
	require.True(t, ok, "%T cannot hold a key", p)
	require.NoError(t, k.HoldKey(key, hold), "holding %s", key)
}

// openEmpty opens a popup with reopen, empties storage.session, and opens it
// again, so that no token, wait or history of an earlier case is restored.
func openEmpty(t *testing.T, reopen func(t *testing.T) popuppage.Page) popuppage.Page {
	t.Helper()
	p := reopen(t)
	require.NoError(t, await(p, `(globalThis.browser ?? globalThis.chrome).storage.session.clear().then(() => true)`, nil))
	return reopen(t)
}

// awaiter is a page that can wait for a promise's value.
type awaiter interface {
	Await(expression string, out any) error
}

// await evaluates a promise-valued expression in p and waits for its value.
func await(p popuppage.Page, expression string, out any) error {
	a, ok := p.(awaiter)
	if !ok {
		return fmt.Errorf("%T cannot wait for a promise", p)
	}
	return a.Await(expression, out)
}

// distEnv names another build folder than the repository's dist, such as
// the one `make release` builds from the source zip.
const distEnv = "ESK_DIST"

// distDir is what `make build` unpacks: exactly what ships.
func distDir(t *testing.T) string {
	t.Helper()
	dist := os.Getenv(distEnv)
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	dir, err := filepath.Abs(filepath.Join(dist, "unpacked"))
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "extension", "main.wasm"))
	require.NoError(t, err, "the packaged extension is missing: run `make build` first")
	return dir
}

// artifactsDir is where screenshots and browser logs go; git ignores it.
func artifactsDir(t *testing.T, browser string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "artifacts", "e2e", browser))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// epicSwitch serves the current fake service, so that one browser, started
// once, meets a fresh account service in every test case. It also notes how
// each request was answered, which the service's own record does not tell.
type epicSwitch struct {
	mu       sync.Mutex
	service  *fakeepic.Service
	answered []answered
	// all is every service this switch has served, for the tokens they issued.
	all []*fakeepic.Service
}

// answered is one request the current service finished handling.
type answered struct {
	Method, Path string
	// CorrelationID is the X-Epic-Correlation-ID the answer carried.
	CorrelationID string
	// Took is how long the handler ran: a request the browser aborted ends
	// early, unless a fault holds it.
	Took time.Duration
	// ClientGone is when the browser gave up on the request, counted from
	// its start; 0 when it waited for the answer.
	ClientGone time.Duration
}

func (e *epicSwitch) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	s := e.service
	e.mu.Unlock()
	start := time.Now()
	clientGone := watchClient(r.Context(), start)
	// Deferred, so that a dropped connection (which panics) is noted too.
	defer func() {
		gone := clientGone()
		a := answered{Method: r.Method, Path: r.URL.Path, CorrelationID: w.Header().Get("X-Epic-Correlation-ID"),
			Took: time.Since(start), ClientGone: gone}
		e.mu.Lock()
		if e.service == s {
			e.answered = append(e.answered, a)
		}
		e.mu.Unlock()
	}()
	s.ServeHTTP(w, r)
}

// watchClient notes when the client behind a request's ctx goes away. The
// function it returns, called once the handler is done, says how long after
// start that was, or 0 when the client waited for the answer.
func watchClient(ctx context.Context, start time.Time) func() time.Duration {
	goneAfter := make(chan time.Duration, 1)
	stop := context.AfterFunc(ctx, func() { goneAfter <- time.Since(start) })
	return func() time.Duration {
		if !stop() {
			return <-goneAfter
		}
		// ctx's Done closes before AfterFunc's function is started, so a
		// handler that stops with its client can stop that function first:
		// the client went just now.
		if ctx.Err() != nil {
			return time.Since(start)
		}
		return 0
	}
}

// fresh installs and returns a new fake service.
func (e *epicSwitch) fresh() *fakeepic.Service {
	s := fakeepic.New()
	e.mu.Lock()
	e.service = s
	e.answered = nil
	e.all = append(e.all, s)
	e.mu.Unlock()
	return s
}

// issued is every token any of the switch's services issued.
func (e *epicSwitch) issued() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var tokens []string
	for _, s := range e.all {
		tokens = append(tokens, s.Issued()...)
	}
	return tokens
}

// answers returns what the current service has answered so far.
func (e *epicSwitch) answers() []answered {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]answered(nil), e.answered...)
}

// startEpic serves a switchable fake account service over TLS on loopback.
func startEpic(t *testing.T) (*epicSwitch, *fakeepic.TLSServer) {
	t.Helper()
	sw := &epicSwitch{service: fakeepic.New()}
	srv, err := fakeepic.ServeTLS(sw, "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { srv.Close() })
	return sw, srv
}

// startSink serves a sink for every host but Epic's until the test ends.
func startSink(t *testing.T) *sink.Sink {
	t.Helper()
	sk, err := sink.Start()
	require.NoError(t, err)
	t.Cleanup(func() { sk.Close() })
	return sk
}

func waitReady(t *testing.T, p popuppage.Page) {
	t.Helper()
	require.NoError(t, popuppage.WaitReady(p, 20*time.Second))
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// saveScreenshot writes what the popup shows to the artifacts folder.
func saveScreenshot(t *testing.T, p popuppage.Page, dir, name string) string {
	t.Helper()
	png, err := p.Screenshot()
	require.NoError(t, err)
	path := filepath.Join(dir, unsafeName.ReplaceAllString(name, "_")+".png")
	require.NoError(t, os.WriteFile(path, png, 0o644))
	return path
}

// reportOnFailure logs what the popup showed and what the service received
// when the test fails.
func reportOnFailure(t *testing.T, p popuppage.Page, s *fakeepic.Service) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		t.Logf("the popup showed: %s", popuppage.Shown(p))
		reqs := s.Requests()
		t.Logf("the fake account service received %d request(s):", len(reqs))
		for _, r := range reqs {
			h, _ := json.Marshal(r.Header)
			t.Logf("  %s %s?%s %s", r.Method, r.Path, r.Query.Encode(), h)
		}
	})
}

// missing lists the wanted pieces that text lacks.
func missing(text string, want []string) []string {
	var out []string
	for _, w := range want {
		if !strings.Contains(text, w) {
			out = append(out, w)
		}
	}
	return out
}
