import Foundation
import Logging
import ServiceLifecycle
import TwinAssistant
import TwinStore

/// Runs the retention purge once a day while `jobtwin serve` runs (first an hour after start,
/// so that a restart loop does not purge repeatedly), and stops with the server.
public struct RetentionService: Service {
    private let repository: SQLiteRepository
    private let closedDays: Int
    private let logger: Logger

    /// Creates the service.
    public init(repository: SQLiteRepository, closedDays: Int, logger: Logger) {
        self.repository = repository
        self.closedDays = closedDays
        self.logger = logger
    }

    public func run() async throws {
        var wait = Duration.seconds(3_600)
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let interval = wait
            do {
                // The sleep is cancelled when the server shuts down.
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            if Task.isShuttingDownGracefully { return }
            do {
                let erased = try await RetentionPurge.run(repository, closedDays: closedDays, now: Date(), actor: "serve:retention")
                if !erased.isEmpty { logger.notice("retention purge", metadata: ["erased": "\(erased.count)"]) }
            } catch {
                logger.warning("retention purge failed; will try again tomorrow", metadata: ["error": "\(error)"])
            }
            wait = .seconds(86_400)
        }
    }
}
