/// The wait before the next attempt: exponential in the attempts made, with jitter so that
/// many messages failing at once do not come back at once.
public struct Backoff: Sendable {
    /// The first wait, in seconds.
    public var base: Double
    /// The longest wait, in seconds.
    public var maximum: Double

    /// Creates a backoff.
    public init(base: Double, maximum: Double) {
        self.base = base
        self.maximum = maximum
    }

    /// The wait after attempt number `attempts` (1 for the first) failed, given a random
    /// number in 0..<1: between half and all of `base × 2^(attempts−1)`, at most `maximum`.
    public func delay(afterAttempts attempts: Int, random: Double) -> Double {
        let exponent = Double(max(0, min(attempts - 1, 40)))
        let full = min(maximum, base * pow2(exponent))
        return full / 2 + full / 2 * min(max(random, 0), 1)
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}
