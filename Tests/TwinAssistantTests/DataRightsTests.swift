import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// A participant's own data rights in the chat, through `Assistant` and the built-in dialogs:
/// the export (their data only, audited) and the erasure (a typed word, carried out after the
/// turn's commit, leaving no trace in the file; the partner carries on).
@Suite("Data rights in the chat", .onBothStores)
struct DataRightsTests {
    static let zoe = AssistantFixture.id("api:zoe")
    static let bram = AssistantFixture.id("api:bram")
    static let carla = AssistantFixture.id("api:carla")

    /// Zoe (a teacher with a name found nowhere else) and Bram matched by the coordinator, a goal
    /// of each, a notice for Bram that names Zoe, and Carla, an unmatched teacher.
    static func programme(_ fixture: AssistantFixture, zoe: ParticipantID = zoe) async throws -> String {
        try await OpenMatchingFlowTests.intake(fixture.assistant, zoe, AssistantFixture.zoeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(fixture.assistant, bram, OpenMatchingFlowTests.professionalIntake, open: false)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        let pairID = try #require(try await service.apply(try await service.propose(method: .optimal)).first?.id)
        var carlaAnswers = AssistantFixture.intakeAnswers
        carlaAnswers[0] = "Carla Cornelisz"
        carlaAnswers[2] = "Xylofoonschool"
        try await OpenMatchingFlowTests.intake(fixture.assistant, carla, carlaAnswers, open: false)
        try await fixture.repository.transaction { tx in
            try tx.save(Goal(id: "z", pairID: pairID, owner: zoe, text: "Quarkpoot wil de haven zien", isLongTerm: false, createdAt: Date()))
            try tx.save(Goal(id: "b", pairID: pairID, owner: bram, text: "Bram wil lesgeven", isLongTerm: false, createdAt: Date()))
            try tx.add(Notice(participant: bram, kind: "plan.changed", nl: "Zoetelief Quarkpoot heeft de planning aangepast", en: "x", createdAt: Date()))
        }
        // Bram's chat shows the notice with the name, so his stored replies and state hold it.
        _ = try await fixture.assistant.handle(participant: bram, text: "status")
        return pairID
    }

    static func text(_ reply: Reply) -> String { reply.messages.map(\.text).joined(separator: "\n") }

    /// The database file and its WAL, as bytes.
    static func fileBytes(_ fixture: AssistantFixture) throws -> Data {
        let bytes = try fixture.storedBytes()
        return bytes
    }

    /// Opens "Mijn gegevens" from the menu and asks for the erasure's confirmation word.
    static func askErasure(_ assistant: Assistant, _ id: ParticipantID) async throws -> Reply {
        var reply = try await OpenMatchingFlowTests.choose(assistant, id, "my_data")
        #expect(reply.prompt?.slot == "my_data.action")
        reply = try await assistant.handle(participant: id, text: "2")
        #expect(reply.prompt?.slot == "my_data.confirm_erase")
        return reply
    }

    @Test("the menu offers 'Mijn gegevens' last, in every phase")
    func menuOption() async throws {
        let fixture = try AssistantFixture()
        _ = try await Self.programme(fixture)
        for id in [Self.zoe, Self.carla] {
            let (_, options) = try await TrajectoryFlowTests.menu(fixture.assistant, id)
            #expect(options.last == "my_data")
        }
    }

    @Test("the export shows the participant's own data and nobody else's, and is audited")
    func export() async throws {
        let fixture = try AssistantFixture()
        _ = try await Self.programme(fixture)
        var reply = try await OpenMatchingFlowTests.choose(fixture.assistant, Self.zoe, "my_data")
        #expect(Self.text(reply).contains("Over je gegevens"))
        reply = try await fixture.assistant.handle(participant: Self.zoe, text: "1")
        #expect(reply.prompt?.slot == "menu.action")

        let overview = try #require(reply.messages.first { $0.text.hasPrefix("Dit is wat Job Twinning over jou bewaart") })
        #expect(overview.text.contains("Je profiel: ja (naam: Zoetelief Quarkpoot"))
        #expect(overview.text.contains("Je duo: met Bram Bakker, bevestigd"))
        #expect(overview.text.contains("Doelen: 1 van jou, 0 gezamenlijk, 1 van je partner"))
        let block = try #require(reply.messages.first { $0.text.hasPrefix("```") }).text
        #expect(block.hasSuffix("```"))
        let json = String(block.dropFirst(4).dropLast(4))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["participant"] as? String == "api:zoe")
        let tables = try #require(document["tables"] as? [String: Any])
        let profiles = try #require(tables["profiles"] as? [[String: Any]])
        #expect(profiles.count == 1)
        #expect(profiles.first?["name"] as? String == "Zoetelief Quarkpoot")
        #expect(json.contains("Quarkpoot wil de haven zien"))
        // Carla is in the same database but not in Zoe's export; nor are Bram's own answers.
        for other in ["Carla Cornelisz", "Xylofoonschool", "api:carla", "informatica", "stagiairs"] {
            #expect(!json.contains(other), "\(other) is someone else's data")
        }

        let log = try await fixture.repository.auditLog()
        let entry = try #require(log.last)
        #expect(entry.action == "export")
        #expect(entry.actor == "api:zoe")
        #expect(entry.subject == "api:zoe")
        #expect(entry.detail.contains("chat"))
    }

