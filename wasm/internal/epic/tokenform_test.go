package epic

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseNow lies between the test eg1 token's iat and exp.
var parseNow = time.Date(2022, 12, 29, 15, 0, 0, 0, time.UTC)

func TestParseToken(t *testing.T) {
	const hex = "065981d58ba642e7ac6ef7d6c4ed15b2"
	access := eg1(nil)
	refresh := eg1(map[string]any{"t": "r"})
	expired := eg1(map[string]any{"exp": parseNow.Unix()})
	noExp := eg1(map[string]any{"exp": nil})
	clientOnly := eg1(map[string]any{"sub": nil, "iai": nil, "dn": nil, "am": "client_credentials"})
	tokenAnswer := `{ "access_token": "` + hex + `", "expires_in": 7200, "expires_at": "2022-12-29T18:29:11.892Z",
  "token_type": "bearer", "refresh_token": "4f665dd625f146bf8d6a57f8af327aaf", "refresh_expires": 28800,
  "refresh_expires_at": "2022-12-30T00:29:11.893Z", "account_id": "94b1569506b04f9f8557af611e8c5e47",
  "client_id": "ec684b8c687f479fadea3cb2ad83f5c6", "internal_client": true, "client_service": "prod-fn",
  "displayName": "lele stw moment", "app": "prod-fn", "in_app_id": "94b1569506b04f9f8557af611e8c5e47",
  "product_id": "prod-fn", "application_id": "fghi4567FNFBKFz3E4TROb0bmPS8h1GW" }`

	type want struct {
		value, account, name, client, service, method, holder string
		kind                                                  TokenKind
		expires                                               time.Time
		perms                                                 bool
	}
	eg1Want := want{value: access, kind: TokenEG1, account: "94b1569506b04f9f8557af611e8c5e47", name: "display name here",
		client: "3cf78cd3b00b439a8755a878b160c7ad", service: "wex", method: "exchange_code", holder: HolderAccount,
		expires: time.Unix(1672348766, 0).UTC(), perms: true}
	hexWant := want{value: hex, kind: TokenOpaque}

	tests := []struct {
		name    string
		in      string
		want    want
		wantErr error
	}{
		{name: "bare hex", in: hex, want: hexWant},
		{name: "upper-case hex", in: strings.ToUpper(hex), want: want{value: strings.ToUpper(hex), kind: TokenOpaque}},
		{name: "bare eg1", in: access, want: eg1Want},
		{name: "space and line breaks around", in: "\n\t " + hex + " \r\n", want: hexWant},
		{name: "bearer", in: "bearer " + hex, want: hexWant},
		{name: "Bearer eg1", in: "Bearer " + access, want: eg1Want},
		{name: "BEARER with tab", in: "BEARER\t" + hex, want: hexWant},
		{name: "header line", in: "Authorization: bearer " + hex, want: hexWant},
		{name: "header line without space", in: "authorization:Bearer " + access, want: eg1Want},
		{name: "double quotes", in: `"` + hex + `"`, want: hexWant},
		{name: "single quotes and space", in: ` ' ` + access + ` ' `, want: eg1Want},
		{name: "quoted bearer", in: `"bearer ` + hex + `"`, want: hexWant},
		{name: "bearer then quotes", in: `bearer "` + hex + `"`, want: hexWant},
		{name: "eg1 without exp", in: noExp, want: want{value: noExp, kind: TokenEG1, account: eg1Want.account, name: eg1Want.name,
			client: eg1Want.client, service: "wex", method: "exchange_code", holder: HolderAccount, perms: true}},
		{name: "client-only eg1", in: clientOnly, want: want{value: clientOnly, kind: TokenEG1, client: eg1Want.client, service: "wex",
			method: "client_credentials", holder: HolderClient, expires: eg1Want.expires, perms: true}},
		{name: "token answer", in: tokenAnswer, want: want{value: hex, kind: TokenOpaque, account: "94b1569506b04f9f8557af611e8c5e47",
			name: "lele stw moment", client: "ec684b8c687f479fadea3cb2ad83f5c6", service: "prod-fn", holder: HolderAccount,
			expires: time.Date(2022, 12, 29, 18, 29, 11, 892_000_000, time.UTC)}},
		{name: "token answer with eg1", in: `{"access_token":"` + access + `","displayName":"other","account_id":"x"}`, want: eg1Want},
		{name: "client_credentials answer", in: `{"access_token":"` + hex + `","client_id":"c"}`,
			want: want{value: hex, kind: TokenOpaque, client: "c", holder: HolderClient}},
		{name: "answer with unreadable expires_at", in: `{"access_token":"` + hex + `","expires_at":"tomorrow"}`,
			want: want{value: hex, kind: TokenOpaque, holder: HolderClient}},
		{name: "answer with verify-style display_name", in: `{"access_token":"` + hex + `","display_name":"n","account_id":"a"}`,
			want: want{value: hex, kind: TokenOpaque, name: "n", account: "a", holder: HolderAccount}},
		{name: "quoted answer", in: `'{"access_token":"` + hex + `"}'`, want: want{value: hex, kind: TokenOpaque, holder: HolderClient}},

		{name: "empty", in: "", wantErr: ErrNoToken},
		{name: "only space", in: " \n\t", wantErr: ErrNoToken},
		{name: "bearer alone", in: "Bearer ", wantErr: ErrNoToken},
		{name: "empty quotes", in: `""`, wantErr: ErrNoToken},
		{name: "header without token", in: "Authorization: bearer", wantErr: ErrNoToken},
		{name: "JSON without access_token", in: `{"token_type":"bearer","expires_in":7200}`, wantErr: ErrNoAccessToken},
		{name: "JSON with empty access_token", in: `{"access_token":""}`, wantErr: ErrNoAccessToken},
		{name: "JSON with numeric access_token", in: `{"access_token":12}`, wantErr: ErrNoAccessToken},
		{name: "JSON with only refresh_token", in: `{"refresh_token":"4f665dd625f146bf8d6a57f8af327aaf","refresh_expires":28800}`, wantErr: ErrRefreshToken},
		{name: "broken JSON", in: `{"access_token":"` + hex, wantErr: ErrTokenJSON},
		{name: "JSON whose access_token is junk", in: `{"access_token":"hello"}`, wantErr: ErrTokenUnrecognized},
		{name: "eg1 refresh token", in: refresh, wantErr: ErrRefreshToken},
		{name: "eg1 refresh token in an answer", in: `{"access_token":"` + refresh + `"}`, wantErr: ErrRefreshToken},
		{name: "expired eg1", in: expired, wantErr: ErrTokenExpired},
		{name: "expired answer", in: `{"access_token":"` + hex + `","expires_at":"2022-12-29T14:59:59.999Z"}`, wantErr: ErrTokenExpired},
		{name: "eg1 two parts", in: "eg1~eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0", wantErr: ErrEG1Malformed},
		{name: "eg1 bad payload", in: jwt(testHeader, "not json"), wantErr: ErrEG1Payload},
		{name: "eg1 bad p claim", in: eg1(map[string]any{"p": "eNqbroken"}), wantErr: ErrEG1Permissions},
		{name: "31 hex", in: hex[:31], wantErr: ErrTokenUnrecognized},
		{name: "33 hex", in: hex + "0", wantErr: ErrTokenUnrecognized},
		{name: "32 non-hex", in: "z65981d58ba642e7ac6ef7d6c4ed15b2", wantErr: ErrTokenUnrecognized},
		{name: "password-like text", in: "hunter2hunter2", wantErr: ErrTokenUnrecognized},
		{name: "bearer glued", in: "bearer" + hex, wantErr: ErrTokenUnrecognized},
		{name: "EG1 in capitals", in: "EG1~" + strings.TrimPrefix(access, EG1Prefix), wantErr: ErrTokenUnrecognized},
		{name: "space inside", in: hex[:16] + " " + hex[16:], wantErr: ErrTokenHasSpace},
		{name: "two bearer words", in: "bearer bearer " + hex, wantErr: ErrTokenHasSpace},
		{name: "JSON list", in: `["` + hex + `"]`, wantErr: ErrTokenUnrecognized},
		{name: "eg1 too long", in: eg1(map[string]any{"x": strings.Repeat("a", MaxTokenLen)}), wantErr: ErrTokenTooLong},
		{name: "paste too long", in: strings.Repeat(" ", MaxPasteLen) + hex, wantErr: ErrTokenTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseToken(tt.in, parseNow)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Zero(t, got)
				msg := err.Error()
				assert.NotContains(t, msg, hex[:12], "the message must not quote the token")
				assert.NotContains(t, msg, "\n")
				if len(tt.in) > 8 {
					assert.NotContains(t, msg, strings.TrimSpace(tt.in))
				}
				return
			}
			require.NoError(t, err)
			w := tt.want
			assert.Equal(t, w.value, got.Value)
			assert.Equal(t, w.kind, got.Kind)
			assert.Equal(t, w.account, got.AccountID)
			assert.Equal(t, w.name, got.DisplayName)
			assert.Equal(t, w.client, got.ClientID)
			assert.Equal(t, w.service, got.ClientService)
			assert.Equal(t, w.method, got.AuthMethod)
			assert.Equal(t, w.holder, got.Holder())
			assert.Equal(t, w.expires, got.ExpiresAt)
			assert.Equal(t, w.perms, got.Permissions() != nil)
			assert.Equal(t, w.kind == TokenEG1, got.Claims != nil)
		})
	}
}

