import Foundation
import Yams

/// Where `jobtwin serve` listens and how much it accepts: the `server:` part of the
/// configuration.
public struct ServerSettings: Sendable, Hashable {
    /// The address to listen on; the default only accepts connections from this machine.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 lets the system choose a free one (tests).
    public var port: Int = 8080
    /// The address at which the platforms reach this server from outside (`https://jobtwin.example.nl`),
    /// without a trailing `/`: Mattermost's message buttons call back to it. `nil`: not known.
    public var publicURL: String?
    /// The largest request body accepted; larger ones get 413 before anything reads them.
    public var maxBodyBytes: Int = 64 * 1024
    /// The per-participant rate limit.
    public var rateLimit = RateLimitSettings()
    /// How long a Slack slash command waits for its turn before it is answered with "your
    /// answer is on its way" (the reply then goes to the command's `response_url`): a margin
    /// below Slack's 3 seconds. Zero answers every command that way (for tests).
    public var slackReplyDeadline: Duration = .milliseconds(2_500)
    /// How long a Teams outgoing webhook waits for its turn before it is answered with "received,
    /// send `status` in a moment" (the turn goes on and is stored): a margin below Teams' 5
    /// seconds. Zero answers every message that way (for tests).
    public var teamsReplyDeadline: Duration = .milliseconds(4_500)

    /// The largest `slack_reply_deadline_ms`: the interim answer (and a quick look-up of the
    /// participant's language) must still reach Slack within its 3 seconds.
    public static let maxSlackReplyDeadlineMilliseconds = 2_800
    /// The largest `teams_reply_deadline_ms`, below Teams' 5 seconds for the same reason.
    public static let maxTeamsReplyDeadlineMilliseconds = 4_800

    /// The defaults: 127.0.0.1:8080, 64 KiB bodies, 60 messages a minute per participant,
    /// reply deadlines of 2.5 s (Slack) and 4.5 s (Teams).
    public init() {}

    /// `text` as a public URL without its trailing `/`; `nil` unless it is an http(s) address.
    public static func publicURL(_ text: String) -> String? {
        var url = text.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.count > "https://".count, !url.contains(" ") else { return nil }
        return url
    }

    /// Reads the `server:` mapping over the defaults.
    static func read(_ node: Node, at location: (Node) -> String) throws(ConfigurationError) -> ServerSettings {
        var settings = ServerSettings()
        guard case .mapping(let mapping) = node else {
            throw .invalid(location(node), "`server:` is a mapping such as {host: 127.0.0.1, port: 8080}")
        }
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "host":
                guard let host = value.string, !host.isEmpty, !host.contains(" ") else {
                    throw .invalid(location(keyNode), "`host:` is an address to listen on, such as 127.0.0.1 or 0.0.0.0")
                }
                settings.host = host
            case "port":
                guard let port = value.int, (0...65_535).contains(port) else {
                    throw .invalid(location(keyNode), "`port:` is a TCP port from 0 to 65535")
                }
                settings.port = port
            case "public_url":
                guard let url = value.string.flatMap(Self.publicURL) else {
                    throw .invalid(location(keyNode), "`public_url:` is the address the platforms reach this server at, such as https://jobtwin.example.nl")
                }
                settings.publicURL = url
            case "max_body_bytes":
                guard let bytes = value.int, (1_024...(16 << 20)).contains(bytes) else {
                    throw .invalid(location(keyNode), "`max_body_bytes:` is a number of bytes from 1024 to 16777216")
                }
                settings.maxBodyBytes = bytes
            case "rate_limit":
                settings.rateLimit = try readRateLimit(value, keyNode: keyNode, at: location)
            case "slack_reply_deadline_ms":
                settings.slackReplyDeadline = try readDeadline(value, keyNode: keyNode, name: "slack_reply_deadline_ms",
                                                               platform: "Slack's 3 s", max: maxSlackReplyDeadlineMilliseconds, at: location)
            case "teams_reply_deadline_ms":
                settings.teamsReplyDeadline = try readDeadline(value, keyNode: keyNode, name: "teams_reply_deadline_ms",
                                                               platform: "Teams' 5 s", max: maxTeamsReplyDeadlineMilliseconds, at: location)
            case let key:
                throw .invalid(location(keyNode), "unknown setting `server.\(key)` (known: host, port, public_url, max_body_bytes, rate_limit, slack_reply_deadline_ms, teams_reply_deadline_ms)")
            }
        }
        return settings
    }

    /// Reads a reply deadline in whole milliseconds, from 0 to `max`.
    private static func readDeadline(_ node: Node, keyNode: Node, name: String, platform: String, max: Int,
                                     at location: (Node) -> String) throws(ConfigurationError) -> Duration {
        guard let milliseconds = node.int, (0...max).contains(milliseconds) else {
            throw .invalid(location(keyNode), "`\(name):` is a whole number of milliseconds from 0 to \(max), to stay within \(platform) (0 answers every message with the interim text)")
        }
        return .milliseconds(milliseconds)
    }

    private static func readRateLimit(_ node: Node, keyNode: Node, at location: (Node) -> String) throws(ConfigurationError) -> RateLimitSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(location(keyNode), "`rate_limit:` is a mapping such as {per_minute: 60, burst: 20}")
        }
        var limit = RateLimitSettings()
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "per_minute":
                guard let number = value.int, number >= 0 else {
                    throw .invalid(location(keyNode), "`per_minute:` is a whole number of messages, 0 for no limit")
                }
                limit.perMinute = number
            case "burst":
                guard let number = value.int, number >= 1 else {
                    throw .invalid(location(keyNode), "`burst:` is a whole number of messages, at least 1")
                }
                limit.burst = number
            case let key:
                throw .invalid(location(keyNode), "unknown setting `server.rate_limit.\(key)` (known: per_minute, burst)")
            }
        }
        return limit
    }
}
