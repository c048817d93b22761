package epic

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// DeviceAuth is one saved login of an account: what Epic lists of a device
// auth. Its secret, which signs in without a password, is never listed. The
// texts are as the answer had them, only without the token and cut to a
// length: they may hold control characters, for the popup to clean before
// it shows them.
type DeviceAuth struct {
	// DeviceID is 32 lower-case hexadecimal characters, what
	// DeleteDeviceAuth takes.
	DeviceID string
	// AccountID is 32 lower-case hexadecimal characters, or empty when
	// Epic gave none readable.
	AccountID string
	// UserAgent names the app and system that saved the login, as that
	// app told Epic; cut to 300 runes (maxUserAgentRunes).
	UserAgent  string
	Created    DeviceAccess
	LastAccess *DeviceAccess // nil when never used
}

// DeviceAccess is where and when a device auth was created or last used.
type DeviceAccess struct {
	Location  string    // as Epic placed the address, such as "Germany"; cut to 100 runes
	IPAddress string    // cut to 64 runes
	Time      time.Time // in UTC; zero when Epic gave none or none readable
}

// DeviceAuthList is Epic's list as read. Truncated means Epic listed more
// than was read: its list went on past MaxBodyBytes, or past MaxDeviceAuths
// entries. Skipped counts the entries read that were left out, having no
// readable deviceId or one listed before. A list returned without error has
// non-nil Items.
type DeviceAuthList struct {
	Items     []DeviceAuth
	Truncated bool
	Skipped   int
}

// MaxDeviceAuths is the most entries a DeviceAuthList keeps: more than a
// popup can show, and a bound on what a list of tiny entries costs.
const MaxDeviceAuths = 200

// DeviceAuths lists the account's saved logins with GET
// /account/api/public/account/{accountID}/deviceAuth, which needs
// DeviceAuthsRead. It checks the token and the account id before sending
// anything. Any answer but 200 gives the same errors as Kill (*APIError,
// *RedirectError, *TransportError), and a 200 that is not Epic's list a
// *DeviceAuthListError; an answer over MaxBodyBytes gives the entries that
// fit, Truncated. Input errors: ErrNoToken, ErrTokenHasSpace,
// ErrTokenBadChar, ErrBadAccountID.
func (c *Client) DeviceAuths(ctx context.Context, token, accountID string) (DeviceAuthList, error) {
	token, err := NormalizeToken(token)
	if err != nil {
		return DeviceAuthList{}, err
	}
	accountID, err = normalizeID(accountID, ErrBadAccountID)
	if err != nil {
		return DeviceAuthList{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.deviceAuthURL(accountID), nil)
	if err != nil {
		return DeviceAuthList{}, err
	}
	req.Header.Set("Authorization", "bearer "+token)
	body, kind, err := c.fetch(req, token)
	if err != nil {
		return DeviceAuthList{}, err
	}
	return decodeDeviceAuths(body, kind, token)
}

// DeleteDeviceAuth revokes one saved login with DELETE
// /account/api/public/account/{accountID}/deviceAuth/{deviceID}, which
// needs DeviceAuthsDelete; the app that saved it must sign in again. It
// checks the token and both ids before sending anything. It returns nil
// only for 204; otherwise the same errors as Kill, or ErrBadAccountID or
// ErrBadDeviceID.
func (c *Client) DeleteDeviceAuth(ctx context.Context, token, accountID, deviceID string) error {
	token, err := NormalizeToken(token)
	if err != nil {
		return err
	}
	accountID, err = normalizeID(accountID, ErrBadAccountID)
	if err != nil {
		return err
	}
	deviceID, err = normalizeID(deviceID, ErrBadDeviceID)
	if err != nil {
		return err
	}
	u := c.deviceAuthURL(accountID) + "/" + url.PathEscape(deviceID)
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "bearer "+token)
	return c.send(req, token)
}

// deviceAuthURL is the account's device auth list. The id is checked
// already; escaping it anyway keeps any id to one path segment.
func (c *Client) deviceAuthURL(accountID string) string {
	return c.baseURL() + "/account/api/public/account/" + url.PathEscape(accountID) + "/deviceAuth"
}
