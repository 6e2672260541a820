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
    /// `none`, `awaiting_me`, `awaiting_partner` or `fixed`.
    var planStatus: String = "none"
    var activityAwaitingConfirmation = false
    /// Whether the participant did the context check; read only in phases 2 and 3, where the
    /// menu offers it.
    var contextChecked = false
    /// `none`, `started` or `finished`.
    var evaluationStatus: String = "none"

    /// Reads the facts of `participant` from the store.
    static func load(_ participant: Participant, isCoordinator: Bool, from reader: any TwinReader) throws -> ParticipantFacts {
        let pairs = try reader.pairs(of: participant.id)
        let pair = pairs.first(where: \.isActive)
        // Read on every turn (inside the single writer for a cached conversation), so only the
        // columns the slots need are read, never whole records.
        let partnerName = try pair.flatMap { $0.partner(of: participant.id) }.flatMap { try reader.profileName($0) }
        // Invited to the web as a coordinator (`invite --coordinator`) counts as the configuration's
        // list does; only a web participant can have been.
        let coordinator = try isCoordinator || (participant.id.channel == Invitations.channel && reader.isWebCoordinator(participant.id))
        var facts = ParticipantFacts(participant: participant, isCoordinator: coordinator, profileOpen: try reader.isProfileOpen(participant.id),
                                     activePair: pair, partnerName: partnerName)
        if let pair = pairs.first(where: { $0.status == .confirmed || $0.status == .closed }),
           let partner = pair.partner(of: participant.id) {
            if let plan = try reader.plan(of: pair.id) {
                let mine = plan.isConfirmed(by: participant.id), theirs = plan.isConfirmed(by: partner)
                facts.planStatus = mine && theirs ? "fixed" : (mine ? "awaiting_partner" : "awaiting_me")
            }
            facts.activityAwaitingConfirmation = try reader.hasUnconfirmedActivity(of: pair.id, loggedBy: partner)
            if let finished = try reader.evaluationFinished(of: participant.id, pairID: pair.id) {
                facts.evaluationStatus = finished ? "finished" : "started"
            }
            if facts.partnerName == nil { facts.partnerName = try reader.profileName(partner) }
            if participant.phase == .kennismaking || participant.phase == .activiteiten {
                facts.contextChecked = try reader.hasContextCheck(participant.id)
            }
        }
        return facts
    }

    /// Whether every host slot has the same value under `other` — then a turn computed with
    /// these facts is exactly the turn it would be with `other`.
    func sameSlots(as other: ParticipantFacts) -> Bool {
        Self.slotNames.allSatisfy { value($0) == other.value($0) }
    }

    private static let slotNames = Array(JobTwinInterface.hostSlots.keys)

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
        case "match.partner_left": return .bool(TurnHost.partnerLeft(self))
        case "plan.status": return .text(planStatus)
        case "activity.awaiting_my_confirmation": return .bool(activityAwaitingConfirmation)
        case "context.checked": return .bool(contextChecked)
        case "evaluation.status": return .text(evaluationStatus)
        default: return .null
        }
    }
}
