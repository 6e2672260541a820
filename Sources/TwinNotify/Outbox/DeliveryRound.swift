/// What one round of the worker did.
public struct DeliveryRound: Sendable, Hashable {
    /// Deliveries taken and attempted.
    public var attempted = 0
    /// Accepted by their receiver.
    public var delivered = 0
    /// Failed and scheduled again.
    public var retried = 0
    /// Moved to dead-letter.
    public var dead = 0
    /// Not sent on purpose (a direct message whose participant switched them off since).
    public var skipped = 0
    /// New connections opened (0 per request when connections were reused).
    public var newConnections = 0

    /// Nothing done yet.
    public init() {}

    /// Adds another round's counts.
    public mutating func add(_ other: DeliveryRound) {
        attempted += other.attempted
        delivered += other.delivered
        retried += other.retried
        dead += other.dead
        skipped += other.skipped
        newConnections += other.newConnections
    }
}
