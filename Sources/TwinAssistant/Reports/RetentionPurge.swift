import Foundation
import Twinning
import TwinStore

/// Anonymises closed trajectories after the retention period: both partners of a closed pair
/// are erased once neither has been active for `closedDays` days (and neither is in another
/// running pair).
public enum RetentionPurge {
    /// Erases who is due; returns the erased participants.
    public static func run(_ repository: SQLiteRepository, closedDays: Int, now: Date, actor: String) async throws -> [ParticipantID] {
        let cutoff = now.addingTimeInterval(-Double(closedDays) * 86_400)
        let due = try await repository.read { reader -> [ParticipantID] in
            let pairs = try reader.allPairs()
            let running = Set(pairs.filter(\.isActive).flatMap { [$0.teacher, $0.professional] })
            var due: [ParticipantID] = []
            for pair in pairs where pair.status == .closed {
                let people = [pair.teacher, pair.professional]
                let participants = try people.compactMap { try reader.participant($0) }
                guard participants.count == 2,
                      participants.allSatisfy({ $0.lastActiveAt < cutoff && $0.id.channel != "erased" && !running.contains($0.id) })
                else { continue }
                due += people
            }
            return due
        }
        var erased: [ParticipantID] = []
        for id in due {
            guard let standIn = try await repository.erasePersonalData(of: id, at: now) else { continue }
            try await repository.audit(AuditEntry(at: now, actor: actor, action: "purge", subject: standIn.description,
                                                  detail: "closed trajectory past the retention period of \(closedDays) days"))
            erased.append(id)
        }
        return erased
    }
}
