import DialogEngine
public import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// The coordinator's working overview: every pair by phase with its progress against the plan,
/// the choices kept against the guideline with their reasons, and the open bottlenecks with the
/// programme guide's mitigations. Unlike the programme report it names people: it is for the coordinator.
public struct CoordinatorOverview: Sendable {
    private let repository: any TwinRepository
    private let clock: any WallClock
    private let detector: BottleneckDetector
    private let hiding: Set<ParticipantID>

    /// Creates the overview; the participants in `hiding` (the coordinators, who have a
    /// conversation but take no part) are not listed as unpaired, nor are those invited as a
    /// coordinator (`jobtwin invite --coordinator`).
    public init(repository: any TwinRepository, clock: any WallClock = SystemClock(), detector: BottleneckDetector = BottleneckDetector(),
                hiding: Set<ParticipantID> = []) {
        self.repository = repository
        self.clock = clock
        self.detector = detector
        self.hiding = hiding
    }

    /// The overview now (after a bottleneck scan).
    public func document(language: Language) async throws -> ReportDocument {
        let now = clock.now(), detector = self.detector, hiding = self.hiding
        return try await repository.transaction { tx in
            try Self.document(language: language, in: tx, now: now, detector: detector, hiding: hiding)
        }
    }

    /// The overview inside a transaction the caller holds (a coordinator's turn in the chat):
    /// scans for bottlenecks first, then reads every pair.
    public static func document(language: Language, in tx: any TwinTransaction, now: Date,
                                detector: BottleneckDetector = BottleneckDetector(), hiding: Set<ParticipantID> = []) throws -> ReportDocument {
        _ = try BottleneckScan.scan(in: tx, detector: detector, now: now)
        struct Row { var pair: Pair; var phase: Phase?; var plan: Plan?; var activities: [Activity]; var bottlenecks: [Bottleneck] }
        let names = Dictionary(uniqueKeysWithValues: try tx.profiles().map { ($0.0, $0.1.name) })
        var rows: [Row] = []
        for pair in try tx.allPairs() where pair.status != .declined {
            rows.append(Row(pair: pair, phase: try tx.participant(pair.memberTakingPart)?.phase, plan: try tx.plan(of: pair.id),
                            activities: try tx.activities(of: pair.id), bottlenecks: try tx.openBottlenecks(of: pair.id)))
        }
        let paired = Set(rows.filter { $0.pair.isActive || $0.pair.status == .closed }.flatMap { [$0.pair.teacher, $0.pair.professional] })
        // Coordinators take no part: those of the configuration (`hiding`) and those invited as one.
        let unmatched = try tx.participants().filter {
            try $0.phase == .matching && !paired.contains($0.id) && !hiding.contains($0.id) && !tx.isWebCoordinator($0.id)
        }
            .map { participant -> String in
                guard let name = names[participant.id] else { return participant.id.description }
                return "\(name) (\(participant.id))"
            }
        func name(_ id: ParticipantID) -> String { names[id] ?? StandInText.name(id, in: language) }
        var sections: [ReportDocument.Section] = []
        for phase in Phase.allCases {
            let inPhase = rows.filter { row in
                let shown: Phase = row.pair.status == Pair.Status.proposed ? .matching : (row.phase ?? .matching)
                return shown == phase
            }
            guard !inPhase.isEmpty else { continue }
            var blocks: [ReportDocument.Block] = []
            for row in inPhase {
                var lines = ["\(name(row.pair.teacher)) & \(name(row.pair.professional)) — \(row.pair.status.rawValue)"]
                if row.pair.status == .confirmed, row.pair.teacher.isErasedStandIn || row.pair.professional.isErasedStandIn {
                    lines[0] += " — " + StandInText.decisionNeeded.text(in: language)
                }
                if let plan = row.plan {
                    let progress = Progress(plan: plan, activities: row.activities, now: now)
                    let hours = "\(Value.format(progress.hoursDone, in: language))/\(Value.format(progress.hoursPlanned, in: language))"
                    let unconfirmed = plan.fixedAt == nil ? language.text(nl: " (planning nog niet door beiden bevestigd)", en: " (plan not yet confirmed by both)") : ""
                    let text: String = language.text(nl: "Voortgang: \(progress.meetingsDone)/\(progress.meetingsPlanned) ontmoetingen, \(hours) uur, \(progress.weeksElapsed)/\(progress.weeksPlanned) weken", en: "Progress: \(progress.meetingsDone)/\(progress.meetingsPlanned) meetings, \(hours) hours, \(progress.weeksElapsed)/\(progress.weeksPlanned) weeks")
                    lines.append(text + unconfirmed)
                    for (rule, reason) in plan.deviationReasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        lines.append(language.text(nl: "Afwijking van de richtlijn (\(rule.rawValue)), reden: ", en: "Deviation from the guideline (\(rule.rawValue)), reason: ") + reason)
                    }
                } else if row.pair.status == Pair.Status.confirmed {
                    lines.append(language.text(nl: "Nog geen planning.", en: "No plan yet."))
                }
                for bottleneck in row.bottlenecks {
                    let text = Bottleneck.description(bottleneck.kind)
                    let who = bottleneck.participant.map { " (\(name($0)))" } ?? ""
                    lines.append(language.text(nl: "Knelpunt: ", en: "Bottleneck: ") + bottleneck.kind.rawValue + who + " — " + text.text(in: language))
                }
                blocks.append(.list(lines))
            }
            sections.append(.init("\(phase.rawValue) (\(inPhase.count))", blocks))
        }
        sections.append(.init(language.text(nl: "Nog zonder duo", en: "Not yet paired"), [.list(unmatched.isEmpty ? ["—"] : unmatched)]))
        return ReportDocument(title: language.text(nl: "Job Twinning — overzicht voor de coördinator", en: "Job Twinning — coordinator overview"), sections: sections)
    }
}
