//go:build !js

package popup

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// FuzzController applies any sequence of the user's actions and Epic's
// answers to the popup, through the real Epic client, and checks after
// every step that nothing panicked, that no kill went out without its
// confirmation or of a kind the user did not pick, that no saved login was
// revoked without its confirmation, that two of the requests that act (a
// kill, the saved logins' list, a revoke) were never on their way at once,
// and that no view ever showed a token. Each
// byte of the script is a step; some steps read the next byte too.
//
// It runs in a synctest bubble: time is the bubble's, and after each step
// the harness waits until every goroutine of the popup is blocked, so a
// script always plays out the same way.
func FuzzController(f *testing.F) {
	for _, seed := range controllerSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script []byte) {
		if len(script) > 200 {
			script = script[:200]
		}
		synctest.Test(t, func(t *testing.T) { newHarness(t).run(script) })
	})
}

// The steps of a script.
const (
	stepPaste         = iota // next byte: which paste
	stepForget               //
	stepSelect               // next byte: which kill type
	stepKill                 // next byte: odd types the token into the field first
	stepKillThis             //
	stepConfirm              //
	stepCancel               //
	stepReopen               //
	stepAnswerVerify         // next byte: which answer
	stepAnswerKill           // next byte: which answer
	stepWait                 // next byte: how long
	stepOffline              // toggles navigator.onLine
	stepUseSignIn            //
	stepClearHistory         //
	stepConfirmAtOnce        // Confirm whether or not the button is on, as no person can
	stepShowLogins           // opens or folds the saved logins
	stepRevoke               // next byte: which login listed
	stepRevokeAll            //
	stepAnswerList           // next byte: which answer
	stepAnswerRevoke         // next byte: which answer
	stepListAgain            //
	steps
)

// controllerSeeds are the orders of events that broke the popup before, and
// the main paths.
var controllerSeeds = [][]byte{
	// Sign out only this token, Forget, Confirm: a nil token was sent.
	{stepPaste, 0, stepKillThis, stepForget, stepWait, 1, stepConfirm},
	// The same with verify's 401 while the confirmation is open.
	{stepPaste, 0, stepKillThis, stepAnswerVerify, 3, stepWait, 1, stepConfirm},
	// ALL, then a confirmation at once (a held Enter), then after the guard.
	{stepPaste, 0, stepAnswerVerify, 0, stepSelect, 4, stepKill, 0, stepConfirmAtOnce, stepWait, 1, stepConfirm, stepAnswerKill, 0},
	// A new token pasted while ALL waits for Confirm.
	{stepPaste, 0, stepSelect, 4, stepKill, 0, stepPaste, 1, stepWait, 1, stepConfirm},
	// A stalled verify, a kill waiting for it, then the timeout.
	{stepPaste, 0, stepKill, 0, stepAnswerVerify, 5, stepWait, 3, stepKill, 0, stepAnswerKill, 0},
	// A dripping answer to the kill.
	{stepPaste, 2, stepAnswerVerify, 0, stepKill, 0, stepAnswerKill, 6, stepWait, 3, stepKill, 0, stepAnswerKill, 0},
	// A web page with a huge Retry-After, then Epic's own 429.
	{stepPaste, 0, stepAnswerVerify, 0, stepKill, 0, stepAnswerKill, 4, stepKill, 0, stepAnswerKill, 2, stepKillThis, stepWait, 4},
	// A kill on its way when the popup is reopened.
	{stepPaste, 0, stepAnswerVerify, 2, stepKill, 1, stepWait, 0, stepReopen, stepKill, 0, stepAnswerKill, 0, stepAnswerKill, 0},
	// The sign-in, offline, history.
	{stepUseSignIn, stepAnswerVerify, 1, stepOffline, stepKill, 0, stepOffline, stepKill, 0, stepAnswerKill, 3, stepClearHistory},
	// Saved logins: listed, one revoked after its confirmation, then all.
	{stepPaste, 0, stepAnswerVerify, 0, stepShowLogins, stepAnswerList, 0, stepRevoke, 1, stepConfirmAtOnce, stepWait, 1,
		stepConfirm, stepAnswerRevoke, 0, stepRevokeAll, stepWait, 1, stepConfirm, stepAnswerRevoke, 2, stepAnswerRevoke, 0},
	// A revoke waiting for Confirm while another token is pasted; a kill
	// while the list is on its way.
	{stepPaste, 2, stepShowLogins, stepKill, 0, stepAnswerList, 1, stepRevoke, 0, stepPaste, 0, stepWait, 1, stepConfirm,
		stepAnswerVerify, 2, stepListAgain, stepAnswerList, 3, stepRevokeAll, stepCancel},
}

