//go:build js && wasm

package browser

import "syscall/js"

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
		return session, errUnsupported("storage.session")
	}
	return session, nil
}

// Get returns the value under key, and whether there was one.
func (s SessionStorage) Get(key string) (string, bool, error) {
	area, err := s.area()
	if err != nil {
		return "", false, err
	}
	p, err := call(func() js.Value { return area.Call("get", key) })
	if err != nil {
		return "", false, err
	}
	items, err := Await(p)
	if err != nil {
		return "", false, err
	}
	v := items.Get(key)
	if v.Type() != js.TypeString {
		return "", false, nil
	}
	return v.String(), true, nil
}

// Set stores value under key.
func (s SessionStorage) Set(key, value string) error {
	area, err := s.area()
	if err != nil {
		return err
	}
	p, err := call(func() js.Value { return area.Call("set", map[string]any{key: value}) })
	if err != nil {
		return err
	}
	_, err = Await(p)
	return err
}

// Remove deletes key.
func (s SessionStorage) Remove(key string) error {
	area, err := s.area()
	if err != nil {
		return err
	}
	p, err := call(func() js.Value { return area.Call("remove", key) })
	if err != nil {
		return err
	}
	_, err = Await(p)
	return err
}

type errUnsupported string

func (e errUnsupported) Error() string {
	return "this browser does not offer " + string(e) + " to extensions"
}
