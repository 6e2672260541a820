import Foundation
import GRDB
import Twinning

/// Everything the database holds about one participant, table by table, as JSON — the right of
/// access under the AVG/GDPR (`jobtwin export`).
///
/// Every table is listed here, either with the rows that concern a participant or as holding no
/// personal data; a test compares this list with the schema, so a new table cannot be added
/// without deciding what export (and erasure) means for it.
enum PersonalDataExport {
    /// Per table, the condition selecting the rows about participant `?1` (the id, bound to
    /// every `?1`). Shared trajectory data (the pair's goals, plan, activities) is included:
    /// it is about both partners.
    static let rowsAbout: [String: String] = [
        "participants": "id = ?1",
        "sessions": "participant_id = ?1",
        "answers": "participant_id = ?1",
        "profiles": "participant_id = ?1",
        "likes": "from_id = ?1 OR to_id = ?1",
        "pairs": "teacher_id = ?1 OR professional_id = ?1",
        "exclusions": "first_id = ?1 OR second_id = ?1",
        "events": "EXISTS (SELECT 1 FROM json_each(events.participants) WHERE value = ?1)",
        "goals": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "plans": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "activities": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "context_checks": "participant_id = ?1",
        "evaluations": "participant_id = ?1",
        "bottlenecks": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "notices": "participant_id = ?1",
        "processed_requests": "participant_id = ?1",
        "deliveries": "event_id IN (SELECT id FROM events WHERE EXISTS (SELECT 1 FROM json_each(events.participants) WHERE value = ?1)) OR instr(source, ?1) > 0",
        "reminders": "pair_id IN (SELECT id FROM pairs WHERE teacher_id = ?1 OR professional_id = ?1)",
        "audit_log": "subject = ?1 OR actor = ?1",
    ]

    /// Tables that hold no personal data.
    static let withoutPersonalData: Set<String> = ["outbox_cursor"]

    /// The export of `id` as a JSON object: `{"participant": …, "exported_at": …, "tables": {table: [row…]}}`.
    static func export(_ id: ParticipantID, at now: Date, in db: Database) throws -> Data {
        var tables: [String: Any] = [:]
        for (table, condition) in rowsAbout.sorted(by: { $0.key < $1.key }) {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(condition)", arguments: [id.description])
            tables[table] = rows.map { row in
                var object: [String: Any] = [:]
                for (column, value) in row {
                    object[column] = json(value)
                }
                return object
            }
        }
        let document: [String: Any] = [
            "participant": id.description,
            "exported_at": ISO8601DateFormatter().string(from: now),
            "tables": tables,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
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
