// Package fakeepic imitates Epic Games' account service (the kill-sessions,
// verify and device auth endpoints, with Epic's errors) so the extension can
// be tested end to end without Epic's servers and without real accounts.
package fakeepic

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Action bits of a permission, as Epic's verify endpoint sends them.
const (
	Create = 1
	Read   = 2
	Update = 4
	Delete = 8
	All    = Create | Read | Update | Delete
)

// Permission is one entry of a token's permission list.
type Permission struct {
	Resource string `json:"resource"` // e.g. "account:token:otherSessionsForAccountClient"; may contain "*" segments
	Action   int    `json:"action"`   // bitmask of Create, Read, Update, Delete
}

// Grant describes a session to issue.
type Grant struct {
	Token         string        // optional fixed token; default: 32 random lowercase hex chars
	AccountID     string        // "" = client-only session (client_credentials)
	DisplayName   string        // shown by verify for account sessions
	ClientID      string        // the OAuth client the session was issued to
	ClientService string        // e.g. "fortnite", "launcher"
	SourceID      string        // sessions with the same SourceID come from the same source
	AuthMethod    string        // e.g. "exchange_code"; default "exchange_code" ("client_credentials" for client-only)
	Permissions   []Permission  // what verify?includePerms=true returns and what kills are checked against
	ExpiresIn     time.Duration // default 8h; a negative value issues an already-expired token
}

// DefaultExpiresIn is the lifetime of a session whose Grant leaves ExpiresIn
// zero: 8 hours, like the EPIC_BEARER_TOKEN cookie.
const DefaultExpiresIn = 8 * time.Hour

// Request is what the service recorded of one request it received.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header // cloned
	Time   time.Time
}

// Bearer returns the token of "Authorization: bearer X" (scheme
// case-insensitive), or "".
func (r Request) Bearer() string {
	token, _ := bearerToken(r.Header)
	return token
}

func (r Request) clone() Request {
	r.Query = cloneValues(r.Query)
	r.Header = r.Header.Clone()
	return r
}

type session struct {
	Grant
	sessionID string
	deviceID  string
	expiresAt time.Time
	killed    bool
}

// owns reports whether caller may end other: Epic lets an account end its own
// sessions, and a client-only session the sessions of its client.
func (caller *session) owns(other *session) bool {
	if caller.AccountID == "" {
		return other.ClientID == caller.ClientID
	}
	return other.AccountID == caller.AccountID
}

// Service is the fake account service. It is safe for concurrent use.
type Service struct {
	mu          sync.Mutex
	now         func() time.Time
	after       func(time.Duration) <-chan time.Time // what the faults wait on
	sessions    map[string]*session
	issued      []string
	deviceAuths map[string][]DeviceAuth // by account, in the order added
	requests    []Request
	nextFaults  []Fault
	aimedFaults []aimedFault
	tokenFaults map[string]Fault
}

// aimedFault waits for the first request match accepts.
type aimedFault struct {
	match func(Request) bool
	fault Fault
}

// New returns a service without sessions, on the real clock.
func New() *Service {
	return &Service{
		now:         time.Now,
		after:       time.After,
		sessions:    map[string]*session{},
		deviceAuths: map[string][]DeviceAuth{},
		tokenFaults: map[string]Fault{},
	}
}

// Issue creates a session as described by g and returns its token. Issuing
// a token that already exists replaces that session with a fresh one.
func (s *Service) Issue(g Grant) string {
	if g.Token == "" {
		g.Token = randomHex(16)
	}
	if g.AuthMethod == "" {
		g.AuthMethod = "exchange_code"
		if g.AccountID == "" {
			g.AuthMethod = "client_credentials"
		}
	}
	if g.ExpiresIn == 0 {
		g.ExpiresIn = DefaultExpiresIn
	}
	g.Permissions = append([]Permission(nil), g.Permissions...)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[g.Token] = &session{
		Grant:     g,
		sessionID: randomHex(16),
		deviceID:  randomHex(16),
		expiresAt: s.now().Add(g.ExpiresIn),
	}
	s.issued = append(s.issued, g.Token)
	return g.Token
}

// Issued returns every token Issue has handed out, one per call, in order,
// so tests can look for any of them where tokens must not appear.
func (s *Service) Issued() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}

// Alive reports whether token is a known session that is neither killed nor
// expired.
func (s *Service) Alive(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[token]
	return sess != nil && s.alive(sess)
}

func (s *Service) alive(sess *session) bool {
	return !sess.killed && s.now().Before(sess.expiresAt)
}

// Requests returns a copy of every request received, in order.
func (s *Service) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = r.clone()
	}
	return out
}

// SetClock replaces the clock used for expiry and for Request.Time.
func (s *Service) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// SetFaultClock replaces what the faults wait on: Slow, Late, Drip and
// CutBody's pause each wait until after(d) sends. The default is
// time.After, real time, which a browser on the other end needs; a test can
// end the waits when it chooses instead. A request keeps the clock it
// arrived under.
func (s *Service) SetFaultClock(after func(d time.Duration) <-chan time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.after = after
}

// FaultToken makes every later request bearing token answer with f, until
// ClearFaults.
func (s *Service) FaultToken(token string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokenFaults[token] = f
}

// FaultNext makes the next request, whatever it is, answer with f. Faults
// queue up and each is used once.
func (s *Service) FaultNext(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextFaults = append(s.nextFaults, f)
}

