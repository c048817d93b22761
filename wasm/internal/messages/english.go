package messages

// The English catalog, by where the popup shows each message.

// The kill button, the kill types and their permissions.
var (
	KillButton          = english("killButton", "Kill sessions")
	KillButtonWait      = english("killButtonWait", "Kill sessions (wait {wait})")
	KillTypeNotAllowed  = english("killTypeNotAllowed", "{killType} (not allowed for this token)")
	PermissionNeeded    = english("permissionNeeded", "Epic permission: {permissions}")
	PermissionOfAccount = english("permissionOfAccount", "{permission} (account)")
	PermissionOfClient  = english("permissionOfClient", "{permission} (client)")
	PermissionLacking   = english("permissionLacking", "This token lacks {permission}, which {killType} needs.")
)

// What each kill type signs out, and what was signed out once it is done.
// The keys are made from the kill type's name (KillTypeDescription,
// KillTypeDone).
var (
	_ = english("describe_OTHERS_ACCOUNT_CLIENT_SERVICE", "Signs out your other sessions of this app and game service (Fortnite uses it); keeps this one.")
	_ = english("done_OTHERS_ACCOUNT_CLIENT_SERVICE", "Your other sessions of this app and game service were signed out.")
	_ = english("describe_OTHERS_ACCOUNT_CLIENT", "Signs out your other sessions of this app on every device; keeps this one.")
	_ = english("done_OTHERS_ACCOUNT_CLIENT", "Your other sessions of this app were signed out.")
	_ = english("describe_OTHERS_SAME_SOURCE_ID", "Signs out your other sessions that came from the same sign-in source; Epic does not document it further.")
	_ = english("done_OTHERS_SAME_SOURCE_ID", "Your other sessions from the same sign-in source were signed out.")
	_ = english("describe_OTHERS", "Signs out all your other sessions, in every app; keeps this one.")
	_ = english("done_OTHERS", "All your other sessions were signed out.")
	_ = english("describe_ALL", "Signs out every session, in every app, including this one.")
	_ = english("done_ALL", "Every session was signed out, including this one.")
	_ = english("describe_ALL_ACCOUNT_CLIENT", "Signs out every session of this app, including this one.")
	_ = english("done_ALL_ACCOUNT_CLIENT", "Every session of this app was signed out, including this one.")
	_ = english("describe_OWN_SESSION", "Signs out this token's own session; nothing else.")
	_ = english("done_OWN_SESSION", "This token's session was signed out.")
)

// KillTypeDescription says in plain words what the kill type name signs out.
func KillTypeDescription(name string) Message { return Message{Key: Key("describe_" + name)} }

// KillTypeDone says what the kill type name signed out.
func KillTypeDone(name string) Message { return Message{Key: Key("done_" + name)} }

// The confirmation.
var (
	ConfirmKillType    = english("confirmKillType", "{killType}: {description} The token in this popup stops working too, and the popup forgets it.")
	ConfirmOwnSession  = english("confirmOwnSession", "Sign out only the session of the token in this popup. The token stops working and is forgotten; your other sessions stay signed in.")
	Cancelled          = english("cancelled", "Cancelled: nothing was sent.")
	Asking             = english("asking", "Asking Epic to sign out ({killType})…")
	AskingOwnSession   = english("askingOwnSession", "Asking Epic to sign out (this token only)…")
	Starting           = english("starting", "Starting…")
	TokenPlaceholder   = english("tokenPlaceholder", "A token is held; paste another to replace it")
	CopiedDetails      = english("copiedDetails", "Copied.")
	CouldNotCopy       = english("couldNotCopy", "Could not copy: {reason}")
	AccessGrantedAgain = english("accessGrantedAgain", "Access to Epic's account service is granted again.")
	KillAgain          = english("killAgain", "Click Kill sessions to try again.")
	AccessNotGranted   = english("accessNotGranted", "Access was not granted, so nothing can be sent to Epic.")
	WaitOver           = english("waitOver", "The wait is over: you can try again.")
)

// The result line: an outcome's title, with Epic's status and error code
// for reference.
var (
	ResultSuccess          = english("resultSuccess", "{status}: {title}")
	ResultWithReference    = english("resultWithReference", "{title} [{reference}]")
	ReferenceStatus        = english("referenceStatus", "HTTP {status}")
	ReferenceCode          = english("referenceCode", "{code}")
	ReferenceCodeAndNumber = english("referenceCodeAndNumber", "{code} ({number})")
)

