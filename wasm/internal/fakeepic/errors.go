package fakeepic

import (
	"fmt"
	"net/http"
	"strconv"
)

// epicError is Epic's JSON error body, field for field.
type epicError struct {
	status             int
	ErrorCode          string   `json:"errorCode"`
	ErrorMessage       string   `json:"errorMessage"`
	MessageVars        []string `json:"messageVars"`
	NumericErrorCode   int      `json:"numericErrorCode"`
	OriginatingService string   `json:"originatingService"`
	Intent             string   `json:"intent"`
	// Only OAuth-style errors carry these two.
	ErrorDescription string `json:"error_description,omitempty"`
	Error            string `json:"error,omitempty"`
}

func newError(status int, code string, numeric int, message string, vars ...string) *epicError {
	if vars == nil {
		vars = []string{} // Epic sends [], never null
	}
	return &epicError{
		status:             status,
		ErrorCode:          code,
		ErrorMessage:       message,
		MessageVars:        vars,
		NumericErrorCode:   numeric,
		OriginatingService: "com.epicgames.account.public",
		Intent:             "prod",
	}
}

// write sends the error; the X-Epic-Error-* headers repeat it for clients
// that cannot read the body.
func (e *epicError) write(w http.ResponseWriter) {
	w.Header().Set("X-Epic-Error-Name", e.ErrorCode)
	w.Header().Set("X-Epic-Error-Code", strconv.Itoa(e.NumericErrorCode))
	writeJSON(w, e.status, e)
}

func authenticationFailed(path string) *epicError {
	return newError(http.StatusUnauthorized, "errors.com.epicgames.common.authentication.authentication_failed", 1032,
		"Authentication failed for "+path, path)
}

func malformedToken(token string) *epicError {
	return newError(http.StatusUnauthorized, "errors.com.epicgames.common.oauth.invalid_token", 1014,
		"Malformed auth token ["+token+"]", token)
}

func invalidAccessToken(token string) *epicError {
	return newError(http.StatusUnauthorized, "errors.com.epicgames.account.auth_token.invalid_access_token", 18071,
		"Sorry the access token '"+token+"' is invalid", token)
}

func tokenVerificationFailed(token string) *epicError {
	return newError(http.StatusUnauthorized, "errors.com.epicgames.common.authentication.token_verification_failed", 1031,
		"Sorry we couldn't validate your token "+token+". Please try with a new token.", token)
}

func invalidRequest(message string) *epicError {
	e := newError(http.StatusBadRequest, "errors.com.epicgames.common.oauth.invalid_request", 1013, message)
	e.Error = "invalid_request"
	e.ErrorDescription = message
	return e
}

// actionNames are Epic's words for the action bits, as missing_permission
// writes them.
var actionNames = map[int]string{Create: "CREATE", Read: "READ", Update: "UPDATE", Delete: "DELETE"}

// missingPermission names the one action bit that was needed.
func missingPermission(resource string, action int) *epicError {
	verb := actionNames[action]
	return newError(http.StatusForbidden, "errors.com.epicgames.common.missing_permission", 1023,
		"Sorry your login does not posses the permissions '"+resource+" "+verb+"' needed to perform the requested operation",
		resource, verb)
}

func unknownSession(target string) *epicError {
	return newError(http.StatusNotFound, "errors.com.epicgames.account.auth_token.unknown_oauth_session", 18051,
		"Sorry we could not find the auth session '"+target+"'", target)
}

func notOwnSession(target string) *epicError {
	return newError(http.StatusForbidden, "errors.com.epicgames.account.auth_token.not_own_session_removal", 18040,
		"Sorry you cannot remove the auth session "+target+". It was not issued to you.", target)
}

// deviceAuthNotFound has the code, number and message of Lele's Errors.md
// (18130, which it also gives invalid_device_info); the status 404 and the
// order of messageVars are the fake's assumption.
func deviceAuthNotFound(accountID, deviceID string) *epicError {
	return newError(http.StatusNotFound, "errors.com.epicgames.account.device_auth.not_found", 18130,
		"Sorry, we couldn't find the specified device "+deviceID+" auth for account "+accountID, deviceID, accountID)
}

func notFound() *epicError {
	return newError(http.StatusNotFound, "errors.com.epicgames.common.not_found", 1004,
		"Sorry the resource you were trying to find could not be found")
}

func methodNotAllowed(method string) *epicError {
	return newError(http.StatusMethodNotAllowed, "errors.com.epicgames.common.method_not_allowed", 1009,
		"Sorry the resource you were trying to find cannot be accessed with the HTTP method "+method+".", method)
}

func throttled(seconds int) *epicError {
	n := strconv.Itoa(seconds)
	return newError(http.StatusTooManyRequests, "errors.com.epicgames.common.throttled", 1041,
		"Operation access is limited by throttling policy, please try again in "+n+" second(s).", n)
}

func serverError(status int, correlationID string) *epicError {
	return newError(status, "errors.com.epicgames.common.server_error", 1000,
		fmt.Sprintf("Sorry an error occurred and we were unable to resolve it (tracking id: [%s])", correlationID),
		correlationID)
}
