/// A rectangular matrix of scores in which some pairs are forbidden: the input of the optimal
/// assignment (`LinearAssignment`).
///
/// Rows and columns are the two sides to pair (teachers and professionals, or whatever a
/// spreadsheet holds). The scores are kept row-major in one contiguous buffer, with a mask of the
/// same shape that marks which pairs may be made at all, so that a hard constraint ("never the
/// same organisation") is never traded against a score.
public struct AssignmentProblem: Sendable, Hashable {
    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int
    /// The scores, row-major: the score of (row, column) is at `row * columnCount + column`.
    /// A forbidden cell holds 0, which is never used.
    public let scores: [Double]
    /// Row-major like `scores`: `false` marks a pair that may not be made.
    public let allowed: [Bool]

    /// A problem from row-major buffers.
    ///
    /// - Throws: when a buffer does not hold `rowCount × columnCount` cells, or an allowed cell's
    ///   score is not a finite number (a forbidden cell's score is ignored).
    public init(rowCount: Int, columnCount: Int, scores: [Double], allowed: [Bool]) throws(AssignmentProblemError) {
        guard rowCount >= 0, columnCount >= 0 else {
            throw .negativeSize(rowCount: rowCount, columnCount: columnCount)
        }
        let (cellCount, overflow) = rowCount.multipliedReportingOverflow(by: columnCount)
        guard !overflow, scores.count == cellCount, allowed.count == cellCount else {
            throw .wrongCellCount(rowCount: rowCount, columnCount: columnCount, scores: scores.count, allowed: allowed.count)
        }
        var scores = scores
        let firstBad: Int? = scores.withUnsafeMutableBufferPointer { values in
            allowed.withUnsafeBufferPointer { mask in
                for index in 0..<cellCount {
                    if !mask[index] {
                        // Normalised so that two problems that allow the same pairs with the
                        // same scores compare equal, whatever a forbidden cell held.
                        values[index] = 0
                    } else if !values[index].isFinite {
                        return index
                    }
                }
                return nil
            }
        }
        if let firstBad {
            throw .nonFiniteScore(row: firstBad / columnCount, column: firstBad % columnCount)
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.scores = scores
        self.allowed = allowed
    }

    /// A problem from a score per pair; `nil` marks a forbidden pair.
    ///
    /// Meant for scores computed from profiles, where a hard constraint answers `nil`.
    public init(rowCount: Int, columnCount: Int, score: (_ row: Int, _ column: Int) -> Double?) throws(AssignmentProblemError) {
        guard rowCount >= 0, columnCount >= 0 else {
            throw .negativeSize(rowCount: rowCount, columnCount: columnCount)
        }
        let (cellCount, overflow) = rowCount.multipliedReportingOverflow(by: columnCount)
        guard !overflow else {
            throw .wrongCellCount(rowCount: rowCount, columnCount: columnCount, scores: 0, allowed: 0)
        }
        var scores = [Double](repeating: 0, count: cellCount)
        var allowed = [Bool](repeating: false, count: cellCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                if let value = score(row, column) {
                    scores[row * columnCount + column] = value
                    allowed[row * columnCount + column] = true
                }
            }
        }
        try self.init(rowCount: rowCount, columnCount: columnCount, scores: scores, allowed: allowed)
    }

    /// A problem from nested rows, `nil` marking a forbidden pair; convenient for small
    /// matrices written out by hand.
    ///
    /// - Throws: when the rows do not all have the same number of cells, or a score is not finite.
    public init(_ rows: [[Double?]]) throws(AssignmentProblemError) {
        let columnCount = rows.first?.count ?? 0
        for (index, row) in rows.enumerated() where row.count != columnCount {
            throw .raggedRows(row: index, expected: columnCount, found: row.count)
        }
        try self.init(rowCount: rows.count, columnCount: columnCount) { row, column in rows[row][column] }
    }

    /// The score of a pair, or `nil` when the pair is forbidden.
    ///
    /// - Precondition: `row` and `column` are within the matrix.
    public subscript(row: Int, column: Int) -> Double? {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "cell (\(row), \(column)) is outside the \(rowCount) × \(columnCount) matrix")
        let index = row * columnCount + column
        return allowed[index] ? scores[index] : nil
    }
}

extension AssignmentProblem {
    /// A problem from buffers already known to be consistent: the right sizes, finite allowed
    /// scores and 0 in forbidden cells. For readers that checked every cell as they made it,
    /// so that a large matrix is not scanned twice.
    init(checkedRowCount rowCount: Int, columnCount: Int, scores: [Double], allowed: [Bool]) {
        assert(scores.count == rowCount * columnCount && allowed.count == scores.count)
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.scores = scores
        self.allowed = allowed
    }
}
