import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// What happens to the people an erased person shared a programme with, whichever way the
/// erasure came (`jobtwin erase`, the retention purge, the chat): the same notice for the
/// partner, the pair marked for the coordinator's decision, sensible texts for the partner who
/// remains, and the coordinator's decision — matched again, or closed alone.
@Suite("A partner erased", .onBothStores)
struct PartnerErasedTests {
    static let zoe = DataRightsTests.zoe, bram = DataRightsTests.bram
    static let boss = AssistantFixture.id("api:boss")

    static func text(_ reply: Reply) -> String { reply.messages.map(\.text).joined(separator: "\n") }

    /// Zoe and Bram in a confirmed pair, Carla unmatched, `boss` a coordinator; Zoe erased with
    /// `reason`. Returns the fixture and the pair id.
    static func erasedPartner(_ reason: ParticipantErasure.Reason = .command) async throws -> (AssistantFixture, String) {
        let fixture = try AssistantFixture(coordinators: [boss])
        let pairID = try await DataRightsTests.programme(fixture)
        // The participant's own request is logged as their stand-in, anyone else's as who ran it.
        let erased = try await ParticipantErasure.erase(zoe, reason: reason, actor: reason == .ownRequest ? nil : "repl:admin",
                                                        repository: fixture.repository,
                                                        now: fixture.clock.now())
        #expect(erased?.compacted == true)
        return (fixture, pairID)
    }

    @Test("every erasure path leaves the partner the same nameless notice, flags the pair for the coordinator and is audited",
          arguments: [ParticipantErasure.Reason.command, .retention("a rule"), .ownRequest])
    func samePartnerNotice(_ reason: ParticipantErasure.Reason) async throws {
        let (fixture, pairID) = try await Self.erasedPartner(reason)
        let reply = try await fixture.assistant.handle(participant: Self.bram, text: "status")
        #expect(reply.messages.contains { $0.text.hasPrefix("Je Job Twinning-partner doet niet meer mee; zijn of haar gegevens zijn verwijderd.") })
        #expect(!Self.text(reply).contains("Zoetelief"))
        #expect(!Self.text(reply).contains("eigen verzoek"), "the notice does not say why, true for every path")

        let (open, events, log) = try await (fixture.repository.read { try $0.openBottlenecks(of: pairID) },
                                             fixture.repository.read { try $0.events() }, fixture.repository.auditLog())
        #expect(open.map(\.kind) == [.partnerLeft])
        #expect(open.first?.participant == Self.bram)
        #expect(events.contains { $0.kind == .bottleneckFlagged && $0.pairID == pairID && $0.participants == [Self.bram] })
        let entry = try #require(log.last)
        #expect(entry.action == reason.auditAction)
        #expect(entry.subject?.hasPrefix("erased:") == true)
        #expect(entry.actor == (reason == .ownRequest ? entry.subject : "repl:admin"))
        #expect(!log.contains { $0.subject == Self.zoe.description || $0.actor == Self.zoe.description })
    }

    @Test("`jobtwin erase`'s path declines a match proposal and tells the other side, as the chat's does")
    func proposalDeclined() async throws {
        let fixture = try AssistantFixture()
        try await fixture.proposedPair(teacher: Self.zoe, professional: Self.bram)
        _ = try await ParticipantErasure.erase(Self.zoe, reason: .command, actor: "repl:admin", repository: fixture.repository,
                                               now: fixture.clock.now())
        #expect(try await fixture.repository.read { try $0.allPairs().first?.status } == .declined)
        let reply = try await fixture.assistant.handle(participant: Self.bram, text: "status")
        #expect(reply.messages.contains { $0.text.contains("Het matchvoorstel gaat niet door") })
        #expect(try await fixture.repository.read { try $0.openBottlenecks(of: nil) }.isEmpty, "a proposal was no trajectory")
    }

