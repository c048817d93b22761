#!/usr/bin/env bash
# Recipes behind the Makefile. Usage: ./build.sh build|lint|test-native|test-wasm|browsers|clean
set -euo pipefail
cd "$(dirname "$0")"

DIST=dist
UNPACKED=$DIST/unpacked
# Tools the recipes make for themselves live here (ignored by git).
BIN=$PWD/.bin
# Debian's Chromium binary; /usr/bin/chromium is a wrapper that adds flags.
CHROMIUM=/usr/lib/chromium/chromium

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
	# The glue must come from the same Go release as the compiler.
	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$UNPACKED/extension/"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$UNPACKED/extension/main.wasm" ./wasm

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
	go test -race -count=1 ./...
}

# browsers makes sure a Chromium is there, installing Debian's package when
# this is root on a Debian-like machine, and puts a headless_shell shim first
# on PATH for chromedp (inside wasmbrowsertest) to find.
browsers() {
	if [ ! -x "$CHROMIUM" ]; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
			say "installing Debian's chromium"
			apt-get update
			DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
		else
			echo "Chromium is missing. Install it, then run make test again:" >&2
			echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
			exit 1
		fi
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
	# wasmbrowsertest is a module tool: build it for this machine, not for js/wasm.
	PATH=$BIN:$PATH GOOS=js GOARCH=wasm go test -count=1 -timeout 180s \
		-exec 'env GOOS= GOARCH= go tool wasmbrowsertest' ./wasm/...
}

clean() {
	rm -rf "$DIST" "$BIN"
}

case "${1:-}" in
build) build ;;
lint) lint ;;
test-native) test_native ;;
test-wasm) test_wasm ;;
browsers) browsers ;;
clean) clean ;;
*)
	echo "usage: $0 build|lint|test-native|test-wasm|browsers|clean" >&2
	exit 2
	;;
esac
