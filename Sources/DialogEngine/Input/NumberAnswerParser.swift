import Foundation
import TwinLanguage

/// Reads `integer` and `number` answers: `12`, `-3`, `19,5`, `12 weken`, `8x`, `acht keer`.
enum NumberAnswerParser {
    /// What the text says as a number, before the question's type and range are applied.
    private enum Reading {
        /// Digits with an optional sign and fraction; `fraction` is `nil` without a separator.
        case digits(negative: Bool, whole: String, fraction: String?)
        /// A number written as a word.
        case word(Int)
        case notANumber
        case tooLarge
    }

    /// Parses a whole number; decimals are refused rather than rounded, because `2,5 keer` is
    /// more likely a misunderstanding of the question than a wish to round.
    static func parseInteger(_ text: String, spec: InputSpec) -> Result<Value, InputRejection> {
        let value: Int
        switch read(text) {
        case .word(let n):
            value = n
        case .digits(let negative, let whole, let fraction):
            if fraction != nil { return .failure(decimalRejection(spec)) }
            guard let magnitude = Int(whole) else { return .failure(tooLargeRejection(spec)) }
            value = negative ? -magnitude : magnitude
        case .notANumber:
            return .failure(notANumberRejection(spec, whole: true))
        case .tooLarge:
            return .failure(tooLargeRejection(spec))
        }
        if let rejection = rangeRejection(Double(value), spec) { return .failure(rejection) }
        return .success(.integer(value))
    }

    /// Parses a decimal number with a decimal point or comma.
    static func parseNumber(_ text: String, spec: InputSpec) -> Result<Value, InputRejection> {
        var value: Double
        switch read(text) {
        case .word(let n):
            value = Double(n)
        case .digits(let negative, let whole, let fraction):
            let fractionDigits = fraction ?? ""
            // `2.500` is two and a half in English and two thousand five hundred in Dutch;
            // asking again is better than storing the wrong one.
            if fractionDigits.count == 3, whole.contains(where: { $0 != "0" }) {
                return .failure(thousandsRejection())
            }
            guard let magnitude = Double(whole + "." + (fractionDigits.isEmpty ? "0" : fractionDigits))
            else { return .failure(notANumberRejection(spec, whole: false)) }
            value = negative ? -magnitude : magnitude
        case .notANumber:
            return .failure(notANumberRejection(spec, whole: false))
        case .tooLarge:
            return .failure(tooLargeRejection(spec))
        }
        // `-0` is stored as 0 so that it prints and compares like the zero the participant meant.
        if value == 0 { value = 0 }
        if let rejection = rangeRejection(value, spec) { return .failure(rejection) }
        return .success(.number(value))
    }

    // MARK: - Reading

    /// Words before a number that do not change it: `ongeveer 12`, `about 12`.
    private static let hedges = ["ongeveer", "circa", "ca.", "ca", "about", "around", "approximately"]

    /// First words of a unit that make the number vague or a range: `een paar weken` is not 1,
    /// `12 of 13` is not 12.
    private static let vagueUnitWords: Set<String> = [
        "paar", "aantal", "stuk", "of", "tot", "few", "couple", "handful", "or", "to",
    ]

    /// More digits than this are not something a participant means as a count or an amount,
    /// and would overflow or lose precision.
    private static let maximumDigits = 15

    private static func read(_ text: String) -> Reading {
        var rest = Substring(TextFolding.foldCaseAndAccents(text)
            .trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.hasPrefix("~") { rest = rest.dropFirst().drop(while: \.isWhitespace) }
        for hedge in hedges where rest.hasPrefix(hedge + " ") {
            rest = rest.dropFirst(hedge.count).drop(while: \.isWhitespace)
            break
        }

        var negative = false
        if let first = rest.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            rest = rest.dropFirst().drop(while: \.isWhitespace)
        }

        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction: Substring?
        if let separator = rest.first, separator == "." || separator == "," {
            let digits = rest.dropFirst().prefix(while: isDigit)
            if !digits.isEmpty {
                fraction = digits
                rest = rest.dropFirst(1 + digits.count)
            } else if rest.dropFirst().allSatisfy(\.isWhitespace) {
                // A full stop at the end of a sentence: `12.`
                rest = rest.dropFirst()
            }
        }

        if whole.isEmpty && fraction == nil {
            return negative ? .notANumber : readWord(rest)
        }
        guard isUnit(rest) else { return .notANumber }
        if whole.count > maximumDigits || (fraction?.count ?? 0) > maximumDigits { return .tooLarge }
        return .digits(negative: negative, whole: whole.isEmpty ? "0" : String(whole),
                       fraction: fraction.map(String.init))
    }

