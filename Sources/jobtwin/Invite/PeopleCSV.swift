import Foundation
import Twinning
import TwinAssistant
import TwinLanguage

/// The people of `jobtwin invite --csv FILE`: a header row naming the columns `name` (required),
/// `email`, `side` and `language` (optional, in any order), then one person per row. Fields may be quoted
/// (`"de Vries, Anna"`, a quote doubled inside); every row is checked before anyone is invited.
struct PeopleCSV {
    /// The header's column names, as given.
    let header: [String]
    /// The rows' fields, as given, with the line each starts at.
    let rows: [(line: Int, fields: [String])]
    /// The requests, one per row.
    let requests: [InvitationRequest]

    /// A problem of the file at a line, printed as `FILE:LINE: message`.
    struct Problem: Error, CustomStringConvertible {
        let file: String
        let line: Int
        let message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    /// Reads and checks `text` (the file named `file`).
    init(text: String, file: String, coordinator: Bool, days: Int?, language: Language? = nil) throws(Problem) {
        let records = try Self.records(text, file: file)
        guard let first = records.first else {
            throw Problem(file: file, line: 1, message: "the file is empty: the first row names the columns, e.g. name,email,side")
        }
        let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let nameColumn = names.firstIndex(of: "name") else {
            throw Problem(file: file, line: first.line, message: "the first row names the columns and needs a `name` column (name,email,side)")
        }
        for (index, column) in names.enumerated() where !["name", "email", "side", "language"].contains(column) || names.firstIndex(of: column) != index {
            throw Problem(file: file, line: first.line, message: names.firstIndex(of: column) != index
                          ? "the column `\(column)` is named twice"
                          : "unknown column `\(first.fields[index])` (known: name, email, side, language)")
        }
        let emailColumn = names.firstIndex(of: "email"), sideColumn = names.firstIndex(of: "side")
        let languageColumn = names.firstIndex(of: "language")
        var requests: [InvitationRequest] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw Problem(file: file, line: record.line,
                              message: "\(record.fields.count) fields where the header has \(names.count) (\(first.fields.joined(separator: ","))); quote a field that holds a comma")
            }
            var side: Side?
            if let sideColumn {
                let text = record.fields[sideColumn].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    guard let parsed = Self.side(text) else {
                        throw Problem(file: file, line: record.line, message: "the side `\(text)` is teacher or professional (or empty)")
                    }
                    side = parsed
                }
            }
            var rowLanguage = language
            if let languageColumn {
                let text = record.fields[languageColumn].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    guard let parsed = Language(spelling: text) else {
                        throw Problem(file: file, line: record.line, message: "the language `\(text)` is nl or en (or empty)")
                    }
                    rowLanguage = parsed
                }
            }
            let request = InvitationRequest(name: record.fields[nameColumn], email: emailColumn.map { record.fields[$0] },
                                            side: side, isCoordinator: coordinator, days: days, language: rowLanguage)
            do {
                requests.append(try Invitations.checked(request))
            } catch {
                throw Problem(file: file, line: record.line, message: error.description)
            }
        }
        header = first.fields
        rows = records.dropFirst().map { ($0.line, $0.fields) }
        self.requests = requests
    }

    /// A side as written in a file or on the command line: teacher/docent or professional.
    static func side(_ text: String) -> Side? {
        switch text.lowercased() {
        case "teacher", "docent": return .teacher
        case "professional": return .professional
        default: return nil
        }
    }

    /// The records of `text` (RFC 4180: fields separated by commas, quoted fields may hold commas,
    /// quotes doubled and line breaks), each with the line it starts at; blank lines are skipped.
    static func records(_ text: String, file: String) throws(Problem) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1, start = 1
        var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if characters.last != "\n" { characters.append("\n") }
        var index = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty && !wasQuoted) {
                records.append((start, fields))
            }
            fields = []
            field = ""
            wasQuoted = false
        }
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
            } else {
                switch character {
                case "\"":
                    guard field.trimmingCharacters(in: .whitespaces).isEmpty, !wasQuoted else {
                        throw Problem(file: file, line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\"\"\")")
                    }
                    field = ""
                    quoted = true
                    wasQuoted = true
                case ",":
                    fields.append(field)
                    field = ""
                    wasQuoted = false
                case "\n", "\r\n", "\r":
                    endRecord()
                    line += 1
                    start = line
                default:
                    if wasQuoted, !character.isWhitespace {
                        throw Problem(file: file, line: line, message: "text after a quoted field's closing quote; put a comma between fields")
                    }
                    if !wasQuoted { field.append(character) }
                }
            }
            index += 1
        }
        if quoted { throw Problem(file: file, line: start, message: "a quoted field is not closed; end it with a quote") }
        return records
    }

    /// `text` as a CSV field: quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
