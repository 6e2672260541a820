import DialogEngine
import Foundation
import Twinning
import TwinStore

/// The dialog engine's view of the assistant during one turn: host slots from the participant,
/// actions executed inside the turn's transaction.
struct TurnHost: DialogHost {
    let participant: Participant
    let isCoordinator: Bool
    /// The turn's write transaction; `nil` while the turn runs outside one, where any action
    /// sends the turn to the full path.
    let transaction: (any TwinTransaction)?
    let now: Date

    func hostSlot(_ name: String) -> Value {
        TurnHostSlots.value(name, participant: participant, isCoordinator: isCoordinator)
    }

    func perform(_ call: ActionCall) throws -> ActionResult {
        guard let transaction else { throw ActionNeedsTransaction() }
        switch call.name {
        case "save_profile":
            return try ProfileActions.saveProfile(call, participant: participant.id, in: transaction, now: now)
        case "set_open_profile":
            return try ProfileActions.setOpenProfile(call, participant: participant.id, in: transaction, now: now)
        default:
            // The linter refuses dialogs with unknown actions, so only a host/interface mismatch
            // in this code can get here.
            throw DialogRuntimeError("the assistant has no action `\(call.name)`", dialog: "?", step: "?")
        }
    }
}

/// The values of the slots the assistant provides (`JobTwinInterface.hostSlots`).
enum TurnHostSlots {
    static func value(_ name: String, participant: Participant, isCoordinator: Bool) -> Value {
        switch name {
        case "participant.id": return .text(participant.id.description)
        case "participant.phase": return .text(participant.phase.rawValue)
        case "participant.coordinator": return .bool(isCoordinator)
        default: return .null
        }
    }
}

/// Thrown by `TurnHost` when an action runs outside a write transaction: the assistant then
/// runs the turn again inside one.
struct ActionNeedsTransaction: Error {}