    @Test("the partner who remains sees what happened instead of 'duo met —', and is offered nothing that needs the partner")
    func remainingPartner() async throws {
        let (fixture, pairID) = try await Self.erasedPartner()
        let (menu, options) = try await TrajectoryFlowTests.menu(fixture.assistant, Self.bram)
        #expect(menu.prompt?.slot == "menu.action")
        for needsPartner in ["plan", "confirm_plan", "log_activity", "confirm_activity"] {
            #expect(!options.contains(needsPartner), "\(needsPartner) needs a partner")
        }
        #expect(options.contains("goals") && options.contains("my_data"))

        let status = try await OpenMatchingFlowTests.choose(fixture.assistant, Self.bram, "matching_status")
        let text = Self.text(status)
        #expect(text.contains("Je partner doet niet meer mee"))
        #expect(text.contains("De coördinator beslist samen met je hoe je verdergaat"))
        #expect(!text.contains("—"), "no empty partner name")
        #expect(!text.contains("erased:"))

        // The goals show whose they are without an id; the erased partner's own goal is gone.
        let goals = try await OpenMatchingFlowTests.choose(fixture.assistant, Self.bram, "goals")
        #expect(!Self.text(goals).contains("erased:"))

        // The report for his manager names nobody and shows no id.
        let service = ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let (report, _) = try await service.participantReport(Self.bram, language: .nl)
        #expect(report.markdown.contains("Partner: (verwijderde deelnemer)"))
        #expect(!report.markdown.contains("erased:"))
        #expect(try await fixture.repository.read { try $0.allPairs().first { $0.id == pairID }?.status } == .confirmed)
    }

