package fakeepic

import (
	"bytes"
	"compress/zlib"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// EG1Claims describes an eg1 token to mint. Its fields follow the payload of a
// captured wexPCGameClient token (epic-api.md §2.3).
type EG1Claims struct {
	AccountID     string // sub and iai; "" mints a client-only token
	DisplayName   string // dn, for account tokens
	ClientID      string // clid
	ClientService string // clsvc and app
	AuthMethod    string // am; default "exchange_code", or "client_credentials" without AccountID
	DeviceID      string // dvid, for account tokens; default random
	Refresh       bool   // t is "r" (refresh token) instead of "s" (session)
	// Permissions become the p claim; nil leaves the claim out, an empty
	// non-nil list makes an empty one.
	Permissions []Permission
	// RawP, when not empty, is the p claim verbatim, to mint a damaged one.
	RawP string
	// IssuedAt defaults to now, ExpiresAt to DefaultExpiresIn after IssuedAt.
	IssuedAt, ExpiresAt time.Time
}

// eg1Payload keeps the captured token's claim order.
type eg1Payload struct {
	App   string `json:"app,omitempty"`
	Sub   string `json:"sub,omitempty"`
	DvID  string `json:"dvid,omitempty"`
	MVer  bool   `json:"mver"`
	ClID  string `json:"clid"`
	DN    string `json:"dn,omitempty"`
	AM    string `json:"am"`
	P     string `json:"p,omitempty"`
	IAI   string `json:"iai,omitempty"`
	Sec   int    `json:"sec"`
	ClSvc string `json:"clsvc,omitempty"`
	T     string `json:"t"`
	IC    bool   `json:"ic"`
	Exp   int64  `json:"exp"`
	Iat   int64  `json:"iat"`
	JTI   string `json:"jti"`
}

// EG1 mints "eg1~header.payload.signature" with c's claims. The signature is
// random bytes: Epic's key is not available, and the extension only decodes
// the payload while the fake service looks tokens up by their text.
func EG1(c EG1Claims) string {
	if c.IssuedAt.IsZero() {
		c.IssuedAt = time.Now()
	}
	if c.ExpiresAt.IsZero() {
		c.ExpiresAt = c.IssuedAt.Add(DefaultExpiresIn)
	}
	p := PermissionClaim(c.Permissions)
	if c.RawP != "" {
		p = c.RawP
	}
	pl := eg1Payload{
		App:   c.ClientService,
		ClID:  c.ClientID,
		AM:    c.AuthMethod,
		P:     p,
		Sec:   1,
		ClSvc: c.ClientService,
		T:     "s",
		IC:    true,
		Exp:   c.ExpiresAt.Unix(),
		Iat:   c.IssuedAt.Unix(),
		JTI:   randomHex(16),
	}
	if c.Refresh {
		pl.T = "r"
	}
	if c.AccountID != "" {
		pl.Sub, pl.IAI, pl.DN = c.AccountID, c.AccountID, c.DisplayName
		pl.DvID = c.DeviceID
		if pl.DvID == "" {
			pl.DvID = randomHex(16)
		}
	}
	if pl.AM == "" {
		pl.AM = "exchange_code"
		if c.AccountID == "" {
			pl.AM = "client_credentials"
		}
	}
	header := `{"kid":"fakeepic","alg":"PS256"}`
	payload, err := json.Marshal(pl)
	if err != nil {
		panic(err) // strings and numbers only
	}
	sig := make([]byte, 256) // the size of a PS256 signature with a 2048-bit key
	_, _ = rand.Read(sig)
	enc := base64.RawURLEncoding
	return "eg1~" + enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString(payload) + "." + enc.EncodeToString(sig)
}

// PermissionClaim encodes perms as the eg1 p claim: the text
// "resource=action,…" compressed with zlib at its best level (a real claim
// starts "eN", the header 78 DA) and encoded in standard padded base64.
// It returns "" for nil.
func PermissionClaim(perms []Permission) string {
	if perms == nil {
		return ""
	}
	items := make([]string, len(perms))
	for i, p := range perms {
		items[i] = p.Resource + "=" + strconv.Itoa(p.Action)
	}
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	if err != nil {
		panic(err) // the level is valid
	}
	_, _ = zw.Write([]byte(strings.Join(items, ",")))
	_ = zw.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// IssueEG1 issues a session as Issue does, with an eg1 token minted from g
// whose claims match what verify answers for it. g.Token is ignored.
func (s *Service) IssueEG1(g Grant) string {
	s.mu.Lock()
	now := s.now()
	s.mu.Unlock()
	expiresIn := g.ExpiresIn
	if expiresIn == 0 {
		expiresIn = DefaultExpiresIn
	}
	perms := g.Permissions
	if perms == nil {
		perms = []Permission{}
	}
	g.Token = EG1(EG1Claims{
		AccountID:     g.AccountID,
		DisplayName:   g.DisplayName,
		ClientID:      g.ClientID,
		ClientService: g.ClientService,
		AuthMethod:    g.AuthMethod,
		Permissions:   perms,
		IssuedAt:      now,
		ExpiresAt:     now.Add(expiresIn),
	})
	return s.Issue(g)
}
