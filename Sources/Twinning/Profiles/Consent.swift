public import Foundation

/// A recorded consent: what was agreed to, when, and which version of the text was shown.
public struct Consent: Sendable, Hashable, Codable {
    /// When the participant agreed.
    public var givenAt: Date
    /// The version of the consent text they saw.
    public var textVersion: String

    /// Creates a consent record.
    public init(givenAt: Date, textVersion: String) {
        self.givenAt = givenAt
        self.textVersion = textVersion
    }
}