// A refused kill, before anything is sent.
var (
	KillRefused      = english("killRefused", "This token may not use {killType}: it lacks {permission}. Nothing was sent.")
	TokenCanUse      = english("tokenCanUse", "This token can use {killTypes}.")
	TokenCanUseNone  = english("tokenCanUseNone", "This token may use none of the kill types.")
	UnansweredKill   = english("unansweredKill", "The popup was closed before Epic answered the kill ({killType}) sent at {time}.")
	UnansweredOwn    = english("unansweredOwn", "The popup was closed before Epic answered the kill (this token only) sent at {time}.")
	UnansweredAdvice = english("unansweredAdvice", "It is not known whether sessions were signed out. Kill again to be sure: signing out sessions that already ended does no harm.")
	HistoryLine      = english("historyLine", "{time} {killType}: {status}")
	HistoryLineCoded = english("historyLineCoded", "{time} {killType}: {status} {code}")
	HistoryNoAnswer  = english("historyNoAnswer", "no answer")
)

// The token: what the popup knows of it, and what became of it.
var (
	FactDisplayName         = english("factDisplayName", "Display name")
	FactAccount             = english("factAccount", "Account")
	FactClient              = english("factClient", "Client")
	FactService             = english("factService", "Service")
	FactSignedInWith        = english("factSignedInWith", "Signed in with")
	FactTimeLeft            = english("factTimeLeft", "Time left")
	FactSource              = english("factSource", "Source")
	SourcePasted            = english("sourcePasted", "pasted, not yet confirmed by Epic")
	SourcePastedConfirmed   = english("sourcePastedConfirmed", "pasted, confirmed by Epic")
	SourceSignIn            = english("sourceSignIn", "your epicgames.com sign-in, not yet confirmed by Epic")
	SourceSignInConfirmed   = english("sourceSignInConfirmed", "your epicgames.com sign-in, confirmed by Epic")
	Expired                 = english("expired", "expired")
	TokenTaken              = english("tokenTaken", "Token taken; asking Epic whose it is…")
	TokenTakenFromSignIn    = english("tokenTakenFromSignIn", "Took the token of your epicgames.com sign-in; asking Epic whose it is…")
	TokenConfirmed          = english("tokenConfirmed", "Epic confirmed the token.")
	TokenNotConfirmed       = english("tokenNotConfirmed", "Epic could not confirm the token.")
	TokenKept               = english("tokenKept", "It is kept and can still be used.")
	TokenOfflineUnconfirmed = english("tokenOfflineUnconfirmed", "You are offline, so Epic could not confirm the token yet.")
	TokenRefused            = english("tokenRefused", "Epic says this token is no longer valid (HTTP 401 {code}), so it was not kept.")
	TokenTakeNew            = english("tokenTakeNew", "Take a new one: paste a fresh token, or use your epicgames.com sign-in.")
	TokenForgotten          = english("tokenForgotten", "The token was forgotten. Nothing was sent to Epic.")
	TokenForgottenDead      = english("tokenForgottenDead", "The token was forgotten: it no longer works.")
	TokenKeptExpired        = english("tokenKeptExpired", "The token kept earlier has expired and was forgotten.")
	TokenBeforeStillUsed    = english("tokenBeforeStillUsed", "The token you had before is still used.")
	SignInWaiting           = english("signInWaiting", "Waiting for your permission to read your epicgames.com sign-in…")
	SignInRefused           = english("signInRefused", "Permission not granted: the extension may not read your epicgames.com sign-in. Nothing else changed.")
	SignInNone              = english("signInNone", "You are not signed in on epicgames.com in this browser. Sign in there, then try again.")
	SignInUnreadable        = english("signInUnreadable", "Could not read your epicgames.com sign-in: {reason}")
	VerifyAnswerEmpty       = english("verifyAnswerEmpty", "Epic's verify answer was empty, so the token could not be checked.")
	VerifyAnswerTooLarge    = english("verifyAnswerTooLarge", "Epic's verify answer was over 64 KiB and was not read, so the token could not be checked.")
	VerifyAnswerBrokeOff    = english("verifyAnswerBrokeOff", "Epic's verify answer broke off while being read, so the token could not be checked.")
	VerifyAnswerNotJSON     = english("verifyAnswerNotJSON", "Epic's verify answer is not the JSON object Epic sends, so the token could not be checked.")
	VerifyAnswerNoClient    = english("verifyAnswerNoClient", "Epic's verify answer has no client_id, so the token could not be checked.")
	VerifyAnswerNoExpiry    = english("verifyAnswerNoExpiry", "Epic's verify answer has no readable expires_at, so the token could not be checked.")
	InputNoToken            = english("inputNoToken", "No access token: paste your current Epic access token.")
	InputTokenHasSpace      = english("inputTokenHasSpace", "The access token has spaces or line breaks inside: paste it as one piece.")
	InputTokenBadChar       = english("inputTokenBadChar", "The access token has characters that no Epic token contains: paste only the token.")
	InputTokenUnrecognized  = english("inputTokenUnrecognized", "This is not an Epic access token: expected 32 hexadecimal characters, a token starting with eg1~, or the JSON answer of Epic's token endpoint.")
	InputTokenJSON          = english("inputTokenJSON", "The pasted text starts like JSON but is not valid JSON: paste the whole answer of Epic's token endpoint, or only its access_token value.")
	InputNoAccessToken      = english("inputNoAccessToken", "The pasted JSON has no access_token: paste the answer of Epic's token endpoint, or only its access_token value.")
	InputRefreshToken       = english("inputRefreshToken", "This is a refresh token, not an access token: paste the access_token value instead.")
	InputTokenExpired       = english("inputTokenExpired", "The access token has expired: sign in again and paste the new access token.")
	InputTokenExpiredOn     = english("inputTokenExpiredOn", "The access token expired on {date}: sign in again and paste the new access token.")
	InputTokenTooLong       = english("inputTokenTooLong", "The pasted text is far longer than any Epic token: paste only the access token.")
	InputEG1Malformed       = english("inputEG1Malformed", "The eg1 token is damaged: it must be eg1~ followed by three base64url parts joined by dots, so copy it again in one piece.")
	InputEG1Payload         = english("inputEG1Payload", "The eg1 token's content is not readable JSON, so copy it again in one piece.")
	InputEG1Permissions     = english("inputEG1Permissions", "The eg1 token's permission list (its p claim) cannot be read, so it is not a token Epic issued as it stands.")
	InputNoKillType         = english("inputNoKillType", "No kill type chosen: choose one of {killTypes}.")
	InputUnknownKillType    = english("inputUnknownKillType", "Unknown kill type \"{input}\": choose one of {killTypes}.")
	// Verbatim is a text the popup did not write, such as the browser's
	// own words for an error, shown as it is.
	Verbatim = english("verbatim", "{text}")
)

