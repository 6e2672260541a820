import ArgumentParser
import Foundation

/// `jobtwin match`: propose pairs of teachers and professionals.
///
/// Each way of bringing scores is a mode of its own type; `--scores` reads a plain matrix from
/// a spreadsheet (`ScoreFileMatching`). The database mode, which scores the profiles itself,
/// takes the place of the error below.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Propose pairs with the largest total score.",
        discussion: """
        With --scores FILE.csv, pairs the rows and columns of a score matrix made in a
        spreadsheet: the first line holds the column ids (its first cell is ignored), every
        other line a row id and one score per column. Decimals are written with a point, or
        with a comma when the cells are separated by `;`. An empty cell forbids that pair.

        Every member of the smaller side gets a partner, and among those pairings the one with
        the largest total score is printed: the total, then one pair per line (with --json one
        object: {"total": …, "pairs": [{"row": …, "column": …, "score": …}]}).

        A malformed file is reported as FILE:LINE:COLUMN (the character position); when the
        allowed cells cannot give everyone of the smaller side a partner, the message names
        who cannot be paired. Exit status 1 in both cases.
        """
    )

    @Option(name: .long, help: ArgumentHelp("A score matrix in CSV: header of column ids, first column of row ids, an empty cell forbids a pair.", valueName: "file.csv"))
    var scores: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    func run() async throws {
        try await runReportingErrors {
            guard let scores else {
                throw CLIError(message: "The database mode is not available yet; use --scores FILE.csv.")
            }
            let output = try ScoreFileMatching(path: scores).run(json: json)
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
