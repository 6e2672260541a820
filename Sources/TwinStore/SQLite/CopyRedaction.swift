import Foundation
import GRDB

/// Takes an erased person's texts out of the rows of other people — copies made when they were
/// shown to them, or their own words about them — in the erasure's transaction.
///
/// Each place is a column of a table; where the row belongs to someone (the partner's notice,
/// session, answer), a text that person also wrote themselves stays, so that their own data is
/// not damaged. Stored replies are not edited but replaced whole by a neutral one (they exist
/// to answer a repeated request, and "already handled" answers it without the card); outbox
/// deliveries that show the person are dropped.
package struct CopyRedaction {
    /// One column that can hold a copy.
    package struct Place: Sendable {
        package var table: String
        package var column: String
        /// The columns that identify a row (`rowid` for rowid tables).
        package var key: [String] = ["rowid"]
        /// The column of the row's owner, whose own texts stay in it.
        package var owner: String?
        /// Stored as a blob (conversation states).
        package var isBlob = false
        /// After a change, also run this on the row (the session's turn counter moves on, so
        /// that no cached copy of the old state is written back).
        package var touch: String?
    }

    /// The columns that can hold an erased person's texts after their own rows are gone.
    package static let places: [Place] = [
        Place(table: "notices", column: "text_nl", owner: "participant_id"),
        Place(table: "notices", column: "text_en", owner: "participant_id"),
        Place(table: "conversation_texts", column: "text", owner: "participant_id"),
        Place(table: "sessions", column: "state", owner: "participant_id", isBlob: true, touch: "turns = turns + 1"),
        Place(table: "answers", column: "value", key: ["participant_id", "slot"], owner: "participant_id"),
        Place(table: "goals", column: "text", owner: "owner_id"),
        Place(table: "expectations", column: "text", key: ["participant_id", "pair_id"], owner: "participant_id"),
        Place(table: "activities", column: "notes", owner: "logged_by"),
        Place(table: "evaluations", column: "data", key: ["participant_id", "pair_id"], owner: "participant_id"),
        Place(table: "plans", column: "period"),
        Place(table: "plans", column: "agreements"),
        Place(table: "plans", column: "deviation_reasons"),
        Place(table: "audit_log", column: "detail"),
    ]

    /// What replaces a text.
    package static let redacted = "[verwijderd / erased]"

    /// What is looked for, and how it is replaced.
    let redactor: TextRedactor
    let db: Database
    /// Each owner's own texts, read once.
    private var ownTexts: [String: Set<String>] = [:]
    /// Rows changed, for the summary.
    private(set) var changes = 0

    init(_ texts: IdentifyingTexts, standIn: String, in db: Database) {
        redactor = TextRedactor(texts, standIn: standIn)
        self.db = db
    }

    /// Redacts every place, neutralises stored replies and drops deliveries that show the person.
    mutating func run() throws {
        for place in Self.places { try redact(place) }
        try neutraliseStoredReplies()
        try dropDeliveries()
    }

    /// A condition true when `expression` holds any searched form, or is a short text whole;
    /// its arguments follow.
    private func showsPerson(_ expression: String) -> (sql: String, arguments: StatementArguments) {
        let forms = redactor.searchedForms
        let conditions = Array(repeating: "instr(\(expression), ?) > 0", count: forms.count)
            + Array(repeating: "\(expression) = ?", count: redactor.texts.wholeValues.count)
        return ("(" + conditions.joined(separator: " OR ") + ")", StatementArguments(forms + redactor.texts.wholeValues))
    }

    private mutating func redact(_ place: Place) throws {
        // Keys under names of our own: SQLite names `rowid` after an INTEGER PRIMARY KEY column.
        let key = place.key.enumerated().map { "\($0.element) AS key\($0.offset)" }.joined(separator: ", ")
        let owner = place.owner.map { ", \($0) AS owner" } ?? ""
        let value = place.isBlob ? "CAST(\(place.column) AS TEXT)" : place.column
        let condition = showsPerson(value)
        let candidates = try Row.fetchAll(db, sql: "SELECT \(key)\(owner), \(value) AS value FROM \(place.table) WHERE \(condition.sql)",
                                          arguments: condition.arguments)
        for row in candidates {
            guard let original: String = row["value"] else { continue }
            var keep: Set<String> = []
            if let owner: String = row["owner"] { keep = try ownTexts(of: owner) }
            let replaced = redactor.redacting(original, keeping: keep)
            guard replaced != original else { continue }
            let assignment = place.isBlob ? "\(place.column) = CAST(? AS BLOB)" : "\(place.column) = ?"
            let touch = place.touch.map { ", \($0)" } ?? ""
            let match = place.key.map { "\($0) = ?" }.joined(separator: " AND ")
            var arguments: [(any DatabaseValueConvertible)?] = [replaced]
            for index in place.key.indices { arguments.append(row["key\(index)"] as DatabaseValue?) }
            try db.execute(sql: "UPDATE \(place.table) SET \(assignment)\(touch) WHERE \(match)", arguments: StatementArguments(arguments))
            changes += db.changesCount
        }
    }

    /// Stored replies that show the person become "already handled" in their owner's language:
    /// the row stays, so that a repeated request is still recognised and not taken as new input.
    private mutating func neutraliseStoredReplies() throws {
        let condition = showsPerson("CAST(r.reply_json AS TEXT)")
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.rowid AS id, r.participant_id AS owner, p.language, p.phase, CAST(r.reply_json AS TEXT) AS reply
            FROM processed_requests r JOIN participants p ON p.id = r.participant_id WHERE \(condition.sql)
            """, arguments: condition.arguments)
        for row in rows where redactor.shows(row["reply"]) {
            let owner: String = row["owner"]
            let language: String = row["language"]
            let data = try TextRedactor.neutralReply(owner: owner, language: language, phase: row["phase"])
            try db.execute(sql: "UPDATE processed_requests SET reply_json = ? WHERE rowid = ?", arguments: [data, row["id"] as Int64])
            changes += db.changesCount
        }
    }

    /// Notifications, sent or not, whose payload shows the person.
    private mutating func dropDeliveries() throws {
        let condition = showsPerson("CAST(payload AS TEXT)")
        let rows = try Row.fetchAll(db, sql: "SELECT id, CAST(payload AS TEXT) AS payload FROM deliveries WHERE \(condition.sql)",
                                    arguments: condition.arguments)
        for row in rows where redactor.shows(row["payload"]) {
            try db.execute(sql: "DELETE FROM deliveries WHERE id = ?", arguments: [row["id"] as Int64])
            changes += db.changesCount
        }
    }

    private mutating func ownTexts(of owner: String) throws -> Set<String> {
        if let known = ownTexts[owner] { return known }
        let found = Set(try IdentifyingTexts.ownTexts(of: owner, in: db))
        ownTexts[owner] = found
        return found
    }
}
