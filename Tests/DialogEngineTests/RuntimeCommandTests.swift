import Foundation
import Testing
import DialogEngine
import TwinLanguage

/// The global commands a participant can give at any question, in Dutch and English.
@Suite("Runtime: commands")
struct RuntimeCommandTests {
    static let profile = """
        dialog: main
        title: {nl: Kennismaking, en: Getting started}
        steps:
          - say: {nl: Welkom!, en: Welcome!}
          - ask: p.name
            type: text
            prompt: {nl: Wat is je naam?, en: What is your name?}
            help: {nl: Je volledige naam graag., en: Your full name please.}
          - ask: p.hours
            type: integer
            prompt: {nl: Hoeveel uur?, en: How many hours?}
          - set: p.total
            value: "p.hours * 2"
          - ask: p.nick
            type: text
            optional: true
            prompt: {nl: Bijnaam?, en: Nickname?}
          - ask: p.school
            type: text
            when: "p.hours > 100"
            prompt: {nl: School?, en: School?}
          - ask: p.side
            type: choice
            prompt: {nl: Kant?, en: Side?}
            options:
              - value: teacher
                label: {nl: Docent, en: Teacher}
              - value: professional
                label: {nl: Professional, en: Professional}
          - say: {nl: "Klaar, {{p.name}}.", en: "Done, {{p.name}}."}
        """

    private func chat(language: Language = .en) throws -> ChatHarness {
        var chat = ChatHarness(try RuntimeSupport.program(Self.profile), language: language)
        try chat.open()
        return chat
    }

    // MARK: - help

    @Test(arguments: ["help", "HELP", "/help", "?", "hulp"])
    func help_showsTheQuestionsHelpAndTheCommands_thenTheQuestion(command: String) throws {
        var chat = try chat()
        let before = chat.state
        let output = try chat.send(command)
        #expect(output.texts.count == 3)
        #expect(output.texts.first == "Your full name please.")
        #expect(output.texts[1].hasPrefix("You can always type:"))
        #expect(output.texts[1].contains("back"))
        #expect(output.lastText == "What is your name?")
        #expect(output.prompt?.slot == "p.name")
        #expect(chat.state == before)
    }

    @Test func help_inDutch_andWithoutAHelpText() throws {
        var chat = try chat(language: .nl)
        let dutch = try chat.send("hulp")
        #expect(dutch.texts.first == "Je volledige naam graag.")
        #expect(dutch.texts[1].hasPrefix("Je kunt altijd typen:"))
        try chat.send("Anna")
        let noHelp = try chat.send("hulp")
        #expect(noHelp.texts.count == 2)
        #expect(noHelp.texts[0].hasPrefix("Je kunt altijd typen:"))
        #expect(noHelp.lastText == "Hoeveel uur?")
    }

    // MARK: - back

    @Test func back_undoesTheLastAnswer_restoringTheSlotAndAskingAgain() throws {
        var chat = try chat()
        try chat.send("Anna")
        let atHours = chat.state
        try chat.send("10")
        #expect(chat.slot("p.total") == .integer(20))
        #expect(chat.state.answered == 2)
        let back = try chat.send("back")
        #expect(back.texts == ["Your previous answer has been taken back.", "How many hours?"])
        #expect(back.prompt?.slot == "p.hours")
        // The answer and what the steps after it computed are gone.
        #expect(chat.slot("p.hours") == nil)
        #expect(chat.slot("p.total") == nil)
        #expect(back.changedSlots == ["p.hours", "p.total"])
        #expect(chat.slot("p.name") == .text("Anna"))
        #expect(chat.state.stack == atHours.stack)
        #expect(chat.state.slots == atHours.slots)
        #expect(chat.state.answered == 1)
        try chat.send("12")
        #expect(chat.slot("p.total") == .integer(24))
    }

    @Test func back_restoresTheEarlierValueOfAChangedAnswer() throws {
        let program = try RuntimeSupport.program(RuntimeStepTests.revisiting)
        var chat = ChatHarness(program)
        try chat.open()
        try chat.send(["Anna", "Utrecht", "no", "Bob"])
        #expect(chat.slot("p.name") == .text("Bob"))
        let back = try chat.send("terug")
        #expect(back.prompt?.slot == "p.name")
        #expect(chat.slot("p.name") == .text("Anna"))
        // Still inside the revisit: answering continues after the revisit step.
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.name", returnAfter: "fix")])
        let after = try chat.send("Carl")
        #expect(after.texts == ["After the fix", "Carl from Utrecht. Is that right?"])
    }

