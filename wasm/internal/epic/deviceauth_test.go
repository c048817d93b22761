//go:build !js

// These tests talk to httptest servers, which a browser page cannot reach, so
// they run natively only.

package epic

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testAccountID = "94b1569506b04f9f8557af611e8c5e47"
	testDeviceID  = "06b96e4c93ce452590408e72f814dedf"
)

// bodyDeviceAuths is the list answer of the device auth documentation.
const bodyDeviceAuths = `[{"deviceId":"06b96e4c93ce452590408e72f814dedf","accountId":"94b1569506b04f9f8557af611e8c5e47",
  "userAgent":"Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit",
  "created":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-05-23T15:18:27.346Z"},
  "lastAccess":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-08-30T08:00:05.314Z"}}]`

// Epic's errors for the device auth endpoints, in the shape of epic-api.md §2.
const (
	bodyDeviceAuthsMissingRead   = `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions 'account:public:account:deviceAuths READ' needed to perform the requested operation","messageVars":["account:public:account:deviceAuths","READ"],"numericErrorCode":1023,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyDeviceAuthsMissingDelete = `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry your login does not posses the permissions 'account:public:account:deviceAuths DELETE' needed to perform the requested operation","messageVars":["account:public:account:deviceAuths","DELETE"],"numericErrorCode":1023,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyDeviceAuthNotFound       = `{"errorCode":"errors.com.epicgames.account.device_auth.not_found","errorMessage":"Sorry we could not find the device auth 06b96e4c93ce452590408e72f814dedf","messageVars":["06b96e4c93ce452590408e72f814dedf"],"numericErrorCode":18001,"originatingService":"com.epicgames.account.public","intent":"prod"}`
	bodyAccountNotFound          = `{"errorCode":"errors.com.epicgames.account.account_not_found","errorMessage":"Sorry, we couldn't find an account for 94b1569506b04f9f8557af611e8c5e47","messageVars":["94b1569506b04f9f8557af611e8c5e47"],"numericErrorCode":18007,"originatingService":"com.epicgames.account.public","intent":"prod"}`
)

var wantDeviceAuth = DeviceAuth{
	DeviceID:  testDeviceID,
	AccountID: testAccountID,
	UserAgent: "Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit",
	Created: DeviceAccess{Location: "Germany", IPAddress: "127.0.0.1",
		Time: time.Date(2023, 5, 23, 15, 18, 27, 346_000_000, time.UTC)},
	LastAccess: &DeviceAccess{Location: "Germany", IPAddress: "127.0.0.1",
		Time: time.Date(2023, 8, 30, 8, 0, 5, 314_000_000, time.UTC)},
}

func TestDeviceAuthsAsksForTheAccountsList(t *testing.T) {
	var rawURI []string
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
		rawURI = append(rawURI, r.RequestURI)
		epicJSON(http.StatusOK, bodyDeviceAuths)(w, r)
	})
	c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

	// Ids in capitals are Epic's ids all the same, sent as Epic writes them.
	got, err := c.DeviceAuths(context.Background(), " Bearer "+testToken+"\n", strings.ToUpper(testAccountID))

	require.NoError(t, err)
	assert.Equal(t, DeviceAuthList{Items: []DeviceAuth{wantDeviceAuth}}, got)
	require.Len(t, fake.requests(), 1, "exactly one request")
	sent := fake.requests()[0]
	assert.Equal(t, http.MethodGet, sent.method)
	assert.Equal(t, []string{"/account/api/public/account/" + testAccountID + "/deviceAuth"}, rawURI, "no query")
	assert.Equal(t, "bearer "+testToken, sent.authorization)
	assert.Empty(t, sent.body)
}

func TestDeleteDeviceAuthRevokesOneLogin(t *testing.T) {
	var rawURI []string
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
		rawURI = append(rawURI, r.RequestURI)
		w.WriteHeader(http.StatusNoContent)
	})
	c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

	require.NoError(t, c.DeleteDeviceAuth(context.Background(), testToken, testAccountID, strings.ToUpper(testDeviceID)))

	require.Len(t, fake.requests(), 1, "exactly one request")
	sent := fake.requests()[0]
	assert.Equal(t, http.MethodDelete, sent.method)
	assert.Equal(t, []string{"/account/api/public/account/" + testAccountID + "/deviceAuth/" + testDeviceID}, rawURI, "no query")
	assert.Equal(t, "bearer "+testToken, sent.authorization)
	assert.Empty(t, sent.body)
}

