//go:build !js

package epic_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/fakeepic"
)

// The client against the fake's own reading of Epic's device auth
// endpoints: the list as the fake writes it, a revoke that takes effect,
// and the permission each needs.
func TestDeviceAuthsAgainstTheFake(t *testing.T) {
	svc := fakeepic.New()
	srv := httptest.NewServer(svc)
	defer srv.Close()
	const account = "94b1569506b04f9f8557af611e8c5e47"
	both := svc.Issue(fakeepic.Grant{AccountID: account, Permissions: []fakeepic.Permission{
		{Resource: "account:public:account:deviceAuths", Action: fakeepic.Read | fakeepic.Delete}}})
	readOnly := svc.Issue(fakeepic.Grant{AccountID: account, Permissions: []fakeepic.Permission{
		{Resource: "account:public:account:deviceAuths", Action: fakeepic.Read}}})
	used := time.Date(2026, 11, 30, 8, 0, 5, 0, time.UTC)
	phone := svc.AddDeviceAuth(fakeepic.DeviceAuth{AccountID: account, UserAgent: "Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1",
		Created:    fakeepic.DeviceAuthEvent{Location: "Berlin, Germany", IPAddress: "192.0.2.10", Time: used.Add(-48 * time.Hour)},
		LastAccess: &fakeepic.DeviceAuthEvent{Location: "Berlin, Germany", IPAddress: "192.0.2.11", Time: used}})
	unused := svc.AddDeviceAuth(fakeepic.DeviceAuth{AccountID: account, UserAgent: "python-requests/2.31.0"})
	c := &epic.Client{Doer: srv.Client(), BaseURL: srv.URL}
	ctx := context.Background()

	list, err := c.DeviceAuths(ctx, both, account)
	require.NoError(t, err)
	require.Len(t, list.Items, 2)
	assert.False(t, list.Truncated)
	assert.Equal(t, phone, list.Items[0].DeviceID)
	assert.Equal(t, "Fortnite/++Fortnite+Release-33.00-CL-38324497 IOS/18.1", list.Items[0].UserAgent)
	assert.Equal(t, "192.0.2.10", list.Items[0].Created.IPAddress)
	require.NotNil(t, list.Items[0].LastAccess)
	assert.True(t, used.Equal(list.Items[0].LastAccess.Time))
	assert.Nil(t, list.Items[1].LastAccess, "never used")

	err = c.DeleteDeviceAuth(ctx, readOnly, account, phone)
	var apiErr *epic.APIError
	require.ErrorAs(t, err, &apiErr, "READ alone may not revoke")
	assert.Equal(t, 403, apiErr.StatusCode)
	assert.Equal(t, "errors.com.epicgames.common.missing_permission", apiErr.ErrorCode)

	require.NoError(t, c.DeleteDeviceAuth(ctx, both, account, phone))
	list, err = c.DeviceAuths(ctx, readOnly, account)
	require.NoError(t, err)
	require.Len(t, list.Items, 1, "the revoked one is gone")
	assert.Equal(t, unused, list.Items[0].DeviceID)

	err = c.DeleteDeviceAuth(ctx, both, account, phone)
	require.ErrorAs(t, err, &apiErr, "revoked already")
	assert.Equal(t, 404, apiErr.StatusCode)

	for _, r := range svc.Requests() {
		assert.NotContains(t, r.Path+"?"+r.Query.Encode(), both, "the token stays out of the URL")
		assert.NotContains(t, r.Path+"?"+r.Query.Encode(), readOnly, "the token stays out of the URL")
	}
}
