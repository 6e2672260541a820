import Twinning
import TwinAssistant
import TwinReply

/// A click on one of our buttons, menus or date pickers, as a channel read it from the
/// platform's request: who clicked, which question it answers and the answer.
struct ButtonPress: Sendable {
    /// Who clicked.
    var participant: ParticipantID
    /// The slot of the question the control answers.
    var slot: String
    /// The turn whose reply showed it; `nil` for a direct message's start button.
    var turn: Int?
    /// The digest of the question's options when it was shown (`Reply.Prompt.fingerprint`).
    var fingerprint: String?
    /// The answer text, as the participant could have typed it.
    var answer: String
    /// The platform's id of the click, so that a repeated delivery applies once.
    var requestID: ChannelRequestID?
}