    @Test("a second export lists the first one's stored reply by its size, not its text")
    func exportDoesNotNest() async throws {
        let fixture = try AssistantFixture()
        _ = try await Self.programme(fixture)
        let request = try #require(ChannelRequestID(channel: "api", value: "x1"))
        _ = try await OpenMatchingFlowTests.choose(fixture.assistant, Self.zoe, "my_data")
        let first = try await fixture.assistant.handle(participant: Self.zoe, text: "1", requestID: request)
        _ = try await OpenMatchingFlowTests.choose(fixture.assistant, Self.zoe, "my_data")
        let second = try await fixture.assistant.handle(participant: Self.zoe, text: "1")
        let block = try #require(second.messages.first { $0.text.hasPrefix("```") }).text
        #expect(block.contains("a copy of a reply already shown in the chat"))
        #expect(!block.contains("Dit is wat Job Twinning over jou bewaart"), "the first export's reply is not repeated")
        #expect(Self.text(second).utf8.count < Self.text(first).utf8.count * 2)
    }

    @Test("a wrong confirmation word erases nothing and says what to type; 'nee' goes back")
    func wrongWord() async throws {
        let fixture = try AssistantFixture()
        _ = try await Self.programme(fixture)
        var reply = try await Self.askErasure(fixture.assistant, Self.zoe)
        #expect(reply.messages.contains { $0.kind == .warning && $0.text.contains("Dit kan niet ongedaan worden gemaakt") })
        for wrong in ["ja", "verwijder", "VERWIJDEREN!"] {
            reply = try await fixture.assistant.handle(participant: Self.zoe, text: wrong)
            #expect(reply.messages.contains { $0.kind == .error && $0.text.contains("Typ VERWIJDEREN") }, "\(wrong)")
            #expect(reply.prompt?.slot == "my_data.confirm_erase")
        }
        reply = try await fixture.assistant.handle(participant: Self.zoe, text: "nee")
        #expect(Self.text(reply).contains("er is niets verwijderd"))
        #expect(reply.prompt?.slot == "menu.action")
        let (profile, log) = (try await fixture.repository.read { try $0.profile(Self.zoe) }, try await fixture.repository.auditLog())
        #expect(profile?.name == "Zoetelief Quarkpoot")
        #expect(!log.contains { $0.action == "erase" })
    }

    @Test("the word erases everything from the file; the partner carries on; the next message starts a new intake")
    func erase() async throws {
        let fixture = try AssistantFixture()
        let pairID = try await Self.programme(fixture)
        _ = try await Self.askErasure(fixture.assistant, Self.zoe)
        let reply = try await fixture.assistant.handle(participant: Self.zoe, text: "verwijderen")
        #expect(Self.text(reply).contains("al je gegevens zijn verwijderd"))
        #expect(reply.prompt == nil)

        let bytes = try Self.fileBytes(fixture)
        for secret in ["Zoetelief", "Quarkpoot", "quarkologie", "api:zoe"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the database file")
        }
        let log = try await fixture.repository.auditLog()
        let entry = try #require(log.last)
        #expect(entry.action == "erase")
        #expect(entry.actor.hasPrefix("erased:") && entry.subject == entry.actor)
        #expect(entry.detail.contains("own request in the chat"))

        // Bram hears that his partner left, without a name, and keeps working with his own data.
        var bramReply = try await fixture.assistant.handle(participant: Self.bram, text: "status")
        #expect(bramReply.messages.contains { $0.text.contains("Je Job Twinning-partner doet niet meer mee") })
        #expect(!Self.text(bramReply).contains("Zoetelief"))
        #expect(bramReply.prompt?.slot == "menu.action")
        bramReply = try await OpenMatchingFlowTests.choose(fixture.assistant, Self.bram, "goals")
        #expect(bramReply.prompt != nil)
        let (goals, pair) = try await fixture.repository.read { (try $0.goals(of: pairID), try $0.allPairs().first { $0.id == pairID }) }
        #expect(goals.map(\.id) == ["b"])
        #expect(pair?.teacher.channel == "erased")

        // Zoe's next message is a new participant's first: the intake opens, nothing of her is back.
        let next = try await fixture.assistant.handle(participant: Self.zoe, text: "hallo")
        #expect(Self.text(next).contains("Welkom bij Job Twinning"))
        #expect(next.prompt != nil)
        let (profile, answers) = try await fixture.repository.read { (try $0.profile(Self.zoe), try $0.answers(Self.zoe)) }
        #expect(profile == nil)
        #expect(!answers.contains { $0.value.contains("Quarkpoot") })
    }

