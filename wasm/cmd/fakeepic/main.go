// Command fakeepic serves the fake Epic account service over TLS on
// loopback, for the demo and for manual testing in a browser that maps
// account-public-service-prod.ol.epicgames.com to it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "fakeepic:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends. It prints how to reach the server on stdout and
// logs requests on stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("fakeepic", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8443", "address to listen on")
	demo := flags.Bool("demo", true, "seed the demo account and print its tokens")
	if err := flags.Parse(args); err != nil {
		return err
	}
	service := fakeepic.New()
	var tokens []fakeepic.DemoToken
	if *demo {
		tokens = fakeepic.Demo(service)
	}
	srv, err := fakeepic.ServeTLS(logRequests(service, log.New(stderr, "", log.LstdFlags)), *addr)
	if err != nil {
		return err
	}
	defer srv.Close()

	fmt.Fprintf(stdout, "listening on %s\n", srv.URL)
	fmt.Fprintf(stdout, "spki sha256: %s\n", srv.SPKIHash)
	fmt.Fprintf(stdout, "--host-resolver-rules=\"MAP %s %s\" --ignore-certificate-errors-spki-list=%s\n",
		fakeepic.EpicHost, srv.Addr, srv.SPKIHash)
	fmt.Fprintf(stdout, "firefox about:config: network.dns.localDomains=%s network.socket.forcePort=443=%d (then accept the certificate at https://%s/)\n",
		fakeepic.EpicHost, srv.Port, fakeepic.EpicHost)
	if len(tokens) > 0 {
		fmt.Fprintln(stdout, "demo tokens (kills and removed saved logins are real: restart to get them back):")
	}
	for i, t := range tokens {
		fmt.Fprintf(stdout, "%d. %s  %s: %s\n", i+1, t.Token, t.Label, t.Shows)
	}
	// The last line: scripts and tests wait for it before reading the rest.
	fmt.Fprintln(stdout, serving)

	<-ctx.Done()
	return srv.Close()
}

// serving ends the command's start-up output.
const serving = "serving until Ctrl-C"

// statusWriter remembers the status for the log line.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs method, path, query and status of each request. Tokens are
// secrets even in a fake, so the Authorization header is never logged and any
// token in the path or query is replaced by "{token}"; the ids of a device
// auth path are logged by name, whatever they hold.
func logRequests(h http.Handler, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			status := "dropped"
			if sw.status != 0 {
				status = fmt.Sprint(sw.status)
			}
			logger.Printf("%s %s %s -> %s", r.Method, redactPath(r.URL.Path), redactQuery(r.URL.Query()), status)
		}()
		h.ServeHTTP(sw, r)
	})
}

const (
	killOnePrefix = "/account/api/oauth/sessions/kill/"
	// accountPrefix + {accountId} + "/deviceAuth" [+ "/" + {deviceId}]
	accountPrefix = "/account/api/public/account/"
)

func redactPath(path string) string {
	if strings.HasPrefix(path, killOnePrefix) {
		return killOnePrefix + "{token}"
	}
	if rest, ok := strings.CutPrefix(path, accountPrefix); ok && rest != "" {
		segments := strings.Split(rest, "/")
		segments[0] = "{accountId}"
		if len(segments) > 2 && segments[1] == "deviceAuth" {
			segments[2] = "{deviceId}"
		}
		return accountPrefix + redactSegments(segments)
	}
	return redactSegments(strings.Split(path, "/"))
}

// redactSegments joins path segments, each that looks like a token replaced.
func redactSegments(segments []string) string {
	for i, seg := range segments {
		if looksLikeToken(seg) {
			segments[i] = "{token}"
		}
	}
	return strings.Join(segments, "/")
}

// safeQueryParams are Epic's own parameters, whose values carry no secret.
var safeQueryParams = map[string]bool{"killType": true, "includePerms": true, "killAllWithSameSource": true}

func redactQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		for _, v := range q[k] {
			if !safeQueryParams[k] || looksLikeToken(v) {
				v = "{redacted}"
			}
			parts = append(parts, k+"="+v)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "&")
}

func looksLikeToken(s string) bool {
	if strings.HasPrefix(s, "eg1~") {
		return true
	}
	if len(s) != 32 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}
