// Package buildtags holds only a test: it keeps the browser out of the pure
// packages and every browser-bound file behind a js && wasm constraint, so
// that go test ./... natively covers all the logic.
package buildtags
