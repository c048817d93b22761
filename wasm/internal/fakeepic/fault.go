package fakeepic

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"
)

type faultKind int

const (
	noFault faultKind = iota
	throttledFault
	serverErrorFault
	htmlPageFault
	slowFault
	droppedFault
	epicErrorFault
	rawFault
	redirectFault
	cutBodyFault
	lateFault
)

// Fault is a misbehaviour imposed on a request before normal handling. The
// zero Fault does nothing.
type Fault struct {
	kind   faultKind
	number int // seconds for throttledFault, the status for the others that answer
	delay  time.Duration
	// drip, when positive, sends the answer's body one byte every drip.
	drip time.Duration
	// err is the answer of epicErrorFault; a pointer keeps Fault comparable.
	err *epicError
	// raw is the answer of rawFault, redirectFault and cutBodyFault; a
	// pointer for the same reason.
	raw *rawAnswer
}

// rawAnswer is an answer given byte for byte.
type rawAnswer struct {
	header http.Header // canonical names; replaces the service's values
	body   []byte      // not copied, so a large body is held only once
	keep   int         // bytes of body cutBodyFault sends before it cuts
}

// Throttled answers 429 errors.com.epicgames.common.throttled (1041) asking
// to wait the given seconds, in messageVars and in Retry-After.
func Throttled(seconds int) Fault { return Fault{kind: throttledFault, number: seconds} }

// ServerError answers status (a 5xx) with Epic's server_error JSON (1000).
func ServerError(status int) Fault { return Fault{kind: serverErrorFault, number: status} }

// HTMLPage answers status with a text/html page instead of Epic's JSON, like
// a proxy or a challenge page in front of Epic would.
func HTMLPage(status int) Fault { return Fault{kind: htmlPageFault, number: status} }

// Slow waits d, or until the request's context ends, then answers normally.
func Slow(d time.Duration) Fault { return Fault{kind: slowFault, delay: d} }

// Dropped closes the connection without an answer. Go's client (and
// browsers) may resend a dropped GET on their own, so the service can see it
// twice.
func Dropped() Fault { return Fault{kind: droppedFault} }

// EpicError answers status with Epic's JSON error body and X-Epic-Error-*
// headers for any errorCode, so tests can meet answers the fake never gives
// on its own, such as 18048 too_many_sessions. It sets no Retry-After, even
// for 429: that is Epic's capacity throttling.
func EpicError(status int, errorCode string, numeric int, message string, vars ...string) Fault {
	return Fault{kind: epicErrorFault, number: status,
		err: newError(status, errorCode, numeric, message, append([]string(nil), vars...)...)}
}

// Raw answers exactly status, header and body, to meet answers that break
// Epic's rules. Each name in header replaces the service's own values (such
// as X-Epic-Correlation-ID); a name without values removes the header. No
// Content-Type is added when header has none, and Content-Length is
// len(body) unless header gives it. header is copied, body is not: do not
// change body afterwards.
func Raw(status int, header http.Header, body []byte) Fault {
	return Fault{kind: rawFault, number: status, raw: &rawAnswer{header: canonicalHeader(header), body: body}}
}

// Redirect answers status (301, 302, 303, 307 or 308) with location in
// Location and an empty body.
func Redirect(status int, location string) Fault {
	return Fault{kind: redirectFault, number: status,
		raw: &rawAnswer{header: http.Header{"Location": {location}}}}
}

// CutBody starts answering as Raw does, announcing Content-Length len(body)
// whatever header says, sends the first keep bytes of body and then breaks
// off, so the client gets the status, the headers and keep bytes, then an
// error. Under ServeTLS the whole connection goes, as with Dropped, though
// only once the client has read what was sent; elsewhere net/http closes it
// (HTTP/1.1) or resets only the stream (HTTP/2).
func CutBody(status int, header http.Header, body []byte, keep int) Fault {
	keep = max(0, min(keep, len(body)))
	return Fault{kind: cutBodyFault, number: status,
		raw: &rawAnswer{header: canonicalHeader(header), body: body, keep: keep}}
}

