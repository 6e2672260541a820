/// How `jobtwin serve` delivers replies that come after a platform's deadline.
public struct LateReplyOptions: Sendable {
    /// The URL prefix a Slack `response_url` must start with unless configured otherwise.
    public static let slackResponseURLPrefix = "https://hooks.slack.com/"

    /// What posts a late reply to a Slack `response_url`; without one, a late slash command is
    /// answered with "received, send `/jobtwin status` in a moment" instead.
    public var poster: (any LateReplyPoster)?
    /// The prefixes a `response_url` may start with. Anything else is never called (a forged
    /// request must not make the server post to an address of its choosing); only tests add
    /// a loopback prefix.
    public var allowedResponseURLPrefixes: [String]

    /// Creates options: no poster, only `https://hooks.slack.com/` allowed, unless told otherwise.
    public init(poster: (any LateReplyPoster)? = nil, allowedResponseURLPrefixes: [String] = [Self.slackResponseURLPrefix]) {
        self.poster = poster
        self.allowedResponseURLPrefixes = allowedResponseURLPrefixes
    }

    /// Whether `url` may be posted to: it starts with an allowed prefix (compared exactly,
    /// so the host cannot be swapped) and holds no spaces or control characters.
    public func allows(_ url: String) -> Bool {
        guard !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            return false
        }
        return allowedResponseURLPrefixes.contains { !$0.isEmpty && url.hasPrefix($0) }
    }
}
