//go:build !js

package epic

import (
	"bytes"
	"context"
	"errors"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic/epictest"
)

// tokenPlaceholder in a fuzzed body or header becomes the token sent, as
// when Epic quotes it, and capsPlaceholder the token in capitals, as a hex
// token pasted in lower case may come back (a hex token is the same in
// either case).
const (
	tokenPlaceholder = "TOKEN"
	capsPlaceholder  = "CAPSTOKEN"
)

// withToken puts the token where s has a placeholder.
func withToken(s, token string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, capsPlaceholder, strings.ToUpper(token)), tokenPlaceholder, token)
}

// FuzzDecodeAnswer drives Kill against any answer Epic (or something in
// between) could give, and checks what the client makes of it.
func FuzzDecodeAnswer(f *testing.F) {
	answerEG1 := eg1(nil)
	f.Fuzz(func(t *testing.T, status int, contentType, errorName, errorCode, correlationID, retryAfter, location string,
		body []byte, repeat uint16, useEG1 bool) {
		token := testToken
		if useEG1 {
			token = answerEG1
		}
		header := http.Header{}
		for name, v := range map[string]string{
			"Content-Type": contentType, "X-Epic-Error-Name": errorName, "X-Epic-Error-Code": errorCode,
			"X-Epic-Correlation-ID": correlationID, "Retry-After": retryAfter, "Location": location,
		} {
			if v != "" {
				header.Set(name, withToken(v, token))
			}
		}
		data := []byte(withToken(string(body), token))
		rb := epictest.NewRepeatedBody(data, int(repeat)+1)
		d := &epictest.Doer{Answer: &http.Response{StatusCode: status, Header: header, Body: rb}}

		err := (&Client{Doer: d, BaseURL: "https://account.test"}).Kill(context.Background(), token, "OTHERS")

		if d.Calls != 1 {
			t.Fatalf("%d requests sent, want 1", d.Calls)
		}
		if !rb.Closed {
			t.Errorf("the body was not closed")
		}
		if rb.BytesRead > MaxBodyBytes+1 {
			t.Errorf("read %d bytes of a %d-byte body, over MaxBodyBytes+1", rb.BytesRead, rb.Size)
		}
		if status == http.StatusNoContent {
			if err != nil {
				t.Fatalf("204 gave %v", err)
			}
			if rb.BytesRead != 0 {
				t.Errorf("read %d bytes of a 204's body", rb.BytesRead)
			}
			return
		}
		if err == nil {
			t.Fatalf("HTTP %d gave no error", status)
		}
		if containsToken(err.Error(), token) {
			t.Errorf("the error quotes the token: %q", err.Error())
		}
		var redirect *RedirectError
		if status == 0 || (status >= 300 && status < 400) {
			if !errors.As(err, &redirect) || redirect.StatusCode != status {
				t.Fatalf("HTTP %d gave %T %v, want a RedirectError", status, err, err)
			}
			return
		}
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
			t.Fatalf("HTTP %d gave %T %v, want an APIError of that status", status, err, err)
		}
		checkNoToken(t, apiErr, token)
		checkBodyKind(t, apiErr, rb, data)
		checkRetryAfter(t, apiErr.RetryAfter, header.Get("Retry-After"))
		if marked := apiErr.Body == BodyEpicJSON || header.Get("X-Epic-Error-Name") != "" || header.Get("X-Epic-Error-Code") != ""; apiErr.FromEpic != marked {
			t.Errorf("FromEpic is %v for an answer with Epic's marks %v", apiErr.FromEpic, marked)
		}
	})
}

// containsToken reports whether s quotes token in any letter case.
func containsToken(s, token string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(token))
}

// checkNoToken looks in every string the APIError holds, so that a field
// added later is covered too.
func checkNoToken(t *testing.T, e *APIError, token string) {
	t.Helper()
	v := reflect.ValueOf(e).Elem()
	for i := range v.NumField() {
		name, f := v.Type().Field(i).Name, v.Field(i)
		switch {
		case f.Kind() == reflect.String:
			if containsToken(f.String(), token) {
				t.Errorf("%s quotes the token: %q", name, f.String())
			}
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			for j := range f.Len() {
				if containsToken(f.Index(j).String(), token) {
					t.Errorf("%s[%d] quotes the token: %q", name, j, f.Index(j).String())
				}
			}
		}
	}
}

// checkBodyKind holds the kind to what the whole body was, and the reading
// to everything up to the limit: less would misjudge the kind.
func checkBodyKind(t *testing.T, e *APIError, rb *epictest.RepeatedBody, data []byte) {
	t.Helper()
	if want := min(rb.Size, MaxBodyBytes+1); rb.BytesRead != want {
		t.Errorf("read %d bytes of a %d-byte body, want %d", rb.BytesRead, rb.Size, want)
	}
	tooLarge := rb.Size > MaxBodyBytes
	if (e.Body == BodyTooLarge) != tooLarge {
		t.Errorf("a %d-byte body decoded as kind %d", rb.Size, e.Body)
	}
	if blank := len(bytes.TrimSpace(data)) == 0; !tooLarge && blank != (e.Body == BodyEmpty) {
		t.Errorf("a body that is blank=%v decoded as kind %d", blank, e.Body)
	}
	switch e.Body {
	case BodyEpicJSON:
		if e.ErrorCode == "" {
			t.Errorf("Epic's JSON without an errorCode")
		}
	case BodyUnreadable:
		t.Errorf("a body that reads without fault decoded as unreadable")
	}
}

// checkRetryAfter wants whole seconds taken as said: a wait too long for a
// Duration must not wrap around to a short or negative one.
func checkRetryAfter(t *testing.T, got time.Duration, header string) {
	t.Helper()
	if got < 0 {
		t.Fatalf("RetryAfter %v from %q is negative", got, header)
	}
	n, err := strconv.Atoi(strings.TrimSpace(header))
	if err != nil || n < 0 {
		return
	}
	const longest = math.MaxInt64 / int64(time.Second)
	if int64(n) <= longest {
		if got != time.Duration(n)*time.Second {
			t.Errorf("Retry-After %q gave %v", header, got)
		}
	} else if got < time.Duration(longest)*time.Second {
		t.Errorf("Retry-After %q, too long for a Duration, gave only %v", header, got)
	}
}
