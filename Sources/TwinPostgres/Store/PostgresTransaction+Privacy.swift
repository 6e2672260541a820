import Foundation
import PostgresNIO
import TwinStore
import Twinning

/// Consent, kept conversation texts, pending erasures and message preferences on PostgreSQL.
extension PostgresTransaction {
    func consentDecisions(of id: ParticipantID) throws -> [ConsentDecision] {
        try connection.rows("""
            SELECT purpose, text_version, given, recorded_at FROM consents WHERE participant_id = \(id.description) ORDER BY id
            """).map { row in
            let (purpose, version, given, recordedAt) = try row.decode((String, String, Bool, Date).self)
            guard let known = ConsentPurpose(rawValue: purpose) else {
                throw StoreError.corruptRow(table: "consents", key: id.description, reason: "unknown purpose `\(purpose)`")
            }
            return ConsentDecision(purpose: known, textVersion: version, given: given, recordedAt: recordedAt)
        }
    }

    func hasConsent(_ purpose: ConsentPurpose, of id: ParticipantID) throws -> Bool {
        try connection.value(Bool.self, """
            SELECT given FROM consents WHERE participant_id = \(id.description) AND purpose = \(purpose.rawValue) ORDER BY id DESC LIMIT 1
            """) ?? false
    }

    func conversationTexts(of id: ParticipantID) throws -> [ConversationText] {
        try connection.rows("SELECT at, direction, text FROM conversation_texts WHERE participant_id = \(id.description) ORDER BY id")
            .compactMap { row in
                let (at, direction, text) = try row.decode((Date, String, String).self)
                return ConversationText.Direction(rawValue: direction).map { ConversationText(at: at, direction: $0, text: text) }
            }
    }

    func record(_ decision: ConsentDecision, for id: ParticipantID) throws {
        try connection.execute("""
            INSERT INTO consents (participant_id, purpose, text_version, given, recorded_at)
            VALUES (\(id.description), \(decision.purpose.rawValue), \(decision.textVersion), \(decision.given), \(decision.recordedAt))
            """)
    }

    func save(_ texts: [ConversationText], for id: ParticipantID) throws {
        for text in texts {
            try connection.sendLater(Self.conversationTextStatement, key: nil) { binds in
                binds.append(id.description)
                binds.append(text.at)
                binds.append(text.direction.rawValue)
                binds.append(text.text)
            }
        }
    }

    static let conversationTextStatement = DeferredStatement(
        head: "INSERT INTO conversation_texts (participant_id, at, direction, text) VALUES", width: 4, tail: "")

    func pendingErasures() throws -> [ParticipantID] {
        try connection.rows("SELECT participant_id FROM pending_erasures ORDER BY requested_at, participant_id")
            .compactMap { ParticipantID(try $0.decode(String.self)) }
    }

    func messagePreferences(of id: ParticipantID) throws -> [MessagePreference] {
        try connection.rows("SELECT direct_messages, at FROM message_preferences WHERE participant_id = \(id.description) ORDER BY id")
            .map { row in
                let (directMessages, at) = try row.decode((Bool, Date).self)
                return MessagePreference(directMessages: directMessages, at: at)
            }
    }

    func allowsDirectMessages(_ id: ParticipantID) throws -> Bool {
        try connection.value(Bool.self, """
            SELECT direct_messages FROM message_preferences WHERE participant_id = \(id.description) ORDER BY id DESC LIMIT 1
            """) ?? true
    }

    func record(_ preference: MessagePreference, for id: ParticipantID) throws {
        try connection.execute("""
            INSERT INTO message_preferences (participant_id, direct_messages, at) VALUES (\(id.description), \(preference.directMessages), \(preference.at))
            """)
    }

    func recordErasureRequest(of id: ParticipantID, at date: Date) throws {
        try connection.execute("""
            INSERT INTO pending_erasures (participant_id, requested_at) VALUES (\(id.description), \(date)) ON CONFLICT DO NOTHING
            """)
    }
}
