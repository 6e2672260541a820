/// Where a prompt and the line after it land on a terminal that wraps at `columns`.
///
/// The line is drawn from the prompt's first row; a character that does not fit in what is
/// left of a row goes to the next one, as terminals do with auto-wrap (a wide character never
/// straddles two rows). Rows count from the prompt's row, 0 first.
public struct LineLayout: Sendable, Equatable {
    /// A place on the screen relative to the prompt's first row.
    public struct Position: Sendable, Equatable {
        /// The row below the prompt's first row.
        public var row: Int
        /// The column, 0 first.
        public var column: Int

        /// Creates a position.
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// The terminal's width.
    public let columns: Int
    /// Where each character starts.
    public let starts: [Position]
    /// Where the terminal's cursor is after the whole line was written: when the last
    /// character filled its row to the edge, the column is `columns` (the terminal waits to
    /// wrap until the next character; the editor then moves to the next row itself).
    public let end: Position

    /// Lays out `widths` (the columns of each character) after a prompt `promptWidth` wide.
    public init(promptWidth: Int, widths: [Int], columns: Int) {
        let columns = max(1, columns)
        self.columns = columns
        var row = promptWidth / columns
        var column = promptWidth % columns
        var starts: [Position] = []
        starts.reserveCapacity(widths.count)
        for width in widths {
            if column + width > columns {
                row += 1
                column = 0
            }
            starts.append(Position(row: row, column: column))
            column += width
        }
        self.starts = starts
        self.end = Position(row: row, column: column)
    }

    /// The end as a place the cursor can stand: at the start of the next row when the line
    /// filled its last row to the edge.
    public var endForCursor: Position {
        end.column >= columns ? Position(row: end.row + 1, column: 0) : end
    }

    /// Where the cursor stands before character `index` (`starts.count`: after the last).
    public func cursor(at index: Int) -> Position {
        index < starts.count ? starts[index] : endForCursor
    }
}
