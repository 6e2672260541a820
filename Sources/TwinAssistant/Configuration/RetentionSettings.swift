import Yams

/// How long closed trajectories are kept before they are anonymised (`retention:` in the
/// configuration; `jobtwin purge`, and daily inside `jobtwin serve`).
///
/// ```yaml
/// retention: {closed_days: 365}
/// ```
public struct RetentionSettings: Sendable, Hashable {
    /// Days after both partners' last activity in a closed trajectory before its participants
    /// are erased.
    public var closedDays = 365

    /// The defaults.
    public init() {}

    /// Reads the `retention:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> RetentionSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`retention:` is a mapping such as {closed_days: 365}")
        }
        var settings = RetentionSettings()
        for (keyNode, value) in mapping {
            guard keyNode.string == "closed_days" else {
                throw .invalid(place(keyNode), "unknown setting `retention.\(keyNode.string ?? "")` (known: closed_days)")
            }
            guard let days = value.string.flatMap(Int.init), (1...36_500).contains(days) else {
                throw .invalid(place(value), "`retention.closed_days` is a whole number of days from 1 to 36500")
            }
            settings.closedDays = days
        }
        return settings
    }
}
