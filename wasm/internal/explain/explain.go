// Package explain decides what the outcome of a kill means for the user:
// what happened, what to do next, how long to wait, and the details support
// needs. It is plain Go and decides everything from the error the epic
// package returned, so every case is tested natively.
//
// It says so in messages of the catalog (package messages), never in words
// of its own. Epic's own words appear only where no better explanation
// exists, and then only as the epic package left them (with the token
// already removed), cleaned and bounded.
package explain

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// Sentinels the browser side passes as Input.Err when it did not send at all.
var (
	// ErrOffline means the browser reported no network (navigator.onLine false).
	ErrOffline = errors.New("the browser is offline")
	// ErrHostAccessRevoked means the user withdrew the extension's access to
	// Epic's account service in the browser's extension settings.
	ErrHostAccessRevoked = errors.New("access to Epic's account service was withdrawn")
	// ErrUnconfirmedInTime means the kill waited for Epic's check of the
	// token, which got no answer within the time limit, so it was not sent.
	ErrUnconfirmedInTime = errors.New("Epic did not confirm the token in time, so the kill was not sent")
)

// Outcome is the result region's data-outcome value: none yet, a kill on its
// way, or how it ended.
type Outcome string

const (
	OutcomeNone    Outcome = ""
	OutcomePending Outcome = "pending"
	OutcomeSuccess Outcome = "success"
	OutcomeError   Outcome = "error"
)

// Reason names the case an explanation belongs to, for the UI and for tests.
type Reason string

const (
	ReasonSignedOut         Reason = "signed-out"
	ReasonTokenDead         Reason = "token-dead"
	ReasonMissingPermission Reason = "missing-permission"
	ReasonClientOnlyToken   Reason = "client-only-token"
	ReasonThrottled         Reason = "throttled"
	ReasonTooManySessions   Reason = "too-many-sessions"
	ReasonUnknownSession    Reason = "unknown-session"
	ReasonNotOwnSession     Reason = "not-own-session"
	ReasonInvalidRequest    Reason = "invalid-request"
	ReasonNotFound          Reason = "not-found"
	ReasonEpicTrouble       Reason = "epic-trouble"
	ReasonWebPage           Reason = "web-page"
	ReasonTimeout           Reason = "timeout"
	ReasonStopped           Reason = "stopped"
	ReasonOffline           Reason = "offline"
	ReasonHostAccess        Reason = "host-access"
	ReasonRedirect          Reason = "redirect"
	ReasonUnreachable       Reason = "unreachable"
	ReasonInput             Reason = "input"
	ReasonUnknown           Reason = "unknown"
	ReasonOddSuccess        Reason = "odd-success"
	ReasonListed            Reason = "listed"
	ReasonRevoked           Reason = "revoked"
	ReasonAlreadyRevoked    Reason = "already-revoked"
	ReasonListUnreadable    Reason = "list-unreadable"
)

// Action is what a request was for: a kill, the zero Action, or one of the
// saved logins' requests, each of which changes how an answer reads.
type Action int

const (
	ActionKill Action = iota
	// ActionListLogins asked for the account's saved logins (device auths).
	ActionListLogins
	// ActionRevokeLogin revoked one saved login, Input.Login.
	ActionRevokeLogin
)

// deviceAuthNotFound is Epic's answer to a revoke of a saved login it does
// not know (any more): the revoke's aim is met.
const deviceAuthNotFound = "errors.com.epicgames.account.device_auth.not_found"

// Input is one finished (or refused) kill.
type Input struct {
	// KillType is what was asked for; epic.OwnSession for KillSession.
	KillType epic.KillType
	// Err is what Kill or KillSession returned; nil means 204.
	Err error
	// Now is when the outcome arrived; waits count from it.
	Now time.Time
	// Usable names the kill types this token may use, as far as known; nil
	// means unknown.
	Usable []string
	// Timeout is the request's time limit, for the timeout message.
	Timeout time.Duration
	// Action is what the request was for; KillType is read only for
	// ActionKill.
	Action Action
	// Login names the saved login of ActionRevokeLogin, quoted.
	Login messages.Message
	// Request is the saved logins' request as Epic names it, for the
	// details: "DELETE /account/api/public/account/…/deviceAuth/…".
	Request string
}

