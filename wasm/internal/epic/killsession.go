package epic

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// OwnSession describes KillSession's effect in the terms of a kill type, so
// that its outcome can be explained like a kill's. It is not a killType value
// Epic knows and is therefore not in KillTypes.
var OwnSession = KillType{
	Name:               "OWN_SESSION",
	EndsCurrentSession: true,
}

// KillSession ends the token's own session with
// DELETE /account/api/oauth/sessions/kill/{token}, the token being its own
// bearer, as Epic's own clients do when they are done with a token. This path
// is the only URL the token ever appears in. It returns nil only for 204;
// otherwise the same errors as Kill.
func (c *Client) KillSession(ctx context.Context, token string) error {
	token, err := NormalizeToken(token)
	if err != nil {
		return err
	}
	u := c.baseURL() + "/account/api/oauth/sessions/kill/" + url.PathEscape(token)
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u, nil)
	if err != nil {
		return redactURLError(err, token)
	}
	req.Header.Set("Authorization", "bearer "+token)
	return redactURLError(c.send(req, token), token)
}

// redactURLError removes the token from errors that quote the request's URL:
// net/http's *url.Error does, and a transport error would otherwise show the
// token to the user.
func redactURLError(err error, token string) error {
	if err == nil {
		return nil
	}
	escaped := url.PathEscape(token)
	hide := func(s string) string { return Mask(Mask(s, escaped), token) }
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = hide(ue.URL)
	}
	if text := err.Error(); hide(text) == text {
		return err
	}
	// Something else quotes the token; keep only a redacted text.
	var te *TransportError
	if errors.As(err, &te) {
		te.Err = &redactedError{text: hide(te.Err.Error()), cause: te.Err}
		return err
	}
	return &redactedError{text: hide(err.Error()), cause: err}
}

// redactedError is an error whose text had the token removed. It answers
// errors.Is for its cause (so a deadline is still recognised) but does not
// unwrap to it, since the cause's own text holds the token.
type redactedError struct {
	text  string
	cause error
}

func (e *redactedError) Error() string        { return e.text }
func (e *redactedError) Is(target error) bool { return errors.Is(e.cause, target) }
