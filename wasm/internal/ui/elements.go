//go:build js && wasm

package ui

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// dom/v2 picks an element's Go type by comparing its constructor with some
// sixty globals, each fetched as a js.Value that the Go runtime tracks with
// a finalizer; its events go the same way. The popup knows what each of its
// elements is, so it builds dom/v2's types directly: start-up and every
// render of the kill types make a few js.Values instead of hundreds.

// wrap is v as dom/v2's plain HTML element.
func wrap(v js.Value) *dom.BasicHTMLElement {
	return &dom.BasicHTMLElement{BasicElement: &dom.BasicElement{BasicNode: &dom.BasicNode{Value: v}}}
}

// elementByID finds the element with id, and checks that it is an instance
// of kind (a constructor such as HTMLButtonElement) unless kind is
// undefined; nil when there is none, or it is another kind of element.
// instanceof, unlike reading the tag name, brings no string back into Go.
func elementByID(doc dom.Document, id string, kind js.Value) *dom.BasicHTMLElement {
	v := doc.Underlying().Call("getElementById", id)
	if v.IsNull() || (!kind.IsUndefined() && !v.InstanceOf(kind)) {
		return nil
	}
	return wrap(v)
}

func createElement(doc dom.Document, tag string) *dom.BasicHTMLElement {
	return wrap(doc.Underlying().Call("createElement", tag))
}

// selectOptions is sel's options, in order.
func selectOptions(sel *dom.HTMLSelectElement) []*dom.HTMLOptionElement {
	list := sel.Underlying().Get("options")
	out := make([]*dom.HTMLOptionElement, list.Length())
	for i := range out {
		out[i] = &dom.HTMLOptionElement{BasicHTMLElement: wrap(list.Index(i))}
	}
	return out
}

// focusInPlace focuses el without scrolling it into view, unless it has the
// focus already.
func focusInPlace(el dom.HTMLElement) {
	v := el.Underlying()
	if v.Get("ownerDocument").Get("activeElement").Equal(v) {
		return
	}
	v.Call("focus", map[string]any{"preventScroll": true})
}