func TestDeviceAuthRequestsDefaultToEpicsAccountHost(t *testing.T) {
	var sent []*http.Request
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		sent = append(sent, r)
		if r.Method == http.MethodGet {
			return answer(http.StatusOK, `[]`, nil), nil
		}
		return answer(http.StatusNoContent, "", nil), nil
	})}
	_, err := c.DeviceAuths(context.Background(), testToken, testAccountID)
	require.NoError(t, err)
	require.NoError(t, c.DeleteDeviceAuth(context.Background(), testToken, testAccountID, testDeviceID))

	require.Len(t, sent, 2)
	assert.Equal(t, DefaultBaseURL+"/account/api/public/account/94b1569506b04f9f8557af611e8c5e47/deviceAuth", sent[0].URL.String())
	assert.Equal(t, DefaultBaseURL+"/account/api/public/account/94b1569506b04f9f8557af611e8c5e47/deviceAuth/06b96e4c93ce452590408e72f814dedf", sent[1].URL.String())
	for _, r := range sent {
		assert.NotContains(t, r.URL.String(), testToken, "the token goes in the header only")
		assert.Nil(t, r.Body, "no body")
	}
}

// TestDeviceAuthRequestsRefuseBadInputWithoutSendingAnything: an id that
// is not 32 hexadecimal characters is no id of Epic's, and in a path it
// could reach another endpoint.
func TestDeviceAuthRequestsRefuseBadInputWithoutSendingAnything(t *testing.T) {
	tests := []struct {
		name, token, accountID, deviceID string
		want                             error
	}{
		{"no token", "", testAccountID, testDeviceID, ErrNoToken},
		{"token with a space", "0659 81d5", testAccountID, testDeviceID, ErrTokenHasSpace},
		{"token with a control character", "0659\x00", testAccountID, testDeviceID, ErrTokenBadChar},
		{"no account id", testToken, "", testDeviceID, ErrBadAccountID},
		{"account id one short", testToken, testAccountID[1:], testDeviceID, ErrBadAccountID},
		{"account id one long", testToken, testAccountID + "0", testDeviceID, ErrBadAccountID},
		{"account id not hex", testToken, "94b1569506b04f9f8557af611e8c5e4g", testDeviceID, ErrBadAccountID},
		{"account id with a slash", testToken, "94b1569506b04f9f/../../oauth/kill", testDeviceID, ErrBadAccountID},
		{"account id with space around", testToken, " " + testAccountID, testDeviceID, ErrBadAccountID},
		{"account id in full-width digits", testToken, "９４b1569506b04f9f8557af611e8c5e47", testDeviceID, ErrBadAccountID},
		{"no device id", testToken, testAccountID, "", ErrBadDeviceID},
		{"device id with a query", testToken, testAccountID, "06b96e4c93ce4525?killType=ALL0000", ErrBadDeviceID},
		{"device id with an encoded slash", testToken, testAccountID, "06b96e4c93ce4525%2F408e72f814dedf", ErrBadDeviceID},
		{"device id of an eg1 token", testToken, testAccountID, "eg1~" + testDeviceID, ErrBadDeviceID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sent := 0
			c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
				sent++
				return answer(http.StatusNoContent, "", nil), nil
			})}

			err := c.DeleteDeviceAuth(context.Background(), tt.token, tt.accountID, tt.deviceID)
			assert.ErrorIs(t, err, tt.want)
			if tt.want != ErrBadDeviceID {
				_, err = c.DeviceAuths(context.Background(), tt.token, tt.accountID)
				assert.ErrorIs(t, err, tt.want)
			}

			assert.Zero(t, sent, "bad input must send nothing")
			if tt.token != "" {
				assert.NotContains(t, err.Error(), tt.token, "an input error quotes nothing it was given")
			}
		})
	}
}

