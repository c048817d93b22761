package messages

import "strconv"

// The English catalog: the keys, by where the popup shows each message, then
// their texts in the same order.

// The extension's name and the words of its own markup: the manifest,
// popup.html (which shows them before Go runs) and popup.js.
const (
	// This catalog's language tag (BCP 47: de, pt-BR, …), never shown: it becomes
	// <html lang>, and any tag but en makes the popup use this catalog.
	LangTag Key = "langTag"
	// The extension's name: the popup's heading and window title, the browser's list
	// of extensions, and the stores. "Session Killer" stays as it is and comes first;
	// Epic Games is named only as what it works with. At most 50 characters.
	ExtName Key = "extName"
	// The extension's description in the browser's list of extensions and in the
	// stores; also the popup's intro while no token is held. At most 132 characters.
	ExtDescription Key = "extDescription"
	// The tooltip of the extension's button in the browser's toolbar: a short phrase
	// saying what it does.
	ActionTitle Key = "actionTitle"
	// A heading that only screen readers hear, over the token area (the token held,
	// the ways to take one, the token field).
	TokenHeading Key = "tokenHeading"
	// A small link-like button beside the line that sums up the token held: the popup
	// drops the token. One short word.
	ForgetButton Key = "forgetButton"
	// The clickable title that opens the details of the token held (display name,
	// account, app, time left…). Short.
	TokenDetails Key = "tokenDetails"
	// A button the width of the popup: take the token of the user's epicgames.com
	// sign-in in this browser. One line of the 400 px popup.
	UseSignIn Key = "useSignIn"
	// The label of the token field while no token is held, under the sign-in button
	// (hence “Or”). A short line.
	PasteLabel Key = "pasteLabel"
	// The label of the token field while a token is held: a token pasted there
	// replaces it. A short line.
	PasteAnotherLabel Key = "pasteAnotherLabel"
	// Small print under the token field while no token is held: what a token looks
	// like, and where it goes. eg1~ and JSON stay as they are.
	TokenHint Key = "tokenHint"
	// A link to Epic's sign-in page, shown after the popup found no epicgames.com
	// sign-in in this browser.
	SignInLink Key = "signInLink"
	// The name screen readers give the area where one chooses what to sign out and
	// starts it. Short.
	SignOutSection Key = "signOutSection"
	// The label of the select (a drop-down list) that chooses what to sign out. Short.
	KillTypeLabelText Key = "killTypeLabel"
	// A link to Epic's Password and security page, after noKillUsable: use the name
	// Epic's site gives that page in this language.
	NoKillLink Key = "noKillLink"
	// A small link-like button beside Kill sessions: sign out only the token summed up
	// at the top, after a confirmation. Short.
	KillThisButton Key = "killThisButton"
	// The button that closes the confirmation and sends nothing; it has the focus when
	// the confirmation opens. Short.
	CancelButton Key = "cancelButton"
	// The red button of the confirmation as popup.html writes it; the popup puts the
	// choice's own button text (confirm_…) there. Short.
	ConfirmButton Key = "confirmButton"
	// The name screen readers give the region that announces the outcome of a kill and
	// what to do next. One word.
	OutcomeLabel Key = "outcomeLabel"
	// A button under the outcome after the user turned off the extension's access to
	// Epic: the browser asks for it again.
	GrantAccessButton Key = "grantAccessButton"
	// The clickable title that opens the details of Epic's last answer, for support,
	// above Copy details. One short word.
	DetailsSummary Key = "detailsSummary"
	// The button that puts the details of Epic's last answer on the clipboard, for a
	// support request. Short.
	CopyDetailsButton Key = "copyDetailsButton"
	// The title of the history of earlier outcomes as popup.html writes it; the popup
	// shows historyTitle, with the count, there.
	HistoryHeading Key = "historyHeading"
	// The button under the history of earlier outcomes that empties it. Short.
	ClearHistoryButton Key = "clearHistoryButton"
	// Shown in place of the popup when it cannot start at all. {reason} is the
	// browser's error message, in English as the browser gives it.
	FatalStart Key = "fatalStart"
	// Shown in place of the popup when it started but then stopped working.
	FatalStopped Key = "fatalStopped"
)

// The kill button, the kill types and their permissions.
const (
	// The main button: it sends the chosen sign-out to Epic. One to three words;
	// killAgain names it, in the same words.
	KillButton Key = "killButton"
	// Under the buttons while Epic's wait keeps Kill sessions off, counted down every
	// second. {wait} is the time left, such as “3 min 41 s”.
	Countdown Key = "countdown"
	// An option of the select, for a choice this token may not use. {label} is the
	// option's own text, such as Everywhere else. Keep it short.
	KillTypeNotAllowed Key = "killTypeNotAllowed"
	// Small print under the select. {killType} is Epic's own name for the choice, such
	// as OTHERS, which stays as it is.
	EpicName Key = "epicName"
	// Small print under the select when the token may not use the choice. {killType}
	// is Epic's name for it, such as OTHERS; {permissions} what the token lacks.
	EpicNameLacking Key = "epicNameLacking"
	// In epicNameLacking, a permission the account must hold. {permission} is Epic's
	// name for it, such as account:token:otherSessionsForAccount DELETE.
	PermissionOfAccount Key = "permissionOfAccount"
	// In epicNameLacking, a permission the token's app (client) must hold.
	// {permission} is Epic's name for it, kept as it is.
	PermissionOfClient Key = "permissionOfClient"
	// A warning under the select when the choice ends the token in the popup too: the
	// user is signed out here as well.
	KillTypeWarning Key = "killTypeWarning"
	// A warning in place of Kill sessions when this token may sign out nothing. Name
	// Sign out everywhere, Account and Password and security as Epic's site does.
	NoKillUsable Key = "noKillUsable"
	// A choice named in a sentence. {label} is its label, such as Everywhere else, in
	// this language's quotation marks.
	QuotedLabel Key = "quotedLabel"
	// A choice named in a sentence, when it ends the token in the popup too. {label}
	// is its label, such as Everywhere, including here, in quotation marks.
	QuotedLabelEnds Key = "quotedLabelEnds"
)

// The confirmation.
const (
	// The confirmation's text before a sign-out that ends the token in the popup too.
	// {description} is the choice's one-line description (describe_…).
	ConfirmKillType Key = "confirmKillType"
	// The confirmation's text before signing out only the token in the popup. {token}
	// sums it up, such as “DemoPlayer · Fortnite (PC) · 7 h 59 min left”.
	ConfirmOwnSession Key = "confirmOwnSession"
	// The confirmation's text before signing out only the token in the popup, while
	// Epic has not yet said whose the token is.
	ConfirmOwnUnknown Key = "confirmOwnUnknown"
	// The outcome, announced to screen readers, once the user cancelled the
	// confirmation.
	Cancelled Key = "cancelled"
	// The outcome while the kill is on its way, announced to screen readers. {label}
	// is the chosen sign-out's label in quotes (quotedLabel).
	Asking Key = "asking"
	// The outcome while the kill of only the token in the popup is on its way,
	// announced to screen readers.
	AskingOwnSession Key = "askingOwnSession"
	// The outcome area's text for a moment while the popup loads. Short.
	Starting Key = "starting"
	// Grey text in the empty token field while a token is held: what a token looks
	// like. One short line; eg1~ and JSON stay as they are.
	TokenPlaceholder Key = "tokenPlaceholder"
	// Beside Copy details once the details are on the clipboard; announced. One word
	// if possible.
	CopiedDetails Key = "copiedDetails"
	// Beside Copy details when copying failed; announced. {reason} is a sentence:
	// notOffered, or the browser's error message, in English as the browser gives it.
	CouldNotCopy Key = "couldNotCopy"
	// The reason that couldNotCopy or signInUnreadable give when the browser lacks
	// what the popup needs. {api} is the name of the browser's feature, such as
	// navigator.clipboard or cookies, kept as it is.
	NotOffered Key = "notOffered"
	// The outcome once the user allowed the extension's access to Epic again
	// (grantAccessButton); announced.
	AccessGrantedAgain Key = "accessGrantedAgain"
	// Advice after the title accessGrantedAgain. Kill sessions is the main button:
	// name it in the words of killButton.
	KillAgain Key = "killAgain"
	// Advice when the user did not allow the access that grantAccessButton asked for.
	AccessNotGranted Key = "accessNotGranted"
	// Advice once Epic's wait is over and Kill sessions works again, in place of the
	// sentence that said how long to wait.
	WaitOver Key = "waitOver"
)

// The history's reference to an answer: Epic's status and error code, for
// those who look; never in a sentence that is announced.
const (
	// Small print after a line of the history. {status} is the HTTP status of Epic's
	// answer, such as 503; HTTP stays as it is.
	ReferenceStatus Key = "referenceStatus"
	// Small print after a line of the history. {status} is the HTTP status of Epic's
	// answer, such as 400; {code} Epic's error code, kept as it is.
	ReferenceCode Key = "referenceCode"
)

