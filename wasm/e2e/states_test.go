//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// The popup's states, reached through the real extension against the fake
// account service, each from a fresh popup: one table for the fit checks,
// axe-core and make screenshots.

// popupState is one thing the popup can show.
type popupState struct {
	name string
	// reach brings a fresh popup, against a fresh service seeded with the
	// demo account, into the state, and returns the document it ended in.
	reach func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page
	// outcome: the state shows a kill's outcome; the checks see it again
	// in a popup reopened after it.
	outcome bool
	// wait: the outcome is Epic asking the player to wait.
	wait bool
}

// The demo tokens (fakeepic.Demo) the states use, by their place in its list.
const (
	demoFortnite    = 0 // may use OTHERS_ACCOUNT_CLIENT(_SERVICE) only
	demoLauncher    = 1 // may use every kill type
	demoOtherDevice = 5 // may use no kill type
)

// stateKillTypes are the kill types as the popup's select names them.
var stateKillTypes = []string{
	"OTHERS_ACCOUNT_CLIENT_SERVICE", "OTHERS_ACCOUNT_CLIENT", "OTHERS_SAME_SOURCE_ID", "OTHERS", "ALL", "ALL_ACCOUNT_CLIENT",
}

// popupStates is every state, in the order the checks visit them.
var popupStates = func() []popupState {
	states := []popupState{
		{name: "fresh", reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
			return p
		}},
	}
	for i := range fakeepic.Demo(fakeepic.New()) {
		states = append(states, popupState{name: fmt.Sprintf("demo token %d held", i+1),
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdSettled(t, b, p, demo[i].Token)
				return p
			}})
	}
	for _, kt := range stateKillTypes {
		states = append(states, popupState{name: "kill type " + kt,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				require.NoError(t, popuppage.SelectKillType(p, kt))
				return p
			}})
	}
	for _, kt := range []string{"ALL", "ALL_ACCOUNT_CLIENT"} {
		states = append(states, popupState{name: "confirm " + kt,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				require.NoError(t, popuppage.SelectKillType(p, kt))
				openConfirmation(t, p, "#kill")
				return p
			}})
	}
	return append(states,
		popupState{name: "confirm sign out only this token",
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				openConfirmation(t, p, "#kill-this")
				return p
			}},
		popupState{name: "success", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				assert.Equal(t, popuppage.Success, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
				return p
			}},
		// The pending view comes once Epic has taken popup.AnswerGrace;
		// here Epic answers only once the state has been checked.
		popupState{name: "waiting for Epic's answer",
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				due := make(chan time.Time)
				t.Cleanup(func() { close(due) })
				s.SetFaultClock(func(time.Duration) <-chan time.Time { return due })
				s.FaultNext(fakeepic.Late(time.Minute))
				require.NoError(t, popuppage.SelectKillType(p, "OTHERS_ACCOUNT_CLIENT"))
				require.NoError(t, p.Click("#kill"))
				require.NoError(t, popuppage.WaitFor(p, `document.getElementById("result").dataset.outcome === "pending"`, 5*time.Second),
					"no pending view while Epic takes its time")
				return p
			}},
		popupState{name: "401", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				token := demo[demoLauncher].Token
				holdPasted(t, b, p, token)
				// Verify accepted it; it ended before the kill arrived.
				s.FaultNext(fakeepic.EpicError(401, "errors.com.epicgames.common.authentication.token_verification_failed", 1031,
					"Sorry we couldn't validate your token "+token+". Please try with a new token."))
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
				return p
			}},
		popupState{name: "403 refused before sending", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoFortnite].Token)
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS").Outcome)
				assert.Empty(t, kills(requestsUpToNow(t, p, s)), "the pre-check let the kill go")
				return p
			}},
		popupState{name: "403 answered by Epic", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				// Without a permission list from verify, the kill goes and the
				// fake refuses it with missing_permission.
				s.FaultNext(fakeepic.ServerError(503))
				holdSettled(t, b, p, demo[demoFortnite].Token)
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS").Outcome)
				assert.Len(t, kills(s.Requests()), 1, "the kill never reached the fake")
				return p
			}},
		popupState{name: "429", outcome: true, wait: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				s.FaultNext(fakeepic.Throttled(221))
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
				return p
			}},
		popupState{name: "429 to the check a kill waits for", outcome: true, wait: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				// Kill clicked before the paste is taken: it takes the token,
				// and waits for Epic's check of it, which Epic throttles.
				s.FaultNext(fakeepic.Throttled(221))
				paste(t, p, demo[demoLauncher].Token)
				res := kill(t, p, "OTHERS_ACCOUNT_CLIENT")
				assert.Equal(t, popuppage.Error, res.Outcome)
				assert.Equal(t, says(b, messages.Of(messages.Throttled)), res.Text)
				for _, r := range s.Requests() {
					assert.NotContains(t, r.Path, "/sessions/kill", "a kill went out into Epic's wait")
				}
				return p
			}},
		popupState{name: "HTML page", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				s.FaultNext(fakeepic.HTMLPage(503))
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
				return p
			}},
		popupState{name: "offline", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				// Online again once the state and its reopened popup are checked.
				require.NoError(t, b.SetOffline(true))
				t.Cleanup(func() { assert.NoError(t, b.SetOffline(false)) })
				require.NoError(t, popuppage.WaitFor(p, `navigator.onLine === false`, 5*time.Second), "the browser did not go offline")
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
				return p
			}},
		// The popup's own 15 s limit, waited out in real time: it has no
		// shorter setting.
		popupState{name: "timeout", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				s.FaultNext(fakeepic.Slow(time.Hour))
				assert.Equal(t, popuppage.Error, kill(t, p, "OTHERS_ACCOUNT_CLIENT").Outcome)
				return p
			}},
		// Saved logins: the section folded with a token that may list them,
		// open with Epic's list, a revoke waiting for Confirm, a revoke
		// done, and a list Epic refused.
		popupState{name: "saved logins folded",
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("saved-logins").hidden`, 5*time.Second),
					"the saved logins are not offered to a token that may list them")
				assert.Empty(t, deviceAuthRequests(s.Requests()), "the list was asked for before the section was opened")
				return p
			}},
		popupState{name: "saved logins listed",
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				openSavedLogins(t, p, 4)
				return p
			}},
		popupState{name: "saved logins confirm revoke",
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				openSavedLogins(t, p, 4)
				openConfirmation(t, p, `#logins li:nth-child(2) button`)
				return p
			}},
		popupState{name: "saved login revoked", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				openSavedLogins(t, p, 4)
				openConfirmation(t, p, `#logins li:nth-child(2) button`)
				require.NoError(t, popuppage.Confirm(p, 5*time.Second))
				res, err := popuppage.WaitOutcome(p, outcomeTimeout)
				require.NoError(t, err)
				assert.Equal(t, popuppage.Success, res.Outcome)
				return p
			}},
		popupState{name: "saved logins 403", outcome: true,
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoLauncher].Token)
				s.FaultNextMatching(isDeviceAuthList, deviceAuthsRefused("READ"))
				require.NoError(t, p.Click("#saved-logins-title"))
				res, err := popuppage.WaitOutcome(p, outcomeTimeout)
				require.NoError(t, err)
				assert.Equal(t, popuppage.Error, res.Outcome)
				assert.Equal(t, says(b, messages.Of(messages.LoginsCannotList)), res.Text)
				return p
			}},
		// Kill sessions is not offered as if it worked: the popup says so
		// up front and points to Epic's own Sign out everywhere.
		popupState{name: "no kill type allowed",
			reach: func(t *testing.T, b browser, s *fakeepic.Service, demo []fakeepic.DemoToken, p popuppage.Page) popuppage.Page {
				holdPasted(t, b, p, demo[demoOtherDevice].Token)
				require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("no-kill").hidden`, 5*time.Second),
					"a token that may use no kill type is not told so")
				assert.True(t, killButton(t, p).Disabled, "Kill sessions is offered as if it would work")
				assert.Equal(t, "https://www.epicgames.com/account/password", attr(t, p, "no-kill-link", "href"))
				return p
			}},
	)
}()

// shownState is a popup showing a state, as a check sees it.
type shownState struct {
	name string // the state's name, " reopened" added in a reopened popup
	// file is the name the state's screenshots start with.
	file    string
	outcome bool
	wait    bool
}

// runStates reaches every state in b, each in a fresh popup against a fresh
// service, and calls check on it; each is checked again in a reopened
// popup, as a subtest "reopened", since a toolbar popup closes on any click
// outside it.
func runStates(t *testing.T, b browser, sw *epicSwitch, check func(t *testing.T, p popuppage.Page, st shownState)) {
	for _, st := range popupStates {
		t.Run(st.name, func(t *testing.T) {
			s := sw.fresh()
			demo := fakeepic.Demo(s)
			p := b.OpenPopup(t)
			reportOnFailure(t, p, s)
			p = st.reach(t, b, s, demo, p)
			if t.Failed() {
				return
			}
			settle(t, p)
			shown := shownState{name: st.name, file: fileName(st.name), outcome: st.outcome, wait: st.wait}
			check(t, p, shown)
			t.Run("reopened", func(t *testing.T) {
				waitHistoryKept(t, p)
				p := reopenRestored(t, b)
				shown.name += " reopened"
				shown.file += "-reopened"
				check(t, p, shown)
			})
		})
	}
}

var notFileName = regexp.MustCompile(`[^a-z0-9]+`)

// fileName turns a state's name into a file name: "kill type ALL" is
// "kill-type-all".
func fileName(name string) string {
	return strings.Trim(notFileName.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

// holdSettled pastes token and waits until the popup has Epic's answer to
// its verify, whatever it is: a token status other than the one it shows
// while it asks, or an outcome for a token it refused.
func holdSettled(t *testing.T, b browser, p popuppage.Page, token string) {
	t.Helper()
	paste(t, p, token)
	asking := strconv.Quote(says(b, messages.Of(messages.TokenTaken)))
	require.NoError(t, popuppage.WaitFor(p, `(() => { const s = document.getElementById("token-status").textContent;
		return s === "" ? document.getElementById("result").dataset.outcome === "error" : s !== `+asking+`; })()`, outcomeTimeout),
		"the token status says %q, the result %s", text(t, p, "token-status"), popuppage.Shown(p))
}

// holdPasted pastes token, as a player does, and waits until Epic has
// confirmed it.
func holdPasted(t *testing.T, b browser, p popuppage.Page, token string) {
	t.Helper()
	paste(t, p, token)
	waitStatus(t, p, says(b, messages.Of(messages.TokenConfirmed)))
}

// openSavedLogins unfolds the saved logins and waits until Epic's list of
// n shows.
func openSavedLogins(t *testing.T, p popuppage.Page, n int) {
	t.Helper()
	require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("saved-logins").hidden`, 5*time.Second),
		"the saved logins are not offered")
	require.NoError(t, p.Click("#saved-logins-title"))
	require.NoError(t, popuppage.WaitFor(p, `document.querySelectorAll("#logins li[data-device-id]").length === `+strconv.Itoa(n)+
		` && document.getElementById("list-logins").disabled === false`, outcomeTimeout),
		"the list of %d never showed: %s", n, popuppage.Shown(p))
}

