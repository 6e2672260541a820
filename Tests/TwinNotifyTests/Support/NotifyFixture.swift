import DialogEngine
import Foundation
import Logging
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinStore
import TwinLanguage
import TwinConfiguration

/// A fresh SQLite database with a confirmed pair (Anna, a teacher, and Bram, a professional,
/// with profiles), a clock the test moves, and a worker whose backoff is fast and whose jitter
/// is fixed.
final class NotifyFixture: @unchecked Sendable {
    let folder: URL
    let databasePath: String
    let repository: SQLiteRepository
    let clock: ManualClock
    let anna = ParticipantID("api:anna") ?? ParticipantID("repl:anna-invalid")!
    let bram = ParticipantID("api:bram") ?? ParticipantID("repl:bram-invalid")!
    static let pairID = "pair-1"
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("notify.sqlite").path
        repository = try SQLiteRepository(path: databasePath)
        clock = ManualClock(Self.start)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Stores Anna and Bram with profiles and a confirmed pair.
    func addPair() async throws {
        let now = clock.now()
        let (anna, bram) = (self.anna, self.bram)
        try await repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, phase: .kennismaking, createdAt: now))
            try tx.save(Participant(id: bram, language: .en, phase: .kennismaking, createdAt: now))
            try tx.save(Self.profile("Anna de Vries", .teacher, now), for: anna)
            try tx.save(Self.profile("Bram Jansen", .professional, now), for: bram)
            try tx.save(Pair(id: Self.pairID, teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now))
        }
    }

    static func profile(_ name: String, _ side: Side, _ now: Date) -> Profile {
        Profile(name: name, side: side, organization: side == .teacher ? "Erasmus College" : "Acme", role: "r", field: "mathematics",
                educationTypes: ["vmbo"], companyTypes: ["ict"], motivations: ["other_world"], criteria: [.subject],
                subjectPreference: .different, region: "Delft", openMatchingConsent: nil, updatedAt: now)
    }

    /// Records an event about the pair now.
    func record(_ kind: ProgrammeEvent.Kind) async throws {
        let event = ProgrammeEvent(kind: kind, participants: [anna, bram], pairID: Self.pairID, occurredAt: clock.now())
        try await repository.transaction { try $0.record(event) }
    }

    /// A target at the receiver's `path`. The receiver is on loopback and answers at once, but a
    /// suite that keeps both cores busy (the PostgreSQL half runs beside it) can stall a process
    /// for seconds: the default timeout is generous, and the tests of timeouts set their own.
    static func target(_ name: String, _ receiver: TestReceiver, path: String = "/hook", format: NotificationFormat = .json,
                       language: Language = .nl, maxAttempts: Int = 5, timeout: Double = 10) -> NotificationTarget {
        var target = NotificationTarget(name: name, url: Secret(receiver.url + path, source: "test") ?? Secret("-", source: "test")!,
                                        format: format, language: language)
        target.maxAttempts = maxAttempts
        target.timeoutSeconds = timeout
        target.connectTimeoutSeconds = min(timeout, 5)
        return target
    }

    /// A worker over the fixture's database: backoff from 1 s, jitter fixed at its largest.
    func worker(_ targets: [NotificationTarget], transport: CurlTransport, slackToken: String? = nil,
                slackBase: String? = nil) -> OutboxWorker {
        var settings = NotificationSettings()
        settings.targets = targets
        var options = OutboxOptions()
        options.baseBackoff = 1
        options.maxBackoff = 60
        if let slackBase { options.slackAPIBaseURL = slackBase }
        let quiet = Logger(label: "test.notify") { _ in SwiftLogNoOpLogHandler() }
        return OutboxWorker(repository: repository, notifications: settings, slackBotToken: slackToken.flatMap { Secret($0, source: "test") },
                            transport: transport, clock: clock, options: options, logger: quiet, random: { 0.999_999 })
    }

    /// Every delivery, oldest first.
    func deliveries() async throws -> [Delivery] {
        try await repository.read { try $0.deliveries(status: nil, limit: 10_000) }.sorted { $0.id < $1.id }
    }
}
