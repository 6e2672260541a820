import TwinLanguage
import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// Consent for processing, asked at the intake: recorded with time and text version, an
/// append-only history, nothing kept or asked without it.
@Suite("Consent for processing", .onBothStores)
struct ConsentTests {
    @Test("the first reply is short: Job Twinning in two lines, the data in three with 'meer' for all of it, then the question")
    func shortOpening() async throws {
        for (language, more, full, phases) in [(Language.nl, "meer", "De hele privacyverklaring.", "Het traject heeft vier fases"),
                                               (.en, "more", "The whole privacy statement.", "The programme has four phases")] {
            let fixture = try AssistantFixture()
            let sanne = AssistantFixture.id("api:sanne")
            let opening = try await fixture.assistant.open(participant: sanne, lang: language)
            let lines = opening.messages.flatMap { $0.text.split(separator: "\n") }
            #expect(lines.count == 2 + 3 + 1, "two lines, three, and the question: \(lines)")
            #expect(!opening.messages.contains { $0.text.contains(phases) }, "the phases come after the yes")
            #expect(!opening.messages.contains { $0.text.contains(full) })
            let whole = try await fixture.assistant.handle(participant: sanne, text: more)
            #expect(whole.messages.contains { $0.text.hasPrefix(full) && $0.text.contains("- Hoe lang:") || $0.text.contains("- How long:") })
            #expect(whole.prompt?.slot == "consent.processing", "'\(more)' answers nothing")
            let yes = try await fixture.assistant.handle(participant: sanne, text: language == .nl ? "ja" : "yes")
            #expect(yes.messages.contains { $0.text.contains(phases) })
            #expect(yes.prompt?.slot == "profile.name")
        }
    }