// kill is the kill type of a kill; none for the saved logins' requests.
func (in Input) kill() epic.KillType {
	if in.Action != ActionKill {
		return epic.KillType{}
	}
	return in.KillType
}

// byAction picks the message for in's action: one for a kill, one for a
// revoke, one for the list. An empty key says nothing.
func (in Input) byAction(kill, revoke, list messages.Key) messages.Message {
	switch in.Action {
	case ActionRevokeLogin:
		return m(revoke)
	case ActionListLogins:
		return m(list)
	}
	return m(kill)
}

// nothingDone says that the request changed nothing: for the list, which
// changes nothing anyway, nothing is said.
func (in Input) nothingDone() messages.Message {
	return in.byAction(messages.NothingSignedOut, messages.NothingRevoked, "")
}

// Explanation is everything the popup shows about one outcome.
type Explanation struct {
	Outcome Outcome
	Reason  Reason
	// Status is Epic's HTTP status, or 0 when no answer came.
	Status int
	// Title says in one short line what happened.
	Title messages.Message
	// Advice says what to do next, in whole sentences.
	Advice []messages.Message
	// Wait is how long to hold the kill button back; Until is Now+Wait.
	Wait  time.Duration
	Until time.Time
	// TokenDead means this token cannot be used again: a new one is needed.
	TokenDead bool
	// NeedsHostAccess means the UI should offer to grant host access again.
	NeedsHostAccess bool
	Details         Details
}

// Details is what "Copy details" puts on the clipboard for support. It never
// holds the token: only what the epic package kept of Epic's answer.
type Details struct {
	Time             time.Time
	KillType         string
	Status           int
	ErrorCode        string
	NumericErrorCode int
	// Message is Epic's own message, as Epic wrote it.
	Message       string
	CorrelationID string
	// Body says what the answer held when it was not Epic's error details
	// (DetailsBody…), or is empty.
	Body messages.Key
	// Cause is the browser's own report of why no answer came.
	Cause string
	// Request is the saved logins' request, as Input.Request.
	Request string
}

// Limits on Epic's words, which can be up to 64 KiB of anything:
// MaxShownRunes for each piece shown in a sentence (and beside the token, by
// the popup), maxDetailsRunes for Epic's message in the details.
const (
	MaxShownRunes   = 300
	maxDetailsRunes = 2000
)

// Text is the details as plain text lines in t's language, times in UTC.
func (d Details) Text(t messages.Texts) string {
	var b strings.Builder
	line := func(m messages.Message) {
		b.WriteString(t.Text(m))
		b.WriteByte('\n')
	}
	value := func(key messages.Key, v string) { line(messages.Of(key, "value", v)) }
	line(messages.Of(messages.DetailsHeading))
	value(messages.DetailsTime, d.Time.UTC().Format(time.RFC3339))
	if d.Request != "" {
		value(messages.DetailsRequest, Clean(d.Request, MaxShownRunes))
	}
	if d.KillType != "" {
		value(messages.DetailsKillType, Clean(d.KillType, MaxShownRunes))
	}
	if d.Status != 0 {
		value(messages.DetailsStatus, strconv.Itoa(d.Status))
	} else {
		line(messages.Of(messages.DetailsNoStatus))
	}
	if d.ErrorCode != "" {
		value(messages.DetailsErrorCode, Clean(d.ErrorCode, MaxShownRunes))
	}
	if d.NumericErrorCode != 0 {
		value(messages.DetailsNumericCode, strconv.Itoa(d.NumericErrorCode))
	}
	if d.Body != "" {
		line(messages.Of(d.Body))
	}
	if d.Message != "" {
		value(messages.DetailsMessage, Clean(d.Message, maxDetailsRunes))
	}
	if d.CorrelationID != "" {
		value(messages.DetailsCorrelationID, Clean(d.CorrelationID, MaxShownRunes))
	}
	if d.Cause != "" {
		value(messages.DetailsCause, Clean(d.Cause, maxDetailsRunes))
	}
	return b.String()
}