// A refused kill, before anything is sent.
const (
	// The title of an outcome, announced: the token may not use the choice, so the
	// popup sent nothing. {label} is the choice's label in quotes.
	KillRefused Key = "killRefused"
	// Advice after the title killRefused. {killTypes} lists the labels of the choices
	// the token may use, each in quotes, joined by listComma.
	TokenCanUse Key = "tokenCanUse"
	// The title of an outcome when the popup reopens after being closed during a kill.
	// {time} is when it was sent, such as 16:02:11; {label} the choice, quoted.
	UnansweredKill Key = "unansweredKill"
	// As unansweredKill, for a kill of only the token in the popup. {time} is when it
	// was sent, such as 16:02:11.
	UnansweredOwn Key = "unansweredOwn"
	// Advice after the title unansweredKill or unansweredOwn.
	UnansweredAdvice Key = "unansweredAdvice"
	// A line of the history of earlier outcomes: signed out. {time} is when it was
	// sent, such as 16:02:11; {label} the choice's label, not quoted. Short.
	HistoryDone Key = "historyDone"
	// A line of the history: an answer came, but nothing was signed out. {time} is
	// when it was sent, such as 16:02:11; {label} the choice's label. Short.
	HistoryNotDone Key = "historyNotDone"
	// A line of the history: no answer came. {time} is when it was sent, such as
	// 16:02:11; {label} the choice's label. Short.
	HistoryNoAnswer Key = "historyNoAnswer"
	// The clickable title of the history of earlier outcomes in this browser session.
	// {count} is how many lines it holds, 1 to 5.
	HistoryTitle Key = "historyTitle"
)

// The token: what the popup knows of it, and what became of it.
const (
	// In the token's details, the label of the player's display name. Short.
	FactDisplayName Key = "factDisplayName"
	// In the token's details, the label of the account's id. Short.
	FactAccount Key = "factAccount"
	// In the token's details, the label of the app (Epic's client) the token was
	// issued to. Short.
	FactClient Key = "factClient"
	// In the token's details, the label of the service the token was issued for
	// (Epic's name for it, such as prod-fn). Short.
	FactService Key = "factService"
	// In the token's details, the label of how the account signed in (Epic's name for
	// it, such as exchange_code). Short.
	FactSignedInWith Key = "factSignedInWith"
	// In the token's details, the label of how long the token still works. Short.
	FactTimeLeft Key = "factTimeLeft"
	// In the token's details, the label of where the token came from (sourcePasted,
	// sourceSignIn…). Short.
	FactSource Key = "factSource"
	// The line at the top that sums up the token. {name} is the player's name; {app}
	// the app, such as Fortnite (PC); {left} the time left, such as “7 h 59 min left”.
	TokenSummary Key = "tokenSummary"
	// The line at the top, in place of tokenSummary, while Epic has not yet said whose
	// the token is.
	TokenSummaryUnknown Key = "tokenSummaryUnknown"
	// The time left in tokenSummary while the token works. {time} is a duration to the
	// minute, such as “7 h 59 min”.
	TokenLeft Key = "tokenLeft"
	// The name in tokenSummary when the player's display name is not known.
	NameUnknown Key = "nameUnknown"
	// The app in tokenSummary when the token's app is not known; lower case, mid-line.
	AppUnknown Key = "appUnknown"
	// The time left in tokenSummary when the token's expiry is not known; lower case,
	// at the end of the line.
	LeftUnknown Key = "leftUnknown"
	// The app in tokenSummary when it is not a well-known one. {id} is the start of
	// Epic's id for the app, such as ec684b8c…; lower case, mid-line.
	AppByID Key = "appByID"
	// In the token's details, a well-known app. {product} is its name, such as
	// Fortnite (PC); {id} Epic's id for it, 32 hexadecimal characters.
	ClientWithProduct Key = "clientWithProduct"
	// In the token's details, where the token came from: pasted into the field, not
	// yet checked with Epic. A short phrase, lower case.
	SourcePasted Key = "sourcePasted"
	// In the token's details, where the token came from: pasted, and Epic has
	// confirmed that it works. A short phrase, lower case.
	SourcePastedConfirmed Key = "sourcePastedConfirmed"
	// In the token's details, where the token came from: the user's epicgames.com
	// sign-in in this browser, not yet checked with Epic. A short phrase.
	SourceSignIn Key = "sourceSignIn"
	// In the token's details, where the token came from: the user's epicgames.com
	// sign-in, and Epic has confirmed that it works. A short phrase.
	SourceSignInConfirmed Key = "sourceSignInConfirmed"
	// The time left of an expired token, in tokenSummary and in the token's details.
	// One word, lower case.
	Expired Key = "expired"
	// The status line under the token field, announced: a pasted token was taken, and
	// Epic is asked about it.
	TokenTaken Key = "tokenTaken"
	// The status line under the token field, announced: the token of the epicgames.com
	// sign-in was taken, and Epic is asked about it.
	TokenTakenFromSignIn Key = "tokenTakenFromSignIn"
	// The status line under the token field, announced: Epic checked the token and it
	// works.
	TokenConfirmed Key = "tokenConfirmed"
	// The status line under the token field: Epic's check of the token failed; an
	// outcome's title (why) and tokenKept follow.
	TokenNotConfirmed Key = "tokenNotConfirmed"
	// Ends the status line under the token field when Epic could not check the token:
	// the popup still holds it.
	TokenKept Key = "tokenKept"
	// The status line under the token field: the browser is offline, so the token was
	// taken unchecked.
	TokenOfflineUnconfirmed Key = "tokenOfflineUnconfirmed"
	// The status line under the token field: Epic is limiting requests, so the token
	// was taken unchecked.
	TokenThrottled Key = "tokenThrottled"
	// The title of an outcome, announced: Epic's check says the token no longer works,
	// so the popup dropped it.
	TokenRefused Key = "tokenRefused"
	// Advice after the title tokenRefused.
	TokenTakeNew Key = "tokenTakeNew"
	// The status line under the token field once the user clicked Forget
	// (forgetButton).
	TokenForgotten Key = "tokenForgotten"
	// The status line under the token field after an outcome that showed the token no
	// longer works.
	TokenForgottenDead Key = "tokenForgottenDead"
	// The status line under the token field when the popup opens and the token kept
	// from earlier has expired.
	TokenKeptExpired Key = "tokenKeptExpired"
	// Follows the problem with a pasted text in the outcome when a token is held
	// already: that token stays.
	TokenBeforeStillUsed Key = "tokenBeforeStillUsed"
	// The status line under the token field while the browser asks the user for
	// permission to read the epicgames.com sign-in.
	SignInWaiting Key = "signInWaiting"
	// The status line under the token field: the user did not let the extension read
	// the epicgames.com sign-in.
	SignInRefused Key = "signInRefused"
	// The status line under the token field: no epicgames.com sign-in was found; a
	// link to Epic's sign-in page (signInLink) follows.
	SignInNone Key = "signInNone"
	// The status line under the token field: the sign-in could not be read. {reason}
	// is the browser's error message, in English as the browser gives it.
	SignInUnreadable Key = "signInUnreadable"
	// The status line under the token field: Epic's answer to the check of the token
	// was empty; tokenKept follows.
	VerifyAnswerEmpty Key = "verifyAnswerEmpty"
	// The status line under the token field: Epic's answer to the check of the token
	// was too large to read; tokenKept follows.
	VerifyAnswerTooLarge Key = "verifyAnswerTooLarge"
	// The status line under the token field: Epic's answer to the check of the token
	// broke off; tokenKept follows.
	VerifyAnswerBrokeOff Key = "verifyAnswerBrokeOff"
	// The status line under the token field: Epic's answer to the check of the token
	// is not what Epic sends; tokenKept follows.
	VerifyAnswerNotJSON Key = "verifyAnswerNotJSON"
	// The status line under the token field: Epic's answer lacks the token's app;
	// client_id is its field name, kept as it is. tokenKept follows.
	VerifyAnswerNoClient Key = "verifyAnswerNoClient"
	// The status line under the token field: Epic's answer lacks the token's expiry;
	// expires_at is its field name, kept as it is. tokenKept follows.
	VerifyAnswerNoExpiry Key = "verifyAnswerNoExpiry"
	// The title of an outcome, announced: Kill sessions was clicked with no token held
	// or pasted.
	InputNoToken Key = "inputNoToken"
	// The title of an outcome, announced: the pasted token has spaces or line breaks
	// inside.
	InputTokenHasSpace Key = "inputTokenHasSpace"
	// The title of an outcome, announced: the pasted text has characters that no Epic
	// token has.
	InputTokenBadChar Key = "inputTokenBadChar"
	// The title of an outcome, announced: the pasted text is no kind of Epic token the
	// popup knows. eg1~ and JSON stay as they are.
	InputTokenUnrecognized Key = "inputTokenUnrecognized"
	// The title of an outcome, announced: the pasted text starts like JSON but is
	// broken. access_token is a field name, kept as it is.
	InputTokenJSON Key = "inputTokenJSON"
	// The title of an outcome, announced: the pasted JSON lacks the token.
	// access_token is a field name, kept as it is.
	InputNoAccessToken Key = "inputNoAccessToken"
	// The title of an outcome, announced: a refresh token was pasted in place of an
	// access token. access_token is a field name, kept as it is.
	InputRefreshToken Key = "inputRefreshToken"
	// The title of an outcome, announced: the pasted token has expired.
	InputTokenExpired Key = "inputTokenExpired"
	// The title of an outcome, announced: the pasted token has expired. {date} is
	// when, such as “1 Dec 2026 at 16:02 UTC”, always written in English.
	InputTokenExpiredOn Key = "inputTokenExpiredOn"
	// The title of an outcome, announced: the pasted text is far too long to be a
	// token.
	InputTokenTooLong Key = "inputTokenTooLong"
	// The title of an outcome, announced: the pasted eg1 token is damaged. eg1~ and
	// base64url stay as they are.
	InputEG1Malformed Key = "inputEG1Malformed"
	// The title of an outcome, announced: the content of the pasted eg1 token cannot
	// be read.
	InputEG1Payload Key = "inputEG1Payload"
	// The title of an outcome, announced: the permission list inside the pasted eg1
	// token cannot be read; p is its name, kept as it is.
	InputEG1Permissions Key = "inputEG1Permissions"
	// The title of an outcome, announced: no choice of what to sign out came with the
	// click. {killTypes} lists Epic's names for the choices, such as OTHERS.
	InputNoKillType Key = "inputNoKillType"
	// The title of an outcome, announced: the page asked for a choice that does not
	// exist. {input} is what it asked for; {killTypes} Epic's names for the choices.
	InputUnknownKillType Key = "inputUnknownKillType"
	// A text the popup did not write, shown as it is: a player's name, the browser's
	// words for an error. {text} is that text: keep {text} alone.
	Verbatim Key = "verbatim"
)

