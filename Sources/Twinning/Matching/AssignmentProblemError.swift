/// Why buffers do not make an `AssignmentProblem`.
public enum AssignmentProblemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A row or column count below zero.
    case negativeSize(rowCount: Int, columnCount: Int)
    /// The buffers do not hold `rowCount × columnCount` cells.
    case wrongCellCount(rowCount: Int, columnCount: Int, scores: Int, allowed: Int)
    /// Nested rows of different lengths: `row` (0-based) has `found` cells instead of `expected`.
    case raggedRows(row: Int, expected: Int, found: Int)
    /// An allowed cell holds infinity or NaN (0-based row and column).
    case nonFiniteScore(row: Int, column: Int)

    public var description: String {
        switch self {
        case .negativeSize(let rowCount, let columnCount):
            return "a score matrix cannot have \(rowCount) rows and \(columnCount) columns"
        case .wrongCellCount(let rowCount, let columnCount, let scores, let allowed):
            return "a \(rowCount) × \(columnCount) score matrix needs \(rowCount) × \(columnCount) cells, but \(scores) scores and \(allowed) allowed flags were given"
        case .raggedRows(let row, let expected, let found):
            return "row \(row) has \(found) cells but the first row has \(expected); give every row the same number of cells"
        case .nonFiniteScore(let row, let column):
            return "the score of row \(row), column \(column) is not a finite number; give a number or forbid the pair"
        }
    }
}
