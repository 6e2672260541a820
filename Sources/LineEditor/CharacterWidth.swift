extension Character {
    /// How many terminal columns the character takes: 0 for control characters and marks that
    /// combine with the character before them, 2 for East Asian wide and full-width characters
    /// and for emoji shown as pictures, 1 for the rest.
    ///
    /// The same judgement a terminal makes with `wcwidth`, close enough for positioning the
    /// cursor in a line of Dutch, English and names from anywhere.
    public var terminalColumns: Int {
        guard let first = unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if unicodeScalars.allSatisfy({ $0.isZeroWidth }) { return 0 }
        if unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            || unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji && first.value > 0xFF {
            return 2
        }
        return first.isWide ? 2 : 1
    }
}

extension Unicode.Scalar {
    /// Combining marks, format characters (zero-width joiner, …) and variation selectors.
    fileprivate var isZeroWidth: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
        }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, the large blocks).
    fileprivate var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
