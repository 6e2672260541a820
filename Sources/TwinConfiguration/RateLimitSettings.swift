/// How many messages one participant may send to `jobtwin serve`: a token bucket that holds
/// `burst` messages and refills at `perMinute` a minute. Beyond it a request gets 429 with
/// `Retry-After`, and nothing of it is taken.
public struct RateLimitSettings: Sendable, Hashable {
    /// Messages a minute, sustained; 0 turns the limit off.
    public var perMinute: Int
    /// Messages that may come at once after a quiet spell.
    public var burst: Int

    /// Creates a limit; the defaults suit a person typing (one message a second, bursts of 20).
    public init(perMinute: Int = 60, burst: Int = 20) {
        self.perMinute = perMinute
        self.burst = burst
    }

    /// Whether requests are limited at all.
    public var isEnabled: Bool { perMinute > 0 }
}
