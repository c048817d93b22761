package fakeepic

import (
	"net/http"
	"time"
)

// verifyResponse has exactly the field names of Epic's verify answer.
type verifyResponse struct {
	Token          string  `json:"token"`
	SessionID      string  `json:"session_id"`
	TokenType      string  `json:"token_type"`
	ClientID       string  `json:"client_id"`
	InternalClient bool    `json:"internal_client"`
	ClientService  string  `json:"client_service"`
	AccountID      *string `json:"account_id,omitempty"`
	ExpiresIn      int     `json:"expires_in"`
	ExpiresAt      string  `json:"expires_at"`
	AuthMethod     string  `json:"auth_method"`
	DisplayName    *string `json:"display_name,omitempty"`
	App            string  `json:"app"`
	InAppID        *string `json:"in_app_id,omitempty"`
	DeviceID       string  `json:"device_id"`
	// A pointer, so that an empty list still appears when it was asked for.
	Perms *[]Permission `json:"perms,omitempty"`
}

// epicTimeLayout is Epic's timestamp format: UTC with milliseconds.
const epicTimeLayout = "2006-01-02T15:04:05.000Z"

// verify is GET /account/api/oauth/verify[?includePerms=true].
func (s *Service) verify(r *http.Request, caller *session) answer {
	now := s.now()
	v := verifyResponse{
		Token:          caller.Token,
		SessionID:      caller.sessionID,
		TokenType:      "bearer",
		ClientID:       caller.ClientID,
		InternalClient: true,
		ClientService:  caller.ClientService,
		ExpiresIn:      int(caller.expiresAt.Sub(now) / time.Second),
		ExpiresAt:      caller.expiresAt.UTC().Format(epicTimeLayout),
		AuthMethod:     caller.AuthMethod,
		App:            caller.ClientService,
		DeviceID:       caller.deviceID,
	}
	if caller.AccountID != "" {
		account, name := caller.AccountID, caller.DisplayName
		v.AccountID, v.DisplayName, v.InAppID = &account, &name, &account
	}
	if isTrue(r.URL.Query(), "includePerms") {
		perms := append([]Permission{}, caller.Permissions...)
		v.Perms = &perms
	}
	return answer{status: http.StatusOK, body: v}
}
