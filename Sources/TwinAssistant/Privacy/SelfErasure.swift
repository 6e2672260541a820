import TwinReply
import DialogEngine
import Foundation
import Logging
import Twinning
import TwinStore
import TwinLanguage

/// Carries out an erasure the participant asked for in the chat (`request_erasure`), after the
/// turn that asked for it was committed — the erasure checkpoints the WAL and vacuums the file,
/// which cannot happen inside a transaction. The assistant calls it under the participant's
/// lock, before the reply is returned.
///
/// The erasure is `ParticipantErasure`'s, as for `jobtwin erase` and the retention purge: the
/// audit line (under the anonymous stand-in, never the erased id) and the notices for the
/// partner of a running trajectory or the other side of a match proposal (naming nobody) are
/// written in its transaction. Only when the reply goes out later through the notification
/// outbox (Slack's Events API) does the same transaction also hold a new, empty participant with
/// the confirmation as the request's undelivered reply, because the outbox posts replies from
/// there.
///
/// A repeat of the same channel request after the erasure finds no record of it (the erasure
/// removed it with everything else): it is taken as the first message of a new participant and
/// opens a new intake, without taking its text as an answer; nothing else is erased. On Slack's
/// Events API the repeat finds the confirmation recorded above and gets it again.
enum SelfErasure {
    /// Erases `id` and returns the reply to show instead of the turn's: the confirmation, or —
    /// when nothing could be erased — `turnReply` with an error message first.
    static func complete(_ id: ParticipantID, language: Language, turnReply: Reply, request: ChannelRequestID?,
                         repository: any TwinRepository, now: Date, logger: Logger) async -> Reply {
        let reply = Reply(participant: id.description, messages: [Reply.Message(.summary, DataRightsText.erased.text(in: language))],
                          prompt: nil, phase: .matching, language: language)
        // The confirmation as the request's undelivered reply, when the outbox posts it.
        var stored: ProcessedRequest?
        if let request, !request.repliedInResponse {
            do {
                stored = ProcessedRequest(channel: request.channel, requestID: request.value, participant: id,
                                          reply: try reply.encodedJSON(), at: now, deliveredAt: nil)
            } catch {
                logger.error("cannot encode the erasure's confirmation; it will not be posted", metadata: ["error": "\(error)"])
            }
        }
        let pending = stored
        @Sendable func keepConfirmation(_ tx: any TwinTransaction) throws {
            guard let pending else { return }
            try tx.save(Participant(id: id, language: language, createdAt: now))
            try tx.save(pending)
        }

        let erased: ErasedParticipant?
        do {
            erased = try await ParticipantErasure.erase(id, reason: .ownRequest, actor: nil, repository: repository, now: now) { _, tx in
                try keepConfirmation(tx)
            }
        } catch {
            logger.error("erasure asked for in the chat failed; nothing erased", metadata: ["error": "\(error)"])
            return failed(turnReply, language)
        }
        guard let erased else {
            // Someone else erased them meanwhile (and logged it); the confirmation still holds.
            do {
                try await repository.transaction { tx in try keepConfirmation(tx) }
            } catch {
                logger.error("participant already erased; the confirmation could not be kept for the outbox", metadata: ["error": "\(error)"])
            }
            return reply
        }
        if !erased.compacted {
            logger.error("participant erased (deleted content overwritten), but the database file could not be compacted; the next erasure compacts it",
                         metadata: ["error": "\(erased.compactionProblem ?? "unknown")"])
        }
        return reply
    }

    /// The turn's own reply with an error first: nothing was erased.
    private static func failed(_ turnReply: Reply, _ language: Language) -> Reply {
        var reply = turnReply
        reply.messages.insert(Reply.Message(.error, DataRightsText.erasureFailed.text(in: language)), at: 0)
        return reply
    }
}
