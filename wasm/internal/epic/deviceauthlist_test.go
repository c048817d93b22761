//go:build !js

package epic

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listAnswer lists the answer body with a 200.
func listAnswer(body string) *Client {
	return &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return answer(http.StatusOK, body, http.Header{"Content-Type": {"application/json"}}), nil
	})}
}

// entry is one list entry: the documented one with members replaced, or
// dropped where the replacement is "".
func entry(t *testing.T, replace ...string) string {
	t.Helper()
	e := strings.TrimSuffix(strings.TrimPrefix(bodyDeviceAuths, "["), "]")
	for i := 0; i+1 < len(replace); i += 2 {
		require.Contains(t, e, replace[i])
		e = strings.Replace(e, replace[i], replace[i+1], 1)
	}
	return e
}

func TestDeviceAuthsReadsEachEntryLeniently(t *testing.T) {
	const created = `"created":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-05-23T15:18:27.346Z"},`
	const lastAccess = `,
  "lastAccess":{"location":"Germany","ipAddress":"127.0.0.1","dateTime":"2023-08-30T08:00:05.314Z"}`
	upper := strings.ToUpper(testToken)
	with := func(change func(d *DeviceAuth)) DeviceAuth {
		d := wantDeviceAuth
		last := *d.LastAccess
		d.LastAccess = &last
		change(&d)
		return d
	}
	tests := []struct {
		name  string
		entry string
		want  DeviceAuth
	}{
		{"documented entry", entry(t), wantDeviceAuth},
		{"never used: no lastAccess", entry(t, lastAccess, ""), with(func(d *DeviceAuth) { d.LastAccess = nil })},
		{"lastAccess null", entry(t, lastAccess, `,"lastAccess":null`), with(func(d *DeviceAuth) { d.LastAccess = nil })},
		{"lastAccess repeated, the last null", entry(t, lastAccess, lastAccess+`,"lastAccess":null`), with(func(d *DeviceAuth) { d.LastAccess = nil })},
		{"lastAccess repeated, the last of another type", entry(t, lastAccess, lastAccess+`,"lastAccess":5`), wantDeviceAuth},
		{"lastAccess of another type", entry(t, lastAccess, `,"lastAccess":"yesterday"`), with(func(d *DeviceAuth) { d.LastAccess = nil })},
		{"lastAccess empty", entry(t, lastAccess, `,"lastAccess":{}`), with(func(d *DeviceAuth) { d.LastAccess = &DeviceAccess{} })},
		{"no created", entry(t, created, ""), with(func(d *DeviceAuth) { d.Created = DeviceAccess{} })},
		{"created of another type", entry(t, created, `"created":[1],`), with(func(d *DeviceAuth) { d.Created = DeviceAccess{} })},
		{"members of other types are left empty",
			`{"deviceId":"06b96e4c93ce452590408e72f814dedf","accountId":94,"userAgent":true,
			  "created":{"location":1,"ipAddress":["127.0.0.1"],"dateTime":1684855107346}}`,
			DeviceAuth{DeviceID: testDeviceID}},
		{"null members are left empty",
			`{"deviceId":"06b96e4c93ce452590408e72f814dedf","accountId":null,"userAgent":null,"created":null,"lastAccess":null}`,
			DeviceAuth{DeviceID: testDeviceID}},
		{"unknown members are ignored", entry(t, `"deviceId"`, `"secret":"5e5e","extra":{"a":[1]},"deviceId"`), wantDeviceAuth},
		{"names in another case, as encoding/json matches them", entry(t, `"deviceId"`, `"DEVICEID"`, `"userAgent"`, `"UserAgent"`), wantDeviceAuth},
		{"a repeated member: the last counts", entry(t, `"userAgent":`, `"userAgent":"first","userAgent":`), wantDeviceAuth},
		{"ids in capitals are lowered", entry(t, testDeviceID, strings.ToUpper(testDeviceID), testAccountID, strings.ToUpper(testAccountID)), wantDeviceAuth},
		{"account id unreadable", entry(t, testAccountID, "94b15695-06b0-4f9f-8557-af611e8c5e47"), with(func(d *DeviceAuth) { d.AccountID = "" })},
		{"dateTime with an offset is kept in UTC", entry(t, "2023-05-23T15:18:27.346Z", "2023-05-23T17:18:27.346+02:00"), wantDeviceAuth},
		{"dateTime without fraction", entry(t, "2023-05-23T15:18:27.346Z", "2023-05-23T15:18:27Z"),
			with(func(d *DeviceAuth) { d.Created.Time = time.Date(2023, 5, 23, 15, 18, 27, 0, time.UTC) })},
		{"dateTime unreadable is zero", entry(t, "2023-05-23T15:18:27.346Z", "2023-05-23 15:18:27"),
			with(func(d *DeviceAuth) { d.Created.Time = time.Time{} })},
		{"dateTime empty is zero", entry(t, "2023-08-30T08:00:05.314Z", ""),
			with(func(d *DeviceAuth) { d.LastAccess.Time = time.Time{} })},

		// Hostile strings: the token goes, and every text is cut short;
		// control characters stay for the popup to clean when it shows them.
		{"token quoted in every text, in any case",
			`{"deviceId":"06b96e4c93ce452590408e72f814dedf","accountId":"` + upper + `","userAgent":"app ` + upper + ` x",
			  "created":{"location":"` + testToken + `","ipAddress":"` + testToken + `","dateTime":"` + testToken + `"},
			  "lastAccess":{"location":"at ` + upper + `"}}`,
			DeviceAuth{DeviceID: testDeviceID, UserAgent: "app [your token] x",
				Created: DeviceAccess{Location: "[your token]", IPAddress: "[your token]"}, LastAccess: &DeviceAccess{Location: "at [your token]"}}},
		{"very long texts are cut in runes",
			entry(t, `"Fortnite/++`, `"`+strings.Repeat("é", 20000)+`Fortnite/++`, `"location":"Germany"`, `"location":"`+strings.Repeat("€", 3000)+`"`,
				`"ipAddress":"127.0.0.1"`, `"ipAddress":"`+strings.Repeat("1", 5000)+`"`),
			with(func(d *DeviceAuth) {
				d.UserAgent = strings.Repeat("é", 300)
				d.Created.Location = strings.Repeat("€", 100)
				d.Created.IPAddress = strings.Repeat("1", 64)
			})},
		{"very long account id and dateTime are unreadable",
			entry(t, testAccountID, strings.Repeat("0", 20000), "2023-05-23T15:18:27.346Z", "2023-05-23T15:18:27.346Z"+strings.Repeat(" ", 20000)),
			with(func(d *DeviceAuth) {
				d.AccountID = ""
				d.Created.Time = time.Time{}
			})},
		{"the token at the cut goes whole",
			entry(t, `"Fortnite/++Fortnite+Release-24.40-CL-25549531 Windows/10.0.19042.1.768.64bit"`, `"`+strings.Repeat("a", 290)+testToken+`"`),
			with(func(d *DeviceAuth) { d.UserAgent = strings.Repeat("a", 290) + "[your toke" })},
		{"control characters are kept",
			entry(t, `"location":"Germany"`, `"location":"Ger\u0000many\u001b[31m\u202e\n"`),
			with(func(d *DeviceAuth) { d.Created.Location = "Ger\x00many\x1b[31m\u202e\n" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := listAnswer("["+tt.entry+"]").DeviceAuths(context.Background(), testToken, testAccountID)
			require.NoError(t, err)
			require.Equal(t, DeviceAuthList{Items: []DeviceAuth{tt.want}}, got)
			assert.NotContains(t, strings.ToLower(fmt.Sprintf("%+v %+v", got, got.Items[0].LastAccess)), testToken)
		})
	}
}

func TestDeviceAuthsLeavesOutWhatCannotBeRevoked(t *testing.T) {
	other := strings.Replace(bodyDeviceAuths[1:len(bodyDeviceAuths)-1], testDeviceID, "16b96e4c93ce452590408e72f814dedf", 1)
	tests := []struct {
		name        string
		entries     []string
		wantDevices []string
		wantSkipped int
	}{
		{"no deviceId", []string{entry(t, `"deviceId":"06b96e4c93ce452590408e72f814dedf",`, ""), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId one short", []string{entry(t, testDeviceID, testDeviceID[1:]), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId not hex", []string{entry(t, testDeviceID, "06b96e4c-93ce-4525-9040-8e72f814dedf"), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId very long", []string{entry(t, testDeviceID, strings.Repeat(testDeviceID, 1000)), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId with a control character", []string{entry(t, testDeviceID, testDeviceID[:31]+`\u0000`), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId a number", []string{entry(t, `"06b96e4c93ce452590408e72f814dedf"`, "6"), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId that is the token", []string{entry(t, testDeviceID, strings.ToUpper(testToken)), other}, []string{"16b96e4c93ce452590408e72f814dedf"}, 1},
		{"deviceId listed twice, in another case", []string{entry(t), other, entry(t, testDeviceID, strings.ToUpper(testDeviceID))},
			[]string{testDeviceID, "16b96e4c93ce452590408e72f814dedf"}, 1},
		{"an empty object", []string{`{}`}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := listAnswer("["+strings.Join(tt.entries, ",")+"]").DeviceAuths(context.Background(), testToken, testAccountID)
			require.NoError(t, err)
			var devices []string
			for _, d := range got.Items {
				devices = append(devices, d.DeviceID)
			}
			assert.Equal(t, tt.wantDevices, devices)
			assert.Equal(t, tt.wantSkipped, got.Skipped)
			assert.False(t, got.Truncated)
		})
	}
}

// TestDeviceAuthsIsStrictAboutTheShape: only a JSON array of objects is
// Epic's list; anything else is a *DeviceAuthListError the popup can say.
func TestDeviceAuthsIsStrictAboutTheShape(t *testing.T) {
	tests := []struct {
		name string
		body string
		want DeviceAuthListProblem
		text string
	}{
		{"empty body", ``, DeviceAuthListEmpty, "Epic's list of saved logins was empty, so it could not be shown"},
		{"blank body", " \r\n", DeviceAuthListEmpty, ""},
		{"an object", `{"deviceId":"06b96e4c93ce452590408e72f814dedf"}`, DeviceAuthListNotArray, "Epic's list of saved logins is not the JSON list Epic sends, so it could not be shown"},
		{"a string", `"[]"`, DeviceAuthListNotArray, ""},
		{"a number", `0`, DeviceAuthListNotArray, ""},
		{"null", `null`, DeviceAuthListNotArray, ""},
		{"true", `true`, DeviceAuthListNotArray, ""},
		{"an HTML page", bodyHTMLPage, DeviceAuthListNotJSON, "Epic's list of saved logins is not JSON, so it could not be shown"},
		{"a list that never ends", `[{"deviceId":"06b96e4c93ce452590408e72f814dedf"},`, DeviceAuthListNotJSON, ""},
		{"a trailing comma", `[{"deviceId":"06b96e4c93ce452590408e72f814dedf"},]`, DeviceAuthListNotJSON, ""},
		{"data after the list", `[] []`, DeviceAuthListNotJSON, ""},
		{"an entry that is a string", `["06b96e4c93ce452590408e72f814dedf"]`, DeviceAuthListBadEntry, "Epic's list of saved logins has an entry that is not a JSON object, so it could not be shown"},
		{"an entry that is null", `[null]`, DeviceAuthListBadEntry, ""},
		{"an entry that is a list", `[[]]`, DeviceAuthListBadEntry, ""},
		{"a bad entry after good ones", "[" + bodyDeviceAuths[1:len(bodyDeviceAuths)-1] + ",1]", DeviceAuthListBadEntry, ""},
		{"over 64 KiB without a whole entry", `[{"userAgent":"` + strings.Repeat("a", MaxBodyBytes) + `"}]`, DeviceAuthListTooLarge,
			"Epic's list of saved logins was over 64 KiB without one whole entry in its start, so it could not be shown"},
		{"over 64 KiB of space", strings.Repeat(" ", MaxBodyBytes+1) + `[]`, DeviceAuthListTooLarge, ""},
		{"an object over 64 KiB", `{"a":"` + strings.Repeat("a", MaxBodyBytes) + `"}`, DeviceAuthListNotArray, ""},
		{"not JSON over 64 KiB", `[1 ` + strings.Repeat("a", MaxBodyBytes), DeviceAuthListNotJSON, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := listAnswer(tt.body).DeviceAuths(context.Background(), testToken, testAccountID)
			var listErr *DeviceAuthListError
			require.ErrorAs(t, err, &listErr)
			assert.Equal(t, tt.want, listErr.Problem)
			if tt.text != "" {
				assert.Equal(t, tt.text, err.Error())
			}
			assert.Zero(t, got)
		})
	}
}

func TestDeviceAuthsBrokenBody(t *testing.T) {
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(io.MultiReader(
			strings.NewReader(bodyDeviceAuths+bodyDeviceAuths), iotestErrReader{}))}, nil
	})}
	_, err := c.DeviceAuths(context.Background(), testToken, testAccountID)
	assert.Equal(t, &DeviceAuthListError{DeviceAuthListBrokeOff}, err)
	assert.EqualError(t, err, "Epic's list of saved logins broke off while being read, so it could not be shown")
}

