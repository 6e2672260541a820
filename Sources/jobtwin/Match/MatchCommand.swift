import TwinConfiguration
import ArgumentParser
import DialogEngine
import Foundation
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinLanguage

/// `jobtwin match`: propose pairs of teachers and professionals.
///
/// Each way of bringing scores is a mode of its own type; `--scores` reads a plain matrix from
/// a spreadsheet (`ScoreFileMatching`); without it the stored profiles are scored
/// (`DatabaseMatching`).
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Propose pairs of teachers and professionals, with the reasons.",
        // Lines end in `\` so that ArgumentParser wraps each paragraph to the terminal.
        discussion: """
        Without --scores, scores every unmatched participant's profile against the other side's (on \
        the criteria each chose; a wish for a different field rewards contrast), leaves out pairs \
        that may not be made (same side, same organisation, excluded by a coordinator, paired \
        before) and proposes pairs — the largest total score (--method optimal) or a stable matching \
        (--method stable) — each with its reasons. Pairs that already exist, like mutual likes from \
        open matching, stay as they are. --apply confirms the proposals as the coordinator's \
        decision: the pairs move to phase 2 and are notified. --why-not A B explains why two people \
        are or are not proposed together; --exclude A B keeps them apart in every later round.

        With --scores FILE.csv, pairs the rows and columns of a score matrix made in a \
        spreadsheet: the first line holds the column ids (its first cell is ignored), every \
        other line a row id and one score per column. Decimals are written with a point, or \
        with a comma when the cells are separated by `;`. An empty cell forbids that pair.

        Every member of the smaller side gets a partner, and among those pairings the one with \
        the largest total score is printed: the total, then one pair per line (with --json one \
        object: {"total": …, "pairs": [{"row": …, "column": …, "score": …}]}).

        A malformed file is reported as FILE:LINE:COLUMN (the character position); when the \
        allowed cells cannot give everyone of the smaller side a partner, the message names \
        who cannot be paired. Exit status 1 in both cases.
        """
    )

    @Option(name: .long, help: ArgumentHelp("A score matrix in CSV: header of column ids, first column of row ids, an empty cell forbids a pair.", valueName: "file.csv"))
    var scores: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("How to pair the pool: optimal (largest total score) or stable (Gale–Shapley).", valueName: "optimal|stable"))
    var method: String = "optimal"

    @Flag(name: .long, help: "Confirm the proposals as the coordinator's decision (asks first on a terminal).")
    var apply = false

    @Flag(name: .long, help: "Do not ask for confirmation before --apply.")
    var yes = false

    @Option(name: .customLong("why-not"), parsing: .upToNextOption, help: ArgumentHelp("Explain why two participants are or are not proposed as a pair.", valueName: "A B"))
    var whyNot: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Exclude a pair from this and every later round.", valueName: "A B"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp("The language of the explanations: nl or en (default: the configuration's).", valueName: "nl|en"))
    var lang: String?

    func validate() throws {
        guard MatchingMethod(rawValue: method) != nil else { throw ValidationError("--method is optimal or stable") }
        if !whyNot.isEmpty, whyNot.count != 2 { throw ValidationError("--why-not takes two participant ids") }
        if !exclude.isEmpty, exclude.count != 2 { throw ValidationError("--exclude takes two participant ids") }
        if let lang, Language(spelling: lang) == nil { throw ValidationError("--lang is nl or en") }
        if scores != nil, apply || !whyNot.isEmpty || !exclude.isEmpty {
            throw ValidationError("--scores works on a file; --apply, --why-not and --exclude work on the database")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            if let scores {
                let output = try ScoreFileMatching(path: scores).run(json: json)
                FileHandle.standardOutput.write(Data(output.utf8))
                return
            }
            let configuration = try common.configuration()
            let language = lang.flatMap(Language.init(spelling:)) ?? configuration.language
            let repository = try await common.repository(configuration)
            let service = MatchingService(repository: repository, program: try common.program(configuration),
                                          terms: try common.terms(configuration), coordinators: configuration.coordinators)
            let method = MatchingMethod(rawValue: method) ?? .optimal
            if exclude.count == 2 {
                let (a, b) = try Self.ids(exclude)
                try await service.exclude(a, b, actor: AuditActor.current)
                print(language.text(nl: "\(a) en \(b) worden niet meer aan elkaar gekoppeld.", en: "\(a) and \(b) will not be paired."))
                return
            }
            if whyNot.count == 2 {
                let (a, b) = try Self.ids(whyNot)
                print(try await service.whyNot(a, b, method: method, language: language))
                return
            }
            let output = try await DatabaseMatching(service: service, method: method, language: language)
                .run(json: json, apply: apply) { yes || Self.confirmOnTerminal(language) }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }

    private static func ids(_ texts: [String]) throws -> (ParticipantID, ParticipantID) {
        guard let a = ParticipantID(texts[0]), let b = ParticipantID(texts[1]) else {
            throw CLIError(message: "Participant ids are CHANNEL:ID, like slack:T1:U2 or repl:anna.")
        }
        return (a, b)
    }

    /// Asks on a terminal; without one (a script), --yes is required.
    private static func confirmOnTerminal(_ language: Language) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else {
            FileHandle.standardError.write(Data(language.text(nl: "Gebruik --yes om zonder terminal toe te passen.\n", en: "Use --yes to apply without a terminal.\n").utf8))
            return false
        }
        print(language.text(nl: "Deze duo's bevestigen? (ja/nee) ", en: "Confirm these pairs? (yes/no) "), terminator: "")
        fflush(nil)
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return ["ja", "j", "yes", "y"].contains(answer)
    }
}
