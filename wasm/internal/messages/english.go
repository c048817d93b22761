package messages

// The English catalog: the keys, by where the popup shows each message, then
// their texts in the same order.

// The extension's name and the words of its own markup: the manifest,
// popup.html (which shows them before Go runs) and popup.js.
const (
	// LangTag is the catalog's own language tag, for <html lang>.
	LangTag            Key = "langTag"
	ExtName            Key = "extName"
	ExtDescription     Key = "extDescription"
	ActionTitle        Key = "actionTitle"
	TokenHeading       Key = "tokenHeading"
	ForgetButton       Key = "forgetButton"
	TokenDetails       Key = "tokenDetails"
	UseSignIn          Key = "useSignIn"
	PasteLabel         Key = "pasteLabel"
	PasteAnotherLabel  Key = "pasteAnotherLabel"
	TokenHint          Key = "tokenHint"
	SignInLink         Key = "signInLink"
	SignOutSection     Key = "signOutSection"
	KillTypeLabelText  Key = "killTypeLabel"
	NoKillLink         Key = "noKillLink"
	KillThisButton     Key = "killThisButton"
	CancelButton       Key = "cancelButton"
	ConfirmButton      Key = "confirmButton"
	OutcomeLabel       Key = "outcomeLabel"
	GrantAccessButton  Key = "grantAccessButton"
	DetailsSummary     Key = "detailsSummary"
	CopyDetailsButton  Key = "copyDetailsButton"
	HistoryHeading     Key = "historyHeading"
	ClearHistoryButton Key = "clearHistoryButton"
	FatalStart         Key = "fatalStart"
)

// The kill button, the kill types and their permissions.
const (
	KillButton          Key = "killButton"
	Countdown           Key = "countdown"
	KillTypeNotAllowed  Key = "killTypeNotAllowed"
	EpicName            Key = "epicName"
	EpicNameLacking     Key = "epicNameLacking"
	PermissionOfAccount Key = "permissionOfAccount"
	PermissionOfClient  Key = "permissionOfClient"
	KillTypeWarning     Key = "killTypeWarning"
	NoKillUsable        Key = "noKillUsable"
	QuotedLabel         Key = "quotedLabel"
	QuotedLabelEnds     Key = "quotedLabelEnds"
)

// The confirmation.
const (
	ConfirmKillType    Key = "confirmKillType"
	ConfirmOwnSession  Key = "confirmOwnSession"
	ConfirmOwnUnknown  Key = "confirmOwnUnknown"
	Cancelled          Key = "cancelled"
	Asking             Key = "asking"
	AskingOwnSession   Key = "askingOwnSession"
	Starting           Key = "starting"
	TokenPlaceholder   Key = "tokenPlaceholder"
	CopiedDetails      Key = "copiedDetails"
	CouldNotCopy       Key = "couldNotCopy"
	AccessGrantedAgain Key = "accessGrantedAgain"
	KillAgain          Key = "killAgain"
	AccessNotGranted   Key = "accessNotGranted"
	WaitOver           Key = "waitOver"
)

// The history's reference to an answer: Epic's status and error code, for
// those who look; never in a sentence that is announced.
const (
	ReferenceStatus   Key = "referenceStatus"
	ReferenceCode     Key = "referenceCode"
	ReferenceNoAnswer Key = "referenceNoAnswer"
)

// A refused kill, before anything is sent.
const (
	KillRefused      Key = "killRefused"
	TokenCanUse      Key = "tokenCanUse"
	UnansweredKill   Key = "unansweredKill"
	UnansweredOwn    Key = "unansweredOwn"
	UnansweredAdvice Key = "unansweredAdvice"
	HistoryDone      Key = "historyDone"
	HistoryNotDone   Key = "historyNotDone"
	HistoryNoAnswer  Key = "historyNoAnswer"
	HistoryTitle     Key = "historyTitle"
)

