package epic

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeID(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower case", "94b1569506b04f9f8557af611e8c5e47", "94b1569506b04f9f8557af611e8c5e47"},
		{"upper case", "94B1569506B04F9F8557AF611E8C5E47", "94b1569506b04f9f8557af611e8c5e47"},
		{"mixed case", "94b1569506B04F9f8557af611e8c5e47", "94b1569506b04f9f8557af611e8c5e47"},
		{"digits only", "00000000000000000000000000000000", "00000000000000000000000000000000"},
		{"empty", "", ""},
		{"31 characters", "94b1569506b04f9f8557af611e8c5e4", ""},
		{"33 characters", "94b1569506b04f9f8557af611e8c5e470", ""},
		{"a letter past f", "94b1569506b04f9f8557af611e8c5e4g", ""},
		{"a UUID with dashes", "94b15695-06b0-4f9f-8557-af611e8c5e47", ""},
		{"space around", " 94b1569506b04f9f8557af611e8c5e47", ""},
		{"a path", "94b1569506b04f9f/../oauth/verify", ""},
		{"escaped", "94b1569506b04f9f8557af611e8c5%2F", ""},
		{"NUL inside", "94b1569506b04f9f8557af611e8c5e4\x00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalizeID(tt.in, ErrBadDeviceID)
			assert.Equal(t, tt.want, got)
			if tt.want == "" {
				assert.ErrorIs(t, err, ErrBadDeviceID)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

func TestIsID(t *testing.T) {
	for id, want := range map[string]bool{
		"94b1569506b04f9f8557af611e8c5e47":  true,
		"94B1569506B04F9F8557AF611E8C5E47":  true,
		"94b1569506b04f9f8557af611e8c5e4":   false,
		"94b1569506b04f9f8557af611e8c5e47a": false,
		"94b1569506b04f9f8557af611e8c5e4g":  false,
		"../1569506b04f9f8557af611e8c5e47":  false,
		"":                                  false,
	} {
		assert.Equal(t, want, IsID(id), "%q", id)
	}
}
