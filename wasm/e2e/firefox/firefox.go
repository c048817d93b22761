//go:build !js

package firefox

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
)

// DefaultBinary is where Debian's firefox-esr package installs Firefox.
const DefaultBinary = "/usr/bin/firefox-esr"

const (
	portPollInterval = 50 * time.Millisecond
	quitTimeout      = 5 * time.Second
	exitTimeout      = 10 * time.Second
	// outputDrainDelay bounds how long Wait copies output after Firefox exits:
	// its child processes can keep the output pipe open.
	outputDrainDelay = 2 * time.Second
)

// Options configures Launch.
type Options struct {
	Binary     string         // default DefaultBinary
	ProfileDir string         // required: a fresh empty directory, e.g. t.TempDir()
	Prefs      map[string]any // extra prefs (string, integer or bool) written after the defaults, so they override them
	Stderr     io.Writer      // receives Firefox's own output; nil discards it
}

// Browser is a headless Firefox driven through its Marionette session.
type Browser struct {
	*Client
	cmd     *exec.Cmd
	exited  chan struct{}
	waitErr error

	closeOnce sync.Once
	closeErr  error
}

// pref is one Firefox preference.
type pref struct {
	Name  string
	Value any
}

// defaultPrefs keep Firefox quiet and offline: no updates, telemetry, remote
// settings, safe browsing, captive portal probes or first-run pages.
var defaultPrefs = []pref{
	// Port 0 lets the OS pick a free port; Firefox writes it to MarionetteActivePort.
	{"marionette.port", 0},
	{"network.trr.mode", 5},
	{"app.update.disabledForTesting", true},
	{"app.update.auto", false},
	{"app.normandy.enabled", false},
	{"app.shield.optoutstudies.enabled", false},
	{"extensions.update.enabled", false},
	{"extensions.getAddons.cache.enabled", false},
	{"services.settings.server", "data:,"},
	{"datareporting.policy.dataSubmissionEnabled", false},
	{"datareporting.healthreport.uploadEnabled", false},
	{"toolkit.telemetry.enabled", false},
	{"toolkit.telemetry.unified", false},
	{"toolkit.telemetry.server", "data:,"},
	{"toolkit.telemetry.reportingpolicy.firstRun", false},
	{"browser.ping-centre.telemetry", false},
	{"network.captive-portal-service.enabled", false},
	{"network.connectivity-service.enabled", false},
	{"browser.safebrowsing.malware.enabled", false},
	{"browser.safebrowsing.phishing.enabled", false},
	{"browser.safebrowsing.blockedURIs.enabled", false},
	{"browser.safebrowsing.downloads.enabled", false},
	{"browser.safebrowsing.downloads.remote.enabled", false},
	{"browser.safebrowsing.passwords.enabled", false},
	{"browser.shell.checkDefaultBrowser", false},
	{"browser.startup.homepage_override.mstone", "ignore"},
	{"browser.startup.page", 0},
	{"browser.aboutwelcome.enabled", false},
	{"browser.newtabpage.enabled", false},
	{"browser.tabs.warnOnClose", false},
	{"browser.warnOnQuit", false},
	{"browser.sessionstore.resume_from_crash", false},
}

// Launch starts headless Firefox with a Marionette server, connects to it and
// opens a session that accepts insecure certificates. ctx bounds the startup only.
func Launch(ctx context.Context, o Options) (*Browser, error) {
	if o.ProfileDir == "" {
		return nil, errors.New("firefox: Options.ProfileDir is required")
	}
	if err := writeUserJSFile(o.ProfileDir, o.Prefs); err != nil {
		return nil, err
	}
	portFile := filepath.Join(o.ProfileDir, "MarionetteActivePort")
	// A file left by an earlier run would point at a dead port.
	if err := os.Remove(portFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("firefox: %w", err)
	}

	binary := cmp.Or(o.Binary, DefaultBinary)
	if _, err := exec.LookPath(binary); err != nil {
		return nil, fmt.Errorf("firefox is missing (%w): run `make browsers`", err)
	}
	cmd := exec.Command(binary,
		"--headless", "--marionette",
		// Without it Marionette refuses to navigate to moz-extension:// pages.
		"--remote-allow-system-access",
		"--no-remote", "--profile", o.ProfileDir, "about:blank")
	cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1")
	cmd.Stdout, cmd.Stderr = o.Stderr, o.Stderr
	cmd.WaitDelay = outputDrainDelay
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("firefox: %w", err)
	}
	b := &Browser{cmd: cmd, exited: make(chan struct{})}
	go func() {
		b.waitErr = cmd.Wait()
		close(b.exited)
	}()

	client, err := b.connect(ctx, portFile)
	if err == nil {
		b.Client = client
		if err = client.NewSession(ctx, true); err != nil {
			client.Close()
		}
	}
	if err != nil {
		b.kill()
		return nil, fmt.Errorf("firefox: %w", err)
	}
	return b, nil
}

