package epic

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/inflate"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
)

// EG1Prefix starts every JWT-kind Epic token.
const EG1Prefix = "eg1~"

// MaxTokenLen bounds a token. Real eg1 tokens are one to three KiB; anything
// far longer is not a token and is refused before any decoding work.
const MaxTokenLen = 16 << 10

// MaxPermsBytes bounds the decompressed permission claim, so that a small
// token cannot expand into unbounded memory.
const MaxPermsBytes = 64 << 10

// eg1 decoding errors. None quotes the token.
var (
	ErrEG1Malformed   = errors.New("the eg1 token is damaged: it must be eg1~ followed by three base64url parts joined by dots, so copy it again in one piece")
	ErrEG1Payload     = errors.New("the eg1 token's content is not readable JSON, so copy it again in one piece")
	ErrEG1Permissions = errors.New("the eg1 token's permission list (its p claim) cannot be read, so it is not a token Epic issued as it stands")
	ErrTokenTooLong   = errors.New("the pasted text is far longer than any Epic token: paste only the access token")
)

// Token types of the eg1 "t" claim.
const (
	EG1Session = "s" // an access token
	EG1Refresh = "r" // a refresh token, which Epic's other endpoints refuse
)

// Claims is the payload of an eg1 token. It is decoded, not verified: it
// serves as a hint for the user interface; Epic remains the authority.
type Claims struct {
	DisplayName    string    // dn
	Subject        string    // sub: the account id inside the app (in_app_id)
	AccountID      string    // iai
	ClientID       string    // clid
	ClientService  string    // clsvc
	App            string    // app
	AuthMethod     string    // am, e.g. "exchange_code", "client_credentials"
	TokenType      string    // t: EG1Session or EG1Refresh
	DeviceID       string    // dvid
	ACR            string    // acr, e.g. "urn:epic:loa:aal1"
	InternalClient bool      // ic
	MVer           bool      // mver
	Sec            int       // sec
	ExpiresAt      time.Time // exp; zero when absent
	IssuedAt       time.Time // iat; zero when absent
	AuthTime       time.Time // auth_time; zero when absent
	// Perms is the decoded p claim. It is nil when the token has no p claim
	// (permissions unknown) and empty when the claim lists none.
	Perms []GrantedPermission
}

// Holder says whose permission list the token carries: HolderAccount for a
// session signed in to an account, HolderClient for a client-only session.
func (c *Claims) Holder() string {
	if c.AccountID != "" || c.Subject != "" {
		return HolderAccount
	}
	return HolderClient
}

// DecodeEG1 decodes the payload of an "eg1~header.payload.signature" token
// without checking its signature (the public key needs a request, and the
// claims only feed hints). The jti claim is deliberately dropped: emulators
// treat it as the session's opaque token, which makes it a secret.
func DecodeEG1(token string) (*Claims, error) {
	if len(token) > MaxTokenLen {
		return nil, ErrTokenTooLong
	}
	rest, ok := strings.CutPrefix(token, EG1Prefix)
	if !ok {
		return nil, ErrEG1Malformed
	}
	parts := strings.Split(rest, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return nil, ErrEG1Malformed
	}
	var seg [3][]byte
	for i, p := range parts {
		b, err := decodeBase64URL(p)
		if err != nil {
			return nil, ErrEG1Malformed
		}
		seg[i] = b
	}
	if header, err := jsonvalue.Parse(seg[0]); err != nil || header.Kind() != jsonvalue.Object {
		return nil, ErrEG1Malformed
	}
	payload, err := jsonvalue.Parse(seg[1])
	if err != nil || payload.Kind() != jsonvalue.Object {
		return nil, ErrEG1Payload
	}
	return claimsFrom(payload)
}

