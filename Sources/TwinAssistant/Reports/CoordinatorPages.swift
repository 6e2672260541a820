import DialogEngine
import Foundation
public import Twinning
public import TwinStore
public import TwinLanguage

/// What the coordinator's pages in the browser show: the programme at a glance and a pair's
/// report — only to a coordinator (of the configuration, or invited as one), and every view
/// written to the audit log in the same transaction as it was read.
public struct CoordinatorPages: Sendable {
    private let repository: any TwinRepository
    private let labels: OptionLabels
    private let clock: any WallClock
    private let coordinators: Set<ParticipantID>
    private let detector: BottleneckDetector

    /// Creates the pages over the store; option labels come from `program`'s dialogs
    /// (`Assistant.coordinatorPages` makes them).
    init(repository: any TwinRepository, program: Program, clock: any WallClock = SystemClock(),
                coordinators: Set<ParticipantID> = [], detector: BottleneckDetector = BottleneckDetector()) {
        self.repository = repository
        self.labels = OptionLabels(program: program)
        self.clock = clock
        self.coordinators = coordinators
        self.detector = detector
    }

    /// Whether `viewer` may see the coordinator's pages.
    private static func isCoordinator(_ viewer: ParticipantID, _ coordinators: Set<ParticipantID>, in reader: any TwinReader) throws -> Bool {
        try coordinators.contains(viewer) || reader.isWebCoordinator(viewer)
    }

    /// Whether `viewer` may see the coordinator's pages: a coordinator of the configuration, or
    /// invited as one by a link not revoked.
    public func isCoordinator(_ viewer: ParticipantID) async throws -> Bool {
        let coordinators = self.coordinators
        return try await repository.read { reader in try Self.isCoordinator(viewer, coordinators, in: reader) }
    }

    /// Whether `viewer` may see the coordinator's pages, read in `reader` (the chat page reads it
    /// with the conversation, for the link to the overview in its bar).
    public func isCoordinator(_ viewer: ParticipantID, reading reader: any TwinReader) throws -> Bool {
        try Self.isCoordinator(viewer, coordinators, in: reader)
    }

    /// The programme at a glance for `viewer`, after a bottleneck scan; `nil` when the viewer is
    /// not a coordinator (nothing is read then, and nothing written).
    public func overview(for viewer: ParticipantID, language: Language) async throws -> ProgrammeAtAGlance? {
        let now = clock.now(), coordinators = self.coordinators, detector = self.detector, labels = self.labels
        return try await repository.transaction { tx -> ProgrammeAtAGlance? in
            guard try Self.isCoordinator(viewer, coordinators, in: tx) else { return nil }
            _ = try BottleneckScan.scan(in: tx, detector: detector, now: now)
            // The programme report's own reading, so the numbers are the same as its.
            let snapshot = try ReportService.programmeSnapshot(in: tx, coordinators: coordinators)
            let names = Dictionary(uniqueKeysWithValues: try tx.profiles().map { ($0.0, $0.1.name) })
            func name(_ id: ParticipantID) -> String { names[id] ?? StandInText.name(id, in: language) }
            var pairNames: [String: String] = [:], pairs: [ProgrammeAtAGlance.PairLine] = []
            for pair in snapshot.pairs {
                pairNames[pair.id] = "\(name(pair.teacher)) & \(name(pair.professional))"
                guard pair.status != .declined else { continue }
                let done = snapshot.activities.filter { $0.pairID == pair.id }
                let progress = snapshot.plans.first { $0.pairID == pair.id }.map { Progress(plan: $0, activities: done, now: now) }
                pairs.append(.init(id: pair.id, names: pairNames[pair.id] ?? pair.id, status: pair.status, progress: progress))
            }
            let bottlenecks = snapshot.bottlenecks.map { bottleneck in
                ProgrammeAtAGlance.OpenBottleneck(pair: pairNames[bottleneck.pairID] ?? bottleneck.pairID, kind: bottleneck.kind,
                                                  participant: bottleneck.participant.map(name),
                                                  description: Bottleneck.description(bottleneck.kind))
            }
            let kindLabels = Dictionary(uniqueKeysWithValues: ActivityKind.allCases.map { ($0, labels.label("activity.type", $0.rawValue, language)) })
            try tx.audit(AuditEntry(at: now, actor: viewer.description, action: "overview.view", subject: nil,
                                    detail: "viewed the programme overview in the browser (\(pairs.count) pairs)"))
            return ProgrammeAtAGlance(figures: snapshot.figures, pairs: pairs, kindLabels: kindLabels, bottlenecks: bottlenecks)
        }
    }

    /// The report of the pair `pairID` for `viewer`, as its teacher's report; `nil` when the
    /// viewer is not a coordinator or there is no such pair with a trajectory.
    public func pairReport(_ pairID: String, for viewer: ParticipantID, language: Language) async throws -> ReportDocument? {
        let now = clock.now(), coordinators = self.coordinators, labels = self.labels
        return try await repository.transaction { tx -> ReportDocument? in
            guard try Self.isCoordinator(viewer, coordinators, in: tx),
                  let pair = try tx.allPairs().first(where: { $0.id == pairID }),
                  let snapshot = try? TrajectorySnapshot.read(pair.teacher, in: tx), snapshot.pair.id == pairID else { return nil }
            try tx.audit(AuditEntry(at: now, actor: viewer.description, action: "report.view", subject: pair.teacher.description,
                                    detail: "viewed the report of pair \(pairID) in the browser"))
            return ParticipantReport(snapshot: snapshot, now: now, language: language,
                                     label: { labels.label($0, $1, language) }).document
        }
    }
}
