package fakeepic

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// DeviceAuth is a saved login of an account, a "device auth", with the
// fields of Epic's list. Its secret is not kept: Epic's list never shows it,
// and the fake grants no logins.
type DeviceAuth struct {
	DeviceID  string // 32 hex digits; AddDeviceAuth makes one when empty
	AccountID string
	UserAgent string // of the client that created it, e.g. "Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit"
	Created   DeviceAuthEvent
	// LastAccess is nil for a device auth never used: Epic's list then has
	// no lastAccess member.
	LastAccess *DeviceAuthEvent
}

// DeviceAuthEvent is where and when a device auth was created or last used.
type DeviceAuthEvent struct {
	Location  string // as Epic writes it, e.g. "Germany"
	IPAddress string
	Time      time.Time
}

// deviceAuthsResource guards the list (Read) and the delete (Delete).
const deviceAuthsResource = "account:public:account:deviceAuths"

// AddDeviceAuth saves d as a device auth of d.AccountID and returns its
// DeviceID, 32 random hex digits when d has none. A DeviceID the account
// already has is replaced where it stands, so seeding twice lists it once.
// A zero Created.Time is the service's now.
func (s *Service) AddDeviceAuth(d DeviceAuth) string {
	if d.DeviceID == "" {
		d.DeviceID = randomHex(16)
	}
	d = d.clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.Created.Time.IsZero() {
		d.Created.Time = s.now()
	}
	list := s.deviceAuths[d.AccountID]
	if i := indexDevice(list, d.DeviceID); i >= 0 {
		list[i] = d
	} else {
		s.deviceAuths[d.AccountID] = append(list, d)
	}
	return d.DeviceID
}

// DeviceAuths returns a copy of the account's device auths, in the order
// the list answers them; a deleted one is gone.
func (s *Service) DeviceAuths(accountID string) []DeviceAuth {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []DeviceAuth
	for _, d := range s.deviceAuths[accountID] {
		out = append(out, d.clone())
	}
	return out
}

func (d DeviceAuth) clone() DeviceAuth {
	if d.LastAccess != nil {
		last := *d.LastAccess
		d.LastAccess = &last
	}
	return d
}

func indexDevice(list []DeviceAuth, deviceID string) int {
	return slices.IndexFunc(list, func(d DeviceAuth) bool { return d.DeviceID == deviceID })
}

// routeDeviceAuths routes rest, the path after accountPath:
// {accountId}/deviceAuth lists and {accountId}/deviceAuth/{deviceId}
// deletes. Epic's ids are 32 hex digits. The fake's assumption: a path with
// any other id names nothing, 404 not_found before the method and the token
// count, as for any unknown path; Epic's answer to one is not documented.
// Epic also answers GET on a device's path (one device auth), which the
// fake does not imitate: 405.
func (s *Service) routeDeviceAuths(r *http.Request, rest string) answer {
	accountID, rest, _ := strings.Cut(rest, "/")
	deviceID, oneDevice := strings.CutPrefix(rest, "deviceAuth/")
	switch {
	case !isHex32(accountID):
	case rest == "deviceAuth":
		return s.endpoint(r, http.MethodGet, func(_ *http.Request, caller *session) answer {
			return s.listDeviceAuths(caller, accountID)
		})
	case oneDevice && isHex32(deviceID):
		return s.endpoint(r, http.MethodDelete, func(_ *http.Request, caller *session) answer {
			return s.deleteDeviceAuth(caller, accountID, deviceID)
		})
	}
	return errorAnswer(notFound())
}

// mayUseDeviceAuths checks caller for action on accountID's device auths.
// The permission names no account, so the fake takes it to reach the
// caller's own account only: another account's id, and any id for a
// client-only session, get the same 403 as a missing permission. That is
// the fake's assumption; Epic's answer there is not documented.
func mayUseDeviceAuths(caller *session, accountID string, action int) *epicError {
	if caller.AccountID != accountID || !permits(caller.Permissions, deviceAuthsResource, action) {
		return missingPermission(deviceAuthsResource, action)
	}
	return nil
}

// listDeviceAuths is GET /account/api/public/account/{accountId}/deviceAuth.
func (s *Service) listDeviceAuths(caller *session, accountID string) answer {
	if err := mayUseDeviceAuths(caller, accountID, Read); err != nil {
		return errorAnswer(err)
	}
	list := make([]deviceAuthJSON, 0, len(s.deviceAuths[accountID])) // [] when empty, never null
	for _, d := range s.deviceAuths[accountID] {
		list = append(list, d.toJSON())
	}
	return answer{status: http.StatusOK, body: list}
}

// deleteDeviceAuth is DELETE
// /account/api/public/account/{accountId}/deviceAuth/{deviceId}. Sessions
// the device auth logged in stay alive.
func (s *Service) deleteDeviceAuth(caller *session, accountID, deviceID string) answer {
	if err := mayUseDeviceAuths(caller, accountID, Delete); err != nil {
		return errorAnswer(err)
	}
	list := s.deviceAuths[accountID]
	i := indexDevice(list, deviceID)
	if i < 0 {
		return errorAnswer(deviceAuthNotFound(accountID, deviceID))
	}
	s.deviceAuths[accountID] = slices.Delete(list, i, i+1)
	return noContent
}

// deviceAuthJSON has exactly the member names of Epic's list.
type deviceAuthJSON struct {
	DeviceID   string               `json:"deviceId"`
	AccountID  string               `json:"accountId"`
	UserAgent  string               `json:"userAgent"`
	Created    deviceAuthEventJSON  `json:"created"`
	LastAccess *deviceAuthEventJSON `json:"lastAccess,omitempty"`
}

type deviceAuthEventJSON struct {
	Location  string `json:"location"`
	IPAddress string `json:"ipAddress"`
	DateTime  string `json:"dateTime"`
}

func (d DeviceAuth) toJSON() deviceAuthJSON {
	j := deviceAuthJSON{DeviceID: d.DeviceID, AccountID: d.AccountID, UserAgent: d.UserAgent, Created: d.Created.toJSON()}
	if d.LastAccess != nil {
		last := d.LastAccess.toJSON()
		j.LastAccess = &last
	}
	return j
}

func (e DeviceAuthEvent) toJSON() deviceAuthEventJSON {
	return deviceAuthEventJSON{Location: e.Location, IPAddress: e.IPAddress, DateTime: e.Time.UTC().Format(epicTimeLayout)}
}
