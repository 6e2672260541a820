import ServiceLifecycle
import Synchronization

/// The turns that outlived their request's deadline, with what follows them (posting the
/// reply). They are never cancelled — each is a persisted answer — and on graceful shutdown
/// the server waits for them, like for the requests in flight.
final class LateTurns: Service, Sendable {
    private let state = Mutex<(next: Int, tasks: [Int: Task<Void, Never>])>((0, [:]))

    /// Runs `work` to its end, tracked until it is done.
    func start(_ work: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            let id = state.next
            state.next += 1
            // The task removes itself under the same lock, so it cannot finish before it is added.
            state.tasks[id] = Task {
                await work()
                self.finish(id)
            }
        }
    }

    /// Waits for graceful shutdown, then for every late turn to finish.
    func run() async throws {
        try? await gracefulShutdown()
        await drain()
    }

    /// Waits until no late turn is running.
    func drain() async {
        while true {
            let running = state.withLock { Array($0.tasks.values) }
            if running.isEmpty { return }
            for task in running { await task.value }
        }
    }

    private func finish(_ id: Int) {
        _ = state.withLock { $0.tasks.removeValue(forKey: id) }
    }
}
