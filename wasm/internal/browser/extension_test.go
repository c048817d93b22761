//go:build js && wasm

package browser

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The popup can only be granted what the manifest declares: what it asks
// for at run time must match manifest.json exactly.
func TestRequestsMatchTheManifest(t *testing.T) {
	raw, err := os.ReadFile("../../../manifest.json")
	require.NoError(t, err)
	var m struct {
		HostPermissions         []string `json:"host_permissions"`
		OptionalPermissions     []string `json:"optional_permissions"`
		OptionalHostPermissions []string `json:"optional_host_permissions"`
	}
	require.NoError(t, json.Unmarshal(raw, &m))

	assert.Equal(t, m.HostPermissions, AccountService.Origins)
	assert.Equal(t, m.OptionalPermissions, SignIn.Permissions)
	assert.Equal(t, m.OptionalHostPermissions, SignIn.Origins)
}