// connect waits for Firefox to publish its Marionette port, then dials it.
func (b *Browser) connect(ctx context.Context, portFile string) (*Client, error) {
	tick := time.NewTicker(portPollInterval)
	defer tick.Stop()
	for {
		if port, ok := readPort(portFile); ok {
			client, err := Dial(ctx, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
			if err == nil {
				return client, nil
			}
			if ctx.Err() != nil {
				return nil, fmt.Errorf("connecting to Marionette: %w", err)
			}
			// The port file may appear just before the server accepts; retry.
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %s: %w", portFile, ctx.Err())
		case <-b.exited:
			return nil, fmt.Errorf("firefox exited before Marionette started: %v", b.waitErr)
		case <-tick.C:
		}
	}
}

func readPort(portFile string) (int, bool) {
	data, err := os.ReadFile(portFile)
	if err != nil {
		return 0, false
	}
	port, err := strconv.Atoi(strings.TrimSpace(string(data)))
	return port, err == nil && port > 0 && port < 65536
}

// Exited is closed once the Firefox process has exited.
func (b *Browser) Exited() <-chan struct{} { return b.exited }

// Close asks Firefox to quit, waits for it to exit and kills it if it does not.
// Calling Close again returns the first result.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() { b.closeErr = b.shutdown() })
	return b.closeErr
}

func (b *Browser) shutdown() error {
	ctx, cancel := context.WithTimeout(context.Background(), quitTimeout)
	// The reply to Quit may be lost as Firefox drops the connection; only the exit counts.
	_, quitErr := b.Client.Call(ctx, "Marionette:Quit", nil)
	cancel()
	b.Client.Close()
	select {
	case <-b.exited:
		return nil
	case <-time.After(exitTimeout):
	}
	b.kill()
	return fmt.Errorf("firefox: still running %v after Marionette:Quit (quit error: %v); killed it", exitTimeout, quitErr)
}

func (b *Browser) kill() {
	select {
	case <-b.exited:
	default:
		b.cmd.Process.Kill()
		<-b.exited
	}
}

func writeUserJSFile(profileDir string, extra map[string]any) error {
	var buf bytes.Buffer
	if err := writeUserJS(&buf, defaultPrefs, extra); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(profileDir, "user.js"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("firefox: %w", err)
	}
	return nil
}

// writeUserJS writes defaults, then extra sorted by name. Firefox applies
// user.js top to bottom, so extra prefs override defaults of the same name.
func writeUserJS(w io.Writer, defaults []pref, extra map[string]any) error {
	prefs := slices.Clone(defaults)
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		prefs = append(prefs, pref{name, extra[name]})
	}
	for _, p := range prefs {
		line, err := formatPref(p)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// formatPref renders one user.js line: user_pref("name", value);
func formatPref(p pref) (string, error) {
	var value string
	switch v := p.Value.(type) {
	case string:
		value = quotePrefString(v)
	case bool:
		value = strconv.FormatBool(v)
	case int:
		return formatIntPref(p.Name, int64(v))
	case int8:
		return formatIntPref(p.Name, int64(v))
	case int16:
		return formatIntPref(p.Name, int64(v))
	case int32:
		return formatIntPref(p.Name, int64(v))
	case int64:
		return formatIntPref(p.Name, v)
	case uint8:
		return formatIntPref(p.Name, int64(v))
	case uint16:
		return formatIntPref(p.Name, int64(v))
	default:
		return "", fmt.Errorf("firefox: pref %q: unsupported type %T (want string, integer or bool)", p.Name, p.Value)
	}
	return fmt.Sprintf("user_pref(%s, %s);", quotePrefString(p.Name), value), nil
}

// formatIntPref rejects values outside int32: Firefox stores integer prefs as 32 bits.
func formatIntPref(name string, v int64) (string, error) {
	if v < math.MinInt32 || v > math.MaxInt32 {
		return "", fmt.Errorf("firefox: pref %q: %d does not fit Firefox's 32-bit integer prefs", name, v)
	}
	return fmt.Sprintf("user_pref(%s, %d);", quotePrefString(name), v), nil
}

// quotePrefString quotes s as a JSON string that Firefox's pref parser reads
// back unchanged. Control and non-printable characters become \uXXXX, the one
// escape form both grammars share.
func quotePrefString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			for _, unit := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, `\u%04x`, unit)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
