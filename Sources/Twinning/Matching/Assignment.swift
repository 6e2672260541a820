/// The pairs an assignment method chose, and their total score.
public struct Assignment: Sendable, Hashable {
    /// One chosen pair of a row and a column, with its score.
    public struct Pair: Sendable, Hashable {
        /// The row's index, 0-based.
        public let row: Int
        /// The column's index, 0-based.
        public let column: Int
        /// The score of the pair in the problem.
        public let score: Double

        /// A pair; the score should be the problem's score of (row, column).
        public init(row: Int, column: Int, score: Double) {
            self.row = row
            self.column = column
            self.score = score
        }
    }

    /// The pairs in row order.
    public let pairs: [Pair]
    /// The sum of the pairs' scores.
    public let total: Double

    /// An assignment of the given pairs, put in row order, with their total.
    public init(pairs: [Pair]) {
        self.pairs = pairs.sorted { $0.row < $1.row }
        // Compensated (Neumaier) summation: thousands of decimal scores add up to the same
        // total as a careful spreadsheet or NumPy's pairwise sum, not one that drifts in the
        // last digits with the order of the pairs.
        var sum = 0.0
        var compensation = 0.0
        for pair in self.pairs {
            let next = sum + pair.score
            if abs(sum) >= abs(pair.score) {
                compensation += (sum - next) + pair.score
            } else {
                compensation += (pair.score - next) + sum
            }
            sum = next
        }
        total = sum + compensation
    }

    /// The column paired with `row`, or `nil` when the row stays unpaired.
    public func column(forRow row: Int) -> Int? {
        pairs.first { $0.row == row }?.column
    }

    /// The row paired with `column`, or `nil` when the column stays unpaired.
    public func row(forColumn column: Int) -> Int? {
        pairs.first { $0.column == column }?.row
    }
}