// deviceAuthEntries is a list answer of n entries, each the documented
// one with its own deviceId.
func deviceAuthEntries(n int) (body string, ends []int) {
	var b strings.Builder
	b.WriteString("[")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(strings.Replace(bodyDeviceAuths[1:len(bodyDeviceAuths)-1], testDeviceID, fmt.Sprintf("%032x", i), 1))
		// The entry is whole once its comma or bracket is read.
		ends = append(ends, b.Len()+1)
	}
	b.WriteString("]")
	return b.String(), ends
}

// TestDeviceAuthsKeepsTheStartOfALongList: ten thousand entries, about
// 3.5 MB, give the entries whole in the first 64 KiB, quickly and with a
// note; the rest is never read.
func TestDeviceAuthsKeepsTheStartOfALongList(t *testing.T) {
	body, ends := deviceAuthEntries(10000)
	require.Greater(t, len(body), 3_000_000)
	want := 0
	for _, end := range ends {
		if end <= MaxBodyBytes {
			want++
		}
	}
	require.Greater(t, want, 100)
	require.Less(t, want, MaxDeviceAuths, "the size limit, not the count, must cut this list")
	read := &countingBody{r: strings.NewReader(body)}
	c := &Client{Doer: doerFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: read}, nil
	})}

	start := time.Now()
	got, err := c.DeviceAuths(context.Background(), testToken, testAccountID)
	took := time.Since(start)

	require.NoError(t, err)
	assert.True(t, got.Truncated)
	assert.Zero(t, got.Skipped)
	require.Len(t, got.Items, want)
	for i, d := range got.Items {
		want := wantDeviceAuth
		want.DeviceID = fmt.Sprintf("%032x", i)
		require.Equal(t, want, d, "entry %d", i)
	}
	assert.LessOrEqual(t, read.n, MaxBodyBytes+512, "read %d bytes of %d", read.n, len(body))
	assert.Less(t, took, 2*time.Second)
}

