import TwinReply

/// A short digest of the first lines of a transcript, so that the page's script can say which
/// conversation it already shows and get only the lines it lacks.
///
/// The page carries the digest of the lines it shows (`data-digest` on the history, beside
/// their number in `data-lines`); the script sends both back with its post (`JobTwin-History`),
/// and the server sends only the later lines when its own first lines have the same digest.
/// It guards against showing a conversation wrongly, not against an attacker (the browser only
/// ever gets its own conversation), so FNV-1a is enough — and, unlike Swift's `Hasher`, it is
/// the same in every process behind a load balancer.
public enum TranscriptDigest {
    /// The digest of `lines`, as 16 hex digits.
    public static func of(_ lines: ArraySlice<ChatLine>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in lines {
            mix(line.from.rawValue, into: &hash)
            mix(0x1f, into: &hash)
            mix(line.kind.rawValue, into: &hash)
            mix(0x1f, into: &hash)
            mix(line.text, into: &hash)
            mix(0x1e, into: &hash)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func mix(_ byte: UInt8, into hash: inout UInt64) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Mixes the text's UTF-8 in from its contiguous storage (native strings have it), so that
    /// the loop runs over bytes and not through the string's iterator.
    private static func mix(_ text: String, into hash: inout UInt64) {
        var text = text
        text.withUTF8 { bytes in
            var h = hash
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = h
        }
    }

    /// How many of `lines` a page that shows `shown` (`"COUNT.DIGEST"`, as the script sends it)
    /// has already: `COUNT` when its digest is that of the first `COUNT` lines, else 0.
    public static func linesShown(_ shown: String?, of lines: [ChatLine]) -> Int {
        guard let shown, let dot = shown.firstIndex(of: "."), let count = Int(shown[..<dot]),
              count > 0, count <= lines.count, String(shown[shown.index(after: dot)...]) == of(lines[..<count])
        else { return 0 }
        return count
    }
}
