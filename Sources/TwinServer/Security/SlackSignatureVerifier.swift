import Crypto
public import Foundation
public import Twinning

/// Verifies Slack's request signature (version `v0`): `X-Slack-Signature` is `v0=` and the hex
/// HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<raw body>`, keyed with the app's signing
/// secret. A timestamp more than five minutes from now is refused, so that a captured request
/// cannot be replayed later.
public struct SlackSignatureVerifier: Sendable {
    /// How far the request's timestamp may be from the clock, either way.
    public static let tolerance: TimeInterval = 5 * 60

    // The key's bytes: swift-crypto's `SymmetricKey` is not `Sendable`, so one is made per check.
    private let key: Data
    private let clock: any WallClock

    /// Creates a verifier for `signingSecret`, reading the time from `clock`.
    public init(signingSecret: String, clock: any WallClock) {
        self.key = Data(signingSecret.utf8)
        self.clock = clock
    }

    /// Whether `signature` signs `body` at `timestamp` and the timestamp is recent. Every way of
    /// failing gives the same `false`.
    public func isValid(signature: String?, timestamp: String?, body: some Collection<UInt8>) -> Bool {
        guard let signature, let timestamp, let seconds = Int64(timestamp),
              abs(clock.now().timeIntervalSince1970 - TimeInterval(seconds)) <= Self.tolerance,
              signature.hasPrefix("v0="), let mac = Hex.bytes(signature.dropFirst(3)), mac.count == SHA256.byteCount
        else { return false }
        // The timestamp is signed as it was sent, not as reformatted from the number.
        var signed = Data("v0:\(timestamp):".utf8)
        signed.append(contentsOf: body)
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: SymmetricKey(data: key))
    }
}
