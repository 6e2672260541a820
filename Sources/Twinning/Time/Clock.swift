import Foundation

/// Where every time-dependent decision reads the time, so that a test can run a whole
/// three-month trajectory in seconds by moving a clock instead of waiting.
public protocol Clock: Sendable {
    /// The current moment.
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: Clock {
    /// Creates the system clock.
    public init() {}
    public func now() -> Date { Date() }
}
