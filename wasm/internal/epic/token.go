package epic

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token errors. None of them quotes the token: it is a secret.
var (
	ErrNoToken       = errors.New("no access token: paste your current Epic access token")
	ErrTokenHasSpace = errors.New("the access token has spaces or line breaks inside: paste it as one piece")
	ErrTokenBadChar  = errors.New("the access token has characters that no Epic token contains: paste only the token")
)

// NormalizeToken turns what a user pasted into the bare token: surrounding
// space and a leading "bearer " (any case) are removed. It refuses an empty
// token and one with space or unprintable characters inside, because such a
// value cannot be a token and must not be sent.
func NormalizeToken(s string) (string, error) {
	t := strings.TrimSpace(s)
	const scheme = "bearer"
	if len(t) > len(scheme) && strings.EqualFold(t[:len(scheme)], scheme) {
		if r, _ := utf8.DecodeRuneInString(t[len(scheme):]); unicode.IsSpace(r) {
			t = strings.TrimSpace(t[len(scheme):])
		}
	}
	if t == "" || strings.EqualFold(t, scheme) {
		return "", ErrNoToken
	}
	for _, r := range t {
		if unicode.IsSpace(r) {
			return "", ErrTokenHasSpace
		}
		if r < '!' || r > '~' {
			return "", ErrTokenBadChar
		}
	}
	return t, nil
}
