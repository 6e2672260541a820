import ArgumentParser
import Foundation
import Twinning

/// `jobtwin match --scores FILE.csv`: the optimal assignment of a score matrix from a file.
struct ScoreFileMatching {
    /// The CSV file, as given on the command line (errors name it the same way).
    var path: String

    /// The report to print: text, or JSON with `json`.
    ///
    /// - Throws: `CLIError` when the file cannot be read or has no feasible pairing; a malformed
    ///   file is reported as `FILE:LINE:COLUMN: error: message` and ends with `ExitCode(1)`.
    func run(json: Bool) throws -> String {
        let matrix = try read()
        let assignment: Assignment
        do {
            assignment = try LinearAssignment.solve(matrix.problem)
        } catch {
            let names = { (side: MatrixSide) -> (Int) -> String in
                side == .rows ? { matrix.rowIDs[$0] } : { matrix.columnIDs[$0] }
            }
            let why = error.explanation(memberName: names(error.side), partnerName: names(error.side.other))
            throw CLIError(message: "No feasible pairing in \(path): \(why).")
        }
        return json ? MatchReport.json(assignment, matrix) : MatchReport.text(assignment, matrix)
    }

    /// The matrix in the file, read in one piece and parsed from its bytes.
    private func read() throws -> ScoreMatrix {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                throw CLIError(message: "There is no file \(path); give the path of a CSV file of scores.")
            }
            throw CLIError(message: isFolder.boolValue
                ? "\(path) is a folder; give the path of a CSV file of scores."
                : "\(path) cannot be read; check that you may read it.")
        }
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(ScoreMatrixCSVError) in try ScoreMatrixCSV.parse(bytes) }
        }
        switch parsed {
        case .success(let matrix):
            return matrix
        case .failure(let error):
            // The compiler's form, so that editors and terminals can jump to the place.
            FileHandle.standardError.write(Data("\(path):\(error.line):\(error.column): error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