// What an outcome means: a title, then advice in whole sentences.
var (
	NothingSent              = english("nothingSent", "Nothing was sent.")
	NothingSignedOut         = english("nothingSignedOut", "Nothing was signed out.")
	SignedOutTokenStillWorks = english("signedOutTokenStillWorks", "The signed-out devices have to sign in again. This token still works.")
	SignedOutTokenEnded      = english("signedOutTokenEnded", "This token has ended too. Sign in on epicgames.com again and paste a fresh token to do more.")
	SignedOutGeneric         = english("signedOutGeneric", "Epic signed the sessions out.")

	Offline       = english("offline", "You are offline.")
	OfflineAdvice = english("offlineAdvice", "Nothing was sent. Connect to the internet, then try again.")

	HostAccess       = english("hostAccess", "The extension may no longer contact Epic.")
	HostAccessAdvice = english("hostAccessAdvice", "Access to {host} was turned off in the browser's extension settings, so nothing was sent. Grant the access again, then try again.")

	NoAnswerWithin      = english("noAnswerWithin", "Epic did not answer within {wait}.")
	NoAnswerInTime      = english("noAnswerInTime", "Epic did not answer in time.")
	TimeoutAdvice       = english("timeoutAdvice", "The request was stopped; sessions may or may not have been signed out. Check your connection, then try again.")
	UnconfirmedAdvice   = english("unconfirmedAdvice", "Epic did not confirm the token in time, so no kill was sent. Check your connection, then try again.")
	Stopped             = english("stopped", "The request was stopped before Epic answered.")
	StoppedAdvice       = english("stoppedAdvice", "Sessions may or may not have been signed out. Try again.")
	Redirected          = english("redirected", "The request was redirected, and the redirect was not followed.")
	RedirectedAdvice    = english("redirectedAdvice", "The token was sent nowhere else. Something between you and Epic answered, such as a Wi-Fi sign-in page, a proxy or a filter. Sign in to the network or use another one, then try again.")
	Unreachable         = english("unreachable", "Could not reach Epic.")
	UnreachableAdvice   = english("unreachableAdvice", "No answer came, so it is not known whether sessions were signed out. Check your internet connection and that no firewall, VPN or blocker stops epicgames.com, then try again.")
	OddSuccess          = english("oddSuccess", "Epic accepted the request but answered HTTP {status} instead of 204.")
	OddSuccessAdvice    = english("oddSuccessAdvice", "Sessions were probably signed out, but this is not Epic's usual answer, so check on your other devices. Copy the details below if you ask for help.")
	WebPage             = english("webPage", "A web page answered instead of Epic (HTTP {status}).")
	WebPageAdvice       = english("webPageAdvice", "A proxy, firewall or security check between you and Epic answered, so Epic may not have seen the request. Open epicgames.com in a tab to pass any check, or use another network, then try again.")
	TokenDeadNewToken   = english("tokenDeadNewToken", "Nothing was signed out. Sign in on epicgames.com again and paste a fresh token, then try again.")
	TokenDeadOwnSession = english("tokenDeadOwnSession", "Its session is already over, so there is nothing left to sign out.")
	TokenExpiredOrOut   = english("tokenExpiredOrOut", "This token has expired or was signed out.")
	TokenNotAccepted    = english("tokenNotAccepted", "Epic did not accept the token.")
	TokenNotAccepted401 = english("tokenNotAccepted401", "Epic did not accept the token (HTTP 401).")
	TokenNotValid       = english("tokenNotValid", "Epic says this is not a valid token.")
	TokenNoLongerValid  = english("tokenNoLongerValid", "This token is no longer valid.")

	MayNotUse               = english("mayNotUse", "This token may not use {killType}.")
	LacksPermission         = english("lacksPermission", "This token lacks a permission Epic requires.")
	EpicRequiresPermission  = english("epicRequiresPermission", "Epic requires the permission {permission}, which this token does not hold.")
	GameAppsUsuallyHold     = english("gameAppsUsuallyHold", "Tokens of Epic's game apps usually hold only {killTypes}.")
	TryInstead              = english("tryInstead", "Try {killTypes} instead.")
	CanUseInstead           = english("canUseInstead", "This token can use {killTypes} instead.")
	CanUseNoOther           = english("canUseNoOther", "This token can use no other kill type.")
	SignOutEverywhereAdvice = english("signOutEverywhereAdvice", "To sign out everywhere, use Sign out everywhere under Password and security in your Epic account settings.")

	Throttled            = english("throttled", "Epic is limiting requests for now.")
	ThrottledFor         = english("throttledFor", "The kill button is available again in {wait}.")
	ThrottledUnsaid      = english("throttledUnsaid", "Epic did not say for how long; the kill button is available again in {wait}.")
	ThrottledLonger      = english("throttledLonger", "Trying again too often can make Epic's wait longer.")
	ThrottledNotEpic     = english("throttledNotEpic", "Too many requests for now (HTTP {status}).")
	ThrottledNotEpicHint = english("throttledNotEpicHint", "The answer did not come from Epic: something between you and Epic, such as a proxy, a VPN or a network filter, is limiting requests. Wait a minute, then try again.")

	TooManySessions       = english("tooManySessions", "Epic says too many sessions were issued for your account.")
	TooManySessionsAdvice = english("tooManySessionsAdvice", "Epic blocks new sign-ins for a while, often a few hours, when an account has had too many sessions. Wait before signing in again; every new sign-in adds a session.")

	UnknownSession        = english("unknownSession", "Epic found no such session; it has already ended.")
	UnknownSessionAdvice  = english("unknownSessionAdvice", "It was signed out or expired earlier, so there is nothing left to sign out.")
	NotOwnSession         = english("notOwnSession", "That session was not issued to this token's account.")
	NotOwnSessionAdvice   = english("notOwnSessionAdvice", "A token can only sign out sessions of its own account; use a token of the account the session belongs to.")
	ClientOnly            = english("clientOnly", "This token belongs to an app, not to a signed-in account.")
	ClientOnlyAdvice      = english("clientOnlyAdvice", "Epic lets only a token of a signed-in account use {killType}. Sign in on epicgames.com and paste the token of your account.")
	ClientOnlyAdviceThis  = english("clientOnlyAdviceThis", "Epic lets only a token of a signed-in account use this kill. Sign in on epicgames.com and paste the token of your account.")
	KillTypeRejected      = english("killTypeRejected", "Epic did not accept the kill type.")
	MaybeOutOfDate        = english("maybeOutOfDate", "The extension may be out of date; check for an update.")
	RequestRejected       = english("requestRejected", "Epic rejected the request as invalid.")
	CopyDetailsToReport   = english("copyDetailsToReport", "Copy the details below if you report it.")
	EpicSaid              = english("epicSaid", "Epic said: \"{message}\"")
	EpicGaveNoExplanation = english("epicGaveNoExplanation", "Epic gave no explanation.")
	AddressUnknown        = english("addressUnknown", "Epic does not know the address the request went to.")
	MethodNotAllowed      = english("methodNotAllowed", "Epic does not accept this kind of request at that address.")
	OutOfDateOrChanged    = english("outOfDateOrChanged", "The extension may be out of date, or Epic changed its service; check for an update.")
	EpicTrouble           = english("epicTrouble", "Epic's service is having trouble (HTTP {status}).")
	EpicTroubleAdvice     = english("epicTroubleAdvice", "This is on Epic's side, and it is not known whether sessions were signed out. Try again in a few minutes; status.epicgames.com shows known outages.")

	Unknown               = english("unknown", "Unexpected answer from Epic (HTTP {status}).")
	UnknownCodeAndNumber  = english("unknownCodeAndNumber", "Epic's error code: {code} ({number}).")
	UnknownCode           = english("unknownCode", "Epic's error code: {code}.")
	UnknownNumber         = english("unknownNumber", "Epic's error code: {number}.")
	UnknownNoBody         = english("unknownNoBody", "The answer had no body.")
	UnknownNotEpicsFormat = english("unknownNotEpicsFormat", "The answer was not in Epic's error format.")
	UnknownTooLarge       = english("unknownTooLarge", "The answer was too large to read.")
	UnknownBrokeOff       = english("unknownBrokeOff", "The answer broke off before it could be read.")
	UnknownAskForHelp     = english("unknownAskForHelp", "This extension does not know this answer; copy the details below if you ask for help.")
)

