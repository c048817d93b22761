//go:build !js

// Package demo runs the packaged extension against the fake account service:
// a newcomer's first look, and the proof that the whole thing works.
package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/chromium"
	"github.com/epicsessionkiller/epic-session-killer/wasm/e2e/popuppage"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// KillType is what the headless demo signs out: the kind every published
// game client may use.
const KillType = "OTHERS_ACCOUNT_CLIENT"

// Options says where things are and how to show them.
type Options struct {
	// Extension is the unpacked extension, normally dist/unpacked.
	Extension string
	// Artifacts is where the headless demo writes its screenshot.
	Artifacts string
	// Headless performs one kill without a window and returns; otherwise a
	// Chromium window stays open until ctx ends.
	Headless bool
}

// Run starts the fake account service with the demo account, opens Chromium
// with the extension loaded and Epic's host mapped to the fake, and prints
// the demo tokens. Headless, it also pastes the first token, kills
// KillType and prints the outcome and the screenshot's path, then lists the
// saved logins with the second token and checks that the first, which may
// not list them, is not offered them.
func Run(ctx context.Context, o Options, out io.Writer) error {
	service := fakeepic.New()
	tokens := fakeepic.Demo(service)
	if len(tokens) == 0 {
		return fmt.Errorf("the demo account has no tokens")
	}
	srv, err := fakeepic.ServeTLS(service, "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Fprintf(out, "Fake Epic account service on https://%s (certificate key sha256 %s)\n", srv.Addr, srv.SPKIHash)

	profile, err := os.MkdirTemp("", "session-killer-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	b, err := chromium.Launch(chromium.Options{
		Extension:  o.Extension,
		ProfileDir: profile,
		MapHost:    fakeepic.EpicHost,
		MapTo:      srv.Addr,
		SPKIHash:   srv.SPKIHash,
		Headed:     !o.Headless,
	})
	if err != nil {
		return err
	}
	defer b.Close()

	fmt.Fprintf(out, "Chromium has the extension loaded; %s resolves to the fake.\n\n", fakeepic.EpicHost)
	fmt.Fprintln(out, "Demo tokens (paste one into the popup):")
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, tok := range tokens {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", tok.Token, tok.Label, tok.Shows)
	}
	tw.Flush()
	fmt.Fprintln(out)

	tab, err := b.NewTab(b.URL("popup.html"))
	if err != nil {
		return err
	}
	if !o.Headless {
		fmt.Fprintf(out, "The popup is open in a tab (%s); the toolbar's puzzle-piece menu opens it too.\n", b.URL("popup.html"))
		fmt.Fprintln(out, "Press Ctrl-C to stop.")
		<-ctx.Done()
		return nil
	}
	if err := killOnce(tab, tokens[0], service, o.Artifacts, out); err != nil {
		return err
	}
	return listSavedLogins(tab, tokens[1], tokens[0], o.Artifacts, out)
}

// listSavedLogins pastes withLogins, whose permissions let it list the
// account's saved logins, opens them and reports what they show; then
// pastes without, whose permissions do not, and reports that the popup
// does not offer them.
func listSavedLogins(p *chromium.Page, withLogins, without fakeepic.DemoToken, artifacts string, out io.Writer) error {
	fmt.Fprintf(out, "\nHeadless: pasting %q (%s) and opening Saved logins…\n", withLogins.Token, withLogins.Label)
	if err := paste(p, withLogins.Token); err != nil {
		return err
	}
	if err := popuppage.WaitFor(p, `!document.getElementById("saved-logins").hidden`, 20*time.Second); err != nil {
		return fmt.Errorf("the popup does not offer the saved logins: %w", err)
	}
	if err := p.Click("#saved-logins-title"); err != nil {
		return err
	}
	if err := popuppage.WaitFor(p, `document.querySelectorAll("#logins li[data-device-id]").length > 0`, 20*time.Second); err != nil {
		return fmt.Errorf("no saved logins were listed (%s): %w", popuppage.Shown(p), err)
	}
	var names []string
	if err := p.Eval(`[...document.querySelectorAll("#logins .login-name")].map(e => e.textContent)`, &names); err != nil {
		return err
	}
	fmt.Fprintf(out, "Saved logins listed: %s\n", strings.Join(names, "; "))
	if err := screenshot(p, filepath.Join(artifacts, "saved-logins.png"), out); err != nil {
		return err
	}

	fmt.Fprintf(out, "Headless: pasting %q (%s)…\n", without.Token, without.Label)
	if err := paste(p, without.Token); err != nil {
		return err
	}
	var offered bool
	if err := p.Eval(`!document.getElementById("saved-logins").hidden`, &offered); err != nil {
		return err
	}
	if offered {
		return fmt.Errorf("the popup offers saved logins to a token whose permissions do not allow listing them")
	}
	fmt.Fprintln(out, "Saved logins: not offered, since this token's permissions lack account:public:account:deviceAuths READ")
	return nil
}

// paste types token into the token field and waits until the popup holds
// it and Epic has confirmed it: the line about the token held changes
// first, and the status says so only once Epic answered.
func paste(p *chromium.Page, token string) error {
	var before string
	if err := p.Eval(`document.getElementById("token-line").textContent`, &before); err != nil {
		return err
	}
	if err := p.Type("#token", token); err != nil {
		return err
	}
	confirmed := strconv.Quote(messages.English.Text(messages.Of(messages.TokenConfirmed)))
	return popuppage.WaitFor(p, `document.getElementById("token-line").textContent !== `+strconv.Quote(before)+
		` && document.getElementById("token-status").textContent === `+confirmed, 20*time.Second)
}

// screenshot writes the popup at its real size, as the toolbar shows it:
// as tall as its page, at most 600 px.
func screenshot(p *chromium.Page, path string, out io.Writer) error {
	var height int64
	if err := p.Eval(`Math.ceil(document.body.getBoundingClientRect().height)`, &height); err != nil {
		return err
	}
	if err := p.SetViewport(400, min(max(height, 1), 600)); err != nil {
		return err
	}
	png, err := p.Screenshot()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "Screenshot: %s\n", path)
	return nil
}

// killOnce does what a person would do first and reports what happened.
func killOnce(p *chromium.Page, tok fakeepic.DemoToken, service *fakeepic.Service, artifacts string, out io.Writer) error {
	if err := p.SetViewport(400, 600); err != nil {
		return err
	}
	if err := popuppage.WaitReady(p, 20*time.Second); err != nil {
		return err
	}
	fmt.Fprintf(out, "Headless: pasting %q (%s) and killing %s…\n", tok.Token, tok.Label, KillType)
	res, err := popuppage.Kill(p, tok.Token, KillType, 20*time.Second)
	if err != nil {
		return err
	}
	for _, r := range service.Requests() {
		fmt.Fprintf(out, "The fake received: %s %s?%s\n", r.Method, r.Path, r.Query.Encode())
	}
	fmt.Fprintf(out, "The popup shows (%s): %s\n", res.Outcome, res.Text)

	if err := screenshot(p, filepath.Join(artifacts, "popup.png"), out); err != nil {
		return err
	}
	if res.Outcome != popuppage.Success {
		return fmt.Errorf("the demo kill did not succeed: %s", res)
	}
	return nil
}
