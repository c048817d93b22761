//go:build !js

package firefox

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	_ "image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/syncbuf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatPref(t *testing.T) {
	cases := []struct {
		name    string
		value   any
		want    string
		wantErr string
	}{
		{name: "extensions.webextensions.uuids", value: `{"id@x":"uuid"}`, want: `user_pref("extensions.webextensions.uuids", "{\"id@x\":\"uuid\"}");`},
		{name: "test.backslash", value: `C:\dir`, want: `user_pref("test.backslash", "C:\\dir");`},
		{name: "test.control", value: "a\tb\nc", want: `user_pref("test.control", "a\u0009b\u000ac");`},
		{name: "test.line-separator", value: "a\u2028b", want: `user_pref("test.line-separator", "a\u2028b");`},
		{name: "test.unicode", value: "héllo ✓", want: `user_pref("test.unicode", "héllo ✓");`},
		{name: `test."quoted"name`, value: "", want: `user_pref("test.\"quoted\"name", "");`},
		{name: "marionette.port", value: 0, want: `user_pref("marionette.port", 0);`},
		{name: "test.negative", value: int64(-2147483648), want: `user_pref("test.negative", -2147483648);`},
		{name: "app.update.auto", value: false, want: `user_pref("app.update.auto", false);`},
		{name: "test.too-big", value: 1 << 31, wantErr: "does not fit"},
		{name: "test.float", value: 1.5, wantErr: "unsupported type float64"},
		{name: "test.nil", value: nil, wantErr: "unsupported type <nil>"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := formatPref(pref{tc.name, tc.value})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			if s, ok := tc.value.(string); ok {
				// The quoted value is also valid JSON for the same string.
				quoted := strings.TrimSuffix(strings.SplitN(got, ", ", 2)[1], ");")
				var decoded string
				require.NoError(t, json.Unmarshal([]byte(quoted), &decoded))
				assert.Equal(t, s, decoded)
			}
		})
	}
}

func TestWriteUserJSPutsExtraPrefsAfterDefaults(t *testing.T) {
	defaults := []pref{{"b.default", 1}, {"a.default", "x"}}
	extra := map[string]any{"z.extra": true, "b.default": 2}
	var buf bytes.Buffer
	require.NoError(t, writeUserJS(&buf, defaults, extra))
	assert.Equal(t, strings.Join([]string{
		`user_pref("b.default", 1);`,
		`user_pref("a.default", "x");`,
		`user_pref("b.default", 2);`,
		`user_pref("z.extra", true);`,
		"",
	}, "\n"), buf.String())
}

