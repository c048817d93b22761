//go:build !js

package epic

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp/timestamptest"
)

// FuzzJSONReadersMatchEncodingJSON holds every JSON reader of the package to
// the same reader written with encoding/json (below), for any input: Epic's
// error body, the verify answer and its perms, a p claim's JSON list, a
// pasted token answer and an eg1 token's header and payload.
func FuzzJSONReadersMatchEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		bodyTokenVerificationFailed, bodyInvalidKillType, bodyVerify, `{"ERRORCODE":"x","messageVars":["a","b"],"MessageVars":[null]}`,
		`{"errorCode":"x","numericErrorCode":1.5}`, `{"client_id":"c","expires_at":"2023-06-11T02:35:48Z","perms":[null,{"Resource":"a"}]}`,
		`{"expires_in":"1","client_id":"c","expires_at":"2023-06-11T02:35:48Z","perms":[{"resource":"a","action":"8"}]}`,
		`[{"resource":"account:token:*","action":8},{"reſource":"b","ACTION":2}]`, `[{"resource":"a","action":2147483648}]`,
		`{"access_token":"065981d58ba642e7ac6ef7d6c4ed15b2","account_id":"a","account_id":5,"expires_at":"2030-01-01T00:00:00Z"}`,
		`{"refresh_token":" r ","access_token":null}`,
		`{"sub":"a","iai":"b","dn":5,"ic":true,"mver":"x","sec":1e2,"exp":1e400,"iat":-1,"auth_time":1672319000.25,"p":null}`,
		`{"sub":"a","sub":null,"exp":1672348766,"exp":"x"}`, `null`, `[]`, `"x"`, `{`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > jsonvalue.MaxDepth {
			return // may nest deeper than the popup reads, where encoding/json goes on
		}
		epicErr, ok := decodeEpicErrorBody(data)
		wantErr, wantOK := decodeEpicErrorBodyWithEncodingJSON(data)
		require.Equal(t, wantOK, ok, "Epic's error body")
		if ok {
			require.Equal(t, wantErr, epicErr, "Epic's error body")
		}

		verified, err := decodeVerifyAnswer(data, BodyOther)
		wantVerified, wantVerifyErr := decodeVerifyAnswerWithEncodingJSON(data)
		require.Equal(t, wantVerifyErr, err, "the verify answer")
		require.Equal(t, wantVerified, verified, "the verify answer")

		if json.Valid(data) {
			v, err := jsonvalue.Parse(data)
			require.NoError(t, err)
			require.Equal(t, decodePermsWithEncodingJSON(data), decodePerms(v), "verify's perms")
		}

		if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '[' {
			perms, err := parsePermissionText(data)
			wantPerms, wantErr := parsePermissionListWithEncodingJSON(trimmed)
			require.Equal(t, wantErr, err, "a p claim's JSON list")
			require.Equal(t, wantPerms, perms, "a p claim's JSON list")
		}

		if s := string(data); strings.HasPrefix(s, "{") {
			fields, ok := readTokenAnswer(s)
			wantFields, wantOK := readTokenAnswerWithEncodingJSON(s)
			require.Equal(t, wantOK, ok, "a token answer")
			require.Equal(t, wantFields, fields, "a token answer")
		}

		if len(data) == 0 {
			return // an empty segment is no token at all
		}
		for _, seg := range [][2][]byte{{[]byte(testHeader), data}, {data, []byte(`{"sub":"x"}`)}} {
			token := EG1Prefix + b64url.EncodeToString(seg[0]) + "." + b64url.EncodeToString(seg[1]) + ".c2ln"
			if len(token) > MaxTokenLen {
				continue
			}
			claims, err := DecodeEG1(token)
			wantClaims, wantErr := claimsWithEncodingJSON(seg[0], seg[1])
			require.Equal(t, wantErr, err, "eg1 header %q, payload %q", seg[0], seg[1])
			require.Equal(t, wantClaims, claims, "eg1 header %q, payload %q", seg[0], seg[1])
		}
	})
}

// The readers with encoding/json. Structs carry Epic's member names as tags;
// jsonPermission has GrantedPermission's layout, so that encoding/json grows
// and reuses a list of them exactly as it would a []GrantedPermission.

type jsonPermission struct {
	Resource string `json:"resource"`
	Action   int    `json:"action"`
}

func permsFromJSON(list []jsonPermission) []GrantedPermission {
	if list == nil {
		return nil
	}
	perms := make([]GrantedPermission, len(list))
	for i, p := range list {
		perms[i] = GrantedPermission(p)
	}
	return perms
}

type jsonEpicError struct {
	ErrorCode             string   `json:"errorCode"`
	ErrorMessage          string   `json:"errorMessage"`
	MessageVars           []string `json:"messageVars"`
	NumericErrorCode      int      `json:"numericErrorCode"`
	OriginatingService    string   `json:"originatingService"`
	Intent                string   `json:"intent"`
	OAuthError            string   `json:"error"`
	OAuthErrorDescription string   `json:"error_description"`
}

