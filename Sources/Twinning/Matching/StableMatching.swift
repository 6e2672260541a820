/// Stable matching by Gale–Shapley deferred acceptance, from both sides' rankings.
///
/// Each row ranks the columns it accepts, most preferred first, and each column ranks the rows
/// it accepts; a pair is possible only when both list each other, so an incomplete list means
/// "I would rather stay unpaired than be paired with anyone missing here". The result is
/// stable: no row and column that accept each other both prefer each other to what they got
/// (being unpaired counts as worse than any accepted partner), and nobody is paired with
/// someone they did not list.
///
/// The proposing side gets the best partner it can have in any stable matching
/// (proposer-optimal), the other side the worst (receiver-pessimal); run it both ways to see
/// both ends. The same members are paired in every stable matching (the "rural hospitals"
/// theorem), so the choice of proposer changes who is paired with whom, never who is left out.
/// Unlike the optimal assignment it does not pair as many members as possible: someone who
/// ranks no one who ranks them stays unpaired.
public enum StableMatching {
    /// The stable matching best for `proposing`.
    ///
    /// Runs in O(total length of the lists) after an O(rows × columns) rank table.
    ///
    /// - Parameters:
    ///   - rowPreferences: for each row, the columns it accepts, most preferred first.
    ///   - columnPreferences: for each column, the rows it accepts, most preferred first.
    ///   - proposing: the side that proposes, and so gets its best stable partners.
    /// - Throws: `PreferenceListError` when a list names an index that does not exist or names
    ///   one twice.
    public static func solve(rowPreferences: [[Int]], columnPreferences: [[Int]], proposing: MatrixSide = .rows) throws(PreferenceListError) -> Pairing {
        try check(rowPreferences, side: .rows, limit: columnPreferences.count)
        try check(columnPreferences, side: .columns, limit: rowPreferences.count)
        switch proposing {
        case .rows:
            let partner = deferredAcceptance(proposers: rowPreferences, receivers: columnPreferences)
            return Pairing(columnForRow: partner, columnCount: columnPreferences.count)
        case .columns:
            let rowForColumn = deferredAcceptance(proposers: columnPreferences, receivers: rowPreferences)
            var columnForRow = [Int?](repeating: nil, count: rowPreferences.count)
            for (column, row) in rowForColumn.enumerated() {
                if let row { columnForRow[row] = column }
            }
            return Pairing(columnForRow: columnForRow, columnCount: columnPreferences.count)
        }
    }

    /// Every list names each member of the other side at most once, and only existing ones.
    private static func check(_ lists: [[Int]], side: MatrixSide, limit: Int) throws(PreferenceListError) {
        var seenAt = [Int](repeating: -1, count: limit)
        var seenBy = [Int](repeating: -1, count: limit)
        for (member, list) in lists.enumerated() {
            for (position, value) in list.enumerated() {
                guard value >= 0, value < limit else {
                    throw .outOfRange(side: side, member: member, position: position, value: value, limit: limit)
                }
                if seenBy[value] == member {
                    throw .duplicate(side: side, member: member, position: position, value: value, firstPosition: seenAt[value])
                }
                seenBy[value] = member
                seenAt[value] = position
            }
        }
    }

    /// Deferred acceptance: free proposers propose down their lists; a receiver holds the best
    /// proposal it accepts so far and rejects the rest. The partner of every proposer.
    private static func deferredAcceptance(proposers: [[Int]], receivers: [[Int]]) -> [Int?] {
        let proposerCount = proposers.count
        let receiverCount = receivers.count
        // rank[receiver * proposerCount + proposer]: lower is better; unaccepted stays at max.
        let unaccepted = Int32.max
        var rank = [Int32](repeating: unaccepted, count: receiverCount * proposerCount)
        for (receiver, list) in receivers.enumerated() {
            for (position, proposer) in list.enumerated() {
                rank[receiver * proposerCount + proposer] = Int32(truncatingIfNeeded: min(position, Int(Int32.max - 1)))
            }
        }
        var held = [Int](repeating: -1, count: receiverCount)
        var next = [Int](repeating: 0, count: proposerCount)
        var partner = [Int?](repeating: nil, count: proposerCount)
        // Proposers still to place; a rejected one is pushed back and proposes again.
        var free = Array((0..<proposerCount).reversed())
        while let proposer = free.popLast() {
            let list = proposers[proposer]
            while next[proposer] < list.count {
                let receiver = list[next[proposer]]
                next[proposer] += 1
                let offered = rank[receiver * proposerCount + proposer]
                if offered == unaccepted { continue }
                let current = held[receiver]
                if current < 0 {
                    held[receiver] = proposer
                    partner[proposer] = receiver
                    break
                }
                if offered < rank[receiver * proposerCount + current] {
                    held[receiver] = proposer
                    partner[proposer] = receiver
                    partner[current] = nil
                    free.append(current)
                    break
                }
            }
        }
        return partner
    }
}
