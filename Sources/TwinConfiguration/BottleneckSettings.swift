public import Twinning
import Yams

/// The configurable thresholds of bottleneck detection (`bottlenecks:` in the configuration).
///
/// ```yaml
/// bottlenecks: {inactivity_weeks: 3, plan_confirmation_days: 14, context_check_days: 14}
/// ```
public struct BottleneckSettings: Sendable, Hashable {
    /// Weeks without an activity before a pair is flagged.
    public var inactivityWeeks = 3
    /// Days a plan may wait for both confirmations before it is flagged.
    public var planConfirmationDays = 14
    /// Days after the plan was fixed before a participant without a context check is flagged.
    public var contextCheckDays = 14

    /// The defaults.
    public init() {}

    /// The detector these settings describe.
    public var detector: BottleneckDetector {
        BottleneckDetector(inactivityWeeks: inactivityWeeks, planConfirmationDays: planConfirmationDays,
                           contextCheckDays: contextCheckDays)
    }

    /// Reads the `bottlenecks:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> BottleneckSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`bottlenecks:` is a mapping such as {inactivity_weeks: 3, plan_confirmation_days: 14, context_check_days: 14}")
        }
        var settings = BottleneckSettings()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard let number = value.string.flatMap(Int.init), (1...365).contains(number) else {
                throw .invalid(place(value), "`bottlenecks.\(key)` is a whole number from 1 to 365")
            }
            switch key {
            case "inactivity_weeks": settings.inactivityWeeks = number
            case "plan_confirmation_days": settings.planConfirmationDays = number
            case "context_check_days": settings.contextCheckDays = number
            default: throw .invalid(place(keyNode), "unknown setting `bottlenecks.\(key)` (known: inactivity_weeks, plan_confirmation_days, context_check_days)")
            }
        }
        return settings
    }
}
