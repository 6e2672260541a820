import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// Erasing a participant leaves no trace of them in the database file, and the partner keeps
/// their own side of the shared trajectory.
@Suite("Erasure", .onBothStores)
struct ErasureTests {
    @Test("after erasure the name and free texts are nowhere in the file's bytes; the partner keeps their data")
    func eraseLeavesNoTrace() async throws {
        let fixture = try AssistantFixture()
        let zoe = AssistantFixture.id("api:zoe"), bram = AssistantFixture.id("api:bram")
        try await OpenMatchingFlowTests.intake(fixture.assistant, zoe, AssistantFixture.zoeAnswers)
        try await OpenMatchingFlowTests.intake(fixture.assistant, bram, OpenMatchingFlowTests.professionalIntake)
        let service = MatchingService(repository: fixture.repository, program: try DialogLibrary.load(directory: nil), clock: fixture.clock)
        _ = try await service.apply(try await service.propose(method: .optimal))
        let pairID = try #require(try await fixture.repository.read { try $0.allPairs().first?.id })
        try await fixture.repository.transaction { tx in
            try tx.save(Goal(id: "z", pairID: pairID, owner: zoe, text: "Quarkpoot wil de haven zien", isLongTerm: false, createdAt: Date()))
            try tx.save(Goal(id: "b", pairID: pairID, owner: bram, text: "Bram wil lesgeven", isLongTerm: false, createdAt: Date()))
            try tx.add(Notice(participant: bram, kind: "plan.changed", nl: "Zoetelief Quarkpoot heeft de planning aangepast", en: "x", createdAt: Date()))
        }
        // Bram's chat shows the notice with the name, so his stored replies and state hold it.
        _ = try await fixture.assistant.handle(participant: bram, text: "status")

        let standIn = try await fixture.repository.erasePersonalData(of: zoe, at: fixture.clock.now())
        #expect(standIn?.channel == "erased")

        let bytes = try fixture.storedBytes()
        for secret in ["Zoetelief", "Quarkpoot", "quarkologie", "api:zoe"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the database file")
        }
        let (bramProfile, pairs, goals, zoeParticipant) = try await fixture.repository.read { reader in
            (try reader.profile(bram), try reader.allPairs(), try reader.goals(of: pairID), try reader.participant(zoe))
        }
        #expect(zoeParticipant == nil)
        #expect(bramProfile?.name == "Bram Bakker")
        #expect(pairs.first?.teacher == standIn)
        #expect(goals.map(\.id) == ["b"])
        // Bram's conversation still works, and his next turns write nothing of Zoe back.
        let reply = try await fixture.assistant.handle(participant: bram, text: "status")
        #expect(reply.prompt != nil)
        _ = try await fixture.assistant.handle(participant: bram, text: "1")
        let after = try fixture.storedBytes()
        #expect(after.range(of: Data("Quarkpoot".utf8)) == nil)
    }

    @Test("erasing someone unknown changes nothing")
    func unknown() async throws {
        let fixture = try AssistantFixture()
        #expect(try await fixture.repository.erasePersonalData(of: AssistantFixture.id("api:nobody"), at: Date()) == nil)
    }
}
