import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// What a participant in phase 3 tells the coordinator through the chat: the context check
/// (offered, postponed, flagged when left undone), the click question after the first meeting,
/// and a knelpunt raised with 'Er loopt iets niet'.
@Suite("Signals from participants in phase 3", .onBothStores)
struct ParticipantSignalTests {
    static let anna = AssistantFixture.id("api:anna")
    static let bram = TranscriptPair.partnerID

    /// Anna and Bram in phase 3 (the transcripts' `pair: activiteiten`): plan fixed four weeks
    /// ago, Bram's workplace visit waiting for Anna's confirmation.
    static func phaseThree() async throws -> AssistantFixture {
        let fixture = try AssistantFixture()
        let setup = TranscriptPair(stage: .activiteiten, participant: anna, language: .nl, now: fixture.clock.now())
        _ = try await setup.prepare(in: fixture.repository, program: try DialogLibrary.load(directory: nil))
        return fixture
    }

    static func events(_ fixture: AssistantFixture, _ kind: ProgrammeEvent.Kind) async throws -> [ProgrammeEvent] {
        try await fixture.repository.read { try $0.events() }.filter { $0.kind == kind }
    }

    @Test("the click question follows the first confirmed meeting, once; a no is the coordinator's bottleneck, not the partner's news")
    func clickQuestion() async throws {
        let fixture = try await Self.phaseThree()
        let assistant = fixture.assistant, anna = Self.anna
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "confirm_activity")
        var reply = try await assistant.handle(participant: anna, text: "ja")
        #expect(reply.prompt?.slot == "click.answer")
        #expect(TrajectoryFlowTests.text(reply).contains("Is er een klik tussen jou en Bram Bakker?"))
        #expect(reply.prompt?.options?.map(\.value) == ["yes", "somewhat", "no"])
        reply = try await assistant.handle(participant: anna, text: "nee")
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("De coördinator ziet je antwoord (je partner niet)") })
        #expect(reply.prompt?.slot == "menu.action")

        let pairID = "transcript-pair"
        let stored = try await fixture.repository.read { try $0.clickCheck(of: anna, pairID: pairID) }
        #expect(stored?.answer == ClickAnswer.no)
        let open = try await fixture.repository.read { try $0.openBottlenecks(of: pairID) }
        #expect(open.contains { $0.kind == .noClick && $0.participant == anna })
        #expect(try await Self.events(fixture, .bottleneckReported).map(\.participants) == [[anna]])
        #expect(try await Self.events(fixture, .bottleneckFlagged).isEmpty, "the pair is not told")
        #expect(try await fixture.repository.read { try $0.pendingNotices(for: Self.bram) }.isEmpty)

        // Asked once: the next activity goes straight back to the menu; the scan keeps the bottleneck.
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "log_activity")
        reply = try await TrajectoryFlowTests.say(assistant, anna, ["sparren", "vandaag", "2", "Gesprek over drijfveren.", "nee"])
        #expect(reply.prompt?.slot == "menu.action")
        let afterScan = try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now())
        #expect(afterScan.contains { $0.kind == .noClick && $0.participant == anna })
    }

    @Test("'Er loopt iets niet': stored with the words, one open bottleneck, an event per report, the programme's mitigations")
    func raiseKnelpunt() async throws {
        let fixture = try await Self.phaseThree()
        let assistant = fixture.assistant, anna = Self.anna
        var reply = try await OpenMatchingFlowTests.choose(assistant, anna, "report_bottleneck")
        #expect(reply.prompt?.slot == "knelpunt.topic")
        #expect(reply.prompt?.options?.map(\.value) == ["no_click", "no_time", "partner_not_responding", "confidentiality", "other"])
        reply = try await TrajectoryFlowTests.say(assistant, anna, ["mijn partner reageert niet", "Bram belt al twee weken niet terug."])
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("bellen in plaats van een bericht") })
        #expect(TrajectoryFlowTests.text(reply).contains("Je partner krijgt er geen bericht over."))
        #expect(reply.prompt?.slot == "menu.action")

        // A second report, without words: skipping is allowed except for 'something else'.
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "report_bottleneck")
        reply = try await TrajectoryFlowTests.say(assistant, anna, ["geen tijd", "overslaan"])
        #expect(reply.messages.contains { $0.kind == .advice && $0.text.contains("professionalisering") })
        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "report_bottleneck")
        reply = try await TrajectoryFlowTests.say(assistant, anna, ["iets anders", "overslaan"])
        #expect(reply.prompt?.slot == "knelpunt.words", "something else needs the words")
        _ = try await assistant.handle(participant: anna, text: "We vinden geen moment dat ons allebei past.")

        let reports = try await fixture.repository.read { try $0.reportedBottlenecks(of: "transcript-pair") }
        #expect(reports.map(\.topic) == [.partnerNotResponding, .noTime, .other])
        #expect(reports.map(\.words) == ["Bram belt al twee weken niet terug.", nil, "We vinden geen moment dat ons allebei past."])
        #expect(reports.allSatisfy { $0.participant == anna })
        let open = try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now())
        #expect(open.filter { $0.kind == .reported }.map(\.participant) == [anna], "one open bottleneck, kept by the scan")
        #expect(try await Self.events(fixture, .bottleneckReported).count == 3, "the coordinator hears of every report")
        #expect(try await fixture.repository.read { try $0.pendingNotices(for: Self.bram) }.isEmpty, "Bram is not told")
    }

    @Test("the context check: offered with the fixed plan, 'later' postpones it, the menu marks it, and the coordinator is told after the threshold")
    func contextCheck() async throws {
        let fixture = try await Self.phaseThree()
        let assistant = fixture.assistant, anna = Self.anna
        var (menu, _) = try await TrajectoryFlowTests.menu(assistant, anna)
        #expect(menu.prompt?.options?.first { $0.value == "context_check" }?.label
                == "Contextcheck: afspraken met je leidinggevende — gedaan: nee")

        // The plan was fixed four weeks ago: past the default threshold of two weeks, not past five.
        let lenient = BottleneckDetector(contextCheckDays: 35)
        #expect(!(try await BottleneckScan.scan(fixture.repository, detector: lenient, now: fixture.clock.now()))
            .contains { $0.kind == .contextCheckMissing })
        var open = try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now())
        #expect(Set(open.filter { $0.kind == .contextCheckMissing }.compactMap(\.participant)) == [anna, Self.bram])

        _ = try await OpenMatchingFlowTests.choose(assistant, anna, "context_check")
        let reply = try await TrajectoryFlowTests.say(assistant, anna, ["ja", "ja"])
        #expect(TrajectoryFlowTests.text(reply).contains("De contextcheck is klaar."))
        (menu, _) = try await TrajectoryFlowTests.menu(assistant, anna)
        #expect(menu.prompt?.options?.first { $0.value == "context_check" }?.label.hasSuffix("gedaan: ja") == true)
        open = try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now())
        #expect(open.filter { $0.kind == .contextCheckMissing }.compactMap(\.participant) == [Self.bram], "resolved for Anna")
    }
}
