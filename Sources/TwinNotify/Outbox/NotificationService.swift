import Foundation
public import Logging
public import ServiceLifecycle

/// The outbox worker and the reminder schedule running continuously, as a `Service` for
/// `jobtwin serve`'s service group: it fans out and delivers whenever something is due, checks
/// the reminders every `reminderInterval`, and stops at graceful shutdown (a delivery cut off
/// then is sent again on the next start, under the same key).
public struct NotificationService: Service {
    private let worker: OutboxWorker
    private let reminders: ReminderScheduler?
    private let pollInterval: Double
    private let reminderInterval: Double
    private let logger: Logger

    /// Creates the service; `reminders` is `nil` when no rule is on.
    public init(worker: OutboxWorker, reminders: ReminderScheduler?, pollInterval: Double = 0.5,
                reminderInterval: Double = 60, logger: Logger = Logger(label: "jobtwin.notify")) {
        self.worker = worker
        self.reminders = reminders
        self.pollInterval = pollInterval
        self.reminderInterval = reminderInterval
        self.logger = logger
    }

    public func run() async throws {
        var nextReminderCheck = ContinuousClock.now
        var failures = 0
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            var busy = false
            do {
                if let reminders, ContinuousClock.now >= nextReminderCheck {
                    nextReminderCheck = ContinuousClock.now + .seconds(reminderInterval)
                    let fired = try await reminders.runIfLeading()
                    if !fired.isEmpty { logger.info("reminders sent", metadata: ["count": "\(fired.count)"]) }
                }
                try await worker.fanOut()
                busy = try await worker.deliverDue().attempted > 0
                failures = 0
            } catch is CancellationError {
                return
            } catch {
                // The database was busy or unavailable: wait longer each time, and try again.
                failures += 1
                logger.warning("notification round failed; will try again", metadata: ["error": "\(error)"])
            }
            if busy { continue }
            let wait = min(pollInterval * Double(1 << min(failures, 6)), 60)
            // Sleeping ends at once when the server shuts down.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
        }
    }
}
