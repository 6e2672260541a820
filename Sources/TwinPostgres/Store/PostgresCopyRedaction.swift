import Foundation
import PostgresNIO
import TwinStore

/// The erasure's redaction of other people's rows on PostgreSQL: the places and the rules of
/// the SQLite store's (`CopyRedaction`, `TextRedactor`), its SQL in PostgreSQL's dialect.
///
/// Rows are found by their physical address (`ctid`), which PostgreSQL gives every row as
/// SQLite gives its `rowid`, and locked as they are read, so that no other transaction
/// changes one between the read and the update.
struct PostgresCopyRedaction {
    let redactor: TextRedactor
    let connection: WaitingConnection
    /// Each owner's own texts, read once.
    private var ownTexts: [String: Set<String>] = [:]
    /// Rows changed, for the summary.
    private(set) var changes = 0

    init(_ redactor: TextRedactor, in connection: WaitingConnection) {
        self.redactor = redactor
        self.connection = connection
    }

    /// Redacts every place, neutralises stored replies and drops deliveries that show the person.
    mutating func run() throws {
        for place in CopyRedaction.places { try redact(place) }
        try neutraliseStoredReplies()
        try dropDeliveries()
    }

    /// A condition true when `expression` holds any searched form, or is a short text whole;
    /// its values bound from `$1`.
    private func showsPerson(_ expression: String) -> (sql: String, binds: PostgresBindings) {
        var binds = PostgresBindings()
        var conditions: [String] = []
        for form in redactor.searchedForms {
            binds.append(form)
            conditions.append("strpos(\(expression), $\(conditions.count + 1)) > 0")
        }
        for whole in redactor.texts.wholeValues {
            binds.append(whole)
            conditions.append("\(expression) = $\(conditions.count + 1)")
        }
        return ("(" + conditions.joined(separator: " OR ") + ")", binds)
    }

    private mutating func redact(_ place: CopyRedaction.Place) throws {
        let value = place.isBlob ? "convert_from(\(place.column), 'UTF8')" : place.column
        let owner = place.owner.map { "\($0)::text" } ?? "NULL::text"
        let condition = showsPerson(value)
        let candidates = try connection.rows(PostgresQuery(unsafeSQL: """
            SELECT ctid::text, \(owner), \(value) FROM \(place.table) WHERE \(condition.sql) FOR UPDATE
            """, binds: condition.binds))
        for row in candidates {
            let (key, rowOwner, original) = try row.decode((String, String?, String?).self)
            guard let original else { continue }
            let keep = try rowOwner.map { try texts(of: $0) } ?? []
            let replaced = redactor.redacting(original, keeping: keep)
            guard replaced != original else { continue }
            let assignment = place.isBlob ? "\(place.column) = convert_to($1, 'UTF8')" : "\(place.column) = $1"
            let touch = place.touch.map { ", \($0)" } ?? ""
            var binds = PostgresBindings()
            binds.append(replaced)
            binds.append(key)
            changes += try connection.execute(PostgresQuery(unsafeSQL: "UPDATE \(place.table) SET \(assignment)\(touch) WHERE ctid = $2::tid",
                                                            binds: binds))
        }
    }

    private mutating func neutraliseStoredReplies() throws {
        let condition = showsPerson("convert_from(r.reply_json, 'UTF8')")
        let rows = try connection.rows(PostgresQuery(unsafeSQL: """
            SELECT r.ctid::text, r.participant_id, p.language, p.phase, convert_from(r.reply_json, 'UTF8')
            FROM processed_requests r JOIN participants p ON p.id = r.participant_id WHERE \(condition.sql) FOR UPDATE OF r
            """, binds: condition.binds))
        for row in rows {
            let (key, owner, language, phase, reply) = try row.decode((String, String, String, String, String).self)
            guard redactor.shows(reply) else { continue }
            let data = try TextRedactor.neutralReply(owner: owner, language: language, phase: phase)
            changes += try connection.execute("UPDATE processed_requests SET reply_json = \(data) WHERE ctid = \(key)::tid")
        }
    }

    private mutating func dropDeliveries() throws {
        let condition = showsPerson("convert_from(payload, 'UTF8')")
        let rows = try connection.rows(PostgresQuery(unsafeSQL: """
            SELECT id, convert_from(payload, 'UTF8') FROM deliveries WHERE \(condition.sql) FOR UPDATE
            """, binds: condition.binds))
        for row in rows {
            let (id, payload) = try row.decode((Int64, String).self)
            guard redactor.shows(payload) else { continue }
            changes += try connection.execute("DELETE FROM deliveries WHERE id = \(id)")
        }
    }

    private mutating func texts(of owner: String) throws -> Set<String> {
        if let known = ownTexts[owner] { return known }
        let found = Set(try IdentifyingTexts.ownTexts(of: owner, rows: PostgresPersonalData.textRows(owner, connection)))
        ownTexts[owner] = found
        return found
    }
}