// The tokens a script pastes: a hex token, another in capitals, an eg1 token
// (made in the bubble, for its time), and text that is no token.
const (
	fuzzHex   = "065981d58ba642e7ac6ef7d6c4ed15b2"
	fuzzUpper = "ABCDEF0123456789ABCDEF0123456789"
)

type harness struct {
	t      *testing.T
	script []byte
	pastes []string
	store  *memStore
	// popups are every popup opened; the last is the one shown.
	popups []*fuzzPopup
	// picked is the kill type the select shows, as the user left it.
	picked string
	// killed counts the Kill and Confirm steps taken with each kill type
	// picked; confirmed the confirmations the user saw and confirmed, by
	// what they were for, and confirmedLogins those of revokes, by device
	// id.
	killed, confirmed, confirmedLogins map[string]int
	browser                            *fakeBrowser
}

// fuzzPopup is one popup document: its controller, the Epic host it talks
// to, and what it last showed.
type fuzzPopup struct {
	c      *Controller
	epic   *scriptedEpic
	closed bool
	mu     sync.Mutex
	last   View
}

func newHarness(t *testing.T) *harness {
	eg1 := fakeepic.EG1(fakeepic.EG1Claims{AccountID: "94b1569506b04f9f8557af611e8c5e47", DisplayName: "Fuzz Player",
		ClientID: "ec684b8c687f479fadea3cb2ad83f5c6", ClientService: "fortnite"})
	h := &harness{
		t:      t,
		pastes: []string{fuzzHex, fuzzUpper, eg1, "bearer " + fuzzHex, "not a token"},
		store:  newStore(),
		picked: epic.KillTypes[0].Name,
		killed: map[string]int{}, confirmed: map[string]int{}, confirmedLogins: map[string]int{},
		browser: &fakeBrowser{cookies: map[string]string{"EPIC_BEARER_TOKEN": fuzzHex}},
	}
	h.open()
	return h
}

// tokens are every token a view must never show.
func (h *harness) tokens() []string { return []string{fuzzHex, fuzzUpper, h.pastes[2]} }

// open opens a popup on the storage the earlier ones kept, as a click on the
// toolbar button does.
func (h *harness) open() {
	p := &fuzzPopup{epic: &scriptedEpic{}}
	store := &pageStore{s: h.store, page: p}
	p.c = New(Env{Epic: &epic.Client{Doer: p.epic}, Browser: h.browser, Store: store}, func(v View) {
		h.checkView(v)
		p.mu.Lock()
		p.last = v
		p.mu.Unlock()
	})
	p.c.Restore()
	h.popups = append(h.popups, p)
	h.picked = epic.KillTypes[0].Name
}

func (h *harness) popup() *fuzzPopup { return h.popups[len(h.popups)-1] }

