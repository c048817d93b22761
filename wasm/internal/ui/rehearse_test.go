//go:build js && wasm

package ui

import (
	"net/http"
	"sync"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// askedEpic is the rehearsal's stand-in for Epic, noting what it is asked.
type askedEpic struct {
	mu    sync.Mutex
	asked []string // method, path and query, and the Authorization header
}

func (a *askedEpic) Do(req *http.Request) (*http.Response, error) {
	a.mu.Lock()
	a.asked = append(a.asked, req.Method+" "+req.URL.RequestURI()+" "+req.Header.Get("Authorization"))
	a.mu.Unlock()
	return (&standIn{}).Do(req)
}

// usedStore counts every use of the store, which a rehearsal must not make.
type usedStore struct {
	mu   sync.Mutex
	uses int
}

func (s *usedStore) use() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.uses++
}

func (s *usedStore) Load(...string) (map[string]string, error) { s.use(); return nil, nil }
func (s *usedStore) Set(string, string) error                  { s.use(); return nil }
func (s *usedStore) Remove(string) error                       { s.use(); return nil }

func TestARehearsalKillsTwiceInACopyOfThePageAndTouchesNothingElse(t *testing.T) {
	bearer := "bearer " + rehearsalToken
	killURI := "/account/api/oauth/sessions/kill?killType=OTHERS_ACCOUNT_CLIENT_SERVICE"
	tests := []struct {
		name string
		// meet brings the popup to where the rehearsal finds it.
		meet func(p *page)
	}{
		{"a popup just opened", func(*page) {}},
		{"a token typed and not yet taken", func(p *page) { p.typeToken(token) }},
		{"a token held and an outcome shown", func(p *page) {
			p.typeToken(token)
			p.click("kill")
			p.waitForOutcome("success")
			p.focusComesTo("kill")
		}},
		{"the kill type that ends the token's own session chosen", func(p *page) { p.choose("ALL") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := openPopup(t, noContent)
			tt.meet(p)
			p.settled()
			fetched, page, field, focused := len(p.fetch.Calls()), p.main().OuterHTML(), p.el("token").Underlying().Get("value").String(), p.focused()

			epic, store := &askedEpic{}, &usedStore{}
			env := testEnv()
			env.Store = store
			env.AfterPaint = func() { store.use() }
			ended := make(chan struct{})
			go func() {
				rehearse(p.doc, env, epic)
				close(ended)
			}()
			select {
			case <-ended:
			case <-time.After(5 * time.Second):
				t.Fatal("the rehearsal never saw its two outcomes")
			}
			p.settled()

			assert.Equal(t, []string{
				"GET /account/api/oauth/verify?includePerms=true " + bearer,
				"DELETE " + killURI + " " + bearer,
				"DELETE " + killURI + " " + bearer,
			}, epic.asked, "Epic's stand-in was asked otherwise")
			assert.Len(t, p.fetch.Calls(), fetched, "the rehearsal fetched")
			assert.Zero(t, store.uses, "the rehearsal used the store or waited for a paint")
			assert.Equal(t, page, p.main().OuterHTML(), "the rehearsal changed the page")
			assert.Equal(t, field, p.el("token").Underlying().Get("value").String(), "the rehearsal changed the token field")
			assert.Equal(t, focused, p.focused(), "the rehearsal moved the focus")

			// The popup itself still kills, with its own token.
			kills := len(p.kills())
			p.choose("OTHERS_ACCOUNT_CLIENT")
			p.typeToken(token)
			p.click("kill")
			require.True(t, p.waitUntil(2*time.Second, func() bool { return len(p.kills()) == kills+1 }), "no kill after the rehearsal")
			assert.Equal(t, "bearer "+token, p.kills()[kills].Header.Get("Authorization"))
		})
	}
}

// turnTaker is the rehearsal's stand-in for Epic that, at the first kill,
// queues a task in the browser, and at the second notes whether it ran.
type turnTaker struct {
	kills  int
	ran    bool // the task queued at the first kill
	hadRun bool // ran, as the second kill found it
}

func (tt *turnTaker) Do(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodDelete {
		tt.kills++
		switch tt.kills {
		case 1:
			var task js.Func
			task = js.FuncOf(func(js.Value, []js.Value) any {
				tt.ran = true
				task.Release()
				return nil
			})
			js.Global().Call("setTimeout", task, 0)
		case 2:
			tt.hadRun = tt.ran
		}
	}
	return (&standIn{}).Do(req)
}

func TestARehearsalGivesTheBrowserItsTurnBetweenTheKills(t *testing.T) {
	p := openPopup(t, noContent)
	p.settled()
	epic := &turnTaker{}
	ended := make(chan struct{})
	go func() {
		rehearse(p.doc, testEnv(), epic)
		close(ended)
	}()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the rehearsal never saw its two outcomes")
	}
	require.Equal(t, 2, epic.kills)
	assert.True(t, epic.hadRun, "the second kill came before a task queued at the first could run")
}