    private static func readWord(_ text: Substring) -> Reading {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let first = words.first, let value = NumberWords.value(of: TextFolding.fold(String(first)))
        else { return .notANumber }
        let unit = words.dropFirst().joined(separator: " ")
        return isUnit(Substring(unit)) ? .word(value) : .notANumber
    }

    /// Whether what follows the number is a unit (`weken`, `x`, `uur per week`) and not more
    /// numbers or a qualification that changes the meaning.
    private static func isUnit(_ text: Substring) -> Bool {
        let unit = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if unit.isEmpty { return true }
        let allowed = unit.allSatisfy { c in
            c.isLetter || c.isWhitespace || c == "." || c == "'" || c == "\u{2019}" || c == "%" || c == "/"
        }
        guard allowed else { return false }
        let words = TextFolding.words(unit)
        guard let first = words.first else { return true }
        return words.count <= 3 && !vagueUnitWords.contains(first)
    }

    private static func isDigit(_ c: Character) -> Bool {
        // Only ASCII digits: `½`, superscripts and other scripts' digits are not read as numbers.
        c.isASCII && c.isNumber
    }

    // MARK: - Reasons

    /// `tussen 1 en 50` / `between 1 and 50`, or the one bound that is set; `nil` without bounds.
    private static func rangePhrase(_ spec: InputSpec) -> LocalizedText? {
        func n(_ value: Double, _ language: Language) -> String {
            ReasonFormatting.number(value, in: language)
        }
        switch (spec.min, spec.max) {
        case let (low?, high?):
            return LocalizedText(nl: "tussen \(n(low, .nl)) en \(n(high, .nl))", en: "between \(n(low, .en)) and \(n(high, .en))")
        case let (low?, nil):
            return LocalizedText(nl: "van minstens \(n(low, .nl))", en: "of at least \(n(low, .en))")
        case let (nil, high?):
            return LocalizedText(nl: "van hoogstens \(n(high, .nl))", en: "of at most \(n(high, .en))")
        case (nil, nil):
            return nil
        }
    }

    private static func rangeRejection(_ value: Double, _ spec: InputSpec) -> InputRejection? {
        let tooSmall = spec.min.map { value < $0 } ?? false
        let tooLarge = spec.max.map { value > $0 } ?? false
        guard tooSmall || tooLarge, let phrase = rangePhrase(spec) else { return nil }
        return InputRejection(nl: "Typ een getal \(phrase.nl).", en: "Type a number \(phrase.en).")
    }

    private static func notANumberRejection(_ spec: InputSpec, whole: Bool) -> InputRejection {
        let kind = whole ? LocalizedText(nl: "een heel getal", en: "a whole number")
                         : LocalizedText(nl: "een getal", en: "a number")
        if let phrase = rangePhrase(spec) {
            return InputRejection(nl: "Typ \(kind.nl) \(phrase.nl).", en: "Type \(kind.en) \(phrase.en).")
        }
        let example = whole ? LocalizedText(nl: "12", en: "12") : LocalizedText(nl: "19,5", en: "19.5")
        return InputRejection(nl: "Typ \(kind.nl), bijvoorbeeld \(example.nl).",
                              en: "Type \(kind.en), for example \(example.en).")
    }

    private static func decimalRejection(_ spec: InputSpec) -> InputRejection {
        let phrase = rangePhrase(spec)
        return InputRejection(
            nl: "Typ een heel getal, zonder komma of punt\(phrase.map { ", \($0.nl)" } ?? "").",
            en: "Type a whole number, without a decimal point or comma\(phrase.map { ", \($0.en)" } ?? "").")
    }

    private static func thousandsRejection() -> InputRejection {
        InputRejection(
            nl: "Typ het getal zonder punt of komma tussen de duizendtallen, bijvoorbeeld 2500 of 2,5.",
            en: "Type the number without thousands separators, for example 2500 or 2.5.")
    }

    private static func tooLargeRejection(_ spec: InputSpec) -> InputRejection {
        if let phrase = rangePhrase(spec) {
            return InputRejection(nl: "Dat getal is te groot. Typ een getal \(phrase.nl).",
                                  en: "That number is too large. Type a number \(phrase.en).")
        }
        return InputRejection(nl: "Dat getal is te groot.", en: "That number is too large.")
    }
}
