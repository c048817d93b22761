package fakeepic

import (
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
)

// Fault is a misbehaviour imposed on a request before normal handling. The
// zero Fault does nothing.
type Fault struct {
	kind   faultKind
	number int // seconds for throttledFault, status for serverErrorFault and htmlPageFault
	delay  time.Duration
	// err is the answer of epicErrorFault; a pointer keeps Fault comparable.
	err *epicError
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

// String describes the fault for test names and logs.
func (f Fault) String() string {
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
	}
	return "none"
}

// answer applies the fault and reports whether the request is finished.
func (f Fault) answer(w http.ResponseWriter, r *http.Request) bool {
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
		timer := time.NewTimer(f.delay)
		defer timer.Stop()
		select {
		case <-timer.C:
			return false
		case <-r.Context().Done():
			return true // the client is gone; nobody reads an answer
		}
	case droppedFault:
		// Under ServeTLS the whole connection goes, as when a network drops;
		// elsewhere net/http closes it (HTTP/1.1) or resets only the stream
		// (HTTP/2). Either way nothing is written, and nothing logged.
		if c, ok := r.Context().Value(connKey{}).(net.Conn); ok {
			_ = c.Close()
		}
		panic(http.ErrAbortHandler)
	}
	return false
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
