import TwinLanguage
import Foundation
import Testing
import DialogEngine

/// Stored conversations: the state survives encoding, resumes after the dialogs changed, and a
/// turn that fails leaves nothing behind.
@Suite("Runtime: resuming")
struct RuntimeResumeTests {
    static let main = """
        dialog: main
        title: {nl: Kennismaking, en: Getting started}
        steps:
          - say: {nl: Welkom!, en: Welcome!}
          - ask: p.name
            type: text
            prompt: {nl: Naam?, en: Name?}
          - ask: p.hours
            type: number
            prompt: {nl: Uren?, en: Hours?}
          - set: p.double
            value: "p.hours * 2"
          - ask: p.start
            type: date
            prompt: {nl: Start?, en: Start?}
          - ask: p.nick
            type: text
            optional: true
            prompt: {nl: Bijnaam?, en: Nickname?}
          - call: sub
          - ask: p.criteria
            type: multichoice
            prompt: {nl: Criteria?, en: Criteria?}
            options:
              - value: subject
                label: {nl: Vakgebied, en: Subject}
              - value: region
                label: {nl: Regio, en: Region}
          - say:
              nl: "{{p.name}}, {{p.hours}}, {{p.start}}, {{p.criteria}}, {{sub.ok}}, {{sub.count}}"
              en: "{{p.name}}, {{p.hours}}, {{p.start}}, {{p.criteria}}, {{sub.ok}}, {{sub.count}}"
            kind: summary
        """

    static let sub = """
        dialog: sub
        title: {nl: Onderdeel, en: Part}
        steps:
          - ask: sub.ok
            type: yesno
            prompt: {nl: Akkoord?, en: Agreed?}
          - ask: sub.count
            type: integer
            prompt: {nl: Hoeveel?, en: How many?}
        """

    private func program() throws -> Program { try RuntimeSupport.program(Self.main, Self.sub) }

    private func roundTrip(_ state: SessionState) throws -> SessionState {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try JSONDecoder().decode(SessionState.self, from: try encoder.encode(state))
    }

    // MARK: - Encoding

    @Test func theStateRoundTripsThroughJSON_andContinuesIdentically() throws {
        let program = try program()
        var original = ChatHarness(program)
        try original.open()
        // Text, number, computed, date, a skip (an undo record with null) and a call under way,
        // a rejected attempt pending.
        try original.send(["Anna", "19,5", "6 december 2026", "skip", "yes", "veel"])
        #expect(original.state.stack.count == 2)
        #expect(original.state.attempts == 1)

        let decoded = try roundTrip(original.state)
        #expect(decoded == original.state)
        #expect(decoded.slots["p.hours"] == .number(19.5))
        #expect(decoded.slots["p.double"] == .number(39))
        #expect(decoded.slots["p.start"] == .date(try #require(LocalDate(iso: "2026-12-06"))))
        #expect(decoded.undo.contains { $0.previous["p.nick"] == .null })

        var resumed = ChatHarness(program, state: decoded)
        for input in ["veel", "7", "subject, region", "back", "back", "hulp", "status", "8", "region"] {
            let expected = try original.send(input)
            let actual = try resumed.send(input)
            #expect(actual == expected, "after \(input)")
            #expect(resumed.state == original.state, "after \(input)")
            #expect(try roundTrip(resumed.state) == resumed.state, "after \(input)")
        }
        #expect(resumed.state.stack == [Frame(dialog: "home", step: "home.action")])
        #expect(resumed.slot("p.criteria") == .list(["region"]))
    }

    @Test func aPausedStateRoundTrips() throws {
        var chat = ChatHarness(try program(), language: .nl)
        try chat.open()
        try chat.send(["Anna", "stop"])
        var resumed = ChatHarness(try program(), state: try roundTrip(chat.state))
        #expect(resumed.state.isPaused)
        let output = try resumed.send("12")
        #expect(output.texts == ["Welkom terug! We gaan verder waar je gebleven was.", "Uren?"])
        #expect(resumed.slot("p.hours") == nil)
    }

    @Test func aStoredStateDecodesFromItsJSONForm() throws {
        let json = """
            {"answered": 1, "attempts": 0, "awaiting": "answer", "isPaused": false, "language": "en",
             "slots": {"p.name": {"text": "Anna"}},
             "stack": [{"dialog": "main", "step": "p.hours"}],
             "undo": [{"previous": {"p.name": null}, "stack": [{"dialog": "main", "step": "p.name"}]}]}
            """
        let state = try JSONDecoder().decode(SessionState.self, from: Data(json.utf8))
        #expect(state.slots == ["p.name": .text("Anna")])
        #expect(state.undo == [UndoRecord(stack: [Frame(dialog: "main", step: "p.name")], previous: ["p.name": .null])])
        var chat = ChatHarness(try program(), state: state)
        let output = try chat.send("2,5")
        #expect(chat.slot("p.hours") == .number(2.5))
        #expect(output.prompt?.slot == "p.start")
        try chat.send(["back", "back"])
        #expect(chat.state.slots.isEmpty)
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.name")])
    }

    // MARK: - Opening

