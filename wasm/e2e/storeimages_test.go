//go:build !js

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"image"
	_ "image/png" // image.DecodeConfig reads the PNGs written
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/chromium"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/listing"
)

// storeImagesEnv names the folder TestStoreImages writes to; make release
// sets it. Without it the images go to a temporary folder and are only
// checked.
const storeImagesEnv = "ESK_STORE_IMAGES"

// storeLanguages are the languages of the store images: the listing's
// (store/<code>.json) and the popup's, as Chromium speaks it.
var storeLanguages = []struct{ code, dir string }{
	{"en", "ltr"},
	{"de", "ltr"},
	{"ja", "ltr"},
	{"ar", "rtl"},
}

// The stores' image sizes: Chrome's store and AMO take 1280×800
// screenshots; Chrome's store's small promo tile is 440×280.
const (
	storeShotWidth, storeShotHeight   = 1280, 800
	storePromoWidth, storePromoHeight = 440, 280
	storePromoFile                    = "promo-440x280.png"
)

// storeShot is one store screenshot: a popup state (a popupStates name)
// under a caption of the listing.
type storeShot struct {
	file    string
	state   string
	caption func(listing.Listing) string
	// reopen: shown in the popup reopened after the state, as a click on
	// the toolbar button brings it back. The 429's countdown, reopened,
	// counts from the kept wall-clock end of the wait, which the frozen
	// clock holds still; in the first popup it counts on the monotonic
	// clock, which runs.
	reopen bool
	dark   bool
}

var storeShots = []storeShot{
	{file: "screenshot-1-held.png", state: "demo token 1 held",
		caption: func(l listing.Listing) string { return l.Captions.Held }},
	{file: "screenshot-2-success.png", state: "success",
		caption: func(l listing.Listing) string { return l.Captions.Success }},
	// Of the two 403s, the one the popup explains before sending: it names
	// the token and the permission it lacks, where Epic's own refusal
	// comes after a verify that failed and says so.
	{file: "screenshot-3-missing-permission.png", state: "403 refused before sending",
		caption: func(l listing.Listing) string { return l.Captions.MissingPermission }},
	{file: "screenshot-4-throttled.png", state: "429", reopen: true,
		caption: func(l listing.Listing) string { return l.Captions.Throttled }},
	{file: "screenshot-5-dark.png", state: "success", dark: true,
		caption: func(l listing.Listing) string { return l.Captions.Dark }},
}

// storeClock is the wall-clock time of the store images, for the popup and
// the fake account service alike, so that nothing the popup shows depends
// on when they are made: the token lasts exactly 8 h from it, the 429's
// wait ends 221 s after it, history lines are written at it.
var storeClock = time.Date(2026, time.January, 15, 9, 41, 0, 0, time.UTC)

// frozenDateScript holds the page's wall clock (Date) at ms, which Go's
// time.Now reads in js/wasm; performance.now, its monotonic clock, runs on,
// so timers still fire. new Date(x) and everything else are Date's own.
func frozenDateScript(ms int64) string {
	return fmt.Sprintf(`(() => {
	const fixed = %d;
	const RealDate = Date;
	globalThis.Date = new Proxy(RealDate, {
		construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [fixed], newTarget),
		apply: () => new RealDate(fixed).toString(),
		get: (target, key, receiver) => key === "now" ? () => fixed : Reflect.get(target, key, receiver),
	});
})();`, ms)
}

// TestStoreImages makes the store listing's images in each language from
// the real popup in Chromium: five screenshots of it, 1280×800, each with a
// caption of store/<code>.json, and the 440×280 small promo tile, composed
// in Chromium too, so that its own text shaping draws every script. It
// writes them to $ESK_STORE_IMAGES/<code>/ (or a temporary folder) and
// checks each is a PNG of its size.
func TestStoreImages(t *testing.T) {
	t.Parallel()
	dir := os.Getenv(storeImagesEnv)
	if dir == "" {
		dir = t.TempDir()
	}
	for _, l := range storeLanguages {
		t.Run(l.code, func(t *testing.T) {
			out := filepath.Join(dir, l.code)
			require.NoError(t, os.MkdirAll(out, 0o755))
			store := readStoreListing(t, l.code)
			icon := pngDataURL(t, filepath.Join(distDir(t), "extension", "icons", "icon-128.png"))

			sw, srv := startEpic(t)
			cb := launchChromiumIn(t, l.code, srv)
			require.NoError(t, cb.tab.AddScriptOnNewDocument(frozenDateScript(storeClock.UnixMilli())))
			canvas, err := cb.b.NewTab("about:blank")
			require.NoError(t, err)
			t.Cleanup(canvas.Close)

			for _, shot := range storeShots {
				popup := storePopupShot(t, cb, sw, shot)
				page := storeShotPage(l.code, l.dir, store.Name, shot.caption(store), icon, popup, shot.dark)
				composeStoreImage(t, canvas, storeShotWidth, storeShotHeight, page, filepath.Join(out, shot.file))
			}
			page := storePromoPage(l.code, l.dir, store.Name, store.Promo, icon)
			composeStoreImage(t, canvas, storePromoWidth, storePromoHeight, page, filepath.Join(out, storePromoFile))
		})
	}
	for _, l := range storeLanguages {
		for _, shot := range storeShots {
			checkPNGSize(t, filepath.Join(dir, l.code, shot.file), storeShotWidth, storeShotHeight)
		}
		checkPNGSize(t, filepath.Join(dir, l.code, storePromoFile), storePromoWidth, storePromoHeight)
	}
}