// deviceAuthRequests are the saved logins' requests: lists and revokes.
func deviceAuthRequests(reqs []fakeepic.Request) []fakeepic.Request {
	var out []fakeepic.Request
	for _, r := range reqs {
		if strings.Contains(r.Path, "/deviceAuth") {
			out = append(out, r)
		}
	}
	return out
}

// openConfirmation clicks button and waits until the confirmation shows and
// Confirm takes clicks, as the player sees it after the first half second.
func openConfirmation(t *testing.T, p popuppage.Page, button string) {
	t.Helper()
	require.NoError(t, p.Click(button))
	require.NoError(t, popuppage.WaitFor(p, `!document.getElementById("confirm-box").hidden`, 5*time.Second), "no confirmation")
	require.NoError(t, popuppage.WaitFor(p, popuppage.ConfirmEnabled, 5*time.Second), "Confirm stays disabled")
}

// settle waits until the popup has drawn what it was last told: Go renders
// before the page's next task, and the browser paints at the next frame. A
// tab in the background has no frames: there the task is enough.
func settle(t *testing.T, p popuppage.Page) {
	t.Helper()
	require.NoError(t, await(p, `new Promise(done => {
		setTimeout(() => requestAnimationFrame(() => setTimeout(() => done(true), 0)), 0);
		setTimeout(() => done(true), 200);
	})`, nil))
}

