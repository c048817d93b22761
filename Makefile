# The front door; the recipes are in build.sh.
.PHONY: demo build release release-check bench bench-check fuzz fuzz-check test test-native test-wasm test-e2e lint lint-ext browsers screenshots clean

## demo: build, start the fake account service, open Chromium with the extension (HEADLESS=1: one kill, headless)
demo:
	./build.sh demo

## build: dist/unpacked (what ships) and the Chrome and Firefox zips
build:
	./build.sh build

## release: from a clean tree, everything a store submission needs into dist/release (BUILD.md)
release:
	./build.sh release

## release-check: the source zip of the work tree built in two places, the stores' zips compared byte for byte
release-check:
	./build.sh release-check

## bench: build, then time the popup against a plain-JS reference in headless Chromium, as one table
bench:
	./build.sh bench

## test: everything, in headless Chromium and Firefox ESR (installs what is missing)
test: browsers lint test-native fuzz-check build test-wasm test-e2e bench-check lint-ext release-check

## test-native: every pure Go test, with the race detector (the end-to-end package aside)
test-native:
	./build.sh test-native

## test-wasm: the js/wasm packages in headless Chromium
test-wasm:
	./build.sh test-wasm

## test-e2e: dist/unpacked in headless Chromium and Firefox ESR against the fake account service
test-e2e:
	./build.sh test-e2e

## fuzz-check: each fuzz target for 3,000 inputs from its committed seeds (part of test). A count, not
## a duration: Go 1.26's fuzzer can fail a run whose time is up with "context deadline exceeded"
## (golang/go#75804, fixed in Go 1.27), which would fail make test for nothing.
fuzz-check:
	FUZZTIME=3000x ./build.sh fuzz

## fuzz: each fuzz target for FUZZTIME (default 10m)
fuzz:
	FUZZTIME=$${FUZZTIME:-10m} ./build.sh fuzz

## bench-check: one short bench round, to prove the bench runs (nothing is timed)
bench-check:
	./build.sh bench-check

## lint: gofmt, and go vet natively and for js/wasm
lint:
	./build.sh lint

## lint-ext: web-ext lint of the Firefox package, 0 errors and 0 warnings
lint-ext:
	./build.sh lint-ext

## browsers: install Chromium, Firefox ESR, and the pinned web-ext and axe-core when missing
browsers:
	./build.sh browsers

## screenshots: build, then a PNG of every popup state, light and dark, into docs/screenshots/states
screenshots:
	./build.sh screenshots

## clean: remove everything the build made
clean:
	./build.sh clean
