import Crypto
import Foundation

/// The SHA-256 of a secret that a browser holds (an invitation link's token, a session cookie's
/// id), as lower-case hex: what the database keeps instead of the secret itself, so that a copy
/// of the file opens no link and no session.
public struct SecretDigest: Hashable, Sendable, CustomStringConvertible {
    /// The digest as 64 lower-case hex digits.
    public let hex: String

    /// The digest of `secret` (its UTF-8 bytes).
    public init(of secret: String) {
        hex = SHA256.hash(data: Data(secret.utf8)).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// A digest as stored (64 hex digits); `nil` for anything else.
    public init?(hex: String) {
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.hex = hex
    }

    /// Never the secret: only that this is a digest, and its first hex digits.
    public var description: String { "sha256:\(hex.prefix(8))…" }
}