// What an outcome means: a title, then advice in whole sentences.
const (
	// The title of an outcome, announced: what was entered cannot be sent; the
	// sentence that says why follows.
	NothingSent Key = "nothingSent"
	// Advice under the title of a kill that failed: Epic signed nothing out.
	NothingSignedOut Key = "nothingSignedOut"
	// Advice after a kill that worked and kept the token in the popup: the devices
	// signed out must sign in again.
	SignedOutTokenStillWorks Key = "signedOutTokenStillWorks"
	// Advice after a kill that worked and ended the token in the popup too.
	SignedOutTokenEnded Key = "signedOutTokenEnded"
	// The title of an outcome, announced: Epic signed out what was asked (when the
	// choice is not known).
	SignedOutGeneric Key = "signedOutGeneric"
	// Advice after only the token in the popup was signed out: how to go on.
	SignedOutOwnNext Key = "signedOutOwnNext"
	// Advice after a kill that worked: signing out does not change the password.
	SecureAccountAdvice Key = "secureAccountAdvice"

	// The title of an outcome, announced: the browser is offline, so nothing was sent.
	Offline Key = "offline"
	// Advice after the title offline.
	OfflineAdvice Key = "offlineAdvice"

	// The title of an outcome, announced: the user turned off the extension's access
	// to Epic's account service in the browser.
	HostAccess Key = "hostAccess"
	// Advice after the title hostAccess, above the button that asks for it again.
	// {host} is Epic's host, such as account-public-service-prod.ol.epicgames.com.
	HostAccessAdvice Key = "hostAccessAdvice"

	// The title of an outcome, announced: Epic did not answer in time, so the request
	// was stopped. {wait} is the time limit, such as “15 s”.
	NoAnswerWithin Key = "noAnswerWithin"
	// As noAnswerWithin, when the time limit is not known.
	NoAnswerInTime Key = "noAnswerInTime"
	// Advice after the title noAnswerWithin when the kill was sent.
	TimeoutAdvice Key = "timeoutAdvice"
	// Advice after the title noAnswerWithin when the kill waited for Epic's check of
	// the token, which never came, and was not sent.
	UnconfirmedAdvice Key = "unconfirmedAdvice"
	// The title of an outcome, announced: the request was stopped before Epic
	// answered.
	Stopped Key = "stopped"
	// Advice after the title stopped.
	StoppedAdvice Key = "stoppedAdvice"
	// The title of an outcome, announced: a redirect answered the request, and the
	// extension does not follow it.
	Redirected Key = "redirected"
	// Advice after the title redirected: something such as a Wi-Fi sign-in page
	// answered in Epic's place.
	RedirectedAdvice Key = "redirectedAdvice"
	// The title of an outcome, announced: the network failed before Epic answered.
	Unreachable Key = "unreachable"
	// Advice after the title unreachable; epicgames.com stays as it is.
	UnreachableAdvice Key = "unreachableAdvice"
	// The title of an outcome, announced: Epic accepted the request, but with an
	// answer it does not usually give.
	OddSuccess Key = "oddSuccess"
	// Advice after the title oddSuccess; the details are below the outcome
	// (detailsSummary).
	OddSuccessAdvice Key = "oddSuccessAdvice"
	// The title of an outcome, announced: a web page answered in place of Epic's
	// service.
	WebPage Key = "webPage"
	// Advice after the title webPage; epicgames.com stays as it is.
	WebPageAdvice Key = "webPageAdvice"
	// Advice after a title saying Epic no longer accepts the token, which the popup
	// then forgets.
	TokenDeadNewToken Key = "tokenDeadNewToken"
	// Advice after a title saying Epic no longer accepts the token, when the aim was
	// to sign out only that token.
	TokenDeadOwnSession Key = "tokenDeadOwnSession"
	// The title of an outcome, announced: Epic refused the token, which has expired or
	// was signed out.
	TokenExpiredOrOut Key = "tokenExpiredOrOut"
	// The title of an outcome, announced: Epic did not accept the token.
	TokenNotAccepted Key = "tokenNotAccepted"
	// The title of an outcome, announced: Epic refused the token without an error
	// code; it may have expired.
	TokenNotAccepted401 Key = "tokenNotAccepted401"
	// The title of an outcome, announced: Epic says the token is not a valid one.
	TokenNotValid Key = "tokenNotValid"
	// The title of an outcome, announced: Epic says the token is no longer valid.
	TokenNoLongerValid Key = "tokenNoLongerValid"

	// The title of an outcome, announced: Epic refused the kill as the token lacks a
	// permission. {label} is the choice's label in quotes.
	MayNotUse Key = "mayNotUse"
	// As mayNotUse, when the kill was of only the token in the popup (or the choice is
	// not known).
	LacksPermission Key = "lacksPermission"
	// Advice after the title mayNotUse: choices that may work. {killTypes} lists
	// labels, each in quotes, joined by listOr.
	TryInstead Key = "tryInstead"
	// Advice after the title mayNotUse: the choices the token may use. {killTypes}
	// lists labels, each in quotes, joined by listComma.
	CanUseInstead Key = "canUseInstead"
	// Advice after the title mayNotUse or killRefused: the token may use no other
	// choice.
	CanUseNoOther Key = "canUseNoOther"
	// Advice when the token may not sign out the whole account. Name Sign out
	// everywhere and Password and security as Epic's site does.
	SignOutEverywhereAdvice Key = "signOutEverywhereAdvice"

	// The title of an outcome, announced: Epic is limiting requests; Kill sessions
	// waits.
	Throttled Key = "throttled"
	// Advice after the title throttled, and some others: when to try again. {wait} is
	// the time Epic asked to wait, such as “3 min 41 s”.
	ThrottledFor Key = "throttledFor"
	// As throttledFor, when Epic did not say how long. {wait} is the popup's own wait,
	// such as “1 min 00 s”.
	ThrottledUnsaid Key = "throttledUnsaid"
	// Advice after the title throttled.
	ThrottledLonger Key = "throttledLonger"
	// The title of an outcome, announced: something other than Epic answered that
	// there are too many requests.
	ThrottledNotEpic Key = "throttledNotEpic"
	// Advice after the title throttledNotEpic.
	ThrottledNotEpicHint Key = "throttledNotEpicHint"

	// The title of an outcome, announced: Epic refused as the account has had too many
	// sessions.
	TooManySessions Key = "tooManySessions"
	// Advice after the title tooManySessions.
	TooManySessionsAdvice Key = "tooManySessionsAdvice"

	// The title of an outcome, announced: the session to sign out no longer exists.
	UnknownSession Key = "unknownSession"
	// Advice after the title unknownSession.
	UnknownSessionAdvice Key = "unknownSessionAdvice"
	// The title of an outcome, announced: the session belongs to another account.
	NotOwnSession Key = "notOwnSession"
	// Advice after the title notOwnSession.
	NotOwnSessionAdvice Key = "notOwnSessionAdvice"
	// The title of an outcome, announced: the token belongs to an app with no account
	// signed in.
	ClientOnly Key = "clientOnly"
	// Advice after the title clientOnly. {label} is the choice's label in quotes.
	ClientOnlyAdvice Key = "clientOnlyAdvice"
	// As clientOnlyAdvice, when the kill was of only the token in the popup.
	ClientOnlyAdviceThis Key = "clientOnlyAdviceThis"
	// The title of an outcome, announced: Epic rejected the choice of what to sign out
	// as invalid.
	KillTypeRejected Key = "killTypeRejected"
	// Advice after the title killTypeRejected.
	MaybeOutOfDate Key = "maybeOutOfDate"
	// The title of an outcome, announced: Epic rejected the request as invalid.
	RequestRejected Key = "requestRejected"
	// Advice after the title requestRejected; the details are below the outcome
	// (detailsSummary).
	CopyDetailsToReport Key = "copyDetailsToReport"
	// Advice after some titles when Epic's answer had words of its own: they are in
	// the details, as Epic wrote them.
	SeeDetails Key = "seeDetails"
	// The title of an outcome, announced: Epic answered that it does not know the
	// address of the request.
	AddressUnknown Key = "addressUnknown"
	// The title of an outcome, announced: Epic answered that it does not take this
	// kind of request at that address.
	MethodNotAllowed Key = "methodNotAllowed"
	// Advice after the title addressUnknown or methodNotAllowed.
	OutOfDateOrChanged Key = "outOfDateOrChanged"
	// The title of an outcome, announced: Epic's service failed (a server error).
	EpicTrouble Key = "epicTrouble"
	// Advice after the title epicTrouble; status.epicgames.com stays as it is.
	EpicTroubleAdvice Key = "epicTroubleAdvice"

	// The title of an outcome, announced: an answer from Epic the extension cannot
	// interpret.
	Unknown Key = "unknown"
	// Advice after the title unknown: the answer was empty.
	UnknownNoBody Key = "unknownNoBody"
	// Advice after the title unknown: the answer was not an error as Epic writes them.
	UnknownNotEpicsFormat Key = "unknownNotEpicsFormat"
	// Advice after the title unknown: the answer was too large to read.
	UnknownTooLarge Key = "unknownTooLarge"
	// Advice after the title unknown: the answer broke off.
	UnknownBrokeOff Key = "unknownBrokeOff"
	// Advice after the title unknown; the details are below the outcome
	// (detailsSummary).
	UnknownAskForHelp Key = "unknownAskForHelp"
)