    @Test func theFirstMessageOfANewStateOpensTheConversation_andIsNoAnswer() throws {
        var chat = ChatHarness(try program())
        #expect(chat.state.hasStarted == false)
        let output = try chat.send("Anna")
        #expect(output.texts == ["Welcome!", "Name?"])
        #expect(output.prompt?.slot == "p.name")
        #expect(chat.state.slots.isEmpty)
        #expect(chat.state.answered == 0)
        #expect(chat.state.hasStarted)
        // Not even a command counts.
        var commanded = ChatHarness(try program(), language: .nl)
        let first = try commanded.send("stop")
        #expect(first.texts == ["Welkom!", "Naam?"])
        #expect(commanded.state.isPaused == false)
    }

    @Test func open_onAStartedConversation_showsThePendingQuestionAgain() throws {
        var chat = ChatHarness(try program())
        try chat.open()
        try chat.send("Anna")
        let before = chat.state
        let output = try chat.open()
        #expect(output.texts == ["Hours?"])
        #expect(output.prompt?.slot == "p.hours")
        #expect(chat.state == before)
    }

    @Test func open_duringARestartConfirmation_asksItAgain() throws {
        var chat = ChatHarness(try program())
        try chat.open()
        try chat.send(["Anna", "restart"])
        let output = try chat.open()
        #expect(output.prompt?.slot == "confirm.restart")
        #expect(chat.state.awaiting == .restartConfirmation)
    }

    // MARK: - Changed dialogs

    /// `main` with the question `p.hours` renamed to `p.weekly_hours`.
    static let changedMain = main
        .replacingOccurrences(of: "ask: p.hours", with: "ask: p.weekly_hours")
        .replacingOccurrences(of: "value: \"p.hours * 2\"", with: "value: \"p.weekly_hours * 2\"")
        .replacingOccurrences(of: "{{p.hours}}", with: "{{p.weekly_hours}}")

