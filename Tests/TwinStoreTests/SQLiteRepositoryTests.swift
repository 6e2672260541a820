import TwinLanguage
import Foundation
import GRDB
import Testing
import Twinning
@testable import TwinStore

/// The SQLite store against a real file in a temporary folder.
@Suite("SQLite repository")
struct SQLiteRepositoryTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("store.sqlite").path
    }

    private func id(_ text: String) throws -> ParticipantID { try #require(ParticipantID(text)) }

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

    @Test("participants, sessions, answers and profiles round-trip and survive reopening")
    func roundTrip() async throws {
        let repository = try SQLiteRepository(path: path)
        let anna = try id("slack:T1:U1")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let profile = Profile(name: "Anna", side: .teacher, organization: "School", role: "docent", field: "mathematics",
                              educationTypes: ["vmbo"], companyTypes: ["ict"], motivations: ["other_world"],
                              criteria: [.subject, .personal], subjectPreference: .different, region: "Delft",
                              openMatchingConsent: Consent(givenAt: now, textVersion: "v1"), updatedAt: now)
        try await repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, createdAt: now))
            try tx.saveSession(StoredSession(participant: anna, state: Data("{}".utf8), turns: 3, updatedAt: now))
            try tx.saveAnswers(["profile.name": "{\"text\":\"Anna\"}", "profile.side": "{\"text\":\"teacher\"}"], for: anna, at: now)
            try tx.save(profile, for: anna)
        }
        let reopened = try SQLiteRepository(path: path)
        let (participant, session, answers, stored) = try await reopened.read { reader in
            (try reader.participant(anna), try reader.session(anna), try reader.answers(anna), try reader.profile(anna))
        }
        #expect(participant?.phase == .matching)
        #expect(session?.turns == 3)
        #expect(answers.map(\.slot) == ["profile.name", "profile.side"])
        #expect(stored == profile)

        try await reopened.transaction { tx in
            try tx.saveAnswers(["profile.side": nil, "profile.name": "{\"text\":\"Anna B\"}"], for: anna, at: now)
        }
        let after = try await reopened.read { try $0.answers(anna) }
        #expect(after.map(\.slot) == ["profile.name"])
        #expect(after.first?.value.contains("Anna B") == true)
    }

    @Test("a transaction that throws keeps nothing")
    func rollback() async throws {
        let repository = try SQLiteRepository(path: path)
        let bob = try id("api:bob")
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await repository.transaction { tx in
                try tx.save(Participant(id: bob, language: .en, createdAt: Date()))
                throw Abort()
            }
        }
        #expect(try await repository.read { try $0.participant(bob) } == nil)
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
