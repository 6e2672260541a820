import TwinReply
import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
@testable import TwinAssistant

@Suite("Reply JSON")
struct ReplyJSONTests {
    /// The generic encoder as the channels used it before the fast one: the reference.
    private static func reference(_ reply: Reply) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(reply)
    }

    static let replies: [Reply] = [
        Reply(participant: "api:u1", messages: [], prompt: nil, phase: .matching, language: .nl),
        Reply(participant: "slack:T1:U1", messages: [Reply.Message(.info, "Welkom bij Job Twinning!\nDit is \"quoted\", a\\b, tab\there"),
                                                     Reply.Message(.error, "control \u{01}\u{08}\u{0C}\u{1F} and / slash, ëé 🙂")],
              prompt: Reply.Prompt(slot: "plan.hours", type: .number, text: "Hoeveel uur?", min: 0.5, max: 150, optional: true),
              phase: .kennismaking, language: .en),
        Reply(participant: "api:x", messages: [Reply.Message(.advice, "Richtlijn 3")],
              prompt: Reply.Prompt(slot: "menu.action", type: .choice, text: "Wat wil je doen?",
                             options: [Reply.Prompt.Option(value: "profile", label: "Mijn profiel"), Reply.Prompt.Option(value: "help", label: "Uitleg \"hulp\"")]),
              phase: .afronding, language: .nl),
        Reply(participant: "api:y", messages: [Reply.Message(.warning, "")],
              prompt: Reply.Prompt(slot: "plan.weeks", type: .integer, text: "Weken", min: 1, max: 1e20),
              phase: .afgerond, language: .en),
        Reply(participant: "web:z", messages: [],
              prompt: Reply.Prompt(slot: "activity.date", type: .date, text: "Wanneer?", minDate: "2026-09-01", maxDate: "2027-07-31",
                                   progress: Reply.Progress(number: 5, total: 15)),
              phase: .activiteiten, language: .nl, turn: 12),
    ]

    @Test("writes the same bytes as JSONEncoder with sorted keys", arguments: replies)
    func sameBytes(reply: Reply) throws {
        let ours = try reply.encodedJSON()
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try Self.reference(reply), as: UTF8.self))
        #expect(try JSONDecoder().decode(Reply.self, from: ours) == reply)
    }

    @Test("a prompt limit that is not finite is refused, as JSONEncoder does")
    func notFinite() {
        let reply = Reply(participant: "api:u1", messages: [], prompt: Reply.Prompt(slot: "x", type: .number, text: "?", max: .nan),
                          phase: .matching, language: .nl)
        #expect(throws: EncodingError.self) { try reply.encodedJSON() }
    }

    @Test("a slot value's JSON is JSONEncoder's", arguments: [
        Value.null, .bool(true), .integer(-3), .number(2), .number(0.25), .text("a \"b\"\n"),
        .date(LocalDate(iso: "2026-11-29") ?? LocalDate(Date(timeIntervalSince1970: 0))), .list(["x", "y/z"]),
    ])
    func valueJSON(value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try value.encodedJSON(), as: UTF8.self) == String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Replies stored by the version in which the contract was made of the dialog engine's
    /// types: the first written by `jobtwin chat --json` then, the second as its encoder wrote
    /// a prompt with limits.
    static let storedBefore = [
        #"{"language":"nl","messages":[{"kind":"info","text":"Ben je docent, of werk je bij een bedrijf of organisatie?"}],"participant":"repl:cap","phase":"matching","prompt":{"max":null,"min":null,"optional":false,"options":[{"label":"Docent","value":"teacher"},{"label":"Professional uit een bedrijf of organisatie","value":"professional"}],"slot":"profile.side","text":"Ben je docent, of werk je bij een bedrijf of organisatie?","type":"choice"}}"#,
        #"{"language":"en","messages":[{"kind":"error","text":"A number from 1 to 104, please."},{"kind":"info","text":"How many weeks?"}],"participant":"slack:T1:U1","phase":"kennismaking","prompt":{"max":104,"min":1,"optional":true,"options":null,"slot":"plan.weeks","text":"How many weeks?","type":"integer"}}"#,
    ]

    @Test("replies stored before the contract moved to the assistant still decode, and encode to the same bytes with the fields added since (turn, date limits, progress) unknown",
          arguments: storedBefore)
    func storedRepliesDecode(json: String) throws {
        let reply = try JSONDecoder().decode(Reply.self, from: Data(json.utf8))
        #expect(reply.turn == nil)
        #expect(reply.prompt?.progress == nil && reply.prompt?.minDate == nil && reply.prompt?.maxDate == nil)
        let withAddedFields = String(json.dropLast())
            .replacingOccurrences(of: #","min":"#, with: #","max_date":null,"min":"#)
            .replacingOccurrences(of: #","optional":"#, with: #","min_date":null,"optional":"#)
            .replacingOccurrences(of: #","slot":"#, with: #","progress":null,"slot":"#) + #","turn":null}"#
        #expect(String(decoding: try reply.encodedJSON(), as: UTF8.self) == withAddedFields)
        #expect(reply.prompt != nil)
    }
}
