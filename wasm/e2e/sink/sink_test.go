//go:build !js

package sink_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/sink"
)

// hitView is what a test expects of a hit; Time is checked apart.
type hitView struct {
	Via, SNI, Method, Host, URL string
	Token                       string // the X-Token header
	Body                        string
}

func views(hits []sink.Hit) []hitView {
	out := make([]hitView, len(hits))
	for i, h := range hits {
		out[i] = hitView{h.Via, h.SNI, h.Method, h.Host, h.URL, h.Header.Get("X-Token"), string(h.Body)}
	}
	return out
}

func start(t *testing.T) *sink.Sink {
	t.Helper()
	s, err := sink.Start()
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, s.Close()) })
	return s
}

var dialer net.Dialer

// connectTunnel opens a CONNECT tunnel to target through the sink at addr.
func connectTunnel(ctx context.Context, addr, target string) (net.Conn, error) {
	c, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(c, "CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n", target, target)
	// Nothing follows the answer until the client speaks, so the reader
	// holds no bytes of the tunnel.
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: http.MethodConnect})
	if err == nil && resp.Status != "200 Connection established" {
		err = fmt.Errorf("CONNECT answered %q", resp.Status)
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// client sends every request over connections from dial, through the sink
// as a proxy if proxy is set, and counts the connections it opens.
func client(t *testing.T, s *sink.Sink, proxy bool, tlsConfig *tls.Config, dial func(context.Context) (net.Conn, error)) (*http.Client, *atomic.Int32) {
	t.Helper()
	var dials atomic.Int32
	tr := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			dials.Add(1)
			return dial(ctx)
		},
		TLSClientConfig: tlsConfig,
	}
	if proxy {
		tr.Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: s.Addr})
	}
	t.Cleanup(tr.CloseIdleConnections)
	// A timeout turns a sink that stops answering into a failure, not a hang.
	return &http.Client{Transport: tr, Timeout: 5 * time.Second}, &dials
}

func send(t *testing.T, c *http.Client, req *http.Request) *http.Response {
	t.Helper()
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Empty(t, body)
	return resp
}

func TestRecordsEveryWayIn(t *testing.T) {
	s := start(t)
	direct := func(ctx context.Context) (net.Conn, error) { return dialer.DialContext(ctx, "tcp", s.Addr) }
	tunnel := func(target string) func(context.Context) (net.Conn, error) {
		return func(ctx context.Context) (net.Conn, error) { return connectTunnel(ctx, s.Addr, target) }
	}
	insecure := &tls.Config{InsecureSkipVerify: true, ServerName: "any.example.com"}

	cases := []struct {
		name      string
		base      string // scheme and host asked for
		proxy     bool   // send through the sink as an HTTP proxy
		tlsConfig *tls.Config
		dial      func(context.Context) (net.Conn, error)
		connect   string // target of the CONNECT hit expected first, if any
		via, sni  string
	}{
		{"direct TLS, any SNI", "https://any.example.com", false, insecure, direct, "", sink.ViaTLS, "any.example.com"},
		{"direct plain HTTP", "http://plain.example.com", false, nil, direct, "", sink.ViaHTTP, ""},
		{"proxy, absolute form", "http://proxied.example.com", true, nil, direct, "", sink.ViaProxy, ""},
		{"proxy, CONNECT then TLS", "https://tunnelled.example.com", true, &tls.Config{InsecureSkipVerify: true}, direct,
			"tunnelled.example.com:443", sink.ViaConnectTLS, "tunnelled.example.com"},
		{"CONNECT then plain HTTP", "http://socket.example.com", false, nil, tunnel("socket.example.com:80"),
			"socket.example.com:80", sink.ViaConnectHTTP, ""},
	}
	places := []struct {
		name, method, path, header, body string // %s is the secret
	}{
		{"query", http.MethodGet, "/collect?token=%s", "", ""},
		{"header", http.MethodGet, "/collect", "%s", ""},
		{"body", http.MethodPost, "/collect", "", "token=%s"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s.Reset()
			c, dials := client(t, s, tc.proxy, tc.tlsConfig, tc.dial)
			host := strings.TrimPrefix(strings.TrimPrefix(tc.base, "https://"), "http://")
			var want []hitView
			if tc.connect != "" {
				want = append(want, hitView{Via: sink.ViaConnect, Method: http.MethodConnect, Host: tc.connect, URL: tc.connect})
			}
			secrets := map[string]hitView{}

			for _, p := range places {
				secret := "s3cret-" + p.name
				fill := func(f string) string {
					if strings.Contains(f, "%s") {
						return fmt.Sprintf(f, secret)
					}
					return f
				}
				req, err := http.NewRequestWithContext(t.Context(), p.method, tc.base+fill(p.path), strings.NewReader(fill(p.body)))
				require.NoError(t, err)
				if p.header != "" {
					req.Header.Set("X-Token", fill(p.header))
				}

				resp := send(t, c, req)

				if strings.HasPrefix(tc.base, "https:") {
					require.NotNil(t, resp.TLS)
					spki := sha256.Sum256(resp.TLS.PeerCertificates[0].RawSubjectPublicKeyInfo)
					assert.Equal(t, s.SPKIHash, base64.StdEncoding.EncodeToString(spki[:]))
				}
				hit := hitView{tc.via, tc.sni, p.method, host, tc.base + fill(p.path), fill(p.header), fill(p.body)}
				want = append(want, hit)
				secrets[secret] = hit
			}

			hits := s.Hits()
			assert.Equal(t, want, views(hits))
			for _, h := range hits {
				assert.WithinDuration(t, time.Now(), h.Time, time.Minute)
			}
			for secret, hit := range secrets {
				assert.Equal(t, []hitView{hit}, views(s.Carrying(secret)), secret)
			}
			assert.Empty(t, s.Carrying("never-sent"))
			assert.Equal(t, int32(1), dials.Load(), "every request on one kept-alive connection")
		})
	}
}

