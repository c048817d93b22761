package popup

import (
	"sync"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/timestamp"
)

// Storage keys in storage.session.
const (
	keyToken    = "token"
	keyThrottle = "throttledUntil"
	keyHistory  = "history"
	// keyInFlight marks a kill sent and not yet answered, so that a popup
	// opened after one that closed mid-request can say so.
	keyInFlight = "inFlight"
	// keyOutcome is the last outcome shown, and keyKillType the kill type
	// last picked: a popup closes on any click outside it, and the next
	// one keeps the place.
	keyOutcome  = "outcome"
	keyKillType = "killType"
)

// session is what a popup keeps for the next popup of this browser session,
// in storage.session (Env.Store): the token, a throttle wait, the history,
// and the mark of a kill on its way. It encodes them (stored.go) and writes
// them in the background, so that no listener waits on storage, and in the
// order asked, so that a token forgotten is not saved again by an earlier
// write that was slower. Keeping is a convenience: a failed write loses
// only that. A session without a store keeps nothing.
type session struct {
	store Store
	// afterPaint is Env.AfterPaint: the records of a kill's outcome wait
	// for it.
	afterPaint func()

	mu      sync.Mutex
	queued  []storeWrite
	writing bool
	// urgent counts the queued writes that may not wait for a paint;
	// nudge wakes the writer when one comes while it waits for one.
	urgent int
	nudge  chan struct{}
}

func newSession(store Store, afterPaint func()) *session {
	return &session{store: store, afterPaint: afterPaint, nudge: make(chan struct{}, 1)}
}

// kept is what an earlier popup left.
type kept struct {
	token          *savedToken
	throttledUntil time.Time
	history        []historyEntry
	inFlight       *inFlight
	outcome        *shownOutcome
	killType       string
}

// load reads what earlier popups kept. It waits for the browser, so it runs
// in a goroutine. A value that does not read is left out.
func (s *session) load() (kept, error) {
	var k kept
	if s.store == nil {
		return k, nil
	}
	values, err := s.store.Load(keyToken, keyThrottle, keyHistory, keyInFlight, keyOutcome, keyKillType)
	if err != nil {
		return k, err
	}
	if text := values[keyToken]; text != "" {
		if t, err := decodeSavedToken(text); err == nil {
			k.token = &t
		}
	}
	if until, ok := timestamp.Parse(values[keyThrottle]); ok {
		k.throttledUntil = until
	}
	if text := values[keyHistory]; text != "" {
		_ = decodeHistory(text, &k.history) // what decoded before an error is kept
	}
	if text := values[keyInFlight]; text != "" {
		if f, err := decodeInFlight(text); err == nil {
			k.inFlight = &f
		}
	}
	if text := values[keyOutcome]; text != "" {
		if o, err := decodeShownOutcome(text); err == nil {
			k.outcome = &o
		}
	}
	k.killType = values[keyKillType]
	return k, nil
}

// saveOutcome keeps the outcome shown once it is drawn; clearOutcome drops
// it, also once the popup is drawn: a kill that clears it at its start
// sends its request first.
func (s *session) saveOutcome(o shownOutcome) {
	s.queue(storeWrite{write: func(st Store) {
		if b, err := encodeShownOutcome(o); err == nil {
			_ = st.Set(keyOutcome, string(b))
		}
	}})
}

func (s *session) clearOutcome() {
	s.queue(storeWrite{write: func(st Store) { _ = st.Remove(keyOutcome) }})
}

func (s *session) saveKillType(name string) { s.set(keyKillType, name) }

func (s *session) saveToken(t savedToken) {
	if b, err := encodeSavedToken(t); err == nil {
		s.set(keyToken, string(b))
	}
}

func (s *session) forgetToken() { s.remove(keyToken) }

func (s *session) saveThrottle(until time.Time) {
	s.set(keyThrottle, until.Format(time.RFC3339Nano))
}

// saveHistory keeps entries once the outcome that added one is drawn: the
// person waits for the outcome, not for the history to be kept.
func (s *session) saveHistory(entries []historyEntry) {
	entries = append([]historyEntry(nil), entries...)
	s.queue(storeWrite{write: func(st Store) {
		if b, err := encodeHistory(entries); err == nil {
			_ = st.Set(keyHistory, string(b))
		}
	}})
}

func (s *session) clearHistory() { s.remove(keyHistory) }

// markInFlight notes a kill on its way; clearInFlight removes the note,
// once the outcome is drawn when that outcome is what it waits for.
func (s *session) markInFlight(f inFlight) {
	s.queue(storeWrite{urgent: true, write: func(st Store) {
		if b, err := encodeInFlight(f); err == nil {
			_ = st.Set(keyInFlight, string(b))
		}
	}})
}

func (s *session) clearInFlight(afterPaint bool) {
	s.queue(storeWrite{urgent: !afterPaint, write: func(st Store) { _ = st.Remove(keyInFlight) }})
}

func (s *session) set(key, value string) {
	s.queue(storeWrite{urgent: true, write: func(st Store) { _ = st.Set(key, value) }})
}

func (s *session) remove(key string) {
	s.queue(storeWrite{urgent: true, write: func(st Store) { _ = st.Remove(key) }})
}

// storeWrite is one queued write. Most are urgent, because the popup may
// close before the next frame; the records of a kill's outcome (the
// history, and clearing its in-flight mark) wait until the outcome has been
// drawn. An urgent write lets the writes queued before it go without waiting
// for the paint, so the order stays the order asked.
type storeWrite struct {
	write  func(Store)
	urgent bool
}

// queue adds w to the writes, and starts the writer unless it runs.
func (s *session) queue(w storeWrite) {
	if s.store == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queued = append(s.queued, w)
	if w.urgent {
		s.urgent++
		select {
		case s.nudge <- struct{}{}:
		default: // a wake-up is already waiting
		}
	}
	if !s.writing {
		s.writing = true
		go s.write()
	}
}

// write makes the queued writes in order, and ends when none is left.
func (s *session) write() {
	for {
		s.mu.Lock()
		if len(s.queued) == 0 {
			s.writing = false
			s.mu.Unlock()
			return
		}
		w := s.queued[0]
		s.queued = s.queued[1:]
		if w.urgent {
			s.urgent--
		}
		s.mu.Unlock()
		if !w.urgent {
			s.waitForPaint()
		}
		w.write(s.store)
	}
}

// waitForPaint waits for afterPaint, unless an urgent write is queued or
// comes meanwhile.
func (s *session) waitForPaint() {
	if s.afterPaint == nil {
		return
	}
	select {
	case <-s.nudge: // an old wake-up: the count below tells
	default:
	}
	s.mu.Lock()
	urgent := s.urgent
	s.mu.Unlock()
	if urgent > 0 {
		return
	}
	painted := make(chan struct{})
	go func() {
		s.afterPaint()
		close(painted)
	}()
	select {
	case <-painted:
	case <-s.nudge:
	}
}
