public import TwinReply
import Foundation
public import DialogEngine
public import TwinLanguage

/// A written conversation with the replies it expects: the dialog author's regression test.
///
/// ```text
/// lang: nl
/// > hallo
/// < Welkom
/// ? profile.name
/// ```
/// `>` lines are what the participant types; `<`, `?` and `!` lines check the reply to the
/// `>` line above them: a fragment of its messages, the slot it asks (`-` for none), a kind of
/// message it contains.
///
/// A `pair:` header (`kennismaking`, `activiteiten` or `afronding`) starts the transcript in a
/// trajectory instead of at the intake; see `TranscriptPair`.
///
/// A `coordinator: true` header makes the participant a coordinator; see `TranscriptPool`.
public struct Transcript: Sendable {
    /// One expectation about a reply.
    public enum Expectation: Sendable, Hashable {
        case fragment(String)
        case promptSlot(String?)
        case messageKind(Reply.Message.Kind)
    }

    /// One participant line and what its reply must hold.
    public struct Exchange: Sendable {
        public var input: String
        public var line: Int
        public var expectations: [(expectation: Expectation, line: Int)]
    }

    /// The file's name, for reports.
    public var path: String
    /// The language of the conversation.
    public var language: Language
    /// The participant id used.
    public var participant: String
    /// The day the conversation takes place (`today: 2026-12-01`), for dates like `vandaag`.
    public var today: LocalDate?
    /// The exchanges, in order.
    public var exchanges: [Exchange]
    /// Where the participant starts: `nil` for a new participant (the first line opens the
    /// intake), or a confirmed pair in this phase, resting at the menu.
    public var pair: TranscriptPair.Stage?
    /// With `pair: activiteiten`, whether the partner changed the fixed plan a day ago
    /// (`plan: changed`): the new version waits for the participant's confirmation.
    public var planChanged = false
    /// Whether the participant is a coordinator (`coordinator: true`): the conversation starts
    /// at the coordinator's home, and the programme holds two unpaired participants
    /// (`TranscriptPool`) besides any `pair:`.
    public var isCoordinator = false

    /// Parses a transcript.
    ///
    /// - Throws: `TranscriptError` with the line of the first line it cannot read.
    public init(path: String, text: String) throws(TranscriptError) {
        self.path = path
        language = .nl
        participant = "transcript:tester"
        exchanges = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(rawLine).trimmingCharacters(in: .init(charactersIn: "\r"))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.hasPrefix(">") {
                exchanges.append(Exchange(input: Self.body(line), line: number, expectations: []))
                continue
            }
            if line.hasPrefix("<") || line.hasPrefix("?") || line.hasPrefix("!") {
                guard !exchanges.isEmpty else {
                    throw TranscriptError(path: path, line: number, message: "an expectation before the first `>` line; start with what the participant types")
                }
                let body = Self.body(line)
                let expectation: Expectation
                switch line.first {
                case "<":
                    guard !body.isEmpty else { throw TranscriptError(path: path, line: number, message: "`<` needs a text fragment") }
                    expectation = .fragment(body)
                case "?":
                    expectation = .promptSlot(body == "-" || body.isEmpty ? nil : body)
                default:
                    guard let kind = Reply.Message.Kind(rawValue: body) else {
                        throw TranscriptError(path: path, line: number, message: "`!` takes a message kind: \(Reply.Message.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    expectation = .messageKind(kind)
                }
                exchanges[exchanges.count - 1].expectations.append((expectation, number))
                continue
            }
            if let colon = line.firstIndex(of: ":"), exchanges.isEmpty {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "lang", "language":
                    guard let parsed = Language(spelling: value) else {
                        throw TranscriptError(path: path, line: number, message: "`lang:` is nl or en")
                    }
                    language = parsed
                case "participant": participant = value
                case "today":
                    guard let date = LocalDate(iso: value) else {
                        throw TranscriptError(path: path, line: number, message: "`today:` is a date like 2026-12-01")
                    }
                    today = date
                case "pair":
                    guard let stage = TranscriptPair.Stage(rawValue: value) else {
                        let stages = TranscriptPair.Stage.allCases.map(\.rawValue).joined(separator: ", ")
                        throw TranscriptError(path: path, line: number, message: "`pair:` is one of \(stages)")
                    }
                    pair = stage
                case "plan":
                    guard value == "changed" else {
                        throw TranscriptError(path: path, line: number, message: "`plan:` is changed (with `pair: activiteiten`)")
                    }
                    planChanged = true
                case "coordinator":
                    guard let flag = ["true": true, "yes": true, "false": false, "no": false][value.lowercased()] else {
                        throw TranscriptError(path: path, line: number, message: "`coordinator:` is true or false")
                    }
                    isCoordinator = flag
                default:
                    throw TranscriptError(path: path, line: number, message: "unknown header `\(key)` (expected lang, participant, today, pair, plan, coordinator)")
                }
                continue
            }
            throw TranscriptError(path: path, line: number, message: "a line starts with `>` (input), `<` (fragment), `?` (prompt slot), `!` (message kind) or `#` (comment)")
        }
        if exchanges.isEmpty {
            throw TranscriptError(path: path, line: 1, message: "the transcript has no `>` lines")
        }
        if planChanged, pair != .activiteiten {
            throw TranscriptError(path: path, line: 1, message: "`plan: changed` needs `pair: activiteiten`")
        }
    }

    private static func body(_ line: String) -> String {
        String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
    }
}

/// A transcript line that cannot be read, or a reply that did not match.
public struct TranscriptError: Error, Sendable, CustomStringConvertible {
    /// The transcript file.
    public var path: String
    /// The line of the problem.
    public var line: Int
    /// What is wrong.
    public var message: String

    public var description: String { "\(path):\(line): \(message)" }
}
