import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinConfiguration

/// The rule for participants who were never matched: warned some days before, erased after
/// the period unless they sent a message; a matched participant is never due.
@Suite("Retention of participants never matched", .onBothStores)
struct UnmatchedRetentionTests {
    static let silent = AssistantFixture.id("api:silent")
    static let staying = AssistantFixture.id("api:staying")
    static let matched = AssistantFixture.id("api:matched"), partner = AssistantFixture.id("api:partner")

    static func settings() -> RetentionSettings {
        var settings = RetentionSettings()
        settings.unmatchedDays = 365
        settings.unmatchedNoticeDays = 30
        return settings
    }

    @Test("warned 30 days before 365 silent days, with a notice and an event; erased after; a message keeps one; a pair keeps both")
    func warnThenErase() async throws {
        let fixture = try AssistantFixture()
        let assistant = fixture.assistant
        var silentAnswers = AssistantFixture.intakeAnswers
        silentAnswers[0] = "Stil Zwijgzaam"
        try await OpenMatchingFlowTests.intake(assistant, Self.silent, silentAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, Self.staying, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, Self.matched, AssistantFixture.intakeAnswers, open: false)
        try await OpenMatchingFlowTests.intake(assistant, Self.partner, OpenMatchingFlowTests.professionalIntake, open: false)
        try await fixture.repository.transaction { tx in
            try tx.save(Pair(id: "m", teacher: Self.matched, professional: Self.partner, origin: .coordinator, status: .confirmed,
                             score: 1, proposedAt: Date(), confirmedAt: Date()))
        }
        let start = fixture.clock.now()
        func purge(afterDays days: Double) async throws -> RetentionPurge.Outcome {
            try await RetentionPurge.run(fixture.repository, settings: Self.settings(), coordinators: [],
                                         now: start.addingTimeInterval(days * 86_400), actor: "test")
        }

        // Not yet: 300 days silent.
        #expect(try await purge(afterDays: 300).warned.isEmpty)
        // 340 days: the two unmatched are warned, once; nobody is erased.
        let warning = try await purge(afterDays: 340)
        #expect(Set(warning.warned) == [Self.silent, Self.staying])
        #expect(warning.all.isEmpty)
        #expect(try await purge(afterDays: 341).warned.isEmpty, "a warning is given once")
        let (notices, events) = try await fixture.repository.read { reader in
            (try reader.pendingNotices(for: Self.silent), try reader.events().filter { $0.kind == .retentionWarning })
        }
        #expect(notices.map(\.kind) == [RetentionPurge.unmatchedNoticeKind])
        #expect(notices.first?.nl.contains("Wil je blijven meedoen?") == true)
        #expect(notices.first?.nl.contains("worden je gegevens na ") == true)
        #expect(Set(events.flatMap(\.participants)) == [Self.silent, Self.staying], "the outbox tells the programme's channel")

        // One of them answers: they stay, and see the warning first.
        fixture.clock.advance(days: 350)
        let reply = try await assistant.handle(participant: Self.staying, text: "status")
        #expect(reply.messages.first?.text.contains("Wil je blijven meedoen?") == true)

        // 366 days: 365 silent days passed, but the warning is only 26 days old: not yet.
        #expect(try await purge(afterDays: 366).all.isEmpty, "never sooner than the notice period after the warning")
        // 371 days: the silent one is erased; the one who answered and the matched pair stay.
        let late = try await purge(afterDays: 371)
        #expect(late.unmatched == [Self.silent])
        let (participants, audit) = try await (fixture.repository.read { try $0.participants().map(\.id) }, fixture.repository.auditLog())
        #expect(!participants.contains(Self.silent))
        #expect(Set([Self.staying, Self.matched, Self.partner]).isSubset(of: Set(participants)))
        #expect(audit.last?.action == "purge" && audit.last?.detail.contains("never matched") == true)
        let bytes = try fixture.storedBytes()
        #expect(bytes.range(of: Data("Stil Zwijgzaam".utf8)) == nil)
    }

    @Test("the rule is configured and checked: the notice comes before the erasure, 0 turns it off")
    func configuration() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-unmatched-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(RetentionSettings().unmatchedDays == 365 && RetentionSettings().unmatchedNoticeDays == 30)
        try "retention: {unmatched_days: 200, unmatched_notice_days: 14}\n".write(to: file, atomically: true, encoding: .utf8)
        let read = try JobTwinConfiguration.load(file: file.path, environment: [:]).retention
        #expect(read.unmatchedDays == 200 && read.unmatchedNoticeDays == 14)
        try "retention: {unmatched_days: 0}\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try JobTwinConfiguration.load(file: file.path, environment: [:]).retention.unmatchedDays == 0)
        for wrong in ["retention: {unmatched_days: 20, unmatched_notice_days: 30}\n", "retention: {unmatched_notice_days: 0}\n",
                      "retention: {unmatched_days: -5}\n"] {
            try wrong.write(to: file, atomically: true, encoding: .utf8)
            #expect(throws: ConfigurationError.self, "\(wrong)") { try JobTwinConfiguration.load(file: file.path, environment: [:]) }
        }
    }
}