func (h *harness) shown() View {
	p := h.popup()
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

func (h *harness) run(script []byte) {
	h.script = script
	for i := 0; i < len(h.script); i++ {
		step, arg := int(h.script[i])%steps, 0
		if takesArg(step) && i+1 < len(h.script) {
			i++
			arg = int(h.script[i])
		}
		h.step(step, arg)
		synctest.Wait()
		if !h.check(fmt.Sprintf("after step %d (%d, %d)", i, step, arg)) {
			break
		}
	}
	h.finish()
}

func takesArg(step int) bool {
	switch step {
	case stepPaste, stepSelect, stepKill, stepAnswerVerify, stepAnswerKill, stepWait, stepRevoke, stepAnswerList, stepAnswerRevoke:
		return true
	}
	return false
}

func (h *harness) step(step, arg int) {
	c, v := h.popup().c, h.shown()
	switch step {
	case stepPaste:
		c.TakeToken(h.pastes[arg%len(h.pastes)])
	case stepForget:
		c.Forget()
	case stepSelect:
		h.picked = epic.KillTypes[arg%len(epic.KillTypes)].Name
		c.Select(h.picked)
	case stepKill:
		form := Form{KillType: h.picked}
		if arg%2 == 1 {
			form.Token = h.pastes[(arg/2)%len(h.pastes)]
		}
		h.killed[h.picked]++
		c.Kill(form)
	case stepKillThis:
		c.KillThisSession()
	case stepConfirm, stepConfirmAtOnce:
		if step == stepConfirm && !(v.Confirming && v.ConfirmReady) {
			return // a disabled button takes no click
		}
		if v.Confirming && v.ConfirmReady {
			h.confirmed[v.ConfirmFor]++
			for _, id := range strings.Fields(v.ConfirmLogins) {
				h.confirmedLogins[id]++
			}
		}
		h.killed[h.picked]++
		c.Confirm(Form{KillType: h.picked})
	case stepCancel:
		c.Cancel()
	case stepReopen:
		p := h.popup()
		p.c.Close()
		p.mu.Lock()
		p.closed = true
		p.mu.Unlock()
		h.open()
	case stepAnswerVerify:
		h.popup().epic.answer(isVerify, verifyAnswers[arg%len(verifyAnswers)])
	case stepAnswerKill:
		h.popup().epic.answer(isKill, killAnswers[arg%len(killAnswers)])
	case stepAnswerList:
		h.popup().epic.answer(isList, listAnswers[arg%len(listAnswers)])
	case stepAnswerRevoke:
		h.popup().epic.answer(isRevoke, revokeAnswers[arg%len(revokeAnswers)])
	case stepShowLogins:
		c.ShowSavedLogins(!v.SavedLoginsOpen)
	case stepRevoke:
		if len(v.Logins) == 0 || !v.RevokeEnabled {
			return // no Revoke to click, or a disabled one
		}
		c.Revoke(v.Logins[arg%len(v.Logins)].DeviceID)
	case stepRevokeAll:
		if v.RevokeAll && v.RevokeEnabled {
			c.RevokeAll()
		}
	case stepListAgain:
		if v.ListEnabled {
			c.ListSavedLogins()
		}
	case stepWait:
		time.Sleep(waits[arg%len(waits)])
	case stepOffline:
		h.browser.mu.Lock()
		h.browser.offline = !h.browser.offline
		h.browser.mu.Unlock()
	case stepUseSignIn:
		c.UseSignIn()
	case stepClearHistory:
		c.ClearHistory()
	}
}

var waits = []time.Duration{
	100 * time.Millisecond, confirmGuard, time.Second, DefaultTimeout + time.Second, 4 * time.Minute,
}

// check holds the invariants that must be true after every step, and
// reports whether they are.
func (h *harness) check(when string) bool {
	h.t.Helper()
	var deletes []sentRequest
	revoked := map[string]int{}
	for _, p := range h.popups {
		p.epic.mu.Lock()
		if p.epic.mostInFlight > 1 {
			h.t.Errorf("%s: %d kills, lists or revokes were on their way at once", when, p.epic.mostInFlight)
		}
		deletes = append(deletes, p.epic.deletes...)
		for _, id := range p.epic.revokes {
			revoked[id]++
		}
		p.epic.mu.Unlock()
	}
	for id, n := range revoked {
		if n > h.confirmedLogins[id] {
			h.t.Errorf("%s: the saved login %s was revoked %d times, confirmed %d", when, id, n, h.confirmedLogins[id])
		}
	}
	sent := map[string]int{}
	for _, d := range deletes {
		sent[d.killType]++
	}
	for what, n := range sent {
		kt, err := epic.ParseKillType(what)
		switch {
		case what == epic.OwnSession.Name || (err == nil && kt.EndsCurrentSession):
			if n > h.confirmed[what] {
				h.t.Errorf("%s: %d kills %s went out, %d confirmed", when, n, what, h.confirmed[what])
			}
		case err != nil:
			h.t.Errorf("%s: a kill of the unknown type %q went out", when, what)
		}
		if what != epic.OwnSession.Name && n > h.killed[what] {
			h.t.Errorf("%s: %d kills %s went out, but the user asked for %d", when, n, what, h.killed[what])
		}
	}
	return !h.t.Failed()
}

// checkView holds a view to the secrecy rule, no token in any case, and its
// facts about the token to plain, bounded text. What the live regions
// announce names no HTTP status and no error code of Epic's, and the view
// agrees with itself: Kill sessions is off while a wait counts down or when
// the token may use no kill type, and a confirmation names its consequence.
func (h *harness) checkView(v View) {
	text := strings.ToLower(fmt.Sprintf("%+v", v))
	for _, token := range h.tokens() {
		if strings.Contains(text, strings.ToLower(token)) {
			h.t.Errorf("a view shows a token: %+v", v)
		}
		checkShownFacts(h.t, v.TokenFacts, token)
	}
	for name, s := range map[string]string{"message": v.Message, "advice": v.Advice, "token status": v.TokenStatus} {
		if strings.Contains(s, "HTTP") || strings.Contains(s, "errors.com") || threeDigits.MatchString(s) {
			h.t.Errorf("the %s names a status or a code: %q", name, s)
		}
	}
	if v.Countdown != "" && (v.KillEnabled || v.KillThisEnabled) {
		h.t.Errorf("a wait counts down, yet Kill sessions is on: %+v", v)
	}
	if v.NoKill != "" && v.KillEnabled {
		h.t.Errorf("no kill type is usable, yet Kill sessions is on: %+v", v)
	}
	if v.Confirming != (v.ConfirmButton != "") || v.Confirming && v.KillEnabled {
		h.t.Errorf("a confirmation without its button, or beside Kill sessions: %+v", v)
	}
	switch v.Focus {
	case "", "token", "kill-type", "cancel", "kill", "outcome", "saved-logins":
	default:
		h.t.Errorf("focus on %q, which the popup does not have", v.Focus)
	}
}

// finish answers whatever still waits and lets every timer run out, then
// checks that the popup shown is usable: nothing is stuck.
func (h *harness) finish() {
	// A request can start as another ends (a list asked for while a kill
	// ran), and wait out its own time limit: two rounds end those too.
	for range 2 {
		for range 10 {
			for _, p := range h.popups {
				p.epic.answerAll()
			}
			synctest.Wait()
		}
		time.Sleep(DefaultTimeout + time.Second)
		synctest.Wait()
	}
	h.check("at the end")
	if v := h.shown(); !v.InputsEnabled {
		h.t.Errorf("the popup is stuck with its controls off: %+v", v)
	}
	for _, p := range h.popups {
		p.c.Close()
	}
}

// sentRequest is a request the popup sent.
type sentRequest struct {
	method, killType string
}

// scriptedEpic is Epic's host for one popup: every request waits for the
// script's answer, or for its context to end.
type scriptedEpic struct {
	mu      sync.Mutex
	waiting []*waitingRequest
	// deletes are the kills sent, revokes the device ids revoked.
	deletes      []sentRequest
	revokes      []string
	inFlight     int
	mostInFlight int
}

type waitingRequest struct {
	method, path, token string
	answer              chan *http.Response
}

// The requests a script answers, told apart by method and path.
func isVerify(w *waitingRequest) bool {
	return w.method == http.MethodGet && strings.Contains(w.path, "/verify")
}
func isKill(w *waitingRequest) bool {
	return w.method == http.MethodDelete && strings.Contains(w.path, "/sessions/kill")
}
func isList(w *waitingRequest) bool {
	return w.method == http.MethodGet && strings.HasSuffix(w.path, "/deviceAuth")
}
func isRevoke(w *waitingRequest) bool {
	return w.method == http.MethodDelete && strings.Contains(w.path, "/deviceAuth/")
}

func (e *scriptedEpic) Do(req *http.Request) (*http.Response, error) {
	token, _ := strings.CutPrefix(req.Header.Get("Authorization"), "bearer ")
	w := &waitingRequest{method: req.Method, path: req.URL.Path, token: token, answer: make(chan *http.Response, 1)}
	acts := !isVerify(w) // a kill, the list or a revoke: one at a time
	e.mu.Lock()
	switch {
	case isRevoke(w):
		e.revokes = append(e.revokes, req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:])
	case isKill(w):
		kt := req.URL.Query().Get("killType")
		if kt == "" {
			kt = epic.OwnSession.Name
		}
		e.deletes = append(e.deletes, sentRequest{req.Method, kt})
	}
	if acts {
		e.inFlight++
		e.mostInFlight = max(e.mostInFlight, e.inFlight)
	}
	e.waiting = append(e.waiting, w)
	e.mu.Unlock()

	select {
	case resp := <-w.answer:
		if acts {
			resp.Body = &doneBody{ReadCloser: resp.Body, done: e.answered}
		}
		return resp, nil
	case <-req.Context().Done():
		e.forget(w)
		if acts {
			e.answered()
		}
		return nil, req.Context().Err()
	}
}

