import DialogEngine
import TwinAssistant
import Foundation
import Testing
import Twinning
import TwinLanguage
@testable import TwinNotify

/// The start buttons of direct messages name steps of the built-in menu by value and label; the
/// outbox does not read dialogs, so this test holds the two together.
@Suite("Direct messages start steps the menu has")
struct DirectMessagePlanTests {
    @Test("every start button's option is an option of the menu, with the same labels")
    func startsAreMenuOptions() throws {
        let program = try DialogLibrary.load(directory: nil)
        let menu = try #require(program.dialog("menu")?.step("menu")?.question)
        let options = Dictionary(uniqueKeysWithValues: menu.options.map { ($0.option.value, $0.option.label) })
        let people = [ParticipantID("slack:T1:U1"), ParticipantID("slack:T1:U2")].compactMap { $0 }
        var checked: Set<String> = []
        for kind in ProgrammeEvent.Kind.allCases {
            for phase in [Phase.activiteiten, .afronding] {
                let event = ProgrammeEvent(kind: kind, participants: people, occurredAt: Date())
                for plan in DirectMessagePlan.plan(for: event, phaseOf: { _ in phase }) ?? [] {
                    guard let start = plan.start else { continue }
                    guard let label = options[start.option] else {
                        Issue.record("the menu has no option `\(start.option)`")
                        continue
                    }
                    #expect(label.nl == start.label.nl && label.en == start.label.en, "\(start.option)")
                    checked.insert(start.option)
                }
            }
        }
        #expect(checked.count >= 7)
    }
}
