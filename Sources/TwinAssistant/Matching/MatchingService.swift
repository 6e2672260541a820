public import DialogEngine
import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// The coordinator's matching over the stored programme: who is in the pool, the proposals with
/// their explanations, and applying them as the coordinator's decision.
public struct MatchingService: Sendable {
    private let repository: any TwinRepository
    private let core: MatchingCore
    private var explainer: MatchExplainer { core.explainer }
    private let clock: any WallClock

    /// Creates the service; option labels for explanations come from `program`, related
    /// studies and target groups from `terms`; `coordinators` are never put in the pool.
    public init(repository: any TwinRepository, program: Program, terms: RelatedTerms = DialogLibrary.builtinTerms,
                clock: any WallClock = SystemClock(), coordinators: Set<ParticipantID> = []) {
        self.repository = repository
        self.core = MatchingCore(explainer: MatchExplainer(program: program, terms: terms), excluding: coordinators)
        self.clock = clock
    }

    /// A matching round's proposals, ready to show or to apply.
    public struct Proposal: Sendable {
        /// How the pool was paired.
        public var method: MatchingMethod
        /// The round's result.
        public var result: MatchingRound.Result
        /// Pairs that already exist (proposed after a mutual like, or confirmed) and stay as they are.
        public var existingPairs: [Pair]
        /// Everyone's name, for the explanations.
        public var names: [ParticipantID: String]
    }

    /// Proposes pairs for every unmatched participant.
    public func propose(method: MatchingMethod) async throws -> Proposal {
        let core = self.core
        return try await repository.read { reader in try core.propose(method: method, in: reader) }
    }

    /// Confirms `proposal` as the coordinator's decision: the pairs are created confirmed, both
    /// partners move to phase 2, and the events are recorded — all in one transaction. A pair
    /// of which either partner was paired meanwhile is skipped. With an `actor`, the same
    /// transaction writes one audit entry per partner (`match.apply`), as a coordinator's choice
    /// in the chat does.
    ///
    /// - Returns: the pairs created.
    public func apply(_ proposal: Proposal, actor: String? = nil) async throws -> [Pair] {
        let now = clock.now(), core = self.core
        let requested = proposal.result.proposals.map { ($0.teacher, $0.professional) }
        return try await repository.transaction { tx in
            let source = "from a \(proposal.method.rawValue) round with jobtwin match --apply"
            return try core.apply(requested, in: tx, now: now, audit: actor.map { ($0, source) }).created
        }
    }

    /// Excludes a pair from every later round (a coordinator's decision). With an `actor`, the
    /// same transaction writes one audit entry per participant (`match.exclude`).
    public func exclude(_ a: ParticipantID, _ b: ParticipantID, actor: String? = nil) async throws {
        let now = clock.now(), core = self.core
        try await repository.transaction { tx in
            try core.exclude(a, b, in: tx, now: now)
            if let actor {
                for (me, other) in [(a, b), (b, a)] {
                    try tx.audit(AuditEntry(at: now, actor: actor, action: "match.exclude", subject: me.description,
                                            detail: "excluded from pairing with \(other)"))
                }
            }
        }
    }

    /// Why `a` and `b` are — or are not — proposed as a pair: their score and its reasons, or the
    /// constraint that forbids them, and whom each got instead.
    public func whyNot(_ a: ParticipantID, _ b: ParticipantID, method: MatchingMethod, language: Language) async throws -> String {
        let core = self.core
        return try await repository.read { reader in try core.whyNot(a, b, method: method, language: language, in: reader) }
    }

    /// The proposal as text for the coordinator.
    public func render(_ proposal: Proposal, language: Language) -> String {
        func name(_ id: ParticipantID) -> String { proposal.names[id] ?? StandInText.name(id, in: language) }
        var lines: [String] = []
        lines.append(language.text(nl: "Methode: ", en: "Method: ") + (proposal.method == .optimal ? language.text(nl: "optimale toewijzing", en: "optimal assignment") : language.text(nl: "stabiele matching", en: "stable matching")))
        lines.append(language.text(nl: "Totaalscore: ", en: "Total score: ") + Value.format(proposal.result.total, in: language))
        for score in proposal.result.proposals {
            lines.append("")
            lines.append("\(name(score.teacher)) (\(score.teacher)) ↔ \(name(score.professional)) (\(score.professional))  score \(Value.format(score.total, in: language))")
            lines += explainer.lines(score, names: proposal.names, language: language).map { "    " + $0 }
        }
        if !proposal.existingPairs.isEmpty {
            lines.append("")
            lines.append(language.text(nl: "Bestaande duo's (blijven zoals ze zijn):", en: "Existing pairs (stay as they are):"))
            for pair in proposal.existingPairs {
                lines.append("  \(name(pair.teacher)) ↔ \(name(pair.professional)) — \(pair.status.rawValue), \(pair.origin.rawValue)")
            }
        }
        let unmatched = proposal.result.unmatchedTeachers + proposal.result.unmatchedProfessionals
        if !unmatched.isEmpty {
            lines.append("")
            lines.append(language.text(nl: "Zonder partner in deze ronde: ", en: "Without a partner in this round: ") + unmatched.map(name).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The proposal as JSON for scripts.
    public func json(_ proposal: Proposal, language: Language, applied: Bool) throws -> String {
        struct Contribution: Encodable { var criterion: String; var points: Double; var text: String }
        struct Entry: Encodable {
            var teacher: String; var teacher_name: String; var professional: String; var professional_name: String
            var score: Double; var contributions: [Contribution]
        }
        struct Existing: Encodable { var teacher: String; var professional: String; var status: String; var origin: String }
        struct Unmatched: Encodable { var teachers: [String]; var professionals: [String] }
        struct Output: Encodable {
            var method: String; var total: Double; var applied: Bool; var pairs: [Entry]; var existing: [Existing]; var unmatched: Unmatched
        }
        let entries = proposal.result.proposals.map { score in
            let texts = explainer.lines(score, names: proposal.names, language: language)
            return Entry(teacher: score.teacher.description, teacher_name: proposal.names[score.teacher] ?? "",
                         professional: score.professional.description, professional_name: proposal.names[score.professional] ?? "",
                         score: score.total,
                         contributions: zip(score.contributions, texts).map {
                             Contribution(criterion: $0.0.criterion.rawValue, points: $0.0.points,
                                          text: String($0.1.drop { $0 != " " }.drop { $0 == " " }))
                         })
        }
        let output = Output(
            method: proposal.method.rawValue, total: proposal.result.total, applied: applied, pairs: entries,
            existing: proposal.existingPairs.map { Existing(teacher: $0.teacher.description, professional: $0.professional.description,
                                                              status: $0.status.rawValue, origin: $0.origin.rawValue) },
            unmatched: Unmatched(teachers: proposal.result.unmatchedTeachers.map(\.description),
                                 professionals: proposal.result.unmatchedProfessionals.map(\.description)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
