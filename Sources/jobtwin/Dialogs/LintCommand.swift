import ArgumentParser
import DialogEngine
import Foundation
import TwinAssistant
import TwinConfiguration
import TwinReply
import TwinStore

/// `jobtwin dialogs lint [DIR]`: every error and warning with its position.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check dialog scripts and report every problem as path:line:column.",
        discussion: """
        Reports YAML syntax errors and every semantic error: unknown step or dialog targets, \
        unreachable steps, slots read before anything can set them, missing translations, unknown \
        actions and arguments, duplicate option values, type errors in expressions. Also checks \
        the folder's table of related studies and target groups (matching/terms.yaml): its \
        shape, ids, labels in both languages and terms. Exit status 1 when there is any error.

        With --db, also warns about steps that stored conversations wait at but the dialogs no \
        longer have (those conversations would resume at a safe point).
        """
    )

    @Argument(help: ArgumentHelp("The folder of dialogs to check (default: $JOBTWIN_DIALOGS, the configuration's `dialogs`, ./Dialogs when it exists, else the built-in dialogs).", valueName: "dir"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("A database whose stored conversations to check against the dialogs.", valueName: "path"))
    var db: String?

    func run() async throws {
        try await runReportingErrors {
            let folder = try DialogFolder.resolve(directory)
            let sources = try CLIError.wrap { () throws(DialogLibraryError) in
                if let folder { return try DialogLibrary.sources(in: folder) }
                return DialogLibrary.builtinSources
            }
            let result = Program.lint(sources, host: JobTwinInterface.host)
            var diagnostics = result.diagnostics
            // The table of related terms sits beside the dialogs and is checked with them.
            let terms = try CLIError.wrap { () throws(DialogLibraryError) in
                if let folder { return try DialogLibrary.termsSource(in: folder) }
                return DialogLibrary.builtinTermsSource
            }
            if let terms { diagnostics += RelatedTermsFile.read(terms).diagnostics }
            if let db {
                guard PostgresLocation.isPostgresURL(db) || FileManager.default.fileExists(atPath: db) else {
                    throw CLIError(message: "There is no database at \(db).")
                }
                let repository = try await StoreOptions.repository(db)
                let sessions = try await repository.read { try $0.sessions() }
                diagnostics += StoredSessionCheck.diagnostics(sessions: sessions, sources: sources, result: result)
            }
            for diagnostic in diagnostics { print(diagnostic) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(sources.count + (terms == nil ? 0 : 1)) file\(sources.count + (terms == nil ? 0 : 1) == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
