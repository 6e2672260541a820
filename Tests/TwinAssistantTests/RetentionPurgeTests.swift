import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinConfiguration

/// Retention: closed trajectories are anonymised after the configured period, with the clock
/// advanced.
@Suite("Retention purge", .onBothStores)
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
        let bytes = try fixture.storedBytes()
        #expect(bytes.range(of: Data("Anna de Vries".utf8)) == nil)
        #expect(try await RetentionPurge.run(fixture.repository, closedDays: 365, now: start.addingTimeInterval(400 * 86_400), actor: "test").isEmpty)
    }

    @Test("retention is configurable")
    func configuration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-retention-\(UUID().uuidString).yaml")
        try "retention: {closed_days: 30}\n".write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let defaults = try JobTwinConfiguration.load(file: folder.path, environment: [:]).retention
        #expect(defaults.closedDays == 30)
        #expect(defaults.inactiveWithoutProfileDays == 90, "the second rule is on by default")
        try "retention: {closed_days: 400, inactive_without_profile_days: 0}\n".write(to: folder, atomically: true, encoding: .utf8)
        let off = try JobTwinConfiguration.load(file: folder.path, environment: [:]).retention
        #expect(off.closedDays == 400 && off.inactiveWithoutProfileDays == 0)
        for wrong in ["retention: {closed_days: 0}\n", "retention: {inactive_without_profile_days: -1}\n", "retention: {abandoned_days: 9}\n"] {
            try wrong.write(to: folder, atomically: true, encoding: .utf8)
            #expect(throws: ConfigurationError.self, "\(wrong)") { try JobTwinConfiguration.load(file: folder.path, environment: [:]) }
        }
    }

    static let boss = AssistantFixture.id("api:boss")
    static let abandoned = AssistantFixture.id("api:abandoned"), refused = AssistantFixture.id("api:refused")
    static let withdrawn = AssistantFixture.id("api:withdrawn"), legacy = AssistantFixture.id("api:legacy")
    static let complete = AssistantFixture.id("api:complete"), session = AssistantFixture.id("repl:session-coordinator")

    /// Everyone the second rule must tell apart, all silent from the fixture's start: an intake
    /// abandoned after the consent, a consent refused, a profile whose consent was withdrawn
    /// later, a profile from before consent was asked (never asked, so never refused), a
    /// complete intake, the configured coordinator and a `--coordinator` session's participant.
    static func mixedProgramme(_ fixture: AssistantFixture) async throws {
        let assistant = fixture.assistant, now = fixture.clock.now()
        _ = try await assistant.open(participant: abandoned)
        _ = try await assistant.handle(participant: abandoned, text: "ja")
        _ = try await assistant.handle(participant: abandoned, text: "Abel Afhaker")
        _ = try await assistant.open(participant: refused)
        _ = try await assistant.handle(participant: refused, text: "nee")
        try await OpenMatchingFlowTests.intake(assistant, complete, AssistantFixture.intakeAnswers)
        try await OpenMatchingFlowTests.intake(assistant, withdrawn, OpenMatchingFlowTests.professionalIntake)
        _ = try await assistant.open(participant: boss)
        try await fixture.repository.transaction { tx in
            try tx.record(ConsentDecision(purpose: .processing, textVersion: "processing-2026-12", given: false, recordedAt: now), for: withdrawn)
            try tx.save(Participant(id: legacy, language: .nl, createdAt: now))
            try tx.save(ReportTests.profile("Lena Legacy", .teacher, "Oude School"), for: legacy)
            try tx.save(Participant(id: session, language: .nl, createdAt: now))
            try tx.audit(AuditEntry(at: now, actor: session.description, action: "coordinator.overview", subject: nil, detail: "viewed"))
        }
    }

    @Test("without a profile or consent, a participant is erased after the inactive period; coordinators, earlier profiles and consenting participants stay")
    func inactiveWithoutProfile() async throws {
        let fixture = try AssistantFixture(coordinators: [Self.boss])
        try await Self.mixedProgramme(fixture)
        let start = fixture.clock.now(), settings = RetentionSettings()
        let early = try await RetentionPurge.run(fixture.repository, settings: settings, coordinators: [Self.boss],
                                                 now: start.addingTimeInterval(89 * 86_400), actor: "test")
        #expect(early.all.isEmpty)

        let late = try await RetentionPurge.run(fixture.repository, settings: settings, coordinators: [Self.boss],
                                                now: start.addingTimeInterval(91 * 86_400), actor: "test")
        #expect(Set(late.inactive) == [Self.abandoned, Self.refused, Self.withdrawn])
        #expect(late.closed.isEmpty)
        let remaining = Set(try await fixture.repository.read { try $0.participants() }.map(\.id).filter { !$0.isErasedStandIn })
        #expect(remaining == [Self.legacy, Self.complete, Self.boss, Self.session])

        let purges = try await fixture.repository.auditLog().filter { $0.action == "purge" }
        #expect(purges.count == 3)
        #expect(purges.allSatisfy { $0.actor == "test" && $0.subject?.hasPrefix("erased:") == true && $0.detail.contains("inactive for more than 90 days") })
        let bytes = try DataRightsTests.fileBytes(fixture)
        for gone in ["api:abandoned", "api:refused", "api:withdrawn", "Abel Afhaker", "Bram Bakker"] {
            #expect(bytes.range(of: Data(gone.utf8)) == nil, "\(gone) is still in the file")
        }
        #expect(try await RetentionPurge.run(fixture.repository, settings: settings, coordinators: [Self.boss],
                                             now: start.addingTimeInterval(200 * 86_400), actor: "test").all.isEmpty)
    }

    @Test("a coordinator invited to the web is never due, though the audit log shows nothing they did; a revoked invitation keeps nobody")
    func webCoordinator() async throws {
        let fixture = try AssistantFixture()
        let invitations = Invitations(repository: fixture.repository, clock: fixture.clock)
        let coordinator = try await invitations.invite(InvitationRequest(name: "Cora Coördinator", isCoordinator: true), actor: "test")
        let revoked = try await invitations.invite(InvitationRequest(name: "Rik Ingetrokken", isCoordinator: true), actor: "test")
        _ = try await invitations.revoke(revoked.participant, actor: "test")
        let late = try await RetentionPurge.run(fixture.repository, settings: RetentionSettings(), coordinators: [],
                                                now: fixture.clock.now().addingTimeInterval(200 * 86_400), actor: "test")
        #expect(!late.all.contains(coordinator.participant), "an invited coordinator stays")
        #expect(late.inactive.contains(revoked.participant), "without a profile and with the link revoked, the usual rule applies")
    }

    @Test("a message within the period keeps a participant; 0 days turns the rule off")
    func activityAndOff() async throws {
        let fixture = try AssistantFixture()
        _ = try await fixture.assistant.open(participant: Self.refused)
        _ = try await fixture.assistant.handle(participant: Self.refused, text: "nee")
        let start = fixture.clock.now()
        fixture.clock.advance(days: 60)
        _ = try await fixture.assistant.handle(participant: Self.refused, text: "hallo")
        let kept = try await RetentionPurge.run(fixture.repository, settings: RetentionSettings(), coordinators: [],
                                                now: start.addingTimeInterval(100 * 86_400), actor: "test")
        #expect(kept.all.isEmpty, "active on day 60: not silent for 90 days on day 100")
        var off = RetentionSettings()
        off.inactiveWithoutProfileDays = 0
        #expect(try await RetentionPurge.run(fixture.repository, settings: off, coordinators: [],
                                             now: start.addingTimeInterval(1_000 * 86_400), actor: "test").all.isEmpty)
        let due = try await RetentionPurge.run(fixture.repository, settings: RetentionSettings(), coordinators: [],
                                               now: start.addingTimeInterval(151 * 86_400), actor: "test")
        #expect(due.inactive == [Self.refused])
    }

    @Test("a closed trajectory whose other partner was erased earlier is still purged")
    func closedWithErasedPartner() async throws {
        let fixture = try AssistantFixture()
        try await ReportTests.closedTrajectory(fixture)
        _ = try await fixture.repository.erasePersonalData(of: ReportTests.anna, at: fixture.clock.now())
        let start = fixture.clock.now()
        let outcome = try await RetentionPurge.run(fixture.repository, settings: RetentionSettings(), coordinators: [],
                                                   now: start.addingTimeInterval(366 * 86_400), actor: "test")
        #expect(outcome.closed == [ReportTests.bram])
        #expect(try await fixture.repository.read { try $0.participants() }.allSatisfy(\.id.isErasedStandIn))
    }
}
