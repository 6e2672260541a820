/// Turns the bytes a terminal sends in raw mode into key presses.
///
/// Understands UTF-8 text, the control keys of Emacs-style line editing, the escape sequences
/// of xterm, VT100/VT220, the Linux console, screen and tmux (CSI and SS3, with or without
/// modifier parameters), Alt as an Escape prefix, and bracketed paste (`ESC [ 200 ~` … `ESC [
/// 201 ~`), so that a pasted text with line breaks becomes one answer instead of several.
/// Bytes that do not form valid UTF-8 become U+FFFD, which the dialog engine then refuses
/// with a message.
public struct KeyDecoder: Sendable {
    private enum State: Sendable, Equatable {
        case ground
        /// After ESC.
        case escape
        /// After `ESC [`, collecting parameter and intermediate bytes.
        case controlSequence([UInt8])
        /// After `ESC O`.
        case singleShift
        /// Inside a bracketed paste, collecting its bytes.
        case paste([UInt8])
    }

    private var state: State = .ground
    /// The bytes of a UTF-8 character begun but not finished.
    private var utf8: [UInt8] = []
    private var utf8Expected = 0
    /// Whether the last byte was a carriage return, so that a following line feed (CR LF) is
    /// part of the same Enter.
    private var afterCarriageReturn = false

    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

    /// Creates a decoder in its initial state.
    public init() {}

    /// Whether the decoder holds the start of a sequence that more bytes may complete: the
    /// caller waits briefly for them, then calls `flush()` (a lone Escape key, say).
    public var isWaitingForMore: Bool {
        if case .ground = state { return !utf8.isEmpty }
        if case .paste = state { return false }
        return true
    }

    /// Decodes bytes; returns the keys they complete, in order.
    public mutating func decode<Bytes: Sequence>(_ bytes: Bytes) -> [Key] where Bytes.Element == UInt8 {
        var keys: [Key] = []
        for byte in bytes { feed(byte, into: &keys) }
        return keys
    }

    /// Ends a sequence that is still incomplete after a pause: a lone ESC is the Escape key, an
    /// unfinished UTF-8 character is invalid input.
    public mutating func flush() -> [Key] {
        var keys: [Key] = []
        if !utf8.isEmpty {
            keys.append(.character("\u{FFFD}"))
            utf8 = []
            utf8Expected = 0
        }
        switch state {
        case .ground, .paste: break
        case .escape, .controlSequence, .singleShift:
            keys.append(.ignored)
            state = .ground
        }
        return keys
    }

