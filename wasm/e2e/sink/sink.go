//go:build !js

// Package sink stands in for every hostname other than Epic's account host,
// so a browser test can show that the user's token went nowhere else. It
// records each request it receives and answers 404 with an empty body.
//
// One loopback port takes every way a browser may arrive:
//   - direct TLS with any SNI, and direct plain HTTP, as Chromium sends them
//     when its host-resolver rules map every host to the sink;
//   - HTTP proxy traffic, as Firefox sends it when its proxy prefs name the
//     sink: absolute-form requests, and CONNECT tunnels whose inside is TLS
//     (terminated with the sink's own certificate) or plain HTTP.
//
// A connection's first byte tells TLS (a handshake record) from HTTP. TLS
// offers only HTTP/1.1 through ALPN, which browsers accept, so no request
// hides in an HTTP/2 stream the sink cannot read.
package sink

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// Ways a request reached the sink, as Hit.Via.
const (
	ViaTLS         = "tls"          // direct TLS connection
	ViaHTTP        = "http"         // direct plain HTTP, origin-form
	ViaProxy       = "proxy"        // plain HTTP in absolute form, as sent to a proxy
	ViaConnect     = "connect"      // the CONNECT request opening a tunnel
	ViaConnectTLS  = "connect-tls"  // TLS inside a CONNECT tunnel
	ViaConnectHTTP = "connect-http" // plain HTTP inside a CONNECT tunnel
)

// maxBody bounds what a hit keeps of a request body; the rest is read and
// dropped so the connection stays usable.
const maxBody = 1 << 20

// tlsHandshake is the record type that opens every TLS connection.
const tlsHandshake = 0x16

// Hit is one request the sink received.
type Hit struct {
	Time   time.Time
	Via    string // one of the Via constants
	SNI    string // server name from the TLS handshake, if any
	Method string
	Host   string // Host header, or the target of a CONNECT
	URL    string // e.g. https://host/path?query; the target of a CONNECT
	Header http.Header
	Body   []byte // the first 1 MiB
}

// Sink is a running server; see the package doc.
type Sink struct {
	Addr     string // "127.0.0.1:PORT"
	Port     int
	SPKIHash string // base64(sha256(leaf SubjectPublicKeyInfo)) for Chromium's --ignore-certificate-errors-spki-list

	ln        net.Listener
	tlsConfig *tls.Config
	wg        sync.WaitGroup // the accept loop and one per connection

	mu     sync.Mutex
	hits   []Hit
	conns  map[net.Conn]struct{}
	closed bool

	closeOnce sync.Once
	closeErr  error
}

// Start listens on a free loopback port and serves until Close.
func Start() (*Sink, error) {
	// Chromium accepts it by its key's hash and Firefox is told to accept
	// any certificate, so its name does not matter whatever the SNI.
	cert, err := fakeepic.SelfSignedCert("sink.invalid")
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().(*net.TCPAddr)
	s := &Sink{
		Addr:     addr.String(),
		Port:     addr.Port,
		SPKIHash: fakeepic.SPKIHash(cert.Leaf),
		ln:       ln,
		tlsConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			NextProtos:   []string{"http/1.1"},
			MinVersion:   tls.VersionTLS12,
		},
		conns: make(map[net.Conn]struct{}),
	}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Hits returns a copy of every hit so far, oldest first.
func (s *Sink) Hits() []Hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Hit, len(s.hits))
	for i, h := range s.hits {
		h.Header = h.Header.Clone()
		h.Body = bytes.Clone(h.Body)
		out[i] = h
	}
	return out
}

// Carrying returns the hits whose URL, Host, SNI, header names or values, or
// body contain secret, as is or percent-encoded.
func (s *Sink) Carrying(secret string) []Hit {
	var out []Hit
	for _, h := range s.Hits() {
		if h.carries(secret) {
			out = append(out, h)
		}
	}
	return out
}

// Reset forgets every hit so far.
func (s *Sink) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits = nil
}

// Close stops listening, cuts every open connection and tunnel, and returns
// once nothing the sink started is still running.
func (s *Sink) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		conns := s.conns
		s.conns = nil
		s.mu.Unlock()
		s.closeErr = s.ln.Close()
		for c := range conns {
			c.Close()
		}
		s.wg.Wait()
	})
	return s.closeErr
}

