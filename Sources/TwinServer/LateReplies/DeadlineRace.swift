import Synchronization

/// Waits for a task's value, but no longer than a deadline. The task is never cancelled: it
/// runs on when the deadline comes first.
enum DeadlineRace {
    /// The task's value when it came within `deadline`; `nil` when the deadline came first (at
    /// once when the deadline is zero or less).
    static func value<T: Sendable>(of task: Task<T, Never>, within deadline: Duration) async -> T? {
        guard deadline > .zero else { return nil }
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = ResumeOnce(continuation)
            let timer = Task {
                try? await Task.sleep(for: deadline)
                once.resume(nil)
            }
            Task {
                let value = await task.value
                once.resume(value)
                timer.cancel()
            }
        }
    }
}

/// A continuation resumed by whichever comes first; later resumes are ignored.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T?, Never>?>

    init(_ continuation: CheckedContinuation<T?, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: T?) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}
