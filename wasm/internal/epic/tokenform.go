package epic

import (
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp"
)

// MaxPasteLen bounds what ParseToken reads: a whole token answer with two
// eg1 tokens stays well under it.
const MaxPasteLen = 64 << 10

// ParseToken errors. Each is one sentence and none quotes the input, which
// may be a secret. ErrNoToken and ErrTokenHasSpace (token.go) and
// ErrTokenTooLong, ErrEG1Malformed, ErrEG1Payload, ErrEG1Permissions (eg1.go)
// are returned too, and ErrTokenExpired through *ExpiredTokenError.
var (
	ErrTokenUnrecognized = errors.New("this is not an Epic access token: expected 32 hexadecimal characters, a token starting with eg1~, or the JSON answer of Epic's token endpoint")
	ErrTokenJSON         = errors.New("the pasted text starts like JSON but is not valid JSON: paste the whole answer of Epic's token endpoint, or only its access_token value")
	ErrNoAccessToken     = errors.New("the pasted JSON has no access_token: paste the answer of Epic's token endpoint, or only its access_token value")
	ErrRefreshToken      = errors.New("this is a refresh token, not an access token: paste the access_token value instead")
	ErrTokenExpired      = errors.New("the access token has expired: sign in again and paste the new access token")
)

// ExpiredTokenError is a token whose expiry, read from the paste, has passed.
// It matches ErrTokenExpired with errors.Is.
type ExpiredTokenError struct {
	ExpiredAt time.Time
}

func (e *ExpiredTokenError) Error() string {
	return "the access token expired on " + e.ExpiredAt.UTC().Format("2 Jan 2006 at 15:04 UTC") +
		": sign in again and paste the new access token"
}

// Is makes errors.Is(err, ErrTokenExpired) true.
func (e *ExpiredTokenError) Is(target error) bool { return target == ErrTokenExpired }

// TokenKind is the form of an Epic access token.
type TokenKind int

const (
	// TokenOpaque is the 16-byte session id in hex, Epic's default token type.
	TokenOpaque TokenKind = iota + 1
	// TokenEG1 is the "eg1~" JWT.
	TokenEG1
)

func (k TokenKind) String() string {
	switch k {
	case TokenOpaque:
		return "opaque"
	case TokenEG1:
		return "eg1"
	}
	return "unknown"
}

// Token is a pasted access token and what the paste told about it. The
// fields besides Value and Kind are unverified hints for display, read from
// the eg1 claims first and then from a pasted token answer; they are empty
// when the paste did not say.
type Token struct {
	// Value is the bare token, as it goes after "bearer ".
	Value string
	Kind  TokenKind
	// Claims is the decoded eg1 payload; nil for an opaque token.
	Claims *Claims

	AccountID     string
	DisplayName   string
	ClientID      string
	ClientService string
	AuthMethod    string
	// ExpiresAt is zero when unknown.
	ExpiresAt time.Time
	// holder is HolderAccount or HolderClient when the paste told, else "".
	holder string
}

// Permissions returns the permission list from the eg1 p claim, or nil when
// it is unknown (an opaque token, or an eg1 token without a p claim).
func (t Token) Permissions() []GrantedPermission {
	if t.Claims == nil {
		return nil
	}
	return t.Claims.Perms
}

// Holder is HolderAccount or HolderClient when the paste told whether the
// token belongs to an account session, else "".
func (t Token) Holder() string { return t.holder }

// String never shows the token, so that printing a Token leaks nothing.
func (t Token) String() string { return t.Kind.String() + " token [hidden]" }

// GoString keeps %#v from printing the token as well.
func (t Token) GoString() string { return "epic.Token{" + t.String() + "}" }

// ParseToken turns whatever a user pasted into the bare access token: a
// 32-hex opaque token or an eg1 JWT, optionally after "bearer " (any case) or
// "Authorization:", inside quotes or space, or the whole JSON answer of
// Epic's token endpoint. It refuses refresh tokens and tokens whose expiry,
// as the paste states it, is not after now. Nothing is sent anywhere.
func ParseToken(s string, now time.Time) (Token, error) {
	if len(s) > MaxPasteLen {
		return Token{}, ErrTokenTooLong
	}
	t := unquote(s)
	if strings.HasPrefix(t, "{") {
		return parseTokenJSON(t, now)
	}
	t = cutScheme(cutScheme(t, "authorization:"), "bearer")
	t = unquote(t)
	if t == "" || strings.EqualFold(t, "bearer") {
		return Token{}, ErrNoToken
	}
	return parseBareToken(t, now)
}