    @Test func back_severalTimes_thenNothingLeft() throws {
        var chat = try chat()
        try chat.send(["Anna", "10", "Ankie"])
        #expect(chat.state.stack.last?.step == "p.side")
        #expect(try chat.send("back").prompt?.slot == "p.nick")
        #expect(chat.slot("p.nick") == nil)
        #expect(try chat.send("/terug").prompt?.slot == "p.hours")
        #expect(chat.slot("p.hours") == nil)
        #expect(try chat.send("undo").prompt?.slot == "p.name")
        #expect(chat.slot("p.name") == nil)
        #expect(chat.state.slots.isEmpty)
        #expect(chat.state.answered == 0)
        let nothing = try chat.send("back")
        #expect(nothing.texts == ["There is no answer to take back yet.", "What is your name?"])
        #expect(nothing.prompt?.slot == "p.name")
        #expect(chat.state.slots.isEmpty)
    }

    @Test func back_atTheFirstQuestion_saysThereIsNothingToUndo() throws {
        var chat = try chat()
        let before = chat.state
        let output = try chat.send("terug")
        #expect(output.texts == ["There is no answer to take back yet.", "What is your name?"])
        #expect(output.prompt?.slot == "p.name")
        #expect(chat.state == before)
    }

    @Test func back_undoesASkip() throws {
        var chat = try chat()
        try chat.send(["Anna", "10", "skip"])
        #expect(chat.state.stack.last?.step == "p.side")
        #expect(try chat.send("back").prompt?.slot == "p.nick")
        try chat.send("Ankie")
        #expect(chat.slot("p.nick") == .text("Ankie"))
    }

    @Test func back_acrossACallBoundary() throws {
        let program = try RuntimeSupport.program(
            """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.a
                type: text
                prompt: {nl: A?, en: A?}
              - call: sub
              - ask: main.d
                type: text
                prompt: {nl: D?, en: D?}
            """,
            """
            dialog: sub
            title: {nl: Onderdeel, en: Part}
            steps:
              - ask: sub.b
                type: text
                prompt: {nl: B?, en: B?}
              - ask: sub.c
                type: text
                prompt: {nl: C?, en: C?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        try chat.send(["a", "b", "c"])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "main.d")])
        // From the caller back into the called dialog…
        let intoSub = try chat.send("back")
        #expect(intoSub.lastText == "C?")
        #expect(chat.state.stack == [Frame(dialog: "main", step: "call-sub"), Frame(dialog: "sub", step: "sub.c")])
        #expect(chat.slot("sub.c") == nil)
        #expect(try chat.send("back").lastText == "B?")
        // …and from the called dialog back into the caller.
        let intoMain = try chat.send("back")
        #expect(intoMain.lastText == "A?")
        #expect(chat.state.stack == [Frame(dialog: "main", step: "main.a")])
        #expect(chat.state.slots.isEmpty)
        // Answering again goes through the call as before.
        #expect(try chat.send("a2").lastText == "B?")
        #expect(try chat.send(["b2", "c2"]).lastText == "D?")
        #expect(chat.state.slots == ["main.a": .text("a2"), "sub.b": .text("b2"), "sub.c": .text("c2")])
    }

    @Test func back_goesBackAtMostUndoDepthAnswers() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - id: again
                ask: p.count
                type: integer
                prompt: {nl: Getal?, en: Number?}
              - goto: again
            """)
        var chat = ChatHarness(program)
        try chat.open()
        let answers = SessionState.undoDepth + 5
        for n in 1...answers { try chat.send("\(n)") }
        #expect(chat.slot("p.count") == .integer(answers))
        #expect(chat.state.undo.count == SessionState.undoDepth)
        for _ in 1...SessionState.undoDepth {
            #expect(try chat.send("back").texts.first == "Your previous answer has been taken back.")
        }
        // Each back restored the value before the answer it took back.
        #expect(chat.slot("p.count") == .integer(answers - SessionState.undoDepth))
        #expect(try chat.send("back").texts.first == "There is no answer to take back yet.")
    }