func (h Hit) carries(secret string) bool {
	// Tokens in queries, paths and forms are often escaped.
	forms := []string{secret, url.QueryEscape(secret), url.PathEscape(secret)}
	has := func(field string) bool {
		for _, f := range forms {
			if strings.Contains(field, f) {
				return true
			}
		}
		return false
	}
	if has(h.URL) || has(h.Host) || has(h.SNI) || has(string(h.Body)) {
		return true
	}
	for name, values := range h.Header {
		// Header names arrive canonicalised, so their case says nothing.
		if strings.Contains(strings.ToLower(name), strings.ToLower(secret)) {
			return true
		}
		for _, v := range values {
			if has(v) {
				return true
			}
		}
	}
	return false
}

func (s *Sink) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			// Such as running out of file descriptors: wait, as net/http does.
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if !s.track(c) {
			c.Close()
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer s.untrack(c)
			s.serveStream(c, bufio.NewReader(c), false)
		}()
	}
}

// track remembers c for Close, unless the sink is already closing.
func (s *Sink) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *Sink) untrack(c net.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	c.Close()
}

func (s *Sink) record(h Hit) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits = append(s.hits, h)
}

// serveStream answers a connection, or the inside of a tunnel, as TLS or
// plain HTTP according to its first byte.
func (s *Sink) serveStream(c net.Conn, br *bufio.Reader, tunnel bool) {
	first, err := br.Peek(1)
	if err != nil {
		return
	}
	if first[0] != tlsHandshake {
		via := ViaHTTP
		if tunnel {
			via = ViaConnectHTTP
		}
		s.serveHTTP(c, br, via, "")
		return
	}
	tc := tls.Server(bufferedConn{c, br}, s.tlsConfig)
	if err := tc.Handshake(); err != nil {
		return
	}
	via := ViaTLS
	if tunnel {
		via = ViaConnectTLS
	}
	s.serveHTTP(tc, bufio.NewReader(tc), via, tc.ConnectionState().ServerName)
}

// serveHTTP records and answers requests until the stream ends, is to be
// closed, or becomes a tunnel.
func (s *Sink) serveHTTP(c net.Conn, br *bufio.Reader, via, sni string) {
	_, secure := c.(*tls.Conn)
	for {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		hit := Hit{
			Time:   time.Now(),
			Via:    via,
			SNI:    sni,
			Method: req.Method,
			Host:   req.Host,
			Header: req.Header,
		}
		if req.Method == http.MethodConnect {
			hit.Via, hit.URL = ViaConnect, req.RequestURI
			s.record(hit)
			if _, err := io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n"); err != nil {
				return
			}
			s.serveStream(c, br, true)
			return
		}
		if via == ViaHTTP && req.URL.IsAbs() {
			hit.Via = ViaProxy
		}
		hit.URL = requestURL(req, secure, sni)
		hit.Body, err = io.ReadAll(io.LimitReader(req.Body, maxBody))
		if err == nil {
			_, err = io.Copy(io.Discard, req.Body)
		}
		s.record(hit)
		if err != nil {
			return // the body was cut short, so the next request cannot be found
		}
		resp := "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
		if req.Close {
			resp += "Connection: close\r\n"
		}
		if _, err := io.WriteString(c, resp+"\r\n"); err != nil || req.Close {
			return
		}
	}
}

// requestURL is the URL req asked for, with the scheme and host an
// origin-form request leaves to its connection.
func requestURL(req *http.Request, secure bool, sni string) string {
	if req.URL.IsAbs() {
		return req.URL.String()
	}
	u := *req.URL
	u.Scheme = "http"
	if secure {
		u.Scheme = "https"
	}
	u.Host = req.Host
	if u.Host == "" {
		u.Host = sni
	}
	return u.String()
}

// bufferedConn reads through r, which may hold bytes already taken from
// the connection, such as the byte peeked to choose TLS.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c bufferedConn) Read(p []byte) (int, error) { return c.r.Read(p) }
