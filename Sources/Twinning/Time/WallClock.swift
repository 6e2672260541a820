public import Foundation

/// The calendar time every time-dependent decision reads (named so beside the standard
/// library's `Clock`, which measures durations), so that a test can run a whole
/// three-month trajectory in seconds by moving a clock instead of waiting.
public protocol WallClock: Sendable {
    /// The current moment.
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: WallClock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Date { Date() }
}
