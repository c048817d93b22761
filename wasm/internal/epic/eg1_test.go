package epic

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clientPClaim is the p claim of a client_credentials eg1 token for
// wexPCGameClient, as a private server copied it from a real token.
const clientPClaim = "eNp9zDEOgzAMheH7VCxltMTQE/QMxnEgkomR4wi4fQMS3drRz/r+jfcVCIVzQBv6jtBRdIIyo3EAjZGttB2JtGaHtY6SCO6Td2fLKK" +
	"/q8zvLMTy77SqK1lBcDSeGchTn5Wfkj4HHqWJMktD56+6hPS95Io6mrdV/AKLsT2A="

var clientPClaimPerms = []GrantedPermission{
	{"wexp:calendar", 2},
	{"catalog:shared:offers", 2},
	{"account:public:account:externalAuthOnly", 1},
	{"wexp:cloudstorage:system", 2},
	{"account:public:account", 1},
	{"wexp:cloudstorage:system:*", 2},
	{"affiliate:public:affiliate", 2},
	{"wexp:storefront", 2},
}

const testHeader = `{"kid":"tFC2UIhFpTM_Ea3qcOd_MqQT1cBBm9kFLSDfeJhsRG8","alg":"PS256"}`

var (
	b64url = base64.RawURLEncoding
	stdB64 = base64.StdEncoding
)

// jwt builds an eg1 token from a header and a payload text.
func jwt(header, payload string) string {
	return EG1Prefix + b64url.EncodeToString([]byte(header)) + "." + b64url.EncodeToString([]byte(payload)) + ".c2lnbmF0dXJl"
}

// eg1 builds an eg1 token with the claims of the captured wexPCGameClient
// token, changed by set (a nil value removes the claim).
func eg1(set map[string]any) string {
	claims := map[string]any{
		"app": "wex", "sub": "94b1569506b04f9f8557af611e8c5e47", "dvid": "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1", "mver": false,
		"clid": "3cf78cd3b00b439a8755a878b160c7ad", "dn": "display name here", "am": "exchange_code",
		"p": clientPClaim, "iai": "94b1569506b04f9f8557af611e8c5e47", "sec": 1, "clsvc": "wex", "t": "s", "ic": true,
		"exp": 1672348766, "iat": 1672319966, "jti": "cb0aaaaaaaaaaaaaaaaaaaaaaaaac375",
	}
	for k, v := range set {
		if v == nil {
			delete(claims, k)
			continue
		}
		claims[k] = v
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		panic(err)
	}
	return jwt(testHeader, string(payload))
}

func zlibB64(text string, enc *base64.Encoding) string {
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	_, _ = zw.Write([]byte(text))
	_ = zw.Close()
	return enc.EncodeToString(buf.Bytes())
}

func TestDecodeEG1ReadsEveryClaim(t *testing.T) {
	c, err := DecodeEG1(eg1(map[string]any{"acr": "urn:epic:loa:aal1", "auth_time": 1672319000}))
	require.NoError(t, err)
	assert.Equal(t, &Claims{
		DisplayName:    "display name here",
		Subject:        "94b1569506b04f9f8557af611e8c5e47",
		AccountID:      "94b1569506b04f9f8557af611e8c5e47",
		ClientID:       "3cf78cd3b00b439a8755a878b160c7ad",
		ClientService:  "wex",
		App:            "wex",
		AuthMethod:     "exchange_code",
		TokenType:      EG1Session,
		DeviceID:       "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1",
		ACR:            "urn:epic:loa:aal1",
		InternalClient: true,
		Sec:            1,
		ExpiresAt:      time.Date(2022, 12, 29, 21, 19, 26, 0, time.UTC),
		IssuedAt:       time.Date(2022, 12, 29, 13, 19, 26, 0, time.UTC),
		AuthTime:       time.Unix(1672319000, 0).UTC(),
		Perms:          clientPClaimPerms,
	}, c)
	assert.Equal(t, HolderAccount, c.Holder())
}