func (e *scriptedEpic) answered() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.inFlight--
}

func (e *scriptedEpic) forget(w *waitingRequest) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, x := range e.waiting {
		if x == w {
			e.waiting = append(e.waiting[:i], e.waiting[i+1:]...)
			return
		}
	}
}

// answer answers the oldest waiting request that is.
func (e *scriptedEpic) answer(is func(*waitingRequest) bool, a fuzzAnswer) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, w := range e.waiting {
		if is(w) {
			e.waiting = append(e.waiting[:i], e.waiting[i+1:]...)
			w.answer <- a.response(w.token)
			return
		}
	}
}

// answerAll answers every waiting request as Epic does when all is well.
func (e *scriptedEpic) answerAll() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, w := range e.waiting {
		a := killAnswers[0]
		switch {
		case isVerify(w):
			a = verifyAnswers[0]
		case isList(w):
			a = listAnswers[0]
		}
		w.answer <- a.response(w.token)
	}
	e.waiting = nil
}

// doneBody calls done once, when the body is closed.
type doneBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *doneBody) Close() error {
	b.once.Do(b.done)
	return b.ReadCloser.Close()
}

// fuzzAnswer is one answer Epic, or something in its place, can give.
type fuzzAnswer struct {
	status int
	header map[string]string
	// body is sent whole, unless stall is set: then it is sent and the
	// body waits for more that never comes. made, when set, makes the body
	// when the answer is given, for the bubble's clock. In body and header
	// values, TOKEN is the token the request was sent with and CAPSTOKEN
	// the same in capitals, as Epic, or something in its place, may quote
	// it.
	body  string
	made  func() string
	stall bool
}

