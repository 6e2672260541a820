/// A message's text as markup: paragraphs at blank lines, line breaks kept, and a run of lines
/// that start with `- `, `• ` or `* ` as a list — the plain-text conventions of the dialogs and
/// of summaries ("Je profiel:\n- Naam: …"). Not a Markdown parser: nothing else is read as
/// markup, so that what a participant typed shows as typed.
///
/// The text is looked at byte by byte (its line breaks and markers are ASCII, `•` aside): this
/// runs for every message of every page.
enum WebMessageText {
    /// Writes `text` into `html` as paragraphs and lists.
    static func write(_ text: String, into html: inout HTMLWriter) {
        // Most texts are one line (a question, an answer): one paragraph or one item.
        if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            let line = Substring(text)
            if isBlank(line) { return }
            if let item = bullet(line) {
                html.element("ul") { html in html.element("li", text: String(item)) }
            } else {
                html.element("p", text: text)
            }
            return
        }
        for block in blocks(of: text) {
            var lines = block[...]
            while let first = lines.first {
                if bullet(first) != nil {
                    let items = lines.prefix { bullet($0) != nil }
                    lines = lines.dropFirst(items.count)
                    html.element("ul") { html in
                        for item in items { html.element("li", text: String(bullet(item) ?? item)) }
                    }
                } else {
                    let paragraph = lines.prefix { bullet($0) == nil }
                    lines = lines.dropFirst(paragraph.count)
                    html.element("p") { html in
                        for (index, line) in paragraph.enumerated() {
                            if index > 0 { html.void("br") }
                            html.text(String(line))
                        }
                    }
                }
            }
        }
    }

    /// The text's blocks of lines, split at blank lines (a line ends at LF or CRLF); at least
    /// one, so that an empty message still has its element.
    private static func blocks(of text: String) -> [[Substring]] {
        var blocks: [[Substring]] = [[]]
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = Substring(bytes)
            if line.utf8.last == 0x0D { line = Substring(line.utf8.dropLast()) }
            if isBlank(line) {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        if blocks.count > 1, blocks.last?.isEmpty == true { blocks.removeLast() }
        return blocks
    }

    /// Whether a line holds nothing but spaces and tabs.
    private static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The list markers, as UTF-8: `- `, `• `, `* `.
    private static let markers: [[UInt8]] = [Array("- ".utf8), Array("• ".utf8), Array("* ".utf8)]

    /// The item of a list line, without its marker and the spaces before it; `nil` for a line
    /// that is not one.
    private static func bullet(_ line: Substring) -> Substring? {
        let trimmed = line.utf8.drop { $0 == 0x20 }
        for marker in markers where trimmed.starts(with: marker) {
            return Substring(trimmed.dropFirst(marker.count))
        }
        return nil
    }
}
