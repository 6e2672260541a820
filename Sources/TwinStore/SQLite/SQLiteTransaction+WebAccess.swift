import Foundation
import GRDB
import Twinning

/// Invitation links (`invitations`) and browser sessions (`web_sessions`) of the web chat: only
/// the digests of their secrets are stored.
extension SQLiteTransaction: WebAccessReader, WebAccessWriter {
    func invitation(token: SecretDigest) throws -> Invitation? {
        try Row.fetchOne(db, sql: "SELECT * FROM invitations WHERE token_hash = ?", arguments: [token.hex]).map(Self.invitation)
    }

    func invitations(of id: ParticipantID) throws -> [Invitation] {
        try Row.fetchAll(db, sql: "SELECT * FROM invitations WHERE participant_id = ? ORDER BY id", arguments: [id.description])
            .map(Self.invitation)
    }

    func invitedParticipant(email: String) throws -> ParticipantID? {
        let address = email.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty else { return nil }
        return try String.fetchOne(db, sql: """
            SELECT participant_id FROM invitations WHERE email IS NOT NULL AND lower(email) = lower(?) ORDER BY id DESC LIMIT 1
            """, arguments: [address]).flatMap(ParticipantID.init)
    }

    func webSession(_ id: SecretDigest) throws -> WebSession? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM web_sessions WHERE id_hash = ?"), arguments: [id.hex]).map(Self.webSession)
    }

    func isWebSessionActive(_ id: SecretDigest) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM web_sessions WHERE id_hash = ? AND ended_at IS NULL"),
                          arguments: [id.hex]) ?? false
    }

    func isWebCoordinator(_ id: ParticipantID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM invitations WHERE participant_id = ? AND coordinator AND revoked_at IS NULL LIMIT 1"),
                          arguments: [id.description]) ?? false
    }

    func save(_ invitation: Invitation, token: SecretDigest) throws {
        try db.execute(sql: """
            INSERT INTO invitations (participant_id, token_hash, name, email, side, coordinator, created_at, expires_at, revoked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [invitation.participant.description, token.hex, invitation.name, invitation.email, invitation.side?.rawValue,
                             invitation.isCoordinator, invitation.createdAt, invitation.expiresAt, invitation.revokedAt])
    }

    func revokeInvitations(of id: ParticipantID, at time: Date) throws -> Int {
        try db.execute(sql: "UPDATE invitations SET revoked_at = ? WHERE participant_id = ? AND revoked_at IS NULL",
                       arguments: [time, id.description])
        return db.changesCount
    }

    func startWebSession(_ id: SecretDigest, for participant: ParticipantID, at time: Date) throws {
        try db.execute(sql: "INSERT INTO web_sessions (id_hash, participant_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                       arguments: [id.hex, participant.description, time, time])
    }

    func touchWebSession(_ id: SecretDigest, at time: Date) throws {
        try db.execute(sql: "UPDATE web_sessions SET last_seen_at = ? WHERE id_hash = ? AND ended_at IS NULL", arguments: [StoredDate(time), id.hex])
    }

    func endWebSession(_ id: SecretDigest, at time: Date) throws -> Bool {
        try db.execute(sql: "UPDATE web_sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL", arguments: [time, id.hex])
        return db.changesCount > 0
    }

    func endWebSessions(of id: ParticipantID, at time: Date) throws -> Int {
        try db.execute(sql: "UPDATE web_sessions SET ended_at = ? WHERE participant_id = ? AND ended_at IS NULL",
                       arguments: [time, id.description])
        return db.changesCount
    }

    private static func invitation(_ row: Row) throws -> Invitation {
        let text: String = row["participant_id"]
        guard let participant = ParticipantID(text) else {
            throw StoreError.corruptRow(table: "invitations", key: "\(row["id"] as Int64? ?? 0)", reason: "`\(text)` is not a participant id")
        }
        return Invitation(participant: participant, name: row["name"], email: row["email"],
                          side: (row["side"] as String?).flatMap(Side.init(rawValue:)), isCoordinator: row["coordinator"],
                          createdAt: row["created_at"], expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }

    private static func webSession(_ row: Row) throws -> WebSession {
        let text: String = row["participant_id"]
        guard let participant = ParticipantID(text) else {
            throw StoreError.corruptRow(table: "web_sessions", key: "session", reason: "`\(text)` is not a participant id")
        }
        return WebSession(participant: participant, createdAt: row["created_at"], lastSeenAt: row["last_seen_at"], endedAt: row["ended_at"])
    }
}