// Explain explains one outcome.
func Explain(in Input) Explanation {
	x := Explanation{
		Outcome: OutcomeError,
		Details: Details{Time: in.Now.UTC(), KillType: in.kill().Name, Request: in.Request},
	}
	in.KillType = in.kill()
	err := in.Err
	var (
		apiErr    *epic.APIError
		redirect  *epic.RedirectError
		transport *epic.TransportError
		list      *epic.DeviceAuthListError
	)
	switch {
	case err == nil:
		success(in, &x)
	case errors.Is(err, ErrOffline):
		x.set(ReasonOffline, m(messages.Offline), m(messages.OfflineAdvice))
	case errors.Is(err, ErrHostAccessRevoked):
		x.NeedsHostAccess = true
		x.set(ReasonHostAccess, m(messages.HostAccess), m(messages.HostAccessAdvice, "host", epicHost()))
	case errors.Is(err, ErrUnconfirmedInTime):
		x.set(ReasonTimeout, noAnswerWithin(in.Timeout), m(messages.UnconfirmedAdvice))
	case errors.Is(err, context.DeadlineExceeded):
		x.set(ReasonTimeout, noAnswerWithin(in.Timeout),
			in.byAction(messages.TimeoutAdvice, messages.RevokeUnknownAdvice, messages.ListUnreachableAdvice))
	case errors.Is(err, context.Canceled):
		x.set(ReasonStopped, m(messages.Stopped),
			in.byAction(messages.StoppedAdvice, messages.RevokeUnknownAdvice, messages.ListUnreachableAdvice))
	case errors.As(err, &apiErr):
		explainAPIError(in, apiErr, &x)
		return x
	case errors.As(err, &redirect):
		x.Status = redirect.StatusCode
		x.set(ReasonRedirect, m(messages.Redirected), m(messages.RedirectedAdvice))
	case errors.As(err, &transport):
		x.set(ReasonUnreachable, m(messages.Unreachable),
			in.byAction(messages.UnreachableAdvice, messages.RevokeUnreachableAdvice, messages.ListUnreachableAdvice))
		x.Details.Cause = transport.Err.Error()
	case errors.As(err, &list):
		x.Status = 200
		x.Details.Body = listBodyLine(list.Problem)
		x.set(ReasonListUnreadable, m(messages.LoginsListUnreadable), m(messages.CopyDetailsToReport))
	default:
		// Kill and KillSession wrap everything that happens once a request
		// leaves in the types above; any other error stopped it before.
		x.set(ReasonInput, m(messages.NothingSent), InputError(err))
	}
	// The title and advice say what the error was; the error's own
	// English words are not repeated in the details.
	x.Details.Status = x.Status
	return x
}

// noAnswerWithin is the title of a request that got no answer in time.
func noAnswerWithin(timeout time.Duration) messages.Message {
	if timeout > 0 {
		return m(messages.NoAnswerWithin, "wait", messages.Wait(timeout))
	}
	return m(messages.NoAnswerInTime)
}

// m is messages.Of, for brevity where explanations are written.
func m(key messages.Key, args ...any) messages.Message { return messages.Of(key, args...) }

// set gives x its reason, title and advice; an empty advice message (said
// with nothing to point to) is left out.
func (x *Explanation) set(r Reason, title messages.Message, advice ...messages.Message) {
	x.Reason, x.Title, x.Advice = r, title, nil
	for _, a := range advice {
		if a.Key != "" {
			x.Advice = append(x.Advice, a)
		}
	}
}

// wait holds the kill button back for d, at most maxWait, when e is Epic's
// own answer. Anything else (a proxy, a captive portal, a challenge page)
// never starts a wait: it could lock the popup for a day.
func (x *Explanation) wait(e *epic.APIError, d time.Duration, now time.Time) {
	if !e.FromEpic || d <= 0 {
		return
	}
	d = min(d, maxWait)
	x.Wait, x.Until = d, now.Add(d)
}

