import Foundation
import GRDB

/// The texts a participant gave that can identify them in other people's data: every free text
/// of their profile (name, organisation, position, region, prior education, target group, a
/// field of their own) and of their answers, the goals and expectations they wrote, the notes of
/// the activities they logged, the plan texts they proposed, the words of the knelpunten they
/// raised, the free texts of their evaluation, the name and e-mail address of their invitations.
///
/// Option values (`teacher`, `other_world`) are not texts a person wrote: they are left out,
/// as are texts too short or without a letter (`ja`, `12`), which would match everywhere.
/// The name, the organisation and every text of at least `distinctiveLength` characters are
/// looked for anywhere (inside a notice, a card, a sentence); a shorter text (`vmbo`, `Delft`)
/// only as a whole value, so that it is not cut out of someone else's `vmbo, havo`.
package struct IdentifyingTexts: Sendable {
    /// From this length a text is distinctive enough to be looked for inside other texts.
    static let distinctiveLength = 8

    /// The texts looked for anywhere, longest first: a longer text is replaced before a
    /// shorter one inside it.
    package let anywhere: [String]
    /// The texts replaced only where they are a whole value.
    package let wholeValues: [String]
    /// The participant's id, replaced by their stand-in where others' rows refer to them.
    package let id: String

    /// Whether there is anything to look for besides the id.
    var isEmpty: Bool { anywhere.isEmpty && wholeValues.isEmpty }

    /// Reads a store's text columns: the rows of a `SELECT` whose only argument, the
    /// participant's id, is written `?`; each row's columns in the order selected, as text.
    package typealias TextRows = (_ sql: String) throws -> [[String?]]

    /// What `id` gave, read before their rows are deleted.
    static func of(_ id: String, in db: Database) throws -> IdentifyingTexts {
        try of(id, rows: sqliteRows(id, db))
    }

    /// What `id` gave, read through `rows` (any store) before their rows are deleted.
    package static func of(_ id: String, rows: TextRows) throws -> IdentifyingTexts {
        var always: Set<String> = []
        let all = try collect(id, rows: rows, includingCodes: false, nameAndOrganization: &always).filter(isIdentifying)
        let longestFirst: (String, String) -> Bool = { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return IdentifyingTexts(
            anywhere: all.filter { always.contains($0) || $0.count >= distinctiveLength }.sorted(by: longestFirst),
            wholeValues: all.filter { !always.contains($0) && $0.count < distinctiveLength }.sorted(by: longestFirst),
            id: id)
    }

    /// Every text value of `id`'s own data, option values included: a text the other person
    /// also wrote themselves (both work in Rotterdam) is theirs as much, and stays in their rows.
    static func ownTexts(of id: String, in db: Database) throws -> [String] {
        try ownTexts(of: id, rows: sqliteRows(id, db))
    }

    /// `ownTexts(of:in:)` through `rows`, for any store.
    package static func ownTexts(of id: String, rows: TextRows) throws -> [String] {
        var unused: Set<String> = []
        return Array(try collect(id, rows: rows, includingCodes: true, nameAndOrganization: &unused))
    }

    private static func sqliteRows(_ id: String, _ db: Database) -> TextRows {
        { sql in try Row.fetchAll(db, sql: sql, arguments: [id]).map { row in row.databaseValues.map { String.fromDatabaseValue($0) } } }
    }

    /// Every text of `id`; their name and organisation also into `nameAndOrganization`.
    private static func collect(_ id: String, rows: TextRows, includingCodes: Bool,
                                nameAndOrganization: inout Set<String>) throws -> Set<String> {
        var found: Set<String> = []
        func add(_ text: String?) {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return }
            found.insert(text)
        }
        func addJSON(_ json: String?, all: Bool) {
            guard let json else { return }
            for text in strings(inJSON: json) where all || !isOptionValue(text) { add(text) }
        }
        func column(_ sql: String) throws -> [String?] { try rows(sql).map { $0.first ?? nil } }
        for row in try rows("""
            SELECT name, organization, role, region, field_other, background, target_group FROM profiles WHERE participant_id = ?
            """) {
            row.forEach(add)
            // The name and the organisation, the first two columns.
            for text in row.prefix(2) {
                if let text { nameAndOrganization.insert(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            }
        }
        // The name and e-mail address a coordinator invited them under.
        for row in try rows("SELECT name, email FROM invitations WHERE participant_id = ?") {
            row.forEach(add)
            if let name = row.first ?? nil { nameAndOrganization.insert(name.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        for value in try column("SELECT value FROM answers WHERE participant_id = ?") { addJSON(value, all: includingCodes) }
        for text in try column("SELECT text FROM goals WHERE owner_id = ?") { add(text) }
        for text in try column("SELECT text FROM expectations WHERE participant_id = ?") { add(text) }
        for text in try column("SELECT notes FROM activities WHERE logged_by = ?") { add(text) }
        // A knelpunt's words went to the coordinators in a notification.
        for text in try column("SELECT words FROM reported_bottlenecks WHERE participant_id = ? AND words IS NOT NULL") { add(text) }
        for row in try rows("SELECT period, agreements, deviation_reasons FROM plans WHERE proposed_by = ?") {
            add(row.first ?? nil)
            add(row.count > 1 ? row[1] : nil)
            addJSON(row.count > 2 ? row[2] : nil, all: includingCodes)
        }
        for data in try column("SELECT data FROM evaluations WHERE participant_id = ?") { addJSON(data, all: includingCodes) }
        return found
    }

    /// Whether a text is distinctive enough to look for: three characters, one a letter.
    static func isIdentifying(_ text: String) -> Bool {
        text.count >= 3 && text.contains(where: \.isLetter)
    }

    /// An option's value as dialogs write them: lower-case letters, digits and `_`.
    static func isOptionValue(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    /// Every string in a JSON document, keys left out.
    static func strings(inJSON json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else { return [] }
        var found: [String] = []
        func walk(_ value: Any) {
            switch value {
            case let text as String: found.append(text)
            case let list as [Any]: list.forEach(walk)
            case let object as [String: Any]: object.values.forEach(walk)
            default: break
            }
        }
        walk(object)
        return found
    }
}
