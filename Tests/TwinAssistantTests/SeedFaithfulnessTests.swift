import DialogEngine
import Foundation
import Testing
import TwinAssistant
import TwinLanguage
import Twinning

/// Statements of the programme guide that the built-in dialogs must not contradict.
@Suite("The dialogs say what the programme guide says")
struct SeedFaithfulnessTests {
    static let dialogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Dialogs")

    @Test("the plan calls study days, test weeks and project weeks good moments for a teacher, never ones to avoid")
    func testWeeks() throws {
        let plan = try String(contentsOf: Self.dialogs.appendingPathComponent("plan.yaml"), encoding: .utf8)
        let flattened = plan.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flattened.contains("Studiedagen, toetsweken en projectweken zijn voor een docent juist goede momenten"))
        #expect(flattened.contains("Study days, test weeks and project weeks are good moments for a teacher"))
        #expect(!flattened.contains("drukke momenten: toetsweken"))
        #expect(!flattened.contains("busy moments: test weeks"))
        #expect(!flattened.contains("niet in de toetsweek"), "the example does not avoid a test week either")
    }

    @Test("the evaluation asks the employer's view from the manager, not only the participant's guess, and asks one person for themselves")
    func employersView() throws {
        let evaluation = try String(contentsOf: Self.dialogs.appendingPathComponent("evaluation.yaml"), encoding: .utf8)
        let flattened = evaluation.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for slot in ["evaluation.employer_value", "evaluation.manager_discussed", "evaluation.manager_value",
                     "evaluation.manager_sequel", "evaluation.manager_words"] {
            #expect(flattened.contains("ask: \(slot)"), "\(slot) is asked")
        }
        #expect(flattened.contains("Hoe waardevol vindt je leidinggevende Job Twinning voor je organisatie?"))
        #expect(flattened.contains("Wil jij na dit traject verder samenwerken"))
        #expect(!flattened.contains("Willen jullie na dit traject"), "one person answers, for themselves")
        #expect(!flattened.contains("Je mag er meer kiezen"))
        #expect(!flattened.contains("yields"))
        #expect(flattened.contains("action: show_report"), "the report to share comes at the end")
    }

    @Test("the plan asks which activities the pair intends: the seven kinds of phase 3 and other, as an activity is logged")
    func intendedActivities() throws {
        let program = try DialogLibrary.load(directory: nil)
        let planned = try #require(program.question(for: "plan.activities")?.spec)
        let logged = try #require(program.question(for: "activity.type")?.spec)
        #expect(planned.type == .multichoice)
        #expect(planned.options.map(\.value) == ActivityKind.allCases.map(\.rawValue))
        #expect(planned.options.map(\.value) == logged.options.map(\.value))
        for language in [Language.nl, .en] {
            #expect(planned.options.map { $0.label.text(in: language) } == logged.options.map { $0.label.text(in: language) },
                    "the same labels in \(language)")
        }
    }
}