func TestCarryingLooksEverywhere(t *testing.T) {
	s := start(t)
	direct := func(ctx context.Context) (net.Conn, error) { return dialer.DialContext(ctx, "tcp", s.Addr) }
	const base = "https://any.example.com"

	cases := []struct {
		name       string
		secret     string
		serverName string // SNI, if not the URL's host
		path       string
		header     [2]string // name and value, if any
		body       string
	}{
		{"SNI only", "sni-secret", "sni-secret.example.com", "/", [2]string{}, ""},
		{"header name, whatever its case", "namesecret", "", "/", [2]string{"X-NameSecret", "1"}, ""},
		{"cookie value", "cookie-secret", "", "/", [2]string{"Cookie", "a=cookie-secret"}, ""},
		{"query, escaped", "a/b+c=", "", "/?t=" + url.QueryEscape("a/b+c="), [2]string{}, ""},
		{"path, escaped", "p q/r", "", "/x/" + url.PathEscape("p q/r"), [2]string{}, ""},
		{"form body, escaped", "f/g+h=", "", "/", [2]string{}, "t=" + url.QueryEscape("f/g+h=")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s.Reset()
			c, _ := client(t, s, false, &tls.Config{InsecureSkipVerify: true, ServerName: tc.serverName}, direct)
			req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+tc.path, strings.NewReader(tc.body))
			require.NoError(t, err)
			if tc.header[0] != "" {
				req.Header.Set(tc.header[0], tc.header[1])
			}

			send(t, c, req)

			assert.Len(t, s.Carrying(tc.secret), 1)
			assert.Empty(t, s.Carrying("never-sent"))
		})
	}
}

func TestCloseCutsOpenConnections(t *testing.T) {
	cases := []struct {
		name string
		open func(ctx context.Context, addr string) (net.Conn, error)
	}{
		{"CONNECT tunnel, nothing sent inside", func(ctx context.Context, addr string) (net.Conn, error) {
			return connectTunnel(ctx, addr, "idle.example.com:443")
		}},
		{"CONNECT tunnel with TLS inside, between requests", func(ctx context.Context, addr string) (net.Conn, error) {
			c, err := connectTunnel(ctx, addr, "idle.example.com:443")
			if err != nil {
				return nil, err
			}
			tc := tls.Client(c, &tls.Config{InsecureSkipVerify: true, ServerName: "idle.example.com"})
			return tc, tc.HandshakeContext(ctx)
		}},
		{"direct TLS, handshake not begun", func(ctx context.Context, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, "tcp", addr)
			if err == nil {
				_, err = c.Write([]byte{0x16})
			}
			return c, err
		}},
		{"plain HTTP, request half sent", func(ctx context.Context, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, "tcp", addr)
			if err == nil {
				_, err = io.WriteString(c, "GET / HTTP/1.1\r\nHost: half.example.com\r\n")
			}
			return c, err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			s, err := sink.Start()
			require.NoError(t, err)
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()
			c, err := tc.open(ctx, s.Addr)
			require.NoError(t, err)
			defer c.Close()
			closed := make(chan error, 1)

			go func() { closed <- s.Close() }()

			select {
			case err := <-closed:
				assert.NoError(t, err)
			case <-time.After(5 * time.Second):
				t.Fatal("Close did not return")
			}
			assert.NoError(t, s.Close(), "again")
			require.NoError(t, c.SetReadDeadline(time.Now().Add(5*time.Second)))
			_, err = c.Read(make([]byte, 1))
			var netErr net.Error
			assert.False(t, errors.As(err, &netErr) && netErr.Timeout(), "connection cut, not left open: %v", err)
			assert.Error(t, err)
			// Polled here, not with assert.Eventually, whose own goroutines count.
			deadline := time.Now().Add(5 * time.Second)
			for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			assert.LessOrEqual(t, runtime.NumGoroutine(), before, "goroutines left running")
		})
	}
}