func (a fuzzAnswer) response(token string) *http.Response {
	quote := strings.NewReplacer("CAPSTOKEN", strings.ToUpper(token), "TOKEN", token).Replace
	header := http.Header{}
	for k, v := range a.header {
		header.Set(k, quote(v))
	}
	text := a.body
	if a.made != nil {
		text = a.made()
	}
	text = quote(text)
	var body io.ReadCloser = io.NopCloser(strings.NewReader(text))
	if a.stall {
		body = &stalledBody{rest: text, closed: make(chan struct{})}
	}
	return &http.Response{StatusCode: a.status, Header: header, Body: body}
}

// stalledBody sends its text, then blocks until it is closed.
type stalledBody struct {
	mu     sync.Mutex
	rest   string
	closed chan struct{}
	once   sync.Once
}

func (b *stalledBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	if b.rest != "" {
		n := copy(p, b.rest)
		b.rest = b.rest[n:]
		b.mu.Unlock()
		return n, nil
	}
	b.mu.Unlock()
	<-b.closed
	return 0, errors.New("the stream was cancelled")
}

func (b *stalledBody) Close() error {
	b.once.Do(func() { close(b.closed) })
	return nil
}

var epicHeaders = func(name string, code int) map[string]string {
	return map[string]string{"Content-Type": "application/json", "X-Epic-Error-Name": name, "X-Epic-Error-Code": strconv.Itoa(code)}
}

