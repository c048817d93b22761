//go:build !js

package buildtags

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMainWasmParsesTimesWithTimestamp keeps time.Parse out of main.wasm:
// through it, or through net/http's ParseTime or time.Time's UnmarshalJSON
// and UnmarshalText, which call it, Go's general layout parser comes along,
// some 35 KB of code. internal/timestamp reads the two forms the popup
// meets, RFC 3339 and HTTP dates.
func TestMainWasmParsesTimesWithTimestamp(t *testing.T) {
	list := exec.Command("go", "list", "-deps", "-f", `{{if .Module}}{{if .Module.Main}}{{.Dir}}{{end}}{{end}}`, "../..")
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	require.NoError(t, err)
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH = "js", "wasm"
	banned := map[string]bool{
		"time.Parse": true, "time.ParseInLocation": true, "http.ParseTime": true,
		"UnmarshalJSON": true, "UnmarshalText": true,
	}
	checked := 0
	for dir := range strings.Lines(string(out)) {
		dir = strings.TrimSpace(dir)
		if dir == "" {
			continue
		}
		pkg, err := ctx.ImportDir(dir, 0)
		require.NoError(t, err)
		for _, name := range pkg.GoFiles {
			path := filepath.Join(dir, name)
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			require.NoError(t, err)
			checked++
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); ok && banned[x.Name+"."+sel.Sel.Name] {
					t.Errorf("%s calls %s.%s; use internal/timestamp", path, x.Name, sel.Sel.Name)
				}
				if banned[sel.Sel.Name] {
					t.Errorf("%s calls %s; use internal/timestamp", path, sel.Sel.Name)
				}
				return true
			})
		}
	}
	assert.Greater(t, checked, 10, "the files of main.wasm's own packages")
}
