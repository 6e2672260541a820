import DialogEngine
import Testing

/// The linter's semantic checks, each with the exact `path:line:column` it reports and a
/// fragment of its message, and the programs it must accept.
///
/// Every YAML program is written inline. Where positions are checked, the first three lines are
/// `dialog:`, `title:` and `steps:`, so the first step is on line 4 and a step written
/// `  - kind: …` starts at column 5.
@Suite("Lint diagnostics")
struct LintDiagnosticsTests {
    /// A program that uses every kind of step and most attributes, without a single problem.
    static let cleanMain = """
        dialog: main
        title: {nl: Hoofdmenu, en: Main menu}
        description: The home dialog of the lint tests.
        steps:
          - if: "is_set(profile.name)"
            then: menu
          - call: intake
          - say:
              nl: "Welkom, {{profile.name}}."
              en: "Welcome, {{profile.name}}."
            id: menu
          - ask: menu.choice
            type: choice
            options:
              - value: plan
                label: {nl: Plan maken, en: Make a plan}
              - value: coordinator
                label: {nl: Coördinator spreken, en: Talk to the coordinator}
                when: "participant.coordinator"
            prompt: {nl: Wat wil je doen?, en: What would you like to do?}
          - if: "menu.choice == 'plan'"
            then: plan.weeks
            else: done
          - ask: plan.weeks
            type: integer
            min: 1
            max: 52
            prompt: {nl: Hoeveel weken?, en: How many weeks?}
            help: {nl: Meestal tien tot twintig., en: Usually ten to twenty.}
            validate:
              - rule: "answer % 2 == 0"
                message: {nl: "{{answer}} is oneven.", en: "{{answer}} is odd."}
            max_attempts: 4
          - set: plan.total_hours
            value: "plan.weeks * 2.5"
          - action: check_plan
            with:
              weeks: "plan.weeks"
              hours: "plan.total_hours"
            into: plan.advice
          - say:
              - when: "plan.weeks < 13"
                nl: "Kort traject. {{plan.advice}}"
                en: "Short trajectory. {{plan.advice}}"
              - nl: "Advies: {{plan.advice}} ({{{{ blijft staan)"
                en: "Advice: {{plan.advice}} ({{{{ stays)"
            kind: advice
          - id: done
            end: true
        """

    static let cleanIntake = """
        dialog: intake
        title: {nl: Kennismaking, en: Getting started}
        steps:
          - ask: profile.name
            type: text
            max_length: 120
            prompt: {nl: Wat is je naam?, en: What is your name?}
          - ask: profile.side
            type: choice
            options:
              - value: teacher
                label: {nl: Docent, en: Teacher}
                aliases: [leraar, lerares]
              - value: professional
                label: {nl: Professional, en: Professional}
            prompt: {nl: Wie ben je?, en: Who are you?}
          - ask: profile.email
            type: email
            optional: true
            prompt: {nl: Je e-mailadres?, en: Your e-mail address?}
          - ask: intake.correction
            type: choice
            optional: true
            options:
              - value: profile.name
                label: {nl: Naam, en: Name}
              - value: profile.side
                label: {nl: Rol, en: Role}
            prompt: {nl: Wil je iets verbeteren?, en: Anything to correct?}
          - if: "is_set(intake.correction)"
            else: save
          - revisit_choice: intake.correction
          - action: save_profile
            id: save
            with:
              name: "profile.name"
              side: "profile.side"
            into: profile.saved
          - revisit: profile.name
            when: "not profile.saved"
        """

    // MARK: - A clean program

    @Test("a clean program has no diagnostics and loads")
    func cleanProgramLoads() throws {
        let files = [(path: "main.yaml", yaml: Self.cleanMain), (path: "intake.yaml", yaml: Self.cleanIntake)]
        let result = lintSources(files)
        expectLintClean(result)
        #expect(!result.hasErrors)
        let linted = try #require(result.program)
        #expect(linted.dialogs.keys.sorted() == ["intake", "main"])

        let program = try Program.load(files.map { DialogSource(path: $0.path, text: $0.yaml) }, host: lintTestHost())
        #expect(program.warnings.isEmpty)
        #expect(program.slotTypes["profile.name"] == .text)
        #expect(program.slotTypes["profile.side"] == .text)
        #expect(program.slotTypes["profile.saved"] == .bool)
        #expect(program.slotTypes["plan.weeks"] == .integer)
        #expect(program.slotTypes["plan.total_hours"] == .number)
        #expect(program.slotTypes["plan.advice"] == .text)
        #expect(program.slotTypes["participant.phase"] == .text)
        #expect(program.question(for: "profile.side")?.options.map(\.option.value) == ["teacher", "professional"])
    }

