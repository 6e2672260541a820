public import Foundation
import JSONText

extension Value {
    /// The value as JSON in its Codable form (`{"text":"…"}`, `{"int":3}`, `{"list":[…]}`,
    /// `null`) — what `JSONEncoder` writes for it, without the generic encoder's cost.
    ///
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite.
    public func encodedJSON() throws -> Data {
        var out = JSONTextWriter(capacity: 64)
        try out.value(self)
        return out.data
    }
}

extension JSONTextWriter {
    /// A dictionary of values with its keys sorted, like `JSONEncoder` with `.sortedKeys`.
    mutating func values(_ values: [String: Value]) throws {
        raw("{")
        for (index, key) in values.keys.sorted().enumerated() {
            if index > 0 { raw(",") }
            string(key)
            raw(":")
            try value(values[key] ?? .null)
        }
        raw("}")
    }

    /// A slot value in `Value`'s own Codable form (`{"text": …}`, `{"int": …}`, …).
    mutating func value(_ value: Value) throws {
        switch value {
        case .null: raw("null")
        case .bool(let b): raw("{\"bool\":\(b)}")
        case .integer(let i): raw("{\"int\":\(i)}")
        case .number(let d):
            raw("{\"num\":")
            try number(d)
            raw("}")
        case .text(let s):
            raw("{\"text\":")
            string(s)
            raw("}")
        case .date(let d):
            raw("{\"date\":\"\(d.iso)\"}")
        case .list(let items):
            raw("{\"list\":")
            array(items) { out, item in out.string(item) }
            raw("}")
        }
    }
}
