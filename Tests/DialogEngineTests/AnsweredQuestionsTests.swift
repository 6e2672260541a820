import TwinLanguage
import Testing
import DialogEngine

/// What a channel that draws the conversation anew gets from the runtime without a turn: the
/// questions answered so far in the dialogs under way, and the pending question's place and
/// date limits.
@Suite("Runtime: the conversation so far")
struct AnsweredQuestionsTests {
    static let main = """
        dialog: main
        title: {nl: Kennismaking, en: Getting started}
        steps:
          - ask: p.name
            type: text
            prompt: {nl: "Naam?", en: "Name?"}
          - ask: p.side
            type: choice
            prompt: {nl: "Wie ben je, {{p.name}}?", en: "Who are you, {{p.name}}?"}
            options:
              - value: teacher
                label: {nl: Docent, en: Teacher}
              - value: professional
                label: {nl: Professional, en: Professional}
          - ask: p.school
            when: "p.side == 'teacher'"
            type: text
            prompt: {nl: "School?", en: "School?"}
          - ask: p.nick
            type: text
            optional: true
            prompt: {nl: "Bijnaam?", en: "Nickname?"}
          - call: sub
          - ask: p.last
            type: text
            prompt: {nl: "Nog iets?", en: "Anything else?"}
        """

    static let sub = """
        dialog: sub
        title: {nl: Onderdeel, en: Part}
        steps:
          - ask: sub.start
            type: date
            min: 2026-03-01
            max: 2026-07-31
            prompt: {nl: "Start?", en: "Start?"}
          - ask: sub.ok
            type: yesno
            prompt: {nl: "Akkoord?", en: "Agreed?"}
        """

    @Test func theAnsweredQuestionsOfEveryRunningDialog_inScriptOrder_withLabelsAndWrittenDates() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.main, Self.sub), language: .nl)
        try chat.open()
        #expect(chat.runtime.answeredQuestions(chat.state, host: chat.host).isEmpty)
        try chat.send(["Anna", "1", "Het Lyceum", "skip", "1 april 2026"])
        let answered = chat.runtime.answeredQuestions(chat.state, host: chat.host)
        #expect(answered == [
            AnsweredQuestion(slot: "p.name", question: "Naam?", answer: "Anna"),
            AnsweredQuestion(slot: "p.side", question: "Wie ben je, Anna?", answer: "Docent"),
            AnsweredQuestion(slot: "p.school", question: "School?", answer: "Het Lyceum"),
            AnsweredQuestion(slot: "sub.start", question: "Start?", answer: "1 april 2026"),
        ], "the skipped nickname is not among them, the pending Akkoord? neither")
        // Another answer to a choice leaves out the question that no longer applies.
        try chat.send(["back", "back", "back", "back", "2"])
        #expect(chat.runtime.answeredQuestions(chat.state, host: chat.host).map(\.slot) == ["p.name", "p.side"])
        #expect(chat.runtime.answeredQuestions(chat.state, host: chat.host).last?.answer == "Professional")
    }

    @Test func thePromptCarriesItsPlaceAndADateQuestionItsLimits() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.main, Self.sub), language: .en)
        let first = try chat.open()
        #expect(first.prompt?.progress == QuestionProgress(number: 1, total: 4), "the school question does not apply yet")
        try chat.send(["Anna", "1"])
        #expect(chat.runtime.pendingPrompt(chat.state, host: chat.host)?.progress == QuestionProgress(number: 3, total: 5))
        let date = try chat.send(["Lyceum", "skip"])
        #expect(date.prompt?.minDate == LocalDate(iso: "2026-03-01"))
        #expect(date.prompt?.maxDate == LocalDate(iso: "2026-07-31"))
        #expect(date.prompt?.progress == QuestionProgress(number: 1, total: 2), "the called dialog counts its own")
    }
}