func TestDecodeEG1(t *testing.T) {
	bomb := zlibB64(strings.Repeat("a", MaxPermsBytes+1), base64.StdEncoding)
	justFits := zlibB64("x=8"+strings.Repeat(" ", MaxPermsBytes-3), base64.StdEncoding)
	tests := []struct {
		name      string
		token     string
		wantErr   error
		wantPerms []GrantedPermission
		check     func(t *testing.T, c *Claims)
	}{
		{name: "no p claim means unknown permissions", token: eg1(map[string]any{"p": nil}), wantPerms: nil},
		{name: "empty p list", token: eg1(map[string]any{"p": zlibB64("", base64.StdEncoding)}), wantPerms: []GrantedPermission{}},
		{name: "p unpadded", token: eg1(map[string]any{"p": strings.TrimRight(clientPClaim, "=")}), wantPerms: clientPClaimPerms},
		{name: "p in base64url", token: eg1(map[string]any{"p": zlibB64("a:b=8,c:*=15", base64.URLEncoding)}),
			wantPerms: []GrantedPermission{{"a:b", 8}, {"c:*", 15}}},
		{name: "p with spaces and trailing comma", token: eg1(map[string]any{"p": zlibB64(" a:b=8 , c=2,", base64.StdEncoding)}),
			wantPerms: []GrantedPermission{{"a:b", 8}, {"c", 2}}},
		{name: "p as a JSON list", token: eg1(map[string]any{"p": zlibB64(`[{"resource":"account:token:*","action":8}]`, base64.StdEncoding)}),
			wantPerms: []GrantedPermission{{"account:token:*", 8}}},
		{name: "p of exactly the limit", token: eg1(map[string]any{"p": justFits}), check: func(t *testing.T, c *Claims) {
			require.Len(t, c.Perms, 1)
		}},
		{name: "p decompressing past the limit", token: eg1(map[string]any{"p": bomb}), wantErr: ErrEG1Permissions},
		{name: "p not base64", token: eg1(map[string]any{"p": "eNq!!!"}), wantErr: ErrEG1Permissions},
		{name: "p not zlib", token: eg1(map[string]any{"p": base64.StdEncoding.EncodeToString([]byte("a:b=8"))}), wantErr: ErrEG1Permissions},
		{name: "p truncated", token: eg1(map[string]any{"p": clientPClaim[:40]}), wantErr: ErrEG1Permissions},
		{name: "p not a string", token: eg1(map[string]any{"p": 12}), wantErr: ErrEG1Permissions},
		{name: "p item without action", token: eg1(map[string]any{"p": zlibB64("a:b", base64.StdEncoding)}), wantErr: ErrEG1Permissions},
		{name: "p item with empty resource", token: eg1(map[string]any{"p": zlibB64("=8", base64.StdEncoding)}), wantErr: ErrEG1Permissions},
		{name: "p item with negative action", token: eg1(map[string]any{"p": zlibB64("a=-8", base64.StdEncoding)}), wantErr: ErrEG1Permissions},
		{name: "p item with word action", token: eg1(map[string]any{"p": zlibB64("a=DELETE", base64.StdEncoding)}), wantErr: ErrEG1Permissions},
		{name: "p bad JSON list", token: eg1(map[string]any{"p": zlibB64(`[{"resource":1}]`, base64.StdEncoding)}), wantErr: ErrEG1Permissions},
		{name: "refresh token decodes", token: eg1(map[string]any{"t": "r"}), check: func(t *testing.T, c *Claims) {
			assert.Equal(t, EG1Refresh, c.TokenType)
		}},
		{name: "client-only token", token: eg1(map[string]any{"sub": nil, "iai": nil, "dn": nil, "am": "client_credentials"}),
			check: func(t *testing.T, c *Claims) { assert.Equal(t, HolderClient, c.Holder()) }},
		{name: "fractional exp", token: eg1(map[string]any{"exp": 1672348766.5}), check: func(t *testing.T, c *Claims) {
			assert.Equal(t, time.Unix(1672348766, 500_000_000).UTC(), c.ExpiresAt)
		}},
		{name: "claims of unexpected types are ignored", token: eg1(map[string]any{"exp": "soon", "dn": 5, "sec": true, "ic": "yes"}),
			check: func(t *testing.T, c *Claims) {
				assert.True(t, c.ExpiresAt.IsZero())
				assert.Empty(t, c.DisplayName)
				assert.Zero(t, c.Sec)
				assert.Equal(t, "exchange_code", c.AuthMethod)
			}},
		{name: "padded segments", token: EG1Prefix + "eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0=.c2ln", check: func(t *testing.T, c *Claims) {
			assert.Equal(t, "x", c.Subject)
		}},
		{name: "no prefix", token: strings.TrimPrefix(eg1(nil), EG1Prefix), wantErr: ErrEG1Malformed},
		{name: "two parts", token: EG1Prefix + "eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0", wantErr: ErrEG1Malformed},
		{name: "four parts", token: eg1(nil) + ".c2ln", wantErr: ErrEG1Malformed},
		{name: "empty signature", token: EG1Prefix + "eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.", wantErr: ErrEG1Malformed},
		{name: "empty header", token: EG1Prefix + ".eyJzdWIiOiJ4In0.c2ln", wantErr: ErrEG1Malformed},
		{name: "standard base64 in a segment", token: EG1Prefix + "eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0+.c2ln", wantErr: ErrEG1Malformed},
		{name: "header not JSON", token: jwt("PS256", `{"sub":"x"}`), wantErr: ErrEG1Malformed},
		{name: "payload not JSON", token: jwt(testHeader, `{"sub":`), wantErr: ErrEG1Payload},
		{name: "payload a JSON list", token: jwt(testHeader, `["sub"]`), wantErr: ErrEG1Payload},
		{name: "payload null", token: jwt(testHeader, `null`), wantErr: ErrEG1Payload},
		{name: "too long", token: eg1(map[string]any{"x": strings.Repeat("a", MaxTokenLen)}), wantErr: ErrTokenTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := DecodeEG1(tt.token)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Nil(t, c)
				assert.NotContains(t, err.Error(), tt.token)
				return
			}
			require.NoError(t, err)
			if tt.check != nil {
				tt.check(t, c)
				return
			}
			assert.Equal(t, tt.wantPerms, c.Perms)
		})
	}
}

func TestDecodePermissionClaimReadsARealClaim(t *testing.T) {
	assert.True(t, strings.HasPrefix(clientPClaim, "eNp"), "a zlib header")
	perms, err := DecodePermissionClaim(clientPClaim)
	require.NoError(t, err)
	assert.Equal(t, clientPClaimPerms, perms)
}
