import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinLanguage
import JobTwinTestSupport
import TwinConfiguration

/// An `Assistant` on a real store with a clock the test moves: a SQLite file in a fresh
/// temporary folder or, in a suite `.onBothStores` when it runs on PostgreSQL, a new database of
/// its own on the test server (`JOBTWIN_TEST_POSTGRES_URL`).
final class AssistantFixture: Sendable {
    /// The fixture's store, of the kind `TestStoreKind.current` names.
    let store: TestStore
    let clock: ManualClock
    let assistant: Assistant

    init(language: Language = .nl, coordinators: Set<ParticipantID> = [], keepConversationTexts: Bool = false) throws {
        store = try TestStore()
        clock = ManualClock(Date(timeIntervalSince1970: 1_796_000_000))
        assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: store.repository, clock: clock,
                              options: AssistantOptions(defaultLanguage: language, coordinators: coordinators,
                                                        keepConversationTexts: keepConversationTexts))
    }

    /// The store.
    var repository: any TwinRepository { store.repository }
    /// The SQLite file (on PostgreSQL, where such a file would be: nothing is written there).
    var databasePath: String { store.sqlitePath }

    /// A second assistant on the same store, as after a restart of the process.
    func reopened() throws -> Assistant {
        Assistant(program: try DialogLibrary.load(directory: nil), repository: try store.reopened(), clock: clock)
    }

    /// Everything the store holds, for tests that look for traces of a person: the SQLite
    /// file's bytes with its log, or every PostgreSQL row as text.
    func storedBytes() throws -> Data { try store.storedBytes() }

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
