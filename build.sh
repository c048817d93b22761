#!/usr/bin/env bash
# Recipes behind the Makefile.
# Usage: ./build.sh build|release|release-check|lint|test-native|test-wasm|test-e2e|lint-ext|browsers|demo|bench|bench-check|fuzz|screenshots|clean
set -euo pipefail
cd "$(dirname "$0")"

# Every build uses exactly the Go release of go.mod's toolchain line: the go
# command runs it, and fetches it first from the Go module proxy when the
# machine's own Go is another release. A store reviewer's rebuild then gets
# the same compiler, and the same wasm_exec.js beside main.wasm.
GOTOOLCHAIN=$(sed -n 's/^toolchain //p' go.mod)
export GOTOOLCHAIN

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

# The version's one source is manifest.json; the zips, the release's files
# and its git tag take it from there.
version() {
	sed -n 's/^  "version": "\(.*\)",$/\1/p' manifest.json
}

# The files' names start with the product's name.
NAME=session-killer-for-epic-games

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
	# No paths of this machine and no git state in main.wasm, so that the
	# source zip (which has no .git) builds the same bytes anywhere.
	GOOS=js GOARCH=wasm go build -trimpath -buildvcs=false -ldflags='-s -w' -o "$UNPACKED/extension/main.wasm" ./wasm
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

	local name
	name=$NAME-$(version)
	# Firefox gets exactly what is unpacked; Chrome the same without the
	# Firefox-only manifest block, which Chrome reports as an unknown key.
	# zipdir orders the entries and fixes their times: same files, same zip.
	go run ./wasm/cmd/zipdir -o "$DIST/$name-firefox.zip" "$UNPACKED"
	local chrome=$DIST/chrome
	cp -r "$UNPACKED" "$chrome"
	go run ./wasm/cmd/chromemanifest <manifest.json >"$chrome/manifest.json"
	go run ./wasm/cmd/zipdir -o "$DIST/$name-chrome.zip" "$chrome"
	rm -rf "$chrome"

	local raw gz
	raw=$(wc -c <"$UNPACKED/extension/main.wasm")
	gz=$(gzip -9c "$UNPACKED/extension/main.wasm" | wc -c)
	say "main.wasm: $raw bytes raw, $gz bytes gzip -9"
	ls -l "$DIST"/*.zip
}

# build_source unpacks a source zip (git archive of a commit) into dir and
# builds it there with that source's own build.sh, as a store reviewer does;
# its dist ends up in dir/$NAME-VERSION/dist.
build_source() {
	local zip=$1 dir=$2
	mkdir -p "$dir"
	(cd "$dir" && unzip -q "$zip")
	local src
	src=$(find "$dir" -mindepth 2 -maxdepth 2 -name build.sh -printf '%h\n')
	[ -n "$src" ] || {
		echo "build_source: no build.sh in $zip" >&2
		exit 1
	}
	say "build $zip in $src"
	(cd "$src" && DIST=dist ./build.sh build)
}

# release_source writes the source zip of a commit or tree (default HEAD)
# to zip: what git archive holds, nothing generated, under a folder named
# after the release.
release_source() {
	git archive --format=zip --prefix="$NAME-$(version)/" -o "$1" "${2:-HEAD}"
}

# worktree_tree prints the git tree of the work tree as it would be
# committed (tracked files as they are now, new files not ignored), made in
# an index of its own: the real index and HEAD stay as they are.
worktree_tree() {
	local index
	index=$(mktemp)
	cp "$(git rev-parse --git-path index)" "$index"
	GIT_INDEX_FILE=$index git add -A
	GIT_INDEX_FILE=$index git write-tree
	rm -f "$index"
}

# release writes a submission into $DIST/release: both stores' zips built
# from the source zip beside them, the listing, the store images and
# SHA256SUMS. It refuses a dirty tree and a version already released from
# another commit; the first release of a version tags its commit vVERSION.
release() {
	local v tag head
	v=$(version)
	tag=v$v
	head=$(git rev-parse HEAD)
	if [ -n "$(git status --porcelain)" ]; then
		echo "release: the tree has changes that are not committed; commit or stash them first:" >&2
		git status --short >&2
		exit 1
	fi
	if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
		local released
		released=$(git rev-parse "$tag^{commit}")
		if [ "$released" != "$head" ]; then
			echo "release: version $v was released from commit $released (tag $tag); raise \"version\" in manifest.json" >&2
			exit 1
		fi
	fi
	browsers
	local out name=$NAME-$v tmp
	rm -rf "$DIST/release"
	mkdir -p "$DIST/release"
	out=$(cd "$DIST/release" && pwd)
	tmp=$(mktemp -d)
	# shellcheck disable=SC2064 # tmp is set now, and removed however this ends
	trap "rm -rf '$tmp'" EXIT
	say "release $v of $head into $out"
	release_source "$out/$name-source.zip"
	build_source "$out/$name-source.zip" "$tmp"
	local built=$tmp/$name/dist
	cp "$built/$name-chrome.zip" "$built/$name-firefox.zip" "$out/"
	lint_zip "$out/$name-firefox.zip"

	say "listing and store images"
	go run ./wasm/cmd/listing -o "$out/listing" store extension/_locales PRIVACY.md
	cp PRIVACY.md store/privacy-practices.md "$out/listing/"
	ESK_DIST=$built ESK_STORE_IMAGES=$out/images go test -count=1 -timeout 600s -run '^TestStoreImages$' "$E2E"
	# The policy tests on the release's own build: what the zips may hold,
	# the Chrome zip without a key or Firefox's block.
	ESK_DIST=$built go test -count=1 -run '^TestPolicy' "$E2E"

	(cd "$out" && find . -type f ! -name 'SHA256SUMS*' -printf '%P\n' | LC_ALL=C sort | xargs sha256sum) >"$out/SHA256SUMS.tmp"
	mv "$out/SHA256SUMS.tmp" "$out/SHA256SUMS"
	rm -rf "$tmp"
	if ! git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
		git tag "$tag" "$head"
		say "tagged $head as $tag; publish it with: git push origin $tag"
	fi
	say "release $v: $(find "$out" -type f | wc -l) files in $out"
	cat "$out/SHA256SUMS"
}

# release_check proves the release can be rebuilt to the byte: the source
# zip of the work tree as it would be committed (on a clean clone, HEAD's)
# built as make release builds it, then unpacked again into another folder,
# under a path with a space, and built with an empty Go build cache, as a
# reviewer on another machine would. Every file of both stores' zips must be
# the same, and so must the zips.
release_check() {
	browsers
	local v tmp name tree
	v=$(version)
	name=$NAME-$v
	tmp=$(mktemp -d)
	# shellcheck disable=SC2064 # tmp is set now, and removed however this ends
	trap "rm -rf '$tmp'" EXIT
	tree=$(worktree_tree)
	say "release check: the source zip of the work tree (git tree ${tree:0:12}), built twice"
	release_source "$tmp/$name-source.zip" "$tree"
	build_source "$tmp/$name-source.zip" "$tmp/release"
	GOCACHE="$tmp/empty go cache" build_source "$tmp/$name-source.zip" "$tmp/a reviewer's copy/elsewhere"
	local store a b
	for store in firefox chrome; do
		a=$tmp/release/$name/dist/$name-$store.zip
		b="$tmp/a reviewer's copy/elsewhere/$name/dist/$name-$store.zip"
		mkdir -p "$tmp/files-a-$store" "$tmp/files-b-$store"
		(cd "$tmp/files-a-$store" && unzip -q "$a")
		(cd "$tmp/files-b-$store" && unzip -q "$b")
		diff -r "$tmp/files-a-$store" "$tmp/files-b-$store"
		cmp "$a" "$b"
		say "$name-$store.zip: the same $(find "$tmp/files-a-$store" -type f | wc -l) files and the same $(wc -c <"$a") bytes"
	done
	lint_zip "$tmp/release/$name/dist/$name-firefox.zip"

	say "release check: make release refuses a dirty tree, and a version released from another commit"
	# A clone at a commit of the tree checked above, so that its build.sh is
	# the one under test.
	local clone=$tmp/clone commit
	git clone -q --local . "$clone"
	commit=$(git -C "$clone" -c user.name=check -c user.email=check@localhost commit-tree "$tree" -p HEAD -m "release check")
	git -C "$clone" reset -q --hard "$commit"
	if (cd "$clone" && echo >>README.md && ./build.sh release) 2>"$tmp/refused"; then
		echo "release-check: make release went on with a change not committed" >&2
		exit 1
	fi
	grep -q "not committed" "$tmp/refused" || {
		cat "$tmp/refused" >&2
		exit 1
	}
	if (cd "$clone" && git checkout -q README.md && git tag "v$v" &&
		git -c user.name=check -c user.email=check@localhost commit -q --allow-empty -m next &&
		./build.sh release) 2>"$tmp/refused"; then
		echo "release-check: make release released $v again from another commit" >&2
		exit 1
	fi
	grep -q "was released from commit" "$tmp/refused" || {
		cat "$tmp/refused" >&2
		exit 1
	}
	rm -rf "$tmp"
}

# lint_zip runs web-ext lint on what a Firefox zip holds: 0 errors, 0 warnings.
lint_zip() {
	local dir
	dir=$(mktemp -d)
	(cd "$dir" && unzip -q "$1")
	say "web-ext $WEB_EXT_VERSION lint $(basename "$1")"
	"$WEB_EXT" lint --source-dir "$dir" --warnings-as-errors --no-input
	rm -rf "$dir"
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
	# The release unpacks zips to build and compare them.
	command -v unzip >/dev/null || missing+=(unzip)
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
	say "bench check against a copy of the same build, each click traced"
	local traces
	traces=$(mktemp -d)
	out=$(go run ./wasm/cmd/bench -rounds 1 -warmup 0 -reopen 0 -against "$UNPACKED" -trace "$traces")
	echo "$out"
	grep -q "The plain JS columns are the build in $UNPACKED" <<<"$out"
	# A trace per popup, each with the click's request in it.
	for popup in project card-floor reference; do
		grep -q '"esk:request"' "$traces/round01-$popup.json" || {
			echo "bench check: no trace of the $popup popup's click in $traces" >&2
			return 1
		}
	done
	rm -rf "$traces"
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
release) release ;;
release-check) release_check ;;
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
	echo "usage: $0 build|release|release-check|lint|test-native|test-wasm|test-e2e|lint-ext|browsers|demo|bench|bench-check|fuzz|screenshots|clean" >&2
	exit 2
	;;
esac
