//go:build !js

package firefox

import (
	"bufio"
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hello = `{"applicationType":"gecko","marionetteProtocol":3}`

// frame wraps a JSON text in Marionette's "<len>:<json>" framing.
func frame(s string) string { return strconv.Itoa(len(s)) + ":" + s }

// reply builds the frame answering command id with a result.
func reply(id uint64, result string) string {
	return frame(fmt.Sprintf(`[1,%d,null,%s]`, id, result))
}

type fakeCommand struct {
	Raw    string // the whole frame as received
	ID     uint64
	Name   string
	Params json.RawMessage
}

// serveFake runs a fake Marionette on one end of a pipe: it sends greeting,
// then writes whatever respond returns for each command (nothing: no reply).
// It returns the other end and the commands received, in order.
func serveFake(t *testing.T, greeting string, respond func(fakeCommand) string) (net.Conn, <-chan fakeCommand) {
	t.Helper()
	server, client := net.Pipe()
	received := make(chan fakeCommand, 64)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(received)
		if _, err := io.WriteString(server, greeting); err != nil {
			return
		}
		r := bufio.NewReader(server)
		for {
			cmd, err := readFakeCommand(r)
			if err != nil {
				return
			}
			received <- cmd
			if out := respond(cmd); out != "" {
				if _, err := io.WriteString(server, out); err != nil {
					return
				}
			}
		}
	})
	t.Cleanup(func() {
		client.Close()
		server.Close()
		wg.Wait()
	})
	return client, received
}

func readFakeCommand(r *bufio.Reader) (fakeCommand, error) {
	prefix, err := r.ReadString(':')
	if err != nil {
		return fakeCommand{}, err
	}
	size, err := strconv.Atoi(strings.TrimSuffix(prefix, ":"))
	if err != nil {
		return fakeCommand{}, err
	}
	body := make([]byte, size)
	if _, err := io.ReadFull(r, body); err != nil {
		return fakeCommand{}, err
	}
	var msg [4]json.RawMessage
	if err := json.Unmarshal(body, &msg); err != nil {
		return fakeCommand{}, err
	}
	cmd := fakeCommand{Raw: prefix + string(body), Params: msg[3]}
	if err := json.Unmarshal(msg[1], &cmd.ID); err != nil {
		return fakeCommand{}, err
	}
	if err := json.Unmarshal(msg[2], &cmd.Name); err != nil {
		return fakeCommand{}, err
	}
	return cmd, nil
}

func connectFake(t *testing.T, respond func(fakeCommand) string) (*Client, <-chan fakeCommand) {
	t.Helper()
	conn, received := serveFake(t, frame(hello), respond)
	c, err := NewClient(t.Context(), conn)
	require.NoError(t, err)
	return c, received
}

func TestNewClientReadsHello(t *testing.T) {
	cases := []struct {
		name     string
		greeting string
		timeout  time.Duration
		wantErr  string
	}{
		{name: "gecko protocol 3", greeting: frame(hello)},
		{name: "unsupported protocol", greeting: frame(`{"applicationType":"gecko","marionetteProtocol":2}`), wantErr: "unsupported protocol version 2"},
		{name: "hello is not JSON", greeting: frame(`hello`), wantErr: "malformed hello"},
		{name: "length prefix is not a number", greeting: "abc:" + hello, wantErr: "malformed frame"},
		{name: "no hello before the deadline", greeting: "", timeout: 50 * time.Millisecond, wantErr: context.DeadlineExceeded.Error()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			conn, _ := serveFake(t, tc.greeting, func(fakeCommand) string { return "" })
			ctx := t.Context()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			_, err := NewClient(ctx, conn)
			if tc.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}

func TestDialOverLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		io.WriteString(conn, frame(hello))
		r := bufio.NewReader(conn)
		if cmd, err := readFakeCommand(r); err == nil {
			io.WriteString(conn, reply(cmd.ID, `{"value":"pong"}`))
		}
	}()

	c, err := Dial(t.Context(), ln.Addr().String())
	require.NoError(t, err)
	defer c.Close()
	var got string
	require.NoError(t, c.Execute(t.Context(), "return 'pong'", nil, &got))
	assert.Equal(t, "pong", got)
}

