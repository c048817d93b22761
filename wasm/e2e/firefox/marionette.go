//go:build !js

// Package firefox drives a headless Firefox through Marionette, the remote
// protocol built into Firefox, so end-to-end tests need no geckodriver.
package firefox

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// webElementKey is the W3C WebDriver key that marks a JSON object as an element reference.
const webElementKey = "element-6066-11e4-a52e-4f735466cecf"

// maxFrameSize rejects absurd length prefixes before allocating; screenshots stay far below it.
const maxFrameSize = 256 << 20

// Client is a Marionette connection. Calls are serialised: Marionette answers
// on one ordered stream, so only one command is in flight at a time.
type Client struct {
	conn net.Conn

	mu     sync.Mutex
	r      *bufio.Reader
	lastID uint64
	// broken is set once the stream has lost frame alignment; every later call fails with it.
	broken error

	closed    atomic.Bool
	closeOnce sync.Once
	closeErr  error
}

// Error is an error reported by Marionette for a command.
type Error struct {
	Command    string
	Code       string // the WebDriver error code, e.g. "no such element"
	Message    string
	Stacktrace string
}

func (e *Error) Error() string {
	return fmt.Sprintf("marionette %s: %s: %s", e.Command, e.Code, e.Message)
}

// Element is a Marionette element reference.
type Element string

// Dial connects to a Marionette server at addr (host:port) and reads its hello.
func Dial(ctx context.Context, addr string) (*Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("marionette: dial %s: %w", addr, err)
	}
	c, err := NewClient(ctx, conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

// NewClient speaks Marionette over an established connection and reads its hello.
// The client owns conn from then on.
func NewClient(ctx context.Context, conn net.Conn) (*Client, error) {
	c := &Client{conn: conn, r: bufio.NewReader(conn)}
	stop := c.interruptOn(ctx)
	defer stop()
	frame, err := c.readFrame()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("marionette: reading hello: %w", err)
	}
	var hello struct {
		ApplicationType    string `json:"applicationType"`
		MarionetteProtocol int    `json:"marionetteProtocol"`
	}
	if err := json.Unmarshal(frame, &hello); err != nil {
		return nil, fmt.Errorf("marionette: malformed hello %.200q: %w", frame, err)
	}
	if hello.MarionetteProtocol != 3 {
		return nil, fmt.Errorf("marionette: unsupported protocol version %d in hello %.200q (want 3)", hello.MarionetteProtocol, frame)
	}
	return c, nil
}

// Close closes the connection; a call in progress returns an error.
func (c *Client) Close() error {
	c.closeOnce.Do(func() {
		c.closed.Store(true)
		c.closeErr = c.conn.Close()
	})
	return c.closeErr
}

