import DialogEngine
import Foundation
import Twinning
import TwinStore
import TwinLanguage

/// The dialog engine's view of the assistant during one turn: host slots from the participant,
/// actions executed inside the turn's transaction.
struct TurnHost: DialogHost {
    let facts: ParticipantFacts
    /// The turn's write transaction; `nil` while the turn runs outside one, where any action
    /// sends the turn to the full path.
    let transaction: (any TwinTransaction)?
    let now: Date
    let explainer: MatchExplainer
    /// Whether the installation keeps raw conversation texts (`conversations.keep_texts`).
    var keepsTexts = false
    /// What the turn's actions ask of the assistant after the commit (an erasure); `nil` where
    /// no such work can follow (outside the full path).
    var effects: TurnEffects? = nil
    /// Every coordinator, and the bottleneck thresholds, for the coordinator's actions.
    var coordinators: Set<ParticipantID> = []
    var detector = BottleneckDetector()

    func hostSlot(_ name: String) -> Value {
        switch name {
        case "conversations.keep_texts": return .bool(keepsTexts)
        default: return facts.value(name)
        }
    }

    func statusContext(in language: Language) -> String? {
        PhaseText.place(facts.participant.phase, coordinator: facts.isCoordinator).text(in: language)
    }

    /// Whether the participant's partner in a running or closed trajectory was erased: the open
    /// pair holds an anonymous stand-in, or — for a trajectory that was closed — the participant
    /// is past phase 1 and their partner has no name any more (every partner of a pair had a
    /// profile when the pair was made).
    static func partnerLeft(_ facts: ParticipantFacts) -> Bool {
        if let partner = facts.activePair?.partner(of: facts.participant.id) { return partner.isErasedStandIn }
        return facts.participant.phase != .matching && !facts.isCoordinator && facts.partnerName == nil
    }

    func perform(_ call: ActionCall) throws -> ActionResult {
        guard let transaction else { throw ActionNeedsTransaction() }
        let id = facts.participant.id
        switch call.name {
        case "record_consent":
            return try ProfileActions.recordConsent(call, participant: id, in: transaction, now: now, keepsTexts: keepsTexts)
        case "save_profile":
            return try ProfileActions.saveProfile(call, participant: id, in: transaction, now: now)
        case "set_open_profile":
            return try ProfileActions.setOpenProfile(call, participant: id, in: transaction, now: now)
        default:
            // Coordinator actions check the role themselves: a participant gets a refusal.
            let coordination = CoordinatorActions.Context(
                caller: id, isCoordinator: facts.isCoordinator, coordinators: coordinators, tx: transaction, now: now,
                matching: MatchingCore(explainer: explainer, excluding: coordinators), detector: detector)
            if let result = try CoordinatorActions.perform(call, coordination) { return result }
            let context = MatchActions.Context(participant: id, transaction: transaction, now: now, explainer: explainer)
            if let result = try MatchActions.perform(call, context) { return result }
            if let result = try TrajectoryActions.perform(call, participant: id, tx: transaction, now: now) { return result }
            if let result = try SignalActions.perform(call, participant: id, tx: transaction, now: now) { return result }
            if let result = try ReportActions.perform(call, participant: id, tx: transaction, now: now,
                                                      labels: OptionLabels(program: explainer.program)) { return result }
            if let result = try DataRightsActions.perform(call, participant: id, tx: transaction, now: now, effects: effects) { return result }
            // The linter refuses dialogs with unknown actions, so only a host/interface mismatch
            // in this code can get here.
            throw DialogRuntimeError("the assistant has no action `\(call.name)`", dialog: "?", step: "?")
        }
    }
}

/// Thrown by `TurnHost` when an action runs outside a write transaction: the assistant then
/// runs the turn again inside one.
struct ActionNeedsTransaction: Error {}
