/// Refuses YAML that would make the parser work unreasonably hard, before the parser sees it.
///
/// Dialog scripts are small, flat documents. A file of many megabytes, brackets nested hundreds
/// deep or an alias that expands a billion times is an attack or an accident, never a dialog;
/// refusing it early keeps loading and linting well under a second on any input.
enum YAMLGuard {
    /// The largest dialog file accepted.
    static let maxBytes = 512 * 1024
    /// The deepest nesting of flow collections (`[`/`{`) or indentation levels accepted.
    static let maxDepth = 64
    /// How many YAML nodes one file may expand to, aliases counted as often as they are used.
    static let maxNodes = 100_000

    /// The reason the text is refused, or `nil` when it may be parsed.
    static func problem(in text: String) -> (message: String, line: Int, column: Int)? {
        let utf8 = text.utf8
        if utf8.count > maxBytes {
            return ("the file is \(utf8.count / 1024) KiB; dialog files may be at most \(maxBytes / 1024) KiB — split it into several dialogs", 1, 1)
        }
        var depth = 0
        var line = 1
        var column = 0
        var atLineStart = true
        var indent = 0
        var dashes = 0
        for byte in utf8 {
            column += 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 0
                atLineStart = true
                indent = 0
                dashes = 0
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth {
                    return ("collections are nested more than \(maxDepth) levels deep", line, column)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indent += 1
                    if byte == UInt8(ascii: "-") { dashes += 1 }
                    // Each indentation level takes at least two columns, each `- ` one level.
                    if indent > maxDepth * 4 || dashes > maxDepth {
                        return ("the text is nested more than \(maxDepth) levels deep", line, column)
                    }
                } else {
                    atLineStart = false
                }
            }
        }
        return nil
    }
}
