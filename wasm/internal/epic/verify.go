package epic

import (
	"context"
	"net/http"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp"
)

// VerifiedToken is Epic's answer to GET /account/api/oauth/verify. It holds
// no secret: the token Epic echoes and the session id, which a source
// redacts like the token and emulators derive the token from, are dropped.
type VerifiedToken struct {
	TokenType      string
	ClientID       string
	InternalClient bool
	ClientService  string
	// AccountID is empty for a client-only session.
	AccountID   string
	ExpiresIn   int // seconds, as Epic counted them when it answered
	ExpiresAt   time.Time
	AuthMethod  string
	DisplayName string
	App         string
	InAppID     string
	DeviceID    string
	// Perms is nil when Epic sent no list and empty when it sent an empty one.
	Perms []GrantedPermission
}

// Holder is HolderAccount for a session signed in to an account and
// HolderClient for a client-only session.
func (v *VerifiedToken) Holder() string {
	if v.AccountID != "" {
		return HolderAccount
	}
	return HolderClient
}

// verifyAnswer is Epic's verify answer as sent (epic-api.md §1.3).
type verifyAnswer struct {
	TokenType      string
	ClientID       string
	InternalClient bool
	ClientService  string
	AccountID      string
	ExpiresIn      int
	ExpiresAt      string
	AuthMethod     string
	DisplayName    string
	App            string
	InAppID        string
	DeviceID       string
	// Perms is the last member named perms, or the zero Value without one.
	Perms jsonvalue.Value
}

// decode fills a from the answer's members as encoding/json fills a struct,
// the rules every answer of Epic's is read by: names match ignoring case and
// null leaves a field as it was. A member of another type leaves its field
// as it was too and is reported as a *jsonvalue.TypeError.
func (a *verifyAnswer) decode(v jsonvalue.Value) error {
	return v.DecodeObject(
		jsonvalue.StringField("token_type", &a.TokenType),
		jsonvalue.StringField("client_id", &a.ClientID),
		jsonvalue.BoolField("internal_client", &a.InternalClient),
		jsonvalue.StringField("client_service", &a.ClientService),
		jsonvalue.StringField("account_id", &a.AccountID),
		jsonvalue.IntField("expires_in", &a.ExpiresIn),
		jsonvalue.StringField("expires_at", &a.ExpiresAt),
		jsonvalue.StringField("auth_method", &a.AuthMethod),
		jsonvalue.StringField("display_name", &a.DisplayName),
		jsonvalue.StringField("app", &a.App),
		jsonvalue.StringField("in_app_id", &a.InAppID),
		jsonvalue.StringField("device_id", &a.DeviceID),
		jsonvalue.FuncField("perms", func(v jsonvalue.Value) error { a.Perms = v; return nil }),
	)
}

// VerifyAnswerError is a 200 from verify that cannot be used.
type VerifyAnswerError struct {
	Problem VerifyAnswerProblem
}

// VerifyAnswerProblem is what is wrong with verify's answer.
type VerifyAnswerProblem int

const (
	VerifyAnswerEmpty VerifyAnswerProblem = iota + 1
	VerifyAnswerTooLarge
	VerifyAnswerBrokeOff
	VerifyAnswerNotJSON
	VerifyAnswerNoClientID
	VerifyAnswerNoExpiresAt
)

func (e *VerifyAnswerError) Error() string {
	reason := map[VerifyAnswerProblem]string{
		VerifyAnswerEmpty:       "was empty",
		VerifyAnswerTooLarge:    "was over 64 KiB and was not read",
		VerifyAnswerBrokeOff:    "broke off while being read",
		VerifyAnswerNotJSON:     "is not the JSON object Epic sends",
		VerifyAnswerNoClientID:  "has no client_id",
		VerifyAnswerNoExpiresAt: "has no readable expires_at",
	}[e.Problem]
	return "Epic's verify answer " + reason + ", so the token could not be checked"
}

// Verify asks Epic what the token is: GET /account/api/oauth/verify
// ?includePerms=true. Any answer but 200 gives the same errors as Kill
// (*APIError, *RedirectError, *TransportError, or an input error for a
// token that cannot be sent); a 200 without client_id or a readable
// expires_at gives *VerifyAnswerError.
func (c *Client) Verify(ctx context.Context, token string) (*VerifiedToken, error) {
	token, err := NormalizeToken(token)
	if err != nil {
		return nil, err
	}
	u := c.baseURL() + "/account/api/oauth/verify?includePerms=true"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "bearer "+token)
	body, kind, err := c.fetch(req, token)
	if err != nil {
		return nil, err
	}
	v, err := decodeVerifyAnswer(body, kind)
	if v != nil {
		v.redact(token)
	}
	return v, err
}

func decodeVerifyAnswer(body []byte, kind BodyKind) (*VerifiedToken, error) {
	switch kind {
	case BodyEmpty:
		return nil, &VerifyAnswerError{VerifyAnswerEmpty}
	case BodyTooLarge:
		return nil, &VerifyAnswerError{VerifyAnswerTooLarge}
	case BodyUnreadable:
		return nil, &VerifyAnswerError{VerifyAnswerBrokeOff}
	}
	v, err := jsonvalue.Parse(body)
	if err != nil {
		return nil, &VerifyAnswerError{VerifyAnswerNotJSON}
	}
	var a verifyAnswer
	// A field of an unexpected type costs only that field, and an answer
	// that is no object leaves them all empty; the required ones are
	// checked below.
	_ = a.decode(v)
	if a.ClientID == "" {
		return nil, &VerifyAnswerError{VerifyAnswerNoClientID}
	}
	at, ok := timestamp.Parse(a.ExpiresAt)
	if !ok {
		return nil, &VerifyAnswerError{VerifyAnswerNoExpiresAt}
	}
	return &VerifiedToken{
		TokenType:      a.TokenType,
		ClientID:       a.ClientID,
		InternalClient: a.InternalClient,
		ClientService:  a.ClientService,
		AccountID:      a.AccountID,
		ExpiresIn:      a.ExpiresIn,
		ExpiresAt:      at.UTC(),
		AuthMethod:     a.AuthMethod,
		DisplayName:    a.DisplayName,
		App:            a.App,
		InAppID:        a.InAppID,
		DeviceID:       a.DeviceID,
		Perms:          decodePerms(a.Perms),
	}, nil
}

// redact replaces the token wherever the answer quotes it. Epic's own
// answer never does, but anything that answers in its place may, and these
// fields are shown.
func (v *VerifiedToken) redact(token string) {
	for _, field := range []*string{
		&v.TokenType, &v.ClientID, &v.ClientService, &v.AccountID, &v.AuthMethod,
		&v.DisplayName, &v.App, &v.InAppID, &v.DeviceID,
	} {
		*field = Mask(*field, token)
	}
	for i := range v.Perms {
		v.Perms[i].Resource = Mask(v.Perms[i].Resource, token)
	}
}

// decodePerms reads the perms list: nil when there is none or it is null. One
// that does not read whole is dropped: an unknown list blocks nothing, while
// a wrong one would.
func decodePerms(v jsonvalue.Value) []GrantedPermission {
	var perms []GrantedPermission
	if jsonvalue.DecodeArray(v, &perms, decodeGrantedPermission) != nil {
		return nil
	}
	return perms
}
