//go:build !js

package epic

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMask(t *testing.T) {
	upper := strings.ToUpper(testToken)
	tests := []struct {
		name, text, token, want string
	}{
		{"as sent", "bad token " + testToken + ".", testToken, "bad token [your token]."},
		{"sent in capitals, quoted in lower case", "bad token " + testToken, upper, "bad token [your token]"},
		{"sent in lower case, quoted in capitals", "bad token " + upper, testToken, "bad token [your token]"},
		{"mixed case", "065981D58ba642E7ac6ef7d6c4ed15B2", testToken, "[your token]"},
		{"every copy", testToken + "/" + upper + "/" + testToken, testToken, "[your token]/[your token]/[your token]"},
		{"text around keeps its case", "Token ABC " + upper + " Done", testToken, "Token ABC [your token] Done"},
		{"not there", "Sorry we could not find the auth session", testToken, "Sorry we could not find the auth session"},
		{"only a part", testToken[:31], testToken, testToken[:31]},
		{"non-ASCII text around it", "Jeton « " + upper + " » refusé", testToken, "Jeton « [your token] » refusé"},
		{"no token", "text", "", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Mask(tt.text, tt.token))
		})
	}
}

// TestAnswersQuotingTheTokenInAnotherCaseAreMasked: a hex token pasted in
// capitals is sent as pasted; an answer that quotes it in lower case (or the
// other way round) must not show it.
func TestAnswersQuotingTheTokenInAnotherCaseAreMasked(t *testing.T) {
	upper := strings.ToUpper(testToken)
	for _, tc := range []struct{ sent, quoted string }{{upper, testToken}, {testToken, upper}} {
		t.Run("sent "+tc.sent[:4]+", quoted "+tc.quoted[:4], func(t *testing.T) {
			body := strings.ReplaceAll(bodyTokenVerificationFailed, testToken, tc.quoted)
			c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
				return answer(401, body, http.Header{"X-Epic-Correlation-Id": {"c-" + tc.quoted}}), nil
			})}
			for name, call := range map[string]func() error{
				"kill":                func() error { return c.Kill(context.Background(), tc.sent, "OTHERS") },
				"single-session kill": func() error { return c.KillSession(context.Background(), tc.sent) },
				"verify":              func() error { _, err := c.Verify(context.Background(), tc.sent); return err },
			} {
				err := call()
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr, name)
				assert.Equal(t, "Sorry we couldn't validate your token [your token]. Please try with a new token.", apiErr.ErrorMessage, name)
				assert.Equal(t, []string{"[your token]"}, apiErr.MessageVars, name)
				assert.Equal(t, "c-[your token]", apiErr.CorrelationID, name)
				assert.NotContains(t, strings.ToLower(err.Error()), testToken, name)
			}
		})
	}
}
