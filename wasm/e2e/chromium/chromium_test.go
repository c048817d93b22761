//go:build !js

package chromium

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExtensionID(t *testing.T) {
	for _, c := range []struct{ dir, id string }{
		// Read off chrome://extensions for these folders.
		{"/work/main/dist/unpacked", "iomlmmffbchjojnconehjaeilabifbdh"},
	} {
		assert.Equal(t, c.id, ExtensionID(c.dir), c.dir)
	}
}

func TestLaunchSaysWhatIsMissing(t *testing.T) {
	cases := []struct {
		name    string
		options Options
		wantErr string
	}{
		{"no chromium", Options{Binary: "/nonexistent/chromium", Extension: t.TempDir(), ProfileDir: t.TempDir()}, "run `make browsers`"},
		{"no extension", Options{Extension: t.TempDir(), ProfileDir: t.TempDir()}, "run `make build`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Launch(c.options)
			assert.ErrorContains(t, err, c.wantErr)
		})
	}
}