// Late waits d and then answers normally, even if the client has gone in
// the meantime: unlike Slow, a kill still happens after the client gave up,
// as it may at Epic. httptest.Server.Close waits for it.
func Late(d time.Duration) Fault { return Fault{kind: lateFault, delay: d} }

// Drip answers as the service would, with its own status, headers and
// body, but sends the body one byte every every, each on its own: the
// status and headers go at once, the first byte after every. It stops when
// the client goes. Drip(time.Hour) is an answer whose body never comes.
func Drip(every time.Duration) Fault { return Fault{drip: every} }

// Dripped is f with its answer's body sent as Drip sends the service's: one
// byte every every, after the status and headers, which go at once.
func (f Fault) Dripped(every time.Duration) Fault {
	f.drip = every
	return f
}

// String describes the fault for test names and logs.
func (f Fault) String() string {
	s := f.kindString()
	if f.drip > 0 {
		if f.kind == noFault {
			s = "the service's answer"
		}
		s += ", a byte every " + f.drip.String()
	}
	return s
}

func (f Fault) kindString() string {
	switch f.kind {
	case throttledFault:
		return fmt.Sprintf("throttled %ds", f.number)
	case serverErrorFault:
		return fmt.Sprintf("server error %d", f.number)
	case htmlPageFault:
		return fmt.Sprintf("html page %d", f.number)
	case slowFault:
		return "slow " + f.delay.String()
	case droppedFault:
		return "dropped"
	case epicErrorFault:
		return fmt.Sprintf("epic error %d %s", f.number, f.err.ErrorCode)
	case rawFault:
		return fmt.Sprintf("raw %d, %d bytes", f.number, len(f.raw.body))
	case redirectFault:
		return fmt.Sprintf("redirect %d to %s", f.number, f.raw.header.Get("Location"))
	case cutBodyFault:
		return fmt.Sprintf("cut body %d after %d of %d bytes", f.number, f.raw.keep, len(f.raw.body))
	case lateFault:
		return "late " + f.delay.String()
	}
	return "none"
}

// answer applies the fault and reports whether the request is finished.
// Its waits end when after(d) sends.
func (f Fault) answer(w http.ResponseWriter, r *http.Request, after func(time.Duration) <-chan time.Time) bool {
	switch f.kind {
	case throttledFault:
		w.Header().Set("Retry-After", strconv.Itoa(f.number))
		throttled(f.number).write(w)
		return true
	case serverErrorFault:
		serverError(f.number, w.Header().Get("X-Epic-Correlation-ID")).write(w)
		return true
	case htmlPageFault:
		writeHTMLPage(w, f.number)
		return true
	case epicErrorFault:
		f.err.write(w)
		return true
	case slowFault:
		select {
		case <-after(f.delay):
			// The client may have gone just as the delay ended, and select
			// picks either: it is gone all the same.
			return r.Context().Err() != nil
		case <-r.Context().Done():
			return true // the client is gone; nobody reads an answer
		}
	case lateFault:
		<-after(f.delay)
		return false
	case droppedFault:
		// Under ServeTLS the whole connection goes, as when a network drops;
		// elsewhere net/http closes it (HTTP/1.1) or resets only the stream
		// (HTTP/2). Either way nothing is written, and nothing logged.
		dropConnection(r)
	case rawFault, redirectFault:
		if len(f.raw.body) > 0 {
			w.Header().Set("Content-Length", strconv.Itoa(len(f.raw.body)))
		}
		f.raw.setHeader(w)
		w.WriteHeader(f.number)
		// A client that goes away only makes the write fail: nothing to do.
		_, _ = w.Write(f.raw.body)
		return true
	case cutBodyFault:
		f.raw.setHeader(w)
		w.Header().Set("Content-Length", strconv.Itoa(len(f.raw.body)))
		w.WriteHeader(f.number)
		_, _ = w.Write(f.raw.body[:f.raw.keep])
		_ = http.NewResponseController(w).Flush()
		// The break comes a moment after the body started, as when a
		// network stalls and drops: a browser has handed the answer to the
		// page by then, where a break in the same packet fails the whole
		// fetch. The pause also lets the HTTP/2 server, which writes flushed
		// frames on its own goroutine, put them on the socket.
		<-after(cutGrace)
		cutConnection(r)
	}
	return false
}

