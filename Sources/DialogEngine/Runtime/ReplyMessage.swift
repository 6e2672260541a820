/// One message a turn produced, in the participant's language; the application decides how
/// it reaches the participant.
public struct ReplyMessage: Sendable, Hashable {
    /// What kind of message it is.
    public var kind: MessageKind
    /// The text.
    public var text: String

    /// Creates a message.
    public init(_ kind: MessageKind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
