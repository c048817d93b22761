package policy

import (
	"bytes"
	"fmt"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/wasmpack"
)

// goImportModule is the import module of Go's js/wasm port: the functions
// wasm_exec.js puts under importObject.gojs.
const goImportModule = "gojs"

// WasmImports checks main.wasm against the glue that ships beside it,
// wasm_exec.js: every import must be a function of Go's own module, gojs,
// that the glue provides. Then the only code main.wasm can reach is what
// ships, and the module and the glue come from the same Go release.
func WasmImports(module, glue []byte) []string {
	imports, err := wasmpack.Imports(module)
	if err != nil {
		return []string{fmt.Sprintf("cannot read imports: %v", err)}
	}
	var problems []string
	for _, imp := range imports {
		switch {
		case imp.Module != goImportModule:
			problems = append(problems, fmt.Sprintf("imports %s %q.%q; only %q (wasm_exec.js) is allowed", imp.Kind, imp.Module, imp.Name, goImportModule))
		case imp.Kind != "function":
			problems = append(problems, fmt.Sprintf("imports %s %q.%q; wasm_exec.js provides only functions", imp.Kind, imp.Module, imp.Name))
		case !bytes.Contains(glue, []byte(`"`+imp.Name+`": (sp) =>`)):
			problems = append(problems, fmt.Sprintf("imports function %q.%q, which wasm_exec.js does not provide", imp.Module, imp.Name))
		}
	}
	return problems
}