    @Test("Program.load throws DialogLoadError listing every diagnostic")
    func loadThrowsWithDiagnostics() {
        let yaml = """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: "Hoi {{profile.nam}}", en: Hi}
              - goto: nowhere
            """
        do {
            _ = try Program.load([DialogSource(path: "Dialogs/main.yaml", text: yaml)], host: lintTestHost())
            Issue.record("a program with errors loaded")
        } catch {
            let positions = error.diagnostics.map(\.location.description)
            #expect(positions == ["Dialogs/main.yaml:4:10", "Dialogs/main.yaml:5:5"])
            #expect(error.diagnostics.allSatisfy { $0.severity == .error })
            #expect(error.description.contains("2 error(s)"))
            #expect(error.description.contains("Dialogs/main.yaml:5:5: error: there is no step `nowhere` in `main`"))
        }
    }

    // MARK: - Jump targets and dialogs

    @Test("an unknown step in `then:` or `else:` is reported at the if step, with a suggestion")
    func unknownIfTarget() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
              - if: "plan.weeks < 13"
                then: short_plan
                else: sumary
              - say: {nl: Klaar, en: Done}
                id: summary
            """)
        expectLintDiagnostic(result, at: "main.yaml:7:5", "there is no step `short_plan` in `main`")
        expectLintDiagnostic(result, at: "main.yaml:7:5", "there is no step `sumary` in `main` — did you mean `summary`?")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
        #expect(result.program == nil)
    }

    @Test("an unknown step in `goto:` is reported at the goto step, with a suggestion")
    func unknownGotoTarget() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hoi, en: Hi}
                id: start
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - goto: strat
            """)
        expectLintDiagnostic(result, at: "main.yaml:9:5", "there is no step `strat` in `main` — did you mean `start`?")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("a step id may be the slot of an ask step or an explicit id, in any order")
    func knownTargets() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - goto: later
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - say: {nl: Later, en: Later}
                id: later
              - if: "not is_set(profile.name)"
                then: profile.name
            """)
        expectLintClean(result)
    }

    @Test("an unknown dialog in `call:` or `handover:` is reported at the step, with a suggestion")
    func unknownDialog() {
        let result = lintSources([
            ("main.yaml", """
                dialog: main
                title: {nl: Hoofd, en: Main}
                steps:
                  - call: intak
                  - handover: nowhere
                """),
            ("intake.yaml", """
                dialog: intake
                title: {nl: Intake, en: Intake}
                steps:
                  - say: {nl: Hoi, en: Hi}
                """),
        ])
        expectLintDiagnostic(result, at: "main.yaml:4:5", "there is no dialog `intak` — did you mean `intake`?")
        expectLintDiagnostic(result, at: "main.yaml:5:5", "there is no dialog `nowhere`")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
        // Nothing calls `intake` now.
        expectLintDiagnostic(result, .warning, at: "intake.yaml:1:1", "the dialog `intake` is never called or handed over to")
    }

    @Test("a dialog defined in two files is reported at the second")
    func dialogDefinedTwice() {
        let result = lintSources([
            ("a.yaml", "dialog: main\ntitle: {nl: A, en: A}\nsteps:\n  - end: true\n"),
            ("b.yaml", "dialog: main\ntitle: {nl: B, en: B}\nsteps:\n  - end: true\n"),
        ])
        expectLintDiagnostic(result, at: "b.yaml:1:1", "the dialog `main` is defined twice (also at a.yaml:1:1)")
    }

    // MARK: - Reachability

    @Test("steps after an `end`, or jumped over by a `goto`, are never reached")
    func unreachableSteps() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: A, en: A}
              - goto: last
              - say: {nl: B, en: B}
              - say: {nl: C, en: C}
                id: last
              - end: true
              - say: {nl: D, en: D}
            """)
        expectLintDiagnostic(result, at: "main.yaml:6:5", "this step is never reached")
        expectLintDiagnostic(result, at: "main.yaml:10:5", "this step is never reached")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("the step after an if with both targets is never reached; a conditional end or goto falls through")
    func reachabilityThroughConditions() {
        let unreachable = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - if: "participant.coordinator"
                then: a
                else: b
              - say: {nl: Nooit, en: Never}
              - say: {nl: A, en: A}
                id: a
              - say: {nl: B, en: B}
                id: b
            """)
        expectLintDiagnostic(unreachable, at: "main.yaml:7:5", "this step is never reached")
        #expect(unreachable.lintErrors.count == 1, "\(unreachable.lintListing)")

        let reachable = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - end: true
                when: "participant.coordinator"
              - goto: last
                when: "participant.phase == 'matching'"
              - say: {nl: Soms, en: Sometimes}
              - say: {nl: Altijd, en: Always}
                id: last
            """)
        expectLintClean(reachable)
    }

    // MARK: - Reads before sets

    /// Conversations start in `intake` and come home to `menu`, so that a slot read in `intake`
    /// before it is asked really has no value yet.
    static let intakeFirst = lintTestHost(entry: "intake", home: "menu")

    static let menu = """
        dialog: menu
        title: {nl: Menu, en: Menu}
        steps:
          - say: {nl: "Dag {{profile.name}}", en: "Bye {{profile.name}}"}
        """

    @Test("a slot read before any step can set it is reported once, where it is read")
    func readBeforeSet() {
        let result = lintSources([
            ("intake.yaml", """
                dialog: intake
                title: {nl: Intake, en: Intake}
                steps:
                  - say:
                      nl: "Hallo {{profile.name}}"
                      en: "Hello {{profile.name}}"
                  - if: "plan.weeks > 4"
                    then: done
                  - ask: profile.name
                    type: text
                    prompt: {nl: Naam?, en: Name?}
                  - ask: plan.weeks
                    type: integer
                    prompt: {nl: Weken?, en: Weeks?}
                  - handover: menu
                    id: done
                """),
            ("menu.yaml", Self.menu),
        ], host: Self.intakeFirst)
        expectLintDiagnostic(result, at: "intake.yaml:5:7", "`profile.name` is read here before any step can have set it")
        expectLintDiagnostic(result, at: "intake.yaml:7:10", "`plan.weeks` is read here before any step can have set it")
        // The nl and the en text both show the slot; that is one read, reported once.
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("a slot set on every path before it is read is fine")
    func readAfterSetOnAllPaths() {
        let result = lintSources([
            ("intake.yaml", """
                dialog: intake
                title: {nl: Intake, en: Intake}
                steps:
                  - ask: profile.teacher
                    type: yesno
                    prompt: {nl: Ben je docent?, en: Are you a teacher?}
                  - if: "profile.teacher"
                    then: teacher
                  - set: profile.role
                    value: "'professional'"
                  - goto: show
                  - set: profile.role
                    id: teacher
                    value: "'teacher'"
                  - say: {nl: "Rol: {{profile.role}}", en: "Role: {{profile.role}}"}
                    id: show
                  - ask: profile.name
                    type: text
                    prompt: {nl: Naam?, en: Name?}
                    when: "profile.role == 'teacher'"
                  - handover: menu
                """),
            ("menu.yaml", Self.menu),
        ], host: Self.intakeFirst)
        expectLintClean(result)
    }

    @Test("a slot set by a dialog that runs before (a called dialog, or one that hands over) is fine")
    func readOfSlotSetByAnotherDialog() {
        let result = lintSources([
            ("intake.yaml", """
                dialog: intake
                title: {nl: Intake, en: Intake}
                steps:
                  - call: details
                  - say: {nl: "Mail: {{profile.email}}", en: "Mail: {{profile.email}}"}
                  - handover: menu
                """),
            ("details.yaml", """
                dialog: details
                title: {nl: Gegevens, en: Details}
                steps:
                  - ask: profile.name
                    type: text
                    prompt: {nl: Naam?, en: Name?}
                  - ask: profile.email
                    type: email
                    prompt: {nl: "E-mail, {{profile.name}}?", en: "E-mail, {{profile.name}}?"}
                """),
            ("menu.yaml", Self.menu),
        ], host: Self.intakeFirst)
        expectLintClean(result)
    }

    @Test("is_set() asks whether a slot has a value; it is not a read that needs one")
    func readViaIsSet() {
        let result = lintSources([
            ("intake.yaml", """
                dialog: intake
                title: {nl: Intake, en: Intake}
                steps:
                  - if: "is_set(profile.name)"
                    then: done
                  - say: {nl: Welkom!, en: Welcome!}
                    when: "not is_set(profile.name)"
                  - ask: profile.name
                    type: text
                    prompt: {nl: Naam?, en: Name?}
                  - handover: menu
                    id: done
                """),
            ("menu.yaml", Self.menu),
        ], host: Self.intakeFirst)
        expectLintClean(result)
    }

    // MARK: - Translations

    @Test("a missing nl or en translation is reported at the text")
    func missingTranslation() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd}
            steps:
              - say:
                  en: Welcome
              - ask: profile.name
                type: text
                prompt: {nl: Naam?}
            """)
        expectLintDiagnostic(result, at: "main.yaml:2:8", "missing English translation (`en:`) of `title`")
        expectLintDiagnostic(result, at: "main.yaml:5:7", "missing Dutch translation (`nl:`) of `say`")
        expectLintDiagnostic(result, at: "main.yaml:8:13", "missing English translation (`en:`) of `prompt`")
    }

    @Test("an empty translation is reported at the empty text")
    func emptyTranslation() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say:
                  nl: ""
                  en: "   "
              - say:
                  nl: Hallo
                  en:
            """)
        expectLintDiagnostic(result, at: "main.yaml:5:11", "the Dutch text of `say` is empty")
        expectLintDiagnostic(result, at: "main.yaml:6:11", "the English text of `say` is empty")
        expectLintDiagnostic(result, at: "main.yaml:9:10", "the English text of `say` is empty")
        #expect(result.lintErrors.count == 3, "\(result.lintListing)")
    }

    @Test("a language other than nl and en is reported at its key")
    func unknownLanguage() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say:
                  nl: Hallo
                  en: Hello
                  de: Hallo
            """)
        expectLintDiagnostic(result, at: "main.yaml:7:7", "unknown language `de` in `say` (expected nl and en)")
    }

    // MARK: - Actions

    @Test("an unknown action is reported at the step, with a suggestion and the known actions")
    func unknownAction() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: save_profiel
                with:
                  name: "'Anna'"
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:5",
                             "unknown action `save_profiel` — did you mean `save_profile`? (known: check_plan, notify_coordinator, save_profile)")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("an argument the action does not take is reported at its expression")
    func unknownActionArgument() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: save_profile
                with:
                  name: "'Anna'"
                  nmae: "'Anne'"
            """)
        expectLintDiagnostic(result, at: "main.yaml:7:14", "the action `save_profile` has no parameter `nmae` (it takes name, side)")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("a missing required argument is reported at the step; an optional one may be left out")
    func missingRequiredArgument() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: save_profile
                with:
                  side: "'teacher'"
              - action: check_plan
                with:
                  weeks: "12"
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:5", "the action `save_profile` needs the argument `name` (text)")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("`into:` on an action that returns nothing is reported at the step")
    func intoWithoutResult() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: notify_coordinator
                with:
                  note: "'Nieuwe deelnemer'"
                into: intake.notified
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:5", "the action `notify_coordinator` returns nothing; remove `into:`")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("an argument of the wrong type is reported at its expression")
    func wrongActionArgumentType() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - action: check_plan
                with:
                  weeks: "profile.name"
                  hours: "7"
                into: plan.advice
            """)
        expectLintDiagnostic(result, at: "main.yaml:9:15", "the argument `weeks` of `check_plan` must be a")
        expectLintDiagnostic(result, at: "main.yaml:9:15", "integer, not a text")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("a type error inside an argument points at the operator")
    func typeErrorInsideActionArgument() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: check_plan
                with:
                  weeks: "3 * 'x'"
            """)
        // `weeks` starts at column 7; its expression at 15; the `*` is 2 further.
        expectLintDiagnostic(result, at: "main.yaml:6:17", "'*' needs two numbers; found integer and text")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("an action result gives its slot a type; a conflicting ask is reported")
    func actionResultType() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - action: check_plan
                with: {weeks: "12"}
                into: plan.advice
              - set: plan.count
                value: "plan.advice + 1"
            """)
        expectLintDiagnostic(result, at: "main.yaml:8:25", "'+' adds two numbers or joins two texts; found text and integer")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    // MARK: - Options and ids

    @Test("a duplicate option value is reported at the second option")
    func duplicateOptionValues() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.side
                type: choice
                prompt: {nl: Wie?, en: Who?}
                options:
                  - value: teacher
                    label: {nl: Docent, en: Teacher}
                  - value: teacher
                    label: {nl: Leraar, en: Schoolteacher}
            """)
        expectLintDiagnostic(result, at: "main.yaml:10:9", "the option value `teacher` is used twice (first at line 8)")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("two options with the same label are a warning")
    func duplicateOptionLabels() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.side
                type: choice
                prompt: {nl: Wie?, en: Who?}
                options:
                  - value: teacher
                    label: {nl: Docent, en: Teacher}
                  - value: lecturer
                    label: {nl: docent, en: Lecturer}
            """)
        expectLintDiagnostic(result, .warning, at: "main.yaml:10:9", "two options have the label \"docent\" (also at line 8)")
        #expect(!result.hasErrors)
    }

    @Test("a duplicate step id is reported at the second step; a derived one gets a hint")
    func duplicateStepIds() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - say: {nl: A, en: A}
                id: intro
              - ask: profile.name
                type: text
                prompt: {nl: Naam nogmaals?, en: Name again?}
              - say: {nl: B, en: B}
                id: intro
            """)
        expectLintDiagnostic(result, at: "main.yaml:9:5",
                             "the step id `profile.name` is used twice in `main` (first at line 4) — give one of them its own `id:`")
        expectLintDiagnostic(result, at: "main.yaml:12:5", "the step id `intro` is used twice in `main` (first at line 7)")
        #expect(result.lintDiagnostics(at: "main.yaml:12:5").allSatisfy { !$0.message.contains("give one of them") })
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    // MARK: - Expression types

    @Test("`profile.name + 1` in a set is reported at the `+`")
    func typeErrorInSet() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - set: profile.greeting
                value: "profile.name + 1"
            """)
        // `value: "` puts the expression at column 13; the `+` is 13 characters in.
        expectLintDiagnostic(result, at: "main.yaml:8:26", "'+' adds two numbers or joins two texts; found text and integer")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("a non-bool `if:` condition is reported at the start of the expression")
    func nonBoolIfCondition() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
              - if: "plan.weeks + 1"
                then: done
              - end: true
                id: done
            """)
        expectLintDiagnostic(result, at: "main.yaml:7:10", "`if:` must be a bool condition, but this is a")
        expectLintDiagnostic(result, at: "main.yaml:7:10", "integer")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("a non-bool `when:` condition is reported at the start of the expression")
    func nonBoolWhenCondition() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - say: {nl: Hoi, en: Hi}
                when: "profile.name"
            """)
        expectLintDiagnostic(result, at: "main.yaml:8:12", "`when:` must be a bool condition, but this is a text")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("count() of a number is reported at its argument")
    func countOfNumber() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
              - set: plan.count
                value: "count(plan.weeks)"
            """)
        expectLintDiagnostic(result, at: "main.yaml:8:19", "count() needs a list; found integer")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("columns count from the first character of an unquoted, single-quoted or double-quoted expression")
    func expressionColumnsByQuoting() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
              - if: plan.weeks > 'x'
                then: done
              - if: 'plan.weeks > "x"'
                then: done
              - if: "plan.weeks > 'x'"
                then: done
              - end: true
                id: done
            """)
        let message = "'>' compares two numbers, two dates or two texts; found integer and text"
        expectLintDiagnostic(result, at: "main.yaml:7:20", message)
        expectLintDiagnostic(result, at: "main.yaml:9:21", message)
        expectLintDiagnostic(result, at: "main.yaml:11:21", message)
        #expect(result.lintErrors.count == 3, "\(result.lintListing)")
    }

    @Test("an expression that does not parse or reads an unknown slot is reported inside it")
    func expressionSyntaxAndUnknownSlot() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
              - if: "plan.weeks >"
                then: done
              - if: "plan.weeks > 3 and plan.wekes < 9"
                then: done
              - end: true
                id: done
            """)
        expectLintDiagnostic(result, at: "main.yaml:7:22", "the expression ends too early")
        expectLintDiagnostic(result, at: "main.yaml:9:29", "unknown slot 'plan.wekes'")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("a slot that gets two types is reported once: inside a set's value, or at a second ask")
    func conflictingSlotTypes() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
              - set: plan.weeks
                value: "'veel'"
              - set: plan.weeks
                value: "plan.weeks / 2"
              - ask: plan.weeks
                id: again
                type: text
                prompt: {nl: Weken?, en: Weeks?}
            """)
        // `plan.weeks / 2` is a number: the slot widens from integer to number without an error.
        expectLintDiagnostic(result, at: "main.yaml:8:13", "`plan.weeks` is a number but this value is a text")
        expectLintDiagnostic(result, at: "main.yaml:11:5", "the slot `plan.weeks` gets a text here but a")
        expectLintDiagnostic(result, at: "main.yaml:11:5", "at main.yaml:4:5")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("host slots can be read but not asked or set")
    func hostSlotsAreReadOnly() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: participant.coordinator
                type: yesno
                prompt: {nl: Coördinator?, en: Coordinator?}
              - set: participant.phase
                value: "'afgerond'"
              - say: {nl: "Fase: {{participant.phase}}", en: "Phase: {{participant.phase}}"}
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:5", "`participant.coordinator` is provided by the assistant and cannot be asked")
        expectLintDiagnostic(result, at: "main.yaml:7:5", "`participant.phase` is provided by the assistant and cannot be set")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    // MARK: - answer

    @Test("validation rules use `answer` with the question's type; their messages may show {{answer}}")
    func validationRuleWithAnswer() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.start
                type: date
                prompt: {nl: Begindatum?, en: Start date?}
                validate:
                  - rule: "answer >= plan.earliest"
                    message: {nl: "{{answer}} is te vroeg.", en: "{{answer}} is too early."}
                when: "is_set(plan.earliest)"
              - ask: plan.earliest
                type: date
                prompt: {nl: Vroegste datum?, en: Earliest date?}
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
                validate:
                  - rule: "answer <= 52"
                    message:
                      - when: "answer > 100"
                        nl: "{{answer}} weken is meer dan twee jaar."
                        en: "{{answer}} weeks is more than two years."
                      - nl: Hooguit 52 weken.
                        en: At most 52 weeks.
              - goto: plan.start
            """)
        expectLintClean(result)
    }

    @Test("a validation rule must be a bool condition over an answer of the question's type")
    func validationRuleTypes() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
                validate:
                  - rule: "answer > 3"
                    message: {nl: Te kort., en: Too short.}
              - ask: plan.weeks
                type: integer
                prompt: {nl: Weken?, en: Weeks?}
                validate:
                  - rule: "answer"
                    message: {nl: Nee., en: No.}
            """)
        // `- rule: "` puts the expression at column 16.
        expectLintDiagnostic(result, at: "main.yaml:8:23", "'>' compares two numbers, two dates or two texts; found text and integer")
        expectLintDiagnostic(result, at: "main.yaml:14:16", "`rule:` must be a bool condition")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("`answer` outside a validation rule is an unknown slot, with a hint")
    func answerOutsideValidate() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                prompt: {nl: "Weken? ({{answer}})", en: Weeks?}
              - if: "plan.weeks > 3 or answer > 3"
                then: done
              - set: plan.copy
                value: "answer"
              - end: true
                id: done
            """)
        let hint = "(`answer` exists only inside `validate:` rules)"
        expectLintDiagnostic(result, at: "main.yaml:7:28", "unknown slot 'answer'")
        expectLintDiagnostic(result, at: "main.yaml:7:28", hint)
        expectLintDiagnostic(result, at: "main.yaml:10:13", hint)
        expectLintDiagnostic(result, at: "main.yaml:6:13", "`{{answer}}`")
        expectLintDiagnostic(result, at: "main.yaml:6:13", hint)
        #expect(result.lintErrors.count == 3, "\(result.lintListing)")
    }

    @Test("`answer` is reserved and cannot be a slot name")
    func answerIsReserved() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: answer
                type: text
                prompt: {nl: Naam?, en: Name?}
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:10", "`answer` is reserved for validation rules")
    }

    // MARK: - Templates

    @Test("a template with a slot no step sets is reported at the text, with a suggestion")
    func templateWithUnknownSlot() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - say: {nl: "Hoi {{profiel.name}}", en: "Hi {{profile.name}}"}
            """)
        expectLintDiagnostic(result, at: "main.yaml:7:10",
                             "the nl text shows `{{profiel.name}}`, but no step sets that slot — did you mean `profile.name`?")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("a malformed placeholder is a warning, once per text; `{{{{` is a literal")
    func malformedTemplateWarning() throws {
        let yaml = """
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - say:
                  nl: "Hoi {{ Profile.Name }} en {{ ook dit }}"
                  en: "Hi {{profile.name"
              - say: {nl: "Letterlijk {{{{ en }}", en: "Literally {{{{ and }}"}
            """
        let result = lintSource(yaml)
        expectLintDiagnostic(result, .warning, at: "main.yaml:8:7", "`{{ Profile.Name }}` in the nl text is not a slot placeholder (and 1 more)")
        expectLintDiagnostic(result, .warning, at: "main.yaml:8:7", "`{{` in the en text is not a slot placeholder")
        #expect(result.lintWarnings.count == 2, "\(result.lintListing)")
        #expect(result.lintErrors.isEmpty, "\(result.lintListing)")
        #expect(!result.hasErrors)
        let program = try Program.load([DialogSource(path: "main.yaml", text: yaml)], host: lintTestHost())
        #expect(program.warnings.count == 2)
        #expect(program.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test("text variants: the last has no `when:`, the others have one that is a condition")
    func textVariants() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say:
                  - when: "participant.phase"
                    nl: A
                    en: A
                  - nl: B
                    en: B
                  - nl: C
                    en: C
                    when: "participant.coordinator"
            """)
        expectLintDiagnostic(result, at: "main.yaml:5:16", "a text's `when:` must be a bool condition, but this is a text")
        expectLintDiagnostic(result, .warning, at: "main.yaml:8:9", "only the last variant of `say` should lack `when:`")
        expectLintDiagnostic(result, at: "main.yaml:10:9", "the last variant of `say` must have no `when:`")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("warnings alone do not make hasErrors true, and the program loads")
    func warningsDoNotFail() throws {
        let files = [
            (path: "main.yaml", yaml: "dialog: main\ntitle: {nl: Hoofd, en: Main}\nsteps:\n  - end: true\n"),
            (path: "spare.yaml", yaml: "dialog: spare\ntitle: {nl: Reserve, en: Spare}\nsteps:\n  - end: true\n"),
        ]
        let result = lintSources(files)
        expectLintDiagnostic(result, .warning, at: "spare.yaml:1:1", "the dialog `spare` is never called or handed over to")
        #expect(result.lintErrors.isEmpty, "\(result.lintListing)")
        #expect(!result.hasErrors)
        #expect(result.program != nil)
        let program = try Program.load(files.map { DialogSource(path: $0.path, text: $0.yaml) }, host: lintTestHost())
        #expect(program.warnings.map(\.message) == result.lintWarnings.map(\.message))
    }

    // MARK: - Entry and home

    @Test("a missing entry or home dialog is reported at the first file")
    func missingEntryAndHome() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - end: true
            """, host: lintTestHost(entry: "start", home: "menu"))
        expectLintDiagnostic(result, at: "main.yaml:1:1", "there is no dialog `start`")
        expectLintDiagnostic(result, at: "main.yaml:1:1", "there is no dialog `menu`")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("a missing dialog that is both entry and home is reported once")
    func missingEntryThatIsHome() {
        let result = lintSource("""
            dialog: other
            title: {nl: Ander, en: Other}
            steps:
              - end: true
            """, path: "other.yaml")
        expectLintDiagnostic(result, at: "other.yaml:1:1", "there is no dialog `main`")
        #expect(result.lintErrors.count == 1, "\(result.lintListing)")
    }

    @Test("with no files at all, the missing dialogs are reported at `Dialogs`")
    func noFiles() {
        let result = lintSources([], host: lintTestHost(entry: "intake", home: "menu"))
        expectLintDiagnostic(result, at: "Dialogs:1:1", "there is no dialog `intake`")
        expectLintDiagnostic(result, at: "Dialogs:1:1", "there is no dialog `menu`")
        #expect(result.program == nil)
    }

    // MARK: - revisit

    @Test("revisit must name an ask step of the dialog")
    func revisitTargets() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hoi, en: Hi}
                id: hello
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - revisit: hello
              - revisit: profile.nam
              - revisit: profile.name
            """)
        expectLintDiagnostic(result, at: "main.yaml:9:5", "`revisit:` must name an ask step; `hello` is not one")
        expectLintDiagnostic(result, at: "main.yaml:10:5", "there is no step `profile.nam` in `main` — did you mean `profile.name`?")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("revisit_choice needs a choice whose option values are ask ids")
    func revisitChoiceOptions() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
              - ask: intake.correction
                type: choice
                prompt: {nl: Wat verbeteren?, en: What to correct?}
                options:
                  - value: profile.name
                    label: {nl: Naam, en: Name}
                  - value: profile.email
                    label: {nl: Mailadres, en: Address}
              - revisit_choice: intake.correction
              - revisit_choice: profile.name
            """)
        expectLintDiagnostic(result, at: "main.yaml:13:9",
                             "the option `profile.email` of `intake.correction` must be the id of an ask step in `main`")
        expectLintDiagnostic(result, at: "main.yaml:16:5", "`revisit_choice:` needs a choice question for `profile.name` in this dialog")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    // MARK: - Question attributes

    @Test("min larger than max is reported at the ask step")
    func minLargerThanMax() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: plan.weeks
                type: integer
                min: 10
                max: 2
                prompt: {nl: Weken?, en: Weeks?}
              - ask: profile.name
                type: text
                min_length: 5
                max_length: 3
                prompt: {nl: Naam?, en: Name?}
              - ask: plan.start
                type: date
                min: 2026-12-01
                max: 2026-01-01
                prompt: {nl: Start?, en: Start?}
              - ask: profile.criteria
                type: multichoice
                min_choices: 2
                max_choices: 1
                prompt: {nl: Wat?, en: What?}
                options:
                  - value: a
                    label: {nl: A, en: A}
                  - value: b
                    label: {nl: B, en: B}
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:5", "`min:` (10) is larger than `max:` (2)")
        expectLintDiagnostic(result, at: "main.yaml:9:5", "`min_length:` is larger than `max_length:`")
        expectLintDiagnostic(result, at: "main.yaml:14:5", "`min:` is later than `max:`")
        expectLintDiagnostic(result, at: "main.yaml:19:5", "`min_choices:` is larger than `max_choices:`")
        #expect(result.lintErrors.count == 4, "\(result.lintListing)")
    }

    @Test("options on a text question, and min on a choice, are reported at the attribute's value")
    func attributesOfOtherTypes() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.name
                type: text
                prompt: {nl: Naam?, en: Name?}
                options:
                  - value: x
                    label: {nl: X, en: X}
              - ask: profile.side
                type: choice
                min: 1
                prompt: {nl: Wie?, en: Who?}
                options:
                  - value: teacher
                    label: {nl: Docent, en: Teacher}
            """)
        expectLintDiagnostic(result, at: "main.yaml:8:7", "`options:` only applies to choice and multichoice questions")
        expectLintDiagnostic(result, at: "main.yaml:12:10", "`min:` does not apply to a `choice` question")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("a choice question needs options; an ask needs a known type")
    func questionShape() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - ask: profile.side
                type: choice
                prompt: {nl: Wie?, en: Who?}
              - ask: profile.name
                type: string
                prompt: {nl: Naam?, en: Name?}
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:5", "a `choice` question needs `options:`")
        expectLintDiagnostic(result, at: "main.yaml:8:11", "unknown input type `string`")
    }

    // MARK: - Keys and step shapes

    @Test("unknown keys are reported at the key")
    func unknownKeys() {
        let result = lintSource("""
            dialog: main
            titel: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hoi, en: Hi}
                knd: advice
              - ask: profile.side
                type: choice
                prompt: {nl: Wie?, en: Who?}
                options:
                  - value: teacher
                    lable: {nl: Docent, en: Teacher}
                validate:
                  - rule: "answer == 'teacher'"
                    mesage: {nl: Nee., en: No.}
            """)
        expectLintDiagnostic(result, at: "main.yaml:2:1", "unknown key `titel` at the top of a dialog (expected dialog, title, description, steps)")
        expectLintDiagnostic(result, at: "main.yaml:1:1", "missing `title:`")
        expectLintDiagnostic(result, at: "main.yaml:5:5", "unknown key `knd` in a `say` step (expected id, kind, when)")
        expectLintDiagnostic(result, at: "main.yaml:11:9", "unknown key `lable` in an option (expected value, label, aliases, when, listed)")
        expectLintDiagnostic(result, at: "main.yaml:14:9", "unknown key `mesage` in a validation (expected rule, message)")
    }

    @Test("a step with two kinds is reported at the second kind; a step with none at the step")
    func stepWithTwoKinds() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - say: {nl: Hoi, en: Hi}
                ask: profile.name
              - id: nothing
            """)
        expectLintDiagnostic(result, at: "main.yaml:5:5", "a step does one thing; this one has `say` and `ask`")
        expectLintDiagnostic(result, at: "main.yaml:6:5", "a step needs one of: say, ask, set")
        #expect(result.lintErrors.count == 2, "\(result.lintListing)")
    }

    @Test("malformed step attributes are reported at their values")
    func malformedAttributes() {
        let result = lintSource("""
            dialog: main
            title: {nl: Hoofd, en: Main}
            steps:
              - end: yes
              - if: "participant.coordinator"
              - say: {nl: Hoi, en: Hi}
                kind: error
              - set: plan.weeks
              - call: "two words"
            """)
        expectLintDiagnostic(result, at: "main.yaml:4:10", "write `end: true`")
        expectLintDiagnostic(result, at: "main.yaml:5:5", "an `if` step needs `then:` or `else:`")
        expectLintDiagnostic(result, at: "main.yaml:7:11", "`kind:` must be info, advice, warning or summary")
        expectLintDiagnostic(result, at: "main.yaml:8:5", "a `set` step needs `value:`")
        expectLintDiagnostic(result, at: "main.yaml:9:11", "expected a dialog name")
    }
}
