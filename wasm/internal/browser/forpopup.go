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

// ForPopup is the browser as the popup controller sees it (popup.Browser).
type ForPopup struct {
	Permissions Permissions
	Cookies     Cookies
}

func (ForPopup) Online() bool { return Online() }

func (b ForPopup) HostAccess() (bool, error) { return b.Permissions.Contains(AccountService) }

func (b ForPopup) RequestHostAccess() func() (bool, error) {
	return b.Permissions.Request(AccountService)
}

func (b ForPopup) RequestSignInAccess() func() (bool, error) { return b.Permissions.Request(SignIn) }

func (b ForPopup) ReleaseSignInAccess() error { return b.Permissions.Remove(SignIn) }

func (b ForPopup) Cookie(url, name string) (string, bool, error) { return b.Cookies.Get(url, name) }

func (ForPopup) Copy(text string) func() error { return WriteClipboard(text) }
