/// One message of a reply, in the participant's language.
public struct ReplyMessage: Sendable, Hashable, Codable {
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
