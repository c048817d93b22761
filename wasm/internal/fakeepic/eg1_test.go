//go:build !js

package fakeepic_test

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// splitEG1 checks the token's shape and returns its header and payload.
func splitEG1(t *testing.T, token string) (header, payload map[string]any) {
	t.Helper()
	rest, ok := strings.CutPrefix(token, "eg1~")
	require.True(t, ok, "eg1~ prefix")
	parts := strings.Split(rest, ".")
	require.Len(t, parts, 3)
	var seg [3][]byte
	for i, p := range parts {
		require.NotContains(t, p, "=", "JWT segments are unpadded")
		b, err := base64.RawURLEncoding.DecodeString(p)
		require.NoError(t, err)
		seg[i] = b
	}
	require.NoError(t, json.Unmarshal(seg[0], &header))
	require.NoError(t, json.Unmarshal(seg[1], &payload))
	assert.Len(t, seg[2], 256)
	return header, payload
}

func inflate(t *testing.T, p string) (string, []byte) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(p)
	require.NoError(t, err)
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	require.NoError(t, err)
	text, err := io.ReadAll(zr)
	require.NoError(t, err)
	return string(text), raw
}

func TestEG1MintsTheClaimsOfARealToken(t *testing.T) {
	iat := time.Date(2022, 12, 29, 13, 19, 26, 0, time.UTC)
	token := fakeepic.EG1(fakeepic.EG1Claims{
		AccountID: accountA, DisplayName: "display name here", ClientID: client1, ClientService: "wex",
		DeviceID:    "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1",
		Permissions: []fakeepic.Permission{{Resource: "account:token:otherSessionsForAccountClient", Action: fakeepic.Delete}, {Resource: "wexp:profile:x:*", Action: fakeepic.All}},
		IssuedAt:    iat,
	})
	header, payload := splitEG1(t, token)
	assert.Equal(t, map[string]any{"kid": "fakeepic", "alg": "PS256"}, header)
	p, _ := payload["p"].(string)
	delete(payload, "p")
	jti, _ := payload["jti"].(string)
	delete(payload, "jti")
	assert.Regexp(t, `^[0-9a-f]{32}$`, jti)
	assert.Equal(t, map[string]any{
		"app": "wex", "sub": accountA, "dvid": "d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1", "mver": false, "clid": client1,
		"dn": "display name here", "am": "exchange_code", "iai": accountA, "sec": float64(1), "clsvc": "wex",
		"t": "s", "ic": true, "exp": float64(iat.Add(8 * time.Hour).Unix()), "iat": float64(iat.Unix()),
	}, payload)

	assert.True(t, strings.HasPrefix(p, "eN"), "Epic's claim starts with the zlib header 78 DA")
	text, raw := inflate(t, p)
	assert.Equal(t, []byte{0x78, 0xda}, raw[:2])
	assert.Equal(t, "account:token:otherSessionsForAccountClient=8,wexp:profile:x:*=15", text)
}

func TestEG1Variants(t *testing.T) {
	tests := []struct {
		name  string
		in    fakeepic.EG1Claims
		check func(t *testing.T, payload map[string]any)
	}{
		{"client-only", fakeepic.EG1Claims{ClientID: client1}, func(t *testing.T, pl map[string]any) {
			for _, k := range []string{"sub", "iai", "dn", "dvid", "p"} {
				assert.NotContains(t, pl, k)
			}
			assert.Equal(t, "client_credentials", pl["am"])
		}},
		{"refresh", fakeepic.EG1Claims{AccountID: accountA, Refresh: true}, func(t *testing.T, pl map[string]any) {
			assert.Equal(t, "r", pl["t"])
		}},
		{"empty permission list", fakeepic.EG1Claims{AccountID: accountA, Permissions: []fakeepic.Permission{}}, func(t *testing.T, pl map[string]any) {
			text, _ := inflate(t, pl["p"].(string))
			assert.Empty(t, text)
		}},
		{"raw p", fakeepic.EG1Claims{AccountID: accountA, RawP: "eNqbroken"}, func(t *testing.T, pl map[string]any) {
			assert.Equal(t, "eNqbroken", pl["p"])
		}},
		{"explicit expiry and method", fakeepic.EG1Claims{AccountID: accountA, AuthMethod: "device_auth",
			ExpiresAt: time.Unix(1700000000, 0)}, func(t *testing.T, pl map[string]any) {
			assert.Equal(t, float64(1700000000), pl["exp"])
			assert.Equal(t, "device_auth", pl["am"])
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, payload := splitEG1(t, fakeepic.EG1(tt.in))
			tt.check(t, payload)
		})
	}
	assert.NotEqual(t, fakeepic.EG1(fakeepic.EG1Claims{}), fakeepic.EG1(fakeepic.EG1Claims{}), "every token is new")
	assert.Empty(t, fakeepic.PermissionClaim(nil))
}

func TestTheServiceAcceptsEG1Tokens(t *testing.T) {
	s := fakeepic.New()
	clock := newFakeClock()
	s.SetClock(clock.Now)
	grant := fakeepic.Grant{AccountID: accountA, DisplayName: "lele", ClientID: client1, ClientService: "fortnite",
		Permissions: killPerms, ExpiresIn: 2 * time.Hour}
	caller := s.IssueEG1(grant)
	other := s.IssueEG1(grant)
	single := s.IssueEG1(grant)
	require.True(t, strings.HasPrefix(caller, "eg1~"))

	rec := call(t, s, http.MethodGet, verifyPath+"?includePerms=true", bearer(caller))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var v map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &v))
	_, payload := splitEG1(t, caller)
	assert.Equal(t, v["account_id"], payload["iai"])
	assert.Equal(t, v["client_id"], payload["clid"])
	assert.Equal(t, v["display_name"], payload["dn"])
	assert.Equal(t, v["auth_method"], payload["am"])
	assert.Equal(t, v["client_service"], payload["clsvc"])
	expiresAt, err := time.Parse(time.RFC3339, v["expires_at"].(string))
	require.NoError(t, err)
	assert.Equal(t, expiresAt.Truncate(time.Second), time.Unix(int64(payload["exp"].(float64)), 0).UTC(), "exp counts whole seconds")
	text, _ := inflate(t, payload["p"].(string))
	assert.Equal(t, "account:token:*=8", text)

	// The single-session kill carries the eg1 token in its path, as Epic's does.
	requireNoContent(t, call(t, s, http.MethodDelete, killPath+"/"+single, bearer(caller)))
	assert.False(t, s.Alive(single))

	requireNoContent(t, kill(t, s, caller, "OTHERS_ACCOUNT_CLIENT"))
	assert.True(t, s.Alive(caller))
	assert.False(t, s.Alive(other))

	clock.Advance(2 * time.Hour)
	rec = call(t, s, http.MethodGet, verifyPath, bearer(caller))
	assert.Equal(t, http.StatusUnauthorized, rec.Code)
}
