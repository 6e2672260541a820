import Yams

/// How long personal data is kept (`retention:` in the configuration; `jobtwin purge`, and daily
/// inside `jobtwin serve`). Three rules:
///
/// ```yaml
/// retention: {closed_days: 365, inactive_without_profile_days: 90, unmatched_days: 365, unmatched_notice_days: 30}
/// ```
///
/// - `closed_days`: the participants of a closed trajectory are erased once neither has been
///   active for that many days (and neither is in another running pair).
/// - `inactive_without_profile_days`: a participant who never got as far as a profile (an
///   intake abandoned, or consent for processing refused: no profile is kept without it), or
///   whose latest consent decision is a no, is erased after that many days without a message
///   — unless they are in a running pair, or are a coordinator. `0` turns the rule off.
/// - `unmatched_days`: a participant with a profile and consent who was never matched (no pair
///   but declined proposals) is erased that many days after their last message. They are
///   warned `unmatched_notice_days` before: a notice at their next turn and a
///   `retention.unmatched_warning` event through the outbox ("wil je blijven meedoen?"); any
///   message keeps them in, and the erasure never comes sooner than the notice period after
///   the warning. `0` turns the rule off.
public struct RetentionSettings: Sendable, Hashable {
    /// Days after both partners' last activity in a closed trajectory before its participants
    /// are erased.
    public var closedDays = 365
    /// Days without a message before a participant without a profile, or who refused consent for
    /// processing, is erased; `0` keeps them.
    public var inactiveWithoutProfileDays = 90
    /// Days after their last message before a participant who was never matched is erased;
    /// `0` keeps them.
    public var unmatchedDays = 365
    /// Days before that erasure that they are warned.
    public var unmatchedNoticeDays = 30

    /// The defaults.
    public init() {}

    /// Reads the `retention:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> RetentionSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`retention:` is a mapping such as {closed_days: 365, inactive_without_profile_days: 90}")
        }
        var settings = RetentionSettings()
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "closed_days":
                guard let days = value.string.flatMap(Int.init), (1...36_500).contains(days) else {
                    throw .invalid(place(value), "`retention.closed_days` is a whole number of days from 1 to 36500")
                }
                settings.closedDays = days
            case "inactive_without_profile_days":
                guard let days = value.string.flatMap(Int.init), (0...36_500).contains(days) else {
                    throw .invalid(place(value), "`retention.inactive_without_profile_days` is a whole number of days from 1 to 36500, or 0 to keep such participants")
                }
                settings.inactiveWithoutProfileDays = days
            case "unmatched_days":
                guard let days = value.string.flatMap(Int.init), (0...36_500).contains(days) else {
                    throw .invalid(place(value), "`retention.unmatched_days` is a whole number of days from 1 to 36500, or 0 to keep participants who were never matched")
                }
                settings.unmatchedDays = days
            case "unmatched_notice_days":
                guard let days = value.string.flatMap(Int.init), (1...365).contains(days) else {
                    throw .invalid(place(value), "`retention.unmatched_notice_days` is a whole number of days from 1 to 365")
                }
                settings.unmatchedNoticeDays = days
            default:
                throw .invalid(place(keyNode), "unknown setting `retention.\(keyNode.string ?? "")` (known: closed_days, inactive_without_profile_days, unmatched_days, unmatched_notice_days)")
            }
        }
        if settings.unmatchedDays > 0, settings.unmatchedNoticeDays >= settings.unmatchedDays {
            throw .invalid(place(node), "`retention.unmatched_notice_days` (\(settings.unmatchedNoticeDays)) must be smaller than `retention.unmatched_days` (\(settings.unmatchedDays)): the warning comes before the erasure")
        }
        return settings
    }
}
