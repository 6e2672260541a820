import DialogEngine
import Foundation
import JobTwinTestSupport
import Testing
import TwinAssistant
import TwinReply
import TwinStore
import Twinning

/// Behind a load balancer a participant's turns alternate between processes, so each process's
/// conversation cache is a turn behind every other time. Such a turn is computed again from
/// what its commit found stored (`.moved`), without another read — and must come out exactly
/// as if one process had taken every turn.
@Suite("Turns alternating between two processes", .onBothStores)
struct AlternatingProcessesTests {
    @Test("an intake whose turns alternate between two assistants is stored and answered as by one")
    func alternatingIntake() async throws {
        let fixture = try AssistantFixture()
        let program = try DialogLibrary.load(directory: nil)
        let other = Assistant(program: program, repository: fixture.repository, clock: fixture.clock)
        let processes = [fixture.assistant, other]
        let anna = AssistantFixture.id("api:anna"), bram = AssistantFixture.id("api:bram")
        let answers = AssistantFixture.fullIntake + ["1", "1"]

        // Both open the conversation once, so that both caches hold it (then each is behind in turn).
        var alternating = [try await processes[0].open(participant: anna)]
        _ = try await processes[1].view(participant: anna)
        var single = [try await fixture.assistant.open(participant: bram)]
        for (index, answer) in answers.enumerated() {
            alternating.append(try await processes[index % 2].handle(participant: anna, text: answer,
                                                                    requestID: try Self.request("a\(index)")))
            single.append(try await fixture.assistant.handle(participant: bram, text: answer,
                                                            requestID: try Self.request("b\(index)")))
        }
        #expect(alternating.map(\.prompt?.slot) == single.map(\.prompt?.slot), "the same questions, one after another")
        #expect(alternating.map { $0.messages.map(\.text) } == single.map { $0.messages.map(\.text) })
        #expect(alternating.map(\.turn) == single.map(\.turn))
        let (annaStored, bramStored, annaTurns, bramTurns) = try await fixture.repository.read { reader in
            (try reader.answers(anna), try reader.answers(bram), try reader.sessionTurns(anna), try reader.sessionTurns(bram))
        }
        #expect(annaStored.map(\.slot) == bramStored.map(\.slot))
        #expect(annaStored.map(\.value) == bramStored.map(\.value))
        #expect(annaTurns == bramTurns && annaTurns == answers.count + 1, "every turn counted once")
        // A request sent again to the other process is answered from the stored reply, not taken again.
        let again = try await processes[1].handle(participant: anna, text: answers[0], requestID: try Self.request("a0"))
        #expect(again.messages.map(\.text) == alternating[1].messages.map(\.text))
        #expect(try await fixture.repository.read { try $0.sessionTurns(anna) } == answers.count + 1)
    }

    private static func request(_ value: String) throws -> ChannelRequestID {
        try #require(ChannelRequestID(channel: "api", value: value))
    }
}
