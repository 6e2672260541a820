import DialogEngine
import Foundation
import Logging
import Twinning
import TwinStore

/// Carries out an erasure the participant asked for in the chat (`request_erasure`), after the
/// turn that asked for it was committed — the erasure checkpoints the WAL and vacuums the file,
/// which cannot happen inside a transaction. The assistant calls it under the participant's
/// lock, before the reply is returned.
///
/// What follows the erasure, in one transaction: the audit line (under the anonymous stand-in,
/// never the erased id), a notice for the partner of a running trajectory or the other side
/// of a match proposal (naming nobody), and — only when the reply goes out later through the
/// notification outbox (Slack's Events API) — a new, empty participant holding the
/// confirmation as the request's undelivered reply, because the outbox posts replies from there.
///
/// A repeat of the same channel request after the erasure finds no record of it (the erasure
/// removed it with everything else): it is taken as the first message of a new participant and
/// opens a new intake, without taking its text as an answer; nothing else is erased. On Slack's
/// Events API the repeat finds the confirmation recorded above and gets it again.
enum SelfErasure {
    /// The audit log's action for an erasure.
    static let auditAction = "erase"
    /// The notice kind left for the partner.
    static let noticeKind = "partner.erased"

    /// Erases `id` and returns the reply to show instead of the turn's: the confirmation, or —
    /// when nothing could be erased — `turnReply` with an error message first.
    static func complete(_ id: ParticipantID, language: Language, turnReply: Reply, request: ChannelRequestID?,
                         repository: any TwinRepository, now: Date, logger: Logger) async -> Reply {
        // Whoever shares an open pair with them hears about it at their next turn.
        let partners: [(ParticipantID, Pair.Status)]
        do {
            partners = try await repository.read { reader in
                try reader.pairs(of: id).filter(\.isActive).compactMap { pair in pair.partner(of: id).map { ($0, pair.status) } }
            }
        } catch {
            logger.error("cannot read the pairs of a participant to erase; nothing erased", metadata: ["error": "\(error)"])
            return failed(turnReply, language)
        }

        let standIn: ParticipantID?, compacted: Bool
        do {
            standIn = try await repository.erasePersonalData(of: id, at: now)
            compacted = true
        } catch {
            // The erasure commits before the file is compacted: when the participant is gone,
            // only the compaction failed, and the erasure stands.
            let remains = (try? await repository.read { try $0.participant(id) != nil }) ?? true
            if remains {
                logger.error("erasure asked for in the chat failed; nothing erased", metadata: ["error": "\(error)"])
                return failed(turnReply, language)
            }
            logger.error("participant erased (deleted content overwritten), but the database file could not be compacted; the next erasure compacts it",
                         metadata: ["error": "\(error)"])
            standIn = nil
            compacted = false
        }

        let reply = Reply(participant: id.description, messages: [ReplyMessage(.summary, DataRightsText.erased.text(in: language))],
                          prompt: nil, phase: .matching, language: language)
        do {
            let stored = try request.flatMap { request -> ProcessedRequest? in
                guard !request.repliedInResponse else { return nil }
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return ProcessedRequest(channel: request.channel, requestID: request.value, participant: id,
                                        reply: try encoder.encode(reply), at: now, deliveredAt: nil)
            }
            try await repository.transaction { tx in
                // Without a stand-in and compacted, someone else erased them first and logged it.
                if standIn != nil || !compacted {
                    let who = standIn?.description ?? "erased"
                    try tx.audit(AuditEntry(at: now, actor: who, action: auditAction, subject: standIn?.description,
                                            detail: "erased at the participant's own request in the \(DataRightsActions.channel); shared data kept under this stand-in"
                                                + (compacted ? "" : "; the file could not be vacuumed")))
                }
                for (partner, status) in partners where partner.channel != "erased" {
                    guard try tx.participant(partner) != nil else { continue }
                    let text = status == .proposed ? DataRightsText.proposalEnded : DataRightsText.partnerLeft
                    try tx.add(Notice(participant: partner, kind: noticeKind, nl: text.nl, en: text.en, createdAt: now))
                }
                if let stored {
                    try tx.save(Participant(id: id, language: language.rawValue, createdAt: now))
                    try tx.save(stored)
                }
            }
        } catch {
            // The erasure itself stands; only its audit line, the partner's notice or the
            // delivery of this confirmation through the outbox is missing.
            logger.error("participant erased, but the audit line or the partner's notice could not be written", metadata: ["error": "\(error)"])
        }
        return reply
    }

    /// The turn's own reply with an error first: nothing was erased.
    private static func failed(_ turnReply: Reply, _ language: Language) -> Reply {
        var reply = turnReply
        reply.messages.insert(ReplyMessage(.error, DataRightsText.erasureFailed.text(in: language)), at: 0)
        return reply
    }
}