// Call sends command name with params and returns its result. A Marionette
// error becomes *Error; if ctx ends first, Call returns ctx.Err().
func (c *Client) Call(ctx context.Context, name string, params any) (json.RawMessage, error) {
	if params == nil {
		// Marionette expects an object, never null.
		params = struct{}{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed.Load() {
		return nil, fmt.Errorf("marionette %s: %w", name, net.ErrClosed)
	}
	if c.broken != nil {
		return nil, c.broken
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.lastID++
	id := c.lastID
	command, err := json.Marshal([]any{0, id, name, params})
	if err != nil {
		return nil, fmt.Errorf("marionette %s: encoding params: %w", name, err)
	}

	stop := c.interruptOn(ctx)
	defer stop()
	result, err := c.roundTrip(id, name, command)
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return result, err
}

func (c *Client) roundTrip(id uint64, name string, command []byte) (json.RawMessage, error) {
	frame := append(strconv.AppendInt(nil, int64(len(command)), 10), ':')
	frame = append(frame, command...)
	if n, err := c.conn.Write(frame); err != nil {
		if n > 0 {
			c.broken = fmt.Errorf("marionette: connection unusable after a partial write: %w", err)
		}
		return nil, fmt.Errorf("marionette %s: write: %w", name, err)
	}
	for {
		reply, err := c.readFrame()
		if err != nil {
			return nil, fmt.Errorf("marionette %s: read: %w", name, err)
		}
		result, done, err := decodeReply(reply, id, name)
		if done || err != nil {
			return result, err
		}
	}
}

// decodeReply reports done=false for frames that are not the reply to id,
// such as a late reply to a call whose context ended.
func decodeReply(frame []byte, id uint64, name string) (result json.RawMessage, done bool, err error) {
	var msg []json.RawMessage
	if err := json.Unmarshal(frame, &msg); err != nil || len(msg) != 4 {
		return nil, true, fmt.Errorf("marionette %s: malformed reply %.200q", name, frame)
	}
	var kind int
	var replyID uint64
	if json.Unmarshal(msg[0], &kind) != nil || json.Unmarshal(msg[1], &replyID) != nil {
		return nil, true, fmt.Errorf("marionette %s: malformed reply %.200q", name, frame)
	}
	if kind != 1 || replyID != id {
		return nil, false, nil
	}
	if string(msg[2]) != "null" {
		var e struct {
			Error      string `json:"error"`
			Message    string `json:"message"`
			Stacktrace string `json:"stacktrace"`
		}
		if json.Unmarshal(msg[2], &e) != nil || e.Error == "" {
			return nil, true, fmt.Errorf("marionette %s: malformed error %.200q", name, msg[2])
		}
		return nil, true, &Error{Command: name, Code: e.Error, Message: e.Message, Stacktrace: e.Stacktrace}
	}
	return msg[3], true, nil
}

// readFrame reads one "<len>:<json>" frame.
func (c *Client) readFrame() ([]byte, error) {
	// Waiting for a frame to start is interruptible without harm: the stream
	// stays at a frame boundary, so the client remains usable afterwards.
	if _, err := c.r.Peek(1); err != nil {
		return nil, err
	}
	frame, err := c.readFrameBody()
	if err != nil {
		c.broken = fmt.Errorf("marionette: connection unusable after a broken frame: %w", err)
	}
	return frame, err
}

func (c *Client) readFrameBody() ([]byte, error) {
	size := 0
	for digits := 0; ; digits++ {
		b, err := c.r.ReadByte()
		if err != nil {
			return nil, err
		}
		if b == ':' && digits > 0 {
			break
		}
		if b < '0' || b > '9' {
			return nil, fmt.Errorf("malformed frame: unexpected %q in length prefix", b)
		}
		size = size*10 + int(b-'0')
		if size > maxFrameSize {
			return nil, fmt.Errorf("malformed frame: length exceeds %d bytes", maxFrameSize)
		}
	}
	frame := make([]byte, size)
	if _, err := io.ReadFull(c.r, frame); err != nil {
		return nil, err
	}
	return frame, nil
}

// interruptOn makes blocked reads and writes on the connection fail once ctx
// ends. The returned stop must be called before the next use of the connection.
func (c *Client) interruptOn(ctx context.Context) (stop func()) {
	fired := make(chan struct{})
	stopAfter := context.AfterFunc(ctx, func() {
		defer close(fired)
		c.conn.SetDeadline(time.Unix(1, 0))
	})
	return func() {
		if !stopAfter() {
			<-fired
			c.conn.SetDeadline(time.Time{})
		}
	}
}

// callValue calls name and decodes the "value" member of its result into out (out may be nil).
func (c *Client) callValue(ctx context.Context, name string, params, out any) error {
	result, err := c.Call(ctx, name, params)
	if err != nil || out == nil {
		return err
	}
	var wrapped struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(result, &wrapped); err != nil {
		return fmt.Errorf("marionette %s: unexpected result %.200q: %w", name, result, err)
	}
	if wrapped.Value == nil {
		wrapped.Value = json.RawMessage("null")
	}
	if err := json.Unmarshal(wrapped.Value, out); err != nil {
		return fmt.Errorf("marionette %s: decoding value %.200q: %w", name, wrapped.Value, err)
	}
	return nil
}

// NewSession starts a WebDriver session.
func (c *Client) NewSession(ctx context.Context, acceptInsecureCerts bool) error {
	// Capabilities go flat: Marionette silently ignores the W3C
	// {"capabilities":{"alwaysMatch":…}} shape.
	_, err := c.Call(ctx, "WebDriver:NewSession", map[string]any{"acceptInsecureCerts": acceptInsecureCerts})
	return err
}

// InstallAddon installs the unpacked extension directory (temporary) or .xpi at path
// and returns the add-on id.
func (c *Client) InstallAddon(ctx context.Context, path string, temporary bool) (id string, err error) {
	// Firefox resolves paths itself and rejects relative ones.
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	err = c.callValue(ctx, "Addon:Install", map[string]any{"path": abs, "temporary": temporary}, &id)
	return id, err
}

// Navigate loads url in the current tab and waits for the page load.
func (c *Client) Navigate(ctx context.Context, url string) error {
	_, err := c.Call(ctx, "WebDriver:Navigate", map[string]any{"url": url})
	return err
}

// Execute runs script as a function body (it returns with `return`) in the
// page and decodes its return value into out (out may be nil).
func (c *Client) Execute(ctx context.Context, script string, args []any, out any) error {
	if args == nil {
		args = []any{}
	}
	return c.callValue(ctx, "WebDriver:ExecuteScript", map[string]any{"script": script, "args": args}, out)
}

// Find returns the first element matching the CSS selector.
func (c *Client) Find(ctx context.Context, css string) (Element, error) {
	var ref map[string]string
	if err := c.callValue(ctx, "WebDriver:FindElement", map[string]any{"using": "css selector", "value": css}, &ref); err != nil {
		return "", err
	}
	id := ref[webElementKey]
	if id == "" {
		return "", fmt.Errorf("marionette WebDriver:FindElement %q: no element reference in %v", css, ref)
	}
	return Element(id), nil
}

// Click clicks the element's centre after scrolling it into view.
func (c *Client) Click(ctx context.Context, e Element) error {
	_, err := c.Call(ctx, "WebDriver:ElementClick", map[string]any{"id": string(e)})
	return err
}

// SendKeys focuses the element and types text into it.
func (c *Client) SendKeys(ctx context.Context, e Element, text string) error {
	_, err := c.Call(ctx, "WebDriver:ElementSendKeys", map[string]any{"id": string(e), "text": text})
	return err
}

// Clear empties an editable element.
func (c *Client) Clear(ctx context.Context, e Element) error {
	_, err := c.Call(ctx, "WebDriver:ElementClear", map[string]any{"id": string(e)})
	return err
}

// DoubleClick double-clicks the element's centre with real pointer input, so
// the page sees two clicks followed by one dblclick.
func (c *Client) DoubleClick(ctx context.Context, e Element) error {
	press := []map[string]any{
		{"type": "pointerDown", "button": 0},
		{"type": "pointerUp", "button": 0},
	}
	steps := []map[string]any{{
		"type": "pointerMove", "duration": 0, "x": 0, "y": 0,
		"origin": map[string]string{webElementKey: string(e)},
	}}
	steps = append(steps, press...)
	steps = append(steps, press...)
	actions := []map[string]any{{
		"type":       "pointer",
		"id":         "mouse",
		"parameters": map[string]any{"pointerType": "mouse"},
		"actions":    steps,
	}}
	_, err := c.Call(ctx, "WebDriver:PerformActions", map[string]any{"actions": actions})
	// Release even after a failure, so no button stays pressed for the next action.
	_, releaseErr := c.Call(ctx, "WebDriver:ReleaseActions", nil)
	return errors.Join(err, releaseErr)
}

// Screenshot returns a PNG of the current viewport.
func (c *Client) Screenshot(ctx context.Context) ([]byte, error) {
	var encoded string
	if err := c.callValue(ctx, "WebDriver:TakeScreenshot", map[string]any{"full": false}, &encoded); err != nil {
		return nil, err
	}
	png, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		return nil, fmt.Errorf("marionette WebDriver:TakeScreenshot: decoding base64: %w", err)
	}
	return png, nil
}

// SetWindowSize resizes the browser window to w×h CSS pixels.
func (c *Client) SetWindowSize(ctx context.Context, w, h int) error {
	_, err := c.Call(ctx, "WebDriver:SetWindowRect", map[string]any{"width": w, "height": h})
	return err
}

// WebDriver key codes for PressKey.
const (
	KeyTab       = "\uE004"
	KeyEnter     = "\uE007"
	KeyEscape    = "\uE00C"
	KeyArrowDown = "\uE015"
	KeyShift     = "\uE008"
)

// PressKey presses and releases one key with real keyboard input, sent to
// whatever has the focus, as a person's key press is; modifiers (such as
// KeyShift) are held down around it.
func (c *Client) PressKey(ctx context.Context, key string, modifiers ...string) error {
	var steps []map[string]any
	for _, m := range modifiers {
		steps = append(steps, map[string]any{"type": "keyDown", "value": m})
	}
	steps = append(steps, map[string]any{"type": "keyDown", "value": key}, map[string]any{"type": "keyUp", "value": key})
	for _, m := range modifiers {
		steps = append(steps, map[string]any{"type": "keyUp", "value": m})
	}
	return c.performKeys(ctx, steps)
}

// A held key repeats as a keyboard's does: first after RepeatDelay, then
// every RepeatEvery.
const (
	RepeatDelay = 500 * time.Millisecond
	RepeatEvery = 50 * time.Millisecond
)

// HoldKey presses one key and holds it down for hold before releasing it,
// with real keyboard input sent to whatever has the focus. Meanwhile the key
// repeats as a keyboard repeats it: WebDriver sends a keyDown of a key
// already down as a repeat (KeyboardEvent.repeat), and pauses space them.
func (c *Client) HoldKey(ctx context.Context, key string, hold time.Duration) error {
	steps := []map[string]any{{"type": "keyDown", "value": key}}
	last := time.Duration(0)
	for at := RepeatDelay; at < hold; at += RepeatEvery {
		steps = append(steps,
			map[string]any{"type": "pause", "duration": (at - last).Milliseconds()},
			map[string]any{"type": "keyDown", "value": key})
		last = at
	}
	steps = append(steps,
		map[string]any{"type": "pause", "duration": (hold - last).Milliseconds()},
		map[string]any{"type": "keyUp", "value": key})
	return c.performKeys(ctx, steps)
}

// performKeys runs steps as the keyboard's actions, then releases every key.
func (c *Client) performKeys(ctx context.Context, steps []map[string]any) error {
	actions := []map[string]any{{
		"type":    "key",
		"id":      "keyboard",
		"actions": steps,
	}}
	_, err := c.Call(ctx, "WebDriver:PerformActions", map[string]any{"actions": actions})
	_, releaseErr := c.Call(ctx, "WebDriver:ReleaseActions", nil)
	return errors.Join(err, releaseErr)
}

// SetContext switches later commands to the browser's own window ("chrome")
// or to the web page ("content").
func (c *Client) SetContext(ctx context.Context, context string) error {
	_, err := c.Call(ctx, "Marionette:SetContext", map[string]any{"value": context})
	return err
}
