// Package buildtags holds only tests of what goes into which build: they
// keep the browser out of the pure packages and every browser-bound file
// behind a js && wasm constraint, so that go test ./... natively covers all
// the logic, and keep encoding/json, compress/zlib and time.Parse's layout
// parser out of main.wasm.
package buildtags
