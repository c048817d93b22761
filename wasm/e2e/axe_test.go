//go:build !js

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
)

// axePath is axe-core's browser build, as `./build.sh browsers` installs
// the pinned version.
var axePath = filepath.Join("..", "..", ".bin", "axe-core", "node_modules", "axe-core", "axe.min.js")

var axeSource = sync.OnceValues(func() (string, error) {
	src, err := os.ReadFile(axePath)
	if err != nil {
		return "", fmt.Errorf("axe-core is missing: run `./build.sh browsers` (make test does): %w", err)
	}
	return string(src), nil
})

// axeViolation is one rule axe-core found broken, with the elements that
// break it.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target  []any // CSS selectors; a list of them for an element in a frame
		Summary string
	}
}

// axeScript runs axe-core in the page and returns its violations. The
// popup's policy would refuse axe as a <script>; an expression the driver
// evaluates is not the page's script, and runs. The newline ends axe's
// closing comment, if any.
func axeScript(src string) string {
	return `(() => { if (!window.axe) {` + src + "\n" + `}
		return window.axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
			ID: v.id, Impact: v.impact || "", Help: v.help,
			Nodes: v.nodes.map(n => ({Target: n.target, Summary: n.failureSummary || ""})),
		})));
	})()`
}

// checkAxe runs axe-core on the popup as it is and fails on any violation,
// each told with its rule, impact, elements and what is wrong.
func checkAxe(t *testing.T, p popuppage.Page, what string) {
	t.Helper()
	src, err := axeSource()
	require.NoError(t, err)
	var found []axeViolation
	require.NoError(t, await(p, axeScript(src), &found), "running axe-core")
	for _, v := range found {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, fmt.Sprintf("\n    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n      ")))
		}
		t.Errorf("%s: axe-core %s (%s): %s%s", what, v.ID, v.Impact, v.Help, strings.Join(nodes, ""))
	}
}

func colorScheme(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// setDarkMode switches the popup to dark (or light) mode and waits until it
// sees it.
func setDarkMode(t *testing.T, b browser, p popuppage.Page, dark bool) {
	t.Helper()
	require.NoError(t, b.SetDarkMode(dark))
	require.NoError(t, popuppage.WaitFor(p, fmt.Sprintf(`matchMedia("(prefers-color-scheme: dark)").matches === %t`, dark), 5*time.Second),
		"the popup does not see dark=%v", dark)
}
