# The front door; the recipes are in build.sh.
.PHONY: build test test-native test-wasm lint browsers clean

## build: dist/unpacked (what ships) and the Chrome and Firefox zips
build:
	./build.sh build

## test: lint, native tests, build, then the wasm tests in headless Chromium
test: lint test-native build test-wasm

## test-native: every pure Go test, with the race detector
test-native:
	./build.sh test-native

## test-wasm: the js/wasm packages in headless Chromium (installs Chromium if missing)
test-wasm:
	./build.sh test-wasm

## lint: gofmt, and go vet natively and for js/wasm
lint:
	./build.sh lint

## browsers: install what the browser tests need
browsers:
	./build.sh browsers

## clean: remove everything the build made
clean:
	./build.sh clean
