//go:build !js

package epic

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// fixedMessages holds every error text that does not depend on the input. A
// fuzzed input that happens to be a piece of one of them is not a leak.
var fixedMessages = strings.Join([]string{
	ErrNoToken.Error(), ErrTokenHasSpace.Error(), ErrTokenBadChar.Error(), ErrTokenTooLong.Error(),
	ErrEG1Malformed.Error(), ErrEG1Payload.Error(), ErrEG1Permissions.Error(),
	ErrTokenUnrecognized.Error(), ErrTokenJSON.Error(), ErrNoAccessToken.Error(), ErrRefreshToken.Error(),
	"the access token expired on : sign in again and paste the new access token",
}, "\n")

var parseErrors = []error{
	ErrNoToken, ErrTokenHasSpace, ErrTokenTooLong, ErrEG1Malformed, ErrEG1Payload, ErrEG1Permissions,
	ErrTokenUnrecognized, ErrTokenJSON, ErrNoAccessToken, ErrRefreshToken, ErrTokenExpired,
}

func fuzzSeeds() []string {
	const hex = "065981d58ba642e7ac6ef7d6c4ed15b2"
	return []string{
		"", " ", hex, "bearer " + hex, "Bearer " + eg1(nil), `"` + hex + `"`, "'bearer " + hex + "'",
		"Authorization: bearer " + hex, eg1(nil), eg1(map[string]any{"t": "r"}), eg1(map[string]any{"exp": 1}),
		eg1(map[string]any{"p": "eNqbroken"}), eg1(map[string]any{"p": nil}),
		`{"access_token":"` + hex + `","expires_at":"2030-01-01T00:00:00.000Z","account_id":"a"}`,
		`{"refresh_token":"` + hex + `"}`, `{"access_token":1}`, `{`, "eg1~a.b.c", "eg1~..", "bearer",
		"bearerbearer " + hex, hex + "\x00", "0659é81d5", strings.Repeat("a", 40),
	}
}

func FuzzParseToken(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		tok, err := ParseToken(in, parseNow)
		if err != nil {
			msg := err.Error()
			if msg == "" || strings.Contains(msg, "\n") {
				t.Fatalf("error is not one line: %q", msg)
			}
			known := false
			for _, e := range parseErrors {
				known = known || errors.Is(err, e)
			}
			if !known {
				t.Fatalf("unexpected error %v", err)
			}
			if len(in) > 8 && strings.Contains(msg, in) && !strings.Contains(fixedMessages, in) {
				t.Fatalf("error quotes the input: %q", msg)
			}
			if tok != (Token{}) {
				t.Fatalf("a refused token still came back")
			}
			return
		}
		v := tok.Value
		if strings.IndexFunc(v, unicode.IsSpace) >= 0 {
			t.Fatalf("token has space: %q", v)
		}
		if strings.ContainsAny(v, "\"'`") {
			t.Fatalf("token has quotes: %q", v)
		}
		for _, scheme := range []string{"bearer", "authorization"} {
			if len(v) >= len(scheme) && strings.EqualFold(v[:len(scheme)], scheme) {
				t.Fatalf("token starts with %s: %q", scheme, v)
			}
		}
		switch {
		case isHex32(v):
			if tok.Kind != TokenOpaque || tok.Claims != nil {
				t.Fatalf("hex token of kind %v", tok.Kind)
			}
		case strings.HasPrefix(v, EG1Prefix):
			if tok.Kind != TokenEG1 || tok.Claims == nil {
				t.Fatalf("eg1 token of kind %v", tok.Kind)
			}
			if tok.Claims.TokenType == EG1Refresh {
				t.Fatalf("refresh token accepted")
			}
			if !tok.ExpiresAt.IsZero() && !tok.ExpiresAt.After(parseNow) {
				t.Fatalf("expired token accepted")
			}
		default:
			t.Fatalf("token is neither 32 hex nor eg1: %q", v)
		}
		if len(v) > MaxTokenLen {
			t.Fatalf("token of %d bytes accepted", len(v))
		}
		// The bare value alone parses to itself.
		again, err := ParseToken(v, parseNow)
		if err != nil || again.Value != v {
			t.Fatalf("re-parsing the value: %v", err)
		}
	})
}

func FuzzDecodeEG1(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Add(eg1(map[string]any{"p": zlibB64(`[{"resource":"a","action":8}]`, stdB64)}))
	f.Add(eg1(map[string]any{"p": zlibB64(strings.Repeat("a:b=8,", 20000), stdB64)}))
	f.Fuzz(func(t *testing.T, token string) {
		c, err := DecodeEG1(token)
		if err != nil {
			if !errors.Is(err, ErrEG1Malformed) && !errors.Is(err, ErrEG1Payload) &&
				!errors.Is(err, ErrEG1Permissions) && !errors.Is(err, ErrTokenTooLong) {
				t.Fatalf("unexpected error %v", err)
			}
			if len(token) > 8 && strings.Contains(err.Error(), token) && !strings.Contains(fixedMessages, token) {
				t.Fatalf("error quotes the token")
			}
			return
		}
		if len(token) > MaxTokenLen || !strings.HasPrefix(token, EG1Prefix) {
			t.Fatalf("decoded a token that should be refused")
		}
		checkPermsBounded(t, c.Perms)
	})
}

// FuzzDecodePermissionClaim feeds raw bytes as the compressed claim, which
// reaches the zlib reader far more often than mutating base64 text does.
func FuzzDecodePermissionClaim(f *testing.F) {
	for _, text := range []string{"", "a:b=8", "a=1,b:*=15,", `[{"resource":"a","action":8}]`, strings.Repeat("x", MaxPermsBytes+1)} {
		var buf bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
		_, _ = zw.Write([]byte(text))
		_ = zw.Close()
		f.Add(buf.Bytes())
	}
	f.Add([]byte{0x78, 0xda})
	f.Fuzz(func(t *testing.T, compressed []byte) {
		perms, err := DecodePermissionClaim(base64.StdEncoding.EncodeToString(compressed))
		if err != nil {
			if !errors.Is(err, ErrEG1Permissions) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if perms == nil {
			t.Fatalf("a decoded claim must be a known (non-nil) list")
		}
		checkPermsBounded(t, perms)
		// What decodes re-encodes to the same list, unless a resource holds
		// a separator the text form cannot carry.
		items := make([]string, len(perms))
		for i, p := range perms {
			if strings.ContainsAny(p.Resource, ",=") || strings.TrimSpace(p.Resource) != p.Resource {
				return
			}
			items[i] = p.Resource + "=" + strconv.Itoa(p.Action)
		}
		again, err := DecodePermissionClaim(zlibB64(strings.Join(items, ","), stdB64))
		if err != nil || len(again) != len(perms) {
			t.Fatalf("re-encoded claim: %v", err)
		}
		for i := range perms {
			if again[i] != perms[i] {
				t.Fatalf("re-encoded claim differs at %d", i)
			}
		}
	})
}

func checkPermsBounded(t *testing.T, perms []GrantedPermission) {
	t.Helper()
	total := 0
	for _, p := range perms {
		if p.Resource == "" || p.Action < 0 {
			t.Fatalf("bad permission %+v", p)
		}
		total += len(p.Resource)
	}
	if total > MaxPermsBytes || len(perms) > MaxPermsBytes/2 {
		t.Fatalf("decoded %d permissions of %d bytes, over the limit", len(perms), total)
	}
}
