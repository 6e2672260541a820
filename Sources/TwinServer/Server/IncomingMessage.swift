import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage

/// A channel's message after it was verified and parsed: who sent what, ready for the
/// assistant.
struct IncomingMessage: Sendable {
    /// The sender, as `CHANNEL:ID`.
    var participant: ParticipantID
    /// What they wrote (mentions and trigger words already removed).
    var text: String
    /// The language the channel asks for, when it names one.
    var lang: Language? = nil
    /// The platform's id of this message, for answering a repeat from the store.
    var requestID: ChannelRequestID? = nil
    /// Whether an empty text opens the conversation instead of being an answer: a bare
    /// `/jobtwin` on a chat platform shows where the participant is.
    var emptyTextOpens = false
}
