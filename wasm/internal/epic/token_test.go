package epic

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeToken(t *testing.T) {
	const hex = "065981d58ba642e7ac6ef7d6c4ed15b2"
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{name: "bare", in: hex, want: hex},
		{name: "surrounding space", in: "  " + hex + "\n", want: hex},
		{name: "lower bearer", in: "bearer " + hex, want: hex},
		{name: "title Bearer", in: "Bearer " + hex, want: hex},
		{name: "upper BEARER and tab", in: "BEARER\t" + hex, want: hex},
		{name: "bearer with two spaces", in: " bearer  " + hex + " ", want: hex},
		{name: "eg1 jwt", in: "eg1~eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", want: "eg1~eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"},
		{name: "starts with bearer letters", in: "bearerabc", want: "bearerabc"},
		{name: "empty", in: "", wantErr: ErrNoToken},
		{name: "only space", in: " \t\n", wantErr: ErrNoToken},
		{name: "bearer alone", in: "bearer ", wantErr: ErrNoToken},
		{name: "space inside", in: "0659 81d5", wantErr: ErrTokenHasSpace},
		{name: "line break inside", in: "0659\n81d5", wantErr: ErrTokenHasSpace},
		{name: "no-break space inside", in: "0659\u00a081d5", wantErr: ErrTokenHasSpace},
		{name: "two bearer words", in: "bearer bearer abc", wantErr: ErrTokenHasSpace},
		{name: "control character", in: "0659\x0081d5", wantErr: ErrTokenBadChar},
		{name: "non-ASCII letter", in: "0659é81d5", wantErr: ErrTokenBadChar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeToken(tt.in)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