// readStoreListing reads a language's store listing, whose name, promo line
// and captions must be there (internal/listing checks the rest).
func readStoreListing(t *testing.T, code string) listing.Listing {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "store", code+".json"))
	require.NoError(t, err, "the store listing in %s is missing", code)
	l, err := listing.Parse(b)
	require.NoError(t, err, "store/%s.json", code)
	for field, text := range map[string]string{
		"name": l.Name, "promo": l.Promo, "captions.held": l.Captions.Held, "captions.success": l.Captions.Success,
		"captions.missingPermission": l.Captions.MissingPermission, "captions.throttled": l.Captions.Throttled,
		"captions.dark": l.Captions.Dark,
	} {
		require.NotEmpty(t, text, "store/%s.json has no %s", code, field)
	}
	return l
}

// storePopupShot brings a fresh popup, against a fresh service on the
// store images' clock, into shot's state and returns its screenshot, as
// savePopupScreenshot takes it.
func storePopupShot(t *testing.T, cb *chromiumBrowser, sw *epicSwitch, shot storeShot) []byte {
	t.Helper()
	var st *popupState
	for i := range popupStates {
		if popupStates[i].name == shot.state {
			st = &popupStates[i]
		}
	}
	require.NotNil(t, st, "no popup state %q", shot.state)
	s := sw.fresh()
	s.SetClock(func() time.Time { return storeClock })
	demo := fakeepic.Demo(s)
	// The popup's tab to the front, where it draws frames.
	require.NoError(t, cb.SetViewport(popupViewport))
	p := cb.OpenPopup(t)
	reportOnFailure(t, p, s)
	var now int64
	require.NoError(t, p.Eval(`Date.now()`, &now))
	require.Equal(t, storeClock.UnixMilli(), now, "the popup's clock is not held at the store images' time")
	p = st.reach(t, cb, s, demo, p)
	if t.Failed() {
		t.FailNow()
	}
	settle(t, p)
	if shot.reopen {
		waitHistoryKept(t, p)
		p = reopenRestored(t, cb)
	}
	if shot.dark {
		setDarkMode(t, cb, p, true)
		defer setDarkMode(t, cb, p, false)
	}
	// A text field with the focus shows a blinking caret, caught on or off
	// as it happens: the focus leaves it, as after a click on the popup's
	// empty space.
	require.NoError(t, p.Eval(`(() => {
		const e = document.activeElement;
		if (e && e.matches("input, textarea, [contenteditable]")) e.blur();
		return true;
	})()`, nil))
	path := filepath.Join(t.TempDir(), "popup.png")
	savePopupScreenshot(t, cb, p, path)
	png, err := os.ReadFile(path)
	require.NoError(t, err)
	return png
}

// pngDataURL is a PNG file as a data: URL.
func pngDataURL(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return dataURL(b)
}

func dataURL(png []byte) string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
}

// storeImageStyle is what the screenshots and the promo tile share: calm
// backgrounds, light or dark, and the browser's own sans-serif, which
// fontconfig completes for Japanese and Arabic.
const storeImageStyle = `
* { box-sizing: border-box; }
html, body { margin: 0; overflow: hidden; }
body {
	font-family: system-ui, sans-serif;
	color: #172033;
	background: linear-gradient(150deg, #f1f5fb 0%, #dce5f2 100%);
	-webkit-font-smoothing: antialiased;
}
body.dark {
	color: #eef1f6;
	background: linear-gradient(150deg, #2a2e37 0%, #15171c 100%);
}
.brand { display: flex; align-items: center; gap: 14px; }
.brand img { flex: none; }
h1, p { margin: 0; overflow-wrap: break-word; text-wrap: balance; }
/* Japanese breaks between phrases, not anywhere between characters. */
:lang(ja) :is(h1, p) { word-break: auto-phrase; }
`

