import Foundation

/// Finds the families of a `RelatedTerms` table that a free text mentions.
///
/// The rules, so that a coordinator can predict them (they are repeated in the table's header):
/// case and accents do not matter, and every character that is not a letter or a digit
/// separates words, so `(v)mbo-stagiairs` reads as `v mbo stagiairs` and `mbo-4` as `mbo 4`.
/// A term of one word matches a word that starts with it (`natuurkunde` matches
/// `natuurkundedocent`); a term of six letters or more also matches inside a word, because Dutch
/// puts the telling part of a compound at its end (`installatietechniek`). A term shorter than
/// five letters (`mbo`, `havo`, `zorg`), or one written with a leading `=` (`=nederlands`, so
/// that `Nederlandse Spoorwegen` is not a language), matches only a whole word. A term of
/// several words matches those words in a row, the last by the one-word rules.
public struct TermMatcher: Sendable {
    /// One family a text mentions, with the words of the text that made it so.
    public struct Hit: Sendable, Hashable {
        /// The family's position in its list.
        public var family: Int
        /// The words of the text that matched, as written there (folded), in order.
        public var words: [String]
    }

    private struct Term: Sendable {
        var words: [String]
        var wholeWord: Bool
        var family: Int
    }

    private let terms: [Term]
    /// The terms by the first three letters of their first word, so that a word of a text is
    /// compared only with the terms it can start with (a pool of thousands reads its texts
    /// against hundreds of terms).
    private let byStart: [String: [Int]]
    /// The one-word terms of six letters or more by their first three letters, for the terms
    /// that match inside a word.
    private let byInside: [String: [Int]]

    /// Prepares the terms of `families`.
    public init(_ families: [TermFamily]) {
        var terms: [Term] = []
        for (index, family) in families.enumerated() {
            for term in family.terms {
                let wholeWord = term.hasPrefix("=")
                let words = Self.words(wholeWord ? String(term.dropFirst()) : term)
                if !words.isEmpty { terms.append(Term(words: words, wholeWord: wholeWord, family: index)) }
            }
        }
        var byStart: [String: [Int]] = [:], byInside: [String: [Int]] = [:]
        for (index, term) in terms.enumerated() {
            let first = Array(term.words[0])
            byStart[String(first.prefix(3)), default: []].append(index)
            if term.words.count == 1, !term.wholeWord, first.count >= 6 { byInside[String(first.prefix(3)), default: []].append(index) }
        }
        self.terms = terms
        self.byStart = byStart
        self.byInside = byInside
    }

    /// The families `text` mentions, in the table's order.
    public func hits(in text: String?) -> [Hit] {
        guard let text else { return [] }
        let words = Self.words(text)
        guard !words.isEmpty else { return [] }
        var found: [Int: [(start: Int, words: String)]] = [:]
        for (start, word) in words.enumerated() {
            let characters = Array(word)
            var candidates = byStart[String(characters.prefix(3))] ?? []
            if characters.count > 6 {
                for offset in 1...(characters.count - 6) {
                    candidates += byInside[String(characters[offset..<(offset + 3)])] ?? []
                }
            }
            for index in Set(candidates).sorted() {
                let term = terms[index]
                guard start + term.words.count <= words.count else { continue }
                let candidate = Array(words[start..<(start + term.words.count)])
                guard Self.matches(term, candidate) else { continue }
                let matched = candidate.joined(separator: " ")
                if !found[term.family, default: []].contains(where: { $0.words == matched }) {
                    found[term.family, default: []].append((start, matched))
                }
            }
        }
        // The words in the order the text has them.
        return found.keys.sorted().map { family in
            Hit(family: family, words: (found[family] ?? []).sorted { $0.start < $1.start }.map(\.words))
        }
    }

    /// The folded words of a text: lower case, no accents, split at everything that is not a
    /// letter or a digit.
    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl"))
        return folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private static func matches(_ term: Term, _ text: [String]) -> Bool {
        for (index, word) in term.words.enumerated() {
            let isLast = index == term.words.count - 1
            let matched = isLast && !term.wholeWord ? wordMatches(word, text[index]) : text[index] == word
            guard matched else { return false }
        }
        return true
    }

    /// The one-word rule: short terms whole, others as the start of the word, long ones anywhere in it.
    private static func wordMatches(_ term: String, _ word: String) -> Bool {
        if term.count < 5 { return word == term }
        if word.hasPrefix(term) { return true }
        return term.count >= 6 && word.contains(term)
    }
}
