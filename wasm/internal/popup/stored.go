package popup

import (
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue"
)

// The values kept in storage.session are JSON in encoding/json's form of
// savedToken, historyEntry, inFlight and shownOutcome: the member names below, a
// VerifiedToken under its Go field names, times in RFC 3339. They are read
// by encoding/json's rules for a struct (names match ignoring case, null
// leaves a field as it was, a repeated name decodes again over the first),
// so a value kept by any popup of the browser session reads the same.

func encodeSavedToken(s savedToken) ([]byte, error) {
	var o jsonvalue.ObjectWriter
	o.AddString("token", s.Token)
	if s.FromSignIn {
		o.AddBool("fromSignIn", true)
	}
	if s.Verified != nil {
		verified, err := encodeVerifiedToken(s.Verified)
		o.AddJSON("verified", verified, err)
	}
	return o.Bytes()
}

func decodeSavedToken(text string) (savedToken, error) {
	v, err := jsonvalue.Parse([]byte(text))
	if err != nil {
		return savedToken{}, err
	}
	var s savedToken
	err = v.DecodeObject(
		jsonvalue.StringField("token", &s.Token),
		jsonvalue.BoolField("fromSignIn", &s.FromSignIn),
		jsonvalue.FuncField("verified", func(v jsonvalue.Value) error {
			// A pointer: null clears it, anything else decodes into
			// what it points to, made when there is none.
			if v.Kind() == jsonvalue.Null {
				s.Verified = nil
				return nil
			}
			if s.Verified == nil {
				s.Verified = new(epic.VerifiedToken)
			}
			return decodeVerifiedToken(s.Verified, v)
		}),
	)
	return s, err
}

func encodeVerifiedToken(t *epic.VerifiedToken) ([]byte, error) {
	var o jsonvalue.ObjectWriter
	o.AddString("TokenType", t.TokenType)
	o.AddString("ClientID", t.ClientID)
	o.AddBool("InternalClient", t.InternalClient)
	o.AddString("ClientService", t.ClientService)
	o.AddString("AccountID", t.AccountID)
	o.AddInt("ExpiresIn", t.ExpiresIn)
	o.AddTime("ExpiresAt", t.ExpiresAt)
	o.AddString("AuthMethod", t.AuthMethod)
	o.AddString("DisplayName", t.DisplayName)
	o.AddString("App", t.App)
	o.AddString("InAppID", t.InAppID)
	o.AddString("DeviceID", t.DeviceID)
	perms, err := jsonvalue.EncodeArray(t.Perms, encodePermission)
	o.AddJSON("Perms", perms, err)
	return o.Bytes()
}

func decodeVerifiedToken(t *epic.VerifiedToken, v jsonvalue.Value) error {
	return v.DecodeObject(
		jsonvalue.StringField("TokenType", &t.TokenType),
		jsonvalue.StringField("ClientID", &t.ClientID),
		jsonvalue.BoolField("InternalClient", &t.InternalClient),
		jsonvalue.StringField("ClientService", &t.ClientService),
		jsonvalue.StringField("AccountID", &t.AccountID),
		jsonvalue.IntField("ExpiresIn", &t.ExpiresIn),
		jsonvalue.TimeField("ExpiresAt", &t.ExpiresAt),
		jsonvalue.StringField("AuthMethod", &t.AuthMethod),
		jsonvalue.StringField("DisplayName", &t.DisplayName),
		jsonvalue.StringField("App", &t.App),
		jsonvalue.StringField("InAppID", &t.InAppID),
		jsonvalue.StringField("DeviceID", &t.DeviceID),
		jsonvalue.FuncField("Perms", func(v jsonvalue.Value) error {
			return jsonvalue.DecodeArray(v, &t.Perms, decodePermission)
		}),
	)
}

func encodePermission(p epic.GrantedPermission) ([]byte, error) {
	var o jsonvalue.ObjectWriter
	o.AddString("resource", p.Resource)
	o.AddInt("action", p.Action)
	return o.Bytes()
}

func decodePermission(p *epic.GrantedPermission, v jsonvalue.Value) error {
	return v.DecodeObject(
		jsonvalue.StringField("resource", &p.Resource),
		jsonvalue.IntField("action", &p.Action),
	)
}

func encodeHistory(entries []historyEntry) ([]byte, error) {
	return jsonvalue.EncodeArray(entries, func(e historyEntry) ([]byte, error) {
		var o jsonvalue.ObjectWriter
		o.AddTime("time", e.Time)
		o.AddString("killType", e.KillType)
		o.AddInt("status", e.Status)
		if e.Code != "" {
			o.AddString("code", e.Code)
		}
		o.AddBool("success", e.Success)
		if e.Logins > 0 {
			o.AddInt("logins", e.Logins)
		}
		if e.Login != "" {
			o.AddString("login", e.Login)
		}
		return o.Bytes()
	})
}

// decodeHistory decodes text into *dst. What decoded before an error stays
// in *dst, as encoding/json leaves it.
func decodeHistory(text string, dst *[]historyEntry) error {
	v, err := jsonvalue.Parse([]byte(text))
	if err != nil {
		return err
	}
	return jsonvalue.DecodeArray(v, dst, func(e *historyEntry, v jsonvalue.Value) error {
		return v.DecodeObject(
			jsonvalue.TimeField("time", &e.Time),
			jsonvalue.StringField("killType", &e.KillType),
			jsonvalue.IntField("status", &e.Status),
			jsonvalue.StringField("code", &e.Code),
			jsonvalue.BoolField("success", &e.Success),
			jsonvalue.IntField("logins", &e.Logins),
			jsonvalue.StringField("login", &e.Login),
		)
	})
}

func encodeInFlight(f inFlight) ([]byte, error) {
	var o jsonvalue.ObjectWriter
	o.AddString("killType", f.KillType)
	o.AddTime("time", f.Time)
	return o.Bytes()
}

func decodeInFlight(text string) (inFlight, error) {
	v, err := jsonvalue.Parse([]byte(text))
	if err != nil {
		return inFlight{}, err
	}
	var f inFlight
	err = v.DecodeObject(
		jsonvalue.StringField("killType", &f.KillType),
		jsonvalue.TimeField("time", &f.Time),
	)
	return f, err
}

func encodeShownOutcome(o shownOutcome) ([]byte, error) {
	var o2 jsonvalue.ObjectWriter
	o2.AddString("outcome", o.Outcome)
	o2.AddString("message", o.Message)
	advice, err := jsonvalue.EncodeArray(o.Advice, func(s string) ([]byte, error) {
		return jsonvalue.AppendString(nil, s), nil
	})
	o2.AddJSON("advice", advice, err)
	o2.AddInt("waitAt", o.WaitAt)
	if o.Details != "" {
		o2.AddString("details", o.Details)
	}
	if o.GrantAccess {
		o2.AddBool("grantAccess", true)
	}
	return o2.Bytes()
}

func decodeShownOutcome(text string) (shownOutcome, error) {
	v, err := jsonvalue.Parse([]byte(text))
	if err != nil {
		return shownOutcome{}, err
	}
	// A value without waitAt says no wait: 0 would name the first advice.
	o := shownOutcome{WaitAt: -1}
	err = v.DecodeObject(
		jsonvalue.StringField("outcome", &o.Outcome),
		jsonvalue.StringField("message", &o.Message),
		jsonvalue.StringsField("advice", &o.Advice),
		jsonvalue.IntField("waitAt", &o.WaitAt),
		jsonvalue.StringField("details", &o.Details),
		jsonvalue.BoolField("grantAccess", &o.GrantAccess),
	)
	return o, err
}
