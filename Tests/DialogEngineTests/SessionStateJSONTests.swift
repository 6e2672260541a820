import TwinLanguage
import Foundation
import Testing
import DialogEngine

/// The hand-written state encoding must be exactly what `JSONDecoder` reads back.
@Suite("Session state JSON")
struct SessionStateJSONTests {
    static func state(_ seed: Int) -> SessionState {
        var state = SessionState(language: seed % 2 == 0 ? .nl : .en)
        state.answered = seed
        state.attempts = seed % 3
        state.awaiting = seed % 3 == 0 ? .answer : .restartConfirmation
        state.isPaused = seed % 4 == 0
        state.slots = [
            "profile.name": .text("Anna \"de\" Vries\\\n\t\u{1}{{x}} ëü 👩‍💻"),
            "plan.weeks": .integer(seed - 3),
            "plan.hours": .number(19.5 + Double(seed) / 7),
            "profile.open": .bool(seed % 2 == 1),
            "activity.date": .date(LocalDate(year: 2026, month: 12, day: 6 + seed % 20)!),
            "profile.criteria": .list(["subject", "open", "qu\"ote"]),
        ]
        state.stack = [Frame(dialog: "menu", step: "menu"), Frame(dialog: "profile_questions", step: "profile.name", returnAfter: seed % 2 == 0 ? "revisit-x" : nil)]
        state.undo = (0..<(seed % 4)).map { n in
            UndoRecord(stack: [Frame(dialog: "intake", step: "s\(n)")], previous: ["a": .null, "b": .integer(n), "c": .list([])])
        }
        return state
    }

    @Test("round-trips through JSONDecoder and matches JSONEncoder's document", arguments: 0..<12)
    func roundTrip(seed: Int) throws {
        let state = Self.state(seed)
        let data = try state.encodedJSON()
        #expect(try JSONDecoder().decode(SessionState.self, from: data) == state)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let reference = try JSONSerialization.jsonObject(with: try encoder.encode(state)) as? NSDictionary
        let ours = try JSONSerialization.jsonObject(with: data) as? NSDictionary
        #expect(reference == ours)
    }

    @Test("a number that is not finite is refused, as JSONEncoder does")
    func notFinite() {
        var state = SessionState()
        state.slots["x"] = .number(.infinity)
        #expect(throws: EncodingError.self) { try state.encodedJSON() }
    }
}
