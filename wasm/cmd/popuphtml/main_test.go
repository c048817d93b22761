package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// The committed popup.html is what the browser paints first; it must list
// exactly the kill types Go knows.
func TestCommittedPopupHTMLIsUpToDate(t *testing.T) {
	require.NoError(t, run("../../../popup.html", false, nil))
}

const regions = `<select><!-- begin kill-types -->old<!-- end kill-types --></select>
<p><!-- begin kill-type-description -->old<!-- end kill-type-description --></p>
<p><!-- begin kill-type-permission -->old<!-- end kill-type-permission --></p>`

func TestGenerate(t *testing.T) {
	two := []epic.KillType{
		{Name: "A<B", Permissions: []epic.Permission{{Holder: "Account", Resource: "r:a", Action: "DELETE"}}},
		{Name: "C"},
	}
	texts := messages.Catalog{"describe_A<B": `Ends "these" & those.`, "describe_C": "Other.",
		"label_A<B": `"Sign" <out> & more`, "label_C": "See"}
	for key, text := range messages.English {
		if _, ok := texts[key]; !ok {
			texts[key] = text
		}
	}
	for _, tc := range []struct {
		name    string
		page    string
		types   []epic.KillType
		want    []string
		wantErr string
	}{
		{
			name:  "fills every region, escaped",
			page:  regions,
			types: two,
			want: []string{
				`<option value="A&lt;B">&#34;Sign&#34; &lt;out&gt; &amp; more</option>`,
				`<option value="C">See</option>`,
				`<!-- begin kill-type-description -->Ends &#34;these&#34; &amp; those.<!-- end kill-type-description -->`,
				`<!-- begin kill-type-permission -->Epic&#39;s name: A&lt;B<!-- end kill-type-permission -->`,
			},
		},
		{name: "a missing region", page: strings.Replace(regions, "<!-- end kill-types -->", "", 1), types: two, wantErr: "kill-types"},
		{name: "a doubled region", page: regions + "<!-- begin kill-type-permission -->", types: two, wantErr: "kill-type-permission"},
		{name: "no kill types", page: regions, wantErr: "no kill types"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Generate([]byte(tc.page), tc.types, texts)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			for _, w := range tc.want {
				assert.Contains(t, string(got), w)
			}
			assert.NotContains(t, string(got), ">old<")
			again, err := Generate(got, tc.types, texts)
			require.NoError(t, err)
			assert.Equal(t, string(got), string(again), "generating twice changes nothing")
		})
	}
}

func TestRunChecksOrRewrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "popup.html")
	require.NoError(t, os.WriteFile(path, []byte(regions), 0o644))

	require.ErrorIs(t, run(path, false, nil), ErrStale)
	unchanged, _ := os.ReadFile(path)
	assert.Equal(t, regions, string(unchanged), "a check never writes")

	var out strings.Builder
	require.NoError(t, run(path, true, &out))
	assert.Contains(t, out.String(), "rewrote")
	require.NoError(t, run(path, false, nil))
}