// claimsFrom reads each known claim on its own and ignores one of an
// unexpected type: a display hint of a new shape must not refuse the token.
// Only p is strict, since a permission list read wrongly would mislead.
// Claim names match exactly, and the last of a repeated name counts.
func claimsFrom(payload jsonvalue.Value) (*Claims, error) {
	claim := func(name string) jsonvalue.Value {
		v, _ := payload.Get(name)
		return v
	}
	c := &Claims{}
	for _, str := range []struct {
		name string
		dst  *string
	}{
		{"dn", &c.DisplayName}, {"sub", &c.Subject}, {"iai", &c.AccountID}, {"clid", &c.ClientID},
		{"clsvc", &c.ClientService}, {"app", &c.App}, {"am", &c.AuthMethod}, {"t", &c.TokenType},
		{"dvid", &c.DeviceID}, {"acr", &c.ACR},
	} {
		*str.dst, _ = claim(str.name).AsString()
	}
	c.InternalClient, _ = claim("ic").AsBool()
	c.MVer, _ = claim("mver").AsBool()
	c.Sec, _ = claim("sec").AsInt()
	c.ExpiresAt = unixClaim(claim("exp"))
	c.IssuedAt = unixClaim(claim("iat"))
	c.AuthTime = unixClaim(claim("auth_time"))
	if p, ok := payload.Get("p"); ok {
		// Not a string, null included, is no permission list.
		s, ok := p.AsString()
		if !ok {
			return nil, ErrEG1Permissions
		}
		perms, err := DecodePermissionClaim(s)
		if err != nil {
			return nil, err
		}
		c.Perms = perms
	}
	return c, nil
}

// unixClaim reads a JWT NumericDate (seconds, possibly fractional).
func unixClaim(v jsonvalue.Value) time.Time {
	f, ok := v.AsFloat64()
	if !ok || f <= 0 || f > 1<<40 || math.IsNaN(f) {
		return time.Time{}
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}

// DecodePermissionClaim decodes an eg1 p claim: base64 of zlib-compressed
// text "resource=action,resource=action,…" (epic-api.md §2.3; a wexPCGameClient
// token's claim decompresses to exactly that). A JSON array of
// {resource, action} is accepted as well, in case Epic changes the encoding.
// The output is capped at MaxPermsBytes; more is an error, not a truncation.
func DecodePermissionClaim(p string) ([]GrantedPermission, error) {
	if len(p) > MaxTokenLen {
		return nil, ErrEG1Permissions
	}
	compressed, err := decodeBase64Any(p)
	if err != nil {
		return nil, ErrEG1Permissions
	}
	// inflate, not compress/zlib, keeps main.wasm some 65 KB smaller.
	text, err := inflate.Zlib(compressed, MaxPermsBytes)
	if err != nil {
		return nil, ErrEG1Permissions
	}
	return parsePermissionText(text)
}

func parsePermissionText(text []byte) ([]GrantedPermission, error) {
	trimmed := bytes.TrimSpace(text)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var list []GrantedPermission
		v, err := jsonvalue.Parse(trimmed)
		if err != nil || jsonvalue.DecodeArray(v, &list, decodeGrantedPermission) != nil {
			return nil, ErrEG1Permissions
		}
		for _, g := range list {
			if g.Resource == "" || g.Action < 0 || g.Action > math.MaxInt32 {
				return nil, ErrEG1Permissions
			}
		}
		if list == nil {
			list = []GrantedPermission{}
		}
		return list, nil
	}
	perms := []GrantedPermission{}
	for item := range strings.SplitSeq(string(trimmed), ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		// The action follows the last "=": resources never contain one, and
		// cutting at the last keeps the split unambiguous if one ever did.
		i := strings.LastIndexByte(item, '=')
		if i <= 0 {
			return nil, ErrEG1Permissions
		}
		action, err := strconv.ParseUint(item[i+1:], 10, 31)
		if err != nil {
			return nil, ErrEG1Permissions
		}
		perms = append(perms, GrantedPermission{Resource: item[:i], Action: int(action)})
	}
	return perms, nil
}

// decodeBase64URL decodes a JWT segment: base64url, padding optional.
func decodeBase64URL(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// decodeBase64Any decodes base64 in either alphabet, padded or not: the p
// claim is standard base64 inside a JWT whose segments are base64url.
func decodeBase64Any(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	if strings.ContainsAny(s, "-_") {
		return base64.RawURLEncoding.DecodeString(s)
	}
	return base64.RawStdEncoding.DecodeString(s)
}
