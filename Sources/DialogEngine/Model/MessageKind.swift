/// What a message in a reply is, so that every channel can present it fittingly.
public enum MessageKind: String, Sendable, Hashable, Codable, CaseIterable {
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
