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
        Reply(participant: "slack:T1:U1", messages: [ReplyMessage(.info, "Welkom bij Job Twinning!\nDit is \"quoted\", a\\b, tab\there"),
                                                     ReplyMessage(.error, "control \u{01}\u{08}\u{0C}\u{1F} and / slash, ëé 🙂")],
              prompt: Prompt(slot: "plan.hours", type: .number, text: "Hoeveel uur?", min: 0.5, max: 150, optional: true),
              phase: .kennismaking, language: .en),
        Reply(participant: "api:x", messages: [ReplyMessage(.advice, "Richtlijn 3")],
              prompt: Prompt(slot: "menu.action", type: .choice, text: "Wat wil je doen?",
                             options: [Prompt.Option(value: "profile", label: "Mijn profiel"), Prompt.Option(value: "help", label: "Uitleg \"hulp\"")]),
              phase: .afronding, language: .nl),
        Reply(participant: "api:y", messages: [ReplyMessage(.warning, "")],
              prompt: Prompt(slot: "plan.weeks", type: .integer, text: "Weken", min: 1, max: 1e20),
              phase: .afgerond, language: .en),
    ]

    @Test("writes the same bytes as JSONEncoder with sorted keys", arguments: replies)
    func sameBytes(reply: Reply) throws {
        let ours = try reply.encodedJSON()
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try Self.reference(reply), as: UTF8.self))
        #expect(try JSONDecoder().decode(Reply.self, from: ours) == reply)
    }

    @Test("a prompt limit that is not finite is refused, as JSONEncoder does")
    func notFinite() {
        let reply = Reply(participant: "api:u1", messages: [], prompt: Prompt(slot: "x", type: .number, text: "?", max: .nan),
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
}