func decodeEpicErrorBodyWithEncodingJSON(body []byte) (APIError, bool) {
	var f jsonEpicError
	if json.Unmarshal(body, &f) != nil || f.ErrorCode == "" {
		return APIError{}, false
	}
	return APIError{
		ErrorCode: f.ErrorCode, ErrorMessage: f.ErrorMessage, MessageVars: f.MessageVars, NumericErrorCode: f.NumericErrorCode,
		OriginatingService: f.OriginatingService, Intent: f.Intent, OAuthError: f.OAuthError, OAuthErrorDescription: f.OAuthErrorDescription,
	}, true
}

type jsonVerifyAnswer struct {
	TokenType      string          `json:"token_type"`
	ClientID       string          `json:"client_id"`
	InternalClient bool            `json:"internal_client"`
	ClientService  string          `json:"client_service"`
	AccountID      string          `json:"account_id"`
	ExpiresIn      int             `json:"expires_in"`
	ExpiresAt      string          `json:"expires_at"`
	AuthMethod     string          `json:"auth_method"`
	DisplayName    string          `json:"display_name"`
	App            string          `json:"app"`
	InAppID        string          `json:"in_app_id"`
	DeviceID       string          `json:"device_id"`
	Perms          json.RawMessage `json:"perms"`
}

func decodeVerifyAnswerWithEncodingJSON(body []byte) (*VerifiedToken, error) {
	var a jsonVerifyAnswer
	var typeErr *json.UnmarshalTypeError
	if err := json.Unmarshal(body, &a); err != nil && !errors.As(err, &typeErr) {
		return nil, &VerifyAnswerError{VerifyAnswerNotJSON}
	}
	if a.ClientID == "" {
		return nil, &VerifyAnswerError{VerifyAnswerNoClientID}
	}
	// time.Parse, but only in RFC 3339's own shape, which is what Epic sends
	// and all the popup reads.
	at, err := time.Parse(time.RFC3339Nano, a.ExpiresAt)
	if err != nil || !timestamptest.RFC3339.MatchString(a.ExpiresAt) {
		return nil, &VerifyAnswerError{VerifyAnswerNoExpiresAt}
	}
	return &VerifiedToken{
		TokenType: a.TokenType, ClientID: a.ClientID, InternalClient: a.InternalClient, ClientService: a.ClientService,
		AccountID: a.AccountID, ExpiresIn: a.ExpiresIn, ExpiresAt: at.UTC(), AuthMethod: a.AuthMethod,
		DisplayName: a.DisplayName, App: a.App, InAppID: a.InAppID, DeviceID: a.DeviceID,
		Perms: decodePermsWithEncodingJSON(a.Perms),
	}, nil
}

func decodePermsWithEncodingJSON(raw json.RawMessage) []GrantedPermission {
	var list []jsonPermission
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	return permsFromJSON(list)
}

func parsePermissionListWithEncodingJSON(trimmed []byte) ([]GrantedPermission, error) {
	var list []jsonPermission
	if json.Unmarshal(trimmed, &list) != nil {
		return nil, ErrEG1Permissions
	}
	for _, g := range list {
		if g.Resource == "" || g.Action < 0 || g.Action > math.MaxInt32 {
			return nil, ErrEG1Permissions
		}
	}
	if list == nil {
		return []GrantedPermission{}, nil
	}
	return permsFromJSON(list), nil
}

func readTokenAnswerWithEncodingJSON(s string) (map[string]string, bool) {
	var raw map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &raw) != nil {
		return nil, false
	}
	fields := map[string]string{}
	for _, name := range tokenAnswerNames {
		var v string
		_ = json.Unmarshal(raw[name], &v)
		fields[name] = strings.TrimSpace(v)
	}
	return fields, true
}

func claimsWithEncodingJSON(header, payload []byte) (*Claims, error) {
	var h map[string]json.RawMessage
	if json.Unmarshal(header, &h) != nil || h == nil {
		return nil, ErrEG1Malformed
	}
	var raw map[string]json.RawMessage
	if json.Unmarshal(payload, &raw) != nil || raw == nil {
		return nil, ErrEG1Payload
	}
	c := &Claims{}
	str := func(name string, dst *string) { _ = json.Unmarshal(raw[name], dst) }
	str("dn", &c.DisplayName)
	str("sub", &c.Subject)
	str("iai", &c.AccountID)
	str("clid", &c.ClientID)
	str("clsvc", &c.ClientService)
	str("app", &c.App)
	str("am", &c.AuthMethod)
	str("t", &c.TokenType)
	str("dvid", &c.DeviceID)
	str("acr", &c.ACR)
	_ = json.Unmarshal(raw["ic"], &c.InternalClient)
	_ = json.Unmarshal(raw["mver"], &c.MVer)
	_ = json.Unmarshal(raw["sec"], &c.Sec)
	unix := func(raw json.RawMessage) time.Time {
		var f float64
		if raw == nil || json.Unmarshal(raw, &f) != nil || f <= 0 || f > 1<<40 || math.IsNaN(f) {
			return time.Time{}
		}
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC()
	}
	c.ExpiresAt = unix(raw["exp"])
	c.IssuedAt = unix(raw["iat"])
	c.AuthTime = unix(raw["auth_time"])
	if p, ok := raw["p"]; ok {
		var s string
		if json.Unmarshal(p, &s) != nil {
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
