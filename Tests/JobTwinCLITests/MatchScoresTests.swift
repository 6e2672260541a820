import Foundation
import Testing
import JobTwinTestSupport

/// `jobtwin match --scores FILE.csv` as a coordinator runs it on a spreadsheet export.
@Suite("jobtwin match --scores (process)")
struct MatchScoresTests {
    /// A 3 × 4 matrix, forbidden cells included; the optimum 9 + 7.25 + 6 beats
    /// 8 + 7.5 + 6 by a quarter.
    static let matrix = """
    ,p1,p2,p3,p4
    t1,9,8,,1
    t2,7.5,,7.25,0
    t3,6,-2,,6
    """

    @Test("text: the total, then one aligned pair per line in row order, then who is unpaired")
    func text() throws {
        let folder = try TemporaryFolder()
        try Self.matrix.write(toFile: folder.path("scores.csv"), atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["match", "--scores", folder.path("scores.csv")])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == """
        total: 22.25
        t1 → p1  (score 9)
        t2 → p3  (score 7.25)
        t3 → p4  (score 6)
        unpaired columns: p2

        """)
    }

    @Test("ids of different lengths are aligned")
    func aligned() throws {
        let folder = try TemporaryFolder()
        try ",p1,professional 2\nt1,1,\nteacher 2,,2\n".write(toFile: folder.path("scores.csv"), atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["match", "--scores", folder.path("scores.csv")])
        #expect(output.lines == ["total: 3", "t1        → p1              (score 1)", "teacher 2 → professional 2  (score 2)"])
    }

    @Test("--json: exactly the documented object, ids escaped, decimals kept")
    func json() throws {
        let folder = try TemporaryFolder()
        try "x;\"Zoë \"\"Z\"\"\";p2\nt\\1;1,25;0,5\nt2;2;\n".write(toFile: folder.path("scores.csv"), atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["match", "--scores", folder.path("scores.csv"), "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == #"{"total": 2.5, "pairs": [{"row": "t\\1", "column": "p2", "score": 0.5}, {"row": "t2", "column": "Zoë \"Z\"", "score": 2}]}"# + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object?["total"] as? Double == 2.5)
        #expect((object?["pairs"] as? [[String: Any]])?.count == 2)
    }

    @Test("a tall matrix pairs every column and lists the unpaired rows")
    func tall() throws {
        let folder = try TemporaryFolder()
        try ",a\nr1,1\nr2,3\nr3,2\n".write(toFile: folder.path("tall.csv"), atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["match", "--scores", folder.path("tall.csv")])
        #expect(output.status == 0)
        #expect(output.lines == ["total: 3", "r2 → a  (score 3)", "unpaired rows: r1, r3"])
    }

    @Test("a malformed file: FILE:LINE:COLUMN: error: message, exit status 1, nothing on standard output")
    func malformed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("bad.csv")
        try ",p1,p2\nt1,1,2\nt2,3,drie\n".write(toFile: path, atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["match", "--scores", path, "--json"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "\(path):3:6: error: cell 3: \"drie\" (row \"t2\", column \"p2\") is not a number; write a score like 12 or 12.5, or leave the cell empty to forbid the pair\n")

        try ",p1,p2\nt1,1,2\nt2,3\n".write(toFile: path, atomically: true, encoding: .utf8)
        let short = try JobTwinProcess.run(["match", "--scores", path])
        #expect(short.status == 1)
        #expect(short.stderr.hasPrefix("\(path):3:5: error: this row has 2 cells but the header has 3"))
    }

    @Test("no feasible pairing: says so and names who cannot be paired")
    func infeasible() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tight.csv")
        try ",p1,p2,p3\nt1,1,,\nt2,2,,\nt3,,3,4\n".write(toFile: path, atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["match", "--scores", path])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "error: No feasible pairing in \(path): the 2 rows t1, t2 together allow only one column (p1), but every row needs a column of its own (there are no more rows than columns); fill in more of their cells or leave one of them out.\n")

        try ",p1,p2\nt1,,\nt2,1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let lonely = try JobTwinProcess.run(["match", "--scores", path])
        #expect(lonely.status == 1)
        #expect(lonely.stderr.contains("row t1 allows no column (all its cells are empty)"))
    }

    @Test("a missing file, and --scores combined with a database option (bad usage, status 2)")
    func usage() throws {
        let missing = try JobTwinProcess.run(["match", "--scores", "/nonexistent/scores.csv"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: There is no file /nonexistent/scores.csv; give the path of a CSV file of scores.\n")
        let mixed = try JobTwinProcess.run(["match", "--scores", "/nonexistent/scores.csv", "--apply"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("--scores works on a file"))
    }
}
