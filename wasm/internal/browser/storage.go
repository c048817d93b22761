//go:build js && wasm

package browser

import (
	"syscall/js"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/explain"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsbridge"
)

// SessionStorage is the extension's storage.session: kept in memory for the
// browser session, shared by every popup the extension opens, never written
// to disk. Values are strings; callers encode their own.
type SessionStorage struct{}

func (SessionStorage) area() (js.Value, error) {
	storage, err := api("storage")
	if err != nil {
		return storage, err
	}
	session := storage.Get("session")
	if !session.Truthy() {
		return session, &explain.UnsupportedError{API: "storage.session"}
	}
	return session, nil
}

// Load returns the string values stored under keys, in one call; a key
// without a string value is left out.
func (s SessionStorage) Load(keys ...string) (map[string]string, error) {
	area, err := s.area()
	if err != nil {
		return nil, err
	}
	names := make([]any, len(keys))
	for i, k := range keys {
		names[i] = k
	}
	p, err := jsbridge.Call(func() js.Value { return area.Call("get", names) })
	if err != nil {
		return nil, err
	}
	items, err := jsbridge.Await(p)
	if err != nil {
		return nil, err
	}
	values := map[string]string{}
	for _, k := range keys {
		if v := items.Get(k); v.Type() == js.TypeString {
			values[k] = v.String()
		}
	}
	return values, nil
}

// Set stores value under key.
func (s SessionStorage) Set(key, value string) error {
	area, err := s.area()
	if err != nil {
		return err
	}
	p, err := jsbridge.Call(func() js.Value { return area.Call("set", map[string]any{key: value}) })
	if err != nil {
		return err
	}
	_, err = jsbridge.Await(p)
	return err
}

// Remove deletes key.
func (s SessionStorage) Remove(key string) error {
	area, err := s.area()
	if err != nil {
		return err
	}
	p, err := jsbridge.Call(func() js.Value { return area.Call("remove", key) })
	if err != nil {
		return err
	}
	_, err = jsbridge.Await(p)
	return err
}
