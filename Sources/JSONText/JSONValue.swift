public import Foundation

/// A JSON value that keeps the order of an object's keys as written, for payloads whose
/// shape is the platform's (`$schema`, `@type`, nested cards) rather than a Swift type's.
public indirect enum JSONValue: Sendable, Hashable, Encodable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByBooleanLiteral {
    case string(String)
    case number(Double)
    case integer(Int64)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The member `key` of an object; `nil` for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The text of a string value; `nil` for other values.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items of an array; `nil` for other values.
    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// A string, or `null` when there is none.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The encoded bytes (UTF-8, `/` not escaped, an object's keys in the order written), as
    /// `JSONEncoder` writes them — straight into bytes, since every button click and every
    /// notification writes one; a number that is not finite is written as `null`.
    public func data() -> Data {
        var out = JSONTextWriter(capacity: 1024)
        write(to: &out)
        return out.data
    }

    private func write(to out: inout JSONTextWriter) {
        switch self {
        case .string(let text): out.string(text)
        case .number(let number):
            if (try? out.number(number)) == nil { out.raw("null") }
        case .integer(let number): out.raw(String(number))
        case .bool(let flag): out.bool(flag)
        case .null: out.raw("null")
        case .array(let items):
            out.array(items) { out, item in item.write(to: &out) }
        case .object(let members):
            out.raw("{")
            for (index, member) in members.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(member.0)
                out.raw(":")
                member.1.write(to: &out)
            }
            out.raw("}")
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try container.encode(value, forKey: Key(key)) }
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.data() == rhs.data() }
    public func hash(into hasher: inout Hasher) { hasher.combine(data()) }
}
