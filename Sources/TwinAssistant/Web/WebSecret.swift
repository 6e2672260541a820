/// The random secrets of the web chat: an invitation link's token and a browser session's id.
///
/// 32 bytes (256 bits) from the system's cryptographically secure generator, written as
/// URL-safe base64 without padding (43 characters of `A–Z a–z 0–9 - _`), so that they fit in a
/// path and a cookie unescaped.
public enum WebSecret {
    /// How many random bytes a secret has.
    public static let byteCount = 32

    /// The length of a secret as text.
    public static let length = 43

    /// A new secret.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// A new secret from `generator` (the system's in production).
    static func make(using generator: inout some RandomNumberGenerator) -> String {
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// Whether `text` looks like a secret this type makes: of the right length and alphabet. Anything
    /// else is refused before it is hashed and looked up.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// `bytes` as URL-safe base64 without padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for byte in chunk { value = value << 8 | Int(byte) }
            value <<= 8 * (3 - chunk.count)
            for position in 0...chunk.count {
                text.append(alphabet[(value >> (18 - 6 * position)) & 0x3F])
            }
            index += 3
        }
        return text
    }

    /// A new participant id's local part: 12 random bytes as lower-case hex (the id is not a
    /// secret, only unique).
    static func participantLocal() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<24).map { _ in digits[Int.random(in: 0..<16, using: &generator)] })
    }
}
