import Foundation
public import TwinLanguage

/// A value held in a slot or produced by an expression.
///
/// The encoding is tagged (`{"int": 3}`, `{"date": "2026-12-06"}`) so that a stored session
/// decodes to exactly the value it held: an integer stays an integer, a date stays a date.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case text(String)
    case date(LocalDate)
    case list([String])

    /// The static type of this value (`.any` for `null`).
    public var type: ValueType {
        switch self {
        case .null: return .any
        case .bool: return .bool
        case .integer: return .integer
        case .number: return .number
        case .text: return .text
        case .date: return .date
        case .list: return .list
        }
    }

    /// Whether this is `null`, the value of a slot that was never set or was skipped.
    public var isNull: Bool { self == .null }

    /// The value as a `Double` when it is numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The value as text when it is text.
    public var textValue: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The value as a list when it is a list.
    public var listValue: [String]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// The value as a boolean when it is one.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The value as a whole number when it is one.
    public var integerValue: Int? {
        if case .integer(let i) = self { return i }
        return nil
    }

    /// The value as a calendar day when it is one.
    public var dateValue: LocalDate? {
        if case .date(let d) = self { return d }
        return nil
    }

    /// A plain rendering without translation: numbers in the given language's style, lists
    /// joined with commas. Templates use `SlotFormatter` instead, which also translates labels.
    public func plainText(in language: Language) -> String {
        switch self {
        case .null: return "—"
        case .bool(let b):
            switch language {
            case .nl: return b ? "ja" : "nee"
            case .en: return b ? "yes" : "no"
            }
        case .integer(let i): return String(i)
        case .number(let d): return Value.format(d, in: language)
        case .text(let s): return s
        case .date(let d): return d.iso
        case .list(let l): return l.joined(separator: ", ")
        }
    }

    /// Formats a decimal without a trailing `.0`, with a decimal comma in Dutch.
    public static func format(_ number: Double, in language: Language) -> String {
        language.format(number)
    }
}

extension Value: Codable {
    private enum Key: String, CodingKey {
        case bool, int, num, text, date, list
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self = .null
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        if let b = try c.decodeIfPresent(Bool.self, forKey: .bool) { self = .bool(b) }
        else if let i = try c.decodeIfPresent(Int.self, forKey: .int) { self = .integer(i) }
        else if let d = try c.decodeIfPresent(Double.self, forKey: .num) { self = .number(d) }
        else if let s = try c.decodeIfPresent(String.self, forKey: .text) { self = .text(s) }
        else if let d = try c.decodeIfPresent(LocalDate.self, forKey: .date) { self = .date(d) }
        else if let l = try c.decodeIfPresent([String].self, forKey: .list) { self = .list(l) }
        else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "not a tagged slot value"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .null = self {
            var single = encoder.singleValueContainer()
            try single.encodeNil()
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .null: break
        case .bool(let b): try c.encode(b, forKey: .bool)
        case .integer(let i): try c.encode(i, forKey: .int)
        case .number(let d): try c.encode(d, forKey: .num)
        case .text(let s): try c.encode(s, forKey: .text)
        case .date(let d): try c.encode(d, forKey: .date)
        case .list(let l): try c.encode(l, forKey: .list)
        }
    }
}
