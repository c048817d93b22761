//go:build !js

// It reads the source tree; it has nothing to prove inside a browser.

package buildtags

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserImports can only build for js/wasm.
var browserImports = []string{"syscall/js", "honnef.co/go/js/dom/v2", "github.com/syumai/tinyutil"}

// purePackages must build and be tested natively.
var purePackages = []string{
	"internal/epic", "internal/explain", "internal/messages", "internal/popup", "internal/fakeepic",
	"internal/jsonvalue", "internal/wasmpack", "internal/policy", "internal/inflate",
}

func TestBrowserCodeIsTaggedAndPureCodeIsPure(t *testing.T) {
	root := "../.."
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		files++
		rel, _ := filepath.Rel(root, path)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		require.NoError(t, err)
		var browser []string
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, b := range browserImports {
				if p == b || strings.HasPrefix(p, b+"/") {
					browser = append(browser, p)
				}
			}
		}
		if len(browser) == 0 {
			return nil
		}
		for _, pure := range purePackages {
			assert.False(t, strings.HasPrefix(rel, pure+string(filepath.Separator)), "%s is pure Go but imports %v", rel, browser)
		}
		assert.True(t, jsWasmOnly(f.Comments), "%s imports %v without //go:build js && wasm", rel, browser)
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, files, 10, "the walk found the sources")
}

// jsWasmOnly reports whether the file's //go:build line excludes every target
// but js/wasm.
func jsWasmOnly(comments []*ast.CommentGroup) bool {
	for _, g := range comments {
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				return false
			}
			return expr.Eval(func(tag string) bool { return tag == "js" || tag == "wasm" }) &&
				!expr.Eval(func(tag string) bool { return tag == "js" }) &&
				!expr.Eval(func(tag string) bool { return tag == "wasm" })
		}
	}
	return false
}
