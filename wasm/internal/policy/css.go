package policy

import (
	"fmt"
	"regexp"
	"strings"
)

// cssLoadRE finds what would make a stylesheet load something: an @import,
// or a url() that names a scheme or is protocol-relative.
var cssLoadRE = regexp.MustCompile(`(?i)@import\b|url\(\s*["']?\s*(?:[a-z][a-z0-9+.\-]*:|//)`)

// CSS checks one shipped stylesheet. Styles cannot run code under the CSP,
// but a remote @import or url() would tell a server each time the popup
// opens; package-relative and data: URLs pass.
func CSS(src []byte) []string {
	var problems []string
	for n, l := range strings.Split(string(src), "\n") {
		for _, m := range cssLoadRE.FindAllString(l, -1) {
			if !strings.HasPrefix(strings.ToLower(strings.Trim(m[4:], ` "'(`)), "data:") {
				problems = append(problems, fmt.Sprintf("line %d: %s loads from outside the package", n+1, strings.TrimSpace(l)))
			}
		}
	}
	return problems
}
