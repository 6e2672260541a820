/// The working state of `LinearAssignment`: a minimum-cost assignment of every row of an
/// n × m cost matrix (n ≤ m, +∞ = forbidden) by shortest augmenting paths.
///
/// The buffers are allocated once per solve and indexed without bounds checks in the search
/// loop, which runs O(n²·m) times; nothing is allocated per cell or per search.
struct ShortestPathSolver {
    /// No augmenting path from a row: `rows` together allow only the (fewer) `columns`.
    struct Stuck: Error {
        var rows: [Int]
        var columns: [Int]
    }

    private let costs: UnsafeBufferPointer<Double>
    private let n: Int
    private let m: Int
    /// Row potentials.
    private let u: UnsafeMutablePointer<Double>
    /// Column potentials. On a wide matrix they start at 0 and only decrease, so an unpaired
    /// column always has the highest potential, which makes the final pairing optimal.
    private let v: UnsafeMutablePointer<Double>
    /// Length of the shortest alternating path found so far to each column.
    private let distance: UnsafeMutablePointer<Double>
    /// The row from which each column was reached on its shortest path.
    private let path: UnsafeMutablePointer<Int>
    private let columnForRow: UnsafeMutablePointer<Int>
    private let rowForColumn: UnsafeMutablePointer<Int>
    /// Columns not yet settled in the current search, in the first `remainingCount` places.
    private let remaining: UnsafeMutablePointer<Int>
    /// Rows scanned by the current search, in order; the first is the row being added.
    private let scannedRows: UnsafeMutablePointer<Int>
    /// Columns settled by the current search, in order.
    private let settledColumns: UnsafeMutablePointer<Int>

    /// A solver over `costs` (row-major, `rowCount ≤ columnCount`, which must outlive it).
    init(costs: UnsafeBufferPointer<Double>, rowCount: Int, columnCount: Int) {
        precondition(rowCount <= columnCount && costs.count == rowCount * columnCount)
        self.costs = costs
        n = rowCount
        m = columnCount
        u = .allocate(capacity: n)
        v = .allocate(capacity: m)
        distance = .allocate(capacity: m)
        path = .allocate(capacity: m)
        columnForRow = .allocate(capacity: n)
        rowForColumn = .allocate(capacity: m)
        remaining = .allocate(capacity: m)
        scannedRows = .allocate(capacity: n)
        settledColumns = .allocate(capacity: m)
        u.initialize(repeating: 0, count: n)
        v.initialize(repeating: 0, count: m)
        distance.initialize(repeating: .infinity, count: m)
        path.initialize(repeating: -1, count: m)
        columnForRow.initialize(repeating: -1, count: n)
        rowForColumn.initialize(repeating: -1, count: m)
        remaining.initialize(repeating: 0, count: m)
        scannedRows.initialize(repeating: 0, count: n)
        settledColumns.initialize(repeating: 0, count: m)
    }

    /// Frees the buffers; the solver is unusable afterwards.
    func deallocate() {
        for buffer in [u, v, distance] { buffer.deallocate() }
        for buffer in [path, columnForRow, rowForColumn, remaining, scannedRows, settledColumns] { buffer.deallocate() }
    }

    /// The column of every row in a minimum-cost assignment.
    func solve() throws(Stuck) -> [Int] {
        guard let base = costs.baseAddress else { return [] }
        try greedyStart(base)
        for row in 0..<n where columnForRow[row] < 0 {
            try addRow(row, base)
        }
        return Array(UnsafeBufferPointer(start: columnForRow, count: n))
    }

