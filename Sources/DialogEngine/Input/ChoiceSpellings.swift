import TwinLanguage

/// The folded spellings of one choice option — its value, both labels and its aliases — in the
/// forms `ChoiceMatcher` compares with, computed once when the option is made rather than on
/// every answer: folding and splitting the spellings of every option dominated the cost of
/// reading a choice.
struct ChoiceSpellings: Sendable {
    /// The folded value.
    let value: String
    /// The folded Dutch and English labels.
    let labels: [String]
    /// The folded aliases.
    let aliases: [String]
    /// Value, labels and aliases, in that order.
    let all: [String]
    /// Each of `all` as UTF-8 with a leading space, so that a search for " " + word finds
    /// the word only where a word starts (folded texts are single-spaced).
    let wordStarts: [[UInt8]]
    /// Each of `all` as Unicode scalars, for the typo distance.
    let scalars: [[Unicode.Scalar]]
    /// Every word of every spelling as Unicode scalars, for a typo in one word.
    let wordScalars: [[Unicode.Scalar]]

    /// Folds the spellings of an option.
    init(value: String, label: LocalizedText, aliases: [String]) {
        self.value = TextFolding.fold(value)
        labels = [TextFolding.fold(label.nl), TextFolding.fold(label.en)]
        self.aliases = aliases.map(TextFolding.fold)
        all = [self.value] + labels + self.aliases
        wordStarts = all.map { Array((" " + $0).utf8) }
        scalars = all.map { Array($0.unicodeScalars) }
        wordScalars = all.flatMap { $0.split(separator: " ").map { Array($0.unicodeScalars) } }
    }

    /// Whether `needle` (UTF-8 of " " + a folded word) occurs in one of the spellings.
    func containsWordStart(_ needle: [UInt8]) -> Bool {
        wordStarts.contains { Self.contains($0, needle) }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
