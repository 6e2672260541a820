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
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped as `escape(_:)` does to UTF-8 `bytes`: the page writer's path,
    /// byte for byte, so that a page is not built from many small strings. Runs that need no
    /// escaping — nearly all of a page — are copied at once.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let replacement: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                // `&#39;` rather than `&apos;`, which HTML 4 parsers did not know.
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0x7F: replacement = "\u{FFFD}"
                case ..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D: replacement = "\u{FFFD}"
                // U+0080…U+009F (the C1 controls) are C2 80…C2 9F in UTF-8; U+FFFE and U+FFFF are EF BF BE/BF.
                case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
                    (replacement, width) = ("\u{FFFD}", 2)
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                    (replacement, width) = ("\u{FFFD}", 3)
                default: replacement = nil
                }
                if let replacement {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

}
