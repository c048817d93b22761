//go:build !js

// Package chromium starts Chromium with an unpacked extension loaded and a
// host mapped to a local server, and drives its pages through the DevTools
// protocol (chromedp).
package chromium

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/extensions"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// DefaultBinary is Debian's Chromium; /usr/bin/chromium is a wrapper script
// that adds flags of its own.
const DefaultBinary = "/usr/lib/chromium/chromium"

// callTimeout bounds every single page action, so a hung page fails a test
// instead of stalling the run.
const callTimeout = 15 * time.Second

// Options says how to start Chromium.
type Options struct {
	// Binary defaults to DefaultBinary.
	Binary string
	// Extension is the unpacked extension's folder (made absolute).
	Extension string
	// MoreExtensions are further unpacked extensions loaded beside it, such
	// as a reference to compare with; ExtensionID gives their ids.
	MoreExtensions []string
	// ProfileDir must be a fresh, empty folder.
	ProfileDir string
	// MapHost, when set, resolves to MapTo ("127.0.0.1:PORT") instead of
	// its real address: Epic's account host, aimed at a local fake.
	MapHost, MapTo string
	// MapOthersTo, when set, is where every other hostname resolves: a
	// sink that records what the browser sends anywhere else.
	MapOthersTo string
	// SPKIHash is the base64 SHA-256 of the certificate key to accept
	// without a trusted chain (the local fake's), or a comma-separated list
	// of them (the fake's and the sink's).
	SPKIHash string
	// Headed opens a visible window; the default is headless.
	Headed bool
	// Lang is the browser's user interface language ("de", "ar", …);
	// Debian's Chromium has only en-US without its chromium-l10n package.
	Lang string
	// Output receives Chromium's own stdout and stderr; nil discards them.
	Output io.Writer
}

// Browser is a running Chromium.
type Browser struct {
	// ExtensionID is the id Chromium gives the unpacked extension.
	ExtensionID string

	ctx         context.Context // the first tab's chromedp context; owns the browser
	cancel      context.CancelFunc
	cancelAlloc context.CancelFunc
	closeOnce   sync.Once
}

// Launch starts Chromium with the extension loaded.
func Launch(o Options) (*Browser, error) {
	if o.Binary == "" {
		o.Binary = DefaultBinary
	}
	if _, err := os.Stat(o.Binary); err != nil {
		return nil, fmt.Errorf("chromium is missing (%w): run `make browsers`", err)
	}
	ext, err := filepath.Abs(o.Extension)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(ext, "manifest.json")); err != nil {
		return nil, fmt.Errorf("no extension at %s (%w): run `make build`", ext, err)
	}
	dirs := []string{ext}
	for _, more := range o.MoreExtensions {
		dir, err := filepath.Abs(more)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
			return nil, fmt.Errorf("no extension at %s: %w", dir, err)
		}
		dirs = append(dirs, dir)
	}
	// Chromium takes a comma-separated list.
	load := strings.Join(dirs, ",")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(o.Binary),
		chromedp.UserDataDir(o.ProfileDir),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.NoSandbox, // we run as root
		chromedp.DisableGPU,
		// This machine's network is closed: keep Chromium from calling home.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("load-extension", load),
		chromedp.Flag("disable-extensions-except", load),
		chromedp.WindowSize(800, 600),
	}
	if !o.Headed {
		opts = append(opts, chromedp.Headless)
	}
	if o.Lang != "" {
		// On Linux, Chromium takes its language from the environment;
		// --lang alone is not enough.
		opts = append(opts, chromedp.Flag("lang", o.Lang), chromedp.Env("LANGUAGE="+o.Lang, "LANG="+o.Lang+".UTF-8"))
	}
	var rules []string
	if o.MapHost != "" {
		rules = append(rules, "MAP "+o.MapHost+" "+o.MapTo)
	}
	if o.MapOthersTo != "" {
		// The first matching rule wins, so Epic's host keeps its own.
		rules = append(rules, "MAP * "+o.MapOthersTo)
	}
	if len(rules) > 0 {
		opts = append(opts, chromedp.Flag("host-resolver-rules", strings.Join(rules, ", ")))
	}
	if o.SPKIHash != "" {
		opts = append(opts, chromedp.Flag("ignore-certificate-errors-spki-list", o.SPKIHash))
	}
	if o.Output != nil {
		opts = append(opts, chromedp.CombinedOutput(o.Output))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &Browser{ExtensionID: ExtensionID(ext), ctx: ctx, cancel: cancel, cancelAlloc: cancelAlloc}
	// The first Run starts the browser and ties its life to its context, so
	// it gets ctx itself, not one with a deadline.
	if err := chromedp.Run(ctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting chromium: %w", err)
	}
	return b, nil
}

