import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinStore
import TwinConfiguration

/// The reminder schedule with the clock moved day by day: stored in the database, each
/// occurrence sent once, also across a restart.
@Suite("Reminders")
struct ReminderTests {
    private func events(_ fixture: NotifyFixture, _ kind: ProgrammeEvent.Kind) async throws -> [ProgrammeEvent] {
        try await fixture.repository.read { try $0.events() }.filter { $0.kind == kind }
    }

    @Test("no activity for 14 days: one reminder per silence; a new activity starts a new one")
    func inactivity() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        let scheduler = ReminderScheduler(repository: fixture.repository, settings: ReminderSettings(), clock: fixture.clock)

        #expect(try await scheduler.run().isEmpty)
        let stored = try await fixture.repository.read { try $0.reminders(of: nil) }
        #expect(stored.map(\.rule) == ["inactivity"])
        #expect(stored.first?.dueAt == NotifyFixture.start.addingTimeInterval(14 * 86_400), "the schedule is in the database")

        // Day 13: an activity is logged; the silence starts again.
        fixture.clock.advance(days: 13)
        #expect(try await scheduler.run().isEmpty)
        let now = fixture.clock.now()
        try await fixture.repository.transaction { [anna = fixture.anna] tx in
            try tx.save(Activity(id: "a1", pairID: NotifyFixture.pairID, loggedBy: anna, kind: .workplaceVisit, day: "2026-12-12", hours: 4,
                                 notes: "", isConfidential: false, loggedAt: now))
        }
        fixture.clock.advance(days: 2)
        #expect(try await scheduler.run().isEmpty, "the first silence ended before it was due")

        // Day 27 = 13 + 14: due.
        fixture.clock.advance(days: 11)
        #expect(try await scheduler.run().isEmpty)
        fixture.clock.advance(days: 1)
        let fired = try await scheduler.run()
        #expect(fired.map(\.kind) == [.reminderInactivity])
        #expect(fired.first?.participants == [fixture.anna, fixture.bram])
        #expect(try await scheduler.run().isEmpty, "sent once per occurrence")

        // After a restart (another process on the same file) it is not sent again.
        let reopened = try SQLiteRepository(path: fixture.databasePath)
        fixture.clock.advance(days: 30)
        #expect(try await ReminderScheduler(repository: reopened, settings: ReminderSettings(), clock: fixture.clock).run().isEmpty)
        #expect(try await events(fixture, .reminderInactivity).count == 1)
        let statuses = try await fixture.repository.read { try $0.reminders(of: NotifyFixture.pairID) }.map(\.status)
        #expect(statuses == [.cancelled, .sent])
    }

    @Test("two weeks before the plan's end without the evaluations: one reminder, delivered through the outbox")
    func beforeEnd() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        let settings = ReminderSettings(inactivityDays: 0, beforeEndDays: 14)
        let scheduler = ReminderScheduler(repository: fixture.repository, settings: settings, clock: fixture.clock)
        let now = fixture.clock.now()
        try await fixture.repository.transaction { [anna = fixture.anna, bram = fixture.bram] tx in
            var plan = Plan(pairID: NotifyFixture.pairID, weeks: 8, meetings: 4, hours: 16, period: "", agreements: "", proposedBy: anna, at: now)
            plan.confirm(by: bram, partner: anna, at: now)
            try tx.save(plan)
        }
        // The plan ends after 56 days: the reminder is due on day 42.
        fixture.clock.advance(days: 41)
        #expect(try await scheduler.run().isEmpty)
        fixture.clock.advance(days: 1)
        #expect(try await scheduler.run().map(\.kind) == [.reminderEvaluation])
        fixture.clock.advance(days: 1)
        #expect(try await scheduler.run().isEmpty)

        try await TestReceiver.with { receiver in
            let worker = fixture.worker([NotifyFixture.target("json", receiver)], transport: try CurlTransport())
            #expect(try await worker.drain().delivered == 1)
            let json = try #require(receiver.received.first).json
            #expect(json["type"] as? String == "reminder.evaluation")
            #expect((json["text"] as? [String: String])?["nl"]?.contains("Anna de Vries (docent) en Bram Jansen (professional)") == true)
        }
    }

    @Test("no reminder when both evaluations are finished, or when the rules are off")
    func notNeeded() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        let now = fixture.clock.now()
        try await fixture.repository.transaction { [anna = fixture.anna, bram = fixture.bram] tx in
            var plan = Plan(pairID: NotifyFixture.pairID, weeks: 4, meetings: 4, hours: 16, period: "", agreements: "", proposedBy: anna, at: now)
            plan.confirm(by: bram, partner: anna, at: now)
            try tx.save(plan)
            for id in [anna, bram] {
                var evaluation = Evaluation(participant: id, pairID: NotifyFixture.pairID, startedAt: now)
                evaluation.finishedAt = now
                try tx.save(evaluation)
            }
        }
        fixture.clock.advance(days: 100)
        let off = ReminderScheduler(repository: fixture.repository, settings: ReminderSettings(inactivityDays: 0, beforeEndDays: 0), clock: fixture.clock)
        #expect(try await off.run().isEmpty)
        let evaluationOnly = ReminderScheduler(repository: fixture.repository, settings: ReminderSettings(inactivityDays: 0, beforeEndDays: 14),
                                               clock: fixture.clock)
        #expect(try await evaluationOnly.run().isEmpty)
        #expect(try await fixture.repository.read { try $0.reminders(of: nil) }.isEmpty)
    }
}
