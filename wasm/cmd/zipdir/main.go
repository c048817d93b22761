//go:build !js

// Command zipdir writes a folder's files into a zip that depends on their
// contents and names alone: entries in byte order of their paths, every
// entry dated 1980-01-01 00:00 UTC with mode 0644, no folder entries, no
// owner or extra fields but the time. The same folder, wherever it is and
// whenever it was written, gives the same bytes, so that a reviewer who
// rebuilds the extension from its source gets the stores' zips exactly.
//
//	go run ./wasm/cmd/zipdir -o out.zip dir
package main

import (
	"archive/zip"
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"
)

// Epoch is every entry's time: the earliest a zip can hold.
var Epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("o", "", "the zip to write")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: zipdir -o out.zip dir")
		os.Exit(2)
	}
	if err := write(*out, os.DirFS(flag.Arg(0))); err != nil {
		fmt.Fprintln(os.Stderr, "zipdir:", err)
		os.Exit(1)
	}
}

func write(path string, dir fs.FS) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = Write(w, dir)
	if err == nil {
		err = w.Flush()
	}
	return errors.Join(err, f.Close())
}

// Write writes every regular file of dir into a zip on w, as the package
// comment says. A symbolic link or other special file is an error: a store
// package holds plain files.
func Write(w io.Writer, dir fs.FS) error {
	var names []string
	err := fs.WalkDir(dir, ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file", name)
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return err
	}
	// WalkDir goes folder by folder; a zip's order is its paths' bytes.
	slices.Sort(names)
	zw := zip.NewWriter(w)
	for _, name := range names {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: Epoch}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		src, err := dir.Open(name)
		if err != nil {
			return err
		}
		_, err = io.Copy(fw, src)
		if err := errors.Join(err, src.Close()); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return zw.Close()
}