func TestCallFramesRequestsWithIncreasingIDs(t *testing.T) {
	calls := []struct {
		name      string
		params    any
		wantFrame string
	}{
		{name: "WebDriver:Navigate", params: map[string]any{"url": "https://example.org/"}, wantFrame: frame(`[0,1,"WebDriver:Navigate",{"url":"https://example.org/"}]`)},
		// The length counts bytes, not characters.
		{name: "WebDriver:ElementSendKeys", params: map[string]any{"id": "e1", "text": "héllo"}, wantFrame: "61:" + `[0,2,"WebDriver:ElementSendKeys",{"id":"e1","text":"héllo"}]`},
		{name: "Marionette:Quit", params: nil, wantFrame: frame(`[0,3,"Marionette:Quit",{}]`)},
	}
	c, received := connectFake(t, func(cmd fakeCommand) string { return reply(cmd.ID, `{}`) })
	for _, call := range calls {
		_, err := c.Call(t.Context(), call.name, call.params)
		require.NoError(t, err, call.name)
		assert.Equal(t, call.wantFrame, (<-received).Raw, call.name)
	}
}

func TestCallDecodesReplies(t *testing.T) {
	cases := []struct {
		name       string
		respond    func(id uint64) string
		timeout    time.Duration
		wantResult string
		wantErr    error  // matched with ErrorIs or, for *Error, Equal
		wantErrMsg string // matched with ErrorContains
	}{
		{
			name:       "result",
			respond:    func(id uint64) string { return reply(id, `{"value":42}`) },
			wantResult: `{"value":42}`,
		},
		{
			name: "marionette error",
			respond: func(id uint64) string {
				return frame(fmt.Sprintf(`[1,%d,{"error":"no such element","message":"Unable to locate element: #x","stacktrace":"at find"},null]`, id))
			},
			wantErr: &Error{Command: "Test:Command", Code: "no such element", Message: "Unable to locate element: #x", Stacktrace: "at find"},
		},
		{
			name:       "reply for another id is skipped",
			respond:    func(id uint64) string { return reply(id+100, `{"value":"stale"}`) + reply(id, `{"value":"mine"}`) },
			wantResult: `{"value":"mine"}`,
		},
		{
			name:       "frame that is not a reply is skipped",
			respond:    func(id uint64) string { return frame(`[0,9,"Some:Event",{}]`) + reply(id, `{"value":"mine"}`) },
			wantResult: `{"value":"mine"}`,
		},
		{
			name:    "no reply before the deadline",
			respond: func(uint64) string { return "" },
			timeout: 50 * time.Millisecond,
			wantErr: context.DeadlineExceeded,
		},
		{
			name:       "length prefix is not a number",
			respond:    func(id uint64) string { return "x1:" + `[1,1,null,{}]` },
			wantErrMsg: "malformed frame",
		},
		{
			name:       "truncated JSON",
			respond:    func(id uint64) string { return frame(`[1,1,null`) },
			wantErrMsg: "malformed reply",
		},
		{
			name:       "reply with three members",
			respond:    func(id uint64) string { return frame(fmt.Sprintf(`[1,%d,null]`, id)) },
			wantErrMsg: "malformed reply",
		},
		{
			name:       "error that is not an object",
			respond:    func(id uint64) string { return frame(fmt.Sprintf(`[1,%d,"boom",null]`, id)) },
			wantErrMsg: "malformed error",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := connectFake(t, func(cmd fakeCommand) string { return tc.respond(cmd.ID) })
			ctx := t.Context()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			result, err := c.Call(ctx, "Test:Command", nil)
			switch {
			case tc.wantErrMsg != "":
				require.ErrorContains(t, err, tc.wantErrMsg)
			case tc.wantErr != nil:
				if want, ok := tc.wantErr.(*Error); ok {
					var got *Error
					require.ErrorAs(t, err, &got)
					assert.Equal(t, want, got)
					assert.Equal(t, "marionette Test:Command: no such element: Unable to locate element: #x", err.Error())
				} else {
					require.ErrorIs(t, err, tc.wantErr)
				}
			default:
				require.NoError(t, err)
				assert.JSONEq(t, tc.wantResult, string(result))
			}
		})
	}
}

