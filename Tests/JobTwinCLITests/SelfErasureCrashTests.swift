import Foundation
import Testing
import TwinStore
import Twinning
import JobTwinTestSupport

/// A participant confirms their erasure in the chat and the process dies right after that turn
/// is committed, before the erasure: the request survives, and the next start carries it out.
@Suite("Self-erasure survives a crash")
struct SelfErasureCrashTests {
    static func fileHolds(_ text: String, _ db: String) -> Bool {
        var bytes = (try? Data(contentsOf: URL(fileURLWithPath: db))) ?? Data()
        bytes.append((try? Data(contentsOf: URL(fileURLWithPath: db + "-wal"))) ?? Data())
        return bytes.range(of: Data(text.utf8)) != nil
    }

    @Test("killed between the committed VERWIJDEREN and the erasure: `jobtwin chat` and `jobtwin purge` carry it out at start")
    func killedAfterTheRequest() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("crash.sqlite")
        let crash = ["JOBTWIN_FAILPOINT": "after-erasure-request"]
        let repository = try SQLiteRepository(path: db)
        func requestAndDie(_ participant: String, _ name: String) async throws {
            let died = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", participant],
                                              input: ChatInput.erasureRequest(name: name), environment: crash)
            #expect(died.status == 137, "the process ended at the failpoint")
            let owed = try await repository.read { try $0.pendingErasures() }
            #expect(owed.map(\.description) == ["repl:\(participant)"], "the request was committed with its turn")
            #expect(try await repository.read { try $0.profile(ParticipantID("repl:\(participant)")!) }?.name == name)
        }

        // `jobtwin chat` as Isa: her erasure is done first and confirmed, then a new intake begins.
        try await requestAndDie("isa", "Isa Wisbaar")
        let isa = try JobTwinProcess.run(["chat", "--db", db, "--participant", "isa"], input: Data())
        #expect(isa.status == 0)
        #expect(isa.stdout.hasPrefix("Klaar: al je gegevens zijn verwijderd"))
        #expect(isa.stdout.contains("Ga je ermee akkoord"), "a new intake starts")
        #expect(try await repository.read { try $0.pendingErasures() }.isEmpty)

        // `jobtwin purge` carries out Jop's.
        try await requestAndDie("jop", "Jop Weglaatbaar")
        let purge = try JobTwinProcess.run(["purge", "--yes", "--db", db])
        #expect(purge.status == 0)
        #expect(purge.stdout.contains("carried out 1 erasure(s) participants had asked for"))

        #expect(try await repository.read { try $0.pendingErasures() }.isEmpty)
        for name in ["Isa Wisbaar", "Jop Weglaatbaar"] {
            #expect(!Self.fileHolds(name, db), "\(name) is gone from the file")
        }
        let audit = try await repository.auditLog().filter { $0.action == "erase" }
        #expect(audit.count == 2)
        #expect(audit.allSatisfy { $0.detail.contains("own request") && $0.subject?.hasPrefix("erased:") == true })
    }
}
