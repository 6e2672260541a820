import Foundation
import Testing
import DialogEngine
import TwinLanguage

/// `listed: false`: an option accepted by its spellings while its condition holds, without a
/// number and outside the prompt's options, so that a menu's numbers never move when something
/// starts or stops waiting.
@Suite("Runtime: unlisted options")
struct UnlistedOptionTests {
    static let menu = """
        dialog: main
        title: {nl: Menu, en: Menu}
        steps:
          - ask: x.waiting
            type: yesno
            prompt: {nl: Wacht er iets?, en: Is something waiting?}
          - id: menu
            ask: x.action
            type: choice
            prompt: {nl: Wat wil je doen?, en: What would you like to do?}
            options:
              - value: confirm
                when: "x.waiting"
                listed: false
                label: {nl: Bevestigen, en: Confirm}
                aliases: [bevestig planning, confirm plan]
              - value: profile
                label: {nl: Profiel, en: Profile}
              - value: help
                label: {nl: Uitleg, en: About}
          - say: {nl: "Gekozen: {{x.action}}", en: "Chosen: {{x.action}}"}
          - goto: menu
        """

    @Test func anUnlistedOptionTakesNoNumber_andIsNotAmongThePromptsOptions() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.menu))
        try chat.open()
        let output = try chat.send("yes")
        let prompt = try #require(output.prompt)
        #expect(prompt.options?.map(\.value) == ["profile", "help"], "the numbers are those of the listed options")
        #expect(prompt.shortcuts.map(\.value) == ["confirm"])
        #expect(try chat.send("1").mentions("Chosen: Profile"))
        #expect(try chat.send("2").mentions("Chosen: About"))
        let three = try chat.send("3")
        #expect(three.mentions("Choose a number from 1 to 2"))
        #expect(try chat.send("confirm plan").mentions("Chosen: Confirm"))
        #expect(try chat.send("confirm").mentions("Chosen: Confirm"))
    }

    @Test func whileItsConditionDoesNotHold_anUnlistedOptionIsNotAccepted() throws {
        var chat = ChatHarness(try RuntimeSupport.program(Self.menu))
        try chat.open()
        let output = try chat.send("no")
        #expect(output.prompt?.shortcuts.isEmpty == true)
        #expect(output.prompt?.options?.map(\.value) == ["profile", "help"], "the same numbers as when something waits")
        #expect(!(try chat.send("confirm plan")).mentions("Chosen: Confirm"))
    }

    @Test func withOnlyUnlistedOptions_aWrongAnswerAsksForAnOptionNotANumber() throws {
        var chat = ChatHarness(try RuntimeSupport.program("""
            dialog: main
            title: {nl: Menu, en: Menu}
            steps:
              - ask: x.action
                type: choice
                prompt: {nl: Wat?, en: What?}
                options:
                  - value: confirm_plan
                    listed: false
                    label: {nl: Planning bevestigen, en: Confirm the plan}
                    aliases: [confirm]
                  - value: confirm_match
                    listed: false
                    label: {nl: Match bevestigen, en: Confirm the match}
                    aliases: [confirm]
              - say: {nl: "{{x.action}}", en: "{{x.action}}"}
            """))
        try chat.open()
        let wrong = try chat.send("1")
        #expect(wrong.mentions("Type one of the options."))
        #expect(!wrong.mentions("from 1 to 0"))
        let both = try chat.send("confirm")
        #expect(both.mentions("Type the full name."), "unlisted options have no number to type")
        #expect(!both.mentions("Type the number"))
    }

    @Test func aMultichoiceListsEveryOption_soListedFalseIsAnError() throws {
        let result = Program.lint([DialogSource(path: "main.yaml", text: """
            dialog: main
            title: {nl: Menu, en: Menu}
            steps:
              - ask: x.kinds
                type: multichoice
                prompt: {nl: Welke?, en: Which?}
                options:
                  - value: a
                    label: {nl: A, en: A}
                  - value: b
                    listed: false
                    label: {nl: B, en: B}
              - ask: x.kind
                type: choice
                prompt: {nl: Welke?, en: Which?}
                options:
                  - value: a
                    listed: maybe
                    label: {nl: A, en: A}
            """), DialogSource(path: "home.yaml", text: RuntimeSupport.homeDialog)], host: RuntimeSupport.hostInterface)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("main.yaml:10:") && $0.contains("`listed: false` is for a `choice` question") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("main.yaml:18:") && $0.contains("`listed:` is true or false") }, "\(messages)")
    }
}
