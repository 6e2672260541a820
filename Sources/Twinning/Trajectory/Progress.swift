public import Foundation

/// Where a pair stands against its plan: meetings, hours and weeks, done against planned, and
/// the kinds of activity intended against those done.
public struct Progress: Sendable, Hashable {
    /// Activities logged (each counts as a meeting).
    public var meetingsDone: Int
    /// Meetings planned.
    public var meetingsPlanned: Int
    /// Hours spent per participant.
    public var hoursDone: Double
    /// Hours planned per participant.
    public var hoursPlanned: Double
    /// Whole weeks since the plan was fixed.
    public var weeksElapsed: Int
    /// Weeks planned.
    public var weeksPlanned: Int
    /// The plan's intended kinds of activity against the confirmed activities.
    public var kinds: IntendedActivities

    /// Computes progress from the plan, the activities and the time now.
    public init(plan: Plan, activities: [Activity], now: Date) {
        meetingsDone = activities.count
        meetingsPlanned = plan.meetings
        hoursDone = activities.reduce(0) { $0 + $1.hours }
        hoursPlanned = plan.hours
        let start = plan.fixedAt ?? plan.proposedAt
        weeksElapsed = max(0, Int(now.timeIntervalSince(start) / (7 * 86_400)))
        weeksPlanned = plan.weeks
        kinds = IntendedActivities(plan: plan, activities: activities)
    }

    /// The share of the planned time that has passed, 0...1.
    public var timeShare: Double {
        weeksPlanned > 0 ? min(1, Double(weeksElapsed) / Double(weeksPlanned)) : 1
    }

    /// Whether the pair is clearly behind: more than a quarter of the plan's meetings or hours
    /// behind what the time passed would lead to expect.
    public var isBehindOnMeetings: Bool {
        Double(meetingsDone) < timeShare * Double(meetingsPlanned) - max(1, 0.25 * Double(meetingsPlanned))
    }

    /// Whether the hours spent lag clearly behind the time passed.
    public var isBehindOnHours: Bool {
        hoursDone < timeShare * hoursPlanned - max(2, 0.25 * hoursPlanned)
    }
}
