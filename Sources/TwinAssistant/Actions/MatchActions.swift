import DialogEngine
public import Foundation
public import Twinning
public import TwinStore
import TwinLanguage

/// The actions of open matching ("Job Tinder") and of confirming a proposed match.
enum MatchActions {
    /// What every match action works with.
    struct Context {
        let participant: ParticipantID
        let transaction: any TwinTransaction
        let now: Date
        let explainer: MatchExplainer
    }

    static let signatures: [ActionSignature] = [
        ActionSignature(
            name: "next_profile",
            summary: "Shows the best-scored profile the participant has not judged yet in open matching; returns its participant id, or nothing when there is none.",
            parameters: [], result: .text),
        ActionSignature(
            name: "judge_profile",
            summary: "Records a like (true) or a pass (false) of a shown profile; returns true when the like is mutual, which proposes the match to both.",
            parameters: [.init("candidate", .text), .init("like", .bool)], result: .bool),
        ActionSignature(
            name: "show_match_proposal",
            summary: "Shows the proposed partner and why the match fits; returns true when the participant still has to confirm it.",
            parameters: [], result: .bool),
        ActionSignature(
            name: "answer_match",
            summary: "Confirms (true) or declines (false) the proposed match; returns confirmed, waiting (for the partner) or declined.",
            parameters: [.init("accept", .bool)], result: .text),
    ]

    /// Runs a match action; `nil` when `call` is not one of them.
    static func perform(_ call: ActionCall, _ context: Context) throws -> ActionResult? {
        switch call.name {
        case "next_profile": return try nextProfile(call, context)
        case "judge_profile": return try judgeProfile(call, context)
        case "show_match_proposal": return try showProposal(call, context)
        case "answer_match": return try answerMatch(call, context)
        default: return nil
        }
    }

    // MARK: - Open matching

    /// The matching pool as the domain sees it: every profile, who is paired, the constraints.
    private struct Pool {
        var candidates: [ParticipantID: MatchCandidate]
        var paired: Set<ParticipantID>
        var constraints: MatchConstraints

        init(_ tx: any TwinTransaction) throws {
            var candidates: [ParticipantID: MatchCandidate] = [:]
            for (id, profile) in try tx.profiles() { candidates[id] = MatchCandidate(id: id, profile: profile) }
            let pairs = try tx.allPairs()
            self.candidates = candidates
            paired = Set(pairs.filter(\.isActive).flatMap { [$0.teacher, $0.professional] })
            constraints = MatchConstraints(
                exclusions: try tx.exclusions(),
                previousPairs: Set(pairs.filter { !$0.isActive }.map { [$0.teacher, $0.professional] }))
        }

        var names: [ParticipantID: String] { candidates.mapValues(\.profile.name) }
    }

    private static func nextProfile(_ call: ActionCall, _ context: Context) throws -> ActionResult {
        let pool = try Pool(context.transaction)
        guard let viewer = pool.candidates[context.participant] else {
            return ActionResult(messages: [OutputMessage(.warning, MatchText.noProfile)])
        }
        guard viewer.profile.isOpen else {
            return ActionResult(messages: [OutputMessage(.info, MatchText.openFirst)])
        }
        let open = OpenMatching(scorer: context.explainer.scorer, constraints: pool.constraints)
        let judged = try context.transaction.judged(by: context.participant)
        guard let best = open.candidates(for: viewer, pool: Array(pool.candidates.values), paired: pool.paired, judged: judged).first else {
            return ActionResult(messages: [OutputMessage(.info, MatchText.noMoreProfiles)])
        }
        let otherID = best.teacher == viewer.id ? best.professional : best.teacher
        guard let other = pool.candidates[otherID] else { return ActionResult() }
        let card = LocalizedText { language in
            MatchText.card(other.profile, score: best, viewer: viewer.id, names: pool.names, explainer: context.explainer, language: language)
        }
        return ActionResult(value: .text(otherID.description), messages: [OutputMessage(.summary, card)])
    }

