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
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for line in lines {
            for byte in line.from.rawValue.utf8 { mix(byte) }
            mix(0x1f)
            for byte in line.kind.rawValue.utf8 { mix(byte) }
            mix(0x1f)
            for byte in line.text.utf8 { mix(byte) }
            mix(0x1e)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
