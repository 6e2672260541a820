/// What is wrong with a score CSV, and where.
///
/// `line` and `column` are 1-based; `column` is the character position in the line (what an
/// editor shows), and `cell` the 1-based number of the cell in the line when the problem
/// belongs to one cell. The description reads `LINE:COLUMN: message`, ready to be prefixed
/// with the file's path.
public struct ScoreMatrixCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of problem.
    public enum Problem: Sendable, Hashable {
        /// The file holds nothing but blank lines.
        case empty
        /// The header has no cell after the first, so there are no columns.
        case noColumns
        /// Nothing follows the header.
        case noRows
        /// A row id or column id is empty.
        case emptyID(MatrixSide)
        /// A row id or column id appears twice; `firstLine` and `firstCell` locate its first use.
        case duplicateID(MatrixSide, id: String, firstLine: Int, firstCell: Int)
        /// A row does not have its id plus one cell per column.
        case wrongCellCount(expected: Int, found: Int, separator: Character)
        /// A cell is neither a number nor empty.
        case notANumber(text: String, row: String, column: String)
        /// A number larger in size than `ScoreMatrixCSV.largestScore`.
        case numberOutOfRange(text: String, row: String, column: String)
        /// A quoted cell is not closed on its line.
        case unterminatedQuote
        /// Something other than spaces follows a quoted cell's closing quote.
        case textAfterQuote
        /// An id is not valid UTF-8.
        case notUTF8
    }

    /// The line, 1-based.
    public let line: Int
    /// The character position in the line, 1-based.
    public let column: Int
    /// The cell number in the line, 1-based, when the problem is one cell's.
    public let cell: Int?
    /// What is wrong.
    public let problem: Problem

    /// An error at a place in the file.
    public init(line: Int, column: Int, cell: Int?, problem: Problem) {
        self.line = line
        self.column = column
        self.cell = cell
        self.problem = problem
    }

    /// `LINE:COLUMN: message`.
    public var description: String { "\(line):\(column): \(message)" }

    /// What is wrong and what to do, without the position.
    public var message: String {
        let inCell = cell.map { "cell \($0): " } ?? ""
        switch problem {
        case .empty:
            return "the file is empty; its first line must hold the column ids, each following line a row id and its scores"
        case .noColumns:
            return "the header has no column ids; list them after the first cell of the first line"
        case .noRows:
            return "there are no rows after the header; add one line per row: its id, then its scores"
        case .emptyID(.rows):
            return "\(inCell)the row id is empty; start every row with its id"
        case .emptyID(.columns):
            return "\(inCell)the column id is empty; every column needs an id in the header"
        case .duplicateID(let side, let id, let firstLine, let firstCell):
            let first = side == .rows ? "line \(firstLine)" : "cell \(firstCell)"
            return "\(inCell)the \(side == .rows ? "row" : "column") id \(Self.quoted(id)) is used twice (first in \(first)); give every \(side == .rows ? "row" : "column") its own id"
        case .wrongCellCount(let expected, let found, let separator):
            var text = "this row has \(found) cell\(found == 1 ? "" : "s") but the header has \(expected); every row needs its id and one cell per column (an empty cell forbids a pair)"
            if separator == ",", found > expected {
                text += "; if the scores use a decimal comma, separate the cells with `;` instead"
            }
            return text
        case .notANumber(let text, let row, let column):
            return "\(inCell)\(Self.quoted(text)) (row \(Self.quoted(row)), column \(Self.quoted(column))) is not a number; write a score like 12 or 12.5, or leave the cell empty to forbid the pair"
        case .numberOutOfRange(let text, let row, let column):
            return "\(inCell)\(Self.quoted(text)) (row \(Self.quoted(row)), column \(Self.quoted(column))) is too large for a score; scores must lie between -1e100 and 1e100"
        case .unterminatedQuote:
            return "\(inCell)the quoted cell has no closing quote on this line; close it with `\"` (write `\"\"` for a quote inside)"
        case .textAfterQuote:
            return "\(inCell)there is text after the closing quote; quote the whole cell, writing `\"\"` for a quote inside"
        case .notUTF8:
            return "\(inCell)the id is not valid UTF-8; save the file as \"CSV UTF-8\""
        }
    }

    /// `text` in double quotes, shortened when long.
    private static func quoted(_ text: String) -> String {
        let limit = 40
        return text.count <= limit ? "\"\(text)\"" : "\"\(text.prefix(limit))…\""
    }
}