func TestLaunchRejectsBadOptions(t *testing.T) {
	cases := []struct {
		name    string
		options Options
		wantErr string
	}{
		{name: "no profile", options: Options{}, wantErr: "ProfileDir is required"},
		{name: "unsupported pref", options: Options{ProfileDir: t.TempDir(), Prefs: map[string]any{"x": 1.5}}, wantErr: "unsupported type"},
		{name: "missing binary", options: Options{ProfileDir: t.TempDir(), Binary: "/nonexistent/firefox"}, wantErr: "firefox is missing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Launch(t.Context(), tc.options)
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}

const testPage = `<!doctype html>
<input id="name">
<button id="go" style="width:200px;height:60px">Go</button>
<script>
  window.events = [];
  const go = document.getElementById("go");
  go.addEventListener("click", e => events.push("click:" + e.detail));
  go.addEventListener("dblclick", e => events.push("dblclick:" + e.detail));
  window.keys = [];
  document.addEventListener("keydown", e => keys.push(e.key + (e.repeat ? " repeat" : "")));
  document.addEventListener("keyup", e => keys.push(e.key + " up"));
</script>`

func TestFirefoxDrivesAPage(t *testing.T) {
	if _, err := exec.LookPath(DefaultBinary); err != nil {
		t.Fatalf("firefox-esr is missing: run `make browsers` (apt-get install firefox-esr)")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()

	const (
		quotedPref = `{"id@x":"6f1e0c2a"} "back\slash" tab	é`
		addonID    = "e2e-test@example.org"
		addonUUID  = "0b5c8f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f"
	)
	uuids, err := json.Marshal(map[string]string{addonID: addonUUID})
	require.NoError(t, err)
	var output syncbuf.Buffer
	start := time.Now()
	b, err := Launch(ctx, Options{
		ProfileDir: t.TempDir(),
		Prefs: map[string]any{
			"test.quoted":                    quotedPref,
			"network.trr.mode":               3,
			"extensions.webextensions.uuids": string(uuids),
		},
		Stderr: &output,
	})
	require.NoError(t, err)
	t.Logf("Launch took %v", time.Since(start).Round(time.Millisecond))
	t.Cleanup(func() {
		b.Close()
		if t.Failed() {
			t.Logf("firefox output:\n%s", output.String())
		}
	})

	t.Run("prefs from user.js reach Firefox", func(t *testing.T) {
		_, err := b.Call(ctx, "Marionette:SetContext", map[string]any{"value": "chrome"})
		require.NoError(t, err)
		var got struct {
			Quoted  string
			TRRMode int
		}
		err = b.Execute(ctx, `return {
			quoted: Services.prefs.getStringPref("test.quoted"),
			trrMode: Services.prefs.getIntPref("network.trr.mode"),
		}`, nil, &got)
		_, resetErr := b.Call(ctx, "Marionette:SetContext", map[string]any{"value": "content"})
		require.NoError(t, err)
		require.NoError(t, resetErr)
		assert.Equal(t, quotedPref, got.Quoted)
		assert.Equal(t, 3, got.TRRMode, "extra prefs override defaults")
	})

	t.Run("a temporary add-on's page opens at its fixed UUID", func(t *testing.T) {
		dir := t.TempDir()
		manifest := `{"manifest_version": 3, "name": "e2e", "version": "1",
			"browser_specific_settings": {"gecko": {"id": "` + addonID + `"}},
			"action": {"default_popup": "popup.html"}}`
		require.NoError(t, os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(manifest), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "popup.html"), []byte(`<p id="msg">popup ready</p>`), 0o644))

		installStart := time.Now()
		id, err := b.InstallAddon(ctx, dir, true)
		require.NoError(t, err)
		t.Logf("InstallAddon took %v", time.Since(installStart).Round(time.Millisecond))
		assert.Equal(t, addonID, id)

		require.NoError(t, b.Navigate(ctx, "moz-extension://"+addonUUID+"/popup.html"))
		var msg string
		require.NoError(t, b.Execute(ctx, `return document.getElementById("msg").textContent`, nil, &msg))
		assert.Equal(t, "popup ready", msg)
	})

	require.NoError(t, b.SetWindowSize(ctx, 800, 600))
	require.NoError(t, b.Navigate(ctx, "data:text/html;charset=utf-8,"+url.PathEscape(testPage)))

	inputValue := func() string {
		var v string
		require.NoError(t, b.Execute(ctx, `return document.getElementById("name").value`, nil, &v))
		return v
	}
	input, err := b.Find(ctx, "#name")
	require.NoError(t, err)
	require.NoError(t, b.SendKeys(ctx, input, `héllo "world"`))
	assert.Equal(t, `héllo "world"`, inputValue())
	require.NoError(t, b.Clear(ctx, input))
	assert.Equal(t, "", inputValue())

	// A held key repeats: one keydown, then repeats from 500 ms on, every
	// 50 ms, then the release.
	require.NoError(t, b.Clear(ctx, input))
	var keys []string
	require.NoError(t, b.Execute(ctx, `document.getElementById("name").focus(); keys.length = 0; return keys`, nil, &keys))
	require.NoError(t, b.HoldKey(ctx, "a", 700*time.Millisecond))
	require.NoError(t, b.Execute(ctx, `return keys`, nil, &keys))
	want := []string{"a"}
	for range 4 { // at 500, 550, 600 and 650 ms
		want = append(want, "a repeat")
	}
	assert.Equal(t, append(want, "a up"), keys)
	assert.Equal(t, "aaaaa", inputValue(), "each repeat types the key again")

	events := func() []string {
		var v []string
		require.NoError(t, b.Execute(ctx, `return events`, nil, &v))
		return v
	}
	button, err := b.Find(ctx, "#go")
	require.NoError(t, err)
	require.NoError(t, b.Click(ctx, button))
	assert.Equal(t, []string{"click:1"}, events())
	require.NoError(t, b.DoubleClick(ctx, button))
	assert.Equal(t, []string{"click:1", "click:1", "click:2", "dblclick:2"}, events(),
		"a double click is two clicks and one dblclick")

	_, err = b.Find(ctx, "#missing")
	var merr *Error
	require.ErrorAs(t, err, &merr)
	assert.Equal(t, "no such element", merr.Code)

	png, err := b.Screenshot(ctx)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")), "PNG signature")
	config, format, err := image.DecodeConfig(bytes.NewReader(png))
	require.NoError(t, err)
	assert.Equal(t, "png", format)
	assert.Positive(t, config.Width)
	t.Logf("screenshot %dx%d, %d bytes", config.Width, config.Height, len(png))

	closeStart := time.Now()
	require.NoError(t, b.Close())
	t.Logf("Close took %v", time.Since(closeStart).Round(time.Millisecond))
	select {
	case <-b.Exited():
	default:
		t.Fatal("Firefox still running after Close")
	}
	require.NoError(t, b.Close(), "Close is idempotent")
}
