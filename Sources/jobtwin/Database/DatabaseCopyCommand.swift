import ArgumentParser
import Foundation
import TwinConfiguration
import TwinPostgres
import TwinStore

/// `jobtwin db copy --from FILE --to URL`: a programme's SQLite file into an empty PostgreSQL
/// database, in one transaction, checked by counting every table's rows on both sides.
struct DatabaseCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a programme from a SQLite file into an empty PostgreSQL database, and check the rows of every table.",
        discussion: """
            Stop `jobtwin serve` on the file first: what it stores during the copy would not be copied. \
            The PostgreSQL database must hold no programme yet; its schema is made when missing. Nothing \
            is copied when anything fails. The password comes from the URL or $PGPASSWORD and is never shown.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The SQLite file to copy.", valueName: "file"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The PostgreSQL database to copy into: postgres://USER@HOST[:PORT]/DATABASE.", valueName: "url"))
    var to: String

    func run() async throws {
        try await runReportingErrors {
            guard FileManager.default.fileExists(atPath: from) else {
                throw CLIError(message: "There is no database at \(from).")
            }
            guard PostgresLocation.isPostgresURL(to) else {
                throw CLIError(message: "--to must be a postgres:// URL, not \(to).")
            }
            let location = try CLIError.wrap { () throws(PostgresLocationError) in try PostgresLocation(url: to) }
            let source = try CLIError.wrap { try SQLiteRepository(path: from) }
            let counts: PostgresCopy.Counts
            do {
                counts = try await PostgresCopy.copy(from: source, to: location, logger: StoreOptions.postgresLogger)
            } catch {
                throw CLIError(message: String(describing: error))
            }
            for table in counts.tables {
                print("\(table): \(counts.target[table] ?? 0) rows")
            }
            let total = counts.target.values.reduce(0, +)
            print("copied \(total) rows in \(counts.tables.count) tables from \(from) to \(location.description); every table's rows counted on both sides")
        }
    }
}
