import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinStore
@testable import TwinAssistant

/// The group commit's writer thread ends when the assistant is idle and a new one takes the
/// next turns, with nothing lost between the two.
@Suite("Group commit writer thread", .onBothStores)
struct GroupCommitThreadTests {
    @Test("turns after the writer thread ended are committed by a new one")
    func writerEndsAndRestarts() async throws {
        // The fixture's file, with an assistant of the test's own whose writer idles briefly.
        let fixture = try AssistantFixture()
        defer { withExtendedLifetime(fixture) {} }
        let repository = fixture.repository
        var options = AssistantOptions()
        options.writerIdleTimeout = .milliseconds(50)
        let assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: repository, options: options)
        let ids = (0..<8).map { AssistantFixture.id("api:w\($0)") }

        // Opening and the first answer run whole in a transaction; the next answers are plain
        // ones, computed outside and committed by the group commit's writer.
        func answer(_ count: Int) async throws {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in ids {
                    group.addTask {
                        for answer in AssistantFixture.fullIntake.prefix(count) {
                            _ = try await assistant.handle(participant: id, text: answer)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        for id in ids { _ = try await assistant.open(participant: id) }
        try await answer(3)
        let first = assistant.groupCommit.writerThreads.started
        #expect(first >= 1)

        for _ in 0..<200 where assistant.groupCommit.writerThreads.alive {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!assistant.groupCommit.writerThreads.alive, "the writer thread ends after its idle time")

        try await answer(3)
        #expect(assistant.groupCommit.writerThreads.started > first, "a new writer thread took the next turns")
        let sessions = try await repository.read { try $0.sessions() }
        #expect(sessions.count == ids.count)
        #expect(sessions.allSatisfy { $0.turns == 7 }, "\(sessions.map(\.turns))")
    }
}
