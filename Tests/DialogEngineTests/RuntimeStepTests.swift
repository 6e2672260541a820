import Foundation
import Testing
import DialogEngine
import TwinLanguage

/// What each kind of step does when the runtime executes it, feature by feature.
@Suite("Runtime: steps")
struct RuntimeStepTests {
    // MARK: - say and ask

    @Test func saySteps_showTheirTextWithTheirKind_thenTheQuestionIsTheLastMessage() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hallo, en: Hello}
              - say: {nl: Een richtlijn, en: A guideline}
                kind: advice
              - say: {nl: Let op, en: Careful}
                kind: warning
              - say: {nl: Overzicht, en: Overview}
                kind: summary
              - ask: x.name
                type: text
                prompt: {nl: Hoe heet je?, en: What is your name?}
            """)
        var chat = ChatHarness(program)
        let output = try chat.open()
        #expect(output.texts == ["Hello", "A guideline", "Careful", "Overview", "What is your name?"])
        #expect(output.kinds == [.info, .advice, .warning, .summary, .info])
        let prompt = try #require(output.prompt)
        #expect(prompt == Prompt(slot: "x.name", type: .text, text: "What is your name?", min: 1, max: 2000, optional: false))
        #expect(chat.state.stack == [Frame(dialog: "main", step: "x.name")])
        #expect(chat.state.awaiting == .answer)
        #expect(output.paused == false)
        #expect(output.changedSlots.isEmpty)
    }

    @Test func saySteps_inDutch() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hallo, en: Hello}
              - ask: x.name
                type: text
                prompt: {nl: Hoe heet je?, en: What is your name?}
            """)
        var chat = ChatHarness(program, language: .nl)
        let output = try chat.open()
        #expect(output.texts == ["Hallo", "Hoe heet je?"])
        #expect(output.prompt?.text == "Hoe heet je?")
    }

    @Test func ask_storesTheTrimmedAnswerInItsSlot_andMovesOn() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: x.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - ask: x.weeks
                type: integer
                min: 1
                max: 52
                prompt: {nl: Weken?, en: Weeks?}
              - ask: x.start
                type: date
                prompt: {nl: Start?, en: Start?}
              - ask: x.ok
                type: yesno
                prompt: {nl: Goed?, en: Right?}
              - ask: x.hours
                type: number
                prompt: {nl: Uren?, en: Hours?}
              - ask: x.mail
                type: email
                prompt: {nl: E-mail?, en: E-mail?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        let first = try chat.send("  Anna de Vries  ")
        #expect(chat.slot("x.name") == .text("Anna de Vries"))
        #expect(first.changedSlots == ["x.name"])
        #expect(first.texts == ["Weeks?"])
        #expect(first.prompt?.slot == "x.weeks")
        #expect(first.prompt?.type == .integer)
        #expect(first.prompt?.min == 1)
        #expect(first.prompt?.max == 52)
        try chat.send("12 weken")
        #expect(chat.slot("x.weeks") == .integer(12))
        try chat.send("6 december 2026")
        #expect(chat.slot("x.start") == .date(try #require(LocalDate(iso: "2026-12-06"))))
        try chat.send("ja")
        #expect(chat.slot("x.ok") == .bool(true))
        try chat.send("19,5")
        #expect(chat.slot("x.hours") == .number(19.5))
        try chat.send("anna@example.org")
        #expect(chat.slot("x.mail") == .text("anna@example.org"))
        #expect(chat.state.answered == 6)
    }

    @Test func ask_dateAnswersUseTheDayOfTheTurn() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: x.start
                type: date
                prompt: {nl: Start?, en: Start?}
            """)
        var chat = ChatHarness(program, today: try #require(LocalDate(iso: "2026-12-05")))
        try chat.open()
        try chat.send("tomorrow")
        #expect(chat.slot("x.start") == .date(try #require(LocalDate(iso: "2026-12-06"))))
    }

    // MARK: - set

    @Test func set_storesTheValueOfAComputedExpression() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.hours
                type: integer
                prompt: {nl: Uren?, en: Hours?}
              - set: plan.total
                value: "plan.hours * 2 + 1"
              - set: plan.average
                value: "plan.hours / 4"
              - set: plan.title
                value: "'Plan ' + lower('VAN') + ' Anna'"
              - set: plan.long
                value: "plan.hours >= 10 and not (plan.total < 5)"
              - say: {nl: "{{plan.total}} / {{plan.average}}", en: "{{plan.total}} / {{plan.average}}"}
              - ask: plan.done
                type: yesno
                prompt: {nl: Klaar?, en: Done?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        let output = try chat.send("10")
        #expect(chat.slot("plan.total") == .integer(21))
        #expect(chat.slot("plan.average") == .number(2.5))
        #expect(chat.slot("plan.title") == .text("Plan van Anna"))
        #expect(chat.slot("plan.long") == .bool(true))
        #expect(output.texts == ["21 / 2.5", "Done?"])
        #expect(output.changedSlots == ["plan.hours", "plan.total", "plan.average", "plan.title", "plan.long"])
        try chat.send("taal nl")
        // Numbers follow the language: a decimal comma in Dutch.
        try chat.send("terug")
        let dutch = try chat.send("10")
        #expect(dutch.texts == ["21 / 2,5", "Klaar?"])
    }

    @Test func set_aNullResultClearsTheSlot() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.hours
                type: integer
                optional: true
                prompt: {nl: Uren?, en: Hours?}
              - set: plan.total
                value: "plan.hours * 2"
              - ask: plan.done
                type: yesno
                prompt: {nl: Klaar?, en: Done?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        try chat.send("skip")
        #expect(chat.slot("plan.hours") == nil)
        #expect(chat.slot("plan.total") == nil)
        #expect(chat.state.slots.isEmpty)
    }

    // MARK: - if and goto

    static let branching = """
        dialog: main
        title: {nl: Hoofd, en: Main}
        steps:
          - ask: plan.weeks
            type: integer
            prompt: {nl: Weken?, en: Weeks?}
          - if: "plan.weeks < 13"
            then: short
            else: long
          - id: short
            say: {nl: Kort traject, en: Short trajectory}
          - goto: done
          - id: long
            say: {nl: Lang traject, en: Long trajectory}
          - if: "plan.weeks > 40"
            then: very_long
          - say: {nl: Gewoon lang, en: Just long}
          - goto: done
          - id: very_long
            say: {nl: Heel lang, en: Very long}
          - id: done
            ask: plan.ok
            type: yesno
            prompt: {nl: Akkoord?, en: Agreed?}
        """

    @Test(arguments: [
        ("8", ["Short trajectory", "Agreed?"]),
        ("20", ["Long trajectory", "Just long", "Agreed?"]),
        ("45", ["Long trajectory", "Very long", "Agreed?"]),
    ])
    func if_jumpsToThenOrElse_andGotoJumps(answer: String, expected: [String]) throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.branching))
        try chat.open()
        let output = try chat.send(answer)
        #expect(output.texts == expected)
        #expect(chat.state.stack == [Frame(dialog: "main", step: "done")])
        #expect(output.prompt?.slot == "plan.ok")
    }

    @Test func goto_backwardsAsksAgain() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - id: again
                ask: x.word
                type: text
                prompt: {nl: Woord?, en: Word?}
              - if: "x.word != 'klaar'"
                then: again
              - say: {nl: Klaar, en: Finished}
              - ask: x.last
                type: text
                prompt: {nl: Laatste?, en: Last?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        #expect(try chat.send("een").texts == ["Word?"])
        #expect(try chat.send("twee").texts == ["Word?"])
        #expect(try chat.send("klaar").texts == ["Finished", "Last?"])
        #expect(chat.slot("x.word") == .text("klaar"))
    }

    // MARK: - call, end, handover

    static let calling = [
        """
        dialog: main
        title: {nl: Hoofd, en: Main}
        steps:
          - say: {nl: Begin, en: Start}
          - call: sub
          - say: {nl: Terug in hoofd, en: Back in main}
          - ask: main.after
            type: text
            prompt: {nl: Nog iets?, en: Anything else?}
        """,
        """
        dialog: sub
        title: {nl: Onderdeel, en: Part}
        steps:
          - say: {nl: In onderdeel, en: In the part}
          - ask: sub.q
            type: text
            prompt: {nl: Vraag van het onderdeel?, en: Question of the part?}
          - end: true
            when: "sub.q == 'einde'"
          - say: {nl: Onderdeel gaat door, en: The part goes on}
        """,
    ]

    @Test func call_runsTheOtherDialog_andComesBackAfterTheCall() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.calling))
        let opened = try chat.open()
        #expect(opened.texts == ["Start", "In the part", "Question of the part?"])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "call-sub"), Frame(dialog: "sub", step: "sub.q")])
        let back = try chat.send("verder")
        #expect(back.texts == ["The part goes on", "Back in main", "Anything else?"])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "main.after")])
    }

    @Test func end_returnsToTheCaller() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.calling))
        try chat.open()
        let output = try chat.send("einde")
        #expect(chat.slot("sub.q") == .text("einde"))
        #expect(output.texts == ["Back in main", "Anything else?"])
        #expect(!output.mentions("goes on"))
        #expect(chat.state.stack == [Frame(dialog: "main", step: "main.after")])
    }

    @Test func endOfTheTopDialog_goesHome() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
              - end: true
                when: "main.q == 'klaar'"
              - say: {nl: Laatste stap, en: Last step}
            """)
        var ended = ChatHarness(program)
        try ended.open()
        let output = try ended.send("klaar")
        #expect(output.texts == [RuntimeSupport.homePrompt])
        #expect(ended.state.stack == [Frame(dialog: "home", step: "home.action")])

        // Running past the last step ends the dialog too.
        var ranOut = ChatHarness(program)
        try ranOut.open()
        let past = try ranOut.send("verder")
        #expect(past.texts == ["Last step", RuntimeSupport.homePrompt])
        #expect(ranOut.state.stack == [Frame(dialog: "home", step: "home.action")])
        #expect(ranOut.slot("main.q") == .text("verder"))
    }

    @Test func handover_continuesInTheOtherDialogWithoutComingBack() throws {
        let program = try RuntimeSupport.program(
            """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: main.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
              - handover: other
            """,
            """
            dialog: other
            title: {nl: Ander, en: Other}
            steps:
              - say: {nl: In het andere, en: In the other one}
              - ask: other.q
                type: text
                prompt: {nl: Andere vraag?, en: Other question?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        let over = try chat.send("a")
        #expect(over.texts == ["In the other one", "Other question?"])
        #expect(chat.state.stack == [Frame(dialog: "other", step: "other.q")])
        let done = try chat.send("b")
        #expect(done.texts == [RuntimeSupport.homePrompt])
        #expect(chat.state.stack == [Frame(dialog: "home", step: "home.action")])
    }

    @Test func handoverInsideACalledDialog_replacesOnlyThatDialog() throws {
        let program = try RuntimeSupport.program(
            """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - call: sub
              - ask: main.after
                type: text
                prompt: {nl: Na de aanroep?, en: After the call?}
            """,
            """
            dialog: sub
            title: {nl: Onderdeel, en: Part}
            steps:
              - handover: other
            """,
            """
            dialog: other
            title: {nl: Ander, en: Other}
            steps:
              - ask: other.q
                type: text
                prompt: {nl: Andere vraag?, en: Other question?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        #expect(chat.state.stack == [Frame(dialog: "main", step: "call-sub"), Frame(dialog: "other", step: "other.q")])
        let output = try chat.send("x")
        #expect(output.texts == ["After the call?"])
    }

    // MARK: - action

    static let acting = """
        dialog: main
        title: {nl: Hoofd, en: Main}
        steps:
          - ask: profile.name
            type: text
            prompt: {nl: Naam?, en: Name?}
          - action: save_profile
            with:
              name: "profile.name"
              side: "'teacher'"
            into: profile.saved
          - say: {nl: "Bewaard als {{profile.saved}}", en: "Saved as {{profile.saved}}"}
          - action: notify
            with:
              message: "'new: ' + profile.name"
          - action: save_profile
            with:
              name: "lower(profile.name)"
            into: profile.copy
          - ask: profile.more
            type: text
            prompt: {nl: Meer?, en: More?}
        """

    @Test func action_getsItsEvaluatedArguments_storesItsResult_andShowsItsMessages() throws {
        let host = RecordingHost { call in
            switch call.name {
            case "save_profile":
                return ActionResult(value: .text("REF-\(call["name"].textValue ?? "?")"), messages: [
                    OutputMessage(.advice, LocalizedText(nl: "Profiel bewaard", en: "Profile saved")),
                    OutputMessage(.warning, LocalizedText(nl: "Nog niet compleet", en: "Not complete yet")),
                ])
            default:
                return ActionResult()
            }
        }
        var chat = ChatHarness(try RuntimeSupport.program(Self.acting), host: host)
        try chat.open()
        #expect(host.calls.isEmpty)
        let output = try chat.send("Anna")
        #expect(host.calls == [
            ActionCall(name: "save_profile", arguments: ["name": .text("Anna"), "side": .text("teacher")], language: .en),
            ActionCall(name: "notify", arguments: ["message": .text("new: Anna")], language: .en),
            // An optional parameter left out of `with:` is absent.
            ActionCall(name: "save_profile", arguments: ["name": .text("anna")], language: .en),
        ])
        #expect(chat.slot("profile.saved") == .text("REF-Anna"))
        #expect(chat.slot("profile.copy") == .text("REF-anna"))
        #expect(output.texts == ["Profile saved", "Not complete yet", "Saved as REF-Anna",
                                 "Profile saved", "Not complete yet", "More?"])
        #expect(output.kinds == [.advice, .warning, .info, .advice, .warning, .info])
        #expect(output.changedSlots == ["profile.name", "profile.saved", "profile.copy"])
    }

    @Test func action_runsInTheParticipantsLanguage() throws {
        let host = RecordingHost { _ in
            ActionResult(value: .text("R"), messages: [OutputMessage(.info, LocalizedText(nl: "Bewaard", en: "Saved"))])
        }
        var chat = ChatHarness(try RuntimeSupport.program(Self.acting), host: host, language: .nl)
        try chat.open()
        let output = try chat.send("Anna")
        #expect(host.calls.map(\.language) == [.nl, .nl, .nl])
        #expect(output.texts.first == "Bewaard")
        #expect(output.texts.contains("Bewaard als R"))
    }

    @Test func action_aNullResultLeavesTheSlotUnset() throws {
        let host = RecordingHost()
        var chat = ChatHarness(try RuntimeSupport.program(Self.acting), host: host)
        try chat.open()
        let output = try chat.send("Anna")
        #expect(chat.slot("profile.saved") == nil)
        #expect(output.texts == ["Saved as —", "More?"])
    }

    @Test func hostSlots_areReadFromTheHost() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: "Fase: {{participant.phase}}", en: "Phase: {{participant.phase}}"}
              - say: {nl: Coordinator, en: Coordinator}
                when: "participant.coordinator"
              - ask: x.q
                type: text
                prompt: {nl: Vraag?, en: Question?}
            """)
        var participant = ChatHarness(program)
        #expect(try participant.open().texts == ["Phase: matching", "Question?"])
        let coordinator = RecordingHost(hostSlots: ["participant.phase": .text("afronding"), "participant.coordinator": .bool(true)])
        var other = ChatHarness(program, host: coordinator)
        #expect(try other.open().texts == ["Phase: afronding", "Coordinator", "Question?"])
    }

    // MARK: - revisit

    static let revisiting = """
        dialog: main
        title: {nl: Hoofd, en: Main}
        steps:
          - ask: p.name
            type: text
            prompt: {nl: Naam?, en: Name?}
          - ask: p.city
            type: text
            prompt: {nl: Plaats?, en: City?}
          - id: review
            ask: p.ok
            type: yesno
            prompt: {nl: "{{p.name}} uit {{p.city}}. Klopt dat?", en: "{{p.name}} from {{p.city}}. Is that right?"}
          - if: "p.ok"
            then: done
          - id: fix
            revisit: p.name
          - say: {nl: Na het herstel, en: After the fix}
          - goto: review
          - id: done
            say: {nl: Dank je, en: Thank you}
          - ask: p.end
            type: text
            prompt: {nl: Tot slot?, en: Finally?}
        """

    @Test func revisit_asksTheQuestionAgain_andContinuesAfterTheRevisitStep() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.revisiting))
        try chat.open()
        let review = try chat.send(["Anna", "Utrecht"])
        #expect(review.texts == ["Anna from Utrecht. Is that right?"])
        let again = try chat.send("no")
        #expect(again.texts == ["Name?"])
        #expect(again.prompt?.slot == "p.name")
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.name", returnAfter: "fix")])
        let after = try chat.send("Bob")
        // Not the city question: straight back to the step after `fix`.
        #expect(after.texts == ["After the fix", "Bob from Utrecht. Is that right?"])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "review")])
        #expect(chat.slot("p.city") == .text("Utrecht"))
        let done = try chat.send("yes")
        #expect(done.texts == ["Thank you", "Finally?"])
    }

    @Test func revisit_skippingTheRevisitedOptionalQuestionAlsoReturns() throws {
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
        let again = try chat.send(["Annie", "Utrecht"])
        #expect(again.texts == ["Nickname?"])
        let skipped = try chat.send("skip")
        #expect(skipped.texts == ["Skipped.", "Finally?"])
        #expect(chat.slot("p.nick") == nil)
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.end")])
    }

    static let choosingCorrection = """
        dialog: main
        title: {nl: Hoofd, en: Main}
        steps:
          - ask: p.name
            type: text
            prompt: {nl: Naam?, en: Name?}
          - ask: p.city
            type: text
            prompt: {nl: Plaats?, en: City?}
          - ask: p.correction
            type: choice
            prompt: {nl: Wat wil je aanpassen?, en: What do you want to change?}
            options:
              - value: p.name
                label: {nl: Naam, en: Name}
              - value: p.city
                label: {nl: Plaats, en: City}
          - id: fix
            revisit_choice: p.correction
          - say: {nl: "Nu: {{p.name}} uit {{p.city}} ({{p.correction}})", en: "Now: {{p.name}} from {{p.city}} ({{p.correction}})"}
          - ask: p.end
            type: text
            prompt: {nl: Tot slot?, en: Finally?}
        """

    @Test func revisitChoice_reasksTheChosenQuestion_andContinuesAfterIt() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.choosingCorrection))
        try chat.open()
        let choice = try chat.send(["Anna", "Utrecht"])
        #expect(choice.prompt?.options == [Prompt.Option(value: "p.name", label: "Name"), Prompt.Option(value: "p.city", label: "City")])
        let city = try chat.send("City")
        #expect(city.texts == ["City?"])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.city", returnAfter: "fix")])
        let after = try chat.send("Zwolle")
        #expect(after.texts == ["Now: Anna from Zwolle (City)", "Finally?"])

        var byNumber = ChatHarness(try RuntimeSupport.program(Self.choosingCorrection))
        try byNumber.open()
        try byNumber.send(["Anna", "Utrecht"])
        #expect(try byNumber.send("1").texts == ["Name?"])
        #expect(try byNumber.send("Bea").texts == ["Now: Bea from Utrecht (Name)", "Finally?"])
    }

    @Test func revisit_ofAQuestionThatDoesNotApplyNow_passesOn() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.side
                type: yesno
                prompt: {nl: Docent?, en: Teacher?}
              - ask: p.school
                type: text
                when: "p.side"
                prompt: {nl: School?, en: School?}
              - id: fix
                revisit: p.school
              - say: {nl: Verder, en: Onwards}
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        let output = try chat.send("no")
        #expect(output.texts == ["Onwards", "Finally?"])
        #expect(chat.state.stack == [Frame(dialog: "main", step: "p.end")])

        var teacher = ChatHarness(program)
        try teacher.open()
        #expect(try teacher.send(["yes", "Lyceum"]).texts == ["School?"])
        #expect(teacher.state.stack.last?.returnAfter == "fix")
        #expect(try teacher.send("College").texts == ["Onwards", "Finally?"])
        #expect(teacher.slot("p.school") == .text("College"))
    }

    // MARK: - when

    @Test func when_passesOverStepsWhoseConditionIsFalseOrNull() throws {
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
              - ask: p.nick
                type: text
                optional: true
                prompt: {nl: Bijnaam?, en: Nickname?}
              - say: {nl: Voor docenten, en: For teachers}
                when: "p.side == 'teacher'"
              - say: {nl: Met bijnaam, en: With a nickname}
                when: "p.nick != null"
              - say: {nl: Bijnaam is Bo, en: Nickname is Bo}
                when: "p.nick == 'Bo'"
              - ask: p.school
                type: text
                when: "p.side == 'teacher'"
                prompt: {nl: School?, en: School?}
              - set: p.flag
                value: "true"
                when: "p.side == 'teacher'"
              - say: {nl: Vlag, en: Flag}
                when: "p.flag"
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        var professional = ChatHarness(program)
        try professional.open()
        try professional.send("professional")
        let skipped = try professional.send("skip")
        #expect(skipped.texts == ["Skipped.", "Finally?"])
        #expect(professional.slot("p.school") == nil)
        #expect(professional.slot("p.flag") == nil)

        var teacher = ChatHarness(program)
        try teacher.open()
        try teacher.send("teacher")
        let shown = try teacher.send("Bo")
        #expect(shown.texts == ["For teachers", "With a nickname", "Nickname is Bo", "School?"])
        #expect(try teacher.send("Het Lyceum").texts == ["Flag", "Finally?"])
        #expect(teacher.slot("p.flag") == .bool(true))
    }

    // MARK: - texts

    @Test func textVariants_theFirstWhoseConditionHoldsIsShown() throws {
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
                  - value: student
                    label: {nl: Student, en: Student}
              - ask: p.where
                type: text
                prompt:
                  - when: "p.side == 'teacher'"
                    nl: Waar geef je les?
                    en: Where do you teach?
                  - when: "p.side == 'professional'"
                    nl: Waar werk je?
                    en: Where do you work?
                  - nl: Waar studeer je?
                    en: Where do you study?
            """)
        for (side, expected) in [("1", "Where do you teach?"), ("2", "Where do you work?"), ("3", "Where do you study?")] {
            var chat = ChatHarness(program)
            try chat.open()
            let output = try chat.send(side)
            #expect(output.texts == [expected])
            #expect(output.prompt?.text == expected)
        }
        var dutch = ChatHarness(program, language: .nl)
        try dutch.open()
        #expect(try dutch.send("docent").prompt?.text == "Waar geef je les?")
    }

    @Test func options_theirWhenFilters_andTheNumbersFollowTheShownList() throws {
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
              - ask: p.pick
                type: choice
                prompt: {nl: Kies, en: Choose}
                options:
                  - value: a
                    label: {nl: Een, en: Alpha}
                  - value: b
                    label: {nl: Twee, en: Beta}
                    when: "p.side == 'teacher'"
                  - value: c
                    label: {nl: Drie, en: Gamma}
                  - value: d
                    label: {nl: Vier, en: Delta}
                    when: "participant.phase == 'afronding'"
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        var professional = ChatHarness(program)
        try professional.open()
        let shown = try professional.send("professional")
        #expect(shown.prompt?.options == [Prompt.Option(value: "a", label: "Alpha"), Prompt.Option(value: "c", label: "Gamma")])
        // A hidden option cannot be chosen by its name…
        let hidden = try professional.send("Beta")
        #expect(hidden.kinds.first == .error)
        #expect(professional.slot("p.pick") == nil)
        // …and the numbers count the shown options only.
        try professional.send("2")
        #expect(professional.slot("p.pick") == .text("c"))

        var teacher = ChatHarness(program)
        try teacher.open()
        let all = try teacher.send("teacher")
        #expect(all.prompt?.options?.map(\.value) == ["a", "b", "c"])
        try teacher.send("2")
        #expect(teacher.slot("p.pick") == .text("b"))

        let closing = RecordingHost(hostSlots: ["participant.phase": .text("afronding")])
        var late = ChatHarness(program, host: closing)
        try late.open()
        #expect(try late.send("teacher").prompt?.options?.map(\.value) == ["a", "b", "c", "d"])
        try late.send("4")
        #expect(late.slot("p.pick") == .text("d"))
    }

    @Test func options_withATemplateInTheirLabel_showTheSlotInTheCurrentLanguage() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.open
                type: yesno
                prompt: {nl: Open?, en: Open?}
              - ask: p.menu
                type: choice
                prompt: {nl: Kies, en: Choose}
                options:
                  - value: visibility
                    label: {nl: "Zichtbaar: {{p.open}}", en: "Visible: {{p.open}}"}
                  - value: other
                    label: {nl: Anders, en: Other}
            """)
        var chat = ChatHarness(program)
        try chat.open()
        let menu = try chat.send("yes")
        #expect(menu.prompt?.options?.map(\.label) == ["Visible: yes", "Other"])
        let dutch = try chat.send("taal nl")
        #expect(dutch.prompt?.options?.map(\.label) == ["Zichtbaar: ja", "Anders"])
        try chat.send("1")
        #expect(chat.slot("p.menu") == .text("visibility"))
    }

    @Test func multichoice_promptCarriesItsLimits_andStoresTheValues() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: p.criteria
                type: multichoice
                min_choices: 2
                max_choices: 3
                prompt: {nl: Criteria?, en: Criteria?}
                options:
                  - value: subject
                    label: {nl: Vakgebied, en: Subject}
                  - value: region
                    label: {nl: Regio, en: Region}
                  - value: personal
                    label: {nl: Persoonlijk, en: Personal}
                  - value: level
                    label: {nl: Niveau, en: Level}
            """)
        var chat = ChatHarness(program)
        let opened = try chat.open()
        #expect(opened.prompt?.type == .multichoice)
        #expect(opened.prompt?.min == 2)
        #expect(opened.prompt?.max == 3)
        #expect(opened.prompt?.options?.count == 4)
        #expect(try chat.send("subject").kinds.first == .error)
        try chat.send("1, 3 and Level")
        #expect(chat.slot("p.criteria") == .list(["subject", "personal", "level"]))
    }

    @Test func templates_insertTheAnswerVerbatim_neverExpandingIt() throws {
        let program = try RuntimeSupport.program("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - set: profile.other
                value: "'GEHEIM'"
              - ask: p.text
                type: text
                prompt: {nl: Zeg iets, en: Say something}
              - say: {nl: "Je zei: {{p.text}}", en: "You said: {{p.text}}"}
              - ask: p.pick
                type: choice
                prompt: {nl: "Over {{p.text}}?", en: "About {{p.text}}?"}
                options:
                  - value: yes_it
                    label: {nl: "Ja, {{p.text}}", en: "Yes, {{p.text}}"}
                  - value: other
                    label: {nl: Anders, en: Other}
              - say: {nl: "Letterlijk {{{{p.text}}", en: "Literally {{{{p.text}}"}
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        for answer in ["{{profile.other}}", "<b>vet</b> & <script>x</script>", "{{{{profile.other}}", "{{ profile.other }} en {{p.text}}"] {
            var chat = ChatHarness(program)
            try chat.open()
            let output = try chat.send(answer)
            #expect(chat.slot("p.text") == .text(answer))
            #expect(output.texts == ["You said: \(answer)", "About \(answer)?"])
            #expect(output.prompt?.options?.first?.label == "Yes, \(answer)")
            #expect(!output.mentions("GEHEIM"))
            let next = try chat.send("2")
            #expect(next.texts == ["Literally {{p.text}}", "Finally?"])
        }
    }

    @Test func templates_showChoiceLabelsDatesAndOtherValuesInTheLanguage() throws {
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
              - ask: p.criteria
                type: multichoice
                prompt: {nl: Criteria?, en: Criteria?}
                options:
                  - value: subject
                    label: {nl: Vakgebied, en: Subject}
                  - value: region
                    label: {nl: Regio, en: Region}
                  - value: personal
                    label: {nl: Persoonlijk, en: Personal}
              - ask: p.start
                type: date
                prompt: {nl: Start?, en: Start?}
              - ask: p.open
                type: yesno
                prompt: {nl: Open?, en: Open?}
              - ask: p.nick
                type: text
                optional: true
                prompt: {nl: Bijnaam?, en: Nickname?}
              - say:
                  nl: "{{p.side}} | {{p.criteria}} | {{p.start}} | {{p.open}} | {{p.nick}}"
                  en: "{{p.side}} | {{p.criteria}} | {{p.start}} | {{p.open}} | {{p.nick}}"
                kind: summary
              - ask: p.end
                type: text
                prompt: {nl: Tot slot?, en: Finally?}
            """)
        var english = ChatHarness(program)
        try english.open()
        try english.send(["teacher", "subject, personal", "2026-12-06", "yes"])
        #expect(english.slot("p.side") == .text("teacher"))
        #expect(english.slot("p.criteria") == .list(["subject", "personal"]))
        let summary = try english.send("skip")
        #expect(summary.texts(of: .summary) == ["Teacher | Subject, Personal | December 6, 2026 | yes | —"])

        var dutch = ChatHarness(program, language: .nl)
        try dutch.open()
        try dutch.send(["docent", "vakgebied en persoonlijk", "6-12-2026", "ja"])
        let samenvatting = try dutch.send("overslaan")
        #expect(samenvatting.texts(of: .summary) == ["Docent | Vakgebied, Persoonlijk | 6 december 2026 | ja | —"])
    }

    @Test func choiceValues_areStoredButLabelsAreShown_alsoAfterALanguageSwitch() throws {
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
              - ask: p.ok
                type: yesno
                prompt: {nl: "Je bent {{p.side}}?", en: "You are a {{p.side}}?"}
            """)
        var chat = ChatHarness(program, language: .nl)
        try chat.open()
        #expect(try chat.send("Teacher").texts == ["Je bent Docent?"])
        #expect(try chat.send("language en").prompt?.text == "You are a Teacher?")
    }
}