// The details that Copy details puts on the clipboard for support.
const (
	// The first line of the details of an answer, shown under Details and copied for
	// support. It starts with the extension's name, extName.
	DetailsHeading Key = "detailsHeading"
	// A line of the details. {value} is when the answer came, such as
	// 2026-12-01T16:02:11Z.
	DetailsTime Key = "detailsTime"
	// A line of the details. {value} is Epic's name for the choice, such as OTHERS.
	DetailsKillType Key = "detailsKillType"
	// A line of the details. {value} is the HTTP status of Epic's answer, such as 503;
	// HTTP stays as it is.
	DetailsStatus Key = "detailsStatus"
	// A line of the details when no answer came; HTTP stays as it is.
	DetailsNoStatus Key = "detailsNoStatus"
	// A line of the details. {value} is Epic's error code, such as
	// errors.com.epicgames.common.server_error; keep errorCode, Epic's name for it.
	DetailsErrorCode Key = "detailsErrorCode"
	// A line of the details. {value} is Epic's numeric error code, such as 1000;
	// numericErrorCode is Epic's field name: keep it.
	DetailsNumericCode Key = "detailsNumericCode"
	// A line of the details. {value} is Epic's own message, in English as it came.
	DetailsMessage Key = "detailsMessage"
	// A line of the details. {value} is the id Epic gave the request, which Epic's
	// support can look up.
	DetailsCorrelationID Key = "detailsCorrelationID"
	// A line of the details when no answer came. {value} is the browser's own
	// report of the network error, in English as it came.
	DetailsCause Key = "detailsCause"
	// A line of the details: the answer had no body.
	DetailsBodyEmpty Key = "detailsBodyEmpty"
	// A line of the details: the answer was a web page (a proxy, a captive portal
	// or a challenge page), not Epic's error details.
	DetailsBodyWebPage Key = "detailsBodyWebPage"
	// A line of the details: the answer's body was something other than Epic's
	// error details.
	DetailsBodyOther Key = "detailsBodyOther"
	// A line of the details: the answer's body was too large to read. Keep 64 KiB.
	DetailsBodyTooLarge Key = "detailsBodyTooLarge"
	// A line of the details: the answer's body broke off while it was read.
	DetailsBodyUnreadable Key = "detailsBodyUnreadable"
)

// The words that join a list of names, and how sentences follow each other.
const (
	// Joins the items of a list (“A or B”, as in tryInstead), with the spaces this
	// language needs around it.
	ListOr Key = "listOr"
	// Joins the items of a list (“A, B”, as in tokenCanUse), with the space this
	// language needs after it.
	ListComma Key = "listComma"
	// How two whole sentences of one paragraph follow each other: {first}, then
	// {second}, with a space between them in most languages, none in Japanese.
	JoinSentences Key = "joinSentences"
)

// Durations: a wait, counted down to the second, and a token's time left, to
// the minute (durations.go).
const (
	// A wait under a minute, counted down every second. {s} is the seconds, such as
	// 41. Use short units.
	DurationSeconds Key = "durationSeconds"
	// A wait under an hour. {m} is the minutes, such as 3; {ss} the seconds in two
	// digits, such as 05. Use short units.
	DurationMinutesSeconds Key = "durationMinutesSeconds"
	// A wait of an hour or more. {h} is the hours; {mm} the minutes and {ss} the
	// seconds, in two digits each, such as 05. Use short units.
	DurationHoursMinSec Key = "durationHoursMinSec"
	// A token's time left under an hour (in tokenLeft and the token's details). {m} is
	// the minutes, such as 59. Use short units.
	DurationMinutes Key = "durationMinutes"
	// A token's time left of an hour or more. {h} is the hours, such as 7; {mm} the
	// minutes in two digits, such as 05. Use short units.
	DurationHoursMinutes Key = "durationHoursMinutes"
)

// Saved logins: what a device is. Each saved login (Epic's device auth) is
// named by the app and system that saved it, as the app told Epic.
const (
	// A saved login, named by the app that saved it and its system. {app} is the app,
	// such as Fortnite or Epic Games Launcher; {platform} the system, such as Windows,
	// PlayStation 5 or the words of devicePlatformIOS. Short.
	DeviceAppOn Key = "deviceAppOn"
	// A saved login of a known app on a system the popup does not know. {app} is the
	// app, such as Fortnite or Epic Games Launcher. Short.
	DeviceAppOnUnknown Key = "deviceAppOnUnknown"
	// A saved login of an app the popup does not know, on a known system. {platform}
	// is the system, such as Windows, Android or devicePlatformIOS. Short.
	DeviceUnknownOn Key = "deviceUnknownOn"
	// A saved login of an app the popup does not know, on an unknown system. Short.
	DeviceUnknown Key = "deviceUnknown"
	// A saved login made by a program, not by a game or Epic's launcher: a script or a
	// bot. {library} is the name of the programming library or tool it was written
	// with, such as python-requests or curl, kept as it is.
	DeviceLibrary Key = "deviceLibrary"
	// The system of a saved login made on an iPhone or an iPad (Epic's IOS), in
	// deviceAppOn and deviceUnknownOn: use the names Apple uses in this language.
	DevicePlatformIOS Key = "devicePlatformIOS"
)

