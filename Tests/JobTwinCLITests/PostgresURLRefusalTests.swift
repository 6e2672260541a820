import Foundation
import JobTwinTestSupport
import Testing

/// A `postgres://` URL given to this version, which stores in SQLite only: refused with what to
/// do, never taken for a file name, and never printed with its password.
@Suite("A PostgreSQL URL before the PostgreSQL store (process)")
struct PostgresURLRefusalTests {
    static let url = "postgres://twin:hunter2@db.example.org:6432/jobtwin"

    @Test("report, export and dialogs lint refuse it with status 1, naming it without the password; no file is made", arguments: [
        ["report", "--programme", "--db", url],
        ["export", "web:nobody", "--db", url],
        ["dialogs", "lint", "--db", url],
    ])
    func refused(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let result = try JobTwinProcess.run(arguments, directory: folder.url)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("postgres://twin@db.example.org:6432/jobtwin is a PostgreSQL database"), "\(result.stderr)")
        #expect(result.stderr.contains("SQLite only") && result.stderr.contains("docs/postgresql.md"))
        #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing was created")
    }

    @Test("serve --check-config names it without the password and says it is not supported yet")
    func checkConfig() throws {
        let folder = try TemporaryFolder()
        let result = try JobTwinProcess.run(["serve", "--check-config", "--db", Self.url], environment: ["JOBTWIN_API_TOKEN": "check-config-token"],
                                            directory: folder.url)
        #expect(result.stdout.contains("Database: postgres://twin@db.example.org:6432/jobtwin (PostgreSQL: not supported by this version"),
                "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
    }
}
