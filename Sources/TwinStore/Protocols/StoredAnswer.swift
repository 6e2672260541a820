public import Foundation

/// A participant's latest answer to one slot, as stored.
public struct StoredAnswer: Sendable, Hashable {
    /// The slot, e.g. `profile.name`.
    public var slot: String
    /// The value as JSON (the dialog engine's tagged encoding).
    public var value: String
    /// When it was given.
    public var answeredAt: Date

    /// Creates a stored answer.
    public init(slot: String, value: String, answeredAt: Date) {
        self.slot = slot
        self.value = value
        self.answeredAt = answeredAt
    }
}
