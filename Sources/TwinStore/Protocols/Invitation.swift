public import Foundation
public import Twinning

/// A personal invitation link to the web chat, as stored: whom it is for, until when it opens,
/// and whether it was revoked. The link's token itself is never stored, only its digest
/// (`SecretDigest`).
public struct Invitation: Sendable, Hashable {
    /// The participant the link signs in as (`web:…`).
    public var participant: ParticipantID
    /// The name the coordinator gave.
    public var name: String
    /// The e-mail address the coordinator gave, if any (how a second invitation finds the person).
    public var email: String?
    /// The side the coordinator gave, if any.
    public var side: Side?
    /// Whether the link makes its participant a coordinator in the web chat.
    public var isCoordinator: Bool
    /// When it was made.
    public var createdAt: Date
    /// From when it no longer opens.
    public var expiresAt: Date
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// Creates an invitation.
    public init(participant: ParticipantID, name: String, email: String? = nil, side: Side? = nil, isCoordinator: Bool = false,
                createdAt: Date, expiresAt: Date, revokedAt: Date? = nil) {
        self.participant = participant
        self.name = name
        self.email = email
        self.side = side
        self.isCoordinator = isCoordinator
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}
