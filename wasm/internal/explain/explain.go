// Package explain turns the outcome of a kill into words for the user: what
// happened, what to do next, how long to wait, and the details support needs.
// It is plain Go and decides everything from the error the epic package
// returned, so every case is tested natively.
//
// Every text it produces is plain sentences meant for textContent. Epic's own
// words appear only where no better explanation exists, and then only as the
// epic package left them: with the token already removed.
package explain

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
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

// Outcome is the result region's data-outcome value.
type Outcome string

const (
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
)

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
}

// Explanation is everything the popup shows about one outcome.
type Explanation struct {
	Outcome Outcome
	Reason  Reason
	// Status is Epic's HTTP status, or 0 when no answer came.
	Status int
	// Title says in one short line what happened.
	Title string
	// Advice says what to do next.
	Advice string
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
	Message          string
	CorrelationID    string
}

// Limits on Epic's words, which can be up to 64 KiB of anything:
// MaxShownRunes for each piece shown in a sentence (and beside the token, by
// the popup), maxDetailsRunes for Epic's message in the details.
const (
	MaxShownRunes   = 300
	maxDetailsRunes = 2000
)

// Text is the details as plain text lines, times in UTC.
func (d Details) Text() string {
	var b strings.Builder
	line := func(label, value string) {
		b.WriteString(label)
		b.WriteString(": ")
		b.WriteString(value)
		b.WriteByte('\n')
	}
	b.WriteString("Epic Session Killer: outcome details\n")
	line("Time", d.Time.UTC().Format(time.RFC3339))
	if d.KillType != "" {
		line("Kill type", Clean(d.KillType, MaxShownRunes))
	}
	if d.Status != 0 {
		line("HTTP status", strconv.Itoa(d.Status))
	} else {
		line("HTTP status", "none (no answer from Epic)")
	}
	if d.ErrorCode != "" {
		line("errorCode", Clean(d.ErrorCode, MaxShownRunes))
	}
	if d.NumericErrorCode != 0 {
		line("numericErrorCode", strconv.Itoa(d.NumericErrorCode))
	}
	if d.Message != "" {
		line("Message", Clean(d.Message, maxDetailsRunes))
	}
	if d.CorrelationID != "" {
		line("Correlation ID", Clean(d.CorrelationID, MaxShownRunes))
	}
	return b.String()
}

// Explain explains one outcome.
func Explain(in Input) Explanation {
	x := Explanation{
		Outcome: OutcomeError,
		Details: Details{Time: in.Now.UTC(), KillType: in.KillType.Name},
	}
	err := in.Err
	var (
		apiErr    *epic.APIError
		redirect  *epic.RedirectError
		transport *epic.TransportError
	)
	switch {
	case err == nil:
		success(in, &x)
	case errors.Is(err, ErrOffline):
		x.set(ReasonOffline, "You are offline.",
			"Nothing was sent. Connect to the internet, then try again.")
	case errors.Is(err, ErrHostAccessRevoked):
		x.NeedsHostAccess = true
		x.set(ReasonHostAccess, "The extension may no longer contact Epic.",
			"Access to "+epicHost()+" was turned off in the browser's extension settings, so nothing was sent. "+
				"Grant the access again, then try again.")
	case errors.Is(err, ErrUnconfirmedInTime):
		x.set(ReasonTimeout, noAnswerWithin(in.Timeout),
			"Epic did not confirm the token in time, so no kill was sent. Check your connection, then try again.")
	case errors.Is(err, context.DeadlineExceeded):
		x.set(ReasonTimeout, noAnswerWithin(in.Timeout),
			"The request was stopped; sessions may or may not have been signed out. "+
				"Check your connection, then try again.")
	case errors.Is(err, context.Canceled):
		x.set(ReasonStopped, "The request was stopped before Epic answered.",
			"Sessions may or may not have been signed out. Try again.")
	case errors.As(err, &apiErr):
		explainAPIError(in, apiErr, &x)
		return x
	case errors.As(err, &redirect):
		x.Status = redirect.StatusCode
		x.set(ReasonRedirect, "The request was redirected, and the redirect was not followed.",
			"The token was sent nowhere else. Something between you and Epic answered, such as a Wi-Fi sign-in page, "+
				"a proxy or a filter. Sign in to the network or use another one, then try again.")
	case errors.As(err, &transport):
		x.set(ReasonUnreachable, "Could not reach Epic.",
			"No answer came, so it is not known whether sessions were signed out. Check your internet connection "+
				"and that no firewall, VPN or blocker stops epicgames.com, then try again.")
	default:
		// Kill and KillSession wrap everything that happens once a request
		// leaves in the types above; any other error stopped it before.
		x.set(ReasonInput, "Nothing was sent.", sentence(Clean(err.Error(), MaxShownRunes)))
	}
	x.Details.Status = x.Status
	if err != nil {
		x.Details.Message = Clean(err.Error(), maxDetailsRunes)
	}
	return x
}

