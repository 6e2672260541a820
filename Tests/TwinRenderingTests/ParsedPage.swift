import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page of the web chat parsed as XML — which it must be: the renderer writes well-formed
/// markup, so that a strict parser is a fair check of its structure — as a tree to query.
final class ParsedPage {
    /// One element: its name, attributes, child elements and text.
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        /// The text directly inside, and the children's, in order.
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        subscript(attribute: String) -> String? { attributes[attribute] }

        /// Every element below this one (not itself), in document order.
        var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }

        /// The elements below named `name`.
        func all(_ name: String) -> [Element] { descendants.filter { $0.name == name } }

        /// The first element below with `id`.
        func byID(_ id: String) -> Element? { descendants.first { $0["id"] == id } }

        /// The text with runs of white space as one space, trimmed.
        var normalizedText: String {
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// The `html` element.
    let root: Element

    /// Parses `html`; throws when it is not well-formed.
    init(_ html: String) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        self.root = root
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = Element(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            // An element's text includes its children's, as `textContent` does; a line break
            // counts as a space.
            if element.name == "br" { stack.last?.text += "\n" }
            stack.last?.text += element.text
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
