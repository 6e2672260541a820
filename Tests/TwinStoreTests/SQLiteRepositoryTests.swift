import TwinLanguage
import Foundation
import GRDB
import Testing
import Twinning
@testable import TwinStore

/// What only the SQLite store has, against a real file in a temporary folder (what both stores
/// do alike is in `RepositoryTests`).
@Suite("SQLite repository")
struct SQLiteRepositoryTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("store.sqlite").path
    }

    @Test("the database is created in WAL mode with every table")
    func schema() async throws {
        let repository = try SQLiteRepository(path: path)
        #expect(try repository.tableNames() == [
            "activities", "answers", "audit_log", "bottlenecks", "click_checks", "consents", "context_checks", "conversation_texts", "deliveries",
            "evaluations", "events", "exclusions", "expectations", "goals", "invitations",
            "likes", "message_preferences", "notices", "outbox_cursor", "pairs", "participants", "pending_erasures", "plans", "processed_requests", "profiles", "reminders",
            "reported_bottlenecks", "sessions", "web_sessions",
        ])
        let pool = try DatabasePool(path: path)
        let mode = try await pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try await repository.ping()
    }

    @Test("a file that is not a database is refused with a message saying what to do")
    func notADatabase() throws {
        try Data("this is not sqlite".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteRepository(path: path)
        } throws: { error in
            String(describing: error).contains("--db")
        }
        #expect {
            _ = try SQLiteRepository(path: folder.appendingPathComponent("no/such/folder/x.sqlite").path)
        } throws: { error in
            String(describing: error).contains("Cannot open")
        }
    }
}
