//go:build !js

// Package e2e drives the packaged extension (dist/unpacked, exactly what
// ships) in headless Chromium and Firefox ESR, with Epic's account host mapped
// to the fake account service of package fakeepic, and checks both what the
// popup shows and what the service received. Run it after `make build`;
// `make test` does both.
package e2e
