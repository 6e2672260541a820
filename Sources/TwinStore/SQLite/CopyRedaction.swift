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
struct CopyRedaction {
    /// One column that can hold a copy.
    struct Place: Sendable {
        var table: String
        var column: String
        /// The columns that identify a row (`rowid` for rowid tables).
        var key: [String] = ["rowid"]
        /// The column of the row's owner, whose own texts stay in it.
        var owner: String?
        /// Stored as a blob (conversation states).
        var isBlob = false
        /// After a change, also run this on the row (the session's turn counter moves on, so
        /// that no cached copy of the old state is written back).
        var touch: String?
    }

    /// The columns that can hold an erased person's texts after their own rows are gone.
    static let places: [Place] = [
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
    static let redacted = "[verwijderd / erased]"

    let texts: IdentifyingTexts
    /// The anonymous stand-in that replaces the person's id.
    let standIn: String
    let db: Database
    /// Each text with the forms it takes in a column, worked out once for every row searched.
    private let anywhereForms: [(text: String, forms: [String])]
    private let wholeValueForms: [(text: String, forms: [String])]
    /// What a column may contain when it shows the person: any form of a text looked for
    /// anywhere, a short text as a whole JSON string, or the id.
    private let searchedForms: [String]
    /// Each owner's own texts, read once.
    private var ownTexts: [String: Set<String>] = [:]
    /// Rows changed, for the summary.
    private(set) var changes = 0

    init(_ texts: IdentifyingTexts, standIn: String, in db: Database) {
        self.texts = texts
        self.standIn = standIn
        self.db = db
        anywhereForms = texts.anywhere.map { ($0, Self.forms(of: $0)) }
        wholeValueForms = texts.wholeValues.map { ($0, Self.forms(of: $0)) }
        searchedForms = anywhereForms.flatMap(\.forms) + wholeValueForms.flatMap { $0.forms.map { "\"\($0)\"" } } + [texts.id]
    }

    /// Redacts every place, neutralises stored replies and drops deliveries that show the person.
    mutating func run() throws {
        for place in Self.places { try redact(place) }
        try neutraliseStoredReplies()
        try dropDeliveries()
    }

    /// The forms a text takes in a column: as written, and escaped as JSON writers escape it
    /// (quotes, backslashes, line breaks; `/` as `\/` by some).
    static func forms(of text: String) -> [String] {
        var forms = [text]
        if let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]),
           let json = String(data: data, encoding: .utf8), json.count >= 4 {
            let escaped = String(json.dropFirst(2).dropLast(2))
            forms.append(escaped)
            forms.append(escaped.replacingOccurrences(of: "/", with: "\\/"))
        }
        return Array(Set(forms)).sorted { $0.count > $1.count }
    }

    /// A condition true when `expression` holds any searched form, or is a short text whole;
    /// its arguments follow.
    private func showsPerson(_ expression: String) -> (sql: String, arguments: StatementArguments) {
        let forms = searchedForms
        let conditions = Array(repeating: "instr(\(expression), ?) > 0", count: forms.count)
            + Array(repeating: "\(expression) = ?", count: texts.wholeValues.count)
        return ("(" + conditions.joined(separator: " OR ") + ")", StatementArguments(forms + texts.wholeValues))
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
            let replaced = redacting(original, keeping: keep)
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

    /// `text` without the person: their texts replaced (except those in `keep`, the row
    /// owner's own), their id replaced by the stand-in.
    func redacting(_ text: String, keeping keep: Set<String>) -> String {
        var result = text
        for (original, forms) in anywhereForms where !keep.contains(original) {
            for form in forms where result.contains(form) {
                result = result.replacingOccurrences(of: form, with: Self.redacted)
            }
        }
        for (original, forms) in wholeValueForms where !keep.contains(original) {
            if result.trimmingCharacters(in: .whitespacesAndNewlines) == original { return Self.redacted }
            for form in forms where result.contains("\"\(form)\"") {
                result = result.replacingOccurrences(of: "\"\(form)\"", with: "\"\(Self.redacted)\"")
            }
        }
        return PersonalDataErasure.replacingID(texts.id, with: standIn, in: result)
    }

    /// Stored replies that show the person become "already handled" in their owner's language:
    /// the row stays, so that a repeated request is still recognised and not taken as new input.
    private mutating func neutraliseStoredReplies() throws {
        let condition = showsPerson("CAST(r.reply_json AS TEXT)")
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.rowid AS id, r.participant_id AS owner, p.language, p.phase, CAST(r.reply_json AS TEXT) AS reply
            FROM processed_requests r JOIN participants p ON p.id = r.participant_id WHERE \(condition.sql)
            """, arguments: condition.arguments)
        for row in rows where shows(row["reply"]) {
            let owner: String = row["owner"]
            let language: String = row["language"]
            let text = language == "en" ? "This message was already handled." : "Dit bericht is al verwerkt."
            let reply: [String: Any] = [
                "participant": owner, "language": language, "phase": row["phase"] as String,
                "messages": [["kind": "info", "text": text]], "prompt": NSNull(),
            ]
            let data = try JSONSerialization.data(withJSONObject: reply, options: [.sortedKeys, .withoutEscapingSlashes])
            try db.execute(sql: "UPDATE processed_requests SET reply_json = ? WHERE rowid = ?", arguments: [data, row["id"] as Int64])
            changes += db.changesCount
        }
    }

    /// Notifications, sent or not, whose payload shows the person.
    private mutating func dropDeliveries() throws {
        let condition = showsPerson("CAST(payload AS TEXT)")
        let rows = try Row.fetchAll(db, sql: "SELECT id, CAST(payload AS TEXT) AS payload FROM deliveries WHERE \(condition.sql)",
                                    arguments: condition.arguments)
        for row in rows where shows(row["payload"]) {
            try db.execute(sql: "DELETE FROM deliveries WHERE id = ?", arguments: [row["id"] as Int64])
            changes += db.changesCount
        }
    }

    /// Whether a text shows the person: the search in SQL finds candidates, this decides
    /// (`api:anna` inside `api:annabel` is not them).
    private func shows(_ text: String?) -> Bool {
        guard let text else { return false }
        return redacting(text, keeping: []) != text
    }

    private mutating func ownTexts(of owner: String) throws -> Set<String> {
        if let known = ownTexts[owner] { return known }
        let found = Set(try IdentifyingTexts.ownTexts(of: owner, in: db))
        ownTexts[owner] = found
        return found
    }
}
