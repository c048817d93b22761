package epic

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
)

// DefaultBaseURL is Epic's account service, the only host the extension talks to.
const DefaultBaseURL = "https://account-public-service-prod.ol.epicgames.com"

// MaxBodyBytes is the most the client reads of any answer's body.
const MaxBodyBytes = 64 << 10

// Doer sends one HTTP request. Both *http.Client and tinyutil's
// *httputil.Client satisfy it. A Doer must not follow redirects: it returns
// the 3xx answer itself (the browser adapter asks fetch for redirect "manual").
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Client calls Epic's account service.
type Client struct {
	Doer Doer
	// BaseURL is scheme and host without a trailing slash; empty means
	// DefaultBaseURL. Only tests aim it elsewhere.
	BaseURL string
}

// Kill ends sessions with DELETE /account/api/oauth/sessions/kill?killType=NAME.
// It checks the token and the kill type before sending anything. It returns nil
// only for 204; otherwise a *APIError, *RedirectError or *TransportError, or an
// input error (ErrNoToken, ErrTokenHasSpace, ErrTokenBadChar, *KillTypeError).
func (c *Client) Kill(ctx context.Context, token, killType string) error {
	kt, err := ParseKillType(killType)
	if err != nil {
		return err
	}
	token, err = NormalizeToken(token)
	if err != nil {
		return err
	}
	u := c.baseURL() + "/account/api/oauth/sessions/kill?" + url.Values{"killType": {kt.Name}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "bearer "+token)
	return c.send(req, token)
}

func (c *Client) baseURL() string {
	if c.BaseURL == "" {
		return DefaultBaseURL
	}
	return c.BaseURL
}

// send runs the request and turns every answer but 204 into an error. Epic
// quotes the token in some messages; the error carries them without it.
func (c *Client) send(req *http.Request, token string) error {
	resp, err := c.Doer.Do(req)
	if err != nil {
		return &TransportError{Err: err}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNoContent:
		// No body to wait for: reading it in the browser would cost a
		// promise round trip before the outcome can be shown.
		return nil
	case resp.StatusCode == 0 || (resp.StatusCode >= 300 && resp.StatusCode < 400):
		return &RedirectError{StatusCode: resp.StatusCode, Location: resp.Header.Get("Location")}
	}
	body, kind, err := readBody(req.Context(), resp.Body)
	if err != nil {
		return &TransportError{Err: err}
	}
	apiErr := decodeAPIError(resp.StatusCode, resp.Header, body, kind)
	apiErr.redact(token)
	return apiErr
}

// fetch runs a request whose answer is 200 with a body, and returns that
// body as readBody reads it. Every other answer is an error, as send makes
// them: a redirect unfollowed, and Epic's error with the token redacted.
func (c *Client) fetch(req *http.Request, token string) ([]byte, BodyKind, error) {
	resp, err := c.Doer.Do(req)
	if err != nil {
		return nil, 0, &TransportError{Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode == 0 || (resp.StatusCode >= 300 && resp.StatusCode < 400) {
		return nil, 0, &RedirectError{StatusCode: resp.StatusCode, Location: resp.Header.Get("Location")}
	}
	body, kind, err := readBody(req.Context(), resp.Body)
	if err != nil {
		return nil, 0, &TransportError{Err: err}
	}
	if resp.StatusCode != http.StatusOK {
		apiErr := decodeAPIError(resp.StatusCode, resp.Header, body, kind)
		apiErr.redact(token)
		return nil, 0, apiErr
	}
	return body, kind, nil
}

// readBody reads at most MaxBodyBytes; the rest of a longer body is left
// unread, and its first MaxBodyBytes come back with BodyTooLarge, for a
// reader that can use a start (a list cut short). Its kind is never
// BodyEpicJSON: only decodeAPIError can tell that.
//
// The request's deadline covers the body too. A Doer need not watch the
// context once the headers are in (tinyutil's fetch transport does not), so
// a body that trickles in, a byte at a time, would hold the popup for as
// long as it lasts. When ctx ends first the body is closed, which cancels
// its stream in the browser and ends the fetch, and ctx's error is
// returned: no answer came in time.
func readBody(ctx context.Context, body io.ReadCloser) ([]byte, BodyKind, error) {
	type read struct {
		body []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(body, MaxBodyBytes+1))
		done <- read{b, err}
	}()
	var r read
	select {
	case r = <-done:
	case <-ctx.Done():
		body.Close()
		return nil, BodyUnreadable, ctx.Err()
	}
	switch {
	case len(r.body) > MaxBodyBytes:
		return r.body[:MaxBodyBytes], BodyTooLarge, nil
	case r.err != nil:
		return nil, BodyUnreadable, nil
	case len(bytes.TrimSpace(r.body)) == 0:
		return nil, BodyEmpty, nil
	}
	return r.body, BodyOther, nil
}
