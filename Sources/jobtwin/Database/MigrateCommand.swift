import ArgumentParser
import Foundation
import TwinConfiguration
import TwinPostgres
import TwinStore

/// `jobtwin migrate`: brings the database's schema up to date without starting anything else —
/// for a deploy that migrates first and then starts its `serve` instances.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to date (every command also does this when it opens the database).",
        discussion: """
            On PostgreSQL the migrations run under an advisory lock, so instances starting at the same \
            time migrate once; a database written by a newer jobtwin is refused and left unchanged.
            """
    )

    @OptionGroup var common: StoreOptions

    func run() async throws {
        try await runReportingErrors {
            let database = try common.configuration().database
            guard PostgresLocation.isPostgresURL(database) else {
                _ = try CLIError.wrap { try SQLiteRepository(path: database) }
                print("\(database): the schema is up to date")
                return
            }
            let location = try CLIError.wrap { () throws(PostgresLocationError) in try PostgresLocation(url: database) }
            let applied: [String]
            do {
                applied = try await PostgresMigrator(connector: PostgresConnector(location: location, logger: StoreOptions.postgresLogger),
                                                     logger: StoreOptions.postgresLogger).migrate()
            } catch {
                throw CLIError(message: String(describing: error))
            }
            print(applied.isEmpty ? "\(location.description): the schema is up to date"
                                  : "\(location.description): applied \(applied.joined(separator: "; "))")
        }
    }
}
