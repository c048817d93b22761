//go:build !js

package buildtags

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMainWasmLeavesEncodingJSONOut keeps encoding/json, and the
// reflection-driven code it brings along, out of main.wasm: the popup's JSON
// goes through internal/jsonvalue.
func TestMainWasmLeavesEncodingJSONOut(t *testing.T) {
	list := exec.Command("go", "list", "-deps", "../..")
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/epicsessionkiller/epic-session-killer/wasm/internal/jsonvalue", "the list is main.wasm's")
	assert.NotContains(t, deps, "encoding/json")
}