// unquote trims space and up to two layers of matching quotes.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for range 2 {
		if len(s) < 2 || (s[0] != '"' && s[0] != '\'') || s[len(s)-1] != s[0] {
			break
		}
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// cutScheme removes a leading word (any case) when space or the end follows
// it, or when it ends in ":" itself.
func cutScheme(s, word string) string {
	if len(s) < len(word) || !strings.EqualFold(s[:len(word)], word) {
		return s
	}
	rest := s[len(word):]
	if strings.HasSuffix(word, ":") {
		return strings.TrimSpace(rest)
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !unicode.IsSpace(r) {
		return s
	}
	return strings.TrimSpace(rest)
}

func parseBareToken(t string, now time.Time) (Token, error) {
	if len(t) > MaxTokenLen {
		return Token{}, ErrTokenTooLong
	}
	if strings.IndexFunc(t, unicode.IsSpace) >= 0 {
		return Token{}, ErrTokenHasSpace
	}
	if isHex32(t) {
		return Token{Value: t, Kind: TokenOpaque}, nil
	}
	if !strings.HasPrefix(t, EG1Prefix) {
		return Token{}, ErrTokenUnrecognized
	}
	c, err := DecodeEG1(t)
	if err != nil {
		return Token{}, err
	}
	if c.TokenType == EG1Refresh {
		return Token{}, ErrRefreshToken
	}
	if !c.ExpiresAt.IsZero() && !c.ExpiresAt.After(now) {
		return Token{}, &ExpiredTokenError{ExpiredAt: c.ExpiresAt}
	}
	tok := Token{
		Value:         t,
		Kind:          TokenEG1,
		Claims:        c,
		AccountID:     c.AccountID,
		DisplayName:   c.DisplayName,
		ClientID:      c.ClientID,
		ClientService: c.ClientService,
		AuthMethod:    c.AuthMethod,
		ExpiresAt:     c.ExpiresAt,
		holder:        c.Holder(),
	}
	if tok.AccountID == "" {
		tok.AccountID = c.Subject
	}
	return tok, nil
}

func isHex32(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// tokenAnswerNames are the members of a token answer parseTokenJSON uses.
var tokenAnswerNames = []string{
	"access_token", "refresh_token", "account_id", "displayName", "display_name",
	"client_id", "client_service", "expires_at",
}

// readTokenAnswer reads the string members named in tokenAnswerNames,
// trimmed; one of another type reads as "", costing only itself. s starts
// with "{", so what parses is an object. Member names match exactly, and
// the last of a repeated name counts.
func readTokenAnswer(s string) (map[string]string, bool) {
	answer, err := jsonvalue.Parse([]byte(s))
	if err != nil {
		return nil, false
	}
	fields := make(map[string]string, len(tokenAnswerNames))
	for _, name := range tokenAnswerNames {
		v, _ := answer.Get(name)
		text, _ := v.AsString()
		fields[name] = strings.TrimSpace(text)
	}
	return fields, true
}

// parseTokenJSON reads the answer of POST /account/api/oauth/token.
func parseTokenJSON(s string, now time.Time) (Token, error) {
	fields, ok := readTokenAnswer(s)
	if !ok {
		return Token{}, ErrTokenJSON
	}
	field := func(name string) string { return fields[name] }
	access := field("access_token")
	if access == "" {
		if field("refresh_token") != "" {
			return Token{}, ErrRefreshToken
		}
		return Token{}, ErrNoAccessToken
	}
	tok, err := parseBareToken(access, now)
	if err != nil {
		return Token{}, err
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&tok.AccountID, field("account_id"))
	fill(&tok.DisplayName, field("displayName"))
	fill(&tok.DisplayName, field("display_name"))
	fill(&tok.ClientID, field("client_id"))
	fill(&tok.ClientService, field("client_service"))
	if tok.holder == "" {
		// The answer is the whole grant: without account_id it was a
		// client_credentials grant.
		tok.holder = HolderClient
		if tok.AccountID != "" {
			tok.holder = HolderAccount
		}
	}
	if tok.ExpiresAt.IsZero() {
		if at, ok := timestamp.Parse(field("expires_at")); ok {
			if !at.After(now) {
				return Token{}, &ExpiredTokenError{ExpiredAt: at}
			}
			tok.ExpiresAt = at.UTC()
		}
	}
	return tok, nil
}