// The token: what the popup knows of it, and what became of it.
const (
	FactDisplayName         Key = "factDisplayName"
	FactAccount             Key = "factAccount"
	FactClient              Key = "factClient"
	FactService             Key = "factService"
	FactSignedInWith        Key = "factSignedInWith"
	FactTimeLeft            Key = "factTimeLeft"
	FactSource              Key = "factSource"
	TokenSummary            Key = "tokenSummary"
	TokenSummaryUnknown     Key = "tokenSummaryUnknown"
	TokenLeft               Key = "tokenLeft"
	NameUnknown             Key = "nameUnknown"
	AppUnknown              Key = "appUnknown"
	LeftUnknown             Key = "leftUnknown"
	AppByID                 Key = "appByID"
	ClientWithProduct       Key = "clientWithProduct"
	SourcePasted            Key = "sourcePasted"
	SourcePastedConfirmed   Key = "sourcePastedConfirmed"
	SourceSignIn            Key = "sourceSignIn"
	SourceSignInConfirmed   Key = "sourceSignInConfirmed"
	Expired                 Key = "expired"
	TokenTaken              Key = "tokenTaken"
	TokenTakenFromSignIn    Key = "tokenTakenFromSignIn"
	TokenConfirmed          Key = "tokenConfirmed"
	TokenNotConfirmed       Key = "tokenNotConfirmed"
	TokenKept               Key = "tokenKept"
	TokenOfflineUnconfirmed Key = "tokenOfflineUnconfirmed"
	TokenThrottled          Key = "tokenThrottled"
	TokenRefused            Key = "tokenRefused"
	TokenTakeNew            Key = "tokenTakeNew"
	TokenForgotten          Key = "tokenForgotten"
	TokenForgottenDead      Key = "tokenForgottenDead"
	TokenKeptExpired        Key = "tokenKeptExpired"
	TokenBeforeStillUsed    Key = "tokenBeforeStillUsed"
	SignInWaiting           Key = "signInWaiting"
	SignInRefused           Key = "signInRefused"
	SignInNone              Key = "signInNone"
	SignInUnreadable        Key = "signInUnreadable"
	VerifyAnswerEmpty       Key = "verifyAnswerEmpty"
	VerifyAnswerTooLarge    Key = "verifyAnswerTooLarge"
	VerifyAnswerBrokeOff    Key = "verifyAnswerBrokeOff"
	VerifyAnswerNotJSON     Key = "verifyAnswerNotJSON"
	VerifyAnswerNoClient    Key = "verifyAnswerNoClient"
	VerifyAnswerNoExpiry    Key = "verifyAnswerNoExpiry"
	InputNoToken            Key = "inputNoToken"
	InputTokenHasSpace      Key = "inputTokenHasSpace"
	InputTokenBadChar       Key = "inputTokenBadChar"
	InputTokenUnrecognized  Key = "inputTokenUnrecognized"
	InputTokenJSON          Key = "inputTokenJSON"
	InputNoAccessToken      Key = "inputNoAccessToken"
	InputRefreshToken       Key = "inputRefreshToken"
	InputTokenExpired       Key = "inputTokenExpired"
	InputTokenExpiredOn     Key = "inputTokenExpiredOn"
	InputTokenTooLong       Key = "inputTokenTooLong"
	InputEG1Malformed       Key = "inputEG1Malformed"
	InputEG1Payload         Key = "inputEG1Payload"
	InputEG1Permissions     Key = "inputEG1Permissions"
	InputNoKillType         Key = "inputNoKillType"
	InputUnknownKillType    Key = "inputUnknownKillType"
	// Verbatim is a text the popup did not write, such as the browser's
	// own words for an error, shown as it is.
	Verbatim Key = "verbatim"
)

// What an outcome means: a title, then advice in whole sentences.
const (
	NothingSent              Key = "nothingSent"
	NothingSignedOut         Key = "nothingSignedOut"
	SignedOutTokenStillWorks Key = "signedOutTokenStillWorks"
	SignedOutTokenEnded      Key = "signedOutTokenEnded"
	SignedOutGeneric         Key = "signedOutGeneric"
	SignedOutOwnNext         Key = "signedOutOwnNext"
	SecureAccountAdvice      Key = "secureAccountAdvice"

	Offline       Key = "offline"
	OfflineAdvice Key = "offlineAdvice"

	HostAccess       Key = "hostAccess"
	HostAccessAdvice Key = "hostAccessAdvice"

	NoAnswerWithin      Key = "noAnswerWithin"
	NoAnswerInTime      Key = "noAnswerInTime"
	TimeoutAdvice       Key = "timeoutAdvice"
	UnconfirmedAdvice   Key = "unconfirmedAdvice"
	Stopped             Key = "stopped"
	StoppedAdvice       Key = "stoppedAdvice"
	Redirected          Key = "redirected"
	RedirectedAdvice    Key = "redirectedAdvice"
	Unreachable         Key = "unreachable"
	UnreachableAdvice   Key = "unreachableAdvice"
	OddSuccess          Key = "oddSuccess"
	OddSuccessAdvice    Key = "oddSuccessAdvice"
	WebPage             Key = "webPage"
	WebPageAdvice       Key = "webPageAdvice"
	TokenDeadNewToken   Key = "tokenDeadNewToken"
	TokenDeadOwnSession Key = "tokenDeadOwnSession"
	TokenExpiredOrOut   Key = "tokenExpiredOrOut"
	TokenNotAccepted    Key = "tokenNotAccepted"
	TokenNotAccepted401 Key = "tokenNotAccepted401"
	TokenNotValid       Key = "tokenNotValid"
	TokenNoLongerValid  Key = "tokenNoLongerValid"

	MayNotUse               Key = "mayNotUse"
	LacksPermission         Key = "lacksPermission"
	GameAppsUsuallyHold     Key = "gameAppsUsuallyHold"
	TryInstead              Key = "tryInstead"
	CanUseInstead           Key = "canUseInstead"
	CanUseNoOther           Key = "canUseNoOther"
	SignOutEverywhereAdvice Key = "signOutEverywhereAdvice"

	Throttled            Key = "throttled"
	ThrottledFor         Key = "throttledFor"
	ThrottledUnsaid      Key = "throttledUnsaid"
	ThrottledLonger      Key = "throttledLonger"
	ThrottledNotEpic     Key = "throttledNotEpic"
	ThrottledNotEpicHint Key = "throttledNotEpicHint"

	TooManySessions       Key = "tooManySessions"
	TooManySessionsAdvice Key = "tooManySessionsAdvice"

	UnknownSession       Key = "unknownSession"
	UnknownSessionAdvice Key = "unknownSessionAdvice"
	NotOwnSession        Key = "notOwnSession"
	NotOwnSessionAdvice  Key = "notOwnSessionAdvice"
	ClientOnly           Key = "clientOnly"
	ClientOnlyAdvice     Key = "clientOnlyAdvice"
	ClientOnlyAdviceThis Key = "clientOnlyAdviceThis"
	KillTypeRejected     Key = "killTypeRejected"
	MaybeOutOfDate       Key = "maybeOutOfDate"
	RequestRejected      Key = "requestRejected"
	CopyDetailsToReport  Key = "copyDetailsToReport"
	SeeDetails           Key = "seeDetails"
	AddressUnknown       Key = "addressUnknown"
	MethodNotAllowed     Key = "methodNotAllowed"
	OutOfDateOrChanged   Key = "outOfDateOrChanged"
	EpicTrouble          Key = "epicTrouble"
	EpicTroubleAdvice    Key = "epicTroubleAdvice"

	Unknown               Key = "unknown"
	UnknownNoBody         Key = "unknownNoBody"
	UnknownNotEpicsFormat Key = "unknownNotEpicsFormat"
	UnknownTooLarge       Key = "unknownTooLarge"
	UnknownBrokeOff       Key = "unknownBrokeOff"
	UnknownAskForHelp     Key = "unknownAskForHelp"
)

