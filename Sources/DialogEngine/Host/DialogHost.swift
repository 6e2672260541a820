/// What the engine needs from the application that runs it: host-provided slots and actions.
///
/// The engine never imports the application's domain; the application implements this protocol
/// (in JobTwin: the Assistant, inside the turn's database transaction).
public protocol DialogHost {
    /// The value of a read-only slot the host provides (`participant.phase`, …).
    func hostSlot(_ name: String) -> Value

    /// Runs an action. Errors thrown here abort the whole turn: nothing of it is kept.
    func perform(_ call: ActionCall) throws -> ActionResult
}