    @Test func aStepThatNoLongerExists_resumesAtTheStartOfItsDialog_keepingTheSlots() throws {
        var old = ChatHarness(try program())
        try old.open()
        try old.send("Anna")
        try #require(old.state.stack == [Frame(dialog: "main", step: "p.hours")])

        var changed = ChatHarness(try RuntimeSupport.program(Self.changedMain, Self.sub), state: old.state)
        let output = try changed.send("12")
        #expect(output.texts == [
            "The conversation has been updated in the meantime. We continue at a safe point; your earlier answers are kept.",
            "Welcome!", "Name?",
        ])
        // The message was not taken as an answer; the slots are kept.
        #expect(changed.state.slots == ["p.name": .text("Anna")])
        #expect(changed.state.stack == [Frame(dialog: "main", step: "p.name")])
        #expect(changed.state.undo.isEmpty)
        try changed.send("Anna")
        #expect(try changed.send("12").prompt?.slot == "p.start")
        #expect(changed.slot("p.weekly_hours") == .number(12))
    }

    @Test func aStepThatNoLongerExists_isRepairedByOpenToo() throws {
        var old = ChatHarness(try program(), language: .nl)
        try old.open()
        try old.send(["Anna", "stop"])
        var changed = ChatHarness(try RuntimeSupport.program(Self.changedMain, Self.sub), state: old.state)
        let output = try changed.open()
        #expect(output.texts.first?.hasPrefix("Het gesprek is intussen aangepast.") == true)
        #expect(output.prompt?.slot == "p.name")
        #expect(changed.state.isPaused == false)
    }

    @Test func aRestartConfirmationAtAStepThatNoLongerExists_isRepairedToo() throws {
        var old = ChatHarness(try program())
        try old.open()
        try old.send(["Anna", "restart"])
        try #require(old.state.awaiting == .restartConfirmation)
        var changed = ChatHarness(try RuntimeSupport.program(Self.changedMain, Self.sub), state: old.state)
        let output = try changed.send("no")
        #expect(output.texts.first?.hasPrefix("The conversation has been updated") == true)
        #expect(output.prompt?.slot == "p.name")
        #expect(changed.state.stack == [Frame(dialog: "main", step: "p.name")])
        #expect(changed.state.slots == ["p.name": .text("Anna")])
        #expect(changed.state.awaiting == .answer)
    }

    @Test func anUndoRecordAtAStepThatNoLongerExists_resumesSafelyOnBack() throws {
        var old = ChatHarness(try program())
        try old.open()
        try old.send(["Anna", "12"])
        try #require(old.state.stack == [Frame(dialog: "main", step: "p.start")])
        var changed = ChatHarness(try RuntimeSupport.program(Self.changedMain, Self.sub), state: old.state)
        // The current question still exists: an answer is an answer.
        try changed.send("2026-12-06")
        #expect(changed.slot("p.start") != nil)
        try changed.send("back")
        // Back over `p.hours`, which is gone: a safe point, and no crash.
        let output = try changed.send("back")
        #expect(output.mentions("The conversation has been updated"))
        #expect(output.prompt?.slot == "p.name")
        #expect(changed.slot("p.hours") == nil)
        #expect(changed.slot("p.name") == .text("Anna"))
    }

    @Test func aCalledDialogsStepThatNoLongerExists_restartsThatDialog() throws {
        var old = ChatHarness(try program())
        try old.open()
        try old.send(["Anna", "12", "today", "skip", "yes"])
        try #require(old.state.stack.last == Frame(dialog: "sub", step: "sub.count"))
        let changedSub = Self.sub.replacingOccurrences(of: "ask: sub.count", with: "ask: sub.number")
            .replacingOccurrences(of: "{{sub.count}}", with: "{{sub.number}}")
        let changedMain = Self.main.replacingOccurrences(of: "{{sub.count}}", with: "{{sub.number}}")
        var changed = ChatHarness(try RuntimeSupport.program(changedMain, changedSub), state: old.state)
        let output = try changed.send("3")
        #expect(output.texts == [
            "The conversation has been updated in the meantime. We continue at a safe point; your earlier answers are kept.",
            "Agreed?",
        ])
        #expect(changed.state.stack == [Frame(dialog: "main", step: "call-sub"), Frame(dialog: "sub", step: "sub.ok")])
        #expect(changed.slot("sub.ok") == .bool(true))
        try changed.send(["yes", "3"])
        #expect(changed.state.stack == [Frame(dialog: "main", step: "p.criteria")])
    }

    @Test func aStateWhoseDialogWasDeleted_goesHome() throws {
        let withExtra = try RuntimeSupport.program(
            """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
              - handover: extra
            """,
            """
            dialog: extra
            title: {nl: Extra, en: Extra}
            steps:
              - ask: extra.q
                type: text
                prompt: {nl: Extra vraag?, en: Extra question?}
            """)
        var old = ChatHarness(withExtra)
        try old.open()
        try old.send("a")
        try #require(old.state.stack == [Frame(dialog: "extra", step: "extra.q")])

        let withoutExtra = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
            """)
        var changed = ChatHarness(withoutExtra, state: old.state)
        let output = try changed.send("b")
        #expect(output.texts == [
            "The conversation has been updated in the meantime. We continue at a safe point; your earlier answers are kept.",
            RuntimeSupport.homePrompt,
        ])
        #expect(changed.state.stack == [Frame(dialog: "home", step: "home.action")])
        #expect(changed.state.slots == ["main.q": .text("a")])
        #expect(changed.slot("extra.q") == nil)
    }

    // MARK: - Failing turns

    static let looping = """
        dialog: main
        title: {nl: Hoofd, en: Main}
        steps:
          - ask: main.q
            type: text
            prompt: {nl: Vraag?, en: Question?}
          - set: main.touched
            value: "true"
          - id: spin
            say: {nl: Rondje, en: Round}
          - goto: spin
        """

    @Test(.timeLimit(.minutes(1)))
    func aDialogThatLoopsWithoutAsking_throwsInsteadOfHanging() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.looping))
        try chat.open()
        let before = chat.state
        let error = try #require(throws: DialogRuntimeError.self) { try chat.send("go") }
        #expect(error.dialog == "main")
        #expect(error.message.contains("\(DialogRuntime.stepBudget)"))
        // The turn is abandoned: the caller's state is as it was.
        #expect(chat.state == before)
    }

    @Test(.timeLimit(.minutes(1)))
    func aHomeDialogThatNeverAsks_throwsInsteadOfHanging() throws {
        let program = try RuntimeSupport.program(
            """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hoi, en: Hi}
            """,
            """
            dialog: home
            title: {nl: Menu, en: Menu}
            steps:
              - say: {nl: Niets te doen, en: Nothing to do}
            """)
        var chat = ChatHarness(program)
        #expect(throws: DialogRuntimeError.self) { try chat.open() }
        #expect(chat.state == SessionState(language: .en))
    }

    @Test func anActionThatThrows_propagates_andLeavesTheCallersStateUntouched() throws {
        let host = RecordingHost { call in
            if call["name"] == .text("boom") { throw HostActionFailure(action: call.name) }
            return ActionResult(value: .text("REF"))
        }
        var chat = ChatHarness(try RuntimeSupport.program(RuntimeStepTests.acting), host: host)
        try chat.open()
        let before = chat.state
        #expect(throws: HostActionFailure(action: "save_profile")) { try chat.send("boom") }
        #expect(host.calls.count == 1)
        #expect(chat.state == before)
        #expect(chat.slot("profile.name") == nil)
        // The same conversation goes on normally afterwards.
        let output = try chat.send("Anna")
        #expect(output.prompt?.slot == "profile.more")
        #expect(chat.slot("profile.saved") == .text("REF"))
    }

    @Test func anActionThatThrowsWhileOpening_leavesTheStateNew() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: notify
                with:
                  message: "'hello'"
              - ask: main.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
            """)
        let host = RecordingHost { call in throw HostActionFailure(action: call.name) }
        var chat = ChatHarness(program, host: host)
        #expect(throws: HostActionFailure.self) { try chat.open() }
        #expect(chat.state.hasStarted == false)
        #expect(chat.state == SessionState(language: .en))
        #expect(throws: HostActionFailure.self) { try chat.send("hallo") }
        #expect(chat.state == SessionState(language: .en))
    }
}
