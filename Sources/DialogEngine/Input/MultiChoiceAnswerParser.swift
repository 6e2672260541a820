import Foundation
import TwinLanguage

/// Reads `multichoice` answers: several options separated by commas, `;`, new lines, `en`,
/// `and` or `&`, each matched like a single choice, plus number ranges (`1-3`, `2 t/m 4`) and
/// plain lists of numbers (`1 3 5`). The slot gets the values in option order, each once.
enum MultiChoiceAnswerParser {
    /// Parses the answer and checks the number of chosen options.
    static func parse(_ text: String, spec: InputSpec) -> Result<Value, InputRejection> {
        guard !spec.options.isEmpty else { return .failure(ChoiceAnswerParser.noOptions) }
        let matcher = ChoiceMatcher(options: spec.options)
        var chosen = Set<Int>()
        let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)

        // A label that itself contains a comma or `en` is taken whole before anything is split.
        if let whole = matcher.exactMatch(answer) {
            chosen.insert(whole)
        } else {
            for chunk in answer.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
                let piece = chunk.trimmingCharacters(in: .whitespaces)
                if piece.isEmpty { continue }
                switch resolveChunk(piece, matcher: matcher) {
                case .success(let indices): chosen.formUnion(indices)
                case .failure(let rejection): return .failure(rejection)
                }
            }
        }

        if let rejection = countRejection(chosen.count, spec) { return .failure(rejection) }
        return .success(.list(chosen.sorted().map { spec.options[$0].value }))
    }

    // MARK: - Parts

    /// A piece between commas: an exact option first, then split on `en`/`and`/`&`; when a
    /// split part matches nothing, the whole piece may still be a (misspelt) option.
    private static func resolveChunk(_ chunk: String, matcher: ChoiceMatcher) -> Result<[Int], InputRejection> {
        if let index = matcher.exactMatch(chunk) { return .success([index]) }
        let parts = splitOnConjunctions(chunk)
        guard parts.count > 1 else { return resolvePart(chunk, matcher: matcher) }
        var indices: [Int] = []
        for part in parts {
            switch resolvePart(part, matcher: matcher) {
            case .success(let found):
                indices += found
            case .failure(let rejection):
                if case .option(let index) = matcher.match(chunk) { return .success([index]) }
                return .failure(rejection)
            }
        }
        return .success(indices)
    }

    /// One part: a range, a list of numbers or one option.
    private static func resolvePart(_ part: String, matcher: ChoiceMatcher) -> Result<[Int], InputRejection> {
        let count = matcher.options.count
        if let numbers = range(part) ?? numberList(part) {
            guard numbers.allSatisfy({ (1...count).contains($0) }) else {
                return .failure(InputRejection(
                    nl: "\(ReasonFormatting.quoted(part)): er zijn maar \(count) opties. Kies nummers van 1 tot en met \(count).",
                    en: "\(ReasonFormatting.quoted(part)): there are only \(count) options. Choose numbers from 1 to \(count)."))
            }
            return .success(numbers.map { $0 - 1 })
        }
        switch matcher.match(part) {
        case .option(let index):
            return .success([index])
        case .ambiguous(let indices):
            return .failure(ChoiceAnswerParser.ambiguity(indices.map { matcher.options[$0] }))
        case .noMatch:
            return .failure(InputRejection(
                nl: "\(ReasonFormatting.quoted(part)) staat niet tussen de opties. Kies nummers van 1 tot en met \(count) of typ de opties, gescheiden door komma's.",
                en: "\(ReasonFormatting.quoted(part)) is not one of the options. Choose numbers from 1 to \(count) or type the options, separated by commas."))
        }
    }

    /// Splits on the words `en` and `and` and on `&`, keeping the parts as typed so that a
    /// rejection can quote them.
    private static func splitOnConjunctions(_ text: String) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            let lowered = word.lowercased()
            if lowered == "en" || lowered == "and" || lowered == "&" {
                parts.append(current.joined(separator: " "))
                current = []
            } else if word.contains("&") {
                // `A&B` without spaces.
                let pieces = word.split(separator: "&", omittingEmptySubsequences: false)
                for (offset, piece) in pieces.enumerated() {
                    if offset > 0 {
                        parts.append(current.joined(separator: " "))
                        current = []
                    }
                    if !piece.isEmpty { current.append(piece) }
                }
            } else {
                current.append(word)
            }
        }
        parts.append(current.joined(separator: " "))
        return parts.filter { !$0.isEmpty }
    }

    /// The spellings of an inclusive range between two numbers, longest first so that
    /// `tot en met` is not read as `t`.
    private static let rangeSeparators = ["tot en met", "t/m", "tm", "-", "\u{2013}", "\u{2014}", "to"]

    /// The numbers of `1-3`, `3-1`, `2 t/m 4`; `nil` when the part is not a range.
    private static func range(_ part: String) -> [Int]? {
        // Most parts are words; only a part with a digit can be a range.
        guard part.utf8.contains(where: { (48...57).contains($0) }) else { return nil }
        let lowered = part.lowercased()
        for separator in rangeSeparators {
            let sides = lowered.components(separatedBy: separator)
            guard sides.count == 2,
                  let low = ChoiceMatcher.number(sides[0].trimmingCharacters(in: .whitespaces)),
                  let high = ChoiceMatcher.number(sides[1].trimmingCharacters(in: .whitespaces))
            else { continue }
            // Bounded so that `1-999999` is a short rejection, not a million-element list.
            guard Swift.max(low, high) <= 1000 else { return [Swift.max(low, high)] }
            return Array(Swift.min(low, high)...Swift.max(low, high))
        }
        return nil
    }

    /// The numbers of `1 3 5`; `nil` unless the part is only numbers separated by spaces.
    private static func numberList(_ part: String) -> [Int]? {
        let words = part.split(whereSeparator: \.isWhitespace)
        guard words.count > 1 else { return nil }
        let numbers = words.compactMap { ChoiceMatcher.number(String($0)) }
        return numbers.count == words.count ? numbers : nil
    }

    // MARK: - Reasons

    private static func countRejection(_ count: Int, _ spec: InputSpec) -> InputRejection? {
        let minimum = spec.minChoices ?? InputSpec.defaultMinChoices
        let maximum = spec.maxChoices
        func options(_ n: Int, _ language: Language) -> String {
            LocalizedText(nl: ReasonFormatting.count(n, "optie", "opties", in: .nl),
                          en: ReasonFormatting.count(n, "option", "options", in: .en)).text(in: language)
        }
        if count == 0 && minimum > 0 {
            return InputRejection(
                nl: "Kies minstens \(options(minimum, .nl)): typ de nummers of namen, gescheiden door komma's.",
                en: "Choose at least \(options(minimum, .en)): type the numbers or names, separated by commas.")
        }
        if let maximum, maximum == minimum, count != minimum {
            return InputRejection(
                nl: "Kies precies \(options(minimum, .nl)) (je koos er \(count)).",
                en: "Choose exactly \(options(minimum, .en)) (you chose \(count)).")
        }
        if count < minimum {
            return InputRejection(
                nl: "Kies minstens \(options(minimum, .nl)) (je koos er \(count)).",
                en: "Choose at least \(options(minimum, .en)) (you chose \(count)).")
        }
        if let maximum, count > maximum {
            return InputRejection(
                nl: "Kies hoogstens \(options(maximum, .nl)) (je koos er \(count)).",
                en: "Choose at most \(options(maximum, .en)) (you chose \(count)).")
        }
        return nil
    }
}
