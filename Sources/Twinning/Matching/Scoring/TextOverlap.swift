import Foundation

/// Compares places of work by their meaningful words (`Utrecht` and `regio Utrecht`).
enum TextOverlap {
    /// Words that say nothing about closeness.
    private static let stopwords: Set<String> = [
        "de", "het", "een", "en", "van", "in", "op", "met", "voor", "bij", "aan", "of", "te", "die", "dat",
        "the", "a", "an", "and", "of", "in", "at", "for", "with", "to", "or", "on",
        "regio", "region", "area", "omgeving", "gemeente",
    ]

    /// The folded words of a text, without stopwords and very short words.
    static func words(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let parts = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(parts.filter { $0.count >= 3 && !stopwords.contains($0) })
    }

    /// Whether two places of work are the same town or region.
    static func sameRegion(_ a: String, _ b: String) -> Bool {
        let left = words(a), right = words(b)
        return !left.isEmpty && !left.isDisjoint(with: right)
    }
}
