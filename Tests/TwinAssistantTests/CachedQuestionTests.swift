import DialogEngine
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// The question a turn leaves in the conversation cache (so that the answer to it and the page
/// view need not work it out again) is the question the dialog itself would work out.
@Suite("The question kept in the conversation cache", .onBothStores)
struct CachedQuestionTests {
    @Test("through a whole intake and the menu, the view from the cache equals the view worked out anew, turn by turn")
    func sameAsWorkedOut() async throws {
        let fixture = try AssistantFixture()
        // Today, as the cached question is kept only for the day it was worked out on.
        let clock = ManualClock(Date())
        let program = try DialogLibrary.load(directory: nil)
        let cached = Assistant(program: program, repository: fixture.repository, clock: clock)
        let anna = AssistantFixture.id("web:anna")
        var replies = [try await cached.open(participant: anna)]
        for answer in AssistantFixture.fullIntake + ["1", "1"] {
            replies.append(try await cached.handle(participant: anna, text: answer))
            // A process that has never seen Anna works the question out from what is stored.
            let fresh = Assistant(program: program, repository: fixture.repository, clock: clock)
            let fromCache = try await cached.view(participant: anna)
            let workedOut = try await fresh.view(participant: anna)
            #expect(fromCache == workedOut, "after “\(answer)”")
        }
        #expect(replies.compactMap(\.prompt).count >= AssistantFixture.fullIntake.count, "every turn asked a question")
        #expect(try await cached.view(participant: anna)?.reply.prompt?.slot == "menu.action")
    }
}
