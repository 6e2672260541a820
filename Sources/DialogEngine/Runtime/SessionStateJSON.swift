import Foundation

extension SessionState {
    /// The state as JSON — the same document `JSONEncoder` (with sorted keys) writes for it,
    /// which `JSONDecoder` reads back — written directly into bytes.
    ///
    /// Every turn stores its participant's whole state, so encoding it is on the hot path of
    /// the assistant; Foundation's generic encoder takes several times longer for the same bytes.
    ///
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite, as `JSONEncoder` does.
    public func encodedJSON() throws -> Data {
        var out = JSONWriter()
        out.raw("{\"answered\":\(answered),\"attempts\":\(attempts),\"awaiting\":")
        out.string(awaiting.rawValue)
        out.raw(",\"isPaused\":\(isPaused),\"language\":")
        out.string(language.rawValue)
        out.raw(",\"slots\":")
        try out.values(slots)
        out.raw(",\"stack\":")
        out.frames(stack)
        out.raw(",\"undo\":[")
        for (index, record) in undo.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"previous\":")
            try out.values(record.previous)
            out.raw(",\"stack\":")
            out.frames(record.stack)
            out.raw("}")
        }
        out.raw("]}")
        return Data(out.bytes)
    }
}

/// A minimal JSON writer for `SessionState.encodedJSON`.
private struct JSONWriter {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(2048)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

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

    mutating func value(_ value: Value) throws {
        switch value {
        case .null: raw("null")
        case .bool(let b): raw("{\"bool\":\(b)}")
        case .integer(let i): raw("{\"int\":\(i)}")
        case .number(let d):
            guard d.isFinite else {
                throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "a slot holds a number that is not finite"))
            }
            raw("{\"num\":\(d)}")
        case .text(let s):
            raw("{\"text\":")
            string(s)
            raw("}")
        case .date(let d):
            raw("{\"date\":\"\(d.iso)\"}")
        case .list(let items):
            raw("{\"list\":[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(",") }
                string(item)
            }
            raw("]}")
        }
    }

    mutating func frames(_ frames: [Frame]) {
        raw("[")
        for (index, frame) in frames.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"dialog\":")
            string(frame.dialog)
            if let returnAfter = frame.returnAfter {
                raw(",\"returnAfter\":")
                string(returnAfter)
            }
            raw(",\"step\":")
            string(frame.step)
            raw("}")
        }
        raw("]")
    }
}