func TestCancelledCallLeavesClientUsable(t *testing.T) {
	// The first command is answered only together with the second, as a late
	// reply arriving just before the awaited one.
	c, _ := connectFake(t, func(cmd fakeCommand) string {
		if cmd.ID == 1 {
			return ""
		}
		return reply(1, `{"value":"late"}`) + reply(cmd.ID, `{"value":"fresh"}`)
	})

	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		time.Sleep(30 * time.Millisecond)
		cancel()
	}()
	_, err := c.Call(ctx, "Test:Slow", nil)
	require.ErrorIs(t, err, context.Canceled)

	var got string
	require.NoError(t, c.Execute(t.Context(), "return 1", nil, &got))
	assert.Equal(t, "fresh", got)
}

func TestCallAfterCloseFails(t *testing.T) {
	c, _ := connectFake(t, func(cmd fakeCommand) string { return reply(cmd.ID, `{}`) })
	require.NoError(t, c.Close())
	require.NoError(t, c.Close(), "Close is idempotent")
	_, err := c.Call(t.Context(), "Test:Command", nil)
	require.ErrorIs(t, err, net.ErrClosed)
}

func TestCommands(t *testing.T) {
	const elementRef = `{"element-6066-11e4-a52e-4f735466cecf":"el-1"}`
	png := []byte("\x89PNG\r\n\x1a\nfake")
	results := map[string]string{
		"Addon:Install":            `{"value":"addon@example.org"}`,
		"WebDriver:ExecuteScript":  `{"value":{"n":3}}`,
		"WebDriver:FindElement":    `{"value":` + elementRef + `}`,
		"WebDriver:TakeScreenshot": `{"value":"` + base64.StdEncoding.EncodeToString(png) + `"}`,
	}
	cases := []struct {
		name     string
		run      func(ctx context.Context, c *Client) (any, error)
		want     any
		wantSent []string // "Name params" of each command, in order
	}{
		{
			name:     "NewSession sends flat capabilities",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.NewSession(ctx, true) },
			wantSent: []string{`WebDriver:NewSession {"acceptInsecureCerts":true}`},
		},
		{
			name:     "InstallAddon returns the add-on id",
			run:      func(ctx context.Context, c *Client) (any, error) { return c.InstallAddon(ctx, "/abs/ext", true) },
			want:     "addon@example.org",
			wantSent: []string{`Addon:Install {"path":"/abs/ext","temporary":true}`},
		},
		{
			name:     "Navigate",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.Navigate(ctx, "about:blank") },
			wantSent: []string{`WebDriver:Navigate {"url":"about:blank"}`},
		},
		{
			name: "Execute decodes the value",
			run: func(ctx context.Context, c *Client) (any, error) {
				var out struct{ N int }
				err := c.Execute(ctx, "return {n: arguments[0]}", []any{3}, &out)
				return out.N, err
			},
			want:     3,
			wantSent: []string{`WebDriver:ExecuteScript {"script":"return {n: arguments[0]}","args":[3]}`},
		},
		{
			name:     "Execute without args or output",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.Execute(ctx, "return 1", nil, nil) },
			wantSent: []string{`WebDriver:ExecuteScript {"script":"return 1","args":[]}`},
		},
		{
			name:     "Find returns the element id",
			run:      func(ctx context.Context, c *Client) (any, error) { return c.Find(ctx, "#kill") },
			want:     Element("el-1"),
			wantSent: []string{`WebDriver:FindElement {"using":"css selector","value":"#kill"}`},
		},
		{
			name:     "Click",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.Click(ctx, "el-1") },
			wantSent: []string{`WebDriver:ElementClick {"id":"el-1"}`},
		},
		{
			name:     "SendKeys",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.SendKeys(ctx, "el-1", "abc") },
			wantSent: []string{`WebDriver:ElementSendKeys {"id":"el-1","text":"abc"}`},
		},
		{
			name:     "Clear",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.Clear(ctx, "el-1") },
			wantSent: []string{`WebDriver:ElementClear {"id":"el-1"}`},
		},
		{
			name: "DoubleClick presses twice on the element, then releases",
			run:  func(ctx context.Context, c *Client) (any, error) { return nil, c.DoubleClick(ctx, "el-1") },
			wantSent: []string{
				`WebDriver:PerformActions {"actions":[{"type":"pointer","id":"mouse","parameters":{"pointerType":"mouse"},"actions":[` +
					`{"type":"pointerMove","duration":0,"x":0,"y":0,"origin":` + elementRef + `},` +
					`{"type":"pointerDown","button":0},{"type":"pointerUp","button":0},` +
					`{"type":"pointerDown","button":0},{"type":"pointerUp","button":0}]}]}`,
				`WebDriver:ReleaseActions {}`,
			},
		},
		{
			name: "HoldKey presses, repeats after 500 ms every 50 ms, then releases",
			run: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.HoldKey(ctx, KeyEnter, 620*time.Millisecond)
			},
			wantSent: []string{
				`WebDriver:PerformActions {"actions":[{"type":"key","id":"keyboard","actions":[` +
					`{"type":"keyDown","value":"\ue007"},` +
					`{"type":"pause","duration":500},{"type":"keyDown","value":"\ue007"},` +
					`{"type":"pause","duration":50},{"type":"keyDown","value":"\ue007"},` +
					`{"type":"pause","duration":50},{"type":"keyDown","value":"\ue007"},` +
					`{"type":"pause","duration":20},{"type":"keyUp","value":"\ue007"}]}]}`,
				`WebDriver:ReleaseActions {}`,
			},
		},
		{
			name:     "Screenshot decodes base64",
			run:      func(ctx context.Context, c *Client) (any, error) { return c.Screenshot(ctx) },
			want:     png,
			wantSent: []string{`WebDriver:TakeScreenshot {"full":false}`},
		},
		{
			name:     "SetWindowSize",
			run:      func(ctx context.Context, c *Client) (any, error) { return nil, c.SetWindowSize(ctx, 800, 600) },
			wantSent: []string{`WebDriver:SetWindowRect {"width":800,"height":600}`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, received := connectFake(t, func(cmd fakeCommand) string {
				return reply(cmd.ID, cmp.Or(results[cmd.Name], `{"value":null}`))
			})
			got, err := tc.run(t.Context(), c)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			for _, want := range tc.wantSent {
				cmd := <-received
				wantName, wantParams, _ := strings.Cut(want, " ")
				assert.Equal(t, wantName, cmd.Name)
				assert.JSONEq(t, wantParams, string(cmd.Params))
			}
		})
	}
}

func TestBrokenFrameMakesClientUnusable(t *testing.T) {
	// After a bad length prefix the stream cannot be realigned, so later calls
	// must fail instead of reading garbage as replies.
	c, _ := connectFake(t, func(cmd fakeCommand) string { return "x1:" + reply(cmd.ID, `{}`) })
	_, err := c.Call(t.Context(), "Test:First", nil)
	require.ErrorContains(t, err, "malformed frame")
	_, err = c.Call(t.Context(), "Test:Second", nil)
	require.ErrorContains(t, err, "connection unusable")
}
