import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinLanguage
import JobTwinTestSupport
import TwinConfiguration
import TwinPostgres

/// An `Assistant` on a real store with a clock the test moves: a SQLite file in a fresh
/// temporary folder, or — with `JOBTWIN_TEST_STORE=postgres` — a new database of its own on the
/// test server (`JOBTWIN_TEST_POSTGRES_URL`), so that the same tests run against both stores.
final class AssistantFixture: @unchecked Sendable {
    let folder: URL
    /// The SQLite file (on PostgreSQL, where such a file would be: nothing is written there).
    let databasePath: String
    let repository: any TwinRepository
    let clock: ManualClock
    let assistant: Assistant
    /// The database on the PostgreSQL server, when the fixture uses one.
    let postgres: PostgresLocation?

    init(language: Language = .nl, coordinators: Set<ParticipantID> = [], keepConversationTexts: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-assistant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("test.sqlite").path
        if PostgresTestServer.fixturesUsePostgres {
            let database = try PostgresTestServer.newDatabaseWaiting()
            postgres = database
            repository = try PostgresRepository(waitingFor: database, connections: 4)
        } else {
            postgres = nil
            repository = try SQLiteRepository(path: databasePath)
        }
        clock = ManualClock(Date(timeIntervalSince1970: 1_796_000_000))
        assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: repository, clock: clock,
                              options: AssistantOptions(defaultLanguage: language, coordinators: coordinators,
                                                        keepConversationTexts: keepConversationTexts))
    }

    /// A second assistant on the same store, as after a restart of the process.
    func reopened() throws -> Assistant {
        let store: any TwinRepository
        if let postgres {
            store = try PostgresRepository(waitingFor: postgres, connections: 2)
        } else {
            store = try SQLiteRepository(path: databasePath)
        }
        return Assistant(program: try DialogLibrary.load(directory: nil), repository: store, clock: clock)
    }

    /// Everything the store holds, for tests that look for traces of a person: the SQLite
    /// file's bytes with its log, or every PostgreSQL row as text.
    func storedBytes() throws -> Data {
        if let postgres { return try PostgresTestServer.everythingStoredWaiting(postgres) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: databasePath))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: databasePath + "-wal")) { bytes.append(wal) }
        return bytes
    }

    deinit {
        (repository as? PostgresRepository)?.close()
        if let postgres { PostgresTestServer.dropWaiting(postgres) }
        try? FileManager.default.removeItem(at: folder)
    }

    static func id(_ text: String) -> ParticipantID {
        ParticipantID(text) ?? ParticipantID("repl:invalid-test-id")!
    }

    /// The answer to the intake's first question, consent for processing (`consent.processing`).
    static let consentAnswer = "ja"

    /// The answers to the intake's profile questions, in the order they come after the consent
    /// question (answered with `consentAnswer`; `fullIntake` has both).
    static let intakeAnswers = [
        "Anna de Vries", "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde",
        "lerarenopleiding", "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja",
    ]

    /// The keywords of what waits at the menu (unlisted options, shown as "Te doen: …").
    static let waitingKeywords = ["confirm_plan": "bevestig planning", "confirm_activity": "bevestig activiteit",
                                  "confirm_match": "bevestig match"]

    /// Every answer of an intake in order: consent, then the profile questions.
    static var fullIntake: [String] { [consentAnswer] + intakeAnswers }
}
