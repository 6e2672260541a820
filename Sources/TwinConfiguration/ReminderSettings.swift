import Yams

/// The reminder rules (`reminders:` in the configuration). Each rule sends its reminder once
/// per occurrence, as an event through the notification outbox; 0 turns a rule off.
///
/// ```yaml
/// reminders: {inactivity_days: 14, before_end_days: 14}
/// ```
public struct ReminderSettings: Sendable, Hashable {
    /// Days without a logged activity (counted from the last one, or from the pair's
    /// confirmation) before `reminder.inactivity` is sent for the pair.
    public var inactivityDays = 14
    /// Days before the plan's end (the day the plan was fixed plus its weeks) at which
    /// `reminder.evaluation` is sent when the closing evaluation is not finished by both.
    public var beforeEndDays = 14

    /// The defaults: 14 and 14 days.
    public init() {}

    /// Creates settings with the given rules.
    public init(inactivityDays: Int, beforeEndDays: Int) {
        self.inactivityDays = inactivityDays
        self.beforeEndDays = beforeEndDays
    }

    /// Reads the `reminders:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> ReminderSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`reminders:` is a mapping such as {inactivity_days: 14, before_end_days: 14}")
        }
        var settings = ReminderSettings()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard let number = value.int, (0...365).contains(number) else {
                throw .invalid(place(value), "`reminders.\(key)` is a whole number of days from 0 (off) to 365")
            }
            switch key {
            case "inactivity_days": settings.inactivityDays = number
            case "before_end_days": settings.beforeEndDays = number
            default: throw .invalid(place(keyNode), "unknown setting `reminders.\(key)` (known: inactivity_days, before_end_days)")
            }
        }
        return settings
    }
}
