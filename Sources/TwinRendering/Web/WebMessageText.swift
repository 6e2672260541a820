import Foundation

/// A message's text as markup: paragraphs at blank lines, line breaks kept, and a run of lines
/// that start with `- `, `• ` or `* ` as a list — the plain-text conventions of the dialogs and
/// of summaries ("Je profiel:\n- Naam: …"). Not a Markdown parser: nothing else is read as
/// markup, so that what a participant typed shows as typed.
enum WebMessageText {
    /// Writes `text` into `html` as paragraphs and lists.
    static func write(_ text: String, into html: inout HTMLWriter) {
        // Most texts are one line (a question, an answer): one paragraph or one item.
        if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            if isBlank(Substring(text)) { return }
            if let item = bullet(text) {
                html.element("ul") { html in html.element("li", text: item) }
            } else {
                html.element("p", text: text)
            }
            return
        }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        for block in blocks(of: normalized) {
            var lines = block
            while !lines.isEmpty {
                if bullet(lines[0]) != nil {
                    let items = Array(lines.prefix { bullet($0) != nil })
                    lines.removeFirst(items.count)
                    html.element("ul") { html in
                        for item in items { html.element("li", text: bullet(item) ?? item) }
                    }
                } else {
                    let paragraph = Array(lines.prefix { bullet($0) == nil })
                    lines.removeFirst(paragraph.count)
                    html.element("p") { html in
                        for (index, line) in paragraph.enumerated() {
                            if index > 0 { html.void("br") }
                            html.text(line)
                        }
                    }
                }
            }
        }
    }

    /// The text's blocks of lines, split at blank lines; at least one, so that an empty
    /// message still has its element.
    private static func blocks(of text: String) -> [[String]] {
        var blocks: [[String]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if isBlank(line) {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(String(line))
            }
        }
        if blocks.count > 1, blocks.last?.isEmpty == true { blocks.removeLast() }
        return blocks
    }

    /// Whether a line holds nothing but spaces and tabs (looked at byte by byte: this runs for
    /// every line of every page).
    private static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The item of a list line, without its marker; `nil` for a line that is not one.
    private static func bullet(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " }
        for marker in ["- ", "• ", "* "] where trimmed.hasPrefix(marker) {
            return String(trimmed.dropFirst(marker.count))
        }
        return nil
    }
}
