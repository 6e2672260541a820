import TwinLanguage
import Foundation
import Testing
import Twinning
import TwinStore
import JobTwinTestSupport

/// `jobtwin erase` and `jobtwin purge` as processes: the same partner notice and decision mark as
/// the chat's erasure, and both retention rules read from the configuration, sparing the
/// coordinators.
@Suite("jobtwin erase and purge (process)")
struct RetentionCommandTests {
    @Test("jobtwin erase tells the partner of a running pair without a name and marks the pair for the coordinator")
    func eraseTellsPartner() async throws {
        let folder = try TemporaryFolder()
        let db = try MatchDatabaseTests.database(in: folder)
        _ = try JobTwinProcess.run(["match", "--db", db, "--apply", "--yes"])
        let erased = try JobTwinProcess.run(["erase", "anna", "--db", db, "--yes"])
        #expect(erased.status == 0, "\(erased.stderr)")

        let bram = try JobTwinProcess.run(["chat", "--db", db, "--participant", "bram"], input: Data("status\n".utf8))
        #expect(bram.stdout.contains("Je Job Twinning-partner doet niet meer mee"))
        #expect(!bram.stdout.contains("Anna"))
        let overview = try JobTwinProcess.run(["report", "--pairs", "--db", db, "--lang", "en"])
        #expect(overview.stdout.contains("(erased participant) & Bram Bakker — confirmed — partner no longer takes part, decision needed"))
        #expect(!overview.stdout.contains("erased:"))
        let bottlenecks = try JobTwinProcess.run(["bottlenecks", "--db", db, "--lang", "en"])
        #expect(bottlenecks.stdout.contains("(erased participant) & Bram Bakker (Bram Bakker): partner_left"))

        let standIn = try #require(try await SQLiteRepository(path: db).read { try $0.participants() }.first { $0.id.isErasedStandIn }?.id)
        for command in [["export"], ["erase", "--yes"]] {
            let refused = try JobTwinProcess.run(command + [standIn.description, "--db", db])
            #expect(refused.status == 2, "refused as bad usage, before the command touches the database")
            #expect(refused.stderr.contains("anonymous stand-in"))
        }
    }

    @Test("jobtwin purge erases, by the configured rules, the silent participants without a profile; coordinators stay")
    func purgeByConfiguration() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("purge.sqlite")
        let old = Date().addingTimeInterval(-40 * 86_400)
        let quitter = ParticipantID("repl:quitter")!, boss = ParticipantID("repl:boss")!, fresh = ParticipantID("repl:fresh")!
        do {
            let repository = try SQLiteRepository(path: db)
            try await repository.transaction { tx in
                for id in [quitter, boss] { try tx.save(Participant(id: id, language: .nl, createdAt: old)) }
                try tx.save(Participant(id: fresh, language: .nl, createdAt: Date()))
            }
        }
        let config = folder.path("jobtwin.yaml")
        try "database: \(db)\ncoordinators: [\"repl:boss\"]\nretention: {inactive_without_profile_days: 30}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)

        let check = try JobTwinProcess.run(["serve", "--check-config", "--config", config], environment: ["JOBTWIN_API_TOKEN": "t"])
        #expect(check.stdout.contains("Retention (daily): closed trajectories erased after 365 days without activity; participants without a profile or consent after 30 days; participants never matched after 365 days without a message, warned 30 days before"))

        let refused = try JobTwinProcess.run(["purge", "--config", config])
        #expect(refused.status == 1, "a destructive command needs --yes without a terminal")
        let purge = try JobTwinProcess.run(["purge", "--config", config, "--yes"])
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(purge.stdout.contains("0 participant(s) of closed trajectories, 1 without a profile or consent and 0 never matched"))

        let repository = try SQLiteRepository(path: db)
        let left = Set(try await repository.read { try $0.participants() }.map(\.id).filter { !$0.isErasedStandIn })
        #expect(left == [boss, fresh])
        let audit = try JobTwinProcess.run(["audit", "--config", config])
        #expect(audit.stdout.contains("purge"))
        #expect(audit.stdout.contains("inactive for more than 30 days"))
        #expect(!audit.stdout.contains("repl:quitter"))

        try "database: \(db)\nretention: {inactive_without_profile_days: 0}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let off = try JobTwinProcess.run(["purge", "--config", config, "--yes"])
        #expect(off.stdout.contains("Nothing to purge."), "with the rule off, boss (no longer listed) stays too")
    }
}
