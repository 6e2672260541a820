import Testing
import Twinning

/// A score matrix with forbidden cells, checked as it is made.
@Suite("Assignment problems")
struct AssignmentProblemTests {
    @Test("cells read back as scores, forbidden ones as nil")
    func cells() throws {
        let problem = try AssignmentProblem(rowCount: 2, columnCount: 3, scores: [1, 2, .nan, 4, -5.5, 6], allowed: [true, true, false, true, true, true])
        #expect(problem[0, 1] == 2)
        #expect(problem[0, 2] == nil)
        #expect(problem[1, 1] == -5.5)
        // A forbidden cell's value does not matter, even NaN.
        #expect(problem == (try AssignmentProblem([[1, 2, nil], [4, -5.5, 6]])))
    }

    @Test("wrong sizes, ragged rows and non-finite scores are refused")
    func errors() {
        #expect(throws: AssignmentProblemError.wrongCellCount(rowCount: 2, columnCount: 2, scores: 3, allowed: 4)) {
            try AssignmentProblem(rowCount: 2, columnCount: 2, scores: [1, 2, 3], allowed: [true, true, true, true])
        }
        #expect(throws: AssignmentProblemError.negativeSize(rowCount: -1, columnCount: 2)) {
            try AssignmentProblem(rowCount: -1, columnCount: 2, scores: [], allowed: [])
        }
        #expect(throws: AssignmentProblemError.raggedRows(row: 1, expected: 2, found: 1)) {
            try AssignmentProblem([[1, 2], [3]])
        }
        #expect(throws: AssignmentProblemError.nonFiniteScore(row: 1, column: 0)) {
            try AssignmentProblem([[1, 2], [.infinity, 3]])
        }
        #expect(AssignmentProblemError.nonFiniteScore(row: 1, column: 0).description
            == "the score of row 1, column 0 is not a finite number; give a number or forbid the pair")
    }
}
