import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinConfiguration

/// `conversations: {keep_texts: …}`: by default only answers are kept; when on, every turn of a
/// consenting participant stores what they sent and what was replied, in the turn's
/// transaction — and export, erasure and the retention purge cover those texts.
@Suite("Conversation texts", .onBothStores)
struct ConversationTextsTests {
    /// The turns of one participant: the opening, consent (an action: the full path) and one
    /// plain answer (the fast path).
    private func consentAndAnswer(_ assistant: Assistant, _ id: ParticipantID, name: String = "Anna de Vries") async throws -> [Reply] {
        [try await assistant.open(participant: id),
         try await assistant.handle(participant: id, text: "ja"),
         try await assistant.handle(participant: id, text: name)]
    }

    @Test("off by default: turns store no texts")
    func offByDefault() async throws {
        let fixture = try AssistantFixture()
        let anna = AssistantFixture.id("api:anna")
        _ = try await consentAndAnswer(fixture.assistant, anna)
        try await OpenMatchingFlowTests.intake(fixture.assistant, AssistantFixture.id("api:bram"), OpenMatchingFlowTests.professionalIntake)
        #expect(try await fixture.repository.read { try $0.conversationTexts(of: anna) }.isEmpty)
        #expect(try await fixture.repository.read { try $0.consentDecisions(of: anna) }.first?.textVersion == "processing-2026-12b")
    }

    @Test("on: the full-path and the fast-path turns store what came in and what went out; nothing before consent")
    func onStoresBothDirections() async throws {
        let fixture = try AssistantFixture(keepConversationTexts: true)
        let anna = AssistantFixture.id("api:anna")
        let replies = try await consentAndAnswer(fixture.assistant, anna)
        #expect(replies[0].messages.contains { $0.text.contains("letterlijke tekst van onze gesprekken") }, "the statement says texts are kept")

        let texts = try await fixture.repository.read { try $0.conversationTexts(of: anna) }
        // The opening came before consent: not kept. Then consent (full path) and the name (fast path).
        #expect(texts.map(\.direction) == [.incoming, .outgoing, .incoming, .outgoing])
        #expect(texts[0].text == "ja")
        #expect(texts[1].text.contains("Je toestemming is vastgelegd"))
        #expect(texts[1].text.hasSuffix("Hoe heet je? Graag je voor- en achternaam."))
        #expect(texts[2].text == "Anna de Vries")
        #expect(texts[3].text.contains("Ben je docent"))
        #expect(texts[3].text.contains("1. Docent"), "the choices as the channels number them")
        #expect(texts.allSatisfy { $0.at == fixture.clock.now() })
        let decision = try #require(try await fixture.repository.read { try $0.consentDecisions(of: anna) }.first)
        #expect(decision.textVersion == "processing-2026-12b+texts", "the version says the statement mentioned kept texts")

        // Commands are turns too; a second participant who says no keeps nothing.
        _ = try await fixture.assistant.handle(participant: anna, text: "status")
        #expect(try await fixture.repository.read { try $0.conversationTexts(of: anna) }.count == 6)
        let sam = AssistantFixture.id("api:sam")
        _ = try await fixture.assistant.open(participant: sam)
        _ = try await fixture.assistant.handle(participant: sam, text: "nee")
        _ = try await fixture.assistant.handle(participant: sam, text: "waarom eigenlijk?")
        #expect(try await fixture.repository.read { try $0.conversationTexts(of: sam) }.isEmpty)
    }

