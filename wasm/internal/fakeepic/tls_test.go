//go:build !js

package fakeepic_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"net"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

func TestServeTLSAnswersOverHTTP2(t *testing.T) {
	s := fakeepic.New()
	srv, err := fakeepic.ServeTLS(s, "127.0.0.1:0")
	require.NoError(t, err)
	defer srv.Close()
	token := s.Issue(fakeepic.Grant{AccountID: accountA})
	insecure := &http.Client{Transport: &http.Transport{
		TLSClientConfig:   &tls.Config{InsecureSkipVerify: true},
		ForceAttemptHTTP2: true,
	}}
	defer insecure.CloseIdleConnections()

	cases := []struct {
		name   string
		client *http.Client
		url    string
	}{
		{"loopback address, certificate unchecked", insecure, srv.URL + verifyPath},
		{"Epic's hostname, certificate trusted", srv.Client(), "https://" + fakeepic.EpicHost + verifyPath},
		{"localhost, certificate trusted", srv.Client(), "https://localhost:" + strconv.Itoa(srv.Port) + verifyPath},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, tc.url, nil)
			require.NoError(t, err)
			req.Header.Set("Authorization", bearer(token))

			resp, err := tc.client.Do(req)

			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, 2, resp.ProtoMajor)
			require.NotNil(t, resp.TLS)
			leaf := resp.TLS.PeerCertificates[0]
			spki := sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
			assert.Equal(t, base64.StdEncoding.EncodeToString(spki[:]), srv.SPKIHash)
			assert.Equal(t, srv.Certificate.Raw, leaf.Raw)
		})
	}
}

func TestServeTLSCertificate(t *testing.T) {
	srv, err := fakeepic.ServeTLS(fakeepic.New(), "127.0.0.1:0")
	require.NoError(t, err)
	defer srv.Close()
	other, err := fakeepic.ServeTLS(fakeepic.New(), "127.0.0.1:0")
	require.NoError(t, err)
	defer other.Close()
	cert := srv.Certificate

	assert.ElementsMatch(t, []string{fakeepic.EpicHost, "localhost"}, cert.DNSNames)
	require.Len(t, cert.IPAddresses, 1)
	assert.True(t, cert.IPAddresses[0].Equal(net.IPv4(127, 0, 0, 1)))
	key, ok := cert.PublicKey.(*ecdsa.PublicKey)
	require.True(t, ok, "ECDSA key")
	assert.Equal(t, elliptic.P256(), key.Curve)
	assert.False(t, cert.IsCA)
	assert.NoError(t, cert.VerifyHostname(fakeepic.EpicHost))
	assert.NotEqual(t, srv.SPKIHash, other.SPKIHash, "each server has a fresh key")
	host, port, err := net.SplitHostPort(srv.Addr)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1", host)
	assert.Equal(t, strconv.Itoa(srv.Port), port)
	assert.Equal(t, "https://"+srv.Addr, srv.URL)
}

func TestServeTLSStopsOnClose(t *testing.T) {
	srv, err := fakeepic.ServeTLS(fakeepic.New(), "127.0.0.1:0")
	require.NoError(t, err)
	client := srv.Client()

	require.NoError(t, srv.Close())

	_, err = client.Get(srv.URL + verifyPath)
	assert.Error(t, err)
	assert.NoError(t, srv.Close(), "closing twice is harmless")
}

func TestServeTLSRefusesBusyAddress(t *testing.T) {
	srv, err := fakeepic.ServeTLS(fakeepic.New(), "127.0.0.1:0")
	require.NoError(t, err)
	defer srv.Close()

	_, err = fakeepic.ServeTLS(fakeepic.New(), srv.Addr)

	assert.Error(t, err)
}

// TestServeTLSDropsTheWholeConnection: under ServeTLS a dropped request takes
// its HTTP/2 connection with it, as a network failure does, so a request
// running on the same connection fails too. (A reset of the one stream
// instead makes Firefox send the same DELETE again, up to ten times.)
func TestServeTLSDropsTheWholeConnection(t *testing.T) {
	s := fakeepic.New()
	srv, err := fakeepic.ServeTLS(s, "127.0.0.1:0")
	require.NoError(t, err)
	defer srv.Close()
	slow := s.Issue(fakeepic.Grant{AccountID: accountA})
	dropped := s.Issue(fakeepic.Grant{AccountID: accountA})
	// The slow request is never answered: the test holds the faults' clock.
	holdWaits(s)
	s.FaultToken(slow, fakeepic.Slow(time.Hour))
	s.FaultToken(dropped, fakeepic.Dropped())
	client := srv.Client()
	get := func(token string) (*http.Response, error) {
		req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+verifyPath, nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", bearer(token))
		return client.Do(req)
	}
	// Open the connection first, so both requests share it.
	resp, err := get(s.Issue(fakeepic.Grant{AccountID: accountA}))
	require.NoError(t, err)
	resp.Body.Close()
	slowDone := make(chan error, 1)
	go func() {
		resp, err := get(slow)
		if err == nil {
			resp.Body.Close()
		}
		slowDone <- err
	}()
	require.Eventually(t, func() bool { return len(s.Requests()) == 2 }, 2*time.Second, 5*time.Millisecond)

	_, err = get(dropped)

	assert.Error(t, err, "the dropped request")
	select {
	case err := <-slowDone:
		assert.Error(t, err, "the request sharing the dropped connection")
	case <-time.After(3 * time.Second):
		t.Fatal("the request sharing the connection still waits: only its stream was reset")
	}
}
