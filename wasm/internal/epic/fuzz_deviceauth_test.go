//go:build !js

package epic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic/epictest"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
)

// FuzzDecodeDeviceAuths drives DeviceAuths against any answer: a head and
// then a block repeated, so that lists far over MaxBodyBytes cost little.
// Whatever comes back holds no token, is bounded, and has ids Epic's form;
// an answer read whole is read as the same reader written with
// encoding/json reads it.
func FuzzDecodeDeviceAuths(f *testing.F) {
	answerEG1 := eg1(nil)
	f.Fuzz(func(t *testing.T, status int, contentType, retryAfter string, head, block []byte, repeat uint16, useEG1 bool) {
		token := testToken
		if useEG1 {
			token = answerEG1
		}
		header := http.Header{}
		if contentType != "" {
			header.Set("Content-Type", withToken(contentType, token))
		}
		if retryAfter != "" {
			header.Set("Retry-After", withToken(retryAfter, token))
		}
		head = []byte(withToken(string(head), token))
		block = []byte(withToken(string(block), token))
		body := &headedBody{head: bytes.NewReader(head), rest: epictest.NewRepeatedBody(block, int(repeat))}
		d := &epictest.Doer{Answer: &http.Response{StatusCode: status, Header: header, Body: body}}

		list, err := (&Client{Doer: d, BaseURL: "https://account.test"}).DeviceAuths(context.Background(), token, testAccountID)

		size := len(head) + body.rest.Size
		if d.Calls != 1 {
			t.Fatalf("%d requests sent, want 1", d.Calls)
		}
		if !body.rest.Closed {
			t.Errorf("the body was not closed")
		}
		if read := len(head) - body.head.Len() + body.rest.BytesRead; read > MaxBodyBytes+1 {
			t.Errorf("read %d bytes of a %d-byte body, over MaxBodyBytes+1", read, size)
		}
		if err != nil && containsToken(err.Error(), token) {
			t.Errorf("the error quotes the token: %q", err.Error())
		}
		switch {
		case status == 0 || (status >= 300 && status < 400):
			var redirect *RedirectError
			if !errors.As(err, &redirect) || redirect.StatusCode != status {
				t.Fatalf("HTTP %d gave %T %v, want a RedirectError", status, err, err)
			}
			return
		case status != http.StatusOK:
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("HTTP %d gave %T %v, want an APIError of that status", status, err, err)
			}
			checkNoToken(t, apiErr, token)
			checkRetryAfter(t, apiErr.RetryAfter, header.Get("Retry-After"))
			return
		}
		var listErr *DeviceAuthListError
		switch {
		case errors.As(err, &listErr):
			if listErr.Problem < DeviceAuthListEmpty || listErr.Problem > DeviceAuthListBadEntry || list.Items != nil || list.Truncated || list.Skipped != 0 {
				t.Fatalf("a list error %v came with a list or without a known problem", err)
			}
		case err != nil:
			t.Fatalf("a 200 gave %T %v", err, err)
		default:
			checkDeviceAuthList(t, list, token)
			if size <= MaxBodyBytes && list.Truncated && len(list.Items) != MaxDeviceAuths {
				t.Fatalf("a list read whole is truncated with %d entries", len(list.Items))
			}
		}
		if size <= MaxBodyBytes {
			data := append(head, bytes.Repeat(block, int(repeat))...)
			if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > jsonvalue.MaxDepth {
				return // may nest deeper than the popup reads, where encoding/json goes on
			}
			wantList, wantErr := decodeDeviceAuthsWithEncodingJSON(data, token)
			if !reflect.DeepEqual(wantErr, err) {
				t.Fatalf("error %v, encoding/json's reader %v", err, wantErr)
			}
			sameLastAccess(list, &wantList)
			if !reflect.DeepEqual(wantList, list) {
				t.Fatalf("read %+v, encoding/json's reader %+v", list, wantList)
			}
		}
	})
}

