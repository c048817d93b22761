package epic

import (
	"errors"
	"strings"
)

// Id errors. Neither quotes the id: what was passed may be anything, the
// token included.
var (
	ErrBadAccountID = errors.New("the account id is not the 32 hexadecimal characters of Epic's account ids")
	ErrBadDeviceID  = errors.New("the device id is not the 32 hexadecimal characters of Epic's device ids")
)

// IsID reports whether s has the form of Epic's account and device ids:
// 32 hexadecimal characters, in either case.
func IsID(s string) bool { return isHex32(s) }

// normalizeID checks an account or device id: 32 hexadecimal characters
// in either case, returned in lower case as Epic writes them. Anything else
// returns bad: it is no id of Epic's, and in a path it could reach another
// endpoint.
func normalizeID(id string, bad error) (string, error) {
	if !isHex32(id) {
		return "", bad
	}
	return strings.ToLower(id), nil
}
