package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChromeManifestIsTheManifestWithoutFirefoxSettings(t *testing.T) {
	src, err := os.ReadFile("../../../manifest.json")
	require.NoError(t, err)
	var out bytes.Buffer

	require.NoError(t, run(bytes.NewReader(src), &out))

	var want, got map[string]any
	require.NoError(t, json.Unmarshal(src, &want))
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	require.Contains(t, want, "browser_specific_settings")
	delete(want, "browser_specific_settings")
	assert.Equal(t, want, got)
}

func TestChromeManifestRefusesBrokenJSON(t *testing.T) {
	var out bytes.Buffer
	err := run(strings.NewReader(`{"manifest_version": 3,`), &out)
	assert.ErrorContains(t, err, "reading manifest")
	assert.Empty(t, out.String())
}
