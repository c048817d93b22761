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