// Saved logins: the section under the outcome that lists the account's saved
// logins (Epic's device auths) and revokes them.
const (
	// The clickable title of the folded section that lists the saved logins, as
	// popup.html writes it; the popup shows savedLoginsCount there once listed. Short.
	SavedLoginsTitle Key = "savedLoginsTitle"
	// The section's title once the list came. {count} is how many saved logins Epic
	// listed, 0 to 200. Short.
	SavedLoginsCount Key = "savedLoginsCount"
	// The first line inside the section: what a saved login is, and that a kill does not
	// end one. Two short sentences.
	SavedLoginsIntro Key = "savedLoginsIntro"
	// In the section while Epic's list is on its way; announced.
	LoginsLoading Key = "loginsLoading"
	// In the section when it is opened while another request to Epic runs; announced.
	LoginsWaiting Key = "loginsWaiting"
	// In the section when Epic listed no saved login; announced.
	LoginsNone Key = "loginsNone"
	// In the section under the list when Epic listed more than the popup keeps. {count}
	// is how many are shown, such as 200.
	LoginsTruncated Key = "loginsTruncated"
	// In the section under the list when some entries of Epic's list could not be read.
	// {count} is how many were left out, such as 1.
	LoginsSkipped Key = "loginsSkipped"
	// In the section when the list could not be loaded; the outcome above the section
	// says why.
	LoginsNotListed Key = "loginsNotListed"
	// A button in the section that asks Epic for the list again. Short.
	ReloadLoginsButton Key = "reloadLoginsButton"
	// A button under the list: revoke every saved login listed, after a confirmation.
	// Short.
	RevokeAllButton Key = "revokeAllButton"
	// Small print beside revokeAllButton: why it revokes every saved login listed.
	RevokeAllNote Key = "revokeAllNote"
	// A line under a saved login's name: when and where it was saved. {when} is a time
	// relative to now, such as 3 months ago, or loginTimeUnknown; {place} the country
	// Epic placed it in, in English as Epic gives it, or loginPlaceUnknown. Short.
	LoginSaved Key = "loginSaved"
	// A line under a saved login's name: when and where it was last used. {when} is a
	// time relative to now, such as 2 days ago, or loginTimeUnknown; {place} the
	// country, in English as Epic gives it, or loginPlaceUnknown. Short.
	LoginUsed Key = "loginUsed"
	// A line under a saved login's name in place of loginUsed: it was never used. Short.
	LoginNeverUsed Key = "loginNeverUsed"
	// The place in loginSaved or loginUsed when Epic gave none. A few words.
	LoginPlaceUnknown Key = "loginPlaceUnknown"
	// The time in loginSaved, loginUsed and confirmRevoke, and in loginFactAt, when
	// Epic gave no readable time. A few words.
	LoginTimeUnknown Key = "loginTimeUnknown"
	// A line under a saved login made by a script or bot (deviceLibrary): a hint to
	// revoke it if it is not the player's.
	LoginBotNote Key = "loginBotNote"
	// The clickable title that opens more about one saved login: exact times, the app's
	// own name, its id. Short.
	LoginMore Key = "loginMore"
	// In more about one saved login, the label of when and where it was saved. Short.
	LoginFactSaved Key = "loginFactSaved"
	// In more about one saved login, the label of when and where it was last used.
	// Short.
	LoginFactUsed Key = "loginFactUsed"
	// In more about one saved login, the label of the name the app gave itself when
	// saving it (its user agent, shown as it is). Short.
	LoginFactApp Key = "loginFactApp"
	// In more about one saved login, the label of Epic's id for it. Short.
	LoginFactDeviceID Key = "loginFactDeviceID"
	// A value in more about one saved login. {time} is the exact date and time, such as
	// 1 Dec 2026 at 16:02 UTC; {place} the country, in English as Epic gives it, or
	// loginPlaceUnknown.
	LoginFactAt Key = "loginFactAt"
	// The clickable title that shows the IP addresses of one saved login, kept hidden
	// until asked for. Short.
	LoginShowIP Key = "loginShowIP"
	// A line once the IP addresses are shown. {ip} is the address the saved login was
	// made from, such as 203.0.113.24, kept as it is.
	LoginIPSaved Key = "loginIPSaved"
	// A line once the IP addresses are shown. {ip} is the address the saved login was
	// last used from, kept as it is.
	LoginIPUsed Key = "loginIPUsed"
	// Shown once the IP addresses are asked for when Epic gave none.
	LoginIPNone Key = "loginIPNone"
	// The button of each saved login that revokes it, after a confirmation. One word if
	// possible.
	RevokeButton Key = "revokeButton"
	// The confirmation's text before revoking one saved login. {login} is its name,
	// such as Fortnite on Windows (deviceAppOn), in quotes; {when} when it was saved,
	// such as 3 months ago, or loginTimeUnknown.
	ConfirmRevoke Key = "confirmRevoke"
	// The confirmation's text before revoking every saved login listed. {count} is how
	// many, 1 to 200. Say honestly that Epic does not tell which one, if any, belongs to
	// this device.
	ConfirmRevokeAll Key = "confirmRevokeAll"
	// The red confirm button before revoking one saved login. Short.
	ConfirmRevokeButton Key = "confirmRevokeButton"
	// The red confirm button before revoking every saved login listed. {count} is how
	// many, 1 to 200. Short.
	ConfirmRevokeAllButton Key = "confirmRevokeAllButton"
	// A saved login's name in a sentence, in quotes. {login} is its name, such as
	// Fortnite on Windows. Use this language's quotation marks.
	QuotedLogin Key = "quotedLogin"
	// The outcome while a revoke is on its way, announced. {login} is the saved login's
	// name, quoted (quotedLogin).
	RevokingLogin Key = "revokingLogin"
	// The outcome while every saved login listed is being revoked, one after another;
	// announced. {count} is how many, 1 to 200.
	RevokingLogins Key = "revokingLogins"
	// The title of an outcome, announced: Epic revoked the saved login. {login} is its
	// name, quoted (quotedLogin).
	LoginRevoked Key = "loginRevoked"
	// Advice after loginRevoked, loginsRevoked or loginAlreadyGone.
	LoginRevokedAdvice Key = "loginRevokedAdvice"
	// The title of an outcome, announced: Epic revoked every saved login listed.
	// {count} is how many, 1 to 200.
	LoginsRevoked Key = "loginsRevoked"
	// Advice before the reason why revoking every saved login stopped. {done} is how
	// many were revoked, {count} how many were to be revoked.
	LoginsRevokedBefore Key = "loginsRevokedBefore"
	// The title of an outcome: Epic no longer knew the saved login, so it was revoked
	// already. {login} is its name, quoted (quotedLogin).
	LoginAlreadyGone Key = "loginAlreadyGone"
	// Advice after the title of an outcome in which Epic revoked no saved login.
	NothingRevoked Key = "nothingRevoked"
	// The title of an outcome, announced: Epic refused the list because the token
	// lacks the permission; the permission's name is in the details.
	LoginsCannotList Key = "loginsCannotList"
	// Advice after loginsCannotList.
	LoginsCannotListAdvice Key = "loginsCannotListAdvice"
	// The title of an outcome, announced: Epic refused the revoke because the token
	// lacks the permission; the permission's name is in the details.
	LoginsCannotRevoke Key = "loginsCannotRevoke"
	// A line of the details when the popup refused a revoke before sending: the
	// token's permissions lack what Epic requires. {permissions} is the permission in
	// Epic's words, such as account:public:account:deviceAuths DELETE (account).
	TokenLacks Key = "tokenLacks"
	// The title of an outcome: Epic's list answer could not be read; the details say
	// how.
	LoginsListUnreadable Key = "loginsListUnreadable"
	// Advice after the title timeout or stopped when a revoke got no answer.
	RevokeUnknownAdvice Key = "revokeUnknownAdvice"
	// Advice after the title unreachable when a revoke got no answer.
	RevokeUnreachableAdvice Key = "revokeUnreachableAdvice"
	// Advice after the title timeout, stopped or unreachable when the list did not come.
	ListUnreachableAdvice Key = "listUnreachableAdvice"
	// Advice after the title oddSuccess for a revoke.
	RevokeOddSuccessAdvice Key = "revokeOddSuccessAdvice"
	// Advice after the title epicTrouble for a revoke.
	RevokeEpicTroubleAdvice Key = "revokeEpicTroubleAdvice"
	// Advice after the title epicTrouble for the list.
	ListEpicTroubleAdvice Key = "listEpicTroubleAdvice"
	// Advice after a title saying Epic no longer accepts the token, for the saved
	// logins' requests.
	LoginsNewTokenAdvice Key = "loginsNewTokenAdvice"
	// Advice after a kill of other logins while the section of saved logins is
	// offered but not listed yet: they can still sign in.
	KillLeavesLogins Key = "killLeavesLogins"
	// Advice after a kill of other logins. {count} is how many saved logins the list
	// holds, 2 to 200: they can still sign in.
	KillLeavesLoginsCount Key = "killLeavesLoginsCount"
	// What a line of the history names when several saved logins were revoked at
	// once (historyRevoked…). {count} is how many, 2 to 200. Short.
	LoginsCount Key = "loginsCount"
	// A line of the history: a saved login was revoked. {time} is when, such as
	// 16:02:11; {login} its name, not quoted. Short.
	HistoryRevoked Key = "historyRevoked"
	// A line of the history: an answer came, but the saved login was not revoked.
	// {time} is when, such as 16:02:11; {login} its name. Short.
	HistoryNotRevoked Key = "historyNotRevoked"
	// A line of the history: no answer came to a revoke. {time} is when, such as
	// 16:02:11; {login} its name. Short.
	HistoryRevokeNoAnswer Key = "historyRevokeNoAnswer"
	// A line of the details of a saved logins' request. {value} is the request as Epic
	// names it, such as DELETE /account/api/public/account/…/deviceAuth/…; keep it.
	DetailsRequest Key = "detailsRequest"
)

