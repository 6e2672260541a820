/// Finds the option a piece of text means, forgiving case, accents, punctuation, a shortened
/// word and a small typo — but never guessing between two options.
struct ChoiceMatcher {
    /// What a piece of text selects.
    enum Outcome: Equatable {
        /// The option at this index of the options.
        case option(Int)
        /// Several options fit equally well; the indices in option order.
        case ambiguous([Int])
        case noMatch
    }

    /// The options, in the order they are shown and numbered.
    let options: [ChoiceOption]
    /// How many options, from the first, a number selects (the rest are unlisted).
    let numbered: Int

    /// The options' folded spellings, taken only once an answer is not simply a number: an
    /// option whose label was filled in for this turn is folded only then.
    private final class Spellings {
        let options: [ChoiceOption]
        lazy var all: [ChoiceSpellings] = options.map(\.spellings)
        init(_ options: [ChoiceOption]) { self.options = options }
    }

    private let cache: Spellings
    private var spellings: [ChoiceSpellings] { cache.all }

    /// Prepares matching against `options`, of which the first `numbered` (all when `nil`) take a number.
    init(options: [ChoiceOption], numbered: Int? = nil) {
        self.options = options
        self.numbered = numbered ?? options.count
        cache = Spellings(options)
    }

    /// The shortest shortened word that may select an option; shorter ones fit too much.
    static let minimumPrefixLength = 3

    /// The typo allowance for a spelling of `length` folded characters: none below four,
    /// where one edit already turns one short word into another.
    static func typoLimit(forLength length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case 4...7: return 1
        default: return 2
        }
    }

    /// Matches `text` in stages, stopping at the first stage that finds anything, so that an
    /// exact spelling always wins over a shortened one and that over a typo: the 1-based
    /// number, the value, a label or alias, a shortened word, a typo in a whole spelling, a
    /// typo in one word of a spelling.
    func match(_ text: String) -> Outcome {
        let folded = TextFolding.fold(text)
        guard !folded.isEmpty else { return .noMatch }
        if let number = Self.number(folded), number >= 1, number <= numbered {
            return .option(number - 1)
        }
        var outcome = Self.outcome(spellings.indices.filter { spellings[$0].value == folded })
        if outcome != .noMatch { return outcome }
        outcome = Self.outcome(spellings.indices.filter { spellings[$0].labels.contains(folded) || spellings[$0].aliases.contains(folded) })
        if outcome != .noMatch { return outcome }
        // A shortened word: the answer is the start of a word of a spelling.
        if folded.count >= Self.minimumPrefixLength {
            let needle = Array((" " + folded).utf8)
            outcome = Self.outcome(spellings.indices.filter { spellings[$0].containsWordStart(needle) })
            if outcome != .noMatch { return outcome }
        }
        let typed = Array(folded.unicodeScalars)
        let whole = closest(typed) { $0.scalars }
        if whole != .noMatch || folded.contains(" ") { return whole }
        return closest(typed) { $0.wordScalars }
    }

    /// The exact stages only (number, value, label, alias): used before splitting a
    /// multichoice answer, so that a label containing `en` is not taken apart.
    func exactMatch(_ text: String) -> Int? {
        let folded = TextFolding.fold(text)
        guard !folded.isEmpty else { return nil }
        if let number = Self.number(folded), number >= 1, number <= numbered { return number - 1 }
        let exact = spellings.indices.filter { spellings[$0].all.contains(folded) }
        return exact.count == 1 ? exact.first : nil
    }

    // MARK: - Stages

    private static func outcome(_ indices: [Int]) -> Outcome {
        switch indices.count {
        case 0: return .noMatch
        case 1: return .option(indices[0])
        default: return .ambiguous(indices)
        }
    }

    /// The number a folded text is, when it is only digits (and short enough to be one).
    static func number(_ folded: String) -> Int? {
        guard (1...6).contains(folded.count), folded.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(folded)
    }

    /// The option whose spellings come closest to `folded` within the typo allowance; the
    /// allowance is taken from the shorter of the two, so a short answer is not stretched to a
    /// long label.
    private func closest(_ typed: [Unicode.Scalar], spellingsOf: (ChoiceSpellings) -> [[Unicode.Scalar]]) -> Outcome {
        var best = Int.max
        var bestIndices: [Int] = []
        let typedLength = typed.count
        for (index, option) in spellings.enumerated() {
            var optionBest = Int.max
            for candidate in spellingsOf(option) {
                let limit = Self.typoLimit(forLength: Swift.min(typedLength, candidate.count))
                guard limit > 0,
                      let distance = EditDistance.optimalStringAlignment(typed, candidate, limit: limit)
                else { continue }
                optionBest = Swift.min(optionBest, distance)
            }
            if optionBest < best {
                best = optionBest
                bestIndices = [index]
            } else if optionBest == best, optionBest != Int.max {
                bestIndices.append(index)
            }
        }
        return Self.outcome(bestIndices)
    }
}
