import Synchronization

/// What a turn's actions ask the assistant to do once the turn is committed — work that cannot
/// run inside the turn's transaction. The actions set it while the turn runs; the assistant
/// reads it after the commit.
final class TurnEffects: Sendable {
    private let erasure = Mutex(false)

    /// Whether the participant asked, in this turn, to have everything about them erased.
    var erasureRequested: Bool { erasure.withLock { $0 } }

    /// Marks that the participant asked to be erased (the `request_erasure` action).
    func requestErasure() {
        erasure.withLock { $0 = true }
    }
}