// waitHistoryKept waits until storage.session keeps every history line
// the popup shows: it writes a line down once it has drawn the outcome, and
// a popup closed sooner loses it.
func waitHistoryKept(t *testing.T, p popuppage.Page) {
	t.Helper()
	var shown, kept []json.RawMessage
	err := popuppage.Poll(5*time.Second, func() (bool, error) {
		if err := p.Eval(`[...document.querySelectorAll("#history li")].map(li => li.textContent)`, &shown); err != nil {
			return false, err
		}
		kept = nil
		if stored, _ := storageArea(t, p, "session")["history"].(string); stored != "" {
			if err := json.Unmarshal([]byte(stored), &kept); err != nil {
				return false, err
			}
		}
		return len(kept) == len(shown), nil
	})
	require.NoError(t, err, "storage.session keeps %d history lines of the %d shown", len(kept), len(shown))
}

// reopenRestored reopens the popup and waits until it shows what
// storage.session kept: the token, a throttle wait, the history.
func reopenRestored(t *testing.T, b browser) popuppage.Page {
	t.Helper()
	p := b.ReopenPopup(t)
	kept := storageArea(t, p, "session")
	var shows []string
	if _, ok := kept["token"]; ok {
		shows = append(shows, `document.getElementById("token-box").getClientRects().length > 0`)
	}
	if _, ok := kept["throttledUntil"]; ok {
		shows = append(shows, `document.getElementById("kill").disabled`)
	}
	if _, ok := kept["history"]; ok {
		shows = append(shows, `document.querySelectorAll("#history li").length > 0`)
	}
	if _, ok := kept["outcome"]; ok {
		shows = append(shows, `["success", "error"].includes(document.getElementById("result").dataset.outcome)`)
	}
	if len(shows) > 0 {
		require.NoError(t, popuppage.WaitFor(p, strings.Join(shows, " && "), 5*time.Second),
			"the reopened popup does not show what it kept: %v", kept)
	}
	settle(t, p)
	return p
}

