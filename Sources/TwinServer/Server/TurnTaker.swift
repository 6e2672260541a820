import Logging
import TwinAssistant

/// The step every channel shares once a message is verified and parsed: the participant's
/// rate limit, the assistant's turn, and its metrics. Storage failures become a 503 whose body
/// says nothing about the database; the details go to the log.
struct TurnTaker: Sendable {
    let assistant: Assistant
    let limiter: RateLimiter
    let metrics: ServerMetrics
    let logger: Logger

    /// Hands `message` to the assistant and returns its reply.
    ///
    /// - Throws: `ServerError` 429 when the participant is over the rate limit (nothing is
    ///   taken), 400 for an unusable participant id, 503 when the turn could not be saved.
    func take(_ message: IncomingMessage, channel: String, notes: RequestNotes) async throws(ServerError) -> Reply {
        notes.participantID = message.participant
        if let wait = limiter.acquire(message.participant) { throw .rateLimited(retryAfter: wait) }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let reply: Reply
            if message.emptyTextOpens, message.text.allSatisfy(\.isWhitespace) {
                reply = try await assistant.open(participant: message.participant, lang: message.lang, requestID: message.requestID)
            } else {
                reply = try await assistant.handle(participant: message.participant, text: message.text,
                                                   lang: message.lang, requestID: message.requestID)
            }
            metrics.turn(channel: channel, duration: clock.now - start)
            return reply
        } catch {
            switch error {
            case .invalidParticipant:
                throw .badRequest("invalid_participant", "The participant id is not usable: at most 256 characters, no spaces or control characters.")
            case .storage(let reason):
                logger.error("turn not saved; nothing of it was kept", metadata: [
                    "channel": "\(channel)", "participant": "\(notes.participantHash ?? "?")", "reason": "\(reason)",
                ])
                throw .unavailable
            }
        }
    }
}
