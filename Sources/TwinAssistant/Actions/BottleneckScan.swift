public import Foundation
public import Twinning
public import TwinStore

/// Records bottlenecks: a new one becomes a coordinator-visible item and an event, in the
/// transaction that found it; one already open is not flagged twice. The event is
/// `bottleneck.flagged` (the pair hears of it, with the advice), or `bottleneck.reported` for
/// what a participant told the coordinator (a knelpunt they raised, no click), which only the
/// coordinators hear of.
public enum BottleneckScan {
    /// Records `bottleneck` unless it is already open.
    static func flag(_ bottleneck: Bottleneck, in tx: any TwinTransaction) throws {
        guard try tx.flag(bottleneck) else { return }
        let people = bottleneck.participant.map { [$0] } ?? []
        let kind: ProgrammeEvent.Kind = bottleneck.isForCoordinatorOnly ? .bottleneckReported : .bottleneckFlagged
        try tx.record(ProgrammeEvent(kind: kind, participants: people, pairID: bottleneck.pairID, occurredAt: bottleneck.detectedAt))
    }

    /// Detects the bottlenecks of every running pair now, flags the new ones and resolves the
    /// ones that are gone — all of them for a pair that no longer runs (closed, or ended by the
    /// coordinator after a partner left). Returns the open bottlenecks afterwards.
    public static func scan(_ repository: any TwinRepository, detector: BottleneckDetector = BottleneckDetector(), now: Date) async throws -> [Bottleneck] {
        try await repository.transaction { tx in try scan(in: tx, detector: detector, now: now) }
    }

    /// The scan inside a transaction the caller holds — a coordinator's turn in the chat.
    public static func scan(in tx: any TwinTransaction, detector: BottleneckDetector = BottleneckDetector(), now: Date) throws -> [Bottleneck] {
        for pair in try tx.allPairs() {
            guard pair.status == .confirmed else {
                if pair.status != .proposed { try tx.resolveBottlenecks(of: pair.id, except: [], at: now) }
                continue
            }
            var agreements: [ParticipantID: ManagerAgreement] = [:]
            for id in [pair.teacher, pair.professional] { agreements[id] = try tx.managerAgreement(of: id) }
            var clicks: [ParticipantID: ClickAnswer] = [:]
            for check in try tx.clickChecks(of: pair.id) { clicks[check.participant] = check.answer }
            let found = detector.detect(pair: pair, plan: try tx.plan(of: pair.id), activities: try tx.activities(of: pair.id),
                                        managerAgreements: agreements, clicks: clicks, reports: try tx.reportedBottlenecks(of: pair.id),
                                        now: now)
            for bottleneck in found { try flag(bottleneck, in: tx) }
            try tx.resolveBottlenecks(of: pair.id, except: found, at: now)
        }
        return try tx.openBottlenecks(of: nil)
    }
}