// storeShotPage is a 1280×800 page: the app's name and the caption on one
// side, the popup's screenshot at its own size on the other; right to
// left, the sides change places.
func storeShotPage(lang, dir, name, caption, icon string, popup []byte, dark bool) string {
	class := "light"
	if dark {
		class = "dark"
	}
	return `<!doctype html>
<html lang="` + lang + `" dir="` + dir + `"><head><meta charset="utf-8"><style>` + storeImageStyle + `
html, body { width: ` + strconv.Itoa(storeShotWidth) + `px; height: ` + strconv.Itoa(storeShotHeight) + `px; }
body { display: flex; align-items: center; gap: 72px; padding: 0 88px; }
.text { flex: 1; min-width: 0; }
.brand { font-size: 24px; font-weight: 600; margin-bottom: 32px; opacity: .85; }
.brand img { width: 48px; height: 48px; }
h1 { font-size: 54px; line-height: 1.2; font-weight: 700; }
.shot {
	flex: none; display: block; width: 500px; border-radius: 12px;
	box-shadow: 0 24px 64px rgba(16, 32, 64, .26), 0 0 0 1px rgba(16, 32, 64, .14);
}
.dark .shot { box-shadow: 0 24px 64px rgba(0, 0, 0, .55), 0 0 0 1px rgba(255, 255, 255, .16); }
</style></head>
<body class="` + class + `">
<div class="text">
<div class="brand"><img src="` + icon + `" alt=""><span>` + html.EscapeString(name) + `</span></div>
<h1>` + html.EscapeString(caption) + `</h1>
</div>
<img class="shot" src="` + dataURL(popup) + `" alt="">
</body></html>`
}

// storePromoPage is the 440×280 small promo tile: the icon, the name and
// the promo line.
func storePromoPage(lang, dir, name, promo, icon string) string {
	return `<!doctype html>
<html lang="` + lang + `" dir="` + dir + `"><head><meta charset="utf-8"><style>` + storeImageStyle + `
html, body { width: ` + strconv.Itoa(storePromoWidth) + `px; height: ` + strconv.Itoa(storePromoHeight) + `px; }
body { display: flex; align-items: center; padding: 0 30px; }
.brand { gap: 24px; }
.brand img { width: 112px; height: 112px; }
h1 { font-size: 27px; line-height: 1.15; font-weight: 700; margin-bottom: 10px; }
p { font-size: 18px; line-height: 1.3; color: #33405a; }
</style></head>
<body>
<div class="brand"><img src="` + icon + `" alt="">
<div><h1>` + html.EscapeString(name) + `</h1><p>` + html.EscapeString(promo) + `</p></div></div>
</body></html>`
}

// composeStoreImage draws page in canvas at exactly width×height, checks
// that everything on it is inside and nothing overflows, and writes its
// PNG to path.
func composeStoreImage(t *testing.T, canvas *chromium.Page, width, height int, page, path string) {
	t.Helper()
	require.NoError(t, canvas.SetViewport(int64(width), int64(height)))
	require.NoError(t, canvas.Navigate("about:blank"))
	require.NoError(t, canvas.BringToFront())
	src, err := json.Marshal(page)
	require.NoError(t, err)
	require.NoError(t, canvas.Eval(`document.open(); document.write(`+string(src)+`); document.close(); true`, nil))
	// Drawn once the images are decoded, the fonts loaded, and a frame
	// painted.
	require.NoError(t, canvas.Await(`Promise.all([document.fonts.ready, ...[...document.images].map(i => i.decode())])
		.then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))))`, nil))
	var outside []string
	require.NoError(t, canvas.Eval(`[...document.body.querySelectorAll("*")].flatMap(e => {
		const r = e.getBoundingClientRect();
		const out = [];
		if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) out.push(e.tagName + " is not inside the image");
		if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) out.push(e.tagName + " overflows");
		return out;
	})`, &outside))
	assert.Empty(t, outside, "%s", filepath.Base(path))
	png, err := canvas.Screenshot()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, png, 0o644))
}

// checkPNGSize checks that path is a PNG of exactly width×height.
func checkPNGSize(t *testing.T, path string, width, height int) {
	t.Helper()
	f, err := os.Open(path)
	if !assert.NoError(t, err) {
		return
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if assert.NoError(t, err, path) {
		assert.Equal(t, "png", format, path)
		assert.Equal(t, [2]int{width, height}, [2]int{cfg.Width, cfg.Height}, "%s: width and height", path)
	}
}
