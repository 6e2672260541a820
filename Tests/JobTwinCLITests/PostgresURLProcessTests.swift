import Foundation
import JobTwinTestSupport
import Testing

/// A `postgres://` URL as the database of the commands (process): a server that does not
/// answer is reported with what to check, never with the password and never taken for a file
/// name; a real server (`JOBTWIN_TEST_POSTGRES_URL`) keeps the chat's answers for the next
/// command.
@Suite("The commands on a PostgreSQL URL (process)")
struct PostgresURLProcessTests {
    /// A URL nothing listens at (port 1 on loopback), with a password that must never show.
    static let unreachable = "postgres://twin:hunter2@127.0.0.1:1/jobtwin"

    @Test("report, export, dialogs lint and chat say the server cannot be reached, with status 1, without the password; no file is made", arguments: [
        ["report", "--programme", "--db", unreachable],
        ["export", "web:nobody", "--db", unreachable],
        ["dialogs", "lint", "--db", unreachable],
        ["chat", "--db", unreachable],
    ])
    func unreachableServer(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let result = try JobTwinProcess.run(arguments, directory: folder.url)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("cannot connect to postgres://twin@127.0.0.1:1/jobtwin"), "\(result.stderr)")
        #expect(result.stderr.contains("Check that the server runs"))
        #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing was created")
    }

    @Test("serve --check-config names it without the password")
    func checkConfig() throws {
        let folder = try TemporaryFolder()
        let result = try JobTwinProcess.run(["serve", "--check-config", "--db", Self.unreachable],
                                            environment: ["JOBTWIN_API_TOKEN": "check-config-token"], directory: folder.url)
        #expect(result.stdout.contains("Database: postgres://twin@127.0.0.1:1/jobtwin (PostgreSQL"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
    }

    static let server = ProcessInfo.processInfo.environment["JOBTWIN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test("chat on PostgreSQL: the answers are there for export, and a second chat goes on at the pending question",
          .enabled(if: server != nil, "no PostgreSQL server: set JOBTWIN_TEST_POSTGRES_URL (scripts/postgres-test-server start DIR)"))
    func chatOnPostgres() throws {
        let folder = try TemporaryFolder()
        // The server's own database: each run has a participant of its own.
        let database = try #require(Self.server)
        let user = "pg\(UUID().uuidString.prefix(8).lowercased())"
        let environment: [String: String] = [:]
        let first = try JobTwinProcess.run(["chat", "--participant", user, "--db", database], input: Data("ja\nAnna de Vries\n".utf8),
                                           environment: environment, directory: folder.url)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let export = try JobTwinProcess.run(["export", "repl:\(user)", "--db", database], environment: environment, directory: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("Anna de Vries"), "the answer is stored")
        let second = try JobTwinProcess.run(["chat", "--participant", user, "--db", database], input: Data(), environment: environment, directory: folder.url)
        #expect(second.stdout.contains("Ben je docent"), "the pending question is asked again: \(second.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "no SQLite file was made")
    }
}
