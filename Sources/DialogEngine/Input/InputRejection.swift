public import TwinLanguage

/// Why an answer was not accepted, in both languages, written for the participant: it says
/// what to type instead ("Typ een getal tussen 1 en 50." / "Type a number between 1 and 50.").
public struct InputRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The explanation shown to the participant before the question is asked again.
    public let reason: LocalizedText

    /// Creates a rejection with its explanation.
    public init(reason: LocalizedText) {
        self.reason = reason
    }

    /// Creates a rejection from its two translations.
    public init(nl: String, en: String) {
        self.init(reason: LocalizedText(nl: nl, en: en))
    }

    /// The English reason, for logs and test failures.
    public var description: String { reason.en }
}
