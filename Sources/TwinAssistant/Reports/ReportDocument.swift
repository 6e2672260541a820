public import Foundation

/// A report as structure — headings, paragraphs, lists and tables — rendered to Markdown, HTML or
/// JSON, so that every format always says the same and user text is escaped for each.
public struct ReportDocument: Sendable {
    /// One block of content.
    public enum Block: Sendable {
        case paragraph(String)
        case list([String])
        /// Items in order, numbered from 1 (the steps of an outline).
        case numbered([String])
        case table(header: [String], rows: [[String]])
    }

    /// A titled part of the report.
    public struct Section: Sendable {
        public var heading: String
        public var blocks: [Block]

        public init(_ heading: String, _ blocks: [Block]) {
            self.heading = heading
            self.blocks = blocks
        }
    }

    /// The report's title.
    public var title: String
    /// Its parts, in order.
    public var sections: [Section]

    /// Creates a document.
    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    /// The report as Markdown.
    public var markdown: String {
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                if "\\`*_[]<>#|".contains(character) { out.append("\\") }
                out.append(character == "\n" ? " " : character)
            }
            return out
        }
        var lines = ["# \(escape(title))", ""]
        for section in sections {
            lines += ["## \(escape(section.heading))", ""]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines += [escape(text), ""]
                case .list(let items): lines += items.map { "- \(escape($0))" } + [""]
                case .numbered(let items): lines += items.enumerated().map { "\($0.offset + 1). \(escape($0.element))" } + [""]
                case .table(let header, let rows):
                    lines.append("| " + header.map(escape).joined(separator: " | ") + " |")
                    lines.append("|" + String(repeating: " --- |", count: header.count))
                    lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
                    lines.append("")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The report as plain text for a chat message, narrow enough for a phone: a section's
    /// heading on a line of its own, list items as bullets (blocks of one section apart by an
    /// empty line — the coordinator overview gives each pair a list of its own), a table's rows
    /// as `column: value` lines instead of columns. Each channel escapes it for its platform.
    public var chatText: String {
        var lines = [title]
        for section in sections {
            lines += ["", section.heading]
            for (index, block) in section.blocks.enumerated() {
                if index > 0 { lines.append("") }
                switch block {
                case .paragraph(let text): lines.append(text)
                case .list(let items): lines += items.map { "• " + $0 }
                case .numbered(let items): lines += items.enumerated().map { "\($0.offset + 1). " + $0.element }
                case .table(let header, let rows):
                    lines += rows.map { row in "• " + zip(header, row).map { "\($0.0): \($0.1)" }.joined(separator: "; ") }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The report as JSON, for a spreadsheet or another program: `{"title": …, "sections":
    /// [{"heading": …, "blocks": [{"kind": "paragraph", "text": …}, {"kind": "list", "items": […]},
    /// {"kind": "numbered", "items": […]}, {"kind": "table", "header": […], "rows": [[…]]}]}]}`,
    /// keys sorted, pretty-printed.
    public func json() throws -> Data {
        struct JSONBlock: Encodable {
            var kind: String
            var text: String?
            var items: [String]?
            var header: [String]?
            var rows: [[String]]?
        }
        struct JSONSection: Encodable {
            var heading: String
            var blocks: [JSONBlock]
        }
        struct JSONDocument: Encodable {
            var title: String
            var sections: [JSONSection]
        }
        let document = JSONDocument(title: title, sections: sections.map { section in
            JSONSection(heading: section.heading, blocks: section.blocks.map { block in
                switch block {
                case .paragraph(let text): return JSONBlock(kind: "paragraph", text: text)
                case .list(let items): return JSONBlock(kind: "list", items: items)
                case .numbered(let items): return JSONBlock(kind: "numbered", items: items)
                case .table(let header, let rows): return JSONBlock(kind: "table", header: header, rows: rows)
                }
            })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// The HTML document's stylesheet, inline so that the file stands alone; the server allows
    /// exactly this text by its hash in its Content-Security-Policy.
    public static let style = "body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5;overflow-wrap:anywhere}table{border-collapse:collapse}td,th{border:1px solid #767676;padding:.3em .6em;text-align:left;vertical-align:top}"

    /// The report as a standalone HTML page.
    public func html(language: String) -> String {
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        }
        var html = """
        <!DOCTYPE html>
        <html lang="\(escape(language))">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <h1>\(escape(title))</h1>

        """
        for section in sections {
            html += "<h2>\(escape(section.heading))</h2>\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): html += "<p>\(escape(text))</p>\n"
                case .list(let items): html += "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
                case .numbered(let items): html += "<ol>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ol>\n"
                case .table(let header, let rows):
                    html += "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                    html += rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined()
                    html += "</table>\n"
                }
            }
        }
        return html + "</body>\n</html>\n"
    }
}
