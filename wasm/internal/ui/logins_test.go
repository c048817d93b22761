//go:build js && wasm

package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fetchtest"
)

// savedLoginsEpic answers verify with READ and DELETE on the saved logins,
// their list with two, and every revoke with 204.
func savedLoginsEpic(c fetchtest.Call) fetchtest.Answer {
	json := map[string]string{"Content-Type": "application/json"}
	switch {
	case c.Method == "GET" && strings.HasSuffix(c.URL, "/deviceAuth"):
		return fetchtest.Answer{Status: 200, Header: json, Body: `[` +
			`{"deviceId":"0000000000000000000000000000d001","userAgent":"Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1",` +
			`"created":{"location":"France","ipAddress":"203.0.113.24","dateTime":"2026-01-03T18:41:07.512Z"},` +
			`"lastAccess":{"location":"France","ipAddress":"203.0.113.57","dateTime":"2026-11-28T21:03:44.090Z"}},` +
			`{"deviceId":"0000000000000000000000000000d002","userAgent":"<img src=x onerror=alert(1)>",` +
			`"created":{"location":"Germany","ipAddress":"198.51.100.7","dateTime":"2026-02-14T10:12:55.203Z"}}]`}
	case c.Method == "DELETE":
		return fetchtest.Answer{Status: 204}
	}
	return verifyAnswer(`[{"resource":"account:public:account:deviceAuths","action":11}]`, nil)(c)
}

// The saved logins: one element per login with its device id and one
// button, the IP addresses folded away, and a revoke that leaves the other
// login's element as it was, unfolded parts included.
func TestSavedLoginsAreShownAndARevokeRemovesOnlyItsLogin(t *testing.T) {
	p := openPopupWith(t, savedLoginsEpic)
	require.True(t, p.hidden("saved-logins"), "offered before a token is held")
	p.paste("065981d58ba642e7ac6ef7d6c4ed15b2")
	require.False(t, p.hidden("saved-logins"), "not offered to a token that may list them")

	section := p.el("saved-logins").Underlying()
	section.Set("open", true)
	require.True(t, p.waitUntil(3*time.Second, func() bool {
		return p.doc.Underlying().Call("querySelectorAll", "#logins li[data-device-id]").Length() == 2
	}), "the list never showed: %s", p.shown())
	assert.Equal(t, "Saved logins (2)", p.text("saved-logins-title"))

	items := p.doc.Underlying().Call("querySelectorAll", "#logins li")
	for i := range items.Length() {
		li := items.Index(i)
		assert.Equal(t, 1, li.Call("querySelectorAll", "button").Length(), "a login holds one button")
		assert.Equal(t, "Revoke", li.Call("querySelector", "button").Get("textContent").String())
		name := li.Call("querySelector", ".login-name")
		assert.Equal(t, name.Get("id").String(), li.Call("querySelector", "button").Call("getAttribute", "aria-describedby").String(),
			"Revoke is not described by the login's name")
	}
	first := items.Index(0)
	assert.Equal(t, "0000000000000000000000000000d001", first.Call("getAttribute", "data-device-id").String())
	assert.Equal(t, "Fortnite on iPhone or iPad", first.Call("querySelector", ".login-name").Get("textContent").String())
	ips := first.Call("querySelector", "details details")
	assert.False(t, ips.Get("open").Bool(), "the IP addresses show before they are asked for")
	assert.Contains(t, ips.Get("textContent").String(), "Saved from 203.0.113.24")
	assert.Zero(t, p.doc.Underlying().Call("querySelectorAll", "#logins img").Length(), "a user agent became markup")
	assert.Contains(t, items.Index(1).Call("querySelector", ".login-name").Get("textContent").String(), "An unknown app")

	more := first.Call("querySelector", "details")
	more.Set("open", true)
	items.Index(1).Call("querySelector", "button").Call("click")
	require.True(t, p.waitUntil(3*time.Second, func() bool { return !p.hidden("confirm-box") }), "no confirmation")
	assert.Contains(t, p.text("confirm-text"), "Revoke “An unknown app”, saved ")
	p.waitEnabled("confirm")
	p.click("confirm")
	p.waitForOutcome("success")
	assert.Equal(t, "“An unknown app” was revoked.", p.text("result"))
	left := p.doc.Underlying().Call("querySelectorAll", "#logins li")
	require.Equal(t, 1, left.Length())
	assert.True(t, left.Index(0).Equal(first), "the login that stays was written afresh")
	assert.True(t, more.Get("open").Bool(), "what the player unfolded was folded again")
	assert.Equal(t, "Saved logins (1)", p.text("saved-logins-title"))
}
