#!/usr/bin/env bash
# Recipes behind the Makefile.
# Usage: ./build.sh build|lint|test-native|test-wasm|test-e2e|lint-ext|browsers|demo|bench|bench-check|fuzz|screenshots|clean
set -euo pipefail
cd "$(dirname "$0")"

DIST=${DIST:-dist}
UNPACKED=$DIST/unpacked
# Tools the recipes make for themselves live here (ignored by git).
BIN=$PWD/.bin
# Debian's Chromium binary; /usr/bin/chromium is a wrapper that adds flags.
CHROMIUM=/usr/lib/chromium/chromium
FIREFOX=/usr/bin/firefox-esr
# web-ext lints the Firefox package; pinned so a new release cannot change the verdict.
WEB_EXT_VERSION=10.7.0
WEB_EXT=$BIN/web-ext/node_modules/.bin/web-ext
# axe-core checks every popup state in the end-to-end tests; pinned likewise.
AXE_VERSION=4.14.1
AXE=$BIN/axe-core/node_modules/axe-core
# The end-to-end package needs dist/unpacked, so the plain native run leaves it out.
E2E=./wasm/e2e

say() { printf '==> %s\n' "$*"; }

version() {
	sed -n 's/^  "version": "\(.*\)",$/\1/p' manifest.json
}

