import Foundation
import Synchronization
import Twinning
import TwinAssistant
import TwinReply
import TwinConfiguration

/// A token bucket per participant: each holds up to `burst` messages and refills at
/// `perMinute` a minute. A message that finds its bucket empty is refused with the seconds
/// until the next one would be accepted (`Retry-After`).
///
/// Buckets live in memory only: after a restart everyone starts with a full bucket, which is
/// harmless. Full buckets are dropped when the table grows, so that many one-off participants
/// cannot grow it without bound.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let settings: RateLimitSettings
    private let clock: any WallClock
    private let buckets = Mutex<[ParticipantID: Bucket]>([:])
    /// Above this many buckets, the full ones are swept out.
    private let sweepThreshold: Int

    /// Creates a limiter; with `settings.perMinute == 0` it allows everything.
    init(settings: RateLimitSettings, clock: any WallClock, sweepThreshold: Int = 20_000) {
        self.settings = settings
        self.clock = clock
        self.sweepThreshold = sweepThreshold
    }

    /// Takes one message of `participant`; returns `nil` when allowed, or the whole seconds to
    /// wait before the next one would be.
    func acquire(_ participant: ParticipantID) -> Int? {
        guard settings.isEnabled else { return nil }
        let now = clock.now()
        let rate = Double(settings.perMinute) / 60
        let capacity = Double(max(1, settings.burst))
        return buckets.withLock { table -> Int? in
            var bucket = table[participant] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = max(0, now.timeIntervalSince(bucket.updated))
            bucket.tokens = min(capacity, bucket.tokens + elapsed * rate)
            bucket.updated = now
            defer { table[participant] = bucket }
            if table.count >= sweepThreshold { Self.sweep(&table, now: now, rate: rate, capacity: capacity) }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    /// Drops the buckets that have refilled completely: they behave as a missing one.
    private static func sweep(_ table: inout [ParticipantID: Bucket], now: Date, rate: Double, capacity: Double) {
        table = table.filter { _, bucket in
            bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate < capacity
        }
    }
}