// viewport is a popup's size in CSS pixels.
type viewport struct{ Width, Height int }

func (v viewport) String() string { return fmt.Sprintf("%dx%d", v.Width, v.Height) }

// viewportSizer is a browser whose popup document can be given a size.
type viewportSizer interface {
	SetViewport(v viewport) error
}

// SetViewport sizes the tab's page: what the popup's document sees as its
// window, and what a screenshot shows. It also brings the tab to the front,
// as a popup that shows is: a tab in the background draws no frames.
func (c *chromiumBrowser) SetViewport(v viewport) error {
	if err := c.tab.BringToFront(); err != nil {
		return err
	}
	return c.tab.SetViewport(int64(v.Width), int64(v.Height))
}

// SetViewport sizes the window so that the page inside it is v: the window
// also holds the browser's own bars, whose size only a shown page tells.
// For its toolbars the window keeps itself 500 px wide at least; a
// toolbar popup has none.
func (f *firefoxBrowser) SetViewport(v viewport) error {
	p := firefoxPage{f.c}
	inner := `({Width: innerWidth, Height: innerHeight})`
	var got viewport
	// A loaded machine may apply a resize late or lose it: ask again,
	// from the sizes as they are then.
	for range 5 {
		if err := f.chrome(`document.documentElement.style.minWidth = "0";`, nil); err != nil {
			return err
		}
		var outer viewport
		if err := p.Eval(`({Width: outerWidth, Height: outerHeight})`, &outer); err != nil {
			return err
		}
		if err := p.Eval(inner, &got); err != nil {
			return err
		}
		if got == v {
			return nil
		}
		err := p.call(func(ctx context.Context) error {
			return f.c.SetWindowSize(ctx, v.Width+outer.Width-got.Width, v.Height+outer.Height-got.Height)
		})
		if err != nil {
			return err
		}
		// The window manager resizes the window in its own time.
		err = popuppage.Poll(2*time.Second, func() (bool, error) {
			if err := p.Eval(inner, &got); err != nil {
				return false, err
			}
			return got == v, nil
		})
		if err == nil {
			return nil
		}
	}
	return fmt.Errorf("the page is %s, not %s", got, v)
}

// withViewport gives b's popup the size v until the test ends, then the
// size it had.
func withViewport(t *testing.T, b browser, p popuppage.Page, v viewport) {
	t.Helper()
	sizer, ok := b.(viewportSizer)
	require.True(t, ok, "%T cannot size its popup", b)
	var before viewport
	require.NoError(t, p.Eval(`({Width: innerWidth, Height: innerHeight})`, &before))
	require.NoError(t, sizer.SetViewport(v))
	t.Cleanup(func() { assert.NoError(t, sizer.SetViewport(before)) })
}
