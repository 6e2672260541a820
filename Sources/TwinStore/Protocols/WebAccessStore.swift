public import Foundation
public import Twinning

/// Read access to the web chat's invitation links and browser sessions.
public protocol WebAccessReader {
    /// The invitation whose token has this digest, revoked or expired ones included.
    func invitation(token: SecretDigest) throws -> Invitation?
    /// Every invitation of the participant, oldest first.
    func invitations(of id: ParticipantID) throws -> [Invitation]
    /// The participant an earlier invitation to this e-mail address made (compared without
    /// regard to capitals), so that a second invitation reaches the same person.
    func invitedParticipant(email: String) throws -> ParticipantID?
    /// The browser session whose id has this digest, ended ones included.
    func webSession(_ id: SecretDigest) throws -> WebSession?
    /// Whether the browser session whose id has this digest exists and has not ended: what a
    /// turn checks inside its write, without reading the whole session.
    func isWebSessionActive(_ id: SecretDigest) throws -> Bool
    /// Whether the participant was invited as a coordinator by a link that was not revoked.
    func isWebCoordinator(_ id: ParticipantID) throws -> Bool
}

/// Write access to invitation links and browser sessions, inside a transaction.
public protocol WebAccessWriter {
    /// Stores a new invitation under the digest of its token.
    func save(_ invitation: Invitation, token: SecretDigest) throws
    /// Revokes every invitation of the participant not yet revoked, and returns how many.
    func revokeInvitations(of id: ParticipantID, at time: Date) throws -> Int
    /// Starts a browser session for the participant under the digest of its id.
    func startWebSession(_ id: SecretDigest, for participant: ParticipantID, at time: Date) throws
    /// Records that the browser of an active session was seen at `time`.
    func touchWebSession(_ id: SecretDigest, at time: Date) throws
    /// Ends one session; `false` when there is no active session with that id.
    func endWebSession(_ id: SecretDigest, at time: Date) throws -> Bool
    /// Ends every active session of the participant, and returns how many.
    func endWebSessions(of id: ParticipantID, at time: Date) throws -> Int
}
