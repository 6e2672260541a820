/// Reads a score matrix from the CSV a spreadsheet exports.
///
/// The format:
/// - The first line is the header: its first cell is a label or empty and is ignored, the other
///   cells are the column ids.
/// - Every other line is a row: its row id, then one cell per column.
/// - A cell is a number (`12`, `-3.25`, `.5`, `1e3`, optionally signed) or empty; an empty cell
///   forbids that pair.
/// - The separator is `;` when the header holds a `;` outside quotes, else `,`. With `;` a
///   decimal comma is accepted as well as a decimal point (`12,5`), as European spreadsheets
///   write it.
/// - Cells may be surrounded by spaces or tabs and may be quoted (`"Doe, J."`, `""` for a quote
///   inside); a quoted cell stays on one line.
/// - Lines end with `\n`, `\r\n` or `\r`; the last line's ending is optional; blank lines are
///   skipped; a UTF-8 byte-order mark is ignored.
/// - Row ids must be unique and so must column ids; ids are trimmed and must not be empty.
/// - A score's size is at most `largestScore` (10^100).
///
/// Numbers are read straight from the bytes, correctly rounded, without a string per cell.
public enum ScoreMatrixCSV {
    /// The largest score a file may hold, in size. Far beyond any real score, and small enough
    /// that sums over thousands of pairs and the solver's potentials stay finite.
    public static let largestScore = 1e100

    /// The matrix in `bytes`.
    ///
    /// - Throws: `ScoreMatrixCSVError` naming the line, column and cell of the first problem.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(ScoreMatrixCSVError) -> ScoreMatrix {
        var reader = ScoreMatrixReader(bytes.bindMemory(to: UInt8.self))
        return try reader.read()
    }

    /// The matrix in `bytes`.
    ///
    /// - Throws: `ScoreMatrixCSVError` naming the line, column and cell of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(ScoreMatrixCSVError) -> ScoreMatrix {
        let result: Result<ScoreMatrix, ScoreMatrixCSVError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = ScoreMatrixReader(buffer)
            return Result { () throws(ScoreMatrixCSVError) in try reader.read() }
        }
        return try result.get()
    }
}
