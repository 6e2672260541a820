import DialogEngine
import Twinning
import TwinStore

/// What the dialogs may know about the participant at the start of a turn — the values of the
/// read-only slots the assistant provides (`JobTwinInterface.hostSlots`).
struct ParticipantFacts: Sendable {
    var participant: Participant
    var isCoordinator: Bool
    var profileOpen: Bool
    var activePair: Pair?
    var partnerName: String?

    /// Reads the facts of `participant` from the store.
    static func load(_ participant: Participant, isCoordinator: Bool, from reader: any TwinReader) throws -> ParticipantFacts {
        let profile = try reader.profile(participant.id)
        let pair = try reader.pairs(of: participant.id).first(where: \.isActive)
        let partnerName = try pair.flatMap { $0.partner(of: participant.id) }.flatMap { try reader.profile($0)?.name }
        return ParticipantFacts(participant: participant, isCoordinator: isCoordinator, profileOpen: profile?.isOpen ?? false,
                                activePair: pair, partnerName: partnerName)
    }

    /// The value of a host slot.
    func value(_ slot: String) -> Value {
        switch slot {
        case "participant.id": return .text(participant.id.description)
        case "participant.phase": return .text(participant.phase.rawValue)
        case "participant.coordinator": return .bool(isCoordinator)
        case "participant.open_profile": return .bool(profileOpen)
        case "match.status": return .text(activePair?.status.rawValue ?? "none")
        case "match.awaiting_confirmation": return .bool(activePair?.awaitsConfirmation(from: participant.id) ?? false)
        case "match.partner_name": return partnerName.map(Value.text) ?? .null
        default: return .null
        }
    }
}