// ExtensionID is the id Chromium gives an unpacked extension without a
// manifest key: the SHA-256 of its absolute path, first 32 hex digits, each
// written as a letter a to p.
func ExtensionID(absDir string) string {
	sum := sha256.Sum256([]byte(absDir))
	id := []byte(hex.EncodeToString(sum[:16]))
	for i, c := range id {
		if c <= '9' {
			id[i] = 'a' + (c - '0')
		} else {
			id[i] = 'a' + 10 + (c - 'a')
		}
	}
	return string(id)
}

// Version is the browser's product name and version, such as "Chrome/156.0.0.0".
func (b *Browser) Version() (string, error) {
	ctx, cancel := context.WithTimeout(b.ctx, callTimeout)
	defer cancel()
	var product string
	err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		_, product, _, _, _, err = browser.GetVersion().Do(ctx)
		return err
	}))
	return product, err
}

// URL is the address of a page of the extension, such as "popup.html".
func (b *Browser) URL(page string) string {
	return "chrome-extension://" + b.ExtensionID + "/" + page
}

// NewTab opens a new tab at url.
func (b *Browser) NewTab(url string) (*Page, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	// As with the browser, the first Run ties the tab's life to its context.
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		return nil, err
	}
	p := &Page{ctx: ctx, cancel: cancel}
	if err := p.Navigate(url); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// OpenToolbarPopup clicks the extension's toolbar button, as a person would,
// and attaches to the popup it opens.
func (b *Browser) OpenToolbarPopup() (*Page, error) {
	ctx, cancel := context.WithTimeout(b.ctx, callTimeout)
	defer cancel()
	browser := cdp.WithExecutor(ctx, chromedp.FromContext(b.ctx).Browser)
	// triggerAction wants a tab target, not the page target chromedp uses.
	tabs, err := target.GetTargets().WithFilter(target.Filter{{Type: "tab"}}).Do(browser)
	if err != nil {
		return nil, fmt.Errorf("listing tabs: %w", err)
	}
	if len(tabs) == 0 {
		return nil, errors.New("no tab to open the popup from")
	}
	before, err := chromedp.Targets(b.ctx)
	if err != nil {
		return nil, err
	}
	known := make([]target.ID, 0, len(before))
	for _, t := range before {
		known = append(known, t.TargetID)
	}
	if err := extensions.TriggerAction(b.ExtensionID, string(tabs[0].TargetID)).Do(browser); err != nil {
		return nil, fmt.Errorf("clicking the toolbar button: %w", err)
	}
	popupURL := b.URL("popup.html")
	for {
		targets, err := chromedp.Targets(b.ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range targets {
			if t.Type == "page" && t.URL == popupURL && !slices.Contains(known, t.TargetID) {
				pctx, pcancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(t.TargetID))
				p := &Page{ctx: pctx, cancel: pcancel}
				if err := chromedp.Run(pctx); err != nil {
					pcancel()
					return nil, fmt.Errorf("attaching to the popup: %w", err)
				}
				return p, nil
			}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("the toolbar popup did not open: %w", ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Close asks Chromium to quit, so that it stops writing to its profile, and
// waits for it to exit. Later calls do nothing.
func (b *Browser) Close() {
	b.closeOnce.Do(func() {
		_ = chromedp.Cancel(b.ctx) // on failure, cancelAlloc still ends the process
		b.cancel()
		b.cancelAlloc()
	})
}

// Page is one page target: a tab or the toolbar popup.
type Page struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (p *Page) run(actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(p.ctx, callTimeout)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// Navigate loads url in the page.
func (p *Page) Navigate(url string) error { return p.run(chromedp.Navigate(url)) }

// Eval runs a JavaScript expression and stores its JSON value in out.
func (p *Page) Eval(expression string, out any) error {
	return p.run(chromedp.Evaluate(expression, out))
}

// Await runs a JavaScript expression whose value is a promise, waits for it
// to settle and stores its JSON value in out: one call instead of polling,
// which would take the page's time while it is being measured.
func (p *Page) Await(expression string, out any) error {
	return p.run(chromedp.Evaluate(expression, out, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
}

// AddScriptOnNewDocument runs source in every document the page loads from
// now on, before the document's own scripts.
func (p *Page) AddScriptOnNewDocument(source string) error {
	return p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(source).Do(ctx)
		return err
	}))
}

// CollectConsole records, from now on, everything the page's documents
// write to the console, the exceptions they throw and the browser's own log
// entries about them (failed loads, policy violations), with their URLs, as
// DevTools shows them. messages returns what was recorded so far.
func (p *Page) CollectConsole() (messages func() []string, err error) {
	var (
		mu    sync.Mutex
		lines []string
	)
	chromedp.ListenTarget(p.ctx, func(ev any) {
		var line string
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			parts := make([]string, 0, len(ev.Args))
			for _, a := range ev.Args {
				parts = append(parts, remoteObjectText(a))
			}
			line = "console." + string(ev.Type) + ": " + strings.Join(parts, " ")
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			line = "exception: " + d.Text + " " + d.URL
			if d.Exception != nil {
				line += " " + remoteObjectText(d.Exception)
			}
		case *cdplog.EventEntryAdded:
			line = "log." + string(ev.Entry.Level) + ": " + ev.Entry.Text + " " + ev.Entry.URL
		default:
			return
		}
		mu.Lock()
		lines = append(lines, line)
		mu.Unlock()
	})
	err = p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		if err := runtime.Enable().Do(ctx); err != nil {
			return err
		}
		return cdplog.Enable().Do(ctx)
	}))
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(lines)
	}, err
}