    @Test("the coordinator's overview and bottlenecks mark the pair as needing a decision, without the stand-in's id")
    func coordinatorSeesDecisionNeeded() async throws {
        let (fixture, _) = try await Self.erasedPartner()
        let home = try await fixture.assistant.open(participant: Self.boss)
        let overview = Self.text(try await CoordinatorChatTests.choose(fixture.assistant, Self.boss, "overview", in: home))
        #expect(overview.contains("(verwijderde deelnemer) & Bram Bakker — confirmed — partner doet niet meer mee, beslissing nodig"))
        #expect(overview.contains("Knelpunt: partner_left (Bram Bakker)"))
        #expect(!overview.contains("erased:"))
        #expect(!overview.contains("no_activity") && !overview.contains("plan_not_confirmed"), "the figures of a stopped trajectory are no bottleneck")

        let bottlenecks = Self.text(try await CoordinatorChatTests.choose(fixture.assistant, Self.boss, "bottlenecks", in: home))
        #expect(bottlenecks.contains("(verwijderde deelnemer) & Bram Bakker (Bram Bakker): partner_left"))
        #expect(bottlenecks.contains("Beslissing nodig"))

        let programme = try await ReportService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil),
                                                clock: fixture.clock, coordinators: [Self.boss]).programmeReport(language: .en).markdown
        #expect(programme.contains("| partner\\_left | 1 |"))
        #expect(programme.contains("| afgerond | 0 |"), "the stand-in is not counted as a participant")
    }

    @Test("the coordinator decides 'match again': the pair ends, the partner is back in the pool and told; audited")
    func settleRematch() async throws {
        let (fixture, pairID) = try await Self.erasedPartner()
        let assistant = fixture.assistant
        var reply = try await assistant.open(participant: Self.boss)
        reply = try await CoordinatorChatTests.choose(assistant, Self.boss, "settle", in: reply)
        #expect(Self.text(reply).contains("1. Bram Bakker (api:bram) — fase 2, kennismaking"))
        #expect(reply.prompt?.slot == "coordinator.settle_choice")
        reply = try await assistant.handle(participant: Self.boss, text: "1")
        #expect(reply.prompt?.slot == "coordinator.settle_decision")
        reply = try await assistant.handle(participant: Self.boss, text: "opnieuw matchen")
        #expect(Self.text(reply).contains("Vastgelegd: Bram Bakker gaat terug naar fase 1"))
        #expect(reply.prompt?.slot == "coordinator.action")

        let (pair, phase, open) = try await fixture.repository.read { reader in
            (try reader.allPairs().first { $0.id == pairID }, try reader.participant(Self.bram)?.phase, try reader.openBottlenecks(of: pairID))
        }
        #expect(pair?.status == .declined)
        #expect(phase == .matching)
        #expect(open.isEmpty)
        let pool = try await fixture.repository.read { try MatchingCore(program: try DialogLibrary.load(directory: nil)).pool(in: $0) }
        #expect(pool.round.professionals.contains { $0.id == Self.bram })

        let bram = try await assistant.handle(participant: Self.bram, text: "status")
        #expect(Self.text(bram).contains("je doet opnieuw mee aan de matching"))
        let (_, options) = try await TrajectoryFlowTests.menu(assistant, Self.bram)
        #expect(options.contains("open_profile") && !options.contains("goals"))
        let log = try await fixture.repository.auditLog()
        #expect(log.contains { $0.action == "coordinator.settle" && $0.subject == Self.bram.description && $0.actor == Self.boss.description })

        // Nothing left to decide.
        reply = try await CoordinatorChatTests.choose(assistant, Self.boss, "settle", in: reply)
        #expect(Self.text(reply).contains("Er is geen lopend duo waarvan een partner niet meer meedoet"))
    }

    @Test("the coordinator decides 'close alone': the partner finishes their own evaluation and the trajectory closes")
    func settleCloseAlone() async throws {
        let (fixture, pairID) = try await Self.erasedPartner()
        let assistant = fixture.assistant
        var reply = try await assistant.open(participant: Self.boss)
        reply = try await CoordinatorChatTests.choose(assistant, Self.boss, "settle", in: reply)
        reply = try await assistant.handle(participant: Self.boss, text: "Bram Bakker")
        reply = try await assistant.handle(participant: Self.boss, text: "alleen afronden")
        #expect(Self.text(reply).contains("Vastgelegd: het traject is afgesloten"))
        #expect(try await fixture.repository.read { try $0.participant(Self.bram)?.phase } == .afronding)

        // Bram: told, the evaluation on top, his own goal only, and the trajectory closes with his.
        var bram = try await assistant.handle(participant: Self.bram, text: "status")
        #expect(Self.text(bram).contains("je rondt je traject alleen af"))
        bram = try await OpenMatchingFlowTests.choose(assistant, Self.bram, "continue_evaluation")
        #expect(Self.text(bram).contains("Bram wil lesgeven"))
        #expect(!Self.text(bram).contains("Quarkpoot"))
        bram = try await TrajectoryFlowTests.say(assistant, Self.bram, ["bereikt", "overslaan", "1", "5", "1", "Nieuwe contacten."])
        #expect(bram.prompt?.slot == "evaluation.manager_discussed")
        bram = try await assistant.handle(participant: Self.bram, text: "nee")
        #expect(bram.prompt?.slot == "evaluation.follow_up")
        #expect(Self.text(bram).contains("andere wereld"))
        bram = try await assistant.handle(participant: Self.bram, text: "ja")
        #expect(Self.text(bram).contains("Je evaluatie is afgerond, en daarmee je Job Twinning-traject"))
        // His report, without anything of the erased partner.
        #expect(Self.text(bram).contains("## Evaluatie van Bram"))
        #expect(!Self.text(bram).contains("Quarkpoot"))
        let (pair, phase) = try await fixture.repository.read { (try $0.allPairs().first { $0.id == pairID }, try $0.participant(Self.bram)?.phase) }
        #expect(pair?.status == .closed)
        #expect(phase == .afgerond)
        let closing = try await OpenMatchingFlowTests.choose(assistant, Self.bram, "closing")
        #expect(Self.text(closing).contains("Je Job Twinning-traject is afgerond. Dank je wel voor je inzet!"))
        #expect(!Self.text(closing).contains("—"))
    }

    @Test("the decision is refused for a pair whose partners both take part, and for participants")
    func settleRefused() async throws {
        let fixture = try AssistantFixture(coordinators: [Self.boss])
        try await ProgrammeSeed.write(into: fixture.repository, now: fixture.clock.now())
        let program = try ProgrammeSeed.program(["intake": """
            dialog: intake
            title: {nl: Besluit, en: Decision}
            steps:
              - action: coordinator_settle_pair
                with: {pair: "'pair-ab'", decision: "'rematch'"}
                into: x.settled
              - say: {nl: "Uitkomst: {{x.settled}}", en: "Outcome: {{x.settled}}"}
              - handover: menu
            """])
        let assistant = Assistant(program: program, repository: fixture.repository, clock: fixture.clock,
                                  options: AssistantOptions(coordinators: [Self.boss]))
        let coordinator = try await assistant.open(participant: Self.boss)
        #expect(Self.text(coordinator).contains("Bij dat duo doen nog beide partners mee"))
        #expect(Self.text(coordinator).contains("Uitkomst: nee"))
        let participant = try await assistant.open(participant: AssistantFixture.id("api:mallory"))
        #expect(Self.text(participant).contains("Dit kan alleen een coördinator"))
        #expect(try await fixture.repository.read { try $0.allPairs().first?.status } == .confirmed)
    }
}
