import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// A whole trajectory of two participants through `Assistant` and the built-in dialogs, from the
/// coordinator's match to the closed trajectory, with the clock moved on between activities.
@Suite("Trajectory from match to closing through the Assistant", .onBothStores)
struct TrajectoryFlowTests {
    static let anna = AssistantFixture.id("api:anna")
    static let bram = AssistantFixture.id("api:bram")

    /// Sends `texts` one after another; returns the last reply.
    @discardableResult
    static func say(_ assistant: Assistant, _ id: ParticipantID, _ texts: [String]) async throws -> Reply {
        var last: Reply?
        for text in texts { last = try await assistant.handle(participant: id, text: text) }
        return try #require(last)
    }

    /// The values of the menu options the participant sees now (a `status` turn).
    static func menu(_ assistant: Assistant, _ id: ParticipantID) async throws -> (Reply, [String]) {
        let reply = try await assistant.handle(participant: id, text: "status")
        #expect(reply.prompt?.slot == "menu.action")
        return (reply, reply.prompt?.options?.map(\.value) ?? [])
    }

    static func text(_ reply: Reply) -> String { reply.messages.map(\.text).joined(separator: "\n") }

    @Test("goals, a plan changed by the partner and confirmed by both, activities, progress and both evaluations close the trajectory")
    func wholeTrajectory() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, clock = fixture.clock
        let anna = Self.anna, bram = Self.bram

