public import TwinReply

/// One line of the conversation so far, as the web chat shows it above the current question:
/// an earlier message of the assistant, or what the participant answered. The caller (the
/// chat endpoint) keeps the transcript; the renderer only shows it.
public struct ChatLine: Sendable, Hashable {
    /// Who said it.
    public enum Speaker: String, Sendable, Hashable, CaseIterable {
        /// The participant: their answer, shown back as they gave it.
        case participant
        /// The assistant: a message of an earlier reply.
        case assistant
    }

    /// Who said it.
    public var from: Speaker
    /// What was said, as typed or shown.
    public var text: String
    /// The kind of an assistant's message (info, advice, …); `.info` for the participant's.
    public var kind: Reply.Message.Kind

    /// Creates a line of the transcript.
    public init(from: Speaker, text: String, kind: Reply.Message.Kind = .info) {
        self.from = from
        self.text = text
        self.kind = kind
    }
}
