import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinLanguage

/// An `Assistant` on a real SQLite file in a fresh temporary folder, with a clock the test moves.
final class AssistantFixture: @unchecked Sendable {
    let folder: URL
    let databasePath: String
    let repository: SQLiteRepository
    let clock: ManualClock
    let assistant: Assistant

    init(language: Language = .nl, coordinators: Set<ParticipantID> = [], keepConversationTexts: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-assistant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("test.sqlite").path
        repository = try SQLiteRepository(path: databasePath)
        clock = ManualClock(Date(timeIntervalSince1970: 1_796_000_000))
        assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: repository, clock: clock,
                              options: AssistantOptions(defaultLanguage: language, coordinators: coordinators,
                                                        keepConversationTexts: keepConversationTexts))
    }

    /// A second assistant on the same file, as after a restart of the process.
    func reopened() throws -> Assistant {
        Assistant(program: try DialogLibrary.load(directory: nil), repository: try SQLiteRepository(path: databasePath), clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

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