    private mutating func feed(_ byte: UInt8, into keys: inout [Key]) {
        let followsCarriageReturn = afterCarriageReturn
        afterCarriageReturn = false
        switch state {
        case .ground:
            ground(byte, followsCarriageReturn: followsCarriageReturn, into: &keys)
        case .escape:
            state = .ground
            switch byte {
            case 0x5B: state = .controlSequence([])                // [
            case 0x4F: state = .singleShift                        // O
            case 0x62, 0x42: keys.append(.wordLeft)                // Alt-b
            case 0x66, 0x46: keys.append(.wordRight)               // Alt-f
            case 0x64, 0x44: keys.append(.deleteWordForward)       // Alt-d
            case 0x7F, 0x08: keys.append(.deleteWordBackward)      // Alt-Backspace
            case 0x1B: state = .escape                             // ESC ESC: the first is alone
            default: keys.append(.ignored)
            }
        case .controlSequence(var collected):
            if (0x20...0x3F).contains(byte) {
                collected.append(byte)
                // A sequence this long is no key: drop it rather than collect without bound.
                state = collected.count > 16 ? .ground : .controlSequence(collected)
                if collected.count > 16 { keys.append(.ignored) }
            } else {
                state = .ground
                controlSequence(parameters: collected, final: byte, into: &keys)
            }
        case .singleShift:
            state = .ground
            // 0x4D: keypad Enter in application mode.
            keys.append(byte == 0x4D ? .enter : Self.cursorKey(final: byte, byWord: false) ?? .ignored)
        case .paste(var collected):
            collected.append(byte)
            if collected.count >= Self.pasteEnd.count, collected.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd) {
                collected.removeLast(Self.pasteEnd.count)
                state = .ground
                keys.append(.paste(Self.pastedText(collected)))
            } else {
                state = .paste(collected)
            }
        }
    }

    private mutating func ground(_ byte: UInt8, followsCarriageReturn: Bool, into keys: inout [Key]) {
        if !utf8.isEmpty {
            if byte & 0xC0 == 0x80 {
                utf8.append(byte)
                if utf8.count == utf8Expected { emitUTF8(into: &keys) }
                return
            }
            // A new character began before the last one was complete.
            keys.append(.character("\u{FFFD}"))
            utf8 = []
            utf8Expected = 0
        }
        switch byte {
        case 0x01: keys.append(.home)
        case 0x02: keys.append(.left)
        case 0x03: keys.append(.interrupt)
        case 0x04: keys.append(.endOfFile)
        case 0x05: keys.append(.end)
        case 0x06: keys.append(.right)
        case 0x08, 0x7F: keys.append(.backspace)
        case 0x0B: keys.append(.killToEnd)
        case 0x0C: keys.append(.clearScreen)
        case 0x0D:
            afterCarriageReturn = true
            keys.append(.enter)
        case 0x0A:
            if !followsCarriageReturn { keys.append(.enter) }
        case 0x0E: keys.append(.down)
        case 0x10: keys.append(.up)
        case 0x14: keys.append(.transpose)
        case 0x15: keys.append(.killToStart)
        case 0x17: keys.append(.deleteWordBackward)
        case 0x19: keys.append(.yank)
        case 0x1A: keys.append(.suspend)
        case 0x1B: state = .escape
        case 0x00..<0x20: keys.append(.ignored)
        case 0x20..<0x80: keys.append(.character(Character(Unicode.Scalar(byte))))
        case 0xC2...0xDF: startUTF8(byte, length: 2)
        case 0xE0...0xEF: startUTF8(byte, length: 3)
        case 0xF0...0xF4: startUTF8(byte, length: 4)
        default: keys.append(.character("\u{FFFD}"))  // a continuation byte alone, or 0xF5–0xFF
        }
    }

    private mutating func startUTF8(_ byte: UInt8, length: Int) {
        utf8 = [byte]
        utf8Expected = length
    }

    private mutating func emitUTF8(into keys: inout [Key]) {
        // Overlong forms and surrogates fail to decode and come out as U+FFFD.
        let text = String(decoding: utf8, as: UTF8.self)
        utf8 = []
        utf8Expected = 0
        for character in text { keys.append(.character(character)) }
    }

    private mutating func controlSequence(parameters: [UInt8], final: UInt8, into keys: inout [Key]) {
        let fields = String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
        // Modifier 5 is Ctrl, 3 is Alt: both move by words with the arrows.
        let modifier = fields.count > 1 ? Int(fields[1]) ?? 1 : 1
        let byWord = modifier == 3 || modifier == 5
        if let key = Self.cursorKey(final: final, byWord: byWord) {
            keys.append(key)
            return
        }
        switch final {
        case 0x7E:
            switch fields.first.flatMap({ Int($0) }) {
            case 1, 7: keys.append(.home)
            case 4, 8: keys.append(.end)
            case 3: keys.append(.delete)
            case 200: state = .paste([])
            default: keys.append(.ignored)
            }
        default: keys.append(.ignored)
        }
    }

    /// The arrows, Home and End by the final byte they share in CSI (`ESC [ A`) and SS3
    /// (`ESC O A`) sequences.
    private static func cursorKey(final: UInt8, byWord: Bool) -> Key? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return byWord ? .wordRight : .right
        case 0x44: return byWord ? .wordLeft : .left
        case 0x48: return .home
        case 0x46: return .end
        default: return nil
        }
    }

    /// A pasted text as one line: line breaks and tabs become spaces, other control
    /// characters go.
    private static func pastedText(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous == "\r": continue  // CR LF is one line break
            case 0x09, 0x0A, 0x0D: scalars.append(" ")
            case 0x00..<0x20, 0x7F: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
