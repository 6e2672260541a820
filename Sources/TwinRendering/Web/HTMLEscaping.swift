/// The one escaping function of the web chat: every text that goes into a page — dialog texts,
/// the participant's answers, option values, tokens — goes through it, in text and in attribute
/// values alike, so that a name typed as `<img src=x onerror=…>` is shown as typed and never
/// becomes markup.
public enum HTMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as character references, safe both
    /// between tags and inside a quoted attribute value.
    ///
    /// Control characters other than tab, line feed and carriage return are written as U+FFFD:
    /// HTML parsers replace NUL themselves, and XML (which the tests parse the page with) has no
    /// room for them at all, so the page stays well-formed whatever was typed.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            // `&#39;` rather than `&apos;`, which HTML 4 parsers did not know.
            case "'": escaped += "&#39;"
            default:
                if isForbiddenControl(scalar) {
                    escaped.unicodeScalars.append("\u{FFFD}")
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return isForbiddenControl(scalar)
        }
    }

    /// C0 controls except tab, LF and CR, DEL and the C1 controls, and the two noncharacters
    /// XML excludes.
    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
}