    @Test("a request replayed after the erasure erases nothing else and opens a new intake")
    func replayAfterErasure() async throws {
        let fixture = try AssistantFixture()
        _ = try await Self.programme(fixture)
        _ = try await Self.askErasure(fixture.assistant, Self.zoe)
        let request = try #require(ChannelRequestID(channel: "api", value: "erase-1"))
        let erased = try await fixture.assistant.handle(participant: Self.zoe, text: "VERWIJDEREN", requestID: request)
        #expect(Self.text(erased).contains("al je gegevens zijn verwijderd"))
        let before = try await fixture.repository.read { reader in
            (try reader.participants().count, try reader.allPairs(), try reader.profile(Self.bram), try reader.profile(Self.carla))
        }

        let replayed = try await fixture.assistant.handle(participant: Self.zoe, text: "VERWIJDEREN", requestID: request)
        #expect(Self.text(replayed).contains("Welkom bij Job Twinning"), "taken as a new participant's first message")
        let after = try await fixture.repository.read { reader in
            (try reader.participants().count, try reader.allPairs(), try reader.profile(Self.bram), try reader.profile(Self.carla))
        }
        #expect(after.0 == before.0 + 1, "only the new, empty participant was added")
        #expect(after.1 == before.1)
        #expect(after.2 == before.2 && after.3 == before.3)
        #expect(try await fixture.repository.auditLog().filter { $0.action == "erase" }.count == 1)
        // The same id once more is now an ordinary repeat of the new conversation's first message.
        #expect(try await fixture.assistant.handle(participant: Self.zoe, text: "VERWIJDEREN", requestID: request) == replayed)
    }

    @Test("on Slack's Events API the confirmation waits for the outbox, and a redelivery gets it again")
    func slackEventsConfirmation() async throws {
        let fixture = try AssistantFixture()
        let zoe = AssistantFixture.id("slack:T1:UZOE")
        _ = try await Self.programme(fixture, zoe: zoe)
        _ = try await Self.askErasure(fixture.assistant, zoe)
        let event = try #require(ChannelRequestID(channel: "slack-events", value: "Ev1", repliedInResponse: false))
        let erased = try await fixture.assistant.handle(participant: zoe, text: "erase", requestID: event)
        #expect(Self.text(erased).contains("al je gegevens zijn verwijderd"))
        let (record, profile, session) = try await fixture.repository.read { reader in
            (try reader.processedRequest(channel: "slack-events", requestID: "Ev1", participant: zoe), try reader.profile(zoe), try reader.session(zoe))
        }
        let stored = try #require(record)
        #expect(stored.deliveredAt == nil, "the outbox posts it")
        #expect(try JSONDecoder().decode(Reply.self, from: stored.reply) == erased)
        #expect(profile == nil && session == nil)
        #expect(try await fixture.assistant.handle(participant: zoe, text: "erase", requestID: event) == erased)
        let next = try #require(ChannelRequestID(channel: "slack-events", value: "Ev2", repliedInResponse: false))
        #expect(Self.text(try await fixture.assistant.handle(participant: zoe, text: "hallo", requestID: next)).contains("Welkom bij Job Twinning"))
        let bytes = try Self.fileBytes(fixture)
        for secret in ["Zoetelief", "Quarkpoot", "quarkologie"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the database file")
        }
    }

    @Test("erasing one side of a match proposal declines it and tells the other, who can be matched again")
    func proposalDeclined() async throws {
        let fixture = try AssistantFixture()
        try await fixture.proposedPair(teacher: Self.zoe, professional: Self.bram)
        _ = try await Self.askErasure(fixture.assistant, Self.zoe)
        _ = try await fixture.assistant.handle(participant: Self.zoe, text: "Verwijderen")
        let pair = try await fixture.repository.read { try $0.allPairs().first }
        #expect(pair?.status == .declined)
        let reply = try await fixture.assistant.handle(participant: Self.bram, text: "status")
        #expect(reply.messages.contains { $0.text.contains("Het matchvoorstel gaat niet door") })
        let (_, options) = try await TrajectoryFlowTests.menu(fixture.assistant, Self.bram)
        #expect(!options.contains("confirm_match"))
    }
}
