//go:build !js

package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tree writes files into a new folder in the order given, each with its
// own time, as two builds on two machines would.
func tree(t *testing.T, files [][2]string, mtime time.Time) string {
	t.Helper()
	dir := t.TempDir()
	for i, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f[0]))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(f[1]), 0o600))
		at := mtime.Add(time.Duration(i) * time.Hour)
		require.NoError(t, os.Chtimes(p, at, at))
	}
	return dir
}

func zipOf(t *testing.T, dir string) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Write(&b, os.DirFS(dir)))
	return b.Bytes()
}

func TestSameFilesSameBytes(t *testing.T) {
	files := [][2]string{
		{"manifest.json", `{"name": "x"}`},
		{"extension/popup.js", "console.log(1)"},
		{"_locales/en/messages.json", "{}"},
		{"extension/icons/icon-16.png", "\x89PNG"},
	}
	reversed := [][2]string{files[3], files[2], files[1], files[0]}
	a := zipOf(t, tree(t, files, time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC)))
	b := zipOf(t, tree(t, reversed, time.Date(2031, 5, 6, 7, 8, 9, 0, time.Local)))
	assert.Equal(t, a, b, "the same files written in another order, at other times, in another folder")

	changed := append([][2]string(nil), files...)
	changed[1][1] = "console.log(2)"
	assert.NotEqual(t, a, zipOf(t, tree(t, changed, time.Now())), "a changed file changes the zip")
}

func TestEntries(t *testing.T) {
	dir := tree(t, [][2]string{
		{"popup.html", "<p>"},
		{"_locales/ar/messages.json", "{}"},
		{"extension/main.wasm", "\x00asm"},
		{"Manifest.txt", "M"},
	}, time.Now())
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "empty"), 0o755))
	r, err := zip.NewReader(bytes.NewReader(zipOf(t, dir)), int64(len(zipOf(t, dir))))
	require.NoError(t, err)
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		assert.True(t, f.Modified.Equal(Epoch), "%s: %v", f.Name, f.Modified)
		assert.Equal(t, os.FileMode(0o644), f.Mode(), f.Name)
		assert.Equal(t, zip.Deflate, f.Method, f.Name)
	}
	assert.Equal(t, []string{"Manifest.txt", "_locales/ar/messages.json", "extension/main.wasm", "popup.html"}, names,
		"files only, in byte order of their paths")
	rc, err := r.File[2].Open()
	require.NoError(t, err)
	body, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.Equal(t, "\x00asm", string(body))
}

func TestRefusesSpecialFiles(t *testing.T) {
	dir := fstest.MapFS{
		"manifest.json": {Data: []byte("{}")},
		"link":          {Mode: os.ModeSymlink, Data: []byte("manifest.json")},
	}
	assert.ErrorContains(t, Write(io.Discard, dir), "link is not a regular file")
}
