import Foundation

/// Reduces what people type to a form in which spellings that mean the same compare equal:
/// `Natuurkünde!` and `natuurkunde` both fold to `natuurkunde`.
public enum TextFolding {
    /// Lower-cases, removes accents, drops apostrophes, turns other punctuation and symbols into
    /// spaces, collapses runs of spaces and trims.
    ///
    /// Punctuation becomes a space rather than nothing so that `onderwijs/mbo` still has two
    /// words for prefix matching; apostrophes vanish because `zo'n` is one word.
    public static func fold(_ text: String) -> String {
        if let ascii = foldASCII(text) { return ascii }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in foldCaseAndAccents(text).unicodeScalars {
            if isApostrophe(scalar) { continue }
            if isWordScalar(scalar) {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// `fold` for plain ASCII text — most answers and option labels — without Foundation's
    /// Unicode folding, which dominates the cost of matching a choice otherwise.
    private static func foldASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            default:
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    /// Lower-cases and removes accents but keeps punctuation, for readers (dates, numbers) to
    /// which `-`, `/` and `.` matter.
    public static func foldCaseAndAccents(_ text: String) -> String {
        // `folding` does not lower-case every script on every platform; lowercased() is cheap.
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{2018}", "`", "\u{00B4}": return true
        default: return false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        // Combining marks that survive folding (scripts without precomposed forms) belong to
        // the letter before them.
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}
