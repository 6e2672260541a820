import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page of the web chat (or the coordinator's overview) parsed as XML — which it must be: the renderer writes well-formed
/// markup, so that a strict parser is a fair check of its structure — as a tree to query.
public final class ParsedPage {
    /// One element: its name, attributes, child elements and text.
    public final class Element {
        public let name: String
        public let attributes: [String: String]
        public internal(set) var children: [Element] = []
        /// The text directly inside, and the children's, in order.
        public internal(set) var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        public subscript(attribute: String) -> String? { attributes[attribute] }

        /// Every element below this one (not itself), in document order.
        public var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }

        /// The elements below named `name`.
        public func all(_ name: String) -> [Element] { descendants.filter { $0.name == name } }

        /// The first element below with `id`.
        public func byID(_ id: String) -> Element? { descendants.first { $0["id"] == id } }

        /// The element written out — name, attributes in order of name, text, children — for
        /// comparing two parts of pages.
        public var outline: String {
            let attributes = self.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "<\(name) \(attributes)>\(text)[" + children.map(\.outline).joined(separator: ",") + "]"
        }

        /// The text with runs of white space as one space, trimmed.
        public var normalizedText: String {
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// The `html` element.
    public let root: Element

    /// Parses `html`; throws when it is not well-formed.
    public init(_ html: String) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        self.root = root
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
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
