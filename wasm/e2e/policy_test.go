//go:build !js

package e2e

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/policy"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/wasmpack"
)

// The policy tests hold what the build ships (dist/unpacked and both store
// zips) to the policy of wasm/internal/policy, whose own tests prove that
// each check fails on a bad file. What only the build makes is checked
// here alone: main.wasm, the wasm_exec.js beside it, and the zips.

// TestPolicyShipped checks every form the extension ships in: the
// unpacked directory that the stores' zips are made from, and the zips
// themselves (the Chrome one has its own manifest).
func TestPolicyShipped(t *testing.T) {
	dir := distDir(t)
	shipped := map[string]fs.FS{"dist/unpacked": os.DirFS(dir)}
	for _, store := range []string{"firefox", "chrome"} {
		zips, err := filepath.Glob(filepath.Join(filepath.Dir(dir), "session-killer-for-epic-games-*-"+store+".zip"))
		require.NoError(t, err)
		require.Len(t, zips, 1, "want one %s zip next to dist/unpacked: run `make build`", store)
		z, err := zip.OpenReader(zips[0])
		require.NoError(t, err)
		t.Cleanup(func() { _ = z.Close() })
		shipped["dist/"+filepath.Base(zips[0])] = z
	}
	for name, fsys := range shipped {
		t.Run(name, func(t *testing.T) {
			assert.Empty(t, policy.Package(fsys))
		})
	}
}

// TestPolicyShippedWasmImportsAreTheGlue checks the built main.wasm against
// the wasm_exec.js beside it: it imports only functions the glue provides,
// and it does import them, so the check read the real import section.
func TestPolicyShippedWasmImportsAreTheGlue(t *testing.T) {
	dir := distDir(t)
	module, err := os.ReadFile(filepath.Join(dir, "extension", "main.wasm"))
	require.NoError(t, err)
	glue, err := os.ReadFile(filepath.Join(dir, "extension", "wasm_exec.js"))
	require.NoError(t, err)

	imports, err := wasmpack.Imports(module)
	require.NoError(t, err)
	assert.NotEmpty(t, imports)
	assert.Empty(t, policy.WasmImports(module, glue))
}

// TestPolicyShippedListensToNoOtherExtension checks that no built script
// and not main.wasm names an API through which another extension's
// messages arrive.
func TestPolicyShippedListensToNoOtherExtension(t *testing.T) {
	checked := 0
	require.NoError(t, filepath.WalkDir(distDir(t), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(p) != ".js" && filepath.Ext(p) != ".wasm") {
			return err
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Empty(t, policy.Listeners(b), p)
		checked++
		return nil
	}))
	assert.GreaterOrEqual(t, checked, 3, "main.wasm, wasm_exec.js and popup.js")
}
