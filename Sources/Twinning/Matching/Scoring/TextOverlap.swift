import Foundation

/// Compares short free texts (prior education, target group, region) by their meaningful words.
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

    /// The meaningful words two texts share, sorted. Words sharing a stem of at least five
    /// letters count as shared (`werktuigbouwkunde` / `werktuigbouw`).
    static func sharedWords(_ a: String?, _ b: String?) -> [String] {
        let left = words(a), right = words(b)
        var shared = Set(left.intersection(right))
        for l in left where !shared.contains(l) {
            if right.contains(where: { r in
                let stem = min(l.count, r.count)
                return stem >= 5 && (l.hasPrefix(r) || r.hasPrefix(l))
            }) { shared.insert(l) }
        }
        return shared.sorted()
    }

    /// How much the shared words weigh: one shared word counts fully up to a cap.
    static func strength(_ shared: [String]) -> Double {
        min(1, Double(shared.count) / 2 + 0.5)
    }

    /// Whether two places of work are the same town or region.
    static func sameRegion(_ a: String, _ b: String) -> Bool {
        let left = words(a), right = words(b)
        return !left.isEmpty && !left.isDisjoint(with: right)
    }
}