func TestDeviceAuthsKeepsAtMostMaxDeviceAuths(t *testing.T) {
	short := func(n int) string {
		entries := make([]string, n)
		for i := range entries {
			entries[i] = fmt.Sprintf(`{"deviceId":"%032x"}`, i)
		}
		return "[" + strings.Join(entries, ",") + "]"
	}
	tests := []struct {
		name          string
		body          string
		wantItems     int
		wantTruncated bool
	}{
		{"empty list", `[]`, 0, false},
		{"exactly MaxDeviceAuths", short(MaxDeviceAuths), MaxDeviceAuths, false},
		{"one more", short(MaxDeviceAuths + 1), MaxDeviceAuths, true},
		{"far more", short(1000), MaxDeviceAuths, true},
		{"a list that ends in its first 64 KiB, padded past it", `[{"deviceId":"06b96e4c93ce452590408e72f814dedf"}]` + strings.Repeat(" ", MaxBodyBytes), 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Less(t, len(strings.TrimSpace(tt.body)), MaxBodyBytes)
			got, err := listAnswer(tt.body).DeviceAuths(context.Background(), testToken, testAccountID)
			require.NoError(t, err)
			assert.Len(t, got.Items, tt.wantItems)
			assert.NotNil(t, got.Items)
			assert.Equal(t, tt.wantTruncated, got.Truncated)
			assert.Zero(t, got.Skipped)
		})
	}
}

// countingBody counts what was read of it.
type countingBody struct {
	r io.Reader
	n int
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += n
	return n, err
}

func (b *countingBody) Close() error { return nil }