// TestDeviceAuthsTurnsEveryOtherAnswerIntoKillsErrors: the list shares
// Kill's errors, the token redacted from each.
func TestDeviceAuthsTurnsEveryOtherAnswerIntoKillsErrors(t *testing.T) {
	tests := []struct {
		name      string
		answer    http.HandlerFunc
		wantCode  string
		wantBody  BodyKind
		wantRetry time.Duration
	}{
		{"403 missing permission", epicJSON(403, bodyDeviceAuthsMissingRead),
			"errors.com.epicgames.common.missing_permission", BodyEpicJSON, 0},
		{"401 token no longer valid, quoting it", epicJSON(401, bodyTokenVerificationFailed),
			"errors.com.epicgames.common.authentication.token_verification_failed", BodyEpicJSON, 0},
		{"404 no such account", epicJSON(404, bodyAccountNotFound),
			"errors.com.epicgames.account.account_not_found", BodyEpicJSON, 0},
		{"404 without a body", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) }, "", BodyEmpty, 0},
		{"429 throttled with Retry-After", epicJSON(429, bodyThrottled, "Retry-After", "221"),
			"errors.com.epicgames.common.throttled", BodyEpicJSON, 221 * time.Second},
		{"503 HTML page", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(503)
			_, _ = w.Write([]byte(bodyHTMLPage))
		}, "", BodyOther, 0},
		{"204 is no list", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }, "", BodyEmpty, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, tt.answer)

			got, err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).DeviceAuths(context.Background(), testToken, testAccountID)

			assert.Zero(t, got)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantCode, apiErr.ErrorCode)
			assert.Equal(t, tt.wantBody, apiErr.Body)
			assert.Equal(t, tt.wantRetry, apiErr.RetryAfter)
			assert.Equal(t, "UNKNOWN-1f2e3d4c-5b6a-7988-a7b6-c5d4e3f2a1b0", apiErr.CorrelationID)
			checkNoToken(t, apiErr, testToken)
			assert.NotContains(t, err.Error(), testToken)
			assert.Len(t, fake.requests(), 1, "exactly one request, never a retry")
		})
	}
}

func TestDeleteDeviceAuthReturnsEpicsErrors(t *testing.T) {
	tests := []struct {
		name     string
		answer   http.HandlerFunc
		wantCode string
		wantVars []string
	}{
		{"404 no such device auth", epicJSON(404, bodyDeviceAuthNotFound),
			"errors.com.epicgames.account.device_auth.not_found", []string{testDeviceID}},
		{"403 missing permission", epicJSON(403, bodyDeviceAuthsMissingDelete),
			"errors.com.epicgames.common.missing_permission", []string{"account:public:account:deviceAuths", "DELETE"}},
		{"401 token quoted", epicJSON(401, bodyTokenVerificationFailed),
			"errors.com.epicgames.common.authentication.token_verification_failed", []string{"[your token]"}},
		{"200 is not 204", epicJSON(200, `[]`), "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fake fakeEpic
			srv := fake.serve(t, tt.answer)

			err := (&Client{Doer: noRedirectClient(), BaseURL: srv.URL}).DeleteDeviceAuth(context.Background(), testToken, testAccountID, testDeviceID)

			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantCode, apiErr.ErrorCode)
			assert.Equal(t, tt.wantVars, apiErr.MessageVars)
			assert.NotContains(t, err.Error(), testToken)
			assert.Len(t, fake.requests(), 1, "exactly one request, never a retry")
		})
	}
}

func TestDeviceAuthRequestsNeverFollowARedirect(t *testing.T) {
	var elsewhere fakeEpic
	other := elsewhere.serve(t, epicJSON(http.StatusOK, bodyDeviceAuths))
	var fake fakeEpic
	srv := fake.serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	c := &Client{Doer: noRedirectClient(), BaseURL: srv.URL}

	_, err := c.DeviceAuths(context.Background(), testToken, testAccountID)
	var redirect *RedirectError
	require.ErrorAs(t, err, &redirect)
	assert.Equal(t, http.StatusTemporaryRedirect, redirect.StatusCode)

	err = c.DeleteDeviceAuth(context.Background(), testToken, testAccountID, testDeviceID)
	require.ErrorAs(t, err, &redirect)
	assert.Equal(t, other.URL+"/account/api/public/account/"+testAccountID+"/deviceAuth/"+testDeviceID, redirect.Location)

	assert.Len(t, fake.requests(), 2)
	assert.Empty(t, elsewhere.requests(), "the redirect target must receive nothing")

	opaque := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) { return answer(0, "", nil), nil })}
	_, err = opaque.DeviceAuths(context.Background(), testToken, testAccountID)
	require.ErrorAs(t, err, &redirect)
	assert.Zero(t, redirect.StatusCode)
}

func TestDeviceAuthRequestsReportATransportFailure(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close() // nothing listens there any more
	c := &Client{Doer: noRedirectClient(), BaseURL: base}

	_, listErr := c.DeviceAuths(context.Background(), testToken, testAccountID)
	deleteErr := c.DeleteDeviceAuth(context.Background(), testToken, testAccountID, testDeviceID)

	for _, err := range []error{listErr, deleteErr} {
		var transport *TransportError
		require.ErrorAs(t, err, &transport)
		var apiErr *APIError
		assert.False(t, errors.As(err, &apiErr))
		assert.NotContains(t, err.Error(), testToken)
	}
}