func TestParseTokenExpiresAtTheExactSecond(t *testing.T) {
	tok := eg1(map[string]any{"exp": parseNow.Unix()})
	_, err := ParseToken(tok, parseNow.Add(-time.Second))
	require.NoError(t, err)
	_, err = ParseToken(tok, parseNow)
	var expired *ExpiredTokenError
	require.ErrorAs(t, err, &expired)
	assert.Equal(t, parseNow, expired.ExpiredAt)
	assert.Equal(t, "the access token expired on 29 Dec 2022 at 15:00 UTC: sign in again and paste the new access token", err.Error())
}

func TestParseTokenPermissionsFeedThePreCheck(t *testing.T) {
	tok, err := ParseToken(eg1(map[string]any{"p": zlibB64("account:token:otherSessionsForAccountClient=8", stdB64)}), parseNow)
	require.NoError(t, err)
	checks := CheckKillTypes(tok.Permissions(), tok.Holder())
	assert.Equal(t, VerdictNotAllowed, checks[0].Verdict)
	assert.Equal(t, VerdictAllowed, checks[1].Verdict)
}

func TestTokenNeverPrintsItself(t *testing.T) {
	const hex = "065981d58ba642e7ac6ef7d6c4ed15b2"
	tok, err := ParseToken(hex, parseNow)
	require.NoError(t, err)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.NotContains(t, fmt.Sprintf(verb, tok), hex, verb)
	}
}
