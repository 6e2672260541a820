/// A form posted to `/chat` (`application/x-www-form-urlencoded`), with repeated fields kept
/// in order — a multichoice posts `answer` once per ticked box.
struct ChatForm: Sendable, Equatable {
    /// The fields in the order posted, names and values decoded.
    let fields: [(name: String, value: String)]

    /// Parses `body`; a field that cannot be decoded (bad percent-encoding) is left out.
    init(_ body: String) {
        var fields: [(name: String, value: String)] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            guard let value else { continue }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The first value of `name`, if any.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first value of `name` unless it is empty.
    func nonEmpty(_ name: String) -> String? {
        value(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func == (lhs: ChatForm, rhs: ChatForm) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    /// `+` as a space, then percent-decoding; `nil` for a `%` not followed by two hex digits,
    /// or bytes that are not UTF-8.
    private static func decode(_ text: Substring) -> String? {
        let utf8 = text.utf8
        // Most fields (tokens, slots, turns) need no decoding at all.
        if !utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != utf8.endIndex, let high = Hex.value(utf8[index]) else { return nil }
                index = utf8.index(after: index)
                guard index != utf8.endIndex, let low = Hex.value(utf8[index]) else { return nil }
                index = utf8.index(after: index)
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
