//go:build !js

package main

import (
	"context"
	"crypto/tls"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/syncbuf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type running struct {
	stdout, stderr *syncbuf.Buffer
	url            string
	stop           func() error
}

// start runs the command until the test stops it, once it printed all its
// start-up output.
func start(t *testing.T, args ...string) running {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	r := running{stdout: &syncbuf.Buffer{}, stderr: &syncbuf.Buffer{}}
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), r.stdout, r.stderr) }()
	listening := regexp.MustCompile(`(?m)^listening on (https://127\.0\.0\.1:\d+)$`)
	require.Eventually(t, func() bool {
		return strings.Contains(r.stdout.String(), serving)
	}, 10*time.Second, 10*time.Millisecond, r.stderr.String())
	m := listening.FindStringSubmatch(r.stdout.String())
	require.NotNil(t, m, r.stdout.String())
	r.url = m[1]
	r.stop = func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			return context.DeadlineExceeded
		}
	}
	return r
}

var demoToken = regexp.MustCompile(`(?m)^\d+\. ([0-9a-f]{32})  `)

func insecureClient(t *testing.T) *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, ForceAttemptHTTP2: true}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

func request(t *testing.T, client *http.Client, method, url, token string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "bearer "+token)
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func TestCommandPrintsHowToReachItAndTheDemoTokens(t *testing.T) {
	r := start(t)
	stdout := r.stdout.String()
	require.NoError(t, r.stop())

	port := strings.TrimPrefix(r.url, "https://127.0.0.1:")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.GreaterOrEqual(t, len(lines), 4)
	assert.Equal(t, "listening on "+r.url, lines[0])
	assert.Regexp(t, `^spki sha256: [A-Za-z0-9+/]{43}=$`, lines[1])
	spki := strings.TrimPrefix(lines[1], "spki sha256: ")
	assert.Equal(t, `--host-resolver-rules="MAP account-public-service-prod.ol.epicgames.com 127.0.0.1:`+port+
		`" --ignore-certificate-errors-spki-list=`+spki, lines[2])
	assert.Contains(t, lines[3], "network.dns.localDomains=account-public-service-prod.ol.epicgames.com")
	assert.Contains(t, lines[3], "network.socket.forcePort=443="+port)
	tokens := demoToken.FindAllStringSubmatch(stdout, -1)
	require.Len(t, tokens, 9)
	assert.Equal(t, "de000000000000000000000000000001", tokens[0][1])
	assert.Regexp(t, `(?m)^2\. de000000000000000000000000000002  .*saved logins`, stdout, "what the launcher token shows")
}

func TestCommandLogsRequestsWithoutTokens(t *testing.T) {
	r := start(t)
	tokens := demoToken.FindAllStringSubmatch(r.stdout.String(), -1)
	require.NotEmpty(t, tokens)
	fortnite, launcher, otherDevice := tokens[0][1], tokens[1][1], tokens[5][1]
	const (
		unknown = "0123456789abcdef0123456789abcdef"
		// The demo account and its first saved login.
		account = "de0000000000000000000000000000aa"
		device  = "de0000000000000000000000000000d1"
		saved   = "/account/api/public/account/" + account + "/deviceAuth"
	)
	client := insecureClient(t)
	cases := []struct {
		method, path, token string
		status              int
		logged              string
	}{
		{http.MethodGet, "/account/api/oauth/verify?includePerms=true", fortnite, http.StatusOK,
			"GET /account/api/oauth/verify includePerms=true -> 200"},
		{http.MethodDelete, "/account/api/oauth/sessions/kill/" + otherDevice, fortnite, http.StatusNoContent,
			"DELETE /account/api/oauth/sessions/kill/{token} - -> 204"},
		{http.MethodDelete, "/account/api/oauth/sessions/kill/not-hex-at-all", fortnite, http.StatusNotFound,
			"DELETE /account/api/oauth/sessions/kill/{token} - -> 404"},
		{http.MethodDelete, "/account/api/oauth/sessions/kill?killType=OTHERS", unknown, http.StatusUnauthorized,
			"DELETE /account/api/oauth/sessions/kill killType=OTHERS -> 401"},
		{http.MethodGet, "/account/api/" + unknown + "/x?token=eg1~secret&killType=" + unknown, "eg1~secret", http.StatusNotFound,
			"GET /account/api/{token}/x killType={redacted}&token={redacted} -> 404"},
		{http.MethodGet, saved, fortnite, http.StatusForbidden,
			"GET /account/api/public/account/{accountId}/deviceAuth - -> 403"},
		{http.MethodGet, saved, launcher, http.StatusOK,
			"GET /account/api/public/account/{accountId}/deviceAuth - -> 200"},
		{http.MethodDelete, saved + "/" + device, launcher, http.StatusNoContent,
			"DELETE /account/api/public/account/{accountId}/deviceAuth/{deviceId} - -> 204"},
		{http.MethodDelete, "/account/api/public/account/eg1~in-the-id/deviceAuth/" + unknown + "/" + unknown, launcher, http.StatusNotFound,
			"DELETE /account/api/public/account/{accountId}/deviceAuth/{deviceId}/{token} - -> 404"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.status, request(t, client, tc.method, r.url+tc.path, tc.token), tc.path)
	}
	for _, tc := range cases {
		assert.Eventually(t, func() bool { return strings.Contains(r.stderr.String(), tc.logged) },
			5*time.Second, 10*time.Millisecond, "want %q in\n%s", tc.logged, r.stderr.String())
	}
	require.NoError(t, r.stop())

	stderr := r.stderr.String()
	for _, secret := range []string{fortnite, launcher, otherDevice, unknown, "eg1~secret", "not-hex-at-all", "bearer", "eg1~in-the-id", account, device} {
		assert.NotContains(t, stderr, secret)
	}
	for _, token := range tokens {
		assert.NotContains(t, stderr, token[1])
	}
}

func TestCommandWithoutDemo(t *testing.T) {
	r := start(t, "-demo=false")
	status := request(t, insecureClient(t), http.MethodGet, r.url+"/account/api/oauth/verify", "de000000000000000000000000000001")
	require.NoError(t, r.stop())

	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Empty(t, demoToken.FindAllString(r.stdout.String(), -1))
	assert.NotContains(t, r.stdout.String(), "de000000000000000000000000000001")
}

func TestCommandRefusesBadArguments(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"unknown flag", []string{"-nope"}},
		{"bad address", []string{"-addr", "not an address"}},
		{"bad boolean", []string{"-demo=maybe"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr syncbuf.Buffer

			err := run(t.Context(), tc.args, &stdout, &stderr)

			assert.Error(t, err)
			assert.Empty(t, stdout.String())
		})
	}
}
