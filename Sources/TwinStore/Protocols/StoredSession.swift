public import Foundation
public import Twinning

/// A participant's conversation state as stored: an opaque, encoded value and when it changed.
///
/// The store does not look inside `state`; the assistant encodes and decodes it, so that the
/// store knows nothing of the dialog engine.
public struct StoredSession: Sendable, Hashable {
    /// Whose conversation it is.
    public var participant: ParticipantID
    /// The encoded state (JSON).
    public var state: Data
    /// How many turns have changed it; for diagnostics and optimistic checks.
    public var turns: Int
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a stored session.
    public init(participant: ParticipantID, state: Data, turns: Int, updatedAt: Date) {
        self.participant = participant
        self.state = state
        self.turns = turns
        self.updatedAt = updatedAt
    }

    /// How precisely a store's `touch` keeps a participant's last activity, in seconds: a
    /// last activity under a minute old is not written again (every store alike).
    package static let activityResolution: TimeInterval = 60
}