    private static func judgeProfile(_ call: ActionCall, _ context: Context) throws -> ActionResult {
        guard let text = call["candidate"].textValue, let candidateID = ParticipantID(text) else { return ActionResult(value: .bool(false)) }
        let liked = call["like"].boolValue ?? false
        let tx = context.transaction
        let pool = try Pool(tx)
        guard let viewer = pool.candidates[context.participant], let candidate = pool.candidates[candidateID],
              OpenMatching(scorer: context.explainer.scorer, constraints: pool.constraints).mayView(viewer, candidate, paired: pool.paired) else {
            // Consent withdrawn or matched meanwhile: the profile is gone, and nothing is stored.
            return ActionResult(value: .bool(false), messages: [OutputMessage(.info, MatchText.profileGone)])
        }
        try tx.saveLike(from: viewer.id, to: candidate.id, liked: liked, at: context.now)
        guard liked, try tx.like(from: candidate.id, to: viewer.id) == true else { return ActionResult(value: .bool(false)) }
        let score = viewer.profile.side == .teacher
            ? context.explainer.scorer.score(teacher: viewer, professional: candidate)
            : context.explainer.scorer.score(teacher: candidate, professional: viewer)
        let pair = Pair(id: UUID().uuidString.lowercased(), teacher: score.teacher, professional: score.professional,
                        origin: .mutualLike, status: .proposed, score: score.total, proposedAt: context.now)
        try tx.save(pair)
        try tx.record(ProgrammeEvent(kind: .matchMutualLike, participants: [pair.teacher, pair.professional], pairID: pair.id, occurredAt: context.now))
        try tx.record(ProgrammeEvent(kind: .matchProposed, participants: [pair.teacher, pair.professional], pairID: pair.id, occurredAt: context.now))
        return ActionResult(value: .bool(true), messages: [OutputMessage(.info, MatchText.mutualLike(candidate.profile.name))])
    }

    // MARK: - Confirming a proposal

    private static func showProposal(_ call: ActionCall, _ context: Context) throws -> ActionResult {
        let tx = context.transaction
        guard let pair = try tx.pairs(of: context.participant).first(where: { $0.status == .proposed }),
              let partnerID = pair.partner(of: context.participant), let partner = try tx.profile(partnerID),
              let own = try tx.profile(context.participant) else {
            return ActionResult(value: .bool(false), messages: [OutputMessage(.info, MatchText.noProposal)])
        }
        let me = MatchCandidate(id: context.participant, profile: own)
        let them = MatchCandidate(id: partnerID, profile: partner)
        let scorer = context.explainer.scorer
        let score = own.side == .teacher ? scorer.score(teacher: me, professional: them) : scorer.score(teacher: them, professional: me)
        let names = [context.participant: own.name, partnerID: partner.name]
        let card = LocalizedText { language in
            MatchText.card(partner, score: score, viewer: context.participant, names: names, explainer: context.explainer, language: language)
        }
        let waiting = pair.awaitsConfirmation(from: context.participant)
        var messages = [OutputMessage(.summary, card)]
        if !waiting { messages.append(OutputMessage(.info, MatchText.waitingForPartner(partner.name))) }
        return ActionResult(value: .bool(waiting), messages: messages)
    }

    private static func answerMatch(_ call: ActionCall, _ context: Context) throws -> ActionResult {
        let tx = context.transaction
        guard var pair = try tx.pairs(of: context.participant).first(where: { $0.status == .proposed }),
              let partnerID = pair.partner(of: context.participant) else {
            return ActionResult(value: .text("none"), messages: [OutputMessage(.info, MatchText.noProposal)])
        }
        let partnerName = try tx.profile(partnerID)?.name ?? partnerID.description
        guard call["accept"].boolValue == true else {
            pair.status = .declined
            try tx.save(pair)
            return ActionResult(value: .text("declined"), messages: [OutputMessage(.info, MatchText.declined)])
        }
        pair.confirm(by: context.participant, at: context.now)
        try tx.save(pair)
        guard pair.status == .confirmed else {
            return ActionResult(value: .text("waiting"), messages: [OutputMessage(.info, MatchText.waitingForPartner(partnerName))])
        }
        try PairConfirmation.start(pair, at: context.now, in: tx)
        return ActionResult(value: .text("confirmed"), messages: [OutputMessage(.info, MatchText.confirmed(partnerName))])
    }
}

/// What happens when a pair is confirmed, whoever confirmed it (both partners in the chat, or a
/// coordinator with `jobtwin match --apply`): both move to phase 2 and the events are recorded
/// in the same transaction.
public enum PairConfirmation {
    /// Moves both partners of the confirmed `pair` to `kennismaking` and records the events.
    public static func start(_ pair: Pair, at now: Date, in tx: any TwinTransaction) throws {
        for id in [pair.teacher, pair.professional] { try tx.setPhase(.kennismaking, for: id) }
        try tx.record(ProgrammeEvent(kind: .matchConfirmed, participants: [pair.teacher, pair.professional], pairID: pair.id, occurredAt: now))
        try tx.record(ProgrammeEvent(kind: .phaseCompleted, participants: [pair.teacher, pair.professional], pairID: pair.id, occurredAt: now))
    }
}
