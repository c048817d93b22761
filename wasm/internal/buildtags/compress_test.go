//go:build !js

package buildtags

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const modulePath = "github.com/epicsessionkiller/epic-session-killer/"

// TestMainWasmInflatesWithInternalInflate keeps compress/zlib out of
// main.wasm and keeps our packages from importing compress/flate or
// compress/gzip: their decoders would make main.wasm some 65 KB larger, and
// internal/inflate decodes the one zlib claim the popup reads. net/http
// imports compress/gzip, so compress/flate stays in the dependency list;
// only its package initialisers reach the binary.
func TestMainWasmInflatesWithInternalInflate(t *testing.T) {
	list := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "../..")
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	require.NoError(t, err)
	var deps []string
	for line := range strings.Lines(string(out)) {
		imports := strings.Fields(line)
		deps = append(deps, imports[0])
		if !strings.HasPrefix(imports[0], modulePath) {
			continue
		}
		for _, banned := range []string{"compress/flate", "compress/gzip", "compress/zlib"} {
			assert.False(t, slices.Contains(imports[1:], banned), "%s imports %s; use internal/inflate", imports[0], banned)
		}
	}
	for _, banned := range []string{"compress/zlib", "hash/adler32"} {
		assert.False(t, slices.Contains(deps, banned), "%s is in main.wasm", banned)
	}
	assert.True(t, slices.Contains(deps, modulePath+"wasm/internal/inflate"), "the list is main.wasm's, which inflates with internal/inflate")
}