// The details that Copy details puts on the clipboard for support.
const (
	DetailsHeading       Key = "detailsHeading"
	DetailsTime          Key = "detailsTime"
	DetailsKillType      Key = "detailsKillType"
	DetailsStatus        Key = "detailsStatus"
	DetailsNoStatus      Key = "detailsNoStatus"
	DetailsErrorCode     Key = "detailsErrorCode"
	DetailsNumericCode   Key = "detailsNumericCode"
	DetailsMessage       Key = "detailsMessage"
	DetailsCorrelationID Key = "detailsCorrelationID"
)

// The words that join a list of names.
const (
	ListAnd   Key = "listAnd"
	ListOr    Key = "listOr"
	ListComma Key = "listComma"
	ListSemi  Key = "listSemicolon"
)

// Durations: a wait, counted down to the second, and a token's time left, to
// the minute (durations.go).
const (
	DurationSeconds        Key = "durationSeconds"
	DurationMinutesSeconds Key = "durationMinutesSeconds"
	DurationHoursMinSec    Key = "durationHoursMinSec"
	DurationMinutes        Key = "durationMinutes"
	DurationHoursMinutes   Key = "durationHoursMinutes"
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
	ExtName:            "Epic Session Killer",
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
	AccessGrantedAgain: "Access to Epic's account service is granted again.",
	KillAgain:          "Click Kill sessions to try again.",
	AccessNotGranted:   "Access was not granted, so nothing can be sent to Epic.",
	WaitOver:           "The wait is over: you can try again.",

	// The history's reference to an answer: Epic's status and error code.
	ReferenceStatus:   "HTTP {status}",
	ReferenceCode:     "HTTP {status}, {code}",
	ReferenceNoAnswer: "no answer",

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
	GameAppsUsuallyHold:     "Tokens of Epic's game apps can usually sign out only {killTypes}.",
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
	DetailsHeading:       "Epic Session Killer: outcome details",
	DetailsTime:          "Time: {value}",
	DetailsKillType:      "Kill type: {value}",
	DetailsStatus:        "HTTP status: {value}",
	DetailsNoStatus:      "HTTP status: none (no answer from Epic)",
	DetailsErrorCode:     "errorCode: {value}",
	DetailsNumericCode:   "numericErrorCode: {value}",
	DetailsMessage:       "Message: {value}",
	DetailsCorrelationID: "Correlation ID: {value}",

	// The words that join a list of names.
	ListAnd:   " and ",
	ListOr:    " or ",
	ListComma: ", ",
	ListSemi:  "; ",

	// Durations: a wait, counted down to the second, and a token's time left, to
	// the minute (durations.go).
	DurationSeconds:        "{s} s",
	DurationMinutesSeconds: "{m} min {ss} s",
	DurationHoursMinSec:    "{h} h {mm} min {ss} s",
	DurationMinutes:        "{m} min",
	DurationHoursMinutes:   "{h} h {mm} min",
}
