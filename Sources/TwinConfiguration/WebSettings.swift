import Yams

/// The web chat (`web:` in the configuration): personal invitation links and the browser
/// sessions they open, served by `jobtwin serve` under `/chat`.
///
/// ```yaml
/// web: {enabled: true, invitation_days: 30}
/// ```
///
/// `enabled: false` turns the endpoints off. `invitation_days` is how long a new link opens
/// (`jobtwin invite --expires` sets it per link).
public struct WebSettings: Sendable, Hashable {
    /// Whether `jobtwin serve` serves the web chat.
    public var enabled = true
    /// Days a new invitation link opens.
    public var invitationDays = 30

    /// The longest validity of a link, in days.
    public static let maxInvitationDays = 365

    /// The defaults: served, links valid for 30 days.
    public init() {}

    /// Reads the `web:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> WebSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`web:` is a mapping such as {enabled: true, invitation_days: 30}")
        }
        var settings = WebSettings()
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "enabled":
                guard let enabled = value.bool else {
                    throw .invalid(place(value), "`web.enabled` is true (serve the web chat and its invitation links) or false")
                }
                settings.enabled = enabled
            case "invitation_days":
                guard let days = value.string.flatMap(Int.init), (1...maxInvitationDays).contains(days) else {
                    throw .invalid(place(value), "`web.invitation_days` is a whole number of days from 1 to \(maxInvitationDays)")
                }
                settings.invitationDays = days
            default:
                throw .invalid(place(keyNode), "unknown setting `web.\(keyNode.string ?? "")` (known: enabled, invitation_days)")
            }
        }
        return settings
    }
}
