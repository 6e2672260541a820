import Foundation
public import Twinning
import Yams

/// The `direct_messages:` part of the configuration: whether the assistant writes first to
/// participants on Slack and Mattermost (a plan to confirm, a reminder, a coordinator's
/// message), and the quiet hours in which it holds such messages.
///
///     direct_messages:
///       enabled: true                 # default
///       time_zone: Europe/Amsterdam   # default
///       quiet_hours: {from: "18:00", to: "08:00"}   # default; from = to: none
///       weekends: false               # whether they may go on Saturday and Sunday (default no)
public struct DirectMessageSettings: Sendable, Hashable {
    /// Whether direct messages are sent at all (each channel also needs its bot token).
    public var enabled = true
    /// When they are held.
    public var quietHours = QuietHours()

    /// The defaults: on, quiet from 18:00 to 08:00 and in the weekend, Amsterdam time.
    public init() {}

    /// Reads the `direct_messages:` mapping over the defaults.
    static func read(_ node: Node, at location: (Node) -> String) throws(ConfigurationError) -> DirectMessageSettings {
        var settings = DirectMessageSettings()
        guard case .mapping(let mapping) = node else {
            throw .invalid(location(node), "`direct_messages:` is a mapping such as {enabled: true, quiet_hours: {from: \"18:00\", to: \"08:00\"}}")
        }
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "enabled":
                guard let flag = value.bool else { throw .invalid(location(keyNode), "`enabled:` is true or false") }
                settings.enabled = flag
            case "weekends":
                guard let flag = value.bool else {
                    throw .invalid(location(keyNode), "`weekends:` is true (direct messages may go on Saturday and Sunday) or false")
                }
                settings.quietHours.weekends = !flag
            case "time_zone":
                guard let name = value.string, let zone = TimeZone(identifier: name) else {
                    throw .invalid(location(keyNode), "`time_zone:` is a time zone name such as Europe/Amsterdam")
                }
                settings.quietHours.timeZone = zone
            case "quiet_hours":
                guard case .mapping(let hours) = value else {
                    throw .invalid(location(keyNode), "`quiet_hours:` is a mapping such as {from: \"18:00\", to: \"08:00\"}")
                }
                for (hourKey, hourValue) in hours {
                    let name = hourKey.string ?? ""
                    guard name == "from" || name == "to" else {
                        throw .invalid(location(hourKey), "unknown setting `direct_messages.quiet_hours.\(name)` (known: from, to)")
                    }
                    guard let minute = hourValue.string.flatMap(Self.minuteOfDay) else {
                        throw .invalid(location(hourKey), "`\(name):` is a time of day such as \"18:00\" (in quotes)")
                    }
                    if name == "from" { settings.quietHours.startMinute = minute } else { settings.quietHours.endMinute = minute }
                }
            case let key:
                throw .invalid(location(keyNode), "unknown setting `direct_messages.\(key)` (known: enabled, time_zone, quiet_hours, weekends)")
            }
        }
        return settings
    }

    /// `HH:MM` as a minute of the day; `nil` when it is not one.
    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// The quiet hours as `--check-config` prints them.
    public var summary: String {
        guard enabled else { return "off" }
        func clock(_ minute: Int) -> String {
            let hours = String(minute / 60), minutes = String(minute % 60)
            return String(repeating: "0", count: 2 - hours.count) + hours + ":" + String(repeating: "0", count: 2 - minutes.count) + minutes
        }
        let night = quietHours.startMinute == quietHours.endMinute
            ? "no quiet hours in the day" : "held from \(clock(quietHours.startMinute)) to \(clock(quietHours.endMinute))"
        return "on; \(night)\(quietHours.weekends ? " and in the weekend" : ""), \(quietHours.timeZone.identifier) time"
    }
}
