import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// The web chat's invitation links and browser sessions on PostgreSQL (only their digests are
/// stored, as on SQLite).
extension PostgresTransaction {
    func invitation(token: SecretDigest) throws -> Invitation? {
        try connection.row("\(unescaped: Self.invitationColumns) WHERE token_hash = \(token.hex)").map(Self.invitation)
    }

    func invitations(of id: ParticipantID) throws -> [Invitation] {
        try connection.rows("\(unescaped: Self.invitationColumns) WHERE participant_id = \(id.description) ORDER BY id").map(Self.invitation)
    }

    func invitedParticipant(email: String) throws -> ParticipantID? {
        let address = email.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty else { return nil }
        return try connection.value(String.self, """
            SELECT participant_id FROM invitations WHERE email IS NOT NULL AND lower(email) = lower(\(address)) ORDER BY id DESC LIMIT 1
            """).flatMap(ParticipantID.init)
    }

    func webSession(_ id: SecretDigest) throws -> WebSession? {
        guard let row = try connection.row("""
            SELECT participant_id, created_at, last_seen_at, ended_at FROM web_sessions WHERE id_hash = \(id.hex)
            """) else { return nil }
        let (text, createdAt, lastSeenAt, endedAt) = try row.decode((String, Date, Date, Date?).self)
        guard let participant = ParticipantID(text) else {
            throw StoreError.corruptRow(table: "web_sessions", key: "session", reason: "`\(text)` is not a participant id")
        }
        return WebSession(participant: participant, createdAt: createdAt, lastSeenAt: lastSeenAt, endedAt: endedAt)
    }

    func isWebSessionActive(_ id: SecretDigest) throws -> Bool {
        try connection.value(Bool.self, "SELECT true FROM web_sessions WHERE id_hash = \(id.hex) AND ended_at IS NULL") ?? false
    }

    func isWebCoordinator(_ id: ParticipantID) throws -> Bool {
        if let facts = preparedFacts(id) { return facts.isWebCoordinator }
        return try connection.value(Bool.self, """
            SELECT true FROM invitations WHERE participant_id = \(id.description) AND coordinator AND revoked_at IS NULL LIMIT 1
            """) ?? false
    }

    func save(_ invitation: Invitation, token: SecretDigest) throws {
        try connection.execute("""
            INSERT INTO invitations (participant_id, token_hash, name, email, side, coordinator, created_at, expires_at, revoked_at)
            VALUES (\(invitation.participant.description), \(token.hex), \(invitation.name), \(invitation.email), \(invitation.side?.rawValue),
                    \(invitation.isCoordinator), \(invitation.createdAt), \(invitation.expiresAt), \(invitation.revokedAt))
            """)
    }

    func revokeInvitations(of id: ParticipantID, at time: Date) throws -> Int {
        try connection.execute("UPDATE invitations SET revoked_at = \(time) WHERE participant_id = \(id.description) AND revoked_at IS NULL")
    }

    func startWebSession(_ id: SecretDigest, for participant: ParticipantID, at time: Date) throws {
        try connection.execute("""
            INSERT INTO web_sessions (id_hash, participant_id, created_at, last_seen_at) VALUES (\(id.hex), \(participant.description), \(time), \(time))
            """)
    }

    func touchWebSession(_ id: SecretDigest, at time: Date) throws {
        try connection.execute("UPDATE web_sessions SET last_seen_at = \(time) WHERE id_hash = \(id.hex) AND ended_at IS NULL")
    }

    func endWebSession(_ id: SecretDigest, at time: Date) throws -> Bool {
        try connection.execute("UPDATE web_sessions SET ended_at = \(time) WHERE id_hash = \(id.hex) AND ended_at IS NULL") > 0
    }

    func endWebSessions(of id: ParticipantID, at time: Date) throws -> Int {
        try connection.execute("UPDATE web_sessions SET ended_at = \(time) WHERE participant_id = \(id.description) AND ended_at IS NULL")
    }

    private static let invitationColumns = """
        SELECT id, participant_id, name, email, side, coordinator, created_at, expires_at, revoked_at FROM invitations
        """

    private static func invitation(_ row: PostgresRow) throws -> Invitation {
        let (key, text, name, email, side, coordinator, createdAt, expiresAt, revokedAt) =
            try row.decode((Int64, String, String, String?, String?, Bool, Date, Date, Date?).self)
        guard let participant = ParticipantID(text) else {
            throw StoreError.corruptRow(table: "invitations", key: "\(key)", reason: "`\(text)` is not a participant id")
        }
        return Invitation(participant: participant, name: name, email: email, side: side.flatMap(Side.init(rawValue:)),
                          isCoordinator: coordinator, createdAt: createdAt, expiresAt: expiresAt, revokedAt: revokedAt)
    }
}
