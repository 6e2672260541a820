import Foundation
import Synchronization
import Twinning
import TwinStore

/// Commits the results of many participants' turns in one SQLite transaction ("group commit").
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
        /// Checks, inside the transaction and before anything is stored, that the turn was
        /// computed from what is stored now; a non-`nil` outcome is the item's result instead.
        var precheck: @Sendable (any TwinTransaction) throws -> Outcome?
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
    }

    private typealias Waiter = (item: Item, continuation: CheckedContinuation<Outcome, any Error>)

    private let repository: any TwinRepository
    /// The items waiting for the next transaction, and whether a transaction is running.
    private let queue = Mutex<(waiting: [Waiter], running: Bool)>(([], false))

    /// The most items one transaction takes, so that a burst does not make one huge commit.
    private let batchLimit = 256

    init(repository: any TwinRepository) {
        self.repository = repository
    }

    /// Stores `item` with the others waiting; returns once it is committed (or refused).
    func commit(_ item: Item) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let startDrain = queue.withLock { state -> Bool in
                state.waiting.append((item, continuation))
                guard !state.running else { return false }
                state.running = true
                return true
            }
            if startDrain {
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while true {
            let batch = queue.withLock { state -> [Waiter] in
                let taken = Array(state.waiting.prefix(batchLimit))
                state.waiting.removeFirst(taken.count)
                if taken.isEmpty { state.running = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            let items = batch.map(\.item)
            do {
                let outcomes = try await repository.transaction { tx in
                    try items.map { item -> Outcome in
                        if let outcome = try item.precheck(tx) { return outcome }
                        guard try tx.sessionTurns(item.participant) == item.expectedTurns,
                              try tx.touch(item.participant, language: item.language, at: item.now) != nil else { return .conflict }
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