func success(in Input, x *Explanation) {
	x.Outcome, x.Status = OutcomeSuccess, 204
	switch in.Action {
	case ActionListLogins:
		x.Status = 200
		x.set(ReasonListed, messages.Message{})
		return
	case ActionRevokeLogin:
		x.set(ReasonRevoked, m(messages.LoginRevoked, "login", in.Login), m(messages.LoginRevokedAdvice))
		return
	}
	kt := in.KillType
	title := m(messages.SignedOutGeneric)
	if kt.Name != "" {
		title = messages.KillTypeDone(kt.Name)
	}
	switch {
	case kt.Name == epic.OwnSession.Name:
		// Ending this token was the aim: only what to do next remains.
		x.TokenDead = true
		x.set(ReasonSignedOut, title, m(messages.SignedOutOwnNext))
		return
	case kt.EndsCurrentSession:
		x.TokenDead = true
		x.set(ReasonSignedOut, title, m(messages.SignedOutTokenEnded))
		return
	}
	// Whoever was signed out can sign in again with the password.
	x.set(ReasonSignedOut, title, m(messages.SignedOutTokenStillWorks), m(messages.SecureAccountAdvice))
}

// Label names the kill type name in a player's words, quoted, and says when
// it also ends the token in the popup: the form in which advice names them.
func Label(name string) messages.Message {
	if name == epic.OwnSession.Name {
		return m(messages.QuotedLabel, "label", messages.KillTypeLabel(name))
	}
	kt, err := epic.ParseKillType(name)
	if err != nil {
		return m(messages.Verbatim, "text", Clean(name, MaxShownRunes))
	}
	if kt.EndsCurrentSession {
		return m(messages.QuotedLabelEnds, "label", messages.KillTypeLabel(kt.Name))
	}
	return m(messages.QuotedLabel, "label", messages.KillTypeLabel(kt.Name))
}

// Labels lists kill types by Label, joined by joiner.
func Labels(names []string, joiner messages.Key) messages.MessageList {
	items := make([]messages.Message, len(names))
	for i, name := range names {
		items[i] = Label(name)
	}
	return messages.MessageList{Items: items, Joiner: joiner}
}

// explainAPIError decides by Epic's errorCode, then numericErrorCode, then
// the kind of body, then the HTTP status.
func explainAPIError(in Input, e *epic.APIError, x *Explanation) {
	x.Status = e.StatusCode
	x.Details = Details{
		Time:             in.Now.UTC(),
		KillType:         in.KillType.Name,
		Request:          in.Request,
		Status:           e.StatusCode,
		ErrorCode:        Clean(e.ErrorCode, MaxShownRunes),
		NumericErrorCode: e.NumericErrorCode,
		Message:          Clean(epicMessage(e), maxDetailsRunes),
		CorrelationID:    Clean(e.CorrelationID, MaxShownRunes),
		Body:             bodyLine(e),
	}
	if in.Action == ActionRevokeLogin && e.StatusCode == 404 && strings.EqualFold(e.ErrorCode, deviceAuthNotFound) {
		// Gone before this revoke, or by an earlier one whose answer was lost.
		x.Outcome = OutcomeSuccess
		x.set(ReasonAlreadyRevoked, m(messages.LoginAlreadyGone, "login", in.Login), m(messages.LoginRevokedAdvice))
		return
	}
	if c, ok := lookup(e); ok {
		c.explain(in, e, x)
		return
	}
	switch {
	case e.StatusCode >= 200 && e.StatusCode <= 299:
		// Epic answers with 204 or its list and nothing else; another 2xx
		// is likely done, but cannot be told as done.
		x.set(ReasonOddSuccess, m(messages.OddSuccess),
			in.byAction(messages.OddSuccessAdvice, messages.RevokeOddSuccessAdvice, messages.CopyDetailsToReport))
	case isWebPage(e):
		x.set(ReasonWebPage, m(messages.WebPage), m(messages.WebPageAdvice))
	case e.StatusCode == 429:
		throttled(in, e, x)
	case e.StatusCode >= 500 && e.StatusCode <= 599:
		epicTrouble(in, e, x)
	case e.StatusCode == 401 && e.ErrorCode == "" && e.NumericErrorCode == 0:
		tokenDead(messages.TokenNotAccepted401)(in, e, x)
	default:
		unknown(e, x)
	}
}

// code is one row of the table of Epic's error codes.
type code struct {
	errorCode string
	numeric   int
	explain   func(Input, *epic.APIError, *Explanation)
}

