package epic

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClientProduct(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"ec684b8c687f479fadea3cb2ad83f5c6", "fortnitePC"},
		{"EC684B8C687F479FADEA3CB2AD83F5C6", "fortnitePC"},
		{"3446cd72694c4a4485d81b77adbb2141", "fortniteIOS"},
		{"3f69e56c7649492c8cc29f1af08a8a12", "fortniteAndroid"},
		{"98f7e42c2e3a4f86a74eb43fbb41ed39", "fortniteSwitch"},
		{"cfaa14c4bf8744e3a5ef9a5d6c34558d", "fortniteXbox"},
		{"d8566f2e7f5c48f89683173eb529fee1", "fortnitePlayStation"},
		{"34a02cf8f4414e29b15921876da36f9a", "launcher"},
		{"007c0bfe154c4f5396648f013c641dcf", "website"},
		{"00000000000000000000000000000000", ""},
		{"", ""},
	} {
		assert.Equal(t, tc.want, ClientProduct(tc.id), tc.id)
	}
}
