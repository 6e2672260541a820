import Foundation

/// The `{{slot.name}}` placeholders of a dialog text.
///
/// A template is split once into literal text and slot references; rendering inserts each
/// slot's value as plain text and never looks at it again, so an answer that contains `{{…}}`
/// stays literal and cannot pull in other slots.
public struct Template: Sendable, Hashable {
    /// A piece of a template.
    public enum Segment: Sendable, Hashable {
        /// Text shown as written.
        case literal(String)
        /// A slot whose value is inserted; `offset` is its position in the text.
        case slot(String, offset: Int)
    }

    /// The pieces, in order.
    public let segments: [Segment]
    /// Placeholders that are not a slot name, with their offset: reported by the linter.
    public let malformed: [(text: String, offset: Int)]

    public static func == (lhs: Template, rhs: Template) -> Bool { lhs.segments == rhs.segments }
    public func hash(into hasher: inout Hasher) { hasher.combine(segments) }

    /// Splits `text` into segments. `{{{{` stands for a literal `{{`.
    public init(_ text: String) {
        // Most texts have no slot at all: the walk over their characters below would only copy
        // them, and it was a tenth of loading the dialogs at start-up.
        guard Self.mayHaveSlots(text) else {
            segments = text.isEmpty ? [] : [.literal(text)]
            malformed = []
            return
        }
        var segments: [Segment] = []
        var malformed: [(String, Int)] = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        // Once a `{{` finds no `}}` after it, no later one can: remembering that keeps a text
        // full of stray `{{` linear instead of quadratic.
        var unclosedFrom = chars.count
        func flush() {
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
        }
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                if i + 3 < chars.count, chars[i + 2] == "{", chars[i + 3] == "{" {
                    literal += "{{"
                    i += 4
                    continue
                }
                var j = i + 2
                var name = ""
                var closed = false
                while j < chars.count, j < unclosedFrom {
                    if chars[j] == "}", j + 1 < chars.count, chars[j + 1] == "}" {
                        closed = true
                        break
                    }
                    name.append(chars[j])
                    j += 1
                }
                if !closed { unclosedFrom = min(unclosedFrom, i + 2) }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if closed, DialogParser.isValidSlotName(trimmed) {
                    flush()
                    segments.append(.slot(trimmed, offset: i))
                    i = j + 2
                } else {
                    malformed.append((closed ? "{{\(name)}}" : "{{", i))
                    literal += closed ? "{{\(name)}}" : "{{"
                    i = closed ? j + 2 : i + 2
                }
                continue
            }
            literal.append(chars[i])
            i += 1
        }
        flush()
        self.segments = segments
        self.malformed = malformed
    }

    /// Whether `text` holds a `{{` anywhere (its bytes are enough: `{` is never part of another
    /// character in UTF-8).
    private static func mayHaveSlots(_ text: String) -> Bool {
        var previousWasBrace = false
        for byte in text.utf8 {
            let isBrace = byte == UInt8(ascii: "{")
            if isBrace && previousWasBrace { return true }
            previousWasBrace = isBrace
        }
        return false
    }

    /// The slots the template reads.
    public var slots: [String] {
        segments.compactMap { if case .slot(let name, _) = $0 { return name } else { return nil } }
    }

    /// The text with every slot replaced by `value(slot)`, inserted verbatim.
    public func render(_ value: (String) -> String) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .slot(let name, _): out += value(name)
            }
        }
        return out
    }
}