    @Test func back_fromHomeReturnsIntoTheEndedDialog() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        #expect(try chat.send("x").lastText == RuntimeSupport.homePrompt)
        let back = try chat.send("back")
        #expect(back.lastText == "Question?")
        #expect(chat.state.stack == [Frame(dialog: "main", step: "main.q")])
    }

    // MARK: - skip

    @Test(arguments: ["skip", "overslaan", "sla over", "/skip"])
    func skip_passesOverAnOptionalQuestion(command: String) throws {
        var chat = try chat()
        let atNick = try chat.send(["Anna", "10"])
        #expect(atNick.prompt?.optional == true)
        let output = try chat.send(command)
        #expect(output.texts.first == "Skipped.")
        #expect(output.prompt?.slot == "p.side")
        #expect(chat.slot("p.nick") == nil)
        #expect(chat.state.answered == 3)
    }

    @Test func skip_clearsAnEarlierAnswerOfTheSkippedQuestion_andBackRestoresIt() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.nick
                type: text
                optional: true
                prompt: {nl: Bijnaam?, en: Nickname?}
              - ask: p.city
                type: text
                prompt: {nl: Plaats?, en: City?}
              - id: fix
                revisit: p.nick
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        #expect(try chat.send(["Annie", "Utrecht"]).lastText == "Nickname?")
        let skipped = try chat.send("skip")
        #expect(skipped.changedSlots == ["p.nick"])
        #expect(chat.slot("p.nick") == nil)
        #expect(skipped.lastText == "Finally?")
        let back = try chat.send("back")
        #expect(back.lastText == "Nickname?")
        #expect(chat.slot("p.nick") == .text("Annie"))
    }

    @Test func skip_isRefusedOnARequiredQuestion() throws {
        var chat = try chat()
        #expect(chat.runtime.pendingPrompt(chat.state, host: chat.host)?.optional == false)
        let before = chat.state
        let output = try chat.send("skip")
        #expect(output.texts == ["This question is required and cannot be skipped.", "What is your name?"])
        #expect(output.kinds == [.error, .info])
        #expect(output.prompt?.slot == "p.name")
        #expect(chat.state == before)
    }

    // MARK: - status

    @Test(arguments: ["status", "where am i", "waar ben ik", "/status"])
    func status_tellsWhereYouAreAndWhatComesNext(command: String) throws {
        var chat = try chat()
        try chat.send("Anna")
        let before = chat.state
        let output = try chat.send(command)
        #expect(output.texts == [
            "You are at: Getting started, question 2 of 4.\nNow: How many hours?\nNext: Nickname?\nAnswered so far: 1.",
            "How many hours?",
        ])
        #expect(output.prompt?.slot == "p.hours")
        #expect(chat.state == before)
    }

    @Test func status_skipsQuestionsThatDoNotApply_andKnowsTheLastQuestion() throws {
        var chat = try chat(language: .nl)
        try chat.send(["Anna", "10"])
        // p.school applies only above 100 hours, so after the nickname comes the side.
        try chat.send("overslaan")
        let last = try chat.send("status")
        #expect(last.texts.first == "Je bent bij: Kennismaking, vraag 4 van 4.\nNu: Kant?\nDaarna: het einde van dit deel.\nBeantwoord tot nu toe: 3.")
        try chat.send("back")
        let nick = try chat.send("waar ben ik")
        #expect(nick.texts.first?.contains("Nu: Bijnaam?\nDaarna: Kant?") == true)
    }

    @Test func status_startsWithTheHostsContext() throws {
        let host = RecordingHost()
        host.statusContext = "You are in phase 1 of 4: matching."
        var chat = ChatHarness(try RuntimeSupport.program(Self.profile), host: host, language: .en)
        try chat.open()
        let output = try chat.send("status")
        #expect(output.texts.first?.hasPrefix("You are in phase 1 of 4: matching.\nYou are at: Getting started, question 1 of 4.\n") == true)
    }

    @Test func status_givesNoQuestionNumberInsideALoop() throws {
        let looping = """
            dialog: main
            title: {nl: Controle, en: Review}
            steps:
              - ask: p.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - ask: p.town
                type: text
                prompt: {nl: Plaats?, en: Town?}
              - id: review
                ask: p.ok
                type: yesno
                prompt: {nl: Klopt dit?, en: Is this right?}
              - if: "p.ok"
                then: done
              - ask: p.fix
                type: text
                prompt: {nl: Wat moet anders?, en: What should change?}
              - goto: review
              - id: done
                say: {nl: Klaar., en: Done.}
            """
        var chat = ChatHarness(try RuntimeSupport.program(looping), language: .en)
        try chat.open()
        try chat.send("Anna")
        #expect(try chat.send("status").texts.first?.hasPrefix("You are at: Review, question 2 of 2.\n") == true)
        try chat.send("Utrecht")
        #expect(try chat.send("status").texts.first?.hasPrefix("You are at: Review.\n") == true, "the review loop has no known length")
    }

    // MARK: - restart

    @Test(arguments: ["restart", "opnieuw", "start over", "begin opnieuw"])
    func restart_asksForConfirmation(command: String) throws {
        var chat = try chat()
        try chat.send(["Anna", "10"])
        let output = try chat.send(command)
        let question = "Do you want to start \"Getting started\" over? Your answers in this part will be cleared. (yes/no)"
        #expect(output.texts == [question])
        #expect(output.prompt == Prompt(slot: "confirm.restart", type: .yesno, text: question))
        #expect(chat.state.awaiting == .restartConfirmation)
        #expect(chat.slot("p.name") == .text("Anna"))
    }

    @Test func restart_no_cancels() throws {
        var chat = try chat()
        try chat.send(["Anna", "10"])
        let before = chat.state
        try chat.send("restart")
        let output = try chat.send("nee")
        #expect(output.texts == ["We won't start over; your answers stay as they are.", "Nickname?"])
        #expect(output.prompt?.slot == "p.nick")
        #expect(chat.state == before)
    }

    @Test func restart_somethingElse_asksAgain() throws {
        var chat = try chat()
        try chat.send(["Anna", "10", "restart"])
        let output = try chat.send("misschien")
        #expect(output.kinds == [.error, .info])
        #expect(output.texts.first == "Answer yes or no.")
        #expect(output.prompt?.slot == "confirm.restart")
        #expect(chat.state.awaiting == .restartConfirmation)
        #expect(chat.slot("p.name") == .text("Anna"))
    }

    @Test func restart_aCommandInsteadOfYesOrNo_withdrawsTheQuestionAndIsCarriedOut() throws {
        var chat = try chat()
        try chat.send(["Anna", "10", "restart"])
        let output = try chat.send("taal nl")
        #expect(output.prompt?.slot == "p.nick")
        #expect(chat.state.awaiting == .answer)
        #expect(chat.state.language == .nl)
        #expect(chat.slot("p.name") == .text("Anna"))
    }

    @Test func restart_yes_clearsThisDialogsSlots_andStartsItOver() throws {
        var chat = try chat()
        try chat.send(["Anna", "10", "restart"])
        let output = try chat.send("ja")
        #expect(output.texts == ["We start this part over.", "Welcome!", "What is your name?"])
        #expect(output.prompt?.slot == "p.name")
        #expect(chat.state.slots.isEmpty)
        #expect(output.changedSlots == ["p.name", "p.hours", "p.total"])
        #expect(chat.state.awaiting == .answer)
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.name")])
        // There is nothing to take back after a restart.
        #expect(try chat.send("back").texts.first == "There is no answer to take back yet.")
    }

    @Test func restart_inACalledDialog_clearsOnlyItsOwnSlots() throws {
        let program = try RuntimeSupport.program(
            """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.a
                type: text
                prompt: {nl: A?, en: A?}
              - call: sub
              - ask: main.d
                type: text
                prompt: {nl: D?, en: D?}
            """,
            """
            dialog: sub
            title: {nl: Onderdeel, en: Part}
            steps:
              - say: {nl: Onderdeel begint, en: Part starts}
              - ask: sub.b
                type: text
                prompt: {nl: B?, en: B?}
              - ask: sub.c
                type: text
                prompt: {nl: C?, en: C?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        try chat.send(["a", "b"])
        let question = try chat.send("restart")
        #expect(question.texts.first?.contains("\"Part\"") == true)
        let output = try chat.send("yes")
        #expect(output.texts == ["We start this part over.", "Part starts", "B?"])
        #expect(chat.state.slots == ["main.a": .text("a")])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "call-sub"), Frame(dialog: "sub", step: "sub.b")])
        #expect(try chat.send(["b", "c"]).lastText == "D?")
    }

    // MARK: - language

    @Test func language_switchesTheTextsAndThePrompt() throws {
        var chat = try chat(language: .nl)
        try chat.send(["Anna", "10", "overslaan"])
        let english = try chat.send("taal en")
        #expect(english.texts == ["The language is now English.", "Side?"])
        #expect(english.prompt?.text == "Side?")
        #expect(english.prompt?.options?.map(\.label) == ["Teacher", "Professional"])
        #expect(chat.state.language == .en)
        let dutch = try chat.send("language nl")
        #expect(dutch.texts == ["De taal is nu Nederlands.", "Kant?"])
        #expect(dutch.prompt?.options?.map(\.label) == ["Docent", "Professional"])
        #expect(chat.state.language == .nl)
        #expect(try chat.send("/lang english").prompt?.text == "Side?")
        #expect(try chat.send("taal Nederlands").prompt?.text == "Kant?")
        let done = try chat.send("1")
        #expect(done.texts.first == "Klaar, Anna.")
    }

    @Test func language_withoutOne_explainsHow() throws {
        var chat = try chat()
        let before = chat.state
        let output = try chat.send("language")
        #expect(output.texts == ["Choose a language with `language en` (English) or `language nl` (Nederlands).", "What is your name?"])
        #expect(chat.state == before)
        // An unknown language is not a switch either: the same explanation.
        let klingon = try chat.send("language klingon")
        #expect(klingon.texts == output.texts)
        #expect(chat.state == before)
    }

    // MARK: - stop

    @Test(arguments: ["stop", "pauze", "pause", "/stop"])
    func stop_pauses_andTheNextMessageResumesWithoutBeingAnAnswer(command: String) throws {
        var chat = try chat()
        try chat.send("Anna")
        let paused = try chat.send(command)
        #expect(paused.paused)
        #expect(paused.prompt == nil)
        #expect(paused.texts == ["Paused. All your answers are saved; send a message whenever you want to continue."])
        #expect(chat.state.isPaused)
        let resumed = try chat.send("12")
        #expect(resumed.texts == ["Welcome back! Let's continue where you left off.", "How many hours?"])
        #expect(resumed.prompt?.slot == "p.hours")
        #expect(resumed.paused == false)
        #expect(chat.slot("p.hours") == nil)
        #expect(chat.state.isPaused == false)
        #expect(chat.state.attempts == 0)
        try chat.send("12")
        #expect(chat.slot("p.hours") == .integer(12))
    }

    @Test func later_isAnAnswerAtAChoiceThatOffersLater_andPausesElsewhere() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Nu of later, en: Now or later}
            steps:
              - ask: p.when
                type: choice
                prompt: {nl: Nu of later?, en: Now or later?}
                options:
                  - value: now
                    label: {nl: Nu, en: Now}
                  - value: later
                    label: {nl: Later, en: Later}
                    aliases: [straks]
              - ask: p.name
                type: text
                prompt: {nl: Naam?, en: Name?}
            """)
        var chat = ChatHarness(program, language: .en)
        try chat.open()
        let chosen = try chat.send("Later")
        #expect(chosen.paused == false)
        #expect(chat.slot("p.when") == .text("later"))
        #expect(chosen.prompt?.slot == "p.name")
        let paused = try chat.send("later")
        #expect(paused.paused, "at a question without such an option, later still pauses")
    }

    @Test func stop_thenACommand_resumesAndDoesIt() throws {
        var chat = try chat()
        try chat.send(["Anna", "stop"])
        let output = try chat.send("back")
        #expect(output.texts == ["Welcome back! Let's continue where you left off.",
                                 "Your previous answer has been taken back.", "What is your name?"])
        #expect(chat.slot("p.name") == nil)
        #expect(chat.state.isPaused == false)
    }

    @Test func stop_thenOpen_resumesWithThePendingQuestion() throws {
        var chat = try chat()
        try chat.send(["Anna", "pauze"])
        let output = try chat.open()
        #expect(output.texts == ["Welcome back! Let's continue where you left off.", "How many hours?"])
        #expect(output.prompt?.slot == "p.hours")
        #expect(chat.state.isPaused == false)
    }

    // MARK: - unknown commands and answers that look like words

    @Test(arguments: ["/foo", "/", "!bar baz"])
    func aSlashThatIsNoCommand_isReportedAsUnknown(input: String) throws {
        var chat = try chat()
        let before = chat.state
        let output = try chat.send(input)
        #expect(output.kinds == [.error, .info])
        #expect(output.texts.first == "I don't know `\(input)`. Type `help` for the commands.")
        #expect(output.lastText == "What is your name?")
        #expect(chat.state == before)
    }

    @Test func aLongUnknownCommandIsShortenedInTheReply() throws {
        var chat = try chat()
        let output = try chat.send("/" + String(repeating: "x", count: 500))
        #expect((output.texts.first?.count ?? 0) < 120)
    }

    @Test(arguments: ["foo", "Stopwatch", "helpdesk", "terugbellen", "taal en cultuur"])
    func aBareWordThatIsNoCommand_isAnAnswer(input: String) throws {
        var chat = try chat()
        let output = try chat.send(input)
        #expect(chat.slot("p.name") == .text(input))
        #expect(output.prompt?.slot == "p.hours")
    }

    @Test func aBareWordAtANumberQuestion_isAWrongAnswerNotAnUnknownCommand() throws {
        var chat = try chat()
        try chat.send("Anna")
        let output = try chat.send("foo")
        #expect(output.texts.first?.hasPrefix("Type a whole number") == true)
        #expect(chat.state.attempts == 1)
    }
}
