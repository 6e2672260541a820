import Crypto
import Foundation

/// Compares a presented credential with the configured one in constant time, so that the
/// response time tells an attacker nothing about how much of a guess was right.
///
/// Both sides are hashed first: the digests have equal length whatever was presented, and
/// swift-crypto compares digests without early exit.
enum SecretComparison {
    /// Whether `presented` equals `expected`.
    static func matches(_ presented: some StringProtocol, _ expected: String) -> Bool {
        SHA256.hash(data: Data(presented.utf8)) == SHA256.hash(data: Data(expected.utf8))
    }

    /// Whether `presented` equals any of `expected`; every candidate is compared, so the time
    /// does not tell which one matched.
    static func matchesAny(_ presented: some StringProtocol, _ expected: [String]) -> Bool {
        let digest = SHA256.hash(data: Data(presented.utf8))
        var found = false
        for candidate in expected where SHA256.hash(data: Data(candidate.utf8)) == digest {
            found = true
        }
        return found
    }
}
