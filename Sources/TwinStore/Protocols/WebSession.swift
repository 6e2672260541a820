public import Foundation
public import Twinning

/// A browser session of the web chat, as stored: opened from an invitation link, keyed by the
/// digest of the cookie's random id.
public struct WebSession: Sendable, Hashable {
    /// Whom the browser is signed in as.
    public var participant: ParticipantID
    /// When the link was opened.
    public var createdAt: Date
    /// When the browser was last seen.
    public var lastSeenAt: Date
    /// When it was ended (signed out, links revoked), if it was.
    public var endedAt: Date?

    /// Creates a session record.
    public init(participant: ParticipantID, createdAt: Date, lastSeenAt: Date, endedAt: Date? = nil) {
        self.participant = participant
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.endedAt = endedAt
    }

    /// Whether the session still signs the browser in.
    public var isActive: Bool { endedAt == nil }
}