build() {
	say "build $UNPACKED"
	rm -rf "$DIST"
	mkdir -p "$UNPACKED/extension/icons"
	cp manifest.json popup.html "$UNPACKED/"
	cp extension/popup.js extension/popup.css "$UNPACKED/extension/"
	cp extension/icons/*.png "$UNPACKED/extension/icons/"
	# The browsers look for the message catalogs beside manifest.json.
	cp -r extension/_locales "$UNPACKED/"
	# The glue must come from the same Go release as the compiler.
	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$UNPACKED/extension/"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$UNPACKED/extension/main.wasm" ./wasm
	# Same memory image in a few data segments: about 110 KB less after gzip.
	go run ./wasm/cmd/wasmpack "$UNPACKED/extension/main.wasm"
	# popup.js keeps a copy of main.wasm under this build's hash.
	local hash
	hash=$(sha256sum "$UNPACKED/extension/main.wasm" | cut -c1-16)
	sed -i "s/^\( *\)const WASM_VERSION = 'dev';$/\1const WASM_VERSION = '$hash';/" "$UNPACKED/extension/popup.js"
	grep -q "^ *const WASM_VERSION = '$hash';$" "$UNPACKED/extension/popup.js" || {
		echo "build: could not stamp main.wasm's hash into popup.js" >&2
		exit 1
	}

	local v name
	v=$(version)
	name=epic-session-killer-$v
	# Firefox gets exactly what is unpacked; Chrome the same without the
	# Firefox-only manifest block, which Chrome reports as an unknown key.
	(cd "$UNPACKED" && zip -qrX "../$name-firefox.zip" .)
	local chrome=$DIST/chrome
	cp -r "$UNPACKED" "$chrome"
	go run ./wasm/cmd/chromemanifest <manifest.json >"$chrome/manifest.json"
	(cd "$chrome" && zip -qrX "../$name-chrome.zip" .)
	rm -rf "$chrome"

	local raw gz
	raw=$(wc -c <"$UNPACKED/extension/main.wasm")
	gz=$(gzip -9c "$UNPACKED/extension/main.wasm" | wc -c)
	say "main.wasm: $raw bytes raw, $gz bytes gzip -9"
	ls -l "$DIST"/*.zip
}

lint() {
	say "lint"
	local unformatted
	unformatted=$(gofmt -l .)
	if [ -n "$unformatted" ]; then
		echo "gofmt would change:" >&2
		echo "$unformatted" >&2
		exit 1
	fi
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./...
}

test_native() {
	say "native tests"
	# shellcheck disable=SC2046 # one package path per word
	go test -race -count=1 $(go list ./... | grep -v '/wasm/e2e$')
}

# browsers makes sure Chromium, Firefox ESR, the pinned web-ext and axe-core
# are there.
# As root on a Debian-like machine it installs what is missing (one apt-get
# update, one install); otherwise it stops and prints the command to run. It
# also puts a headless_shell shim first on PATH for chromedp (inside
# wasmbrowsertest) to find.
browsers() {
	local missing=()
	[ -x "$CHROMIUM" ] || missing+=(chromium)
	[ -x "$FIREFOX" ] || missing+=(firefox-esr)
	command -v npm >/dev/null || missing+=(nodejs npm)
	# The popup's languages end to end: Debian's Chromium speaks only en-US
	# without its l10n package, Firefox ESR one language per package, and
	# Japanese needs a font of its own to be drawn (and measured) at all.
	local pkg
	for pkg in chromium-l10n firefox-esr-l10n-de firefox-esr-l10n-ja firefox-esr-l10n-ar fonts-ipafont-gothic; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
			say "installing ${missing[*]}"
			apt-get update
			DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
		else
			echo "Missing: ${missing[*]}. Install them, then run make test again:" >&2
			echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
			exit 1
		fi
	fi
	if [ "$("$WEB_EXT" --version 2>/dev/null)" != "$WEB_EXT_VERSION" ]; then
		say "installing web-ext $WEB_EXT_VERSION"
		npm install --prefix "$BIN/web-ext" --no-audit --no-fund --loglevel=error "web-ext@$WEB_EXT_VERSION"
	fi
	if [ "$(node -p 'require(process.argv[1]).version' "$AXE/package.json" 2>/dev/null)" != "$AXE_VERSION" ]; then
		say "installing axe-core $AXE_VERSION"
		npm install --prefix "$BIN/axe-core" --no-audit --no-fund --loglevel=error "axe-core@$AXE_VERSION"
	fi
	mkdir -p "$BIN"
	cat >"$BIN/headless_shell" <<EOF
#!/bin/sh
exec $CHROMIUM --disable-gpu --disable-component-update --disable-background-networking "\$@"
EOF
	chmod +x "$BIN/headless_shell"
}

test_wasm() {
	browsers
	say "wasm tests in headless Chromium"
	# wasmbrowsertest leaves a folder of Chromium's behind in the temporary
	# folder for every package; this run gets a temporary folder of its own.
	local tmp rc=0
	tmp=$(mktemp -d)
	# wasmbrowsertest is a module tool: build it for this machine, not for js/wasm.
	PATH=$BIN:$PATH TMPDIR=$tmp GOOS=js GOARCH=wasm go test -count=1 -timeout 180s \
		-exec 'env GOOS= GOARCH= go tool wasmbrowsertest' ./wasm/... || rc=$?
	rm -rf "$tmp"
	return "$rc"
}

# test_e2e drives dist/unpacked in headless Chromium and Firefox ESR against
# the fake account service. Screenshots land in artifacts/e2e.
test_e2e() {
	browsers
	say "end-to-end tests in Chromium and Firefox ESR"
	go test -count=1 -timeout 1500s "$E2E"
}

# lint_ext runs web-ext lint on the Firefox package: 0 errors, 0 warnings.
lint_ext() {
	browsers
	say "web-ext $WEB_EXT_VERSION lint $UNPACKED"
	"$WEB_EXT" lint --source-dir "$UNPACKED" --warnings-as-errors --no-input
}

demo() {
	build
	browsers
	go run ./wasm/cmd/demo
}

# bench prints the popup's start-up and click figures against the plain-JS
# reference (wasm/bench); extra arguments go to the bench, e.g. -rounds 50.
bench() {
	build
	browsers
	say "bench"
	go run ./wasm/cmd/bench "$@"
}

# The fuzz targets: package and function. fuzz runs each for FUZZTIME
# (make test: a few seconds; make fuzz: longer), from the committed seeds
# under testdata/fuzz.
FUZZ_TARGETS=(
	"./wasm/internal/epic FuzzParseToken"
	"./wasm/internal/epic FuzzDecodeEG1"
	"./wasm/internal/epic FuzzDecodePermissionClaim"
	"./wasm/internal/epic FuzzDecodeAnswer"
	"./wasm/internal/epic FuzzParseKillType"
	"./wasm/internal/epic FuzzJSONReadersMatchEncodingJSON"
	"./wasm/internal/epic FuzzDecodeDeviceAuths"
	"./wasm/internal/explain FuzzExplain"
	"./wasm/internal/explain FuzzExplainAnswer"
	"./wasm/internal/inflate FuzzZlib"
	"./wasm/internal/inflate FuzzInflate"
	"./wasm/internal/inflate FuzzZlibRoundTrip"
	"./wasm/internal/jsonvalue FuzzParse"
	"./wasm/internal/jsonvalue FuzzAppendString"
	"./wasm/internal/jsonvalue FuzzParseArrayPrefix"
	"./wasm/internal/popup FuzzStoredValuesMatchEncodingJSON"
	"./wasm/internal/popup FuzzController"
	"./wasm/internal/popup FuzzTokenFacts"
	"./wasm/internal/timestamp FuzzParseMatchesTime"
	"./wasm/internal/timestamp FuzzParseHTTPMatchesNetHTTP"
	"./wasm/internal/wasmpack FuzzPack"
)

fuzz() {
	local fuzztime=${FUZZTIME:-3s} target pkg fn
	for target in "${FUZZ_TARGETS[@]}"; do
		read -r pkg fn <<<"$target"
		say "fuzz $fn for $fuzztime"
		go test -run='^$' -fuzz="^$fn\$" -fuzztime="$fuzztime" "$pkg"
	done
}

# bench_check proves the bench still runs, with one short round of
# dist/unpacked as it is; make test runs it after build. Nothing is timed.
bench_check() {
	browsers
	say "bench check (one round, one reopened; the figures mean nothing)"
	local out
	out=$(go run ./wasm/cmd/bench -rounds 1 -warmup 0 -reopen 1)
	echo "$out"
	grep -q "^reopened: ready " <<<"$out"
	grep -q "the card floor's: [0-9]* bytes raw" <<<"$out"
	grep -q "^first open: ready " <<<"$out"
	say "bench check against a copy of the same build"
	out=$(go run ./wasm/cmd/bench -rounds 1 -warmup 0 -reopen 0 -against "$UNPACKED")
	echo "$out"
	grep -q "The plain JS columns are the build in $UNPACKED" <<<"$out"
}

# screenshots writes a PNG of every popup state (wasm/e2e/states_test.go) in
# Chromium, light and dark, at a toolbar popup's size, into SHOTS: the
# states as they are now, none left from an earlier run.
SHOTS=docs/screenshots/states

screenshots() {
	build
	browsers
	say "screenshots of every popup state into $SHOTS"
	rm -rf "$SHOTS"
	ESK_SCREENSHOTS=$PWD/$SHOTS go test -count=1 -timeout 900s -run '^TestScreenshots(Languages)?$' "$E2E"
	say "$(find "$SHOTS" -name '*.png' | wc -l) screenshots in $SHOTS"
}

clean() {
	rm -rf "$DIST" "$BIN"
}

case "${1:-}" in
build) build ;;
lint) lint ;;
test-native) test_native ;;
test-wasm) test_wasm ;;
test-e2e) test_e2e ;;
lint-ext) lint_ext ;;
browsers) browsers ;;
demo) demo ;;
bench)
	shift
	bench "$@"
	;;
bench-check) bench_check ;;
fuzz) fuzz ;;
screenshots) screenshots ;;
clean) clean ;;
*)
	echo "usage: $0 build|lint|test-native|test-wasm|test-e2e|lint-ext|browsers|demo|bench|bench-check|fuzz|screenshots|clean" >&2
	exit 2
	;;
esac
