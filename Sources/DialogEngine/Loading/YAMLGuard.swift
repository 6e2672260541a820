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
    /// How many YAML nodes one file may have.
    static let maxNodes = 100_000

    /// The reason the text is refused, or `nil` when it may be parsed. Lines and columns count
    /// characters (Unicode scalars), as the YAML parser's do.
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
        var aliases = AliasScanner()
        for byte in utf8 {
            // A UTF-8 continuation byte belongs to the character before it.
            if byte & 0xC0 != 0x80 { column += 1 }
            if let alias = aliases.scan(byte, line: line, column: column) {
                return ("YAML anchors and aliases (`&name`, `*name`) are not used in dialog files; write the text out where it is needed (`*\(alias)` here)", line, column - alias.utf8.count - 1)
            }
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
        if let alias = aliases.finish() {
            return ("YAML anchors and aliases (`&name`, `*name`) are not used in dialog files; write the text out where it is needed (`*\(alias)` here)", line, column - alias.utf8.count)
        }
        return nil
    }
}

/// Finds the first alias (`*name`) of an anchor (`&name`) defined before it.
///
/// Aliases are refused outright because the YAML library hashes every mapping key in full, so a
/// key that is an alias bomb would take forever before any node count could stop it. An anchor
/// or alias starts where a node may start — after a space, a line break or `[`, `{`, `,`, `:` —
/// and its name is letters, digits, `_` and `-`. A `*word` in a text is only taken for an alias
/// when an `&word` anchor was written before it, which ordinary prose never does.
private struct AliasScanner {
    private var anchors: Set<[UInt8]> = []
    private var previous = UInt8(ascii: "\n")
    /// The name being read, and whether it is an alias.
    private var token: (isAlias: Bool, name: [UInt8])?

    /// Feeds one byte; returns the alias's name when a token that just ended is an alias of a
    /// known anchor.
    mutating func scan(_ byte: UInt8, line: Int, column: Int) -> String? {
        defer { previous = byte }
        if var current = token {
            if Self.isNameByte(byte) {
                current.name.append(byte)
                token = current
                return nil
            }
            token = nil
            if let alias = end(current) { return alias }
        }
        if (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")), Self.startsNode(after: previous) {
            token = (byte == UInt8(ascii: "*"), [])
        }
        return nil
    }

    /// Ends a token still open at the end of the text.
    mutating func finish() -> String? {
        guard let current = token else { return nil }
        token = nil
        return end(current)
    }

    private mutating func end(_ token: (isAlias: Bool, name: [UInt8])) -> String? {
        guard !token.name.isEmpty else { return nil }
        if !token.isAlias {
            anchors.insert(token.name)
            return nil
        }
        return anchors.contains(token.name) ? String(decoding: token.name, as: UTF8.self) : nil
    }

    private static func startsNode(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