// codes holds the errorCodes that can answer a kill (epic-api.md §2.2). The
// numeric codes serve only when Epic sent no errorCode, since sources
// disagree on some numbers.
var codes = []code{
	{"errors.com.epicgames.common.authentication.token_verification_failed", 1031,
		tokenDead(messages.TokenExpiredOrOut)},
	{"errors.com.epicgames.common.authentication.authentication_failed", 1032,
		tokenDead(messages.TokenNotAccepted)},
	{"errors.com.epicgames.common.oauth.invalid_token", 1014,
		tokenDead(messages.TokenNotValid)},
	{"errors.com.epicgames.account.auth_token.invalid_access_token", 18071,
		tokenDead(messages.TokenNoLongerValid)},
	{"errors.com.epicgames.unauthorized", 1002,
		tokenDead(messages.TokenNotAccepted)},
	{"errors.com.epicgames.unauthorized.v2", 0,
		tokenDead(messages.TokenNotAccepted)},
	{"errors.com.epicgames.common.missing_permission", 1023, missingPermission},
	{"errors.com.epicgames.common.throttled", 1041, throttled},
	{"errors.com.epicgames.account.oauth.too_many_sessions", 18048, tooManySessions},
	{"errors.com.epicgames.account.auth_token.unknown_oauth_session", 18051, fixed(ReasonUnknownSession,
		messages.UnknownSession, messages.UnknownSessionAdvice)},
	{"errors.com.epicgames.account.auth_token.not_own_session_removal", 18040, fixed(ReasonNotOwnSession,
		messages.NotOwnSession, messages.NothingSignedOut, messages.NotOwnSessionAdvice)},
	{"errors.com.epicgames.common.oauth.invalid_request", 1013, invalidRequest},
	{"errors.com.epicgames.common.not_found", 1004, fixed(ReasonNotFound,
		messages.AddressUnknown, messages.NothingSignedOut, messages.OutOfDateOrChanged)},
	{"errors.com.epicgames.common.method_not_allowed", 1009, fixed(ReasonNotFound,
		messages.MethodNotAllowed, messages.NothingSignedOut, messages.OutOfDateOrChanged)},
	{"errors.com.epicgames.common.server_error", 1000, epicTrouble},
}

func lookup(e *epic.APIError) (code, bool) {
	for _, c := range codes {
		if e.ErrorCode != "" && strings.EqualFold(e.ErrorCode, c.errorCode) {
			return c, true
		}
		if e.ErrorCode == "" && e.NumericErrorCode != 0 && e.NumericErrorCode == c.numeric {
			return c, true
		}
	}
	return code{}, false
}

// fixed explains a code with a title and advice; messages.NothingSignedOut
// among the advice says that nothing changed in the words of the action.
func fixed(r Reason, title messages.Key, advice ...messages.Key) func(Input, *epic.APIError, *Explanation) {
	return func(in Input, _ *epic.APIError, x *Explanation) {
		x.set(r, m(title))
		for _, a := range advice {
			said := m(a)
			if a == messages.NothingSignedOut {
				said = in.nothingDone()
			}
			if said.Key != "" {
				x.Advice = append(x.Advice, said)
			}
		}
	}
}

func tokenDead(title messages.Key) func(Input, *epic.APIError, *Explanation) {
	return func(in Input, _ *epic.APIError, x *Explanation) {
		x.TokenDead = true
		if in.Action != ActionKill {
			x.set(ReasonTokenDead, m(title), in.nothingDone(), m(messages.LoginsNewTokenAdvice))
			return
		}
		if in.KillType.Name == epic.OwnSession.Name {
			// Signing out this very token was the aim, and it is already over.
			x.set(ReasonTokenDead, m(title), m(messages.TokenDeadOwnSession))
			return
		}
		x.set(ReasonTokenDead, m(title), m(messages.TokenDeadNewToken))
	}
}

func missingPermission(in Input, e *epic.APIError, x *Explanation) {
	switch in.Action {
	case ActionListLogins:
		x.set(ReasonMissingPermission, m(messages.LoginsCannotList), m(messages.LoginsCannotListAdvice))
		return
	case ActionRevokeLogin:
		x.set(ReasonMissingPermission, m(messages.LoginsCannotRevoke), m(messages.NothingRevoked))
		return
	}
	title := m(messages.LacksPermission)
	if name := in.KillType.Name; name != "" && name != epic.OwnSession.Name {
		title = m(messages.MayNotUse, "label", Label(name))
	}
	x.set(ReasonMissingPermission, title, m(messages.NothingSignedOut))
	others := usableOthers(in)
	switch {
	case in.Usable == nil && len(others) > 0:
		// What published game apps hold, which is all that is known.
		x.Advice = append(x.Advice, m(messages.TryInstead, "killTypes", Labels(others, messages.ListOr)))
	case len(others) > 0:
		x.Advice = append(x.Advice, m(messages.CanUseInstead, "killTypes", Labels(others, messages.ListComma)))
	default:
		x.Advice = append(x.Advice, m(messages.CanUseNoOther))
	}
	if in.KillType.AccountWide {
		x.Advice = append(x.Advice, m(messages.SignOutEverywhereAdvice))
	}
}

