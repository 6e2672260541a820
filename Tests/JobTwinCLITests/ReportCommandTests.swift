import Foundation
import Testing
import JobTwinTestSupport

/// `jobtwin report` and `jobtwin bottlenecks` as a coordinator runs them.
@Suite("jobtwin report and bottlenecks (process)")
struct ReportCommandTests {
    @Test("a pair's report in Markdown and HTML, the programme overview (also as JSON), and the bottleneck list")
    func reports() throws {
        let folder = try TemporaryFolder()
        let db = try MatchDatabaseTests.database(in: folder)
        _ = try JobTwinProcess.run(["match", "--db", db, "--apply", "--yes"])

        let markdown = try JobTwinProcess.run(["report", "anna", "--db", db])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Job Twinning — Anna de Vries & Bram Bakker"))
        #expect(markdown.stdout.contains("## Doelen"))
        let html = try JobTwinProcess.run(["report", "anna", "--db", db, "--format", "html", "--lang", "en"])
        #expect(html.stdout.contains("<h2>Goals</h2>"))

        let programme = try JobTwinProcess.run(["report", "--programme", "--db", db])
        #expect(programme.status == 0)
        #expect(programme.stdout.contains("| kennismaking | 4 |"))
        #expect(!programme.stdout.contains("Anna"))
        #expect(programme.stdout.contains("## Waarde voor de werkgevers (afgeronde evaluaties)"))
        let json = try JobTwinProcess.run(["report", "--programme", "--db", db, "--format", "json", "--lang", "en"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Job Twinning — programme overview")
        let headings = (object["sections"] as? [[String: Any]])?.compactMap { $0["heading"] as? String } ?? []
        #expect(headings.contains("Value for the employers (completed evaluations)"))

        let overview = try JobTwinProcess.run(["report", "--pairs", "--db", db, "--lang", "en"])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("## kennismaking (2)"))
        #expect(overview.stdout.contains("Anna de Vries & Bram Bakker — confirmed"))
        #expect(overview.stdout.contains("No plan yet."))

        let nobody = try JobTwinProcess.run(["report", "nobody", "--db", db])
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("There is no participant repl:nobody"))
        let usage = try JobTwinProcess.run(["report", "--db", db])
        #expect(usage.status == 2)

        let bottlenecks = try JobTwinProcess.run(["bottlenecks", "--db", db, "--json"])
        #expect(bottlenecks.status == 0)
        #expect(bottlenecks.stdout.hasPrefix("["))
    }
}

/// `jobtwin export` and `jobtwin erase` as a coordinator runs them for a data request.
@Suite("jobtwin export and erase (process)")
struct DataRequestCommandTests {
    @Test("export prints the participant's data; erase needs --yes without a terminal and then removes it")
    func exportAndErase() throws {
        let folder = try TemporaryFolder()
        let db = try MatchDatabaseTests.database(in: folder)
        let export = try JobTwinProcess.run(["export", "anna", "--db", db])
        #expect(export.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect(object["participant"] as? String == "repl:anna")
        #expect(export.stdout.contains("Anna de Vries"))

        let refused = try JobTwinProcess.run(["erase", "anna", "--db", db])
        #expect(refused.status == 1)
        let erased = try JobTwinProcess.run(["erase", "anna", "--db", db, "--yes"])
        #expect(erased.status == 0, "\(erased.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(bytes.range(of: Data("Anna de Vries".utf8)) == nil)
        let again = try JobTwinProcess.run(["export", "anna", "--db", db])
        #expect(again.status == 1)

        _ = try JobTwinProcess.run(["match", "--db", db, "--exclude", "bea", "carl"])
        let audit = try JobTwinProcess.run(["audit", "--db", db, "--json"])
        let entries = try #require(JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["export", "erase", "match.exclude", "match.exclude"],
                "an exclusion is logged for each of the two, in the transaction that makes it")
        #expect(Set(entries.suffix(2).compactMap { $0["subject"] as? String }) == ["repl:bea", "repl:carl"])
        #expect(entries.allSatisfy { ($0["subject"] as? String) != "repl:anna" }, "the erased id is replaced in the log")
        #expect((entries.first?["subject"] as? String)?.hasPrefix("erased:") == true)
        let file = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(file.range(of: Data("repl:anna".utf8)) == nil)
    }
}
