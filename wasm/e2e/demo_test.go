//go:build !js

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/demo"
)

// TestDemoHeadless runs `HEADLESS=1 make demo`'s work: one kill, its outcome
// and a screenshot.
func TestDemoHeadless(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out strings.Builder
	err := demo.Run(ctx, demo.Options{Extension: distDir(t), Artifacts: artifactsDir(t, "demo"), Headless: true}, &out)
	require.NoError(t, err, out.String())
	assert.Contains(t, out.String(), "DELETE /account/api/oauth/sessions/kill?killType="+demo.KillType)
	assert.Contains(t, out.String(), "The popup shows (success): Your other logins of this app were signed out")
	assert.Contains(t, out.String(), "Screenshot: ")
	assert.Contains(t, out.String(), "Saved logins listed: Fortnite on iPhone or iPad; Fortnite on Nintendo Switch; A script or bot (python-requests)")
	assert.Contains(t, out.String(), "Saved logins: not offered")
}
