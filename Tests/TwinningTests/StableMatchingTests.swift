import Testing
import Twinning

/// Gale–Shapley gives a stable matching, the best one for the side that proposes.
@Suite("Stable matching")
struct StableMatchingTests {
    /// Random preference lists: each member accepts a random subset of the other side (all of
    /// it with probability `complete`), in random order.
    static func randomLists(_ rng: inout SeededGenerator, count: Int, others: Int, complete: Double) -> [[Int]] {
        (0..<count).map { _ in
            let shuffled = Array(0..<others).shuffled(using: &rng)
            if Double.random(in: 0..<1, using: &rng) < complete { return shuffled }
            return Array(shuffled.prefix(Int.random(in: 0...others, using: &rng)))
        }
    }

    /// rank[a][b]: where `a` lists `b`, or nil when `a` does not accept `b`.
    static func ranks(_ lists: [[Int]], others: Int) -> [[Int?]] {
        lists.map { list in
            var rank = [Int?](repeating: nil, count: others)
            for (position, other) in list.enumerated() { rank[other] = position }
            return rank
        }
    }

    /// The pairs that block `pairing`, plus any pair that is not mutually acceptable.
    static func problems(_ pairing: Pairing, rows: [[Int]], columns: [[Int]]) -> [String] {
        let rowRank = ranks(rows, others: columns.count)
        let columnRank = ranks(columns, others: rows.count)
        var found: [String] = []
        for (row, column) in pairing.columnForRow.enumerated() {
            guard let column else { continue }
            if rowRank[row][column] == nil || columnRank[column][row] == nil {
                found.append("row \(row) and column \(column) are paired without accepting each other")
            }
            if pairing.rowForColumn[column] != row { found.append("row \(row) and column \(column) disagree") }
        }
        for row in rows.indices {
            for column in columns.indices {
                guard let rowLikes = rowRank[row][column], let columnLikes = columnRank[column][row] else { continue }
                let rowPrefers = pairing.columnForRow[row].map { rowLikes < rowRank[row][$0]! } ?? true
                let columnPrefers = pairing.rowForColumn[column].map { columnLikes < columnRank[column][$0]! } ?? true
                if rowPrefers, columnPrefers { found.append("row \(row) and column \(column) block") }
            }
        }
        return found
    }

    /// Every stable matching, by trying every pairing (small instances only).
    static func allStable(rows: [[Int]], columns: [[Int]]) -> [Pairing] {
        var result: [Pairing] = []
        var columnForRow = [Int?](repeating: nil, count: rows.count)
        var used = [Bool](repeating: false, count: columns.count)
        func visit(_ row: Int) {
            if row == rows.count {
                let pairing = Pairing(columnForRow: columnForRow, columnCount: columns.count)
                if problems(pairing, rows: rows, columns: columns).isEmpty { result.append(pairing) }
                return
            }
            visit(row + 1)
            for column in rows[row] where !used[column] && columns[column].contains(row) {
                used[column] = true
                columnForRow[row] = column
                visit(row + 1)
                columnForRow[row] = nil
                used[column] = false
            }
        }
        visit(0)
        return result
    }

    @Test("stable on random instances, complete and incomplete lists, both sides proposing")
    func randomStable() throws {
        var rng = SeededGenerator(seed: 4_242)
        for instance in 0..<400 {
            let rowCount = Int.random(in: 0...12, using: &rng)
            let columnCount = Int.random(in: 0...12, using: &rng)
            let complete = [1.0, 0.5, 0.0][instance % 3]
            let rows = Self.randomLists(&rng, count: rowCount, others: columnCount, complete: complete)
            let columns = Self.randomLists(&rng, count: columnCount, others: rowCount, complete: complete)
            let byRows = try StableMatching.solve(rowPreferences: rows, columnPreferences: columns, proposing: .rows)
            let byColumns = try StableMatching.solve(rowPreferences: rows, columnPreferences: columns, proposing: .columns)
            #expect(Self.problems(byRows, rows: rows, columns: columns).isEmpty, "#\(instance) rows proposing")
            #expect(Self.problems(byColumns, rows: rows, columns: columns).isEmpty, "#\(instance) columns proposing")
            // Rural hospitals: the same members are paired whoever proposes.
            #expect(byRows.columnForRow.map { $0 == nil } == byColumns.columnForRow.map { $0 == nil }, "#\(instance)")
            if complete == 1 {
                #expect(byRows.pairs.count == min(rowCount, columnCount), "#\(instance): complete lists pair the smaller side")
            }
        }
    }

