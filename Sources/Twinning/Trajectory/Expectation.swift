public import Foundation

/// What one partner expects of the other and of the trajectory, in their own words.
///
/// Getting acquainted is meant to make expectations clear, so they are kept (one text per
/// participant and pair) and shown to the partner; a later answer replaces the earlier one.
public struct Expectation: Sendable, Hashable, Codable {
    /// The pair it belongs to.
    public var pairID: String
    /// Whose expectations these are.
    public var participant: ParticipantID
    /// The expectations in the participant's words.
    public var text: String
    /// When they were last written.
    public var updatedAt: Date

    /// Creates expectations.
    public init(pairID: String, participant: ParticipantID, text: String, updatedAt: Date) {
        self.pairID = pairID
        self.participant = participant
        self.text = text
        self.updatedAt = updatedAt
    }
}
