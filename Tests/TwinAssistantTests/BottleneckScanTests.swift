import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinAssistant
import TwinReply
import TwinStore

/// The scan over the stored programme: a bottleneck is flagged once with an event, and resolved
/// when it is gone.
@Suite("Bottleneck scan", .onBothStores)
struct BottleneckScanTests {
    @Test("flagged once with an event, visible to the coordinator, resolved when gone")
    func scan() async throws {
        let fixture = try AssistantFixture()
        let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!
        let start = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, phase: .kennismaking, createdAt: start))
            try tx.save(Participant(id: bram, language: .nl, phase: .kennismaking, createdAt: start))
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: start, teacherConfirmedAt: start, professionalConfirmedAt: start, confirmedAt: start))
            try tx.save(Plan(pairID: "p", weeks: 13, meetings: 6, hours: 20, period: "", agreements: "", proposedBy: anna, at: start))
        }
        #expect(try await BottleneckScan.scan(fixture.repository, now: start + 86_400).isEmpty)

        fixture.clock.advance(days: 20)
        let open = try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now())
        #expect(open.map(\.kind) == [.planNotConfirmed])
        _ = try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now())
        let events = try await fixture.repository.read { try $0.events() }
        #expect(events.filter { $0.kind == .bottleneckFlagged }.count == 1, "flagged once, not on every scan")

        // Bram confirms: the plan is fixed and the bottleneck resolves.
        try await fixture.repository.transaction { tx in
            guard var plan = try tx.plan(of: "p") else { return }
            plan.confirm(by: bram, partner: anna, at: fixture.clock.now())
            try tx.save(plan)
        }
        #expect(try await BottleneckScan.scan(fixture.repository, now: fixture.clock.now()).isEmpty)
    }
}
