import Foundation
import GRDB
import Twinning

/// Consent decisions (`consents`) and kept conversation texts (`conversation_texts`).
extension SQLiteTransaction: PrivacyReader, PrivacyWriter {
    func consentDecisions(of id: ParticipantID) throws -> [ConsentDecision] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT purpose, text_version, given, recorded_at FROM consents WHERE participant_id = ? ORDER BY id
            """, arguments: [id.description])
        return try rows.map { row in
            let purpose: String = row["purpose"]
            guard let known = ConsentPurpose(rawValue: purpose) else {
                throw StoreError.corruptRow(table: "consents", key: id.description, reason: "unknown purpose `\(purpose)`")
            }
            return ConsentDecision(purpose: known, textVersion: row["text_version"], given: row["given"], recordedAt: row["recorded_at"])
        }
    }

    func hasConsent(_ purpose: ConsentPurpose, of id: ParticipantID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT given FROM consents WHERE participant_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1
            """), arguments: [id.description, purpose.rawValue]) ?? false
    }

    func conversationTexts(of id: ParticipantID) throws -> [ConversationText] {
        try Row.fetchAll(db, sql: "SELECT at, direction, text FROM conversation_texts WHERE participant_id = ? ORDER BY id",
                         arguments: [id.description]).compactMap { row in
            guard let direction = ConversationText.Direction(rawValue: row["direction"]) else { return nil }
            return ConversationText(at: row["at"], direction: direction, text: row["text"])
        }
    }

    func record(_ decision: ConsentDecision, for id: ParticipantID) throws {
        try db.execute(sql: """
            INSERT INTO consents (participant_id, purpose, text_version, given, recorded_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [id.description, decision.purpose.rawValue, decision.textVersion, decision.given, StoredDate(decision.recordedAt)])
    }

    func save(_ texts: [ConversationText], for id: ParticipantID) throws {
        // Written on every turn when texts are kept: a cached statement is not compiled again.
        let statement = try db.cachedStatement(sql: "INSERT INTO conversation_texts (participant_id, at, direction, text) VALUES (?, ?, ?, ?)")
        for text in texts {
            try statement.execute(arguments: [id.description, StoredDate(text.at), text.direction.rawValue, text.text])
        }
    }

    func pendingErasures() throws -> [ParticipantID] {
        try String.fetchAll(db, sql: "SELECT participant_id FROM pending_erasures ORDER BY requested_at, participant_id")
            .compactMap(ParticipantID.init)
    }

    func messagePreferences(of id: ParticipantID) throws -> [MessagePreference] {
        try Row.fetchAll(db, sql: "SELECT direct_messages, at FROM message_preferences WHERE participant_id = ? ORDER BY id",
                         arguments: [id.description])
            .map { MessagePreference(directMessages: $0["direct_messages"], at: $0["at"]) }
    }

    func allowsDirectMessages(_ id: ParticipantID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT direct_messages FROM message_preferences WHERE participant_id = ? ORDER BY id DESC LIMIT 1",
                          arguments: [id.description]) ?? true
    }

    func record(_ preference: MessagePreference, for id: ParticipantID) throws {
        try db.execute(sql: "INSERT INTO message_preferences (participant_id, direct_messages, at) VALUES (?, ?, ?)",
                       arguments: [id.description, preference.directMessages, preference.at])
    }

    func recordErasureRequest(of id: ParticipantID, at date: Date) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO pending_erasures (participant_id, requested_at) VALUES (?, ?)",
                       arguments: [id.description, date])
    }
}
