import Foundation
import Testing
import Twinning
import TwinStore
import JobTwinTestSupport

/// `jobtwin match` over a database filled through real intakes.
@Suite("jobtwin match (database)")
struct MatchDatabaseTests {
    /// Intake answers: consent, name, side, organisation, region, role, field, background, target
    /// group, education type, company type, motivation, criteria, subject preference, open, confirm.
    static func intake(name: String, side: String, organization: String, region: String, field: String,
                       preference: String = "1", open: String = "nee") -> String {
        ["ja", name, side, organization, region, "rol", field, "opleiding", "doelgroep", "vmbo", "1", "1", "1, 2", preference, open, "ja"]
            .map { $0 + "\n" }.joined()
    }

    /// A database with two teachers and two professionals.
    static func database(in folder: TemporaryFolder) throws -> String {
        let db = folder.path("match.sqlite")
        let people = [
            ("anna", intake(name: "Anna de Vries", side: "docent", organization: "Erasmus College", region: "Rotterdam", field: "wiskunde")),
            ("bea", intake(name: "Bea Jansen", side: "docent", organization: "Zadkine", region: "Utrecht", field: "talen")),
            ("bram", intake(name: "Bram Bakker", side: "professional", organization: "IBM", region: "Rotterdam", field: "wiskunde")),
            ("carl", intake(name: "Carl Cohen", side: "professional", organization: "Bureau Taal", region: "Utrecht", field: "talen")),
        ]
        for (id, input) in people {
            let output = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", id], input: Data(input.utf8))
            #expect(output.status == 0)
        }
        return db
    }

    @Test("proposals with reasons, as text and as JSON; nothing is changed without --apply")
    func propose() async throws {
        let folder = try TemporaryFolder()
        let db = try Self.database(in: folder)
        let text = try JobTwinProcess.run(["match", "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Anna de Vries (repl:anna) ↔ Bram Bakker (repl:bram)"))
        #expect(text.stdout.contains("Bea Jansen (repl:bea) ↔ Carl Cohen (repl:carl)"))
        #expect(text.stdout.contains("zelfde vakgebied: Wiskunde en rekenen"))
        #expect(text.stdout.contains("zelfde plaats of regio: Rotterdam"))

        let json = try JobTwinProcess.run(["match", "--db", db, "--json", "--lang", "en", "--method", "stable"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "stable")
        #expect(object["applied"] as? Bool == false)
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 2)
        let contributions = try #require(pairs.first?["contributions"] as? [[String: Any]])
        #expect(contributions.contains { ($0["text"] as? String)?.hasPrefix("same field") == true })

        let repository = try SQLiteRepository(path: db)
        #expect(try await repository.read { try $0.allPairs() }.isEmpty)
    }

    @Test("--why-not explains a pair that is not proposed; --exclude keeps two apart")
    func whyNotAndExclude() throws {
        let folder = try TemporaryFolder()
        let db = try Self.database(in: folder)
        let why = try JobTwinProcess.run(["match", "--db", db, "--why-not", "anna", "carl"])
        #expect(why.status == 0)
        #expect(why.stdout.contains("Score van Anna de Vries (repl:anna) en Carl Cohen (repl:carl)"))
        #expect(why.stdout.contains("Anna de Vries (repl:anna) krijgt in plaats daarvan Bram Bakker (repl:bram)"))
        let same = try JobTwinProcess.run(["match", "--db", db, "--why-not", "anna", "bea", "--lang", "en"])
        #expect(same.stdout.contains("cannot be paired: they come from the same world"))

        let exclude = try JobTwinProcess.run(["match", "--db", db, "--exclude", "anna", "bram"])
        #expect(exclude.status == 0)
        let after = try JobTwinProcess.run(["match", "--db", db])
        #expect(!after.stdout.contains("Anna de Vries (repl:anna) ↔ Bram Bakker (repl:bram)"))
        #expect(after.stdout.contains("Anna de Vries (repl:anna) ↔ Carl Cohen (repl:carl)"))
        let excluded = try JobTwinProcess.run(["match", "--db", db, "--why-not", "bram", "anna"])
        #expect(excluded.stdout.contains("de coördinator heeft dit duo uitgesloten"))
    }

    @Test("--apply confirms the pairs: both partners move to phase 2 and events are recorded; a second round finds nobody")
    func apply() async throws {
        let folder = try TemporaryFolder()
        let db = try Self.database(in: folder)
        let refused = try JobTwinProcess.run(["match", "--db", db, "--apply"])
        #expect(refused.status == 1, "without a terminal, --apply needs --yes")
        let applied = try JobTwinProcess.run(["match", "--db", db, "--apply", "--yes"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("2 duo('s) bevestigd"))

        let repository = try SQLiteRepository(path: db)
        let (pairs, events, phases) = try await repository.read { reader in
            (try reader.allPairs(), try reader.events(), try reader.participants().map(\.phase))
        }
        #expect(pairs.count == 2)
        #expect(pairs.allSatisfy { $0.status == .confirmed && $0.origin == .coordinator })
        #expect(phases.allSatisfy { $0 == .kennismaking })
        #expect(events.filter { $0.kind == .matchConfirmed }.count == 2)

        let again = try JobTwinProcess.run(["match", "--db", db, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((object["pairs"] as? [Any])?.isEmpty == true)
        #expect((object["existing"] as? [Any])?.count == 2)

        // The participant sees the partner in the chat.
        let chat = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "anna"], input: Data("status\n".utf8))
        #expect(chat.stdout.contains("\"phase\":\"kennismaking\""))
    }
}
