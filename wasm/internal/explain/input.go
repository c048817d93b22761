package explain

import (
	"errors"
	"strings"

	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/epic"
	"github.com/epicsessionkiller/epic-session-killer/wasm/internal/messages"
)

// inputErrors are the epic package's refusals of what the user entered, each
// with the sentence that explains it.
var inputErrors = []struct {
	err error
	msg messages.Key
}{
	{epic.ErrNoToken, messages.InputNoToken},
	{epic.ErrTokenHasSpace, messages.InputTokenHasSpace},
	{epic.ErrTokenBadChar, messages.InputTokenBadChar},
	{epic.ErrTokenUnrecognized, messages.InputTokenUnrecognized},
	{epic.ErrTokenJSON, messages.InputTokenJSON},
	{epic.ErrNoAccessToken, messages.InputNoAccessToken},
	{epic.ErrRefreshToken, messages.InputRefreshToken},
	{epic.ErrTokenTooLong, messages.InputTokenTooLong},
	{epic.ErrEG1Malformed, messages.InputEG1Malformed},
	{epic.ErrEG1Payload, messages.InputEG1Payload},
	{epic.ErrEG1Permissions, messages.InputEG1Permissions},
}

// maxInputRunes bounds what the user typed when a sentence quotes it.
const maxInputRunes = 40

// InputError says why what the user entered cannot be sent. An error the
// epic package does not define (none should reach here) is shown in its own
// words, cleaned.
func InputError(err error) messages.Message {
	var (
		expired  *epic.ExpiredTokenError
		killType *epic.KillTypeError
	)
	switch {
	case errors.As(err, &expired):
		return m(messages.InputTokenExpiredOn, "date", messages.DateTimeOf(expired.ExpiredAt))
	case errors.Is(err, epic.ErrTokenExpired):
		return m(messages.InputTokenExpired)
	case errors.As(err, &killType):
		names := make([]string, len(epic.KillTypes))
		for i, kt := range epic.KillTypes {
			names[i] = kt.Name
		}
		list := messages.List{Items: names, Joiner: messages.ListComma}
		if strings.TrimSpace(killType.Input) == "" {
			return m(messages.InputNoKillType, "killTypes", list)
		}
		return m(messages.InputUnknownKillType, "input", Clean(killType.Input, maxInputRunes), "killTypes", list)
	}
	for _, e := range inputErrors {
		if errors.Is(err, e.err) {
			return m(e.msg)
		}
	}
	return m(messages.Verbatim, "text", Sentence(Clean(err.Error(), MaxShownRunes)))
}

// VerifyAnswer says what was wrong with a 200 from verify.
func VerifyAnswer(e *epic.VerifyAnswerError) messages.Message {
	return m(map[epic.VerifyAnswerProblem]messages.Key{
		epic.VerifyAnswerEmpty:       messages.VerifyAnswerEmpty,
		epic.VerifyAnswerTooLarge:    messages.VerifyAnswerTooLarge,
		epic.VerifyAnswerBrokeOff:    messages.VerifyAnswerBrokeOff,
		epic.VerifyAnswerNotJSON:     messages.VerifyAnswerNotJSON,
		epic.VerifyAnswerNoClientID:  messages.VerifyAnswerNoClient,
		epic.VerifyAnswerNoExpiresAt: messages.VerifyAnswerNoExpiry,
	}[e.Problem])
}

// UnsupportedError is the browser side's report that the browser lacks a
// feature the popup needs, such as the clipboard.
type UnsupportedError struct {
	// API names the feature as scripts know it: navigator.clipboard, cookies.
	API string
}

func (e *UnsupportedError) Error() string {
	return "this browser does not offer " + e.API + " to extensions"
}

// Because is err as the reason a sentence gives (couldNotCopy,
// signInUnreadable): in the popup's words when the popup knows the error,
// else in the browser's, which come in English.
func Because(err error) messages.Message {
	var unsupported *UnsupportedError
	if errors.As(err, &unsupported) {
		return m(messages.NotOffered, "api", Clean(unsupported.API, MaxShownRunes))
	}
	return m(messages.Verbatim, "text", Sentence(Clean(err.Error(), MaxShownRunes)))
}
