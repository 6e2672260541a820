/// Writes markup with every text and attribute value escaped (`HTMLEscaping`), so that the
/// renderers cannot forget to: only tag and attribute names — constants of ours — are written
/// as given. The output is well-formed XML as well as HTML (void elements end in `/>`, boolean
/// attributes carry their name as value), so that tests can parse it with an XML parser.
struct HTMLWriter {
    /// An attribute; one whose value is `nil` is left out.
    typealias Attribute = (name: String, value: String?)

    /// The markup written so far.
    private(set) var html = ""
    /// The elements opened and not yet closed, innermost last.
    private var open: [String] = []

    init(capacity: Int = 4_096) {
        html.reserveCapacity(capacity)
    }

    /// Writes `raw` unescaped: only for constant markup of ours (the doctype).
    mutating func constant(_ raw: StaticString) {
        html += raw.description
    }

    /// Opens `tag` with `attributes`; `close()` ends it.
    mutating func open(_ tag: String, _ attributes: [Attribute] = []) {
        start(tag, attributes)
        html += ">"
        open.append(tag)
    }

    /// Ends the innermost open element.
    mutating func close() {
        guard let tag = open.popLast() else { return }
        html += "</" + tag + ">"
    }

    /// A void element (`input`, `meta`, `link`, `br`).
    mutating func void(_ tag: String, _ attributes: [Attribute] = []) {
        start(tag, attributes)
        html += "/>"
    }

    /// `tag` holding the escaped `text`.
    mutating func element(_ tag: String, _ attributes: [Attribute] = [], text: String) {
        open(tag, attributes)
        self.text(text)
        close()
    }

    /// `tag` holding what `content` writes.
    mutating func element(_ tag: String, _ attributes: [Attribute] = [], content: (inout HTMLWriter) -> Void) {
        open(tag, attributes)
        content(&self)
        close()
    }

    /// Escaped text.
    mutating func text(_ text: String) {
        html += HTMLEscaping.escape(text)
    }

    /// The markup, every element closed.
    mutating func finish() -> String {
        while !open.isEmpty { close() }
        return html
    }

    private mutating func start(_ tag: String, _ attributes: [Attribute]) {
        html += "<" + tag
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            html += " " + attribute.name + "=\"" + HTMLEscaping.escape(value) + "\""
        }
    }
}
