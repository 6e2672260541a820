public import Foundation

/// One occurrence of a reminder rule for one pair, kept in the database so that the schedule
/// survives restarts and each occurrence is sent once.
public struct ScheduledReminder: Sendable, Hashable {
    /// Where an occurrence stands.
    public enum Status: String, Sendable, Hashable {
        /// Waiting for its moment.
        case scheduled
        /// Its event was recorded.
        case sent
        /// No longer needed: the pair became active again, the plan changed, the evaluations
        /// were finished, or the pair ended.
        case cancelled
    }

    /// The row id.
    public var id: Int64
    /// The pair it is about.
    public var pairID: String
    /// The rule: `inactivity` or `before_end`.
    public var rule: String
    /// What the occurrence is anchored to: the start of the silence, or the plan's end. A new
    /// anchor is a new occurrence.
    public var anchor: Date
    /// When it is due.
    public var dueAt: Date
    /// Where it stands.
    public var status: Status
    /// When its event was recorded.
    public var sentAt: Date?

    /// Creates a scheduled reminder (as read back from the store).
    public init(id: Int64, pairID: String, rule: String, anchor: Date, dueAt: Date, status: Status, sentAt: Date?) {
        self.id = id
        self.pairID = pairID
        self.rule = rule
        self.anchor = anchor
        self.dueAt = dueAt
        self.status = status
        self.sentAt = sentAt
    }
}
