import Foundation

/// Reads the text of a Teams message: Teams sends it as HTML with the bot's mention in
/// `<at>…</at>` (`<at>JobTwin</at>&nbsp;ja`). The mention is removed, other tags dropped
/// (line breaks kept) and entities decoded, so the assistant sees what the person typed.
enum TeamsText {
    /// The plain text of `html`.
    static func plain(_ html: String) -> String {
        var text = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close].lowercased()
            rest = rest[rest.index(after: close)...]
            if tag == "at" || tag.hasPrefix("at ") {
                // Skip the mention's content up to its closing tag.
                if let end = rest.range(of: "</at>", options: .caseInsensitive) {
                    rest = rest[end.upperBound...]
                }
            } else if tag.hasPrefix("br") || tag == "/p" || tag == "/div" {
                text += "\n"
            }
        }
        text += rest
        return decodeEntities(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Decodes the named entities Teams uses and numeric ones (`&#39;`, `&#x27;`).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            if let decoded = entity(String(name)) {
                result.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            let number: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                number = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                number = UInt32(name.dropFirst())
            } else {
                number = nil
            }
            return number.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
