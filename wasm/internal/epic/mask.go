package epic

import "strings"

// tokenMask replaces the token in every text that leaves this package.
const tokenMask = "[your token]"

// Mask replaces every copy of token in s with "[your token]", whatever the
// case of its letters: a hex token is the same token in capitals, and Epic,
// a proxy or the paste itself may quote it either way. Tokens are ASCII
// (NormalizeToken refuses anything else), so only ASCII letters are folded.
func Mask(s, token string) string {
	if token == "" || len(s) < len(token) {
		return s
	}
	lower, needle := lowerASCII(s), lowerASCII(token)
	i := strings.Index(lower, needle)
	if i < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		// Lowering ASCII letters keeps every byte where it was, so an
		// index into lower is one into s.
		b.WriteString(s[last:i])
		b.WriteString(tokenMask)
		last = i + len(needle)
		i = strings.Index(lower[last:], needle)
		if i >= 0 {
			i += last
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
