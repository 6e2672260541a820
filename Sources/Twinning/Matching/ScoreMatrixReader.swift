/// The state of reading one score CSV: a cursor over the bytes that knows its line, so that
/// every error can say where it is. See `ScoreMatrixCSV` for the format.
struct ScoreMatrixReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var position = 0
    private var line = 1
    /// Where the current line starts, to turn a byte offset into a character column.
    private var lineStart = 0
    private var separator = UInt8(ascii: ",")
    private var decimalComma = false

    /// A reader over `bytes`, which must stay valid while it reads.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    /// The whole matrix.
    mutating func read() throws(ScoreMatrixCSVError) -> ScoreMatrix {
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
        skipBlankLines()
        guard position < end else { throw error(at: position, cell: nil, .empty) }
        chooseSeparator()

        let columnIDs = try readHeader()
        let columnCount = columnIDs.count
        var rowIDs: [String] = []
        var firstLineOfRow: [String: Int] = [:]
        var scores: [Double] = []
        var allowed: [Bool] = []
        // A guess that is right for a square matrix and never more cells than bytes left
        // (every cell takes at least its separator), so one large buffer instead of many copies.
        let (square, overflow) = columnCount.multipliedReportingOverflow(by: columnCount)
        let expectedCells = min(overflow ? Int.max : square, end - position)
        scores.reserveCapacity(expectedCells)
        allowed.reserveCapacity(expectedCells)

        while true {
            skipBlankLines()
            if position >= end { break }
            let idStart = position
            let id = try readText(cell: 1)
            if id.isEmpty { throw error(at: idStart, cell: 1, .emptyID(.rows)) }
            if let first = firstLineOfRow[id] {
                throw error(at: firstNonSpace(from: idStart), cell: 1, .duplicateID(.rows, id: id, firstLine: first, firstCell: 1))
            }
            firstLineOfRow[id] = line
            rowIDs.append(id)
            for column in 0..<columnCount {
                guard position < end, bytes[position] == separator else {
                    throw error(at: position, cell: nil, .wrongCellCount(expected: columnCount + 1, found: column + 1, separator: Character(UnicodeScalar(separator))))
                }
                position += 1
                let value = try readScore(cell: column + 2, rowID: id, columnID: columnIDs[column])
                scores.append(value ?? 0)
                allowed.append(value != nil)
            }
            if position < end, bytes[position] == separator {
                let extra = position
                var found = columnCount + 1
                while position < end, bytes[position] == separator {
                    position += 1
                    found += 1
                    _ = try readText(cell: found)
                }
                throw error(at: extra, cell: nil, .wrongCellCount(expected: columnCount + 1, found: found, separator: Character(UnicodeScalar(separator))))
            }
            endLine()
        }
        guard !rowIDs.isEmpty else { throw error(at: position, cell: nil, .noRows) }
        let problem = AssignmentProblem(checkedRowCount: rowIDs.count, columnCount: columnCount, scores: scores, allowed: allowed)
        return ScoreMatrix(rowIDs: rowIDs, columnIDs: columnIDs, problem: problem)
    }

    /// The column ids: the header's cells after the first.
    private mutating func readHeader() throws(ScoreMatrixCSVError) -> [String] {
        _ = try readText(cell: 1)
        var ids: [String] = []
        var firstCell: [String: Int] = [:]
        while position < end, bytes[position] == separator {
            position += 1
            let cell = ids.count + 2
            let start = position
            let id = try readText(cell: cell)
            if id.isEmpty { throw error(at: firstNonSpace(from: start), cell: cell, .emptyID(.columns)) }
            if let first = firstCell[id] {
                throw error(at: firstNonSpace(from: start), cell: cell, .duplicateID(.columns, id: id, firstLine: line, firstCell: first))
            }
            firstCell[id] = cell
            ids.append(id)
        }
        guard !ids.isEmpty else { throw error(at: position, cell: nil, .noColumns) }
        endLine()
        return ids
    }

    /// `;` when the header line holds one outside quotes (a decimal comma is then allowed),
    /// else `,`.
    private mutating func chooseSeparator() {
        var index = position
        var quoted = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if byte == UInt8(ascii: ";") {
                    separator = byte
                    decimalComma = true
                    return
                }
            }
            index += 1
        }
    }

    /// One score cell, up to the next separator or the line's end: its number, or `nil` when
    /// it is empty (a forbidden pair).
    private mutating func readScore(cell: Int, rowID: String, columnID: String) throws(ScoreMatrixCSVError) -> Double? {
        skipSpaces()
        let start = position
        guard position < end else { return nil }
        let first = bytes[position]
        if first == separator || first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") { return nil }
        if first == UInt8(ascii: "\"") {
            // Rare: a quoted number. Read it as text, then as a number.
            let text = try readText(cell: cell)
            if text.isEmpty { return nil }
            var utf8 = Array(text.utf8)
            return try utf8.withUnsafeMutableBufferPointer { buffer throws(ScoreMatrixCSVError) in
                let parsed = DecimalNumber.parse(UnsafeBufferPointer(buffer), from: 0, to: buffer.count, decimalComma: decimalComma)
                guard let parsed, parsed.end == buffer.count else {
                    throw error(at: start, cell: cell, .notANumber(text: text, row: rowID, column: columnID))
                }
                guard abs(parsed.value) <= ScoreMatrixCSV.largestScore else {
                    throw error(at: start, cell: cell, .numberOutOfRange(text: text, row: rowID, column: columnID))
                }
                return parsed.value
            }
        }
        if let parsed = DecimalNumber.parse(bytes, from: position, to: end, decimalComma: decimalComma) {
            position = parsed.end
            skipSpaces()
            if atCellEnd {
                guard abs(parsed.value) <= ScoreMatrixCSV.largestScore else {
                    throw error(at: start, cell: cell, .numberOutOfRange(text: cellText(from: start), row: rowID, column: columnID))
                }
                return parsed.value
            }
        }
        throw error(at: start, cell: cell, .notANumber(text: cellText(from: start), row: rowID, column: columnID))
    }

    /// One text cell, trimmed and unquoted, up to the next separator or the line's end.
    private mutating func readText(cell: Int) throws(ScoreMatrixCSVError) -> String {
        skipSpaces()
        let start = position
        if position < end, bytes[position] == UInt8(ascii: "\"") {
            var content: [UInt8] = []
            position += 1
            while true {
                guard position < end, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") else {
                    throw error(at: start, cell: cell, .unterminatedQuote)
                }
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    if position < end, bytes[position] == UInt8(ascii: "\"") {
                        content.append(byte)
                        position += 1
                    } else {
                        break
                    }
                } else {
                    content.append(byte)
                }
            }
            skipSpaces()
            guard atCellEnd else { throw error(at: position, cell: cell, .textAfterQuote) }
            guard let text = String(validating: content, as: UTF8.self) else {
                throw error(at: start, cell: cell, .notUTF8)
            }
            return text.trimmingSpaces()
        }
        while !atCellEnd { position += 1 }
        var last = position
        while last > start, bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t") { last -= 1 }
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self) else {
            throw error(at: start, cell: cell, .notUTF8)
        }
        return text
    }

    /// Whether the cursor is at a separator, a line's end or the end of the file.
    private var atCellEnd: Bool {
        guard position < end else { return true }
        let byte = bytes[position]
        return byte == separator || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func skipSpaces() {
        while position < end, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    /// Steps over the line ending at the cursor (`\n`, `\r\n` or `\r`), if any.
    private mutating func endLine() {
        guard position < end else { return }
        if bytes[position] == UInt8(ascii: "\r") {
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "\n") { position += 1 }
        } else if bytes[position] == UInt8(ascii: "\n") {
            position += 1
        } else {
            return
        }
        line += 1
        lineStart = position
    }

    /// Steps over lines that hold nothing but spaces and tabs.
    private mutating func skipBlankLines() {
        while true {
            let lineBegin = position
            skipSpaces()
            if position >= end { return }
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                position = lineBegin
                return
            }
            endLine()
        }
    }

    /// The index of the first byte after `index` that is not a space or a tab.
    private func firstNonSpace(from index: Int) -> Int {
        var index = index
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    /// The text of the cell starting at `start`, up to the next separator or line end, trimmed:
    /// what an error quotes back.
    private func cellText(from start: Int) -> String {
        var index = start
        while index < end, bytes[index] != separator, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
            index += 1
        }
        while index > start, bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t") { index -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// An error at byte `offset` of the current line, its column counted in characters.
    private func error(at offset: Int, cell: Int?, _ problem: ScoreMatrixCSVError.Problem) -> ScoreMatrixCSVError {
        var column = 1
        var index = lineStart
        while index < min(offset, end) {
            // Counts the first byte of every UTF-8 sequence, not its continuation bytes.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return ScoreMatrixCSVError(line: line, column: column, cell: cell, problem: problem)
    }
}

private extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
