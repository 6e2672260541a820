public import DialogEngine
public import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// The coordinator's matching as synchronous steps inside a transaction (or a read view) the
/// caller holds: the pool, the proposals, applying chosen pairs, exclusions and why-not.
///
/// `MatchingService` (the `jobtwin match` command) wraps each step in a transaction of its own;
/// a coordinator's action in the chat runs it inside the turn's transaction, so that what it
/// changes, its audit entry and the conversation state commit together.
public struct MatchingCore: Sendable {
    /// Puts scores and constraints into words.
    public let explainer: MatchExplainer
    /// Who is never in the pool: the coordinators, who take no part in the programme (even one
    /// who once filled in a profile).
    public let excluding: Set<ParticipantID>

    /// Creates the core; option labels for explanations come from `program`; `excluding` (the
    /// coordinators) are never matched.
    public init(program: Program, excluding: Set<ParticipantID> = []) {
        self.init(explainer: MatchExplainer(program: program), excluding: excluding)
    }

    /// Creates the core with an explainer; `excluding` (the coordinators) are never matched.
    public init(explainer: MatchExplainer, excluding: Set<ParticipantID> = []) {
        self.explainer = explainer
        self.excluding = excluding
    }

    /// The pool of a round: participants in phase 1 with a profile and no pair (coordinators
    /// left out), the
    /// constraints, the pairs that stay as they are, and everyone's name.
    public struct Pool: Sendable {
        /// The round over the pool.
        public var round: MatchingRound
        /// Pairs that already exist (proposed after a mutual like, or confirmed).
        public var existingPairs: [Pair]
        /// Every profile's name.
        public var names: [ParticipantID: String]
    }

    /// One requested pair that was not made, and why.
    public struct Skipped: Sendable, Hashable {
        /// Why a pair could not be made any more.
        public enum Reason: Sendable, Hashable {
            /// One of them is no longer in the pool (paired meanwhile, moved on, no profile).
            case notInPool
            /// One of them was already given a partner earlier in the same request.
            case pairedInThisRound
            /// A hard constraint forbids the pair now (an exclusion made meanwhile, say).
            case ineligible(Ineligibility)
        }
        /// The first of the two, as requested.
        public var first: ParticipantID
        /// The second of the two, as requested.
        public var second: ParticipantID
        /// Why.
        public var reason: Reason
    }

    /// What applying a list of pairs did.
    public struct Applied: Sendable {
        /// The pairs created, confirmed, in the order requested.
        public var created: [Pair]
        /// The requested pairs that were no longer possible.
        public var skipped: [Skipped]
    }

    /// Reads the pool.
    public func pool(in reader: any TwinReader) throws -> Pool {
        let pairs = try reader.allPairs()
        let paired = Set(pairs.filter(\.isActive).flatMap { [$0.teacher, $0.professional] })
        var candidates: [MatchCandidate] = []
        var names: [ParticipantID: String] = [:]
        for (id, profile) in try reader.profiles() {
            names[id] = profile.name
            guard !paired.contains(id), !excluding.contains(id), try reader.participant(id)?.phase == .matching else { continue }
            candidates.append(MatchCandidate(id: id, profile: profile))
        }
        let constraints = MatchConstraints(
            exclusions: try reader.exclusions(),
            previousPairs: Set(pairs.filter { !$0.isActive }.map { [$0.teacher, $0.professional] }))
        return Pool(round: MatchingRound(candidates: candidates, constraints: constraints, scorer: explainer.scorer), existingPairs: pairs.filter(\.isActive), names: names)
    }

    /// Proposes pairs for every unmatched participant.
    public func propose(method: MatchingMethod, in reader: any TwinReader) throws -> MatchingService.Proposal {
        let pool = try pool(in: reader)
        return MatchingService.Proposal(method: method, result: pool.round.solve(method), existingPairs: pool.existingPairs, names: pool.names)
    }

