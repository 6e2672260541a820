/// Reads a decimal number from bytes, correctly rounded, without making a string.
///
/// The grammar: an optional sign, digits with an optional decimal point (at least one digit on
/// either side of it), an optional exponent (`e` or `E`, optional sign, digits). No spaces,
/// no `inf` or `nan`, no thousands separators.
enum DecimalNumber {
    /// The number that starts at `start` and the index just after it, or `nil` when no number
    /// starts there. The text after the number is the caller's to check.
    ///
    /// Up to 19 significant digits and a power of ten up to 22 are computed exactly with one
    /// rounding (Clinger's fast path), which covers what spreadsheets write; anything else goes
    /// through the standard library's correctly rounded conversion. A value beyond the range of
    /// `Double` comes back infinite.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, decimalComma: Bool) -> (value: Double, end: Int)? {
        var index = start
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false
        while index < end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            sawDigit = true
            if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significantDigits += 1 }
            } else {
                exponent += 1
                inexact = true
            }
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") || (decimalComma && bytes[index] == UInt8(ascii: ",")) {
            index += 1
            while index < end {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawDigit = true
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significantDigits += 1 }
                    exponent -= 1
                } else {
                    inexact = true
                }
                index += 1
            }
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            // The exponent only counts when digits follow; otherwise the `e` is left for the
            // caller to reject as text after the number.
            var cursor = index + 1
            var exponentNegative = false
            if cursor < end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
                exponentNegative = bytes[cursor] == UInt8(ascii: "-")
                cursor += 1
            }
            var written = 0
            var sawExponentDigit = false
            while cursor < end {
                let digit = bytes[cursor] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                sawExponentDigit = true
                // Capped: anything this large is zero or infinite anyway.
                if written < 100_000 { written = written * 10 + Int(digit) }
                cursor += 1
            }
            if sawExponentDigit {
                exponent += exponentNegative ? -written : written
                index = cursor
            }
        }

        if mantissa == 0 { return (negative ? -0.0 : 0.0, index) }
        if !inexact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            // Both operands are exact, so the one operation rounds correctly.
            let scaled = exponent < 0 ? Double(mantissa) / powerOfTen(-exponent) : Double(mantissa) * powerOfTen(exponent)
            return (negative ? -scaled : scaled, index)
        }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if decimalComma { text = text.replacingComma() }
        // The text was checked against the grammar above, which the standard library accepts.
        let value = Double(text) ?? .nan
        return (value, index)
    }

    /// 10^exponent for 0...22, all exactly representable.
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}

private extension String {
    /// The text with a decimal comma turned into a point, for the standard library's parser.
    func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
