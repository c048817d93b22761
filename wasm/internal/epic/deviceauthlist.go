package epic

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp"
)

// The longest texts kept of an entry, in runes: far over what Epic sends,
// short enough that a hostile answer's 64 KiB string is not copied around.
const (
	maxUserAgentRunes = 300
	maxLocationRunes  = 100
	maxIPAddressRunes = 64 // an IPv6 address with a zone fits
)

// DeviceAuthListError is a 200 from the device auth list that cannot be used.
type DeviceAuthListError struct {
	Problem DeviceAuthListProblem
}

// DeviceAuthListProblem is what is wrong with the list's answer.
type DeviceAuthListProblem int

const (
	DeviceAuthListEmpty DeviceAuthListProblem = iota + 1
	// DeviceAuthListTooLarge: over MaxBodyBytes, without one whole entry
	// in its first MaxBodyBytes.
	DeviceAuthListTooLarge
	DeviceAuthListBrokeOff
	DeviceAuthListNotJSON
	// DeviceAuthListNotArray: JSON, but no list (an object, a string, a
	// number, true, false or null).
	DeviceAuthListNotArray
	// DeviceAuthListBadEntry: an entry is no JSON object.
	DeviceAuthListBadEntry
)

func (e *DeviceAuthListError) Error() string {
	reason := map[DeviceAuthListProblem]string{
		DeviceAuthListEmpty:    "was empty",
		DeviceAuthListTooLarge: "was over 64 KiB without one whole entry in its start",
		DeviceAuthListBrokeOff: "broke off while being read",
		DeviceAuthListNotJSON:  "is not JSON",
		DeviceAuthListNotArray: "is not the JSON list Epic sends",
		DeviceAuthListBadEntry: "has an entry that is not a JSON object",
	}[e.Problem]
	return "Epic's list of saved logins " + reason + ", so it could not be shown"
}

// decodeDeviceAuths reads the list's answer: strictly its shape, a JSON
// array of objects, and leniently each entry, whose members of another type
// are left empty. Of a body over MaxBodyBytes, the whole entries of its
// start are read.
func decodeDeviceAuths(body []byte, kind BodyKind, token string) (DeviceAuthList, error) {
	switch kind {
	case BodyEmpty:
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListEmpty}
	case BodyUnreadable:
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListBrokeOff}
	}
	cut := kind == BodyTooLarge
	entries, complete, err := jsonvalue.ParseArrayPrefix(body)
	var typeErr *jsonvalue.TypeError
	switch {
	case errors.As(err, &typeErr) && !cut && !isJSON(body):
		// A value of another kind cut short, though nothing cut it.
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListNotJSON}
	case errors.As(err, &typeErr):
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListNotArray}
	case err != nil, !complete && !cut:
		// The whole body was read, and the list never ended.
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListNotJSON}
	case !complete && len(entries) == 0:
		return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListTooLarge}
	}
	for _, e := range entries {
		if e.Kind() != jsonvalue.Object {
			return DeviceAuthList{}, &DeviceAuthListError{DeviceAuthListBadEntry}
		}
	}
	list := DeviceAuthList{Items: make([]DeviceAuth, 0, min(len(entries), MaxDeviceAuths)), Truncated: !complete}
	seen := make(map[string]bool, cap(list.Items))
	for _, e := range entries {
		if len(list.Items) == MaxDeviceAuths {
			list.Truncated = true
			break
		}
		var a deviceAuthAnswer
		// A member of another type costs only its field.
		_ = a.decode(e)
		d, ok := a.deviceAuth(token)
		if !ok || seen[d.DeviceID] {
			list.Skipped++
			continue
		}
		seen[d.DeviceID] = true
		list.Items = append(list.Items, d)
	}
	return list, nil
}

func isJSON(body []byte) bool {
	_, err := jsonvalue.Parse(body)
	return err == nil
}

// deviceAuthAnswer is one entry of Epic's list as sent.
type deviceAuthAnswer struct {
	DeviceID   string
	AccountID  string
	UserAgent  string
	Created    deviceAccessAnswer
	LastAccess *deviceAccessAnswer
}

type deviceAccessAnswer struct {
	Location  string
	IPAddress string
	DateTime  string
}

// decode fills a by the rules every answer of Epic's is read by (see
// verifyAnswer.decode); lastAccess null means never used, as a missing one
// does.
func (a *deviceAuthAnswer) decode(v jsonvalue.Value) error {
	return v.DecodeObject(
		jsonvalue.StringField("deviceId", &a.DeviceID),
		jsonvalue.StringField("accountId", &a.AccountID),
		jsonvalue.StringField("userAgent", &a.UserAgent),
		jsonvalue.FuncField("created", a.Created.decode),
		jsonvalue.FuncField("lastAccess", func(v jsonvalue.Value) error {
			switch v.Kind() {
			case jsonvalue.Null:
				a.LastAccess = nil
				return nil
			case jsonvalue.Object:
				if a.LastAccess == nil {
					a.LastAccess = &deviceAccessAnswer{}
				}
				return a.LastAccess.decode(v)
			}
			return &jsonvalue.TypeError{Got: v.Kind(), Want: "object"}
		}),
	)
}

func (a *deviceAccessAnswer) decode(v jsonvalue.Value) error {
	return v.DecodeObject(
		jsonvalue.StringField("location", &a.Location),
		jsonvalue.StringField("ipAddress", &a.IPAddress),
		jsonvalue.StringField("dateTime", &a.DateTime),
	)
}

// deviceAuth makes the entry safe to keep and show: ids in Epic's form,
// texts without the token and cut to length. An entry without a readable
// deviceId could not be revoked, so it is left out (false).
func (a *deviceAuthAnswer) deviceAuth(token string) (DeviceAuth, bool) {
	deviceID, err := normalizeID(a.DeviceID, ErrBadDeviceID)
	// A hex token is 32 hex characters too; an id that is the token is
	// something echoing it, not Epic.
	if err != nil || Mask(deviceID, token) != deviceID {
		return DeviceAuth{}, false
	}
	accountID, err := normalizeID(a.AccountID, ErrBadAccountID)
	if err != nil || Mask(accountID, token) != accountID {
		accountID = ""
	}
	d := DeviceAuth{
		DeviceID:  deviceID,
		AccountID: accountID,
		UserAgent: shownText(a.UserAgent, token, maxUserAgentRunes),
		Created:   a.Created.deviceAccess(token),
	}
	if a.LastAccess != nil {
		last := a.LastAccess.deviceAccess(token)
		d.LastAccess = &last
	}
	return d, true
}

func (a *deviceAccessAnswer) deviceAccess(token string) DeviceAccess {
	d := DeviceAccess{
		Location:  shownText(a.Location, token, maxLocationRunes),
		IPAddress: shownText(a.IPAddress, token, maxIPAddressRunes),
	}
	if t, ok := timestamp.Parse(a.DateTime); ok {
		d.Time = t.UTC()
	}
	return d
}

// shownText is s without the token, cut to at most n runes. The token goes
// first, so that no cut leaves a piece of it. The result is a copy: a
// piece of the body would hold on to all of it.
func shownText(s, token string, n int) string {
	s = Mask(s, token)
	end := 0
	for i := 0; i < n && end < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return strings.Clone(s[:end])
}