// remoteObjectText is a console argument as text: its value, description
// and, for an object, the values DevTools previews.
func remoteObjectText(o *runtime.RemoteObject) string {
	parts := []string{string(o.Value), string(o.UnserializableValue), o.Description}
	if o.Preview != nil {
		for _, prop := range o.Preview.Properties {
			parts = append(parts, prop.Name+"="+prop.Value)
		}
	}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " ")
}

// Trace records a Chromium trace of the given categories (all the
// browser's processes) while fn runs, and returns it in the trace event
// format that chrome://tracing and Perfetto open. fn's error is returned
// with the trace.
func (p *Page) Trace(categories []string, fn func() error) ([]byte, error) {
	var (
		mu     sync.Mutex
		events []json.RawMessage
		once   sync.Once
	)
	done := make(chan struct{})
	// The listener lives as long as lctx: a later trace has its own.
	lctx, stop := context.WithCancel(p.ctx)
	defer stop()
	chromedp.ListenTarget(lctx, func(ev any) {
		if lctx.Err() != nil {
			return
		}
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range e.Value {
				if b, err := json.Marshal(v); err == nil {
					events = append(events, b)
				}
			}
		case *tracing.EventTracingComplete:
			once.Do(func() { close(done) })
		}
	})
	start := tracing.Start().
		WithTraceConfig(&tracing.TraceConfig{IncludedCategories: categories}).
		WithTransferMode(tracing.TransferModeReportEvents)
	if err := p.run(start); err != nil {
		return nil, err
	}
	ranErr := fn()
	if err := p.run(tracing.End()); err != nil {
		return nil, err
	}
	select {
	case <-done:
	case <-time.After(callTimeout):
		return nil, errors.New("the trace did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	trace, err := json.Marshal(map[string]any{"traceEvents": events})
	if err != nil {
		return nil, err
	}
	return trace, ranErr
}

// BringToFront makes the page the visible tab: a tab in the background does
// not paint and its animation frames do not run.
func (p *Page) BringToFront() error { return p.run(page.BringToFront()) }

// Click clicks the first element matching css with the mouse.
func (p *Page) Click(css string) error {
	return p.run(chromedp.Click(css, chromedp.ByQuery, chromedp.NodeVisible))
}

// DoubleClick double-clicks the first element matching css with the mouse:
// two presses, the second with a click count of 2, as a real mouse sends them.
// (chromedp.DoubleClick sends one press with a count of 2: a single click
// event, which no person can produce.)
func (p *Page) DoubleClick(css string) error {
	return p.run(chromedp.QueryAfter(css, func(ctx context.Context, _ runtime.ExecutionContextID, nodes ...*cdp.Node) error {
		if len(nodes) == 0 {
			return fmt.Errorf("no element matches %s", css)
		}
		if err := chromedp.MouseClickNode(nodes[0]).Do(ctx); err != nil {
			return err
		}
		return chromedp.MouseClickNode(nodes[0], chromedp.ClickCount(2)).Do(ctx)
	}, chromedp.ByQuery, chromedp.NodeVisible))
}

// Type focuses the first element matching css and types text with the keyboard.
func (p *Page) Type(css, text string) error {
	return p.run(chromedp.SendKeys(css, text, chromedp.ByQuery, chromedp.NodeVisible))
}

// keys maps DOM key names to what chromedp's keyboard types.
var keys = map[string]string{"Tab": kb.Tab, "Enter": kb.Enter, "Escape": kb.Escape, "ArrowDown": kb.ArrowDown}

// Press presses and releases one key, named as the DOM names it ("Tab",
// "Enter", "Escape", "ArrowDown", or "Shift+Tab"), with keyboard input sent
// to whatever has the focus.
func (p *Page) Press(key string) error {
	var opts []chromedp.KeyOption
	if name, ok := strings.CutPrefix(key, "Shift+"); ok {
		key = name
		opts = append(opts, chromedp.KeyModifiers(input.ModifierShift))
	}
	k, ok := keys[key]
	if !ok {
		return fmt.Errorf("no key named %q", key)
	}
	return p.run(chromedp.KeyEvent(k, opts...))
}

// A held key repeats as a keyboard's does: first after RepeatDelay, then
// every RepeatEvery.
const (
	RepeatDelay = 500 * time.Millisecond
	RepeatEvery = 50 * time.Millisecond
)

// HoldKey presses one key (named as for Press, without modifiers) and holds
// it down for hold before releasing it, with keyboard input sent to whatever
// has the focus. Meanwhile the key repeats as a keyboard repeats it: more
// keydown (and, for Enter, keypress) events, marked as repeats
// (KeyboardEvent.repeat).
//
// Each press is one keyDown carrying the key's text, as a keyboard's press
// reaches the page: the keypress (which makes Enter press a button) follows
// only when the keydown was not cancelled. chromedp's KeyEvent sends the
// text as a second event, whose keypress comes even after a cancelled
// keydown.
func (p *Page) HoldKey(key string, hold time.Duration) error {
	k, ok := keys[key]
	if !ok {
		return fmt.Errorf("no key named %q", key)
	}
	events := kb.Encode([]rune(k)[0])
	down, up := *events[0], events[len(events)-1]
	if len(events) == 3 { // keyDown, char, keyUp
		down.Text, down.UnmodifiedText = events[1].Text, events[1].UnmodifiedText
	}
	ctx, cancel := context.WithTimeout(p.ctx, hold+callTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		send := func(repeat bool) error {
			e := down
			e.AutoRepeat = repeat
			return e.Do(ctx)
		}
		start := time.Now()
		err := send(false)
		for at := RepeatDelay; err == nil && at < hold; at += RepeatEvery {
			if err = sleepUntil(ctx, start.Add(at)); err == nil {
				err = send(true)
			}
		}
		if err == nil {
			err = sleepUntil(ctx, start.Add(hold))
		}
		// Released even after a failure, so that no key stays down.
		return errors.Join(err, up.Do(ctx))
	}))
}

