/// Counts how far apart two spellings are, for forgiving small typos.
public enum EditDistance {
    /// The optimal-string-alignment distance between `a` and `b`, or `limit + 1` for anything
    /// above `limit` — for ranking suggestions, where "too far" is simply the worst rank.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let bound = Swift.max(0, limit)
        return optimalStringAlignment(a, b, limit: bound) ?? bound + 1
    }

    /// The optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions
    /// and no edits of a transposed pair) between `a` and `b`, or `nil` when it is more than
    /// `limit`.
    ///
    /// Only the diagonal band of width `2 × limit + 1` is filled and the work stops as soon as a
    /// whole row exceeds `limit`, so comparing a short answer with many options stays cheap.
    public static func optimalStringAlignment(_ a: String, _ b: String, limit: Int) -> Int? {
        optimalStringAlignment(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// `optimalStringAlignment` over spellings already split into Unicode scalars, for callers
    /// that compare one answer with many prepared spellings.
    public static func optimalStringAlignment(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard limit >= 0 else { return nil }
        var s = a
        var t = b
        if s.count > t.count { swap(&s, &t) }
        let n = s.count
        let m = t.count
        if m - n > limit { return nil }
        if n == 0 { return m }

        // Any value above the limit is as good as infinite; capping keeps additions safe.
        let over = limit + 1
        var twoBack = [Int](repeating: over, count: m + 1)
        var previous = (0...m).map { Swift.min($0, over) }
        var current = [Int](repeating: over, count: m + 1)

        for i in 1...n {
            let low = Swift.max(1, i - limit)
            let high = Swift.min(m, i + limit)
            // The rows are reused, so the cells just outside the band must be reset to
            // "too far" before the next row reads them.
            current[0] = Swift.min(i, over)
            current[low - 1] = low == 1 ? current[0] : over
            if high < m { current[high + 1] = over }

            var rowMinimum = current[low - 1]
            for j in low...high {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = Swift.min(value, twoBack[j - 2] + 1)
                }
                current[j] = Swift.min(value, over)
                rowMinimum = Swift.min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&twoBack, &previous)
            swap(&previous, &current)
        }
        let distance = previous[m]
        return distance <= limit ? distance : nil
    }
}