// dripWriter sends the status and headers at once, then the body one byte
// every every, each flushed; once the client has gone, writes fail.
type dripWriter struct {
	http.ResponseWriter
	every       time.Duration
	after       func(time.Duration) <-chan time.Time
	gone        <-chan struct{}
	wroteHeader bool
}

func newDripWriter(w http.ResponseWriter, r *http.Request, every time.Duration, after func(time.Duration) <-chan time.Time) *dripWriter {
	return &dripWriter{ResponseWriter: w, every: every, after: after, gone: r.Context().Done()}
}

// errClientGone ends a dripped body whose client went away.
var errClientGone = errors.New("fakeepic: the client went away during a dripped body")

func (d *dripWriter) WriteHeader(status int) {
	if d.wroteHeader {
		return
	}
	d.wroteHeader = true
	d.ResponseWriter.WriteHeader(status)
	_ = http.NewResponseController(d.ResponseWriter).Flush()
}

func (d *dripWriter) Write(p []byte) (int, error) {
	d.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(d.ResponseWriter)
	for i := range p {
		select {
		case <-d.after(d.every):
		case <-d.gone:
			return i, errClientGone
		}
		if _, err := d.ResponseWriter.Write(p[i : i+1]); err != nil {
			return i, err
		}
		if err := rc.Flush(); err != nil {
			return i + 1, err
		}
	}
	return len(p), nil
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (d *dripWriter) Unwrap() http.ResponseWriter { return d.ResponseWriter }

const (
	// cutGrace is how long CutBody waits between the body's start and the break.
	cutGrace = 300 * time.Millisecond
	// cutWait bounds how long CutBody waits for the client to close.
	cutWait = 5 * time.Second
)

// cutConnection ends the request after what was sent, and under ServeTLS its
// connection with it. It first only stops sending (TLS close_notify, then TCP
// FIN) and reads on until the client closes: a socket closed outright answers
// the client's next frames with a reset, and a reset makes the client's
// kernel drop what the client has not read yet. It does not return.
func cutConnection(r *http.Request) {
	if c, ok := r.Context().Value(connKey{}).(*tls.Conn); ok {
		_ = c.CloseWrite()
		if tcp, ok := c.NetConn().(*net.TCPConn); ok {
			_ = tcp.CloseWrite()
		}
		select {
		case <-r.Context().Done():
		case <-time.After(cutWait):
		}
	}
	dropConnection(r)
}

// dropConnection ends the request without finishing the answer: under
// ServeTLS the connection closes, and net/http aborts the rest without
// logging. It does not return.
func dropConnection(r *http.Request) {
	if c, ok := r.Context().Value(connKey{}).(net.Conn); ok {
		_ = c.Close()
	}
	panic(http.ErrAbortHandler)
}

// setHeader puts a's header over the service's. The Content-Type stays out
// unless a's header gives one, where net/http would guess it from the body.
func (a *rawAnswer) setHeader(w http.ResponseWriter) {
	h := w.Header()
	h["Content-Type"] = nil
	for name, values := range a.header {
		h[name] = append([]string(nil), values...)
	}
}

// canonicalHeader copies h with canonical names, so that they replace the
// service's headers rather than sit beside them.
func canonicalHeader(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for name, values := range h {
		name = http.CanonicalHeaderKey(name)
		out[name] = append(out[name], values...)
	}
	return out
}

func writeHTMLPage(w http.ResponseWriter, status int) {
	title := fmt.Sprintf("%d %s", status, http.StatusText(status))
	body := "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n" +
		"<body><h1>" + title + "</h1><p>The request could not be satisfied.</p></body></html>\n"
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