// The details that Copy details puts on the clipboard for support.
var (
	DetailsHeading       = english("detailsHeading", "Epic Session Killer: outcome details")
	DetailsTime          = english("detailsTime", "Time: {value}")
	DetailsKillType      = english("detailsKillType", "Kill type: {value}")
	DetailsStatus        = english("detailsStatus", "HTTP status: {value}")
	DetailsNoStatus      = english("detailsNoStatus", "HTTP status: none (no answer from Epic)")
	DetailsErrorCode     = english("detailsErrorCode", "errorCode: {value}")
	DetailsNumericCode   = english("detailsNumericCode", "numericErrorCode: {value}")
	DetailsMessage       = english("detailsMessage", "Message: {value}")
	DetailsCorrelationID = english("detailsCorrelationID", "Correlation ID: {value}")
)

// The words that join a list of names.
var (
	ListAnd   = english("listAnd", " and ")
	ListOr    = english("listOr", " or ")
	ListComma = english("listComma", ", ")
	ListSemi  = english("listSemicolon", "; ")
)

// Durations: a wait, counted down to the second, and a token's time left, to
// the minute (durations.go).
var (
	DurationSeconds        = english("durationSeconds", "{s} s")
	DurationMinutesSeconds = english("durationMinutesSeconds", "{m} min {ss} s")
	DurationHoursMinSec    = english("durationHoursMinSec", "{h} h {mm} min {ss} s")
	DurationMinutes        = english("durationMinutes", "{m} min")
	DurationHoursMinutes   = english("durationHoursMinutes", "{h} h {mm} min")
)
