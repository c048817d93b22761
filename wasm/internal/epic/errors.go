package epic

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp"
)

// BodyKind says what Epic's answer carried besides its status.
type BodyKind int

const (
	// BodyEpicJSON is Epic's JSON error object (it has an errorCode).
	BodyEpicJSON BodyKind = iota
	// BodyEmpty is an answer without a body.
	BodyEmpty
	// BodyOther is a body that is not Epic's JSON: an HTML page, plain text, other JSON.
	BodyOther
	// BodyTooLarge is a body over MaxBodyBytes, left unread.
	BodyTooLarge
	// BodyUnreadable is a body whose reading failed part way.
	BodyUnreadable
)

// APIError is any answer from Epic other than 204. The fields from Epic's JSON
// body are empty when the body was not Epic's JSON; ErrorCode and
// NumericErrorCode then come from the X-Epic-Error-Name and X-Epic-Error-Code
// headers where Epic sent them.
type APIError struct {
	StatusCode int
	Body       BodyKind
	// ContentType is the answer's Content-Type, to tell an HTML page from JSON.
	ContentType string
	// FromEpic means the answer carries Epic's own marks: its JSON error
	// body, or its X-Epic-Error-Name or X-Epic-Error-Code header. A proxy,
	// a captive portal or a challenge page in front of Epic has neither.
	FromEpic bool

	ErrorCode             string   // errorCode
	ErrorMessage          string   // errorMessage
	MessageVars           []string // messageVars
	NumericErrorCode      int      // numericErrorCode
	OriginatingService    string   // originatingService
	Intent                string   // intent
	OAuthError            string   // error
	OAuthErrorDescription string   // error_description

	// CorrelationID is Epic's X-Epic-Correlation-ID, what Epic's support asks for.
	CorrelationID string
	// RetryAfter is the wait Epic asked for in Retry-After, or 0.
	RetryAfter time.Duration
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Epic answered HTTP %d", e.StatusCode)
	switch {
	case e.ErrorCode != "" && e.NumericErrorCode != 0:
		fmt.Fprintf(&b, " %s (%d)", e.ErrorCode, e.NumericErrorCode)
	case e.ErrorCode != "":
		fmt.Fprintf(&b, " %s", e.ErrorCode)
	case e.NumericErrorCode != 0:
		fmt.Fprintf(&b, " error %d", e.NumericErrorCode)
	}
	switch e.Body {
	case BodyEpicJSON:
		if msg := e.message(); msg != "" {
			fmt.Fprintf(&b, ": %s", msg)
		}
	case BodyEmpty:
		b.WriteString(" with an empty body")
	case BodyOther:
		if strings.Contains(e.ContentType, "html") {
			b.WriteString(" with a web page instead of Epic's error details (a proxy or a challenge page may have answered)")
		} else {
			b.WriteString(" with a body that is not Epic's error format")
		}
	case BodyTooLarge:
		fmt.Fprintf(&b, " with a body over %d KiB, which was not read", MaxBodyBytes/1024)
	case BodyUnreadable:
		b.WriteString(" but its body could not be read")
	}
	return b.String()
}

func (e *APIError) message() string {
	if e.ErrorMessage != "" {
		return e.ErrorMessage
	}
	return e.OAuthErrorDescription
}

// decodeAPIError builds the error for a non-204 answer from its status,
// headers and the (already limited) body.
func decodeAPIError(status int, header http.Header, body []byte, kind BodyKind) *APIError {
	e := &APIError{StatusCode: status, Body: kind, ContentType: header.Get("Content-Type")}
	if kind == BodyOther {
		if fields, ok := decodeEpicErrorBody(body); ok {
			fields.StatusCode, fields.Body, fields.ContentType = e.StatusCode, BodyEpicJSON, e.ContentType
			*e = fields
		}
	}
	e.FromEpic = e.Body == BodyEpicJSON || header.Get("X-Epic-Error-Name") != "" || header.Get("X-Epic-Error-Code") != ""
	if e.ErrorCode == "" {
		e.ErrorCode = header.Get("X-Epic-Error-Name")
	}
	if e.NumericErrorCode == 0 {
		e.NumericErrorCode, _ = strconv.Atoi(header.Get("X-Epic-Error-Code"))
	}
	e.CorrelationID = header.Get("X-Epic-Correlation-ID")
	e.RetryAfter = parseRetryAfter(header.Get("Retry-After"), time.Now())
	return e
}

// decodeEpicErrorBody reads Epic's JSON error object. It is Epic's only when
// it has an errorCode and every field it has is of the right type (or
// null). Member names match ignoring case, as encoding/json matches them to
// a struct's fields; every answer of Epic's is read by those rules.
func decodeEpicErrorBody(body []byte) (APIError, bool) {
	v, err := jsonvalue.Parse(body)
	if err != nil {
		return APIError{}, false
	}
	var e APIError
	err = v.DecodeObject(
		jsonvalue.StringField("errorCode", &e.ErrorCode),
		jsonvalue.StringField("errorMessage", &e.ErrorMessage),
		jsonvalue.StringsField("messageVars", &e.MessageVars),
		jsonvalue.IntField("numericErrorCode", &e.NumericErrorCode),
		jsonvalue.StringField("originatingService", &e.OriginatingService),
		jsonvalue.StringField("intent", &e.Intent),
		jsonvalue.StringField("error", &e.OAuthError),
		jsonvalue.StringField("error_description", &e.OAuthErrorDescription),
	)
	return e, err == nil && e.ErrorCode != ""
}

// redact replaces the token wherever Epic's answer quotes it: in any field,
// since a proxy or a broken server can echo it anywhere, headers included.
func (e *APIError) redact(token string) {
	for _, field := range []*string{
		&e.ContentType, &e.ErrorCode, &e.ErrorMessage, &e.OriginatingService, &e.Intent,
		&e.OAuthError, &e.OAuthErrorDescription, &e.CorrelationID,
	} {
		*field = Mask(*field, token)
	}
	for i, v := range e.MessageVars {
		e.MessageVars[i] = Mask(v, token)
	}
}

// maxRetryAfterSeconds is the longest Retry-After a Duration can hold.
const maxRetryAfterSeconds = math.MaxInt64 / int64(time.Second)

// parseRetryAfter reads Retry-After as seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		switch {
		case s < 0:
			return 0
		case s > maxRetryAfterSeconds:
			// More seconds than a Duration holds: wait as long as one can.
			return time.Duration(maxRetryAfterSeconds) * time.Second
		}
		return time.Duration(s) * time.Second
	}
	if t, ok := timestamp.ParseHTTP(v); ok && t.After(now) {
		return t.Sub(now).Round(time.Second)
	}
	return 0
}

// RedirectError is a 3xx answer. The client never follows one, so the token
// goes to no other address. A browser fetch made with redirect "manual"
// reports the redirect as status 0 and hides where it pointed.
type RedirectError struct {
	StatusCode int
	Location   string
}

func (e *RedirectError) Error() string {
	status := ""
	if e.StatusCode != 0 {
		status = fmt.Sprintf(" (HTTP %d)", e.StatusCode)
	}
	return "Epic answered with a redirect" + status + "; it was not followed, so the token was sent nowhere else"
}

// TransportError means no answer came from Epic at all: offline, DNS, TLS, a
// refused or dropped connection, a blocked request or a timeout.
type TransportError struct {
	Err error
}

func (e *TransportError) Error() string { return "could not reach Epic: " + e.Err.Error() }
func (e *TransportError) Unwrap() error { return e.Err }
