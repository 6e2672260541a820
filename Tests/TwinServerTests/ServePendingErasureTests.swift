import Foundation
import JobTwinTestSupport
import Testing
import Twinning
import TwinStore

/// A self-erasure whose process died between the confirming turn and the erasure is carried
/// out when `jobtwin serve` starts, before it takes any turn.
@Suite("jobtwin serve carries out owed erasures")
struct ServePendingErasureTests {
    @Test("a chat killed after VERWIJDEREN leaves the erasure owed; serve's start carries it out")
    func serveCompletesOwedErasure() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("owed.sqlite")
        let name = "Noor Vergeetbaar"
        let died = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "noor"],
                                          input: ChatInput.erasureRequest(name: name),
                                          environment: ["JOBTWIN_FAILPOINT": "after-erasure-request"])
        #expect(died.status == 137)
        let repository = try SQLiteRepository(path: db)
        #expect(try await repository.read { try $0.pendingErasures() }.map(\.description) == ["repl:noor"])

        let server = try await ServeProcess(arguments: ["--db", db], environment: ["JOBTWIN_API_TOKEN": "owed-erasure-token"],
                                            log: folder.url.appendingPathComponent("serve.log"))
        // Listening means the start-up is done, the owed erasure with it.
        #expect(try await repository.read { try $0.pendingErasures() }.isEmpty)
        #expect(try await repository.read { try $0.participant(ParticipantID("repl:noor")!) } == nil)
        #expect(try await repository.auditLog().contains { $0.action == "erase" && $0.detail.contains("own request") })
        #expect(await server.terminate() == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(bytes.range(of: Data(name.utf8)) == nil)
    }
}
