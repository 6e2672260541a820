extension Reply {
    /// One message of a reply, in the participant's language.
    public struct Message: Sendable, Hashable, Codable {
        /// What a message is, so that every channel can present it fittingly.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// Plain information or a question.
            case info
            /// A guideline of the programme applies.
            case advice
            /// Something the participant should pay attention to.
            case warning
            /// The answer was not accepted; the text gives the reason.
            case error
            /// An overview of answers.
            case summary
        }

        /// What kind of message it is.
        public var kind: Kind
        /// The text.
        public var text: String

        /// Creates a message.
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }
}