// KillTypeLabel names in a player's words what the kill type name signs
// out: the select's option.
func KillTypeLabel(name string) Message { return Message{Key: Key("label_" + name)} }

// KillTypeDescription says in one line what the kill type name signs out.
func KillTypeDescription(name string) Message { return Message{Key: Key("describe_" + name)} }

// KillTypeConfirm is the confirm button of a kill type that needs one: it
// names the consequence.
func KillTypeConfirm(name string) Message { return Message{Key: Key("confirm_" + name)} }

// ClientName is the product of a well-known Epic client (epic.ClientProduct).
func ClientName(product string) Message { return Message{Key: Key("client_" + product)} }

// KillTypeDone says what the kill type name signed out.
func KillTypeDone(name string) Message { return Message{Key: Key("done_" + name)} }

// English is the popup's own language.
var English = Catalog{
	// The English catalog, by where the popup shows each message.
	// The extension's name and the words of its own markup.
	LangTag:            "en",
	ExtName:            "Session Killer for Epic Games",
	ExtDescription:     "Signs your Epic Games account out of its other logins.",
	ActionTitle:        "Sign out other Epic sessions",
	TokenHeading:       "Your Epic token",
	ForgetButton:       "Forget",
	TokenDetails:       "Token details",
	UseSignIn:          "Use my epicgames.com sign-in",
	PasteLabel:         "Or paste an access token",
	PasteAnotherLabel:  "Or paste another token to replace it",
	TokenHint:          "32 hex characters, eg1~… or the token JSON. Sent only to Epic; kept until the browser closes.",
	SignInLink:         "Sign in on epicgames.com",
	SignOutSection:     "Sign out",
	KillTypeLabelText:  "What to sign out",
	NoKillLink:         "Open Password and security",
	KillThisButton:     "Sign out only the token above",
	CancelButton:       "Cancel",
	ConfirmButton:      "Confirm",
	OutcomeLabel:       "Outcome",
	GrantAccessButton:  "Allow access to Epic's account service",
	DetailsSummary:     "Details",
	CopyDetailsButton:  "Copy details",
	HistoryHeading:     "Earlier in this browser session",
	ClearHistoryButton: "Clear history",
	FatalStart:         "The popup could not start ({reason}). Close and reopen it; if this keeps happening, reinstall the extension.",
	FatalStopped:       "The popup stopped working. Close and reopen it; if this keeps happening, reinstall the extension.",

	// The kill button, the kill types and their permissions.
	KillButton:          "Kill sessions",
	Countdown:           "You can try again in {wait}.",
	KillTypeNotAllowed:  "{label} (not allowed)",
	EpicName:            "Epic's name: {killType}",
	EpicNameLacking:     "Epic's name: {killType}. This token lacks {permissions}.",
	PermissionOfAccount: "{permission} (account)",
	PermissionOfClient:  "{permission} (client)",
	KillTypeWarning:     "This signs you out here too: the token in this popup stops working.",
	NoKillUsable:        "This token is not allowed to sign out other sessions. Epic's own Sign out everywhere can: Account, then Password and security.",
	QuotedLabel:         "“{label}”",
	QuotedLabelEnds:     "“{label}” (ends this token too)",

	// What each kill type signs out: its option (label_), one line about it
	// (describe_), what was signed out once it is done (done_), and the
	// confirm button of those that end this session too (confirm_). The keys
	// are made from the kill type's name (KillTypeLabel, …).
	Key("label_OTHERS_ACCOUNT_CLIENT_SERVICE"):    "Other logins of this app",
	Key("describe_OTHERS_ACCOUNT_CLIENT_SERVICE"): "Your other logins of the app this token is from, such as Fortnite on your other devices. Keeps this one.",
	Key("done_OTHERS_ACCOUNT_CLIENT_SERVICE"):     "Your other logins of this app were signed out.",
	Key("label_OTHERS_ACCOUNT_CLIENT"):            "Other logins, all services",
	Key("describe_OTHERS_ACCOUNT_CLIENT"):         "Your other logins of this app, whatever game service they use. Keeps this one.",
	Key("done_OTHERS_ACCOUNT_CLIENT"):             "Your other logins of this app were signed out, in every service.",
	Key("label_OTHERS_SAME_SOURCE_ID"):            "Other logins, same source",
	Key("describe_OTHERS_SAME_SOURCE_ID"):         "Your other logins that came from the same sign-in source; Epic says little more. Keeps this one.",
	Key("done_OTHERS_SAME_SOURCE_ID"):             "Your other logins from the same sign-in source were signed out.",
	Key("label_OTHERS"):                           "Everywhere else",
	Key("describe_OTHERS"):                        "Every other login of your account, in every app and on every device. Keeps this one.",
	Key("done_OTHERS"):                            "You were signed out everywhere else.",
	Key("label_ALL"):                              "Everywhere, including here",
	Key("describe_ALL"):                           "Every login of your account, in every app and on every device, this one too.",
	Key("done_ALL"):                               "You were signed out everywhere, including here.",
	Key("confirm_ALL"):                            "Sign out everywhere, including here",
	Key("label_ALL_ACCOUNT_CLIENT"):               "This app, including here",
	Key("describe_ALL_ACCOUNT_CLIENT"):            "Every login of the app this token is from, on every device, this one too.",
	Key("done_ALL_ACCOUNT_CLIENT"):                "Every login of this app was signed out, including here.",
	Key("confirm_ALL_ACCOUNT_CLIENT"):             "Sign out this app everywhere, including here",
	Key("label_OWN_SESSION"):                      "Only the token in this popup",
	Key("describe_OWN_SESSION"):                   "Only the login of the token in this popup; nothing else.",
	Key("done_OWN_SESSION"):                       "The token in this popup was signed out.",
	Key("confirm_OWN_SESSION"):                    "Sign out this token",

	// The well-known public clients, by product (epic.ClientProduct).
	Key("client_fortnitePC"):          "Fortnite (PC)",
	Key("client_fortniteIOS"):         "Fortnite (iOS)",
	Key("client_fortniteAndroid"):     "Fortnite (Android)",
	Key("client_fortniteSwitch"):      "Fortnite (Switch)",
	Key("client_fortniteXbox"):        "Fortnite (Xbox)",
	Key("client_fortnitePlayStation"): "Fortnite (PlayStation)",
	Key("client_launcher"):            "Epic Games Launcher",
	Key("client_website"):             "epicgames.com",

	// The confirmation.
	ConfirmKillType:    "{description} The token in this popup stops working too, and the popup forgets it.",
	ConfirmOwnSession:  "This signs out only the token in this popup: {token}. It stops working and is forgotten; your other logins stay signed in.",
	ConfirmOwnUnknown:  "This signs out only the token in this popup. It stops working and is forgotten; your other logins stay signed in.",
	Cancelled:          "Cancelled: nothing was sent.",
	Asking:             "Asking Epic to sign out: {label}…",
	AskingOwnSession:   "Asking Epic to sign out the token in this popup…",
	Starting:           "Starting…",
	TokenPlaceholder:   "eg1~…, 32 hex characters or the token JSON",
	CopiedDetails:      "Copied.",
	CouldNotCopy:       "Could not copy: {reason}",
	NotOffered:         "This browser does not let extensions use {api}.",
	AccessGrantedAgain: "Access to Epic's account service is granted again.",
	KillAgain:          "Click Kill sessions to try again.",
	AccessNotGranted:   "Access was not granted, so nothing can be sent to Epic.",
	WaitOver:           "The wait is over: you can try again.",

	// The history's reference to an answer: Epic's status and error code.
	ReferenceStatus: "HTTP {status}",
	ReferenceCode:   "HTTP {status}, {code}",

	// A refused kill, before anything is sent.
	KillRefused:      "This token is not allowed to sign out {label}. Nothing was sent.",
	TokenCanUse:      "It can sign out {killTypes}.",
	UnansweredKill:   "The popup was closed at {time} before Epic answered: {label}.",
	UnansweredOwn:    "The popup was closed at {time} before Epic answered: sign out the token in this popup.",
	UnansweredAdvice: "It is not known whether sessions were signed out. Kill again to be sure: signing out sessions that already ended does no harm.",
	HistoryDone:      "{time} {label}: signed out",
	HistoryNotDone:   "{time} {label}: not done",
	HistoryNoAnswer:  "{time} {label}: no answer",
	HistoryTitle:     "Earlier in this browser session ({count})",

	// The token: what the popup knows of it, and what became of it.
	FactDisplayName:         "Display name",
	FactAccount:             "Account",
	FactClient:              "Client",
	FactService:             "Service",
	FactSignedInWith:        "Signed in with",
	FactTimeLeft:            "Time left",
	FactSource:              "Source",
	TokenSummary:            "{name} · {app} · {left}",
	TokenSummaryUnknown:     "A token is held; Epic has not yet said whose.",
	TokenLeft:               "{time} left",
	NameUnknown:             "Unknown player",
	AppUnknown:              "unknown app",
	LeftUnknown:             "time left unknown",
	AppByID:                 "app {id}",
	ClientWithProduct:       "{product} ({id})",
	SourcePasted:            "pasted, not yet confirmed by Epic",
	SourcePastedConfirmed:   "pasted, confirmed by Epic",
	SourceSignIn:            "your epicgames.com sign-in, not yet confirmed by Epic",
	SourceSignInConfirmed:   "your epicgames.com sign-in, confirmed by Epic",
	Expired:                 "expired",
	TokenTaken:              "Token taken; asking Epic whose it is…",
	TokenTakenFromSignIn:    "Took the token of your epicgames.com sign-in; asking Epic whose it is…",
	TokenConfirmed:          "Epic confirmed the token.",
	TokenNotConfirmed:       "Epic could not confirm the token.",
	TokenKept:               "It is kept and can still be used.",
	TokenOfflineUnconfirmed: "You are offline, so Epic could not confirm the token yet.",
	TokenThrottled:          "Epic is limiting requests, so it could not confirm the token yet. The token is kept.",
	TokenRefused:            "Epic says this token no longer works, so it was not kept.",
	TokenTakeNew:            "Take a new one: paste a fresh token, or use your epicgames.com sign-in.",
	TokenForgotten:          "The token was forgotten. Nothing was sent to Epic.",
	TokenForgottenDead:      "The token was forgotten: it no longer works.",
	TokenKeptExpired:        "The token kept earlier has expired and was forgotten.",
	TokenBeforeStillUsed:    "The token you had before is still used.",
	SignInWaiting:           "Waiting for your permission to read your epicgames.com sign-in…",
	SignInRefused:           "Permission not granted: the extension may not read your epicgames.com sign-in. Nothing else changed.",
	SignInNone:              "You are not signed in on epicgames.com in this browser. Sign in there, then try again.",
	SignInUnreadable:        "Could not read your epicgames.com sign-in: {reason}",
	VerifyAnswerEmpty:       "Epic's verify answer was empty, so the token could not be checked.",
	VerifyAnswerTooLarge:    "Epic's verify answer was over 64 KiB and was not read, so the token could not be checked.",
	VerifyAnswerBrokeOff:    "Epic's verify answer broke off while being read, so the token could not be checked.",
	VerifyAnswerNotJSON:     "Epic's verify answer is not the JSON object Epic sends, so the token could not be checked.",
	VerifyAnswerNoClient:    "Epic's verify answer has no client_id, so the token could not be checked.",
	VerifyAnswerNoExpiry:    "Epic's verify answer has no readable expires_at, so the token could not be checked.",
	InputNoToken:            "No access token: paste your current Epic access token.",
	InputTokenHasSpace:      "The access token has spaces or line breaks inside: paste it as one piece.",
	InputTokenBadChar:       "The access token has characters that no Epic token contains: paste only the token.",
	InputTokenUnrecognized:  "This is not an Epic access token: expected 32 hexadecimal characters, a token starting with eg1~, or the JSON answer of Epic's token endpoint.",
	InputTokenJSON:          "The pasted text starts like JSON but is not valid JSON: paste the whole answer of Epic's token endpoint, or only its access_token value.",
	InputNoAccessToken:      "The pasted JSON has no access_token: paste the answer of Epic's token endpoint, or only its access_token value.",
	InputRefreshToken:       "This is a refresh token, not an access token: paste the access_token value instead.",
	InputTokenExpired:       "The access token has expired: sign in again and paste the new access token.",
	InputTokenExpiredOn:     "The access token expired on {date}: sign in again and paste the new access token.",
	InputTokenTooLong:       "The pasted text is far longer than any Epic token: paste only the access token.",
	InputEG1Malformed:       "The eg1 token is damaged: it must be eg1~ followed by three base64url parts joined by dots, so copy it again in one piece.",
	InputEG1Payload:         "The eg1 token's content is not readable JSON, so copy it again in one piece.",
	InputEG1Permissions:     "The eg1 token's permission list (its p claim) cannot be read, so it is not a token Epic issued as it stands.",
	InputNoKillType:         "No kill type chosen: choose one of {killTypes}.",
	InputUnknownKillType:    "Unknown kill type \"{input}\": choose one of {killTypes}.",
	Verbatim:                "{text}",

	// What an outcome means: a title, then advice in whole sentences.
	NothingSent:              "Nothing was sent.",
	NothingSignedOut:         "Nothing was signed out.",
	SignedOutTokenStillWorks: "The signed-out devices have to sign in again. This token still works.",
	SignedOutTokenEnded:      "This token has ended too. Sign in on epicgames.com again and paste a fresh token to do more.",
	SignedOutGeneric:         "Epic signed the sessions out.",
	SignedOutOwnNext:         "To do more, use your epicgames.com sign-in or paste a fresh token.",
	SecureAccountAdvice:      "A kill does not stop someone who knows your password: change it and turn on two-factor sign-in in your Epic account.",

	Offline:       "You are offline.",
	OfflineAdvice: "Nothing was sent. Connect to the internet, then try again.",

	HostAccess:       "The extension may no longer contact Epic.",
	HostAccessAdvice: "Access to {host} was turned off in the browser's extension settings, so nothing was sent. Grant the access again, then try again.",

	NoAnswerWithin:      "Epic did not answer within {wait}.",
	NoAnswerInTime:      "Epic did not answer in time.",
	TimeoutAdvice:       "The request was stopped; sessions may or may not have been signed out. Check your connection, then try again.",
	UnconfirmedAdvice:   "Epic did not confirm the token in time, so no kill was sent. Check your connection, then try again.",
	Stopped:             "The request was stopped before Epic answered.",
	StoppedAdvice:       "Sessions may or may not have been signed out. Try again.",
	Redirected:          "The request was redirected, and the redirect was not followed.",
	RedirectedAdvice:    "The token was sent nowhere else. Something between you and Epic answered, such as a Wi-Fi sign-in page, a proxy or a filter. Sign in to the network or use another one, then try again.",
	Unreachable:         "Could not reach Epic.",
	UnreachableAdvice:   "No answer came, so it is not known whether sessions were signed out. Check your internet connection and that no firewall, VPN or blocker stops epicgames.com, then try again.",
	OddSuccess:          "Epic accepted the request, but not with its usual answer.",
	OddSuccessAdvice:    "Sessions were probably signed out, but this is not Epic's usual answer, so check on your other devices. Copy the details below if you ask for help.",
	WebPage:             "A web page answered instead of Epic.",
	WebPageAdvice:       "A proxy, firewall or security check between you and Epic answered, so Epic may not have seen the request. Open epicgames.com in a tab to pass any check, or use another network, then try again.",
	TokenDeadNewToken:   "Nothing was signed out. Sign in on epicgames.com again and paste a fresh token, then try again.",
	TokenDeadOwnSession: "Its session is already over, so there is nothing left to sign out.",
	TokenExpiredOrOut:   "This token has expired or was signed out.",
	TokenNotAccepted:    "Epic did not accept the token.",
	TokenNotAccepted401: "Epic did not accept the token: it may have expired.",
	TokenNotValid:       "Epic says this is not a valid token.",
	TokenNoLongerValid:  "This token is no longer valid.",

	MayNotUse:               "This token is not allowed to sign out {label}.",
	LacksPermission:         "This token lacks a permission Epic requires.",
	TryInstead:              "Try {killTypes} instead.",
	CanUseInstead:           "This token can use {killTypes} instead.",
	CanUseNoOther:           "It may sign out nothing else.",
	SignOutEverywhereAdvice: "To sign out everywhere, use Sign out everywhere under Password and security in your Epic account settings.",

	Throttled:            "Epic is limiting requests for now.",
	ThrottledFor:         "Try again in {wait}.",
	ThrottledUnsaid:      "Epic did not say for how long: try again in {wait}.",
	ThrottledLonger:      "Trying again too often can make Epic's wait longer.",
	ThrottledNotEpic:     "Too many requests for now.",
	ThrottledNotEpicHint: "The answer did not come from Epic: something between you and Epic, such as a proxy, a VPN or a network filter, is limiting requests. Wait a minute, then try again.",

	TooManySessions:       "Epic says too many sessions were issued for your account.",
	TooManySessionsAdvice: "Epic blocks new sign-ins for a while, often a few hours, when an account has had too many sessions. Wait before signing in again; every new sign-in adds a session.",

	UnknownSession:       "Epic found no such session; it has already ended.",
	UnknownSessionAdvice: "It was signed out or expired earlier, so there is nothing left to sign out.",
	NotOwnSession:        "That session was not issued to this token's account.",
	NotOwnSessionAdvice:  "A token can only sign out sessions of its own account; use a token of the account the session belongs to.",
	ClientOnly:           "This token belongs to an app, not to a signed-in account.",
	ClientOnlyAdvice:     "Epic lets only a token of a signed-in account sign out {label}. Sign in on epicgames.com and paste the token of your account.",
	ClientOnlyAdviceThis: "Epic lets only a token of a signed-in account use this kill. Sign in on epicgames.com and paste the token of your account.",
	KillTypeRejected:     "Epic did not accept the kill type.",
	MaybeOutOfDate:       "The extension may be out of date; check for an update.",
	RequestRejected:      "Epic rejected the request as invalid.",
	CopyDetailsToReport:  "Copy the details below if you report it.",
	SeeDetails:           "Epic's own words are in the details.",
	AddressUnknown:       "Epic does not know the address the request went to.",
	MethodNotAllowed:     "Epic does not accept this kind of request at that address.",
	OutOfDateOrChanged:   "The extension may be out of date, or Epic changed its service; check for an update.",
	EpicTrouble:          "Epic's service is having trouble.",
	EpicTroubleAdvice:    "This is on Epic's side, and it is not known whether sessions were signed out. Try again in a few minutes; status.epicgames.com shows known outages.",

	Unknown:               "Epic gave an answer this extension does not know.",
	UnknownNoBody:         "The answer had no body.",
	UnknownNotEpicsFormat: "The answer was not in Epic's error format.",
	UnknownTooLarge:       "The answer was too large to read.",
	UnknownBrokeOff:       "The answer broke off before it could be read.",
	UnknownAskForHelp:     "Copy the details below if you ask for help.",

	// The details that Copy details puts on the clipboard for support.
	DetailsHeading:        "Session Killer for Epic Games: outcome details",
	DetailsTime:           "Time: {value}",
	DetailsKillType:       "Kill type: {value}",
	DetailsStatus:         "HTTP status: {value}",
	DetailsNoStatus:       "HTTP status: none (no answer from Epic)",
	DetailsErrorCode:      "errorCode: {value}",
	DetailsNumericCode:    "numericErrorCode: {value}",
	DetailsMessage:        "Message: {value}",
	DetailsCorrelationID:  "Correlation ID: {value}",
	DetailsCause:          "Cause: {value}",
	DetailsBodyEmpty:      "Body: empty",
	DetailsBodyWebPage:    "Body: a web page, not Epic's error details",
	DetailsBodyOther:      "Body: not in Epic's error format",
	DetailsBodyTooLarge:   "Body: over 64 KiB, not read",
	DetailsBodyUnreadable: "Body: broke off while being read",

	// The words that join a list of names, and how sentences follow each other.
	ListOr:        " or ",
	ListComma:     ", ",
	JoinSentences: "{first} {second}",

	// Durations: a wait, counted down to the second, and a token's time left, to
	// the minute (durations.go).
	DurationSeconds:        "{s} s",
	DurationMinutesSeconds: "{m} min {ss} s",
	DurationHoursMinSec:    "{h} h {mm} min {ss} s",
	DurationMinutes:        "{m} min",
	DurationHoursMinutes:   "{h} h {mm} min",

	// Saved logins: what a device is.
	DeviceAppOn:        "{app} on {platform}",
	DeviceAppOnUnknown: "{app} on an unknown device",
	DeviceUnknownOn:    "An unknown app on {platform}",
	DeviceUnknown:      "An unknown app",
	DeviceLibrary:      "A script or bot ({library})",
	DevicePlatformIOS:  "iPhone or iPad",
	// Saved logins: the section.
	SavedLoginsTitle:        "Saved logins",
	SavedLoginsCount:        "Saved logins ({count})",
	SavedLoginsIntro:        "Apps and devices that can sign in to your account without the password. Killing sessions does not end them: revoking does.",
	LoginsLoading:           "Asking Epic for the list…",
	LoginsWaiting:           "The list is asked for once the request running now is over.",
	LoginsNone:              "None: no app or device can sign in to your account without the password.",
	LoginsTruncated:         "Epic listed more than fit: the first {count} are shown.",
	LoginsSkipped:           "{count} more that Epic listed could not be read.",
	LoginsNotListed:         "Not listed: the outcome above says why.",
	ReloadLoginsButton:      "List again",
	RevokeAllButton:         "Revoke all others",
	RevokeAllNote:           "Revokes every saved login listed: Epic does not say which one, if any, is this device's. Your token here keeps working.",
	LoginSaved:              "Saved {when} · {place}",
	LoginUsed:               "Last used {when} · {place}",
	LoginNeverUsed:          "Never used",
	LoginPlaceUnknown:       "place unknown",
	LoginTimeUnknown:        "time unknown",
	LoginBotNote:            "A script or bot saved this login: if it is not yours, revoke it.",
	LoginMore:               "More",
	LoginFactSaved:          "Saved",
	LoginFactUsed:           "Last used",
	LoginFactApp:            "App, as it named itself",
	LoginFactDeviceID:       "Device id",
	LoginFactAt:             "{time} · {place}",
	LoginShowIP:             "Show IP addresses",
	LoginIPSaved:            "Saved from {ip}",
	LoginIPUsed:             "Last used from {ip}",
	LoginIPNone:             "Epic gave no IP address.",
	RevokeButton:            "Revoke",
	ConfirmRevoke:           "Revoke {login}, saved {when}? That app has to sign in with the password again.",
	ConfirmRevokeAll:        "Revoke all {count} saved logins? Every app that saved one has to sign in with the password again, and Epic does not say which one, if any, is this device's. Your token here keeps working.",
	ConfirmRevokeButton:     "Revoke",
	ConfirmRevokeAllButton:  "Revoke all {count}",
	QuotedLogin:             "“{login}”",
	RevokingLogin:           "Asking Epic to revoke {login}…",
	RevokingLogins:          "Asking Epic to revoke {count} saved logins…",
	LoginRevoked:            "{login} was revoked.",
	LoginRevokedAdvice:      "An app whose login was revoked has to sign in with the password again. If one was not yours, change your password and turn on two-factor sign-in in your Epic account.",
	LoginsRevoked:           "All {count} saved logins were revoked.",
	LoginsRevokedBefore:     "{done} of {count} saved logins were revoked before this; the others are still listed.",
	LoginAlreadyGone:        "{login} was revoked already.",
	NothingRevoked:          "Nothing was revoked.",
	LoginsCannotList:        "This token cannot list saved logins.",
	LoginsCannotListAdvice:  "Epic requires a permission this token lacks; Kill sessions works as before.",
	LoginsCannotRevoke:      "This token may not revoke saved logins.",
	TokenLacks:              "This token lacks {permissions}.",
	LoginsListUnreadable:    "Epic's list of saved logins could not be read.",
	RevokeUnknownAdvice:     "It is not known whether the saved login was revoked. Check your connection, then list them again.",
	RevokeUnreachableAdvice: "No answer came, so it is not known whether the saved login was revoked. Check your internet connection and that no firewall, VPN or blocker stops epicgames.com, then list them again.",
	ListUnreachableAdvice:   "Check your internet connection and that no firewall, VPN or blocker stops epicgames.com, then list them again.",
	RevokeOddSuccessAdvice:  "The saved login was probably revoked, but this is not Epic's usual answer: list them again to check.",
	RevokeEpicTroubleAdvice: "This is on Epic's side, and it is not known whether the saved login was revoked. Try again in a few minutes; status.epicgames.com shows known outages.",
	ListEpicTroubleAdvice:   "This is on Epic's side. Try again in a few minutes; status.epicgames.com shows known outages.",
	LoginsNewTokenAdvice:    "Sign in on epicgames.com again and paste a fresh token, then try again.",
	KillLeavesLogins:        "Saved logins can still sign in without the password: see Saved logins below.",
	KillLeavesLoginsCount:   "{count} saved logins can still sign in without the password: see Saved logins below.",
	LoginsCount:             "{count} saved logins",
	HistoryRevoked:          "{time} {login}: revoked",
	HistoryNotRevoked:       "{time} {login}: not revoked",
	HistoryRevokeNoAnswer:   "{time} {login}: no answer",
	DetailsRequest:          "Request: {value}",
}

// How English writes a Moment (messages.go): the other languages' are the
// browser's Intl.
var (
	englishTimeOfDay   = "15:04:05"
	englishDateTimeUTC = "2 Jan 2006 at 15:04 UTC"
)

// englishRelative writes n units of a relative Moment (relativeUnits) as
// English says them: "3 months ago", "in 2 days", "now".
func englishRelative(n int64, unit string) string {
	if n == 0 {
		return "now"
	}
	count := n
	if count < 0 {
		count = -count
	}
	words := strconv.FormatInt(count, 10) + " " + unit
	if count != 1 {
		words += "s"
	}
	if n < 0 {
		return words + " ago"
	}
	return "in " + words
}
