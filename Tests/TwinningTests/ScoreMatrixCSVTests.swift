import Testing
import Twinning

/// Reading score matrices from the CSV a spreadsheet exports, and saying where it is wrong.
@Suite("Score matrix CSV")
struct ScoreMatrixCSVTests {
    static func parse(_ text: String) throws(ScoreMatrixCSVError) -> ScoreMatrix {
        try ScoreMatrixCSV.parse(Array(text.utf8))
    }

    /// The error for `text`, or a recorded issue when it parses.
    static func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScoreMatrixCSVError? {
        do {
            let matrix = try parse(text)
            Issue.record("parsed without error: \(matrix)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("ids, scores and forbidden cells from a plain file")
    func plain() throws {
        let matrix = try Self.parse(",p1,p2,p3\nt1,1,2.5,\nt2,-3,,0.125\n")
        #expect(matrix.rowIDs == ["t1", "t2"])
        #expect(matrix.columnIDs == ["p1", "p2", "p3"])
        #expect(matrix.problem == (try AssignmentProblem([[1, 2.5, nil], [-3, nil, 0.125]])))
    }

    @Test("a label in the corner, spaces around cells, CRLF, no final newline, blank lines and a byte-order mark")
    func tolerant() throws {
        let text = "\u{FEFF}teacher \\ professional , p1 ,\tp2\r\n\r\n  t1 , 1 ,\t2\t\r\n   \r\nt2,3,  \r\n\r\n"
        let matrix = try Self.parse(text)
        #expect(matrix.rowIDs == ["t1", "t2"])
        #expect(matrix.columnIDs == ["p1", "p2"])
        #expect(matrix.problem == (try AssignmentProblem([[1, 2], [3, nil]])))
        let oldMac = try Self.parse(",p1\rt1,4\rt2,5")
        #expect(oldMac.problem == (try AssignmentProblem([[4], [5]])))
        let noNewline = try Self.parse(",p1,p2\nt1,1,")
        #expect(noNewline.problem == (try AssignmentProblem([[1, nil]])))
    }

    @Test("semicolons allow a decimal comma; quoted ids may hold separators and quotes")
    func semicolonsAndQuotes() throws {
        let matrix = try Self.parse("\"Naam; rol\";\"de Vries, J.\";p2\n\"Jansen \"\"Jan\"\"\";12,5;-0,25\nt2;1.5;\"3,75\"\n")
        #expect(matrix.columnIDs == ["de Vries, J.", "p2"])
        #expect(matrix.rowIDs == ["Jansen \"Jan\"", "t2"])
        #expect(matrix.problem == (try AssignmentProblem([[12.5, -0.25], [1.5, 3.75]])))
        let commas = try Self.parse("x,\"a,b\",\"c\"\n\"r,1\",1,\"\"\n")
        #expect(commas.columnIDs == ["a,b", "c"])
        #expect(commas.rowIDs == ["r,1"])
        #expect(commas.problem == (try AssignmentProblem([[1, nil]])))
        let unicode = try Self.parse(",Zoë,José\nÅsa,1,2\n")
        #expect(unicode.columnIDs == ["Zoë", "José"])
    }

    @Test("number forms: signs, leading or trailing point, exponents, many digits")
    func numbers() throws {
        let cells = ["+5", "-0", ".5", "5.", "1e3", "2.5E-2", "-1.25e+2", "0.000001", "123456789012345678901234", "0.1234567890123456789012345", "1e-400", "007"]
        let big = Double("123456789012345678901234") ?? 0
        let text = "," + cells.indices.map { "c\($0)" }.joined(separator: ",") + "\nr," + cells.joined(separator: ",") + "\n"
        let matrix = try Self.parse(text)
        let expected: [Double] = [5, 0, 0.5, 5, 1000, 0.025, -125, 0.000001, big, 0.1234567890123456789012345, 0, 7]
        #expect(matrix.problem.scores == expected)
    }

    @Test("decimals read exactly as the standard library reads them", arguments: [1, 2, 3])
    func correctlyRounded(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var texts: [String] = []
        for index in 0..<3_000 {
            switch index % 3 {
            case 0:
                texts.append(String(Double.random(in: -1e6...1e6, using: &rng)))
            case 1:
                let digits = Int.random(in: 1...18, using: &rng)
                let mantissa = UInt64.random(in: 0..<UInt64(pow10(digits)), using: &rng)
                texts.append("\(mantissa)e\(Int.random(in: -30...30, using: &rng))")
            default:
                let whole = Int.random(in: -99_999...99_999, using: &rng)
                texts.append("\(whole).\(String(UInt64.random(in: 0...999_999_999_999, using: &rng)))")
            }
        }
        let text = "," + texts.indices.map { "c\($0)" }.joined(separator: ",") + "\nr," + texts.joined(separator: ",") + "\n"
        let matrix = try Self.parse(text)
        for (index, cell) in texts.enumerated() {
            #expect(matrix.problem.scores[index] == Double(cell), "\(cell)")
        }
    }

    private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1) { value, _ in value * 10 } }

    @Test("parsing raw bytes and an array gives the same matrix")
    func rawBytes() throws {
        let bytes = Array(",a,b\nx,1,2\ny,,3\n".utf8)
        let fromRaw = try bytes.withUnsafeBytes { raw throws(ScoreMatrixCSVError) in try ScoreMatrixCSV.parse(raw) }
        #expect(fromRaw == (try ScoreMatrixCSV.parse(bytes)))
    }

    @Test("empty file, no columns, no rows")
    func emptyParts() {
        #expect(Self.failure("") == ScoreMatrixCSVError(line: 1, column: 1, cell: nil, problem: .empty))
        #expect(Self.failure("\n  \n") == ScoreMatrixCSVError(line: 3, column: 1, cell: nil, problem: .empty))
        #expect(Self.failure("label\nt1\n") == ScoreMatrixCSVError(line: 1, column: 6, cell: nil, problem: .noColumns))
        #expect(Self.failure(",p1,p2\n\n") == ScoreMatrixCSVError(line: 3, column: 1, cell: nil, problem: .noRows))
    }

    @Test("empty and duplicate ids name their line and cell")
    func ids() {
        #expect(Self.failure(",p1, ,p3\n") == ScoreMatrixCSVError(line: 1, column: 6, cell: 3, problem: .emptyID(.columns)))
        #expect(Self.failure(",p1,p2,p1\nt1,1,2,3\n") == ScoreMatrixCSVError(line: 1, column: 8, cell: 4, problem: .duplicateID(.columns, id: "p1", firstLine: 1, firstCell: 2)))
        #expect(Self.failure(",p1\nt1,1\n ,2\n") == ScoreMatrixCSVError(line: 3, column: 1, cell: 1, problem: .emptyID(.rows)))
        let duplicate = Self.failure(",p1\nt1,1\nt2,2\n  t1,3\n")
        #expect(duplicate == ScoreMatrixCSVError(line: 4, column: 3, cell: 1, problem: .duplicateID(.rows, id: "t1", firstLine: 2, firstCell: 1)))
        #expect(duplicate?.description == "4:3: cell 1: the row id \"t1\" is used twice (first in line 2); give every row its own id")
    }

    @Test("a row with too few or too many cells")
    func cellCounts() {
        let few = Self.failure(",p1,p2,p3\nt1,1,2,3\nt2,1,2\n")
        #expect(few == ScoreMatrixCSVError(line: 3, column: 7, cell: nil, problem: .wrongCellCount(expected: 4, found: 3, separator: ",")))
        #expect(few?.message == "this row has 3 cells but the header has 4; every row needs its id and one cell per column (an empty cell forbids a pair)")
        let many = Self.failure(",p1,p2\nt1,1,5,2,5\n")
        #expect(many == ScoreMatrixCSVError(line: 2, column: 7, cell: nil, problem: .wrongCellCount(expected: 3, found: 5, separator: ",")))
        #expect(many?.message.hasSuffix("; if the scores use a decimal comma, separate the cells with `;` instead") == true)
        #expect(Self.failure(";p1\nt1;1;2\n")?.message.contains("decimal comma") == false)
    }

    @Test("a cell that is not a number names its row and column; the column counts characters")
    func notANumber() {
        let error = Self.failure(",p1,p2\nt1,1,2\nt2,  12x ,3\n")
        #expect(error == ScoreMatrixCSVError(line: 3, column: 6, cell: 2, problem: .notANumber(text: "12x", row: "t2", column: "p1")))
        #expect(error?.description == "3:6: cell 2: \"12x\" (row \"t2\", column \"p1\") is not a number; write a score like 12 or 12.5, or leave the cell empty to forbid the pair")
        // "Zoë" is four bytes but three characters.
        #expect(Self.failure(",a,b\nZoë,1,abc\n") == ScoreMatrixCSVError(line: 2, column: 7, cell: 3, problem: .notANumber(text: "abc", row: "Zoë", column: "b")))
        for text in ["-", ".", "1.2.3", "1e", "e5", "nan", "inf", "1 2", "0x10", "1,5,3", "--1", "1e+"] {
            let failure = Self.failure(";a\nr;\(text)\n")
            #expect(failure == ScoreMatrixCSVError(line: 2, column: 3, cell: 2, problem: .notANumber(text: text, row: "r", column: "a")), "\(text)")
        }
        #expect(Self.failure(",a\nr,\"1x\"\n") == ScoreMatrixCSVError(line: 2, column: 3, cell: 2, problem: .notANumber(text: "1x", row: "r", column: "a")))
    }

    @Test("a number beyond ±1e100, the largest score")
    func outOfRange() throws {
        #expect(Self.failure(",a,b\nr,1,-1e999\n") == ScoreMatrixCSVError(line: 2, column: 5, cell: 3, problem: .numberOutOfRange(text: "-1e999", row: "r", column: "b")))
        #expect(Self.failure(",a\nr,\"2e100\"\n")?.message == "cell 2: \"2e100\" (row \"r\", column \"a\") is too large for a score; scores must lie between -1e100 and 1e100")
        #expect(try Self.parse(",a\nr,-1e100\n").problem.scores == [-1e100])
    }

    @Test("quotes: unterminated, text after the closing quote")
    func quotes() {
        #expect(Self.failure(",\"p1,p2\n") == ScoreMatrixCSVError(line: 1, column: 2, cell: 2, problem: .unterminatedQuote))
        #expect(Self.failure(",p1\n\"t1\"x,1\n") == ScoreMatrixCSVError(line: 2, column: 5, cell: 1, problem: .textAfterQuote))
    }

    @Test("ids that are not UTF-8")
    func notUTF8() {
        var bytes = Array(",p1\nJos".utf8)
        bytes += [0xE9]  // é in Windows-1252
        bytes += Array(",1\n".utf8)
        #expect(throws: ScoreMatrixCSVError(line: 2, column: 1, cell: 1, problem: .notUTF8)) { try ScoreMatrixCSV.parse(bytes) }
    }
}
