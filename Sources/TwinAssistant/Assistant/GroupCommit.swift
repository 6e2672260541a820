import TwinReply
import Foundation
import Synchronization
import Twinning
import TwinStore

/// Commits the results of many participants' turns in one transaction ("group commit").
///
/// SQLite has one writer; a transaction per turn makes its fixed cost (begin, commit, the WAL
/// frames) the limit on turns per second. Turns that arrive while a commit is running wait and
/// go together in the next one. Every turn still gets its reply only after the transaction
/// holding its answer has committed, so nothing acknowledged can be lost.
final class GroupCommit: Sendable {
    /// One turn's result, computed outside the transaction.
    struct Item: Sendable {
        var participant: ParticipantID
        /// The stored turn count the result was computed from; a different one means the
        /// conversation changed meanwhile and the turn must be redone.
        var expectedTurns: Int
        var language: String
        var now: Date
        var record: TurnRecord
        /// The channel's request the turn answers, which the checks look up.
        var request: ChannelRequestID? = nil
        /// Checks, inside the transaction and before anything is stored, that the turn was
        /// computed from what is stored now; a non-`nil` outcome is the item's result instead.
        var precheck: @Sendable (any TwinTransaction) throws -> Outcome?
        /// The item's result when the stored turn count is not `expectedTurns`, read inside the
        /// transaction (`.moved` with what is stored now, or `.conflict`).
        var moved: @Sendable (any TwinTransaction) throws -> Outcome = { _ in .conflict }
        /// Stores whatever else belongs with the turn (a channel's request id) inside the
        /// transaction, and gives the reply.
        var reply: @Sendable (any TwinTransaction) throws -> Reply
    }

    /// What became of one item.
    enum Outcome: Sendable {
        /// Stored, with the reply to give.
        case committed(Reply)
        /// Not stored: the conversation changed meanwhile.
        case conflict
        /// Not stored: the channel's request was taken before; this is the reply it got, as stored.
        case taken(Data)
        /// Not stored: another process took a turn of the participant meanwhile. The facts and
        /// the conversation as stored now, read in the same transaction, to compute the turn
        /// again from without another read.
        case moved(ParticipantFacts, StoredSession)
    }

    private typealias Waiter = (item: Item, continuation: CheckedContinuation<Outcome, any Error>)

    /// The items waiting for the next transaction; whether the writer is busy with them; whether
    /// a writer thread exists.
    private struct Queue {
        var waiting: [Waiter] = []
        var running = false
        var writerAlive = false
        var writersStarted = 0
    }

    private let repository: any TwinRepository
    private let queue = Mutex(Queue())
    /// Wakes the idle writer thread when items arrive.
    private let wakeUp = DispatchSemaphore(value: 0)

    /// The most items one transaction takes, so that a burst does not make one huge commit.
    private let batchLimit = 256
    /// How long the writer thread waits for work before it ends (a new one starts with the
    /// next turn), so that an idle assistant holds no thread.
    private let idleTimeout: DispatchTimeInterval

    init(repository: any TwinRepository, idleTimeout: DispatchTimeInterval = .seconds(5)) {
        self.repository = repository
        self.idleTimeout = idleTimeout
    }

    /// Whether a writer thread exists now, and how many were started so far (for tests).
    var writerThreads: (alive: Bool, started: Int) {
        queue.withLock { ($0.writerAlive, $0.writersStarted) }
    }

    /// Stores `item` with the others waiting; returns once it is committed (or refused).
    func commit(_ item: Item) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            enum Start { case nothing, signal, spawn }
            let start = queue.withLock { state -> Start in
                state.waiting.append((item, continuation))
                guard !state.running else { return .nothing }
                state.running = true
                guard !state.writerAlive else { return .signal }
                state.writerAlive = true
                state.writersStarted += 1
                return .spawn
            }
            switch start {
            case .nothing: break
            case .signal: wakeUp.signal()
            case .spawn: startWriter()
            }
        }
    }

    /// The writer runs on a thread of its own and commits synchronously: the single SQLite
    /// writer is what limits turns per second, and handing every transaction to GRDB's queue
    /// and back to Swift's executor kept it waiting for a free thread between two commits
    /// about as long as the commits themselves took.
    private func startWriter() {
        let thread = Thread { [self] in
            while true {
                drain()
                if wakeUp.wait(timeout: .now() + idleTimeout) == .success { continue }
                let stop = queue.withLock { state -> Bool in
                    // Work that arrived while the wait timed out has signalled (or is about to):
                    // keep going; otherwise this thread ends and the next item starts another.
                    guard !state.running else { return false }
                    state.writerAlive = false
                    return true
                }
                if stop { return }
            }
        }
        thread.name = "jobtwin-group-commit"
        thread.start()
    }

    /// Commits batches until nothing is waiting.
    private func drain() {
        while true {
            let batch = queue.withLock { state -> [Waiter] in
                let taken = Array(state.waiting.prefix(batchLimit))
                state.waiting.removeFirst(taken.count)
                if taken.isEmpty { state.running = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                let outcomes = try repository.blockingTransaction { tx in
                    // All at once and in one order, so that two processes committing batches
                    // never wait for each other's participants in a circle.
                    try tx.holdTurns(of: batch.map(\.item.participant))
                    try tx.prepareTurnChecks(batch.map {
                        TurnCheck(participant: $0.item.participant, channel: $0.item.request?.channel, requestID: $0.item.request?.value,
                                  expectedTurns: $0.item.expectedTurns)
                    })
                    return try batch.map { waiter -> Outcome in
                        let item = waiter.item
                        if let outcome = try item.precheck(tx) { return outcome }
                        guard try tx.sessionTurns(item.participant) == item.expectedTurns else { return try item.moved(tx) }
                        guard try tx.touch(item.participant, language: item.language, at: item.now) != nil else { return .conflict }
                        try item.record.save(for: item.participant, turns: item.expectedTurns + 1, at: item.now, in: tx)
                        return .committed(try item.reply(tx))
                    }
                }
                for (waiter, outcome) in zip(batch, outcomes) { waiter.continuation.resume(returning: outcome) }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
    }
}

