/// Writes markup with every text and attribute value escaped (`HTMLEscaping`), so that the
/// renderers cannot forget to: only tag and attribute names — constants of ours — are written
/// as given. The output is well-formed XML as well as HTML (void elements end in `/>`, boolean
/// attributes carry their name as value), so that tests can parse it with an XML parser.
struct HTMLWriter {
    /// An attribute; one whose value is `nil` is left out.
    typealias Attribute = (name: String, value: String?)

    /// The markup written so far, as UTF-8.
    private var bytes: [UInt8] = []
    /// The elements opened and not yet closed, innermost last.
    private var open: [String] = []

    init(capacity: Int = 4_096) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes `raw` unescaped: only for constant markup of ours (the doctype).
    mutating func constant(_ raw: StaticString) {
        raw.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends markup of ours (tag and attribute names, punctuation) as is.
    private mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Opens `tag` with `attributes`; `close()` ends it.
    mutating func open(_ tag: String, _ attributes: [Attribute] = []) {
        start(tag, attributes)
        bytes.append(UInt8(ascii: ">"))
        open.append(tag)
    }

    /// Ends the innermost open element.
    mutating func close() {
        guard let tag = open.popLast() else { return }
        raw("</")
        raw(tag)
        bytes.append(UInt8(ascii: ">"))
    }

    /// A void element (`input`, `meta`, `link`, `br`).
    mutating func void(_ tag: String, _ attributes: [Attribute] = []) {
        start(tag, attributes)
        raw("/>")
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
        HTMLEscaping.append(text, to: &bytes)
    }

    /// The markup as UTF-8, every element closed: a response body needs the bytes, and not a
    /// `String` made of them first.
    mutating func finishUTF8() -> [UInt8] {
        while !open.isEmpty { close() }
        return bytes
    }

    private mutating func start(_ tag: String, _ attributes: [Attribute]) {
        bytes.append(UInt8(ascii: "<"))
        raw(tag)
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            bytes.append(UInt8(ascii: " "))
            raw(attribute.name)
            raw("=\"")
            HTMLEscaping.append(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
