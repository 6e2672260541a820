import TwinLanguage
public import Foundation
public import Twinning
public import TwinStore

/// Erasing a participant, done the same way on every path: `jobtwin erase`, the retention purge
/// and the participant's own request in the chat (`SelfErasure`).
///
/// In one transaction: the erasure itself (`TwinRepository.erasePersonalData`: what is theirs
/// deleted, shared data kept for the partner under an anonymous stand-in, their name taken out
/// of other people's texts), the audit line — under the stand-in, never the erased id — and
/// what the people they shared a programme with need to know, naming nobody:
/// - the other side of a match proposal gets a notice that it will not go ahead (the erasure
///   declines the proposal, so they are back in the pool);
/// - the partner of a running trajectory gets a notice that their partner no longer takes part,
///   and the pair gets the bottleneck `partner_left` (with its `bottleneck.flagged` event), so
///   that the coordinator sees it needs a decision.
///
/// Afterwards the file is compacted; when that fails, the erasure stands and the audit log says
/// so.
public enum ParticipantErasure {
    /// Who asked for the erasure, as the audit log tells it.
    public enum Reason: Sendable, Hashable {
        /// The participant asked in the chat ("Mijn gegevens" / "My data").
        case ownRequest
        /// Someone with access to the database ran `jobtwin erase` (a coordinator answering a
        /// request, say).
        case command
        /// The retention purge; the text says which rule made them due.
        case retention(String)

        /// The audit log's action: `erase`, or `purge` for retention.
        public var auditAction: String {
            if case .retention = self { return "purge" }
            return "erase"
        }

        /// The audit log's detail.
        var detail: String {
            switch self {
            case .ownRequest: return "erased at the participant's own request in the \(DataRightsActions.channel); shared data kept under this stand-in"
            case .command: return "participant erased; shared data kept under this stand-in"
            case .retention(let rule): return rule + "; shared data kept under this stand-in"
            }
        }
    }

    /// The kind of the notices left for partners.
    public static let noticeKind = "partner.erased"

    /// Erases `id` and writes the audit line and the partners' notices in the same transaction,
    /// with `also` (when given) after them. `actor` is who did it for the audit log; `nil` means
    /// the person themselves, who is logged as their stand-in. Returns what was done, or `nil`
    /// when there is no such participant (nothing changed).
    ///
    /// - Throws: when the erasure could not be carried out; nothing was erased then.
    public static func erase(_ id: ParticipantID, reason: Reason, actor: String?, repository: any TwinRepository, now: Date,
                             also: (@Sendable (ErasedParticipant, any TwinTransaction) throws -> Void)? = nil) async throws -> ErasedParticipant? {
        let erased = try await repository.erasePersonalData(of: id, at: now) { erased, tx in
            try tx.audit(AuditEntry(at: now, actor: actor ?? erased.standIn.description, action: reason.auditAction,
                                    subject: erased.standIn.description, detail: reason.detail))
            try informPartners(of: id, erased, tx: tx, now: now)
            try also?(erased, tx)
        }
        if let erased, !erased.compacted {
            // Best effort: the erasure and its audit line stand; this says the file still needs it.
            try? await repository.transaction { tx in
                try tx.audit(AuditEntry(at: now, actor: actor ?? erased.standIn.description, action: reason.auditAction,
                                        subject: erased.standIn.description,
                                        detail: "the database file could not be compacted after the erasure (\(erased.compactionProblem ?? "unknown")); the next erasure or purge compacts it"))
            }
        }
        return erased
    }

    /// The notices for the partners of the erased person's open pairs, and the bottleneck of a
    /// running trajectory that lost a partner.
    static func informPartners(of id: ParticipantID, _ erased: ErasedParticipant, tx: any TwinTransaction, now: Date) throws {
        for (partner, pair) in erased.partnersOfOpenPairs(of: id) {
            guard try tx.participant(partner) != nil else { continue }
            let text = pair.status == .proposed ? DataRightsText.proposalEnded : DataRightsText.partnerLeft
            try tx.add(Notice(participant: partner, kind: noticeKind, nl: text.nl, en: text.en, createdAt: now))
            if pair.status == .confirmed {
                try BottleneckScan.flag(Bottleneck(kind: .partnerLeft, pairID: pair.id, participant: partner, detectedAt: now), in: tx)
            }
        }
    }
}
