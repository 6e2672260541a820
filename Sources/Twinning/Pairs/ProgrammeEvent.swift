public import Foundation

/// Something that happened that other people need to hear about: recorded in the same
/// transaction as the change that caused it, delivered later by the notification worker.
public struct ProgrammeEvent: Sendable, Hashable, Codable {
    /// The kinds of event (`reminder.evaluation` for the reminder before a
    /// plan's end, and `coordinator.nudge` for a coordinator's message to a pair).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case matchProposed = "match.proposed"
        case matchMutualLike = "match.mutual_like"
        case matchConfirmed = "match.confirmed"
        case planAwaitingConfirmation = "plan.awaiting_confirmation"
        /// The partner logged an activity that the participant is asked to confirm.
        case activityAwaitingConfirmation = "activity.awaiting_confirmation"
        case phaseCompleted = "phase.completed"
        case reminderInactivity = "reminder.inactivity"
        /// The plan ends soon and the closing evaluation is not finished (a reminder rule).
        case reminderEvaluation = "reminder.evaluation"
        case bottleneckFlagged = "bottleneck.flagged"
        /// A participant told the coordinator something is not working: a knelpunt they raised
        /// themselves, or "no" to the click question. For the coordinators only; the partner is
        /// not told. Its participant is the one who said it.
        case bottleneckReported = "bottleneck.reported"
        case trajectoryClosed = "trajectory.closed"
        /// A coordinator sent a pair a short message from the chat (a nudge); both partners
        /// see it at their next turn.
        case coordinatorNudge = "coordinator.nudge"
        /// A participant who was never matched has been silent so long that the retention
        /// rule will erase them soon, unless they send a message.
        case retentionWarning = "retention.unmatched_warning"
    }

    /// What happened.
    public var kind: Kind
    /// The participants it concerns.
    public var participants: [ParticipantID]
    /// The pair it concerns, if any.
    public var pairID: String?
    /// When it happened.
    public var occurredAt: Date

    /// Creates an event.
    public init(kind: Kind, participants: [ParticipantID], pairID: String? = nil, occurredAt: Date) {
        self.kind = kind
        self.participants = participants
        self.pairID = pairID
        self.occurredAt = occurredAt
    }
}
