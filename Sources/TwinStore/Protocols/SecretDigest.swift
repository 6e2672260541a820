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
        var digits: [UInt8] = []
        digits.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(secret.utf8)) {
            digits.append(Self.hexDigits[Int(byte >> 4)])
            digits.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        hex = String(decoding: digits, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A digest as stored (64 hex digits); `nil` for anything else.
    public init?(hex: String) {
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.hex = hex
    }

    /// Never the secret: only that this is a digest, and its first hex digits.
    public var description: String { "sha256:\(hex.prefix(8))…" }
}