    /// Confirms exactly `requested` (in either order of teacher and professional) as the
    /// coordinator's decision: each pair is created confirmed and both partners move to phase 2
    /// with the events recorded. A pair that is no longer possible — either partner paired or
    /// gone meanwhile, a constraint that now forbids it — is skipped and reported, never
    /// replaced by another. With `audit`, the same transaction writes one `match.apply` entry
    /// per partner and one `match.apply.skipped` per skipped pair, by `actor`, saying `source`.
    public func apply(_ requested: [(ParticipantID, ParticipantID)], in tx: any TwinTransaction, now: Date,
                      audit: (actor: String, source: String)? = nil) throws -> Applied {
        let round = try pool(in: tx).round
        var applied = Applied(created: [], skipped: [])
        var taken: Set<ParticipantID> = []
        for (first, second) in requested {
            func skip(_ reason: Skipped.Reason) { applied.skipped.append(Skipped(first: first, second: second, reason: reason)) }
            guard !taken.contains(first), !taken.contains(second) else { skip(.pairedInThisRound); continue }
            guard let (score, ineligibility) = round.explain(first, second) else { skip(.notInPool); continue }
            if let ineligibility { skip(.ineligible(ineligibility)); continue }
            guard let score else { skip(.notInPool); continue }
            let pair = Pair(id: UUID().uuidString.lowercased(), teacher: score.teacher, professional: score.professional,
                            origin: .coordinator, status: .confirmed, score: score.total, proposedAt: now,
                            teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now)
            try tx.save(pair)
            try PairConfirmation.start(pair, at: now, in: tx)
            taken.formUnion([first, second])
            applied.created.append(pair)
        }
        if let audit {
            // One entry per person, so that each one's audit trail is complete on its own.
            for pair in applied.created {
                for (me, other) in [(pair.teacher, pair.professional), (pair.professional, pair.teacher)] {
                    try tx.audit(AuditEntry(at: now, actor: audit.actor, action: "match.apply", subject: me.description,
                                            detail: "paired with \(other) (pair \(pair.id)), confirmed \(audit.source)"))
                }
            }
            for skip in applied.skipped {
                try tx.audit(AuditEntry(at: now, actor: audit.actor, action: "match.apply.skipped", subject: skip.first.description,
                                        detail: "not paired with \(skip.second): \(describe(skip.reason, language: .en))"))
            }
        }
        return applied
    }

    /// Excludes a pair from every later round (a coordinator's decision).
    public func exclude(_ a: ParticipantID, _ b: ParticipantID, in tx: any TwinTransaction, now: Date) throws {
        try tx.addExclusion(a, b, at: now)
    }

    /// Why a requested pair was skipped, in words.
    public func describe(_ reason: Skipped.Reason, language: Language) -> String {
        switch reason {
        case .notInPool:
            return language.text(nl: "niet meer allebei in de pool (een van beiden heeft inmiddels een duo of geen profiel)", en: "no longer both in the pool (one of them has a pair by now, or no profile)")
        case .pairedInThisRound:
            return language.text(nl: "een van beiden is in deze ronde al gekoppeld", en: "one of them was already paired in this round")
        case .ineligible(let ineligibility):
            return explainer.ineligibility(ineligibility, language: language)
        }
    }

    /// Why `a` and `b` are — or are not — proposed as a pair: their score and its reasons, or the
    /// constraint that forbids them, and whom each got instead.
    public func whyNot(_ a: ParticipantID, _ b: ParticipantID, method: MatchingMethod, language: Language,
                       in reader: any TwinReader) throws -> String {
        let pool = try pool(in: reader)
        let round = pool.round, names = pool.names
        func name(_ id: ParticipantID) -> String { names[id].map { "\($0) (\(id))" } ?? id.description }
        guard let (score, ineligibility) = round.explain(a, b) else {
            return language.text(nl: "\(name(a)) en \(name(b)) zitten niet allebei in de pool (een profiel, fase matching, nog geen duo).", en: "\(name(a)) and \(name(b)) are not both in the pool (a profile, phase matching, no pair yet).")
        }
        if let ineligibility {
            return language.text(nl: "\(name(a)) en \(name(b)) kunnen geen duo vormen: ", en: "\(name(a)) and \(name(b)) cannot be paired: ")
                + explainer.ineligibility(ineligibility, language: language) + "."
        }
        guard let score else { return "" }
        var lines = [language.text(nl: "Score van \(name(a)) en \(name(b)): ", en: "Score of \(name(a)) and \(name(b)): ") + Value.format(score.total, in: language)]
        lines += explainer.lines(score, names: names, language: language).map { "  " + $0 }
        let result = round.solve(method)
        if result.proposals.contains(where: { $0.teacher == score.teacher && $0.professional == score.professional }) {
            lines.append(language.text(nl: "Dit duo wordt voorgesteld.", en: "This pair is proposed."))
            return lines.joined(separator: "\n")
        }
        for id in [score.teacher, score.professional] {
            if let other = result.proposals.first(where: { $0.teacher == id || $0.professional == id }) {
                let partner = other.teacher == id ? other.professional : other.teacher
                lines.append(language.text(nl: "\(name(id)) krijgt in plaats daarvan \(name(partner)) (score \(Value.format(other.total, in: language))).", en: "\(name(id)) gets \(name(partner)) instead (score \(Value.format(other.total, in: language)))."))
            } else {
                lines.append(language.text(nl: "\(name(id)) krijgt in deze ronde geen partner.", en: "\(name(id)) gets no partner in this round."))
            }
        }
        lines.append(method == .optimal
            ? language.text(nl: "Samen leveren die duo's een hogere totaalscore op dan met dit duo.", en: "Together those pairs give a higher total score than with this pair.")
            : language.text(nl: "In een stabiele matching heeft minstens één van beiden een partner die hij of zij hoger rangschikt.", en: "In a stable matching at least one of them has a partner they rank higher."))
        return lines.joined(separator: "\n")
    }
}
