import Crypto
public import Foundation

/// Verifies a Microsoft Teams outgoing webhook: `Authorization: HMAC <base64>` where the
/// base64 is the HMAC-SHA256 of the raw body keyed with the base64-decoded security token that
/// Teams showed when the webhook was created.
public struct TeamsSignatureVerifier: Sendable {
    // The key's bytes: swift-crypto's `SymmetricKey` is not `Sendable`, so one is made per check.
    private let key: Data

    /// Creates a verifier from the decoded security token.
    public init(key: Data) {
        self.key = key
    }

    /// Creates a verifier from the security token as Teams shows it; `nil` when it is not base64.
    public init?(securityToken: String) {
        guard let key = Data(base64Encoded: securityToken), !key.isEmpty else { return nil }
        self.init(key: key)
    }

    /// Whether the `Authorization` header signs `body`; every way of failing gives `false`.
    public func isValid(authorization: String?, body: some Collection<UInt8>) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "hmac",
              let mac = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              mac.count == SHA256.byteCount
        else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(body), using: SymmetricKey(data: key))
    }
}
