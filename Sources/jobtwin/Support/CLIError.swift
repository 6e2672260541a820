import ArgumentParser
import Foundation

/// A user error: printed as one clear message on standard error, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var message: String

    var description: String { message }

    /// Runs `body`, turning any error it throws into a `CLIError` with its description.
    static func wrap<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIError(message: String(describing: error))
        }
    }
}

extension CLIError {
    /// Prints the message and exits with status 1 (ArgumentParser would print usage for 2).
    func exit() -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}

/// Runs a command body; a `CLIError` becomes exit status 1 with its message.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as CLIError {
        error.exit()
    }
}