// checkDeviceAuthList holds what the list may hold: ids in Epic's form,
// each device once, texts within their limits and without the token,
// times in UTC.
func checkDeviceAuthList(t *testing.T, list DeviceAuthList, token string) {
	t.Helper()
	if list.Items == nil || len(list.Items) > MaxDeviceAuths || list.Skipped < 0 {
		t.Fatalf("%d items (nil %v), %d skipped", len(list.Items), list.Items == nil, list.Skipped)
	}
	seen := map[string]bool{}
	for i, d := range list.Items {
		if !isLowerHex32(d.DeviceID) || seen[d.DeviceID] {
			t.Errorf("item %d: device id %q is not Epic's form, or listed twice", i, d.DeviceID)
		}
		seen[d.DeviceID] = true
		if d.AccountID != "" && !isLowerHex32(d.AccountID) {
			t.Errorf("item %d: account id %q is not Epic's form", i, d.AccountID)
		}
		checkRunes(t, "UserAgent", d.UserAgent, maxUserAgentRunes)
		for _, a := range []*DeviceAccess{&d.Created, d.LastAccess} {
			if a == nil {
				continue
			}
			checkRunes(t, "Location", a.Location, maxLocationRunes)
			checkRunes(t, "IPAddress", a.IPAddress, maxIPAddressRunes)
			if !a.Time.IsZero() && a.Time.Location() != time.UTC {
				t.Errorf("item %d: time %v is not in UTC", i, a.Time)
			}
		}
	}
	walkStrings(reflect.ValueOf(list), "list", func(path, s string) {
		if containsToken(s, token) {
			t.Errorf("%s quotes the token: %q", path, s)
		}
	})
}

func isLowerHex32(s string) bool {
	return isHex32(s) && strings.ToLower(s) == s
}

func checkRunes(t *testing.T, name, s string, most int) {
	t.Helper()
	if n := utf8.RuneCountInString(s); n > most {
		t.Errorf("%s has %d runes, over %d", name, n, most)
	}
}

// walkStrings calls visit with every string v holds, so that a field added
// later is looked in too.
func walkStrings(v reflect.Value, path string, visit func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		visit(path, v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), path+"[]", visit)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return
		}
		for i := range v.NumField() {
			walkStrings(v.Field(i), path+"."+v.Type().Field(i).Name, visit)
		}
	}
}

// The list's reader with encoding/json. Its structs have the layout of the
// reader's own, so that encoding/json fills them by the same rules.

type jsonDeviceAccess struct {
	Location  string `json:"location"`
	IPAddress string `json:"ipAddress"`
	DateTime  string `json:"dateTime"`
}

type jsonDeviceAuth struct {
	DeviceID   string            `json:"deviceId"`
	AccountID  string            `json:"accountId"`
	UserAgent  string            `json:"userAgent"`
	Created    jsonDeviceAccess  `json:"created"`
	LastAccess *jsonDeviceAccess `json:"lastAccess"`
}

func decodeDeviceAuthsWithEncodingJSON(data []byte, token string) (DeviceAuthList, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListEmpty}
	}
	if !json.Valid(data) {
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListNotJSON}
	}
	// Valid JSON that starts with no bracket is a value of another kind.
	if bytes.TrimLeft(data, " \t\r\n")[0] != '[' {
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListNotArray}
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		panic(err)
	}
	for _, e := range raw {
		if e[0] != '{' {
			return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListBadEntry}
		}
	}
	list := DeviceAuthList{Items: []DeviceAuth{}}
	seen := map[string]bool{}
	for _, r := range raw {
		if len(list.Items) == MaxDeviceAuths {
			list.Truncated = true
			break
		}
		var e jsonDeviceAuth
		var typeErr *json.UnmarshalTypeError
		if err := json.Unmarshal(r, &e); err != nil && !errors.As(err, &typeErr) {
			panic(err)
		}
		a := deviceAuthAnswer{DeviceID: e.DeviceID, AccountID: e.AccountID, UserAgent: e.UserAgent,
			Created: deviceAccessAnswer(e.Created), LastAccess: (*deviceAccessAnswer)(e.LastAccess)}
		d, ok := a.deviceAuth(token)
		if !ok || seen[d.DeviceID] {
			list.Skipped++
			continue
		}
		seen[d.DeviceID] = true
		list.Items = append(list.Items, d)
	}
	return list, nil
}

// sameLastAccess forgives encoding/json's one difference: a lastAccess of
// another type leaves it a pointer to nothing, where the reader leaves nil.
func sameLastAccess(got DeviceAuthList, want *DeviceAuthList) {
	for i := range min(len(got.Items), len(want.Items)) {
		if w := want.Items[i].LastAccess; got.Items[i].LastAccess == nil && w != nil && *w == (DeviceAccess{}) {
			want.Items[i].LastAccess = nil
		}
	}
}

// headedBody is a head and then a repeated body.
type headedBody struct {
	head *bytes.Reader
	rest *epictest.RepeatedBody
}

func (b *headedBody) Read(p []byte) (int, error) {
	if b.head.Len() > 0 {
		return b.head.Read(p)
	}
	n, err := b.rest.Read(p)
	if err != nil && n == 0 {
		return 0, io.EOF
	}
	return n, err
}

func (b *headedBody) Close() error { return b.rest.Close() }
