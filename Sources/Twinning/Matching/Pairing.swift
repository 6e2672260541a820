/// A one-to-one pairing of some rows with some columns, without scores: what stable matching
/// returns.
public struct Pairing: Sendable, Hashable {
    /// One pair of a row and a column, 0-based.
    public struct Pair: Sendable, Hashable {
        /// The row's index.
        public let row: Int
        /// The column's index.
        public let column: Int

        /// A pair of a row and a column.
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// For every row, its column or `nil` when it stays unpaired.
    public let columnForRow: [Int?]
    /// For every column, its row or `nil` when it stays unpaired.
    public let rowForColumn: [Int?]

    /// The pairing given by each row's column.
    ///
    /// - Precondition: no column is given to two rows and every column is below `columnCount`.
    public init(columnForRow: [Int?], columnCount: Int) {
        var rowForColumn = [Int?](repeating: nil, count: columnCount)
        for (row, column) in columnForRow.enumerated() {
            guard let column else { continue }
            precondition(column >= 0 && column < columnCount && rowForColumn[column] == nil, "column \(column) cannot be paired with row \(row)")
            rowForColumn[column] = row
        }
        self.columnForRow = columnForRow
        self.rowForColumn = rowForColumn
    }

    /// The pairs in row order.
    public var pairs: [Pair] {
        columnForRow.enumerated().compactMap { row, column in column.map { Pair(row: row, column: $0) } }
    }
}