// FaultNextMatching makes the next request that match accepts answer with
// f, so that a test can aim at one endpoint, say the device auth list, while
// the requests before it, such as verify, go through. These faults queue up
// in order of their own and each is used once; FaultNext's queue goes first,
// a token's fault after. match sees the request as Requests records it,
// while the service is locked: it must not call the service.
func (s *Service) FaultNextMatching(match func(Request) bool, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aimedFaults = append(s.aimedFaults, aimedFault{match: match, fault: f})
}

// ClearFaults removes every queued, aimed and per-token fault.
func (s *Service) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextFaults = nil
	s.aimedFaults = nil
	s.tokenFaults = map[string]Fault{}
}

// Paths as Epic serves them.
const (
	killSessionsPath = "/account/api/oauth/sessions/kill"
	verifyPath       = "/account/api/oauth/verify"
	// accountPath + {accountId} + "/deviceAuth" lists an account's device
	// auths; + "/" + {deviceId} deletes one.
	accountPath = "/account/api/public/account/"
)

// ServeHTTP answers like Epic's account service. Every request is recorded
// first, so tests see even those a fault drops.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fault, after := s.recordAndPickFault(r)
	if fault.drip > 0 {
		w = newDripWriter(w, r, fault.drip, after)
	}
	h := w.Header()
	h.Set("X-Epic-Correlation-ID", newCorrelationID())
	h.Set("Cache-Control", "no-cache, no-store, no-transform")
	if fault.answer(w, r, after) {
		return
	}
	s.route(r).write(w)
}

// recordAndPickFault also returns the fault clock of this request.
func (s *Service) recordAndPickFault(r *http.Request) (Fault, func(time.Duration) <-chan time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Time:   s.now(),
	}
	s.requests = append(s.requests, rec)
	if len(s.nextFaults) > 0 {
		f := s.nextFaults[0]
		s.nextFaults = s.nextFaults[1:]
		return f, s.after
	}
	for i, a := range s.aimedFaults {
		if a.match(rec.clone()) {
			s.aimedFaults = slices.Delete(s.aimedFaults, i, i+1)
			return a.fault, s.after
		}
	}
	if token := rec.Bearer(); token != "" {
		return s.tokenFaults[token], s.after
	}
	return Fault{}, s.after
}

// route picks the endpoint. The path and method are checked before the
// token, so a preflight OPTIONS gets 405 whatever it carries.
func (s *Service) route(r *http.Request) answer {
	path := r.URL.Path
	switch {
	case path == killSessionsPath:
		return s.endpoint(r, http.MethodDelete, s.killSessions)
	case strings.HasPrefix(path, killSessionsPath+"/"):
		target := strings.TrimPrefix(path, killSessionsPath+"/")
		if target == "" || strings.Contains(target, "/") {
			return errorAnswer(notFound())
		}
		return s.endpoint(r, http.MethodDelete, func(r *http.Request, caller *session) answer {
			return s.killSession(r, caller, target)
		})
	case path == verifyPath:
		return s.endpoint(r, http.MethodGet, s.verify)
	case strings.HasPrefix(path, accountPath):
		return s.routeDeviceAuths(r, strings.TrimPrefix(path, accountPath))
	}
	return errorAnswer(notFound())
}

type handler func(r *http.Request, caller *session) answer

func (s *Service) endpoint(r *http.Request, method string, h handler) answer {
	if r.Method != method {
		a := errorAnswer(methodNotAllowed(r.Method))
		a.allow = method
		return a
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	caller, err := s.authenticate(r)
	if err != nil {
		return errorAnswer(err)
	}
	return h(r, caller)
}

// authenticate checks the bearer token in the order Epic's errors imply:
// presence, shape, existence, then expiry.
func (s *Service) authenticate(r *http.Request) (*session, *epicError) {
	token, ok := bearerToken(r.Header)
	if !ok {
		return nil, authenticationFailed(r.URL.Path)
	}
	if !wellFormedToken(token) {
		return nil, malformedToken(token)
	}
	sess := s.sessions[token]
	if sess == nil || sess.killed {
		return nil, invalidAccessToken(token)
	}
	if !s.now().Before(sess.expiresAt) {
		return nil, tokenVerificationFailed(token)
	}
	return sess, nil
}

func bearerToken(h http.Header) (string, bool) {
	scheme, token, ok := strings.Cut(h.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "bearer") || token == "" {
		return "", false
	}
	return token, true
}

// wellFormedToken accepts Epic's two token kinds: the opaque 16-byte hex
// session id and the "eg1~" JWT.
func wellFormedToken(token string) bool {
	if strings.HasPrefix(token, "eg1~") {
		return len(token) > len("eg1~")
	}
	return isHex32(token)
}

func isHex32(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// isTrue reads a boolean query parameter the way Epic's Java service does.
func isTrue(q url.Values, name string) bool {
	return strings.EqualFold(q.Get(name), "true")
}

// answer is a response computed under the lock and written after it.
type answer struct {
	status int
	err    *epicError
	body   any // JSON body of a 200
	allow  string
}

func errorAnswer(err *epicError) answer { return answer{status: err.status, err: err} }

var noContent = answer{status: http.StatusNoContent}

func (a answer) write(w http.ResponseWriter) {
	if a.allow != "" {
		w.Header().Set("Allow", a.allow)
	}
	switch {
	case a.err != nil:
		a.err.write(w)
	case a.body != nil:
		writeJSON(w, a.status, a.body)
	default:
		w.WriteHeader(a.status)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only this package's own types are encoded
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails since Go 1.24
	return hex.EncodeToString(b)
}

func newCorrelationID() string {
	h := randomHex(16)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
