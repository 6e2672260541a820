import Foundation
import Logging
import ServiceLifecycle
import Twinning
import TwinAssistant
import TwinReply

/// Forgets, now and then, the ids of requests whose reply was delivered more than `retention`
/// ago: clients and Slack retry within minutes, so a day is ample, and the table stays small.
/// Replies not yet delivered (Slack Events API, until the notification outbox posts them) are
/// kept.
struct ProcessedRequestPruner: Service {
    let assistant: Assistant
    let clock: any WallClock
    let retention: TimeInterval
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await pruneOnce()
            // Sleeping ends at once when the server shuts down.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Prunes once; a failure is logged and tried again next time.
    func pruneOnce() async {
        let cutoff = clock.now().addingTimeInterval(-retention)
        do {
            let removed = try await assistant.forgetAnsweredRequests(deliveredBefore: cutoff)
            if removed > 0 { logger.debug("forgot old request ids", metadata: ["count": "\(removed)"]) }
        } catch is CancellationError {
            // The server is shutting down.
        } catch {
            logger.warning("could not prune old request ids; will try again", metadata: ["error": "\(error)"])
        }
    }
}
