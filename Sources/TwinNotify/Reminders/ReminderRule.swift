/// The reminder rules, as stored in the `reminders` table.
public enum ReminderRule: String, Sendable, Hashable, CaseIterable {
    /// No activity logged for `inactivity_days`: `reminder.inactivity`.
    case inactivity
    /// `before_end_days` before the plan's end without both evaluations finished:
    /// `reminder.evaluation`.
    case beforeEnd = "before_end"
}
