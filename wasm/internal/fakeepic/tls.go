package fakeepic

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"math/big"
	"net"
	"net/http"
	"sync"
	"time"
)

// EpicHost is the real account service's hostname, which browser tests map
// to the fake; the fake's certificate names it.
const EpicHost = "account-public-service-prod.ol.epicgames.com"

// connKey finds a request's connection, which the Dropped fault closes.
type connKey struct{}

// TLSServer serves a handler over HTTPS (HTTP/2 and HTTP/1.1) on a loopback
// address with a fresh self-signed certificate.
type TLSServer struct {
	Addr     string // "127.0.0.1:PORT"
	Port     int
	URL      string // "https://127.0.0.1:PORT"
	SPKIHash string // base64(sha256(leaf SubjectPublicKeyInfo)) for Chromium's --ignore-certificate-errors-spki-list
	// Certificate is the served leaf; trusting it alone is enough, since it
	// signs itself.
	Certificate *x509.Certificate

	srv       *http.Server
	served    chan struct{}
	serveErr  error
	closeOnce sync.Once
	closeErr  error

	mu         sync.Mutex
	transports []*http.Transport
}

// ServeTLS listens on addr (e.g. "127.0.0.1:0") and serves h until Close.
func ServeTLS(h http.Handler, addr string) (*TLSServer, error) {
	cert, err := SelfSignedCert(EpicHost, "localhost")
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	tcpAddr := ln.Addr().(*net.TCPAddr)
	s := &TLSServer{
		Addr:        tcpAddr.String(),
		Port:        tcpAddr.Port,
		URL:         "https://" + tcpAddr.String(),
		SPKIHash:    SPKIHash(cert.Leaf),
		Certificate: cert.Leaf,
		srv: &http.Server{
			Handler: h,
			TLSConfig: &tls.Config{
				Certificates: []tls.Certificate{cert},
				NextProtos:   []string{"h2", "http/1.1"},
				MinVersion:   tls.VersionTLS12,
			},
			ReadHeaderTimeout: 10 * time.Second,
			ConnContext: func(ctx context.Context, c net.Conn) context.Context {
				return context.WithValue(ctx, connKey{}, c)
			},
		},
		served: make(chan struct{}),
	}
	go func() {
		defer close(s.served)
		if err := s.srv.ServeTLS(ln, "", ""); !errors.Is(err, http.ErrServerClosed) {
			s.serveErr = err
		}
	}()
	return s, nil
}

// Client returns a client that trusts the server's certificate and sends
// every request, whatever its host, to the server: requests to
// https://account-public-service-prod.ol.epicgames.com reach the fake.
func (s *TLSServer) Client() *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(s.Certificate)
	var dialer net.Dialer
	tr := &http.Transport{
		TLSClientConfig:   &tls.Config{RootCAs: pool},
		ForceAttemptHTTP2: true,
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, s.Addr)
		},
	}
	s.mu.Lock()
	s.transports = append(s.transports, tr)
	s.mu.Unlock()
	return &http.Client{Transport: tr}
}

// Close stops the server, cutting open connections.
func (s *TLSServer) Close() error {
	s.closeOnce.Do(func() {
		s.closeErr = s.srv.Close()
		<-s.served
		if s.closeErr == nil {
			s.closeErr = s.serveErr
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, tr := range s.transports {
			tr.CloseIdleConnections()
		}
	})
	return s.closeErr
}

// SelfSignedCert makes an ECDSA P-256 leaf for the names (at least one) and loopback, valid
// for 30 days. It is not a CA: Firefox refuses a CA certificate used as a
// server's own.
func SelfSignedCert(names ...string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return tls.Certificate{}, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: names[0], Organization: []string{"fakeepic"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(30 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		DNSNames:              names,
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, nil
}

// SPKIHash is base64(sha256(cert's SubjectPublicKeyInfo)), the form of
// Chromium's --ignore-certificate-errors-spki-list.
func SPKIHash(cert *x509.Certificate) string {
	spki := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return base64.StdEncoding.EncodeToString(spki[:])
}