// sleepUntil waits until t or until ctx ends.
func sleepUntil(ctx context.Context, t time.Time) error {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// SetOffline makes the page see navigator.onLine false (or true again).
func (p *Page) SetOffline(offline bool) error {
	return p.run(network.Enable(), network.OverrideNetworkState(offline, 0, -1, -1))
}

// GrantClipboardRead lets origin read the clipboard without asking, so a
// test can read what the page copied.
func (p *Page) GrantClipboardRead(origin string) error {
	return p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		return browser.SetPermission(&browser.PermissionDescriptor{Name: "clipboard-read"}, browser.PermissionSettingGranted).
			WithOrigin(origin).Do(cdp.WithExecutor(ctx, chromedp.FromContext(ctx).Browser))
	}))
}

// Paste focuses the first element matching css and inserts text at once,
// as a paste does: one input event, not one per character.
func (p *Page) Paste(css, text string) error {
	return p.run(chromedp.Focus(css, chromedp.ByQuery, chromedp.NodeVisible), input.InsertText(text))
}

// SetCookie puts a cookie for url into the browser's own cookie store, as a
// site's answer would: Secure, SameSite=None, kept until expires.
func (p *Page) SetCookie(url, name, value string, expires time.Time) error {
	at := cdp.TimeSinceEpoch(expires)
	return p.run(network.SetCookie(name, value).WithURL(url).WithSecure(true).
		WithSameSite(network.CookieSameSiteNone).WithExpires(&at))
}

// DeleteCookie removes the cookie name of url from the browser's cookie store.
func (p *Page) DeleteCookie(url, name string) error {
	return p.run(network.DeleteCookies(name).WithURL(url))
}

// SetViewport sizes the page, which also decides the screenshot's size.
func (p *Page) SetViewport(width, height int64) error {
	return p.run(chromedp.EmulateViewport(width, height))
}

// SetDarkMode makes the page see prefers-color-scheme: dark (or light).
func (p *Page) SetDarkMode(dark bool) error {
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	return p.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme},
	}))
}

// Screenshot returns a PNG of the page's viewport.
func (p *Page) Screenshot() ([]byte, error) {
	var png []byte
	// A tab in the background never paints, and capturing it waits forever.
	err := p.run(page.BringToFront(), chromedp.CaptureScreenshot(&png))
	return png, err
}

// Close closes the page's target.
func (p *Page) Close() { p.cancel() }