    @Test("the proposing side gets its best stable partner, the other side its worst")
    func proposerOptimal() throws {
        var rng = SeededGenerator(seed: 77)
        for instance in 0..<250 {
            let rowCount = Int.random(in: 1...5, using: &rng)
            let columnCount = Int.random(in: 1...5, using: &rng)
            let rows = Self.randomLists(&rng, count: rowCount, others: columnCount, complete: 0.6)
            let columns = Self.randomLists(&rng, count: columnCount, others: rowCount, complete: 0.6)
            let stable = Self.allStable(rows: rows, columns: columns)
            let rowRank = Self.ranks(rows, others: columnCount)
            let byRows = try StableMatching.solve(rowPreferences: rows, columnPreferences: columns, proposing: .rows)
            #expect(stable.contains(byRows), "#\(instance)")
            for other in stable {
                for row in 0..<rowCount {
                    // nil (unpaired) is the same in every stable matching, so compare ranks.
                    let mine = byRows.columnForRow[row].flatMap { rowRank[row][$0] } ?? Int.max
                    let theirs = other.columnForRow[row].flatMap { rowRank[row][$0] } ?? Int.max
                    #expect(mine <= theirs, "#\(instance): row \(row) could do better")
                }
            }
            let columnRank = Self.ranks(columns, others: rowCount)
            let byColumns = try StableMatching.solve(rowPreferences: rows, columnPreferences: columns, proposing: .columns)
            #expect(stable.contains(byColumns), "#\(instance)")
            for other in stable {
                for column in 0..<columnCount {
                    let mine = byColumns.rowForColumn[column].flatMap { columnRank[column][$0] } ?? Int.max
                    let theirs = other.rowForColumn[column].flatMap { columnRank[column][$0] } ?? Int.max
                    #expect(mine <= theirs, "#\(instance): column \(column) could do better")
                }
                // Rows proposing is the worst stable matching for the columns.
                for column in 0..<columnCount {
                    let worst = byRows.rowForColumn[column].flatMap { columnRank[column][$0] } ?? Int.max
                    let theirs = other.rowForColumn[column].flatMap { columnRank[column][$0] } ?? Int.max
                    #expect(worst >= theirs, "#\(instance): column \(column)")
                }
            }
        }
    }

    @Test("a textbook instance: each side proposing gets its first choices")
    func textbook() throws {
        // Every row's first choice ranks it last, and the other way round.
        let rows = [[0, 1, 2], [1, 2, 0], [2, 0, 1]]
        let columns = [[1, 2, 0], [2, 0, 1], [0, 1, 2]]
        let byRows = try StableMatching.solve(rowPreferences: rows, columnPreferences: columns)
        #expect(byRows.columnForRow == [0, 1, 2])
        #expect(byRows.pairs == [.init(row: 0, column: 0), .init(row: 1, column: 1), .init(row: 2, column: 2)])
        let byColumns = try StableMatching.solve(rowPreferences: rows, columnPreferences: columns, proposing: .columns)
        #expect(byColumns.rowForColumn == [1, 2, 0])
    }

    @Test("someone nobody accepts stays unpaired; an unreturned preference does not pair")
    func unacceptable() throws {
        let pairing = try StableMatching.solve(rowPreferences: [[0], [0, 1]], columnPreferences: [[1], []])
        #expect(pairing.columnForRow == [nil, 0])
        #expect(pairing.rowForColumn == [1, nil])
    }

    @Test("lists that name nobody or somebody twice are refused")
    func errors() {
        #expect(throws: PreferenceListError.outOfRange(side: .rows, member: 1, position: 1, value: 2, limit: 2)) {
            try StableMatching.solve(rowPreferences: [[0], [1, 2]], columnPreferences: [[0, 1], [1]])
        }
        #expect(throws: PreferenceListError.duplicate(side: .columns, member: 0, position: 2, value: 0, firstPosition: 0)) {
            try StableMatching.solve(rowPreferences: [[0], [0]], columnPreferences: [[0, 1, 0]])
        }
        #expect(PreferenceListError.outOfRange(side: .rows, member: 1, position: 1, value: 2, limit: 2).description
            == "the preferences of row 1 name column 2 at place 1, but the columns are numbered 0 to 1")
    }
}