// verifyBody is verify's answer for an account token with perms, expiring
// in 8 hours of the bubble's clock.
func verifyBody(displayName, perms string) func() string {
	return func() string {
		return `{"token_type":"bearer","client_id":"ec684b8c687f479fadea3cb2ad83f5c6","client_service":"fortnite",` +
			`"account_id":"94b1569506b04f9f8557af611e8c5e47","expires_at":"` + time.Now().Add(8*time.Hour).UTC().Format(time.RFC3339) + `",` +
			`"display_name":"` + displayName + `","auth_method":"exchange_code","perms":` + perms + `}`
	}
}

var jsonHeader = map[string]string{"Content-Type": "application/json"}

var verifyAnswers = []fuzzAnswer{
	{status: 200, header: jsonHeader, made: verifyBody("Fuzz Player", `[{"resource":"account:token:*","action":15}]`)},
	{status: 200, header: jsonHeader, made: verifyBody("Fuzz Player", `[{"resource":"account:token:otherSessionsForAccountClient","action":8}]`)},
	// A hostile answer: the token in capitals and a bidi override in the
	// display name, and no permission list.
	{status: 200, header: jsonHeader, made: verifyBody(`\u202eCAPSTOKEN\nTOKEN`, "null")},
	{status: 401, header: epicHeaders("errors.com.epicgames.account.auth_token.invalid_access_token", 18071),
		body: `{"errorCode":"errors.com.epicgames.account.auth_token.invalid_access_token CAPSTOKEN","errorMessage":"Invalid token TOKEN","numericErrorCode":18071}`},
	{status: 503, header: map[string]string{"Content-Type": "text/html", "Retry-After": "99999999"}, body: "<html>down</html>"},
	{status: 200, header: jsonHeader, stall: true},
}

var killAnswers = []fuzzAnswer{
	{status: 204},
	{status: 403, header: epicHeaders("errors.com.epicgames.common.missing_permission", 1023),
		body: `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry CAPSTOKEN lacks 'account:token:allSessionsForClient DELETE'","messageVars":["account:token:allSessionsForClient","DELETE"],"numericErrorCode":1023}`},
	{status: 429, header: map[string]string{"Content-Type": "application/json", "Retry-After": "221"},
		body: `{"errorCode":"errors.com.epicgames.common.throttled","messageVars":["221"],"numericErrorCode":1041}`},
	{status: 401, header: epicHeaders("errors.com.epicgames.common.authentication.token_verification_failed", 1031),
		body: `{"errorCode":"errors.com.epicgames.common.authentication.token_verification_failed","errorMessage":"Sorry we couldn't validate your token CAPSTOKEN.","messageVars":["TOKEN"],"numericErrorCode":1031}`},
	{status: 403, header: map[string]string{"Content-Type": "text/html", "Retry-After": "99999999"}, body: "<html>portal</html>"},
	{status: 500, header: map[string]string{"Content-Type": "text/plain", "X-Epic-Correlation-ID": "TOKEN"}, body: "oops CAPSTOKEN"},
	{status: 403, header: map[string]string{"Content-Type": "application/json"}, body: `{"errorCode":"errors.com.epicgames.common.missing_permission"`, stall: true},
}