// usableOthers lists, in the kill types' order, the types worth suggesting:
// those known usable, or when unknown those published clients hold; never the
// one just refused.
func usableOthers(in Input) []string {
	var out []string
	for _, kt := range epic.KillTypes {
		if kt.Name == in.KillType.Name {
			continue
		}
		usable := kt.CommonlyGranted
		if in.Usable != nil {
			usable = false
			for _, c := range in.Usable {
				if strings.EqualFold(strings.TrimSpace(c), kt.Name) {
					usable = true
					break
				}
			}
		}
		if usable {
			out = append(out, kt.Name)
		}
	}
	return out
}

// defaultThrottleWait holds the button back when Epic throttles without
// saying for how long (its capacity throttling).
const defaultThrottleWait = time.Minute

// maxWait bounds a wait read from Epic's words; observed waits reach 2 hours.
const maxWait = 24 * time.Hour

func throttled(in Input, e *epic.APIError, x *Explanation) {
	if !e.FromEpic {
		x.set(ReasonThrottled, m(messages.ThrottledNotEpic), in.nothingDone(), m(messages.ThrottledNotEpicHint))
		return
	}
	d, said := throttleWait(e)
	when := m(messages.ThrottledFor, "wait", messages.Wait(d))
	if !said {
		when = m(messages.ThrottledUnsaid, "wait", messages.Wait(d))
	}
	x.wait(e, d, in.Now)
	x.set(ReasonThrottled, m(messages.Throttled), in.nothingDone(), when, m(messages.ThrottledLonger))
}

// throttleWait reads the wait from Retry-After, else messageVars[0], else
// "in N second(s)" in the message, as Epic's other clients do.
func throttleWait(e *epic.APIError) (time.Duration, bool) {
	if e.RetryAfter > 0 {
		return min(e.RetryAfter, maxWait), true
	}
	if len(e.MessageVars) > 0 {
		if d, ok := seconds(strings.TrimSpace(e.MessageVars[0])); ok {
			return d, true
		}
	}
	if d, ok := secondsInMessage(epicMessage(e)); ok {
		return d, true
	}
	return defaultThrottleWait, false
}

