import TwinLanguage
public import Foundation
public import Twinning
public import TwinStore
public import TwinConfiguration

/// The retention rules (`RetentionSettings`), applied: who is due is erased with
/// `ParticipantErasure`, as by `jobtwin erase` — the same notices for partners — and each
/// erasure is audited as `purge` with the rule that made it due.
///
/// - Closed trajectories: both partners of a closed pair are erased once neither has been active
///   for `closed_days` days and neither is in another running pair. A partner erased earlier (an
///   anonymous stand-in) does not hold the other back.
/// - Participants without a profile (an intake abandoned, consent refused) or whose latest
///   consent decision for processing is a no: erased after `inactive_without_profile_days` days
///   without a message, unless they are in a running pair. A participant from before consent was
///   asked, with a profile, is not due: they were never asked, so never refused.
///
/// - Participants never matched (a profile and consent, no pair but declined proposals):
///   warned `unmatched_notice_days` before `unmatched_days` have passed since their last
///   message — a notice for their next turn and a `retention.unmatched_warning` event for the
///   outbox — and erased once the days have passed and the warning is at least the notice
///   period old. Any message in between keeps them: the count starts again from it.
///
/// Coordinators are never due: those listed in the configuration, anyone the audit log shows
/// acting as one (a `jobtwin chat --coordinator` session, say) — erasing them would take their
/// id out of the audit log — and anyone invited to the web as a coordinator by a link that was
/// not revoked.
public enum RetentionPurge {
    /// Who a run erased, by rule.
    public struct Outcome: Sendable, Hashable {
        /// The participants of closed trajectories past the period.
        public var closed: [ParticipantID] = []
        /// The participants without a profile or consent who were inactive too long.
        public var inactive: [ParticipantID] = []
        /// The participants whose erasure they confirmed themselves was still owed
        /// (`PendingErasures`).
        public var requested: [ParticipantID] = []
        /// The participants never matched who were silent too long after their warning.
        public var unmatched: [ParticipantID] = []
        /// Invitation mails not delivered whose link no longer opens (expired or revoked), deleted:
        /// they hold the link and the address, and can never help.
        public var droppedMails = 0
        /// The participants never matched who were warned in this run (not erased).
        public var warned: [ParticipantID] = []

        /// Everyone erased.
        public var all: [ParticipantID] { requested + closed + inactive + unmatched }
    }

    /// Applies both rules of `settings` now; `coordinators` are never erased.
    public static func run(_ repository: any TwinRepository, settings: RetentionSettings, coordinators: Set<ParticipantID>,
                           now: Date, actor: String) async throws -> Outcome {
        var outcome = Outcome()
        outcome.requested = try await PendingErasures.complete(repository: repository, now: now)
        let acting = Set(try await repository.auditLog().filter(isCoordinatorAction).compactMap { ParticipantID($0.actor) })
        let (closed, inactive, unmatched) = try await repository.read { reader in
            // A coordinator invited to the web (`jobtwin invite --coordinator`) may never have
            // done anything the audit log shows; the invitation says what they are.
            let invited = Set(try reader.participants().map(\.id).filter { try reader.isWebCoordinator($0) })
            let kept = coordinators.union(acting).union(invited)
            return (try dueClosed(reader, days: settings.closedDays, now: now, keeping: kept),
             try dueInactive(reader, days: settings.inactiveWithoutProfileDays, now: now, keeping: kept),
             try neverMatched(reader, settings: settings, now: now, keeping: kept))
        }
        for id in closed {
            let rule = "closed trajectory past the retention period of \(settings.closedDays) days"
            if try await ParticipantErasure.erase(id, reason: .retention(rule), actor: actor, repository: repository, now: now) != nil {
                outcome.closed.append(id)
            }
        }
        for id in inactive {
            let rule = "no profile or no consent for processing, and inactive for more than \(settings.inactiveWithoutProfileDays) days"
            if try await ParticipantErasure.erase(id, reason: .retention(rule), actor: actor, repository: repository, now: now) != nil {
                outcome.inactive.append(id)
            }
        }
        for id in unmatched.due {
            let rule = "never matched, and silent for more than \(settings.unmatchedDays) days after a warning"
            if try await ParticipantErasure.erase(id, reason: .retention(rule), actor: actor, repository: repository, now: now) != nil {
                outcome.unmatched.append(id)
            }
        }
        let erasureDay = now.addingTimeInterval(Double(settings.unmatchedNoticeDays) * 86_400)
        for id in unmatched.toWarn {
            try await repository.transaction { tx in
                guard let participant = try tx.participant(id) else { return }
                let text = DataRightsText.unmatchedWarning(erasureDay)
                try tx.add(Notice(participant: id, kind: unmatchedNoticeKind, nl: text.nl, en: text.en, createdAt: now))
                try tx.record(ProgrammeEvent(kind: .retentionWarning, participants: [participant.id], pairID: nil, occurredAt: now))
            }
            outcome.warned.append(id)
        }
        outcome.droppedMails = try await repository.transaction { tx in try tx.dropInvitationMails(now: now, of: nil) }
        return outcome
    }

