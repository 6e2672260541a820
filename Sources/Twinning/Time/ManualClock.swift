public import Foundation
import Synchronization

/// A clock that only moves when told to: for tests and simulations.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    /// Creates a clock standing at `start`.
    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        current.withLock { $0 += interval }
    }

    /// Sets the clock to `date`, forward or back.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }

    /// Moves the clock forward by whole days.
    public func advance(days: Int) {
        advance(by: TimeInterval(days) * 86_400)
    }
}