// seconds reads a positive whole number of seconds, capped at maxWait.
func seconds(s string) (time.Duration, bool) {
	if s == "" || !allDigits(s) {
		return 0, false
	}
	s = strings.TrimLeft(s, "0")
	switch {
	case s == "":
		return 0, false
	case len(s) > 9:
		return maxWait, true
	}
	n, _ := strconv.Atoi(s)
	return min(time.Duration(n)*time.Second, maxWait), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// secondsInMessage finds the first number followed by "second".
func secondsInMessage(msg string) (time.Duration, bool) {
	for i := 0; i < len(msg); {
		if msg[i] < '0' || msg[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		rest := strings.TrimLeft(msg[j:], " ")
		if len(rest) >= 6 && strings.EqualFold(rest[:6], "second") {
			if d, ok := seconds(msg[i:j]); ok {
				return d, true
			}
		}
		i = j
	}
	return 0, false
}

func tooManySessions(in Input, e *epic.APIError, x *Explanation) {
	x.set(ReasonTooManySessions, m(messages.TooManySessions), in.nothingDone(), m(messages.TooManySessionsAdvice))
	x.wait(e, e.RetryAfter, in.Now)
	x.adviseWait()
}

// adviseWait adds when the kill button is available again, if a wait holds
// it back.
func (x *Explanation) adviseWait() {
	if x.Wait > 0 {
		x.Advice = append(x.Advice, m(messages.ThrottledFor, "wait", messages.Wait(x.Wait)))
	}
}

func invalidRequest(in Input, e *epic.APIError, x *Explanation) {
	lower := strings.ToLower(epicMessage(e))
	switch {
	case strings.Contains(lower, "client only"):
		advice := m(messages.ClientOnlyAdviceThis)
		if name := in.KillType.Name; name != "" && name != epic.OwnSession.Name {
			advice = m(messages.ClientOnlyAdvice, "label", Label(name))
		}
		x.set(ReasonClientOnlyToken, m(messages.ClientOnly), in.nothingDone(), advice)
	case strings.Contains(lower, "killtype") && in.Action == ActionKill:
		x.set(ReasonInvalidRequest, m(messages.KillTypeRejected), in.nothingDone(), said(e), m(messages.MaybeOutOfDate))
	default:
		x.set(ReasonInvalidRequest, m(messages.RequestRejected), in.nothingDone(), said(e), m(messages.CopyDetailsToReport))
	}
}

func epicTrouble(in Input, e *epic.APIError, x *Explanation) {
	x.set(ReasonEpicTrouble, m(messages.EpicTrouble),
		in.byAction(messages.EpicTroubleAdvice, messages.RevokeEpicTroubleAdvice, messages.ListEpicTroubleAdvice))
	x.wait(e, e.RetryAfter, in.Now)
	x.adviseWait()
}

// unknown reports that Epic answered without interpreting it: its status,
// codes and words are in the details.
func unknown(e *epic.APIError, x *Explanation) {
	x.set(ReasonUnknown, m(messages.Unknown))
	switch e.Body {
	case epic.BodyEmpty:
		x.Advice = append(x.Advice, m(messages.UnknownNoBody))
	case epic.BodyOther:
		x.Advice = append(x.Advice, m(messages.UnknownNotEpicsFormat))
	case epic.BodyTooLarge:
		x.Advice = append(x.Advice, m(messages.UnknownTooLarge))
	case epic.BodyUnreadable:
		x.Advice = append(x.Advice, m(messages.UnknownBrokeOff))
	default:
		if s := said(e); s.Key != "" {
			x.Advice = append(x.Advice, s)
		}
	}
	x.Advice = append(x.Advice, m(messages.UnknownAskForHelp))
}

// said points to Epic's own words, which the details hold as Epic sent
// them; an empty message when Epic gave none.
func said(e *epic.APIError) messages.Message {
	if Clean(epicMessage(e), MaxShownRunes) == "" {
		return messages.Message{}
	}
	return m(messages.SeeDetails)
}

// epicMessage is Epic's own wording: errorMessage, else OAuth's description.
func epicMessage(e *epic.APIError) string {
	if e.ErrorMessage != "" {
		return e.ErrorMessage
	}
	return e.OAuthErrorDescription
}

// bodyLine is the details' line on an answer's body that was not Epic's
// error details; none for Epic's.
func bodyLine(e *epic.APIError) messages.Key {
	switch {
	case e.Body == epic.BodyEpicJSON:
		return ""
	case isWebPage(e):
		return messages.DetailsBodyWebPage
	case e.Body == epic.BodyEmpty:
		return messages.DetailsBodyEmpty
	case e.Body == epic.BodyTooLarge:
		return messages.DetailsBodyTooLarge
	case e.Body == epic.BodyUnreadable:
		return messages.DetailsBodyUnreadable
	}
	return messages.DetailsBodyOther
}

// listBodyLine is the details' line on a 200 from the list that was not
// Epic's list.
func listBodyLine(p epic.DeviceAuthListProblem) messages.Key {
	switch p {
	case epic.DeviceAuthListEmpty:
		return messages.DetailsBodyEmpty
	case epic.DeviceAuthListTooLarge:
		return messages.DetailsBodyTooLarge
	case epic.DeviceAuthListBrokeOff:
		return messages.DetailsBodyUnreadable
	}
	return messages.DetailsBodyOther
}

func isWebPage(e *epic.APIError) bool {
	return e.Body != epic.BodyEpicJSON && e.Body != epic.BodyEmpty &&
		strings.Contains(strings.ToLower(e.ContentType), "html")
}

func epicHost() string {
	return strings.TrimPrefix(epic.DefaultBaseURL, "https://")
}
