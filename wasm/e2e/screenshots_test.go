//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
)

// screenshotsEnv names the folder TestScreenshots writes to; make
// screenshots sets it.
const screenshotsEnv = "ESK_SCREENSHOTS"

// TestScreenshots writes a PNG of every popup state in Chromium, light and
// dark, as a toolbar popup shows it: 400 px wide and as tall as the
// document, 600 px at most. Each is named after its state, such as
// success-light.png.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv(screenshotsEnv)
	if dir == "" {
		t.Skip("set " + screenshotsEnv + " to a folder to write the popup's screenshots to (make screenshots does)")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	sw, srv := startEpic(t)
	cb := launchWatchedChromium(t, srv)
	withViewport(t, cb, cb.OpenPopup(t), popupViewport)
	t.Cleanup(func() { assert.NoError(t, cb.SetDarkMode(false)) })
	runStates(t, cb, sw, func(t *testing.T, p popuppage.Page, st shownState) {
		for _, dark := range []bool{false, true} {
			setDarkMode(t, cb, p, dark)
			savePopupScreenshot(t, cb, p, filepath.Join(dir, st.file+"-"+colorScheme(dark)+".png"))
		}
		setDarkMode(t, cb, p, false)
	})
}

// savePopupScreenshot writes a PNG of the popup at the height a toolbar
// popup would take: its document's, 600 px at most.
func savePopupScreenshot(t *testing.T, b browser, p popuppage.Page, path string) {
	t.Helper()
	var height int
	require.NoError(t, p.Eval(`Math.ceil(document.documentElement.getBoundingClientRect().height)`, &height))
	sizer := b.(viewportSizer)
	require.NoError(t, sizer.SetViewport(viewport{popupViewport.Width, min(height, maxPopupHeight)}))
	defer func() { assert.NoError(t, sizer.SetViewport(popupViewport)) }()
	settle(t, p)
	png, err := p.Screenshot()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, png, 0o644))
}

// mainStates are the states the screenshots show in every language.
var mainStates = map[string]bool{
	"demo-token-1-held": true, "success": true, "403-answered-by-epic": true, "429": true, "confirm-all": true,
	"saved-logins-listed": true, "saved-logins-confirm-revoke": true,
}

// TestScreenshotsLanguages writes the main states, light, in each of the
// languages checked end to end, into a folder per language.
func TestScreenshotsLanguages(t *testing.T) {
	dir := os.Getenv(screenshotsEnv)
	if dir == "" {
		t.Skip("set " + screenshotsEnv + " to a folder to write the popup's screenshots to (make screenshots does)")
	}
	for _, l := range languages {
		t.Run(l.code, func(t *testing.T) {
			require.NoError(t, os.MkdirAll(filepath.Join(dir, l.code), 0o755))
			sw, srv := startEpic(t)
			cb := launchChromiumIn(t, l.code, srv)
			withViewport(t, cb, cb.OpenPopup(t), popupViewport)
			runStates(t, cb, sw, func(t *testing.T, p popuppage.Page, st shownState) {
				if mainStates[st.file] {
					savePopupScreenshot(t, cb, p, filepath.Join(dir, l.code, st.file+"-light.png"))
				}
			})
		})
	}
}
