package import Foundation
import GRDB
package import Twinning

/// Everything the database holds about one participant, table by table, as JSON — the right of
/// access under the AVG/GDPR (`jobtwin export`).
///
/// Every table is listed here, either with the rows that concern a participant or as holding no
/// personal data; a test compares this list with the schema, so a new table cannot be added
/// without deciding what export (and erasure) means for it.
package enum PersonalDataExport {
    /// Per table, the condition selecting the rows about participant `?1` (the id, bound to
    /// every `?1`). Shared trajectory data (the pair's goals, expectations, plan, activities) is included:
    /// it is about both partners.
    package static let rowsAbout: [String: String] = [
        "participants": "id = ?1",
        "sessions": "participant_id = ?1",
        "answers": "participant_id = ?1",
        "profiles": "participant_id = ?1",
        "likes": "from_id = ?1 OR to_id = ?1",
        "pairs": "teacher_id = ?1 OR professional_id = ?1",
        "exclusions": "first_id = ?1 OR second_id = ?1",
        "events": eventsAbout,
        "goals": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "expectations": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "plans": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "activities": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "context_checks": "participant_id = ?1",
        "click_checks": "participant_id = ?1",
        "reported_bottlenecks": "participant_id = ?1",
        "evaluations": "participant_id = ?1",
        "bottlenecks": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "notices": "participant_id = ?1",
        "processed_requests": "participant_id = ?1",
        "deliveries": "event_id IN (SELECT id FROM events WHERE \(eventsAbout)) OR \(replyOf) OR ordering_key = 'dm:' || ?1 OR \(invitationMailOf)",
        "reminders": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "audit_log": "subject = ?1 OR actor = ?1",
        "consents": "participant_id = ?1",
        "conversation_texts": "participant_id = ?1",
        "pending_erasures": "participant_id = ?1",
        "message_preferences": "participant_id = ?1",
        "invitations": "participant_id = ?1",
        "web_sessions": "participant_id = ?1",
    ]

    /// The condition on `events` selecting those about participant `?1`: they name them, or they
    /// concern one of their pairs (a bottleneck or a plan to confirm of the partner's, whose
    /// notification names both partners).
    package static let eventsAbout = """
        (EXISTS (SELECT 1 FROM json_each(events.participants) WHERE value = ?1) \
        OR pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1))
        """

    /// The events of the chat export: those of `eventsAbout` except the partner's
    /// `bottleneck.reported` (what they told the coordinator, whose notification holds their words).
    package static let chatEventsAbout = """
        (\(eventsAbout) AND (events.kind != 'bottleneck.reported' \
        OR EXISTS (SELECT 1 FROM json_each(events.participants) WHERE value = ?1)))
        """

    /// The condition on `deliveries` selecting the outbox rows that post a reply to participant
    /// `?1` (source `reply:PARTICIPANT/CHANNEL/REQUEST`): the id must end at the `/`, so that
    /// `api:anna` does not select `api:annabel`'s replies.
    package static let replyOf = "substr(source, 1, length('reply:' || ?1 || '/')) = 'reply:' || ?1 || '/'"

    /// The condition on `deliveries` selecting the mails of participant `?1`'s invitation links
    /// (source `invitation:PARTICIPANT/DIGEST`), cut at the `/` like `replyOf`.
    package static let invitationMailOf = "substr(source, 1, length('invitation:' || ?1 || '/')) = 'invitation:' || ?1 || '/'"

    /// What the participant's own export in the chat selects differently: what other people
    /// decided about them is also those people's data, so the chat shows only their own likes
    /// and passes, and no coordinator's exclusions (the coordinator's `jobtwin export` has both).
    ///
    /// Likewise what the partner told the coordinator in confidence — a knelpunt they raised, a
    /// "no" to the click question — is the partner's: the chat shows the pair's bottlenecks
    /// without those of the partner, and without the notification of them (the coordinator's `jobtwin export` has both).
    package static let chatRowsAbout: [String: String] = [
        "likes": "from_id = ?1",
        "bottlenecks": """
            pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1) \
            AND (kind NOT IN ('no_click', 'reported') OR participant_id = ?1)
            """,
        "events": chatEventsAbout,
        "deliveries": "event_id IN (SELECT id FROM events WHERE \(chatEventsAbout)) OR \(replyOf) OR ordering_key = 'dm:' || ?1 OR \(invitationMailOf)",
        "exclusions": "?1 IS NULL",  // never; the id is bound to every statement
    ]

    /// Tables that hold no personal data.
    package static let withoutPersonalData: Set<String> = ["outbox_cursor"]

    /// The export of `id` as a JSON object: `{"participant": …, "exported_at": …, "tables": {table: [row…]}}`.
    /// With `scope` `.chat`, the copies of chat replies are given by their size (see
    /// `PersonalDataExportScope`).
    static func export(_ id: ParticipantID, at now: Date, in db: Database, scope: PersonalDataExportScope = .complete) throws -> Data {
        var tables: [String: Any] = [:]
        for (table, everything) in rowsAbout.sorted(by: { $0.key < $1.key }) {
            let condition = scope == .chat ? (chatRowsAbout[table] ?? everything) : everything
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(condition)", arguments: [id.description])
            tables[table] = rows.map { row in
                var object: [String: Any] = [:]
                for (column, value) in row {
                    // A mail's payload holds a live personal link: an export file must not open the chat.
                    object[column] = (scope == .chat && isChatReplyCopy(table: table, column: column, row: row))
                        || isInvitationMail(table: table, column: column, row: row)
                        ? leftOut(value) : json(value)
                }
                return object
            }
        }
        return try document(of: id, at: now, tables: tables)
    }

    /// The export's document: the participant, when it was made, and the rows of each table
    /// (both stores write the same).
    package static func document(of id: ParticipantID, at now: Date, tables: [String: Any]) throws -> Data {
        let document: [String: Any] = [
            "participant": id.description,
            "exported_at": ISO8601DateFormatter().string(from: now),
            "tables": tables,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    /// Whether a column holds a copy of a reply that was shown in the chat: the stored reply of a
    /// processed request, the payload of a Slack reply waiting in the outbox, or a kept reply text.
    private static func isChatReplyCopy(table: String, column: String, row: Row) -> Bool {
        switch (table, column) {
        case ("processed_requests", "reply_json"): return true
        case ("deliveries", "payload"): return (row["source"] as String?)?.hasPrefix("reply:") == true
        case ("conversation_texts", "text"): return (row["direction"] as String?) == "out"
        default: return false
        }
    }

    /// Whether a column is the payload of an invitation mail (it holds the link).
    private static func isInvitationMail(table: String, column: String, row: Row) -> Bool {
        table == "deliveries" && column == "payload" && (row["source"] as String?)?.hasPrefix("invitation:") == true
    }

    /// What the chat export shows instead of a copy of a reply: that it was left out, and its size.
    private static func leftOut(_ value: DatabaseValue) -> Any {
        let bytes: Int
        switch value.storage {
        case .string(let text): bytes = text.utf8.count
        case .blob(let data): bytes = data.count
        default: bytes = 0
        }
        return ["left_out": "a copy of a reply already shown in the chat", "bytes": bytes] as [String: Any]
    }

    /// A database value as JSON: text that holds JSON (lists, stored states) is embedded as JSON.
    private static func json(_ value: DatabaseValue) -> Any {
        switch value.storage {
        case .null: return NSNull()
        case .int64(let i): return i
        case .double(let d): return d.isFinite ? d : NSNull()
        case .string(let s): return embedded(s) ?? s
        case .blob(let data):
            if let text = String(data: data, encoding: .utf8) { return embedded(text) ?? text }
            return data.base64EncodedString()
        }
    }

    private static func embedded(_ text: String) -> Any? {
        guard let first = text.first, first == "{" || first == "[" else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
