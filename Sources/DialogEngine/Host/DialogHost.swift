public import TwinLanguage

/// What the engine needs from the application that runs it: host-provided slots and actions.
///
/// The engine never imports the application's domain; the application implements this protocol
/// (in JobTwin: the Assistant, inside the turn's database transaction).
public protocol DialogHost {
    /// The value of a read-only slot the host provides (`participant.phase`, …).
    func hostSlot(_ name: String) -> Value

    /// Runs an action. Errors thrown here abort the whole turn: nothing of it is kept.
    func perform(_ call: ActionCall) throws -> ActionResult

    /// A sentence that places the participant in the host's larger whole, shown first by the
    /// `status` command (in JobTwin: the programme's phase, "fase 1 van 4: matching"); `nil`
    /// for none.
    func statusContext(in language: Language) -> String?
}

extension DialogHost {
    /// No context: `status` tells only where the participant is in the dialog.
    public func statusContext(in language: Language) -> String? { nil }
}
