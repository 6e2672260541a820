/// A score matrix as a coordinator brings it: ids for the rows and columns and the
/// assignment problem they name.
public struct ScoreMatrix: Sendable, Hashable {
    /// The row ids in file order; row `i` of `problem` is `rowIDs[i]`.
    public let rowIDs: [String]
    /// The column ids in file order; column `j` of `problem` is `columnIDs[j]`.
    public let columnIDs: [String]
    /// The scores and forbidden pairs.
    public let problem: AssignmentProblem

    /// A matrix whose ids match the problem's shape.
    ///
    /// - Precondition: there are as many row ids as rows and column ids as columns.
    public init(rowIDs: [String], columnIDs: [String], problem: AssignmentProblem) {
        precondition(rowIDs.count == problem.rowCount && columnIDs.count == problem.columnCount,
                     "\(rowIDs.count) row ids and \(columnIDs.count) column ids for a \(problem.rowCount) × \(problem.columnCount) matrix")
        self.rowIDs = rowIDs
        self.columnIDs = columnIDs
        self.problem = problem
    }
}
