import Foundation
import Logging
import ServiceLifecycle
import Twinning
import TwinAssistant
import TwinReply
import TwinStore
import TwinConfiguration

/// Runs the retention purge — both rules of `RetentionSettings`, sparing the coordinators —
/// once a day while `jobtwin serve` runs (first an hour after start, so that a restart loop does
/// not purge repeatedly), and stops with the server.
struct RetentionSchedule: Service {
    private let repository: any TwinRepository
    private let settings: RetentionSettings
    private let coordinators: Set<ParticipantID>
    private let logger: Logger

    /// Creates the schedule for `settings`; `coordinators` are never erased.
    init(repository: any TwinRepository, settings: RetentionSettings, coordinators: Set<ParticipantID>, logger: Logger) {
        self.repository = repository
        self.settings = settings
        self.coordinators = coordinators
        self.logger = logger
    }

    /// Sleeps, purges, and repeats daily until the server shuts down; a failed purge is logged
    /// and tried again the next day.
    func run() async throws {
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
            // Of several `serve` on one database, the one leading the schedules purges.
            guard await repository.leadsSchedules() else {
                wait = .seconds(86_400)
                continue
            }
            do {
                let outcome = try await RetentionPurge.run(repository, settings: settings, coordinators: coordinators,
                                                           now: Date(), actor: "serve:retention")
                if !outcome.all.isEmpty || !outcome.warned.isEmpty {
                    logger.notice("retention purge", metadata: ["closed": "\(outcome.closed.count)", "inactive": "\(outcome.inactive.count)",
                                                               "requested": "\(outcome.requested.count)", "unmatched": "\(outcome.unmatched.count)",
                                                               "warned": "\(outcome.warned.count)"])
                }
            } catch {
                logger.warning("retention purge failed; will try again tomorrow", metadata: ["error": "\(error)"])
            }
            wait = .seconds(86_400)
        }
    }
}