    /// Finds potentials that make many cells tight at once and pairs every row with its
    /// cheapest column (in reduced cost) when that column is still free.
    ///
    /// On a square matrix every column ends up paired, so any feasible column potentials will
    /// do: each column starts at its cheapest cost (column reduction, as in Jonker–Volgenant),
    /// which spreads the rows' cheapest columns apart and leaves far fewer rows to search for.
    /// On a wide matrix an unpaired column must keep the highest potential (0) for the result
    /// to be optimal, so columns stay at 0 there. Each row's potential is then its cheapest
    /// reduced cost, which keeps every reduced cost non-negative and every pair made here tight
    /// — the invariants the searches rely on.
    private func greedyStart(_ base: UnsafePointer<Double>) throws(Stuck) {
        if n == m {
            for column in 0..<m { v[column] = .infinity }
            for row in 0..<n {
                let costsOfRow = base + row * m
                for column in 0..<m where costsOfRow[column] < v[column] {
                    v[column] = costsOfRow[column]
                }
            }
            // A column nobody allows keeps 0; the searches will report it.
            for column in 0..<m where v[column] == .infinity { v[column] = 0 }
        }
        for row in 0..<n {
            let costsOfRow = base + row * m
            var lowest = Double.infinity
            var best = -1
            for column in 0..<m {
                let cost = costsOfRow[column] - v[column]
                if cost < lowest {
                    lowest = cost
                    best = column
                } else if cost == lowest, best >= 0, rowForColumn[best] >= 0, rowForColumn[column] < 0 {
                    // Among equally cheap columns a free one pairs the row at once.
                    best = column
                }
            }
            guard best >= 0 else { throw Stuck(rows: [row], columns: []) }
            u[row] = lowest
            if rowForColumn[best] < 0 {
                rowForColumn[best] = row
                columnForRow[row] = best
            }
        }
    }

    /// Pairs the unpaired `row` by the shortest augmenting path from it, then updates the
    /// potentials so that reduced costs stay non-negative and paired cells stay tight.
    private func addRow(_ start: Int, _ base: UnsafePointer<Double>) throws(Stuck) {
        // Reversed so that a constant matrix yields the identity, as in SciPy.
        for index in 0..<m { remaining[index] = m - 1 - index }
        for column in 0..<m { distance[column] = .infinity }
        var remainingCount = m
        var scannedCount = 0
        var settledCount = 0
        var shortest = 0.0
        var row = start
        var sink = -1
        while sink < 0 {
            scannedRows[scannedCount] = row
            scannedCount += 1
            let costsOfRow = base + row * m
            let offset = shortest - u[row]
            var lowest = Double.infinity
            var lowestIndex = -1
            for index in 0..<remainingCount {
                let column = remaining[index]
                let reduced = offset + costsOfRow[column] - v[column]
                var known = distance[column]
                if reduced < known {
                    path[column] = row
                    distance[column] = reduced
                    known = reduced
                }
                // Among equally short columns a free one ends the search at once, which
                // matters on integer scores with many ties.
                if known < lowest || (known == lowest && rowForColumn[column] < 0) {
                    lowest = known
                    lowestIndex = index
                }
            }
            guard lowest < .infinity else {
                throw Stuck(rows: Array(UnsafeBufferPointer(start: scannedRows, count: scannedCount)),
                            columns: Array(UnsafeBufferPointer(start: settledColumns, count: settledCount)))
            }
            shortest = lowest
            let column = remaining[lowestIndex]
            if rowForColumn[column] < 0 {
                sink = column
            } else {
                row = rowForColumn[column]
            }
            settledColumns[settledCount] = column
            settledCount += 1
            remainingCount -= 1
            remaining[lowestIndex] = remaining[remainingCount]
        }

        u[start] += shortest
        for index in 1..<scannedCount {
            let scanned = scannedRows[index]
            u[scanned] += shortest - distance[columnForRow[scanned]]
        }
        for index in 0..<settledCount {
            let column = settledColumns[index]
            v[column] -= shortest - distance[column]
        }

        var column = sink
        while true {
            let from = path[column]
            rowForColumn[column] = from
            let previous = columnForRow[from]
            columnForRow[from] = column
            if from == start { break }
            column = previous
        }
    }
}