        // ---------------------------------------------------------------- matched by the coordinator
        try await OpenMatchingFlowTests.intake(assistant, anna, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, bram, OpenMatchingFlowTests.professionalIntake, open: false)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: clock)
        let created = try await service.apply(try await service.propose(method: .optimal))
        #expect(created.count == 1)
        let pairID = try #require(created.first?.id)

        var (reply, options) = try await Self.menu(assistant, anna)
        #expect(reply.phase == .kennismaking)
        #expect(options.contains("goals") && options.contains("plan") && options.contains("context_check"))
        #expect(!options.contains("log_activity") && !options.contains("confirm_plan") && !options.contains("open_profile"))

        // ---------------------------------------------------------------- goals
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "goals")
        #expect(reply.prompt?.slot == "goals.individual")
        reply = try await Self.say(assistant, anna, ["Zien hoe wiskunde in het bedrijfsleven wordt gebruikt", "nee", "nee"])
        #expect(reply.prompt?.slot == "goals.joint")
        reply = try await Self.say(assistant, anna, ["Samen een lessenserie over statistiek maken", "nee", "nee"])
        #expect(reply.prompt?.slot == "goals.expectations")
        reply = try await Self.say(assistant, anna, ["Dat we eerlijk zijn over de tijd die we hebben."])
        #expect(reply.prompt?.slot == "menu.action")
        #expect(reply.messages.contains { $0.kind == .summary && $0.text.contains("Gezamenlijke doelen:") })
        #expect(Self.text(reply).contains("Jouw verwachtingen: Dat we eerlijk zijn over de tijd die we hebben."))

        // Bram hears of Anna's joint goal and expectations, and sees her goals before writing his own.
        (reply, _) = try await Self.menu(assistant, bram)
        #expect(Self.text(reply).contains("Anna de Vries heeft een gezamenlijk doel toegevoegd"))
        #expect(Self.text(reply).contains("Anna de Vries heeft verwachtingen over jullie traject opgeschreven: Dat we eerlijk zijn over de tijd die we hebben."))
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "goals")
        #expect(reply.prompt?.slot == "goals.individual")
        #expect(reply.messages.contains { $0.kind == .summary && $0.text.contains("Dit heeft Anna de Vries al opgeschreven")
            && $0.text.contains("Zien hoe wiskunde in het bedrijfsleven wordt gebruikt") && $0.text.contains("Verwachtingen van Anna de Vries:") })
        reply = try await Self.say(assistant, bram, ["Ontdekken of lesgeven bij mij past", "ja", "nee"])
        #expect(reply.prompt?.slot == "goals.joint")
        #expect(Self.text(reply).contains("Deze gezamenlijke doelen staan er al:\n  • Samen een lessenserie over statistiek maken"))
        reply = try await Self.say(assistant, bram, ["overslaan", "overslaan"])
        #expect(reply.prompt?.slot == "menu.action")
        #expect(Self.text(reply).contains("Ontdekken of lesgeven bij mij past (lange termijn)"))
        #expect(Self.text(reply).contains("Samen een lessenserie over statistiek maken"), "Anna's joint goal is Bram's too")
        #expect(Self.text(reply).contains("Verwachtingen van Anna de Vries: Dat we eerlijk zijn over de tijd die we hebben."))
        #expect(!Self.text(reply).contains("Jouw verwachtingen:"), "Bram skipped his")

        // Anna writes her expectations again: the new text replaces the old, and Bram hears it.
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "goals")
        reply = try await Self.say(assistant, anna, ["verwachtingen", "Dat we eerlijk zijn over de tijd, en elke maand terugkijken."])
        #expect(Self.text(reply).contains("Jouw verwachtingen: Dat we eerlijk zijn over de tijd, en elke maand terugkijken."))
        let expectations = try await fixture.repository.read { try $0.expectations(of: pairID) }
        #expect(expectations.map(\.participant) == [anna])
        #expect(expectations.first?.text == "Dat we eerlijk zijn over de tijd, en elke maand terugkijken.")
        (reply, _) = try await Self.menu(assistant, bram)
        #expect(Self.text(reply).contains("Anna de Vries heeft de verwachtingen over jullie traject aangepast"))

        let goals = try await fixture.repository.read { try $0.goals(of: pairID) }
        #expect(goals.count == 3)
        #expect(goals.filter { $0.owner == nil }.count == 1)
        #expect(goals.filter(\.isLongTerm).map(\.owner) == [bram])

        // ---------------------------------------------------------------- Anna proposes a plan
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "plan")
        #expect(reply.prompt?.slot == "plan.weeks")
        reply = try await Self.say(assistant, anna, ["16", "7", "20"])
        #expect(!reply.messages.contains { $0.kind == .advice }, "16 weeks, 7 meetings, 20 hours meet the guideline")
        #expect(reply.prompt?.slot == "plan.activities")
        reply = try await Self.say(assistant, anna, ["werkplekbezoek, gastles, sparren"])
        #expect(reply.prompt?.slot == "plan.period")
        reply = try await Self.say(assistant, anna, ["februari tot juni, niet in de toetsweken", "elke twee weken bellen"])
        #expect(Self.text(reply).contains("Planning (versie 1):"))
        #expect(Self.text(reply).contains("Activiteiten die jullie willen doen: Werkplekbezoek, Gastles, Sparren over drijfveren"))
        #expect(reply.prompt?.slot == "menu.action")

        // ---------------------------------------------------------------- Bram changes it: version 2
        (reply, options) = try await Self.menu(assistant, bram)
        #expect(Self.text(reply).contains("Anna de Vries heeft de planning voorgesteld (versie 1)"), "told in the next turn")
        #expect(Self.text(reply).contains("Te doen: Anna de Vries heeft een planning voorgesteld. Typ 'bevestig planning'"))
        #expect(!options.contains("confirm_plan"), "what waits takes no number, so the menu's numbers stay")
        #expect(options.first == "goals")
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "plan")
        #expect(reply.prompt?.slot == "plan.change")
        reply = try await Self.say(assistant, bram, ["ja", "14", "8"])
        #expect(reply.prompt?.slot == "plan.hours")
        // 12 hours: under the guideline; Bram keeps it with a reason.
        reply = try await Self.say(assistant, bram, ["12"])
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("minimaal 20 uur") })
        #expect(reply.prompt?.slot == "plan.keep_choice")
        reply = try await Self.say(assistant, bram, ["nee"])
        #expect(reply.prompt?.slot == "plan.weeks", "not keeping the choice asks the figures again")
        reply = try await Self.say(assistant, bram, ["14", "8", "24", "werkplekbezoek, gastles, training", "maart tot juni", "elke week mailen, om de week bellen"])
        #expect(Self.text(reply).contains("Planning (versie 2):"))
        #expect(Self.text(reply).contains("Bevestigd door jou: ja; door Anna de Vries: nee"))

        var plan = try #require(try await fixture.repository.read { try $0.plan(of: pairID) })
        #expect(plan.version == 2)
        #expect(plan.intendedKinds == [.workplaceVisit, .guestLesson, .training], "the new version carries its own kinds")
        #expect(plan.isConfirmed(by: bram) && !plan.isConfirmed(by: anna))
        #expect(plan.fixedAt == nil)
        let events = try await fixture.repository.read { try $0.events() }
        #expect(events.filter { $0.kind == .planAwaitingConfirmation && $0.participants == [anna] }.count == 1)
        #expect(events.filter { $0.kind == .planAwaitingConfirmation && $0.participants == [bram] }.count == 1)

        // Anna's plan status flips to awaiting_me: the menu offers the confirmation first.
        (reply, options) = try await Self.menu(assistant, anna)
        #expect(Self.text(reply).contains("Bram Bakker heeft de planning aangepast (versie 2)"))
        #expect(Self.text(reply).contains("Te doen: Bram Bakker heeft een planning voorgesteld"))
        let annasNumbers = options
        var bramsMenu: Reply
        (bramsMenu, options) = try await Self.menu(assistant, bram)
        #expect(!Self.text(bramsMenu).contains("Te doen"), "Bram confirmed his own version")
        #expect(options == annasNumbers, "the same phase, the same numbers, whatever waits")

        // ---------------------------------------------------------------- Anna confirms: fixed, phase 3
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "confirm_plan")
        #expect(Self.text(reply).contains("Duur: 14 weken"))
        #expect(reply.prompt?.slot == "plan.confirm")
        reply = try await Self.say(assistant, anna, ["ja"])
        #expect(Self.text(reply).contains("Jullie hebben allebei dezelfde planning bevestigd"))
        #expect(reply.phase == .activiteiten)
        // The context check is offered right away; Anna postpones it.
        #expect(reply.prompt?.slot == "context.offer")
        #expect(Self.text(reply).contains("Nu de planning vastligt"))
        reply = try await Self.say(assistant, anna, ["later"])
        #expect(reply.prompt?.slot == "menu.action", "'later' chooses the option here, it does not pause")
        #expect(Self.text(reply).contains("De contextcheck blijft in het menu staan"))
        plan = try #require(try await fixture.repository.read { try $0.plan(of: pairID) })
        #expect(plan.fixedAt != nil)
        #expect(try await fixture.repository.read { try $0.participant(bram)?.phase } == .activiteiten)
        (reply, options) = try await Self.menu(assistant, anna)
        #expect(options.contains("log_activity") && options.contains("progress") && options.contains("start_evaluation"))
        #expect(options.contains("context_check") && options.contains("report_bottleneck"))
        #expect(!options.contains("confirm_plan"))
        #expect(reply.prompt?.options?.first { $0.value == "context_check" }?.label.hasSuffix("gedaan: nee") == true,
                "the menu marks the context check as not done")
        // Bram, who confirmed first, is told at his next turn, with the context check waiting.
        (reply, _) = try await Self.menu(assistant, bram)
        #expect(Self.text(reply).contains("Doe eerst de contextcheck in het menu"))

        // ---------------------------------------------------------------- activities, weeks apart
        clock.advance(days: 14)
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "log_activity")
        #expect(reply.prompt?.slot == "activity.type")
        reply = try await Self.say(assistant, anna, ["werkplekbezoek", "vandaag", "4", "Lessen bijgewoond bij Bram op kantoor.", "nee"])
        #expect(Self.text(reply).contains("De activiteit is vastgelegd"))
        #expect(!reply.messages.contains { $0.kind == .advice })
        // Her first meeting: the click question.
        #expect(reply.prompt?.slot == "click.answer")
        reply = try await Self.say(assistant, anna, ["ja"])
        #expect(reply.prompt?.slot == "menu.action")

        (reply, options) = try await Self.menu(assistant, bram)
        #expect(Self.text(reply).contains("Anna de Vries heeft een activiteit vastgelegd"))
        #expect(Self.text(reply).contains("Te doen: Anna de Vries heeft een activiteit vastgelegd die op jouw bevestiging wacht. Typ 'bevestig activiteit'."))
        #expect(!options.contains("confirm_activity"))
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "confirm_activity")
        #expect(Self.text(reply).contains("Anna de Vries legde vast: Werkplekbezoek"))
        reply = try await Self.say(assistant, bram, ["ja"])
        #expect(Self.text(reply).contains("Bevestigd, dank je."))
        // Bram's first meeting is the one he confirmed: his click question.
        #expect(reply.prompt?.slot == "click.answer")
        reply = try await Self.say(assistant, bram, ["een beetje"])
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("Een klik groeit") })
        (_, options) = try await Self.menu(assistant, bram)
        #expect(!options.contains("confirm_activity"))

        clock.advance(days: 21)
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "log_activity")
        reply = try await Self.say(assistant, bram, ["gastles", "gisteren", "3", "Gastles over data in de praktijk.", "nee"])
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "confirm_activity")
        reply = try await Self.say(assistant, anna, ["ja"])
        #expect(Self.text(reply).contains("Bevestigd, dank je."))

        var activities = try await fixture.repository.read { try $0.activities(of: pairID) }
        #expect(activities.count == 2, "each activity counts once for the pair")
        #expect(activities.allSatisfy { $0.confirmedAt != nil })
        #expect(Set(activities.map(\.loggedBy)) == [anna, bram])

        // Five weeks after the plan was fixed: on track.
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "progress")
        #expect(Self.text(reply).contains("Ontmoetingen: 2 / 8"))
        #expect(Self.text(reply).contains("Uren: 7 / 24"))
        #expect(Self.text(reply).contains("Weken: 5 / 14"))
        #expect(Self.text(reply).contains("✓ Werkplekbezoek: gedaan (1 keer)"))
        #expect(Self.text(reply).contains("✓ Gastles: gedaan (1 keer)"))
        #expect(Self.text(reply).contains("• Training: nog niet gedaan"))
        #expect(!Self.text(reply).contains("niet gepland"), "nothing done that was not planned")
        #expect(!reply.messages.contains { $0.kind == .advice })

        // Five weeks later, nothing more done: behind, with a gentle nudge.
        clock.advance(days: 35)
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "progress")
        #expect(Self.text(reply).contains("Weken: 10 / 14"))
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("Jullie lopen wat achter op de planning") })

        // The context check: partly agreed.
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "context_check")
        #expect(Self.text(reply).contains("Jullie planning gaat uit van 24 uur per deelnemer in 14 weken"))
        reply = try await Self.say(assistant, bram, ["gedeeltelijk"])
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("realistisch beeld") })
        #expect(reply.prompt?.slot == "context.confidentiality_agreed")
        reply = try await Self.say(assistant, bram, ["ja"])
        #expect(reply.prompt?.slot == "menu.action")
        #expect(try await fixture.repository.read { try $0.managerAgreement(of: bram) } == .partly)

        // Catching up.
        for (who, partner) in [(anna, bram), (bram, anna), (anna, bram)] {
            clock.advance(days: 7)
            _ = try await OpenMatchingFlowTests.choose(assistant, who, "log_activity")
            _ = try await Self.say(assistant, who, ["sparren", "vandaag", "6", "Gesprek over drijfveren.", "nee"])
            _ = try await OpenMatchingFlowTests.choose(assistant, partner, "confirm_activity")
            _ = try await Self.say(assistant, partner, ["ja"])
        }
        activities = try await fixture.repository.read { try $0.activities(of: pairID) }
        #expect(activities.count == 5)
        #expect(activities.allSatisfy { $0.confirmedAt != nil })
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "progress")
        #expect(Self.text(reply).contains("Ook gedaan, maar niet gepland: Sparren over drijfveren"))

        // ---------------------------------------------------------------- Anna evaluates
        clock.advance(days: 7)
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "start_evaluation")
        #expect(reply.prompt?.slot == "evaluation.start_confirm")
        reply = try await Self.say(assistant, anna, ["ja"])
        #expect(Self.text(reply).contains("Jouw doel: Zien hoe wiskunde in het bedrijfsleven wordt gebruikt"))
        #expect(reply.prompt?.slot == "evaluation.goal_result")
        reply = try await Self.say(assistant, anna, ["bereikt", "De lesbezoeken hielpen."])
        #expect(Self.text(reply).contains("Gezamenlijk doel: Samen een lessenserie over statistiek maken"))
        #expect(!Self.text(reply).contains("Ontdekken of lesgeven"), "Bram's own goal is his to evaluate")
        reply = try await Self.say(assistant, anna, ["gedeeltelijk", "overslaan"])
        #expect(reply.prompt?.slot == "evaluation.helpful_steps")
        reply = try await Self.say(assistant, anna, ["1, 6", "overslaan", "lessenserie, presentatie", "Nieuw lesmateriaal."])
        #expect(reply.prompt?.slot == "evaluation.manager_discussed")
        reply = try await Self.say(assistant, anna, ["ja", "zeer waardevol", "ja", "Graag volgend jaar weer, met twee collega's.", "ja"])
        #expect(Self.text(reply).contains("Het traject sluit zodra Bram Bakker de evaluatie ook heeft afgerond"))
        // The report as Markdown in a code block, with her own evaluation but not yet Bram's.
        let report = try #require(reply.messages.first { $0.kind == .summary && $0.text.hasPrefix("```\n# Job Twinning") }?.text)
        #expect(report.hasSuffix("\n```"))
        #expect(report.contains("## Evaluatie van Anna de Vries"))
        #expect(report.contains("- De leidinggevende: “Graag volgend jaar weer, met twee collega's.”"))
        #expect(!report.contains("## Evaluatie van Bram Bakker"))
        #expect(report.contains("## Je ervaringen delen"))
        #expect(reply.phase == .afronding)
        #expect(reply.prompt?.slot == "menu.action")
        var finished: Reply
        (finished, options) = try await Self.menu(assistant, anna)
        #expect(options.contains("continue_evaluation") && !options.contains("start_evaluation"), "phase 4 keeps its numbers")
        finished = try await OpenMatchingFlowTests.choose(assistant, anna, "continue_evaluation")
        #expect(Self.text(finished).contains("Je evaluatie is klaar. Zodra Bram Bakker de evaluatie ook heeft afgerond"))

        let annaEvaluation = try #require(try await fixture.repository.read { try $0.evaluation(of: anna, pairID: pairID) })
        #expect(annaEvaluation.outcomes.map(\.result) == [.reached, .partly])
        #expect(annaEvaluation.helpfulSteps == ["matching", "activities"])
        #expect(annaEvaluation.unhelpfulSteps.isEmpty)
        #expect(annaEvaluation.products == ["lesson_series", "presentation"])
        #expect(annaEvaluation.followUp == true)
        #expect(annaEvaluation.managerView == ManagerView(discussed: true, valuation: .high, wantsSequel: true,
                                                          words: "Graag volgend jaar weer, met twee collega's."))
        #expect(annaEvaluation.finishedAt != nil)
        #expect(try await fixture.repository.read { try $0.allPairs().first?.status } == .confirmed)

        // ---------------------------------------------------------------- Bram evaluates: closed
        (reply, options) = try await Self.menu(assistant, bram)
        #expect(Self.text(reply).contains("Anna de Vries heeft de evaluatie afgerond"))
        #expect(options.contains("start_evaluation"))
        reply = try await OpenMatchingFlowTests.choose(assistant, bram, "start_evaluation")
        reply = try await Self.say(assistant, bram, ["ja"])
        var results = ["reached", "not_reached"].makeIterator()
        while reply.prompt?.slot == "evaluation.goal_result" {
            reply = try await Self.say(assistant, bram, [try #require(results.next()), "overslaan"])
        }
        #expect(reply.prompt?.slot == "evaluation.helpful_steps")
        reply = try await Self.say(assistant, bram, ["2, 3, 7", "4", "blog", "Contacten met het onderwijs.", "nee", "nee"])
        #expect(Self.text(reply).contains("Jullie hebben allebei de evaluatie afgerond: het traject is afgesloten."))
        #expect(reply.phase == .afgerond)

        let (pair, finalEvents, phases) = try await fixture.repository.read { reader in
            (try reader.allPairs().first, try reader.events(), try [anna, bram].map { try reader.participant($0)?.phase })
        }
        #expect(pair?.status == .closed)
        #expect(phases == [.afgerond, .afgerond])
        #expect(finalEvents.filter { $0.kind == .trajectoryClosed }.count == 1)
        #expect(finalEvents.first { $0.kind == .trajectoryClosed }?.participants == [anna, bram])
        let bramEvaluation = try #require(try await fixture.repository.read { try $0.evaluation(of: bram, pairID: pairID) })
        #expect(bramEvaluation.managerView == ManagerView(discussed: false), "not talked with the manager: no valuation")

        // ---------------------------------------------------------------- Anna hears it; a closing word
        (reply, options) = try await Self.menu(assistant, anna)
        #expect(reply.phase == .afgerond)
        #expect(Self.text(reply).contains("het traject is afgesloten"))
        #expect(options.first == "closing")
        #expect(!options.contains("log_activity") && !options.contains("plan"))
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "closing")
        #expect(Self.text(reply).contains("Jullie Job Twinning-traject is afgerond."))
        #expect(Self.text(reply).contains("Gezamenlijke doelen:"))

        // ---------------------------------------------------------------- the report, now with both evaluations
        (_, options) = try await Self.menu(assistant, anna)
        #expect(options.contains("my_report"))
        reply = try await OpenMatchingFlowTests.choose(assistant, anna, "my_report")
        #expect(Self.text(reply).contains("## Evaluatie van Anna de Vries"))
        #expect(Self.text(reply).contains("## Evaluatie van Bram Bakker"))
        #expect(Self.text(reply).contains("- Besproken met de leidinggevende: nee"))
        #expect(reply.prompt?.slot == "menu.action")
    }

    @Test("advice never blocks: a plan under the guideline is kept with a reason that is stored with it")
    func deviationReasonStored() async throws {
        let fixture = try AssistantFixture()
        let anna = Self.anna, bram = Self.bram
        try await OpenMatchingFlowTests.intake(fixture.assistant, anna, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(fixture.assistant, bram, OpenMatchingFlowTests.professionalIntake, open: false)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let pairID = try #require(try await service.apply(try await service.propose(method: .optimal)).first?.id)

        _ = try await fixture.assistant.handle(participant: anna, text: "status", lang: .en)
        _ = try await OpenMatchingFlowTests.choose(fixture.assistant, anna, "plan")
        var reply = try await Self.say(fixture.assistant, anna, ["12", "5", "19.5"])
        let advice = reply.messages.filter { $0.kind == .advice }.map(\.text)
        #expect(advice.count == 3, "short, few meetings, few hours: \(advice)")
        reply = try await Self.say(fixture.assistant, anna, ["yes", "Our school year ends early.", "guest lesson", "May and June", "weekly call"])
        #expect(Self.text(reply).contains("Deviation from the guideline (shorter than three months; fewer than six meetings; fewer than 20 hours), reason: Our school year ends early."))
        let plan = try #require(try await fixture.repository.read { try $0.plan(of: pairID) })
        #expect(plan.deviationReasons == [.shortDuration: "Our school year ends early.", .fewMeetings: "Our school year ends early.",
                                          .fewHours: "Our school year ends early."])

        // A plan within the guideline later drops the reasons.
        _ = try await OpenMatchingFlowTests.choose(fixture.assistant, anna, "plan")
        reply = try await Self.say(fixture.assistant, anna, ["yes", "13", "6", "20"])
        #expect(!reply.messages.contains { $0.kind == .advice })
        _ = try await Self.say(fixture.assistant, anna, ["workplace visit", "May to July", "weekly call"])
        let revised = try #require(try await fixture.repository.read { try $0.plan(of: pairID) })
        #expect(revised.version == 2)
        #expect(revised.deviationReasons.isEmpty)
    }

    @Test("a change of the fixed plan in phase 3 re-opens the other's confirmation; agreeing again keeps phase 3")
    func changeInPhaseThree() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant, anna = Self.anna, bram = Self.bram
        try await OpenMatchingFlowTests.intake(assistant, anna, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, bram, OpenMatchingFlowTests.professionalIntake, open: false)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let pairID = try #require(try await service.apply(try await service.propose(method: .optimal)).first?.id)

        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "plan")
        _ = try await Self.say(assistant, anna, ["13", "6", "20", "werkplekbezoek", "voorjaar", "elke week bellen"])
        _ = try await OpenMatchingFlowTests.choose(assistant, bram, "confirm_plan")
        var reply = try await Self.say(assistant, bram, ["ja"])
        #expect(reply.phase == .activiteiten)
        reply = try await Self.say(assistant, bram, ["later"])
        #expect(reply.prompt?.slot == "menu.action", "the context check offered with the fixed plan is postponed")
        let fixedAt = try #require(try await fixture.repository.read { try $0.plan(of: pairID)?.fixedAt })

        fixture.clock.advance(days: 21)
        _ = try await OpenMatchingFlowTests.choose(assistant, bram, "plan")
        reply = try await Self.say(assistant, bram, ["ja", "16", "6", "24", "werkplekbezoek", "voorjaar en zomer", "elke week bellen"])
        #expect(Self.text(reply).contains("Planning (versie 2):"))

        var (menu, options) = try await Self.menu(assistant, anna)
        #expect(menu.phase == .activiteiten)
        #expect(options.first == "goals" && Self.text(menu).contains("Te doen: Bram Bakker heeft een planning voorgesteld"))
        #expect(Self.text(menu).contains("Bram Bakker heeft de planning aangepast (versie 2)"))
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "confirm_plan")
        reply = try await Self.say(assistant, anna, ["ja"])
        #expect(Self.text(reply).contains("Jullie hebben allebei de nieuwe versie van de planning bevestigd"))
        #expect(reply.phase == .activiteiten)
        // Agreed again, and Anna has not done the context check yet: it is offered to her too.
        #expect(reply.prompt?.slot == "context.offer")
        let plan = try #require(try await fixture.repository.read { try $0.plan(of: pairID) })
        #expect(plan.isAgreed(teacher: anna, professional: bram))
        #expect(plan.fixedAt == fixedAt, "progress keeps counting from the first fixing")
        (menu, options) = try await Self.menu(assistant, bram)
        #expect(Self.text(menu).contains("Jullie hebben allebei de nieuwe versie van de planning bevestigd"), "Bram hears it too")
        #expect(!options.contains("confirm_plan"))
    }
}