    @Test("the export holds the stored texts")
    func export() async throws {
        let fixture = try AssistantFixture(keepConversationTexts: true)
        let anna = AssistantFixture.id("api:anna")
        _ = try await consentAndAnswer(fixture.assistant, anna)
        let data = try await fixture.repository.exportPersonalData(of: anna, at: fixture.clock.now())
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: [[String: Any]]])
        let texts = try #require(tables["conversation_texts"])
        #expect(texts.map { $0["direction"] as? String } == ["in", "out", "in", "out"])
        #expect(texts.contains { $0["text"] as? String == "Anna de Vries" })
        let consents = try #require(tables["consents"])
        #expect(consents.count == 1)
        #expect(consents.first?["purpose"] as? String == "processing")
        #expect(consents.first?["text_version"] as? String == "processing-2026-12b+texts")
    }

    @Test("erasure deletes the person's texts and their name from other people's; the file's bytes hold neither")
    func erasure() async throws {
        let fixture = try AssistantFixture(keepConversationTexts: true)
        let zoe = AssistantFixture.id("api:zoe"), bram = AssistantFixture.id("api:bram")
        try await OpenMatchingFlowTests.intake(fixture.assistant, zoe, AssistantFixture.zoeAnswers)
        try await OpenMatchingFlowTests.intake(fixture.assistant, bram, OpenMatchingFlowTests.professionalIntake)
        _ = try await fixture.assistant.handle(participant: zoe, text: "Ik schrijf over quarkologie")
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        _ = try await service.apply(try await service.propose(method: .optimal))
        // Bram asks how his match is going: the reply names Zoe, and is kept with his texts.
        let status = try await OpenMatchingFlowTests.choose(fixture.assistant, bram, "matching_status")
        #expect(status.messages.contains { $0.text.contains("Zoetelief Quarkpoot") })
        #expect(try await fixture.repository.read { try $0.conversationTexts(of: bram) }.contains { $0.text.contains("Zoetelief Quarkpoot") })

        let standIn = try await fixture.repository.erasePersonalData(of: zoe, at: fixture.clock.now())
        #expect(standIn != nil)
        let bytes = try fixture.storedBytes()
        for secret in ["Zoetelief", "Quarkpoot", "quarkologie", "api:zoe"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the database file")
        }
        let (zoeTexts, zoeConsents, bramTexts) = try await fixture.repository.read { reader in
            (try reader.conversationTexts(of: zoe), try reader.consentDecisions(of: zoe), try reader.conversationTexts(of: bram))
        }
        #expect(zoeTexts.isEmpty)
        #expect(zoeConsents.isEmpty)
        #expect(bramTexts.contains { $0.text.contains("[verwijderd / erased]") }, "Bram keeps his texts, without her name")
        #expect(try await fixture.repository.read { try $0.consentDecisions(of: bram) }.count == 1)
    }

    @Test("the retention purge removes the texts and consent records of a closed trajectory")
    func retention() async throws {
        let fixture = try AssistantFixture(keepConversationTexts: true)
        try await ReportTests.closedTrajectory(fixture)
        let now = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            for id in [ReportTests.anna, ReportTests.bram] {
                try tx.record(ConsentDecision(purpose: .processing, textVersion: "processing-2026-12b+texts", given: true, recordedAt: now), for: id)
                try tx.save([ConversationText(at: now, direction: .incoming, text: "Remenergie is mijn vak"),
                             ConversationText(at: now, direction: .outgoing, text: "Dank je wel, Anna de Vries!")], for: id)
            }
        }
        let erased = try await RetentionPurge.run(fixture.repository, closedDays: 365, now: now.addingTimeInterval(366 * 86_400), actor: "test")
        #expect(Set(erased) == [ReportTests.anna, ReportTests.bram])
        for id in [ReportTests.anna, ReportTests.bram] {
            #expect(try await fixture.repository.read { try $0.conversationTexts(of: id) }.isEmpty)
            #expect(try await fixture.repository.read { try $0.consentDecisions(of: id) }.isEmpty)
        }
        let bytes = try fixture.storedBytes()
        #expect(bytes.range(of: Data("Remenergie is mijn vak".utf8)) == nil)
    }

    @Test("the setting is read from the configuration; a wrong type or key is an error naming the file and line")
    func configuration() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-conversations-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        func load(_ yaml: String) throws -> JobTwinConfiguration {
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            return try JobTwinConfiguration.load(file: file.path, environment: [:])
        }
        #expect(try load("language: nl\n").conversations.keepTexts == false, "default: answers only")
        #expect(try load("conversations: {keep_texts: true}\n").conversations.keepTexts == true)
        #expect(try load("conversations:\n  keep_texts: false\n").conversations.keepTexts == false)
        for (yaml, fragment) in [
            ("conversations: {keep_texts: sometimes}\n", "`conversations.keep_texts` is true"),
            ("conversations: {keep_texts: 1}\n", "`conversations.keep_texts` is true"),
            ("conversations: {keep_texts: [true]}\n", "`conversations.keep_texts` is true"),
            ("conversations: true\n", "`conversations:` is a mapping"),
            ("conversations: {keep: true}\n", "unknown setting `conversations.keep`"),
            ("transcripts: {keep: true}\n", "unknown setting `transcripts`"),
        ] {
            do {
                _ = try load(yaml)
                Issue.record("expected an error for \(yaml)")
            } catch {
                let message = String(describing: error)
                #expect(message.contains(fragment), "\(message)")
                #expect(message.hasPrefix(file.path + ":1"), "names the file and line: \(message)")
            }
        }
    }
}
