import DialogEngine
import Foundation
import Twinning
import TwinStore

/// The coordinator's matching over the stored programme: who is in the pool, the proposals with
/// their explanations, and applying them as the coordinator's decision.
public struct MatchingService: Sendable {
    private let repository: any TwinRepository
    private let explainer: MatchExplainer
    private let clock: any Clock

    /// Creates the service; option labels for explanations come from `program`.
    public init(repository: any TwinRepository, program: Program, clock: any Clock = SystemClock()) {
        self.repository = repository
        self.explainer = MatchExplainer(program: program)
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

    /// The pool (participants in phase 1 with a profile and no pair) and its constraints.
    private func round() async throws -> (MatchingRound, [Pair], [ParticipantID: String]) {
        try await repository.read { reader in
            let pairs = try reader.allPairs()
            let paired = Set(pairs.filter(\.isActive).flatMap { [$0.teacher, $0.professional] })
            var candidates: [MatchCandidate] = []
            var names: [ParticipantID: String] = [:]
            for (id, profile) in try reader.profiles() {
                names[id] = profile.name
                guard !paired.contains(id), try reader.participant(id)?.phase == .matching else { continue }
                candidates.append(MatchCandidate(id: id, profile: profile))
            }
            let constraints = MatchConstraints(
                exclusions: try reader.exclusions(),
                previousPairs: Set(pairs.filter { !$0.isActive }.map { [$0.teacher, $0.professional] }))
            return (MatchingRound(candidates: candidates, constraints: constraints), pairs.filter(\.isActive), names)
        }
    }

    /// Proposes pairs for every unmatched participant.
    public func propose(method: MatchingMethod) async throws -> Proposal {
        let (round, existing, names) = try await round()
        return Proposal(method: method, result: round.solve(method), existingPairs: existing, names: names)
    }

    /// Confirms `proposal` as the coordinator's decision: the pairs are created confirmed, both
    /// partners move to phase 2, and the events are recorded — all in one transaction. A pair
    /// of which either partner was paired meanwhile is skipped.
    ///
    /// - Returns: the pairs created.
    public func apply(_ proposal: Proposal) async throws -> [Pair] {
        let now = clock.now()
        let proposals = proposal.result.proposals
        return try await repository.transaction { tx in
            var created: [Pair] = []
            for score in proposals {
                let busy = try tx.pairs(of: score.teacher).contains(where: \.isActive)
                    || tx.pairs(of: score.professional).contains(where: \.isActive)
                guard !busy else { continue }
                let pair = Pair(id: UUID().uuidString.lowercased(), teacher: score.teacher, professional: score.professional,
                                origin: .coordinator, status: .confirmed, score: score.total, proposedAt: now,
                                teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now)
                try tx.save(pair)
                try PairConfirmation.start(pair, at: now, in: tx)
                created.append(pair)
            }
            return created
        }
    }

    /// Excludes a pair from every later round (a coordinator's decision).
    public func exclude(_ a: ParticipantID, _ b: ParticipantID) async throws {
        let now = clock.now()
        try await repository.transaction { tx in try tx.addExclusion(a, b, at: now) }
    }

    /// Why `a` and `b` are — or are not — proposed as a pair: their score and its reasons, or the
    /// constraint that forbids them, and whom each got instead.
    public func whyNot(_ a: ParticipantID, _ b: ParticipantID, method: MatchingMethod, language: Language) async throws -> String {
        let (round, _, names) = try await round()
        let nl = language == .nl
        func name(_ id: ParticipantID) -> String { names[id].map { "\($0) (\(id))" } ?? id.description }
        guard let (score, ineligibility) = round.explain(a, b) else {
            return nl ? "\(name(a)) en \(name(b)) zitten niet allebei in de pool (een profiel, fase matching, nog geen duo)."
                      : "\(name(a)) and \(name(b)) are not both in the pool (a profile, phase matching, no pair yet)."
        }
        if let ineligibility {
            return (nl ? "\(name(a)) en \(name(b)) kunnen geen duo vormen: " : "\(name(a)) and \(name(b)) cannot be paired: ")
                + explainer.ineligibility(ineligibility, language: language) + "."
        }
        guard let score else { return "" }
        var lines = [(nl ? "Score van \(name(a)) en \(name(b)): " : "Score of \(name(a)) and \(name(b)): ") + Value.format(score.total, in: language)]
        lines += explainer.lines(score, names: names, language: language).map { "  " + $0 }
        let result = round.solve(method)
        if result.proposals.contains(where: { $0.teacher == score.teacher && $0.professional == score.professional }) {
            lines.append(nl ? "Dit duo wordt voorgesteld." : "This pair is proposed.")
            return lines.joined(separator: "\n")
        }
        for id in [score.teacher, score.professional] {
            if let other = result.proposals.first(where: { $0.teacher == id || $0.professional == id }) {
                let partner = other.teacher == id ? other.professional : other.teacher
                lines.append(nl ? "\(name(id)) krijgt in plaats daarvan \(name(partner)) (score \(Value.format(other.total, in: language)))."
                                : "\(name(id)) gets \(name(partner)) instead (score \(Value.format(other.total, in: language))).")
            } else {
                lines.append(nl ? "\(name(id)) krijgt in deze ronde geen partner." : "\(name(id)) gets no partner in this round.")
            }
        }
        lines.append(method == .optimal
            ? (nl ? "Samen leveren die duo's een hogere totaalscore op dan met dit duo." : "Together those pairs give a higher total score than with this pair.")
            : (nl ? "In een stabiele matching heeft minstens één van beiden een partner die hij of zij hoger rangschikt." : "In a stable matching at least one of them has a partner they rank higher."))
        return lines.joined(separator: "\n")
    }

    /// The proposal as text for the coordinator.
    public func render(_ proposal: Proposal, language: Language) -> String {
        let nl = language == .nl
        func name(_ id: ParticipantID) -> String { proposal.names[id] ?? id.description }
        var lines: [String] = []
        lines.append((nl ? "Methode: " : "Method: ") + (proposal.method == .optimal ? (nl ? "optimale toewijzing" : "optimal assignment") : (nl ? "stabiele matching" : "stable matching")))
        lines.append((nl ? "Totaalscore: " : "Total score: ") + Value.format(proposal.result.total, in: language))
        for score in proposal.result.proposals {
            lines.append("")
            lines.append("\(name(score.teacher)) (\(score.teacher)) ↔ \(name(score.professional)) (\(score.professional))  score \(Value.format(score.total, in: language))")
            lines += explainer.lines(score, names: proposal.names, language: language).map { "    " + $0 }
        }
        if !proposal.existingPairs.isEmpty {
            lines.append("")
            lines.append(nl ? "Bestaande duo's (blijven zoals ze zijn):" : "Existing pairs (stay as they are):")
            for pair in proposal.existingPairs {
                lines.append("  \(name(pair.teacher)) ↔ \(name(pair.professional)) — \(pair.status.rawValue), \(pair.origin.rawValue)")
            }
        }
        let unmatched = proposal.result.unmatchedTeachers + proposal.result.unmatchedProfessionals
        if !unmatched.isEmpty {
            lines.append("")
            lines.append((nl ? "Zonder partner in deze ronde: " : "Without a partner in this round: ") + unmatched.map(name).joined(separator: ", "))
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