    @Test("a yes is recorded with the time and the text version before any profile question")
    func yesIsRecorded() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna")
        let opening = try await fixture.assistant.open(participant: anna)
        #expect(opening.prompt?.slot == "consent.processing")
        #expect(opening.prompt?.type == .yesno)
        #expect(opening.messages.contains { $0.text.contains("'Mijn gegevens' in het menu") })
        #expect(!opening.messages.contains { $0.text.contains("letterlijke tekst") }, "texts are not kept by default, so not mentioned")
        let reply = try await fixture.assistant.handle(participant: anna, text: "ja")
        #expect(reply.prompt?.slot == "profile.name")
        let decisions = try await fixture.repository.read { try $0.consentDecisions(of: anna) }
        #expect(decisions == [ConsentDecision(purpose: .processing, textVersion: "processing-2026-12b", given: true,
                                              recordedAt: fixture.clock.now())])
        #expect(try await fixture.repository.read { try $0.hasConsent(.processing, of: anna) })
    }

    @Test("a no is recorded, nothing more is asked and no menu is offered; the next message asks again; a later yes is a new row")
    func noThenYes() async throws {
        let fixture = try AssistantFixture()
        let sam = AssistantFixture.id("api:sam")
        _ = try await fixture.assistant.open(participant: sam)
        var reply = try await fixture.assistant.handle(participant: sam, text: "nee")
        #expect(reply.messages.contains { $0.text.contains("ik stel je verder geen vragen") })
        #expect(reply.prompt?.slot == "consent.later")
        #expect(reply.prompt?.options == nil, "no menu")
        #expect(try await fixture.repository.read { try $0.hasConsent(.processing, of: sam) } == false)

        // Whatever comes next is not kept, and brings the statement and the question back.
        fixture.clock.advance(by: 60)
        reply = try await fixture.assistant.handle(participant: sam, text: "Mijn geheime bericht")
        #expect(reply.messages.contains { $0.text.contains("Over je gegevens: Job Twinning bewaart je profiel") })
        #expect(reply.prompt?.slot == "consent.processing")
        let answers = try await fixture.repository.read { try $0.answers(sam) }
        #expect(!answers.contains { $0.value.contains("Mijn geheime bericht") })
        let session = try #require(try await fixture.repository.read { try $0.session(sam) })
        #expect(!String(decoding: session.state, as: UTF8.self).contains("Mijn geheime bericht"))

        // A menu choice typed while waiting is no way around the question.
        reply = try await fixture.assistant.handle(participant: sam, text: "nee")
        reply = try await fixture.assistant.handle(participant: sam, text: "1")
        #expect(reply.prompt?.slot == "consent.processing")

        reply = try await fixture.assistant.handle(participant: sam, text: "ja")
        #expect(reply.prompt?.slot == "profile.name")
        let decisions = try await fixture.repository.read { try $0.consentDecisions(of: sam) }
        #expect(decisions.map(\.given) == [false, false, true], "append-only: every decision is a row")
        #expect(ConsentDecision.current(.processing, in: decisions)?.given == true)
        #expect(decisions.allSatisfy { $0.textVersion == "processing-2026-12b" })
        #expect(try await fixture.repository.read { try $0.profile(sam) } == nil)
    }

    @Test("'opnieuw' while waiting starts the consent question over")
    func restartWhileWaiting() async throws {
        let fixture = try AssistantFixture(language: .en)
        let sam = AssistantFixture.id("api:sam")
        _ = try await fixture.assistant.open(participant: sam)
        _ = try await fixture.assistant.handle(participant: sam, text: "no")
        var reply = try await fixture.assistant.handle(participant: sam, text: "restart")
        #expect(reply.prompt?.slot == "confirm.restart")
        reply = try await fixture.assistant.handle(participant: sam, text: "yes")
        #expect(reply.messages.contains { $0.text.contains("About your data: Job Twinning keeps your profile") })
        #expect(reply.prompt?.slot == "consent.processing")
    }

    @Test("save_profile refuses without consent: a custom intake that skips the question stores no profile")
    func saveProfileNeedsConsent() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-dialogs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dialogs")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".yaml") {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            if name == "intake.yaml" {
                #expect(text.contains("  - call: consent\n"))
                text = text.replacingOccurrences(of: "  - call: consent\n", with: "")
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let fixture = try AssistantFixture()
        let assistant = Assistant(program: try DialogLibrary.load(directory: folder.path), repository: fixture.repository, clock: fixture.clock)
        let eve = AssistantFixture.id("api:eve")
        let opening = try await assistant.open(participant: eve)
        #expect(opening.prompt?.slot == "profile.name")
        var reply: Reply?
        for answer in AssistantFixture.intakeAnswers { reply = try await assistant.handle(participant: eve, text: answer) }
        #expect(reply?.messages.contains { $0.kind == .warning && $0.text.contains("geen toestemming") } == true)
        #expect(try await fixture.repository.read { try $0.profile(eve) } == nil)
    }

    @Test("someone at the menu who was never asked (a conversation from before) gets the question before any choice")
    func menuWithoutConsent() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna")
        try await OpenMatchingFlowTests.intake(fixture.assistant, anna, AssistantFixture.intakeAnswers)
        // As a conversation stored before the intake asked for consent: no answer, no record.
        try await fixture.repository.transaction { tx in
            guard let stored = try tx.session(anna) else { return }
            var state = try JSONDecoder().decode(SessionState.self, from: stored.state)
            state.slots["consent.processing"] = nil
            try tx.saveSession(StoredSession(participant: anna, state: try JSONEncoder().encode(state), turns: stored.turns + 1,
                                             updatedAt: stored.updatedAt))
        }
        let legacy = try fixture.reopened()
        // The explanation stays open.
        var reply = try await OpenMatchingFlowTests.choose(legacy, anna, "help")
        #expect(reply.messages.contains { $0.text.contains("Job Twinning in het kort") })
        #expect(reply.prompt?.slot == "menu.action")
        // Anything else asks for consent first, then comes back to the menu.
        reply = try await OpenMatchingFlowTests.choose(legacy, anna, "profile")
        #expect(reply.messages.contains { $0.text.contains("Over je gegevens: Job Twinning bewaart je profiel") })
        #expect(reply.prompt?.slot == "consent.processing")
        reply = try await legacy.handle(participant: anna, text: "ja")
        #expect(reply.messages.contains { $0.text.contains("Je toestemming is vastgelegd") })
        #expect(reply.prompt?.slot == "menu.action")
        reply = try await OpenMatchingFlowTests.choose(legacy, anna, "profile")
        #expect(reply.messages.contains { $0.kind == .summary && $0.text.contains("Anna de Vries") })
    }
}
