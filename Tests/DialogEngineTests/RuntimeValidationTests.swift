import Foundation
import Testing
import DialogEngine
import TwinLanguage

/// How the runtime takes answers it cannot accept: type checks, `validate` rules, the attempts
/// cap, and input that is empty, huge or not valid text.
@Suite("Runtime: validation")
struct RuntimeValidationTests {
    static let meetings = """
        dialog: main
        title: {nl: Plan, en: Plan}
        steps:
          - ask: plan.weeks
            type: integer
            min: 1
            max: 52
            prompt: {nl: Hoeveel weken?, en: How many weeks?}
          - ask: plan.meetings
            type: integer
            min: 1
            max: 50
            prompt: {nl: Hoe vaak willen jullie afspreken?, en: How often do you plan to meet?}
            help: {nl: Richtlijn is zes tot acht keer., en: The guideline is six to eight times.}
            validate:
              - rule: "answer >= 2"
                message: {nl: Minstens twee keer graag., en: At least twice please.}
              - rule: "answer <= plan.weeks"
                message: {nl: Hooguit een keer per week., en: At most once a week.}
            max_attempts: 3
          - ask: plan.note
            type: text
            optional: true
            max_attempts: 2
            prompt: {nl: Opmerking?, en: A note?}
          - ask: plan.end
            type: text
            prompt: {nl: Tot slot?, en: Finally?}
        """

