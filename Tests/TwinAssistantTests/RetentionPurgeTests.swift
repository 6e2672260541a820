import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinStore

/// Retention: closed trajectories are anonymised after the configured period, with the clock
/// advanced.
@Suite("Retention purge")
struct RetentionPurgeTests {
    @Test("a closed trajectory is erased only after both partners were inactive for the period; the purge is audited")
    func purge() async throws {
        let fixture = try AssistantFixture()
        try await ReportTests.closedTrajectory(fixture)
        let start = fixture.clock.now()
        let early = try await RetentionPurge.run(fixture.repository, closedDays: 365, now: start.addingTimeInterval(300 * 86_400), actor: "test")
        #expect(early.isEmpty)
        let late = try await RetentionPurge.run(fixture.repository, closedDays: 365, now: start.addingTimeInterval(366 * 86_400), actor: "test")
        #expect(Set(late) == [ReportTests.anna, ReportTests.bram])
        let (participants, audit) = try await (fixture.repository.read { try $0.participants() }, fixture.repository.auditLog())
        #expect(participants.allSatisfy { $0.id.channel == "erased" })
        #expect(audit.map(\.action) == ["purge", "purge"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.databasePath))
        #expect(bytes.range(of: Data("Anna de Vries".utf8)) == nil)
        #expect(try await RetentionPurge.run(fixture.repository, closedDays: 365, now: start.addingTimeInterval(400 * 86_400), actor: "test").isEmpty)
    }

    @Test("retention is configurable")
    func configuration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-retention-\(UUID().uuidString).yaml")
        try "retention: {closed_days: 30}\n".write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try JobTwinConfiguration.load(file: folder.path, environment: [:]).retention.closedDays == 30)
        try "retention: {closed_days: 0}\n".write(to: folder, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try JobTwinConfiguration.load(file: folder.path, environment: [:]) }
    }
}