    /// The kind of the notice that warns a participant who was never matched.
    public static let unmatchedNoticeKind = "retention.unmatched"

    /// The participants never matched, silent since before the warning point: those warned long
    /// enough ago are due, the others are to be warned now.
    static func neverMatched(_ reader: any TwinReader, settings: RetentionSettings, now: Date,
                             keeping: Set<ParticipantID>) throws -> (due: [ParticipantID], toWarn: [ParticipantID]) {
        guard settings.unmatchedDays > 0 else { return ([], []) }
        let day = 86_400.0
        let warnFrom = now.addingTimeInterval(-Double(settings.unmatchedDays - settings.unmatchedNoticeDays) * day)
        let eraseFrom = now.addingTimeInterval(-Double(settings.unmatchedDays) * day)
        let noticeAgo = now.addingTimeInterval(-Double(settings.unmatchedNoticeDays) * day)
        let paired = Set(try reader.allPairs().filter { $0.status != .declined }.flatMap { [$0.teacher, $0.professional] })
        let warnings = try reader.events().filter { $0.kind == .retentionWarning }
        var due: [ParticipantID] = []
        var toWarn: [ParticipantID] = []
        for participant in try reader.participants() {
            let id = participant.id
            guard !id.isErasedStandIn, !keeping.contains(id), !paired.contains(id), participant.lastActiveAt < warnFrom,
                  try reader.profile(id) != nil, try reader.hasConsent(.processing, of: id) else { continue }
            // A warning counts only if it came after their last message.
            let warned = warnings.filter { $0.participants.contains(id) && $0.occurredAt >= participant.lastActiveAt }.map(\.occurredAt).min()
            if let warned {
                if participant.lastActiveAt < eraseFrom, warned <= noticeAgo { due.append(id) }
            } else {
                toWarn.append(id)
            }
        }
        return (due, toWarn)
    }

    /// Whether an audit entry is something only a coordinator does (its actor is one).
    static func isCoordinatorAction(_ entry: AuditEntry) -> Bool {
        entry.action.hasPrefix("coordinator.") || (entry.action.hasPrefix("match.") && entry.actor != entry.subject)
    }

    /// The live partners of closed pairs that are past the period.
    static func dueClosed(_ reader: any TwinReader, days: Int, now: Date, keeping: Set<ParticipantID>) throws -> [ParticipantID] {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let pairs = try reader.allPairs()
        let running = Set(pairs.filter(\.isActive).flatMap { [$0.teacher, $0.professional] })
        var due: [ParticipantID] = []
        for pair in pairs where pair.status == .closed {
            let people = [pair.teacher, pair.professional].filter { !$0.isErasedStandIn && !due.contains($0) }
            let participants = try people.compactMap { try reader.participant($0) }
            guard !participants.isEmpty, participants.count == people.count,
                  participants.allSatisfy({ $0.lastActiveAt < cutoff && !running.contains($0.id) && !keeping.contains($0.id) })
            else { continue }
            due += people
        }
        return due
    }

    /// The participants without a profile, or whose latest decision about processing is a no,
    /// silent for longer than `days` (none when `days` is 0).
    static func dueInactive(_ reader: any TwinReader, days: Int, now: Date, keeping: Set<ParticipantID>) throws -> [ParticipantID] {
        guard days > 0 else { return [] }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let running = Set(try reader.allPairs().filter(\.isActive).flatMap { [$0.teacher, $0.professional] })
        return try reader.participants().filter { participant in
            let id = participant.id
            guard !id.isErasedStandIn, !keeping.contains(id), !running.contains(id), participant.lastActiveAt < cutoff else { return false }
            let refused = ConsentDecision.current(.processing, in: try reader.consentDecisions(of: id))?.given == false
            return try refused || reader.profile(id) == nil
        }.map(\.id)
    }
}