// noAnswerWithin is the title of a request that got no answer in time.
func noAnswerWithin(timeout time.Duration) string {
	if timeout > 0 {
		return "Epic did not answer within " + FormatDuration(timeout) + "."
	}
	return "Epic did not answer in time."
}

func (x *Explanation) set(r Reason, title, advice string) {
	x.Reason, x.Title, x.Advice = r, title, advice
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
	kt := in.KillType
	title := kt.Done
	if title == "" {
		title = "Epic signed the sessions out."
	}
	if kt.EndsCurrentSession {
		x.TokenDead = true
		x.set(ReasonSignedOut, title, "This token has ended too. "+newToken+" to do more.")
		return
	}
	x.set(ReasonSignedOut, title, "The signed-out devices have to sign in again. This token still works.")
}

// newToken is how to get a token, for every case that needs a new one.
const newToken = "Sign in on epicgames.com again and paste a fresh token"

// explainAPIError decides by Epic's errorCode, then numericErrorCode, then
// the kind of body, then the HTTP status.
func explainAPIError(in Input, e *epic.APIError, x *Explanation) {
	x.Status = e.StatusCode
	x.Details = Details{
		Time:             in.Now.UTC(),
		KillType:         in.KillType.Name,
		Status:           e.StatusCode,
		ErrorCode:        Clean(e.ErrorCode, MaxShownRunes),
		NumericErrorCode: e.NumericErrorCode,
		Message:          Clean(detailsMessage(e), maxDetailsRunes),
		CorrelationID:    Clean(e.CorrelationID, MaxShownRunes),
	}
	if c, ok := lookup(e); ok {
		c.explain(in, e, x)
		return
	}
	switch {
	case e.StatusCode >= 200 && e.StatusCode <= 299:
		// Epic ends sessions with 204 and nothing else; another 2xx is
		// likely done, but cannot be told as done.
		x.set(ReasonOddSuccess, "Epic accepted the request but answered HTTP "+strconv.Itoa(e.StatusCode)+" instead of 204.",
			"Sessions were probably signed out, but this is not Epic's usual answer, so check on your other devices. "+
				"Copy the details below if you ask for help.")
	case isWebPage(e):
		x.set(ReasonWebPage, "A web page answered instead of Epic (HTTP "+strconv.Itoa(e.StatusCode)+").",
			"A proxy, firewall or security check between you and Epic answered, so Epic may not have seen the request. "+
				"Open epicgames.com in a tab to pass any check, or use another network, then try again.")
	case e.StatusCode == 429:
		throttled(in, e, x)
	case e.StatusCode >= 500 && e.StatusCode <= 599:
		epicTrouble(in, e, x)
	case e.StatusCode == 401 && e.ErrorCode == "" && e.NumericErrorCode == 0:
		tokenDead("Epic did not accept the token (HTTP 401).")(in, e, x)
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
		tokenDead("This token has expired or was signed out.")},
	{"errors.com.epicgames.common.authentication.authentication_failed", 1032,
		tokenDead("Epic did not accept the token.")},
	{"errors.com.epicgames.common.oauth.invalid_token", 1014,
		tokenDead("Epic says this is not a valid token.")},
	{"errors.com.epicgames.account.auth_token.invalid_access_token", 18071,
		tokenDead("This token is no longer valid.")},
	{"errors.com.epicgames.unauthorized", 1002,
		tokenDead("Epic did not accept the token.")},
	{"errors.com.epicgames.unauthorized.v2", 0,
		tokenDead("Epic did not accept the token.")},
	{"errors.com.epicgames.common.missing_permission", 1023, missingPermission},
	{"errors.com.epicgames.common.throttled", 1041, throttled},
	{"errors.com.epicgames.account.oauth.too_many_sessions", 18048, tooManySessions},
	{"errors.com.epicgames.account.auth_token.unknown_oauth_session", 18051, fixed(ReasonUnknownSession,
		"Epic found no such session; it has already ended.",
		"It was signed out or expired earlier, so there is nothing left to sign out.")},
	{"errors.com.epicgames.account.auth_token.not_own_session_removal", 18040, fixed(ReasonNotOwnSession,
		"That session was not issued to this token's account.",
		"Nothing was signed out. A token can only sign out sessions of its own account; "+
			"use a token of the account the session belongs to.")},
	{"errors.com.epicgames.common.oauth.invalid_request", 1013, invalidRequest},
	{"errors.com.epicgames.common.not_found", 1004, fixed(ReasonNotFound,
		"Epic does not know the address the request went to.",
		"Nothing was signed out. The extension may be out of date, or Epic changed its service; check for an update.")},
	{"errors.com.epicgames.common.method_not_allowed", 1009, fixed(ReasonNotFound,
		"Epic does not accept this kind of request at that address.",
		"Nothing was signed out. The extension may be out of date, or Epic changed its service; check for an update.")},
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

func fixed(r Reason, title, advice string) func(Input, *epic.APIError, *Explanation) {
	return func(_ Input, _ *epic.APIError, x *Explanation) { x.set(r, title, advice) }
}

func tokenDead(title string) func(Input, *epic.APIError, *Explanation) {
	return func(in Input, _ *epic.APIError, x *Explanation) {
		x.TokenDead = true
		if in.KillType.Name == epic.OwnSession.Name {
			// Signing out this very token was the aim, and it is already over.
			x.set(ReasonTokenDead, title, "Its session is already over, so there is nothing left to sign out.")
			return
		}
		x.set(ReasonTokenDead, title, "Nothing was signed out. "+newToken+", then try again.")
	}
}

// broadTypes are the kill types published clients hold (epic-api.md §1.7).
var broadTypes = []string{"OTHERS_ACCOUNT_CLIENT", "OTHERS_ACCOUNT_CLIENT_SERVICE"}

func missingPermission(in Input, e *epic.APIError, x *Explanation) {
	perm := permissionOf(e)
	title := "This token lacks a permission Epic requires."
	if name := in.KillType.Name; name != "" && name != epic.OwnSession.Name {
		title = "This token may not use " + name + "."
	}
	var b strings.Builder
	b.WriteString("Nothing was signed out. ")
	if perm != "" {
		b.WriteString("Epic requires the permission " + perm + ", which this token does not hold. ")
	}
	others := usableOthers(in)
	switch {
	case in.Usable == nil:
		b.WriteString("Tokens of Epic's game apps usually hold only " + strings.Join(broadTypes, " and ") + ".")
		if len(others) > 0 {
			b.WriteString(" Try " + strings.Join(others, " or ") + " instead.")
		}
	case len(others) > 0:
		b.WriteString("This token can use " + strings.Join(others, ", ") + " instead.")
	default:
		b.WriteString("This token can use no other kill type.")
	}
	if accountWide(in.KillType) {
		b.WriteString(" To sign out everywhere, use Sign out everywhere under Password and security in your Epic account settings.")
	}
	x.set(ReasonMissingPermission, title, b.String())
}

// permissionOf names the missing permission from messageVars [resource,
// action], else from the quoted part of Epic's message.
func permissionOf(e *epic.APIError) string {
	if len(e.MessageVars) >= 2 && strings.TrimSpace(e.MessageVars[0]) != "" {
		return Clean(e.MessageVars[0]+" "+e.MessageVars[1], MaxShownRunes)
	}
	msg := epicMessage(e)
	if _, rest, ok := strings.Cut(msg, "'"); ok {
		if perm, _, ok := strings.Cut(rest, "'"); ok && strings.TrimSpace(perm) != "" {
			return Clean(perm, MaxShownRunes)
		}
	}
	return ""
}

// usableOthers lists, in the kill types' order, the types worth suggesting:
// those known usable, or when unknown those published clients hold; never the
// one just refused.
func usableOthers(in Input) []string {
	candidates := broadTypes
	if in.Usable != nil {
		candidates = in.Usable
	}
	var out []string
	for _, kt := range epic.KillTypes {
		if kt.Name == in.KillType.Name {
			continue
		}
		for _, c := range candidates {
			if strings.EqualFold(strings.TrimSpace(c), kt.Name) {
				out = append(out, kt.Name)
				break
			}
		}
	}
	return out
}

// accountWide reports whether the kill type reaches beyond the token's app,
// which only Epic's own settings page reliably offers.
func accountWide(kt epic.KillType) bool {
	switch kt.Name {
	case "OTHERS", "ALL", "OTHERS_SAME_SOURCE_ID":
		return true
	}
	return false
}

// defaultThrottleWait holds the button back when Epic throttles without
// saying for how long (its capacity throttling).
const defaultThrottleWait = time.Minute

// maxWait bounds a wait read from Epic's words; observed waits reach 2 hours.
const maxWait = 24 * time.Hour

func throttled(in Input, e *epic.APIError, x *Explanation) {
	if !e.FromEpic {
		x.set(ReasonThrottled, "Too many requests for now (HTTP "+strconv.Itoa(e.StatusCode)+").",
			"Nothing was signed out. The answer did not come from Epic: something between you and Epic, such as a "+
				"proxy, a VPN or a network filter, is limiting requests. Wait a minute, then try again.")
		return
	}
	d, said := throttleWait(e)
	advice := "Nothing was signed out. The kill button is available again in " + FormatDuration(d) + "."
	if !said {
		advice = "Nothing was signed out. Epic did not say for how long; the kill button is available again in " +
			FormatDuration(d) + "."
	}
	x.wait(e, d, in.Now)
	x.set(ReasonThrottled, "Epic is limiting requests for now.",
		advice+" Trying again too often can make Epic's wait longer.")
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
	advice := "Nothing was signed out. Epic blocks new sign-ins for a while, often a few hours, when an account " +
		"has had too many sessions. Wait before signing in again; every new sign-in adds a session."
	x.wait(e, e.RetryAfter, in.Now)
	if x.Wait > 0 {
		advice += " The kill button is available again in " + FormatDuration(x.Wait) + "."
	}
	x.set(ReasonTooManySessions, "Epic says too many sessions were issued for your account.", advice)
}

func invalidRequest(in Input, e *epic.APIError, x *Explanation) {
	msg := epicMessage(e)
	lower := strings.ToLower(msg)
	switch {
	case strings.Contains(lower, "client only"):
		x.set(ReasonClientOnlyToken, "This token belongs to an app, not to a signed-in account.",
			"Nothing was signed out. Epic lets only a token of a signed-in account use "+kindOf(in.KillType)+". "+
				"Sign in on epicgames.com and paste the token of your account.")
	case strings.Contains(lower, "killtype"):
		x.set(ReasonInvalidRequest, "Epic did not accept the kill type.",
			"Nothing was signed out. "+said(e)+" The extension may be out of date; check for an update.")
	default:
		x.set(ReasonInvalidRequest, "Epic rejected the request as invalid.",
			"Nothing was signed out. "+said(e)+" Copy the details below if you report it.")
	}
}

func kindOf(kt epic.KillType) string {
	if kt.Name == "" {
		return "this kill"
	}
	return kt.Name
}

func epicTrouble(in Input, e *epic.APIError, x *Explanation) {
	advice := "This is on Epic's side, and it is not known whether sessions were signed out. " +
		"Try again in a few minutes; status.epicgames.com shows known outages."
	x.wait(e, e.RetryAfter, in.Now)
	if x.Wait > 0 {
		advice += " The kill button is available again in " + FormatDuration(x.Wait) + "."
	}
	x.set(ReasonEpicTrouble, "Epic's service is having trouble (HTTP "+strconv.Itoa(e.StatusCode)+").", advice)
}

// unknown reports what Epic said without interpreting it.
func unknown(e *epic.APIError, x *Explanation) {
	var b strings.Builder
	switch {
	case e.ErrorCode != "" && e.NumericErrorCode != 0:
		b.WriteString("Epic's error code: " + Clean(e.ErrorCode, MaxShownRunes) + " (" + strconv.Itoa(e.NumericErrorCode) + "). ")
	case e.ErrorCode != "":
		b.WriteString("Epic's error code: " + Clean(e.ErrorCode, MaxShownRunes) + ". ")
	case e.NumericErrorCode != 0:
		b.WriteString("Epic's error code: " + strconv.Itoa(e.NumericErrorCode) + ". ")
	}
	switch e.Body {
	case epic.BodyEmpty:
		b.WriteString("The answer had no body. ")
	case epic.BodyOther:
		b.WriteString("The answer was not in Epic's error format. ")
	case epic.BodyTooLarge:
		b.WriteString("The answer was too large to read. ")
	case epic.BodyUnreadable:
		b.WriteString("The answer broke off before it could be read. ")
	default:
		b.WriteString(said(e) + " ")
	}
	b.WriteString("This extension does not know this answer; copy the details below if you ask for help.")
	x.set(ReasonUnknown, "Unexpected answer from Epic (HTTP "+strconv.Itoa(e.StatusCode)+").", b.String())
}

// said quotes Epic's message as a sentence, or says there was none.
func said(e *epic.APIError) string {
	msg := Clean(epicMessage(e), MaxShownRunes)
	if msg == "" {
		return "Epic gave no explanation."
	}
	return "Epic said: \"" + msg + "\""
}

// epicMessage is Epic's own wording: errorMessage, else OAuth's description.
func epicMessage(e *epic.APIError) string {
	if e.ErrorMessage != "" {
		return e.ErrorMessage
	}
	return e.OAuthErrorDescription
}

// detailsMessage is Epic's wording, or, when the body was not Epic's error
// JSON, what the body was (empty, a web page, too large), which support
// needs to know.
func detailsMessage(e *epic.APIError) string {
	if msg := epicMessage(e); msg != "" || e.Body == epic.BodyEpicJSON {
		return msg
	}
	return e.Error()
}

func isWebPage(e *epic.APIError) bool {
	return e.Body != epic.BodyEpicJSON && e.Body != epic.BodyEmpty &&
		strings.Contains(strings.ToLower(e.ContentType), "html")
}

func epicHost() string {
	return strings.TrimPrefix(epic.DefaultBaseURL, "https://")
}
