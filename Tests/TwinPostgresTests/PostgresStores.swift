import DialogEngine
import Foundation
import Logging
import Testing
import TwinAssistant
import TwinConfiguration
import TwinLanguage
import TwinPostgres
import JobTwinTestSupport
import TwinReply
import TwinStore
import Twinning

/// Assistants on the two stores, for tests that do the same on both and compare.
enum PostgresStores {
    /// A fixed moment, so that both stores see the same times.
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    /// An assistant on `repository` with the built-in dialogs and `clock`.
    static func assistant(on repository: any TwinRepository, clock: ManualClock, keepTexts: Bool = false) throws -> Assistant {
        Assistant(program: try DialogLibrary.load(directory: nil), repository: repository, clock: clock,
                  options: AssistantOptions(defaultLanguage: .nl, keepConversationTexts: keepTexts))
    }

    /// A new SQLite store in a temporary folder of its own, removed after `body`.
    static func withSQLite<T>(_ body: (SQLiteRepository) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-pg-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(try SQLiteRepository(path: folder.appendingPathComponent("test.sqlite").path))
    }

    /// The answers of a teacher's intake: consent, then the profile questions.
    static let teacherIntake = [
        "ja", "Anna de Vries", "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde",
        "lerarenopleiding", "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja",
    ]

    /// The answers of a professional's intake.
    static let professionalIntake = [
        "ja", "Bram Bakker", "professional", "Havenbedrijf Rotterdam", "Rotterdam", "ingenieur", "techniek",
        "1", "1", "1, 2", "2", "ja", "ja",
    ]

    /// `answers` typed by `participant`, each turn with its own request id.
    @discardableResult
    static func type(_ answers: [String], as participant: ParticipantID, to assistant: Assistant) async throws -> [Reply] {
        var replies: [Reply] = []
        for (index, answer) in answers.enumerated() {
            let request = ChannelRequestID(channel: "api", value: "\(participant.local)-\(index)")
            replies.append(try await assistant.handle(participant: participant, text: answer, requestID: request))
        }
        return replies
    }

    /// The export of `id` without the moment it was made, as a JSON object.
    static func export(_ id: ParticipantID, from repository: any TwinRepository) async throws -> NSDictionary {
        let data = try await repository.read { try $0.exportPersonalData(of: id, at: start, scope: .complete) }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
        return object
    }
}
