/// How the outbox worker paces itself; the defaults suit production, tests shorten them.
public struct OutboxOptions: Sendable {
    /// Deliveries taken and sent at once per round.
    public var batchSize = 128
    /// How long the continuous worker waits when nothing is due, in seconds.
    public var pollInterval: Double = 0.5
    /// The first retry waits about this long, in seconds; each further one twice as long.
    public var baseBackoff: Double = 2
    /// The longest wait between attempts, in seconds.
    public var maxBackoff: Double = 3_600
    /// The longest `Retry-After` honoured, in seconds (a receiver asking for more gets this).
    public var maxRetryAfter: Double = 6 * 3_600
    /// Where the Slack Web API lives (`chat.postMessage` is posted below it).
    public var slackAPIBaseURL = "https://slack.com/api"
    /// Attempts for a Slack Events API reply before it goes to dead-letter.
    public var slackReplyMaxAttempts = 15
    /// How many events (and replies) one fan-out reads at most.
    public var fanOutBatch = 500

    /// The defaults.
    public init() {}
}
