import Foundation
public import Twinning
public import TwinStore
public import TwinConfiguration

/// Keeps the reminder schedule in the database and sends what is due, as events through the
/// outbox, in one transaction per run.
///
/// Each run looks at every confirmed pair and works out the current occurrence of each rule —
/// the silence that began with the last logged activity (or the confirmation), the end of the
/// fixed plan — and stores it with its due moment. An occurrence that is no longer current (an
/// activity was logged, the plan changed, the evaluations are done, the pair ended) is
/// cancelled; a current one that is due is sent once: its event is recorded and the row marked
/// sent in the same transaction, so a crash can neither lose nor repeat it.
public struct ReminderScheduler: Sendable {
    private let repository: any TwinRepository
    private let settings: ReminderSettings
    private let clock: any WallClock

    /// Creates a scheduler over `repository` with `settings`' rules, reading time from `clock`.
    public init(repository: any TwinRepository, settings: ReminderSettings, clock: any WallClock = SystemClock()) {
        self.repository = repository
        self.settings = settings
        self.clock = clock
    }

    /// `run()` when this process leads the schedules (`TwinRepository.leadsSchedules`): of
    /// several `serve` on one database, one sends the reminders.
    public func runIfLeading() async throws -> [ProgrammeEvent] {
        guard await repository.leadsSchedules() else { return [] }
        return try await run()
    }

    /// Updates the schedule and records the events of the reminders due now; returns them.
    @discardableResult
    public func run() async throws -> [ProgrammeEvent] {
        let now = clock.now()
        let settings = self.settings
        return try await repository.transaction { tx in
            var fired: [ProgrammeEvent] = []
            let scheduled = Dictionary(grouping: try tx.reminders(of: nil).filter { $0.status == .scheduled }, by: \.pairID)
            var seenPairs: Set<String> = []
            // A pair whose partner was erased waits for the coordinator's decision, not for reminders.
            for pair in try tx.allPairs() where pair.status == .confirmed && !pair.teacher.isErasedStandIn && !pair.professional.isErasedStandIn {
                seenPairs.insert(pair.id)
                var current: [ReminderRule: (anchor: Date, due: Date)] = [:]
                if let inactivity = try Self.inactivity(pair, days: settings.inactivityDays, tx) { current[.inactivity] = inactivity }
                if let end = try Self.beforeEnd(pair, days: settings.beforeEndDays, tx) { current[.beforeEnd] = end }
                for (rule, occurrence) in current {
                    try tx.scheduleReminder(pairID: pair.id, rule: rule.rawValue, anchor: occurrence.anchor, dueAt: occurrence.due)
                }
                // Read back: the rows just scheduled, and the earlier ones to cancel or send.
                for reminder in try tx.reminders(of: pair.id) where reminder.status == .scheduled {
                    guard let rule = ReminderRule(rawValue: reminder.rule), let occurrence = current[rule],
                          occurrence.anchor == reminder.anchor else {
                        try tx.cancelReminder(reminder.id)
                        continue
                    }
                    guard reminder.dueAt <= now else { continue }
                    let kind: ProgrammeEvent.Kind = rule == .inactivity ? .reminderInactivity : .reminderEvaluation
                    let event = ProgrammeEvent(kind: kind, participants: [pair.teacher, pair.professional], pairID: pair.id, occurredAt: now)
                    try tx.fireReminder(reminder.id, event: event, at: now)
                    fired.append(event)
                }
            }
            // Pairs that are no longer running (or lost a partner) need no reminders.
            for (pairID, reminders) in scheduled where !seenPairs.contains(pairID) {
                for reminder in reminders { try tx.cancelReminder(reminder.id) }
            }
            return fired
        }
    }

    /// The silence since the last logged activity (or the confirmation): anchored at its start,
    /// due `days` later; `nil` when the rule is off.
    static func inactivity(_ pair: Pair, days: Int, _ tx: any TwinTransaction) throws -> (anchor: Date, due: Date)? {
        guard days > 0 else { return nil }
        let start = pair.confirmedAt ?? pair.proposedAt
        let last = wholeSecond(try tx.activities(of: pair.id).map(\.loggedAt).max().map { max($0, start) } ?? start)
        return (last, last.addingTimeInterval(TimeInterval(days) * 86_400))
    }

    /// The end of the fixed plan (the day it was fixed plus its weeks): anchored at the end, due
    /// `days` before it; `nil` when the rule is off, no plan is fixed, or both partners finished
    /// their evaluation.
    static func beforeEnd(_ pair: Pair, days: Int, _ tx: any TwinTransaction) throws -> (anchor: Date, due: Date)? {
        guard days > 0, let plan = try tx.plan(of: pair.id), let fixed = plan.fixedAt else { return nil }
        let finished = try [pair.teacher, pair.professional].allSatisfy { try tx.evaluation(of: $0, pairID: pair.id)?.finishedAt != nil }
        guard !finished else { return nil }
        let end = wholeSecond(fixed.addingTimeInterval(TimeInterval(plan.weeks) * 7 * 86_400))
        return (end, end.addingTimeInterval(-TimeInterval(days) * 86_400))
    }

    /// Anchors are compared with what the database gives back, which keeps milliseconds only:
    /// whole seconds compare equal after the round trip.
    static func wholeSecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
