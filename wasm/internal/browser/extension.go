//go:build js && wasm

package browser

// What the popup asks the permissions API for; manifest.json declares the
// same (required: the account host; optional: the sign-in's cookies).
var (
	AccountService = Access{Origins: []string{"https://account-public-service-prod.ol.epicgames.com/*"}}
	SignIn         = Access{
		Permissions: []string{"cookies"},
		Origins:     []string{"https://www.epicgames.com/*", "https://store.epicgames.com/*"},
	}
)

// Extension is the extension's side of the browser as the popup controller
// uses it (popup.Browser): its permissions, the sign-in's cookies, the
// network's state and the clipboard.
type Extension struct {
	Permissions Permissions
	Cookies     Cookies
}

func (Extension) Online() bool { return Online() }

func (b Extension) HostAccess() (bool, error) { return b.Permissions.Contains(AccountService) }

func (b Extension) RequestHostAccess() func() (bool, error) {
	return b.Permissions.Request(AccountService)
}

func (b Extension) RequestSignInAccess() func() (bool, error) { return b.Permissions.Request(SignIn) }

func (b Extension) ReleaseSignInAccess() error { return b.Permissions.Remove(SignIn) }

func (b Extension) Cookie(url, name string) (string, bool, error) { return b.Cookies.Get(url, name) }

func (Extension) Copy(text string) func() error { return WriteClipboard(text) }