// listAnswers are answers to the list of saved logins.
var listAnswers = []fuzzAnswer{
	{status: 200, header: jsonHeader, body: `[{"deviceId":"06b96e4c93ce452590408e72f814dedf","accountId":"94b1569506b04f9f8557af611e8c5e47",` +
		`"userAgent":"Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit",` +
		`"created":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-05-23T15:18:27.346Z"},` +
		`"lastAccess":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-08-30T08:00:05.314Z"}},` +
		`{"deviceId":"16b96e4c93ce452590408e72f814dedf","userAgent":"python-requests/2.31.0",` +
		`"created":{"location":"Nowhere","ipAddress":"::1","dateTime":"2024-01-01T00:00:00.000Z"}}]`},
	{status: 200, header: jsonHeader, body: `[]`},
	// A hostile list: the token in capitals in every text, a bidi override,
	// a device id that is no id.
	{status: 200, header: jsonHeader, body: `[{"deviceId":"26b96e4c93ce452590408e72f814dedf","userAgent":"CAPSTOKEN‮ TOKEN",` +
		`"created":{"location":"‮TOKEN
","ipAddress":"CAPSTOKEN","dateTime":"TOKEN"},` +
		`"lastAccess":{"location":"TOKEN","ipAddress":"TOKEN"}},{"deviceId":"../TOKEN","userAgent":"x"}]`},
	{status: 403, header: epicHeaders("errors.com.epicgames.common.missing_permission", 1023),
		body: `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry CAPSTOKEN lacks 'account:public:account:deviceAuths READ'","numericErrorCode":1023}`},
	{status: 429, header: map[string]string{"Content-Type": "application/json", "Retry-After": "221"},
		body: `{"errorCode":"errors.com.epicgames.common.throttled","messageVars":["221"],"numericErrorCode":1041}`},
	{status: 200, header: jsonHeader, body: `{"not":"a list"}`},
	{status: 200, header: jsonHeader, body: `[{"deviceId":"36b96e4c93ce452590408e72f814dedf"}`, stall: true},
}

// revokeAnswers are answers to a revoke.
var revokeAnswers = []fuzzAnswer{
	{status: 204},
	{status: 404, header: epicHeaders("errors.com.epicgames.account.device_auth.not_found", 18130),
		body: `{"errorCode":"errors.com.epicgames.account.device_auth.not_found","errorMessage":"Sorry TOKEN","numericErrorCode":18130}`},
	{status: 403, header: epicHeaders("errors.com.epicgames.common.missing_permission", 1023),
		body: `{"errorCode":"errors.com.epicgames.common.missing_permission","errorMessage":"Sorry CAPSTOKEN lacks 'account:public:account:deviceAuths DELETE'","numericErrorCode":1023}`},
	{status: 429, header: map[string]string{"Content-Type": "application/json", "Retry-After": "221"},
		body: `{"errorCode":"errors.com.epicgames.common.throttled","messageVars":["221"],"numericErrorCode":1041}`},
	{status: 500, header: map[string]string{"Content-Type": "text/plain", "X-Epic-Correlation-ID": "TOKEN"}, body: "oops CAPSTOKEN"},
}

// pageStore is storage.session as one popup document reaches it: once the
// popup is closed, its Go side is gone and writes nothing more.
type pageStore struct {
	s    *memStore
	page *fuzzPopup
}

func (p *pageStore) gone() bool {
	p.page.mu.Lock()
	defer p.page.mu.Unlock()
	return p.page.closed
}

func (p *pageStore) Load(keys ...string) (map[string]string, error) { return p.s.Load(keys...) }

func (p *pageStore) Set(key, value string) error {
	if p.gone() {
		return nil
	}
	return p.s.Set(key, value)
}

func (p *pageStore) Remove(key string) error {
	if p.gone() {
		return nil
	}
	return p.s.Remove(key)
}
