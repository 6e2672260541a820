public import Foundation
public import Twinning

/// A message waiting for a participant's next turn: the partner changed the plan, logged an
/// activity to confirm, and so on. Shown once, at the top of the next reply.
public struct Notice: Sendable, Hashable {
    /// Who it is for.
    public var participant: ParticipantID
    /// What it is about (`plan.changed`, `activity.logged`, …), for filtering and reports.
    public var kind: String
    /// The Dutch text.
    public var nl: String
    /// The English text.
    public var en: String
    /// When it was left.
    public var createdAt: Date

    /// Creates a notice.
    public init(participant: ParticipantID, kind: String, nl: String, en: String, createdAt: Date) {
        self.participant = participant
        self.kind = kind
        self.nl = nl
        self.en = en
        self.createdAt = createdAt
    }
}
