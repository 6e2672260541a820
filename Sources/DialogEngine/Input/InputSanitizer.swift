import TwinLanguage
import Foundation

/// Cleans raw user text before anything else looks at it.
///
/// Invisible characters are removed because they make equal-looking answers differ, hide text
/// from the coordinator who reads the answers later (bidi overrides can make stored text
/// display differently from what it contains) and break matching of commands and options.
public enum InputSanitizer {
    /// The longest message accepted when the caller does not say otherwise.
    public static let defaultMaxCharacters = 10_000

    /// Normalises to NFC; turns `\r\n`, lone `\r` and the Unicode line and paragraph
    /// separators into `\n` (multi-line answers are fine) and tabs into spaces; removes the
    /// other control and format characters (C0, DEL, C1, U+200B…U+200F, the bidi overrides
    /// U+202A…U+202E and isolates U+2066…U+2069, U+FEFF and the rest of category Cf); trims
    /// whitespace. Rejects text longer than `maxCharacters` characters.
    ///
    /// Two format characters are kept where they are part of a visible emoji: a zero-width
    /// joiner between two emoji (👩‍💻) and the tag characters of a subdivision flag.
    public static func clean(_ raw: String, maxCharacters: Int = defaultMaxCharacters) -> Result<String, InputRejection> {
        let limit = Swift.max(0, maxCharacters)
        // No character is made of more than a few dozen bytes in practice; refusing far larger
        // input before looking at it keeps a pasted book from costing a full Unicode pass.
        let (byteBudget, overflow) = limit.multipliedReportingOverflow(by: 32)
        if !overflow, raw.utf8.count > byteBudget { return .failure(tooLong(limit)) }

        // Most answers are plain printable ASCII (with new lines): nothing to remove or normalise.
        if raw.utf8.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x0A }) {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.utf8.count > limit ? .failure(tooLong(limit)) : .success(trimmed)
        }

        let scalars = Array(raw.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            switch scalar.value {
            case 0x0D:
                kept.append("\n")
                if next == "\n" { index += 1 }
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                kept.append("\n")
            case 0x09:
                kept.append(" ")
            case 0x200D where isEmojiPart(kept.last) && isEmojiPart(next):
                kept.append(scalar)
            case 0xE0020...0xE007F where isFlagTagContext(kept.last):
                kept.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .control, .format: continue
                default: kept.append(scalar)
                }
            }
        }

        let cleaned = String(kept).precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if cleaned.count > limit { return .failure(tooLong(limit)) }
        return .success(cleaned)
    }

    private static func isEmojiPart(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        // `isEmoji` is also true for ASCII digits, `#` and `*` (keycap bases); a joiner next to
        // those is not part of a visible emoji.
        return (scalar.properties.isEmoji && !scalar.isASCII) || scalar.value == 0xFE0F
    }

    private static func isFlagTagContext(_ previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        return previous.value == 0x1F3F4 || (0xE0020...0xE007F).contains(previous.value)
    }

    private static func tooLong(_ limit: Int) -> InputRejection {
        InputRejection(
            nl: "Je bericht is te lang: maximaal \(ReasonFormatting.count(limit, "teken", "tekens", in: .nl)). Kort het in of verdeel het over meerdere berichten.",
            en: "Your message is too long: at most \(ReasonFormatting.count(limit, "character", "characters", in: .en)). Please shorten it or split it over several messages.")
    }
}
