public import TwinLanguage

/// A message for the participant in both languages, before the language is chosen.
public struct OutputMessage: Sendable, Hashable {
    /// What kind of message it is.
    public var kind: MessageKind
    /// The text in both languages.
    public var text: LocalizedText

    /// Creates a message.
    public init(_ kind: MessageKind, _ text: LocalizedText) {
        self.kind = kind
        self.text = text
    }
}