    /// A conversation waiting at `plan.meetings` after 10 weeks.
    private func atMeetings(language: Language = .en) throws -> ChatHarness {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings), language: language)
        try chat.open()
        try chat.send("10")
        try #require(chat.state.stack.last?.step == "plan.meetings")
        return chat
    }

    // MARK: - Type checks

    @Test func aWrongTypeGivesTheReason_andTheSameQuestionAgainAsTheLastMessage() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings))
        let opened = try chat.open()
        let rejected = try chat.send("veel")
        #expect(rejected.kinds == [.error, .info])
        #expect(rejected.texts.first?.hasPrefix("Type a whole number") == true)
        #expect(rejected.lastText == "How many weeks?")
        #expect(rejected.prompt == opened.prompt)
        #expect(chat.slot("plan.weeks") == nil)
        #expect(chat.state.attempts == 1)
        #expect(rejected.changedSlots.isEmpty)
        #expect(chat.state.stack == [Frame(dialog: "main", step: "plan.weeks")])

        let outOfRange = try chat.send("60")
        #expect(outOfRange.kinds == [.error, .info])
        #expect(outOfRange.texts.first?.contains("52") == true)
        #expect(outOfRange.prompt == opened.prompt)
        #expect(chat.state.attempts == 2)

        let accepted = try chat.send("10")
        #expect(chat.slot("plan.weeks") == .integer(10))
        #expect(chat.state.attempts == 0)
        #expect(accepted.prompt?.slot == "plan.meetings")
    }

    @Test func theReasonIsInTheParticipantsLanguage() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings), language: .nl)
        try chat.open()
        let rejected = try chat.send("veel")
        #expect(rejected.texts.first?.hasPrefix("Typ een heel getal") == true)
        #expect(rejected.lastText == "Hoeveel weken?")
    }

    @Test func aRejectedChoiceKeepsTheShownOptions() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.side
                type: choice
                prompt: {nl: Kant?, en: Side?}
                options:
                  - value: teacher
                    label: {nl: Docent, en: Teacher}
                  - value: professional
                    label: {nl: Professional, en: Professional}
            """)
        var chat = ChatHarness(program)
        let opened = try chat.open()
        let rejected = try chat.send("7")
        #expect(rejected.texts.first == "Choose a number from 1 to 2 or type one of the options.")
        #expect(rejected.prompt == opened.prompt)
        #expect(rejected.prompt?.options?.count == 2)
    }

    // MARK: - validate

    @Test func validateRules_runInOrderOnTheParsedAnswer() throws {
        var chat = try atMeetings()
        let prompt = try #require(chat.runtime.pendingPrompt(chat.state, host: chat.host))
        let tooFew = try chat.send("1")
        #expect(tooFew.texts == ["At least twice please.", "How often do you plan to meet?"])
        #expect(tooFew.kinds == [.error, .info])
        #expect(tooFew.prompt == prompt)
        // The second rule compares the answer with another slot.
        let tooMany = try chat.send("12")
        #expect(tooMany.texts == ["At most once a week.", "How often do you plan to meet?"])
        #expect(chat.slot("plan.meetings") == nil)
        #expect(chat.state.attempts == 2)
        try chat.send("8")
        #expect(chat.slot("plan.meetings") == .integer(8))
        #expect(chat.state.attempts == 0)
    }

    @Test func validateMessages_areInTheParticipantsLanguage() throws {
        var chat = try atMeetings(language: .nl)
        #expect(try chat.send("1").texts == ["Minstens twee keer graag.", "Hoe vaak willen jullie afspreken?"])
    }

    // MARK: - The attempts cap

    @Test func aRequiredQuestion_showsItsHelpAfterMaxAttempts_andKeepsAsking() throws {
        var chat = try atMeetings()
        try chat.send("1")
        try chat.send("0")
        let third = try chat.send("1")
        #expect(third.texts == [
            "At least twice please.",
            "The guideline is six to eight times.",
            "That did not work yet. You can phrase the answer differently, type `help` for an explanation, or `stop` to continue later.",
            "How often do you plan to meet?",
        ])
        #expect(third.prompt?.slot == "plan.meetings")
        #expect(chat.state.attempts == 0)
        // The participant may keep trying; the count starts again.
        let fourth = try chat.send("1")
        #expect(fourth.texts == ["At least twice please.", "How often do you plan to meet?"])
        #expect(chat.state.attempts == 1)
        try chat.send("6")
        #expect(chat.slot("plan.meetings") == .integer(6))
    }

    @Test func aRequiredQuestionWithoutHelp_showsTheGeneralExplanation() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings))
        try chat.open()
        try chat.send("a")
        try chat.send("b")
        let third = try chat.send("c")
        #expect(third.kinds == [.error, .info, .info])
        #expect(third.texts[1].hasPrefix("That did not work yet."))
        #expect(third.lastText == "How many weeks?")
        #expect(chat.state.stack.last?.step == "plan.weeks")
    }

    @Test func anOptionalQuestion_isSkippedAfterMaxAttempts() throws {
        var chat = try atMeetings()
        try chat.send("8")
        let tooLong = String(repeating: "x", count: 2001)
        let first = try chat.send(tooLong)
        #expect(first.lastText == "A note?")
        #expect(chat.state.attempts == 1)
        let second = try chat.send(tooLong)
        #expect(second.texts == [
            "Your answer is too long: at most 2,000 characters (now 2,001). Please shorten it.",
            "This question is optional, so we skip it. With `back` you can still answer it.",
            "Finally?",
        ])
        #expect(second.prompt?.slot == "plan.end")
        #expect(chat.slot("plan.note") == nil)
        #expect(chat.state.attempts == 0)
        // As promised, `back` returns to it.
        let back = try chat.send("back")
        #expect(back.prompt?.slot == "plan.note")
        try chat.send("kort")
        #expect(chat.slot("plan.note") == .text("kort"))
    }

    // MARK: - Input that is no answer

    @Test(arguments: ["", "   ", "\n\t \r\n", "\u{0}\u{7}\u{200B}"])
    func emptyInput_isRefusedWithoutCountingAsAnAttempt(input: String) throws {
        var chat = try atMeetings()
        let before = chat.state
        let output = try chat.send(input)
        #expect(output.texts == ["Your message was empty. Type your answer, or `help` for an explanation.",
                                 "How often do you plan to meet?"])
        #expect(output.kinds == [.error, .info])
        #expect(output.prompt?.slot == "plan.meetings")
        #expect(chat.state == before)
    }

    @Test func input100KB_isRefusedWithoutChangingTheState() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings))
        let opened = try chat.open()
        let before = chat.state
        let output = try chat.send(String(repeating: "a", count: 100_000))
        #expect(output.kinds == [.error, .info])
        #expect(output.texts.first?.hasPrefix("Your message is too long") == true)
        #expect(output.prompt == opened.prompt)
        #expect(chat.state == before)
        #expect(output.changedSlots.isEmpty)
    }

    @Test func input100KBOfMultibyteText_isRefusedToo() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings))
        try chat.open()
        let before = chat.state
        let output = try chat.send(String(repeating: "é😀", count: 25_000))
        #expect(output.kinds == [.error, .info])
        #expect(chat.state == before)
    }

    @Test(arguments: ["Anna\u{FFFD}", "\u{FFFD}", "12\u{FFFD}"])
    func inputWithAReplacementCharacter_isRefusedWithoutChangingTheState(input: String) throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings))
        let opened = try chat.open()
        let before = chat.state
        let output = try chat.send(input)
        #expect(output.texts == ["Your message contains characters that are not valid text (not UTF-8). Please type your answer again.",
                                 "How many weeks?"])
        #expect(output.kinds == [.error, .info])
        #expect(output.prompt == opened.prompt)
        #expect(chat.state == before)
    }

    @Test func invalidUTF8DecodedWithReplacement_isRefused() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.meetings))
        try chat.open()
        let before = chat.state
        // What a channel gets from `String(decoding:as:)` for bytes that are not UTF-8.
        let decoded = String(decoding: [0x31, 0x32, 0xC3, 0x28, 0xFF], as: UTF8.self)
        let output = try chat.send(decoded)
        #expect(output.kinds.first == .error)
        #expect(chat.state == before)
    }

    @Test func controlAndInvisibleCharacters_areStrippedFromTheAnswer() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - ask: p.count
                type: integer
                prompt: {nl: Aantal?, en: Count?}
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        try chat.send("\u{FEFF}An\u{0}na\u{200B} de\u{7F} Vr\u{202E}ies\u{1B}\t")
        #expect(chat.slot("p.name") == .text("Anna de Vries"))
        try chat.send("1\u{200B}2")
        #expect(chat.slot("p.count") == .integer(12))
        // A command hidden behind invisible characters is still a command.
        let back = try chat.send("ba\u{200B}ck\u{0}")
        #expect(back.prompt?.slot == "p.count")
        #expect(chat.slot("p.count") == nil)
    }

    @Test func multiLineAnswers_keepTheirLines() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.text
                type: text
                prompt: {nl: Vertel, en: Tell}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        try chat.send("regel een\r\nregel twee")
        #expect(chat.slot("p.text") == .text("regel een\nregel twee"))
    }
}
