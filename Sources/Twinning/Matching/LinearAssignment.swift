/// The optimal assignment: the one-to-one pairing of rows and columns with the largest total
/// score, exact.
///
/// Semantics (the same as SciPy's `linear_sum_assignment(maximize=True)` with forbidden cells
/// as `-inf`): every member of the smaller side is paired, with an allowed cell each and no
/// row or column used twice; among all such pairings the one with the largest sum of scores is
/// returned. Members of the larger side are left unpaired as needed. When the smaller side
/// cannot be paired completely the result is `InfeasibleAssignment`, naming the members that
/// allow too few partners — never a partial pairing, which would hide that someone is left out.
///
/// Method: shortest augmenting paths (the Jonker–Volgenant family, in the form of Crouse 2016
/// that SciPy uses) on costs = −score, O(n²·m) for n = the smaller and m = the larger side.
/// Rows are added one at a time; each addition is a Dijkstra search over reduced costs that
/// stay non-negative thanks to the dual potentials, then the potentials are updated and the
/// path flipped. A greedy start (column reduction on square matrices, then every row to its
/// cheapest free column) pairs most rows before the first search, with potentials that prove
/// those pairs optimal so far.
public enum LinearAssignment {
    /// The assignment of largest total score that pairs every member of the smaller side.
    ///
    /// Ties between optimal assignments are broken in an unspecified but deterministic way.
    ///
    /// - Throws: `InfeasibleAssignment` when the allowed cells cannot pair the whole smaller side.
    public static func solve(_ problem: AssignmentProblem) throws(InfeasibleAssignment) -> Assignment {
        let transposed = problem.rowCount > problem.columnCount
        let n = transposed ? problem.columnCount : problem.rowCount
        let m = transposed ? problem.rowCount : problem.columnCount
        if n == 0 { return Assignment(pairs: []) }

        let costs = costMatrix(problem, transposed: transposed)
        let columnForRow: [Int]
        do {
            columnForRow = try costs.withUnsafeBufferPointer { buffer throws(ShortestPathSolver.Stuck) in
                let solver = ShortestPathSolver(costs: buffer, rowCount: n, columnCount: m)
                defer { solver.deallocate() }
                return try solver.solve()
            }
        } catch {
            throw InfeasibleAssignment(side: transposed ? .columns : .rows, members: error.rows, partners: error.columns)
        }

        var pairs: [Assignment.Pair] = []
        pairs.reserveCapacity(n)
        for (inner, outer) in columnForRow.enumerated() {
            let row = transposed ? outer : inner
            let column = transposed ? inner : outer
            pairs.append(.init(row: row, column: column, score: problem.scores[row * problem.columnCount + column]))
        }
        return Assignment(pairs: pairs)
    }

    /// Costs to minimise, row-major with no more rows than columns: −score for an allowed cell,
    /// +∞ for a forbidden one (so that no finite potential can make it look reachable).
    private static func costMatrix(_ problem: AssignmentProblem, transposed: Bool) -> [Double] {
        let rows = problem.rowCount
        let columns = problem.columnCount
        let count = rows * columns
        return [Double](unsafeUninitializedCapacity: count) { target, initialized in
            problem.scores.withUnsafeBufferPointer { scores in
                problem.allowed.withUnsafeBufferPointer { allowed in
                    if transposed {
                        // Blocks keep both the read and the write side in cache.
                        let block = 32
                        for rowStart in stride(from: 0, to: rows, by: block) {
                            let rowEnd = min(rowStart + block, rows)
                            for columnStart in stride(from: 0, to: columns, by: block) {
                                let columnEnd = min(columnStart + block, columns)
                                for row in rowStart..<rowEnd {
                                    for column in columnStart..<columnEnd {
                                        let source = row * columns + column
                                        target[column * rows + row] = allowed[source] ? -scores[source] : .infinity
                                    }
                                }
                            }
                        }
                    } else {
                        for index in 0..<count {
                            target[index] = allowed[index] ? -scores[index] : .infinity
                        }
                    }
                }
            }
            initialized = count
        }
    }
}
