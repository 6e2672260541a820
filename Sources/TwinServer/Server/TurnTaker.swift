import Logging
import Twinning
import TwinAssistant
import TwinReply
import TwinLanguage
import TwinStore

/// The step every channel shares once a message is verified and parsed: the participant's
/// rate limit, the assistant's turn, and its metrics. Storage failures become a 503 whose body
/// says nothing about the database; the details go to the log.
struct TurnTaker: Sendable {
    let assistant: Assistant
    let limiter: RateLimiter
    let metrics: ServerMetrics
    let logger: Logger
    let lateTurns: LateTurns

    /// A turn raced against a platform's reply deadline.
    enum Timed: Sendable {
        /// The turn finished in time.
        case inTime(Reply)
        /// The deadline came first; the turn goes on. `language` is the participant's, when it
        /// was known quickly enough.
        case late(language: Language?)
    }

    /// Hands `message` to the assistant, but answers no later than `deadline`.
    ///
    /// When the deadline comes first the turn is not cancelled: it runs on (and commits), and
    /// `afterwards` gets its outcome once it is done — the reply, or the `ServerError` a
    /// request would have got. Graceful shutdown waits for it.
    ///
    /// - Throws: what `take` throws, when that happens within the deadline.
    func take(_ message: IncomingMessage, channel: String, notes: RequestNotes, within deadline: Duration,
              afterwards: @escaping @Sendable (Result<Reply, ServerError>) async -> Void) async throws(ServerError) -> Timed {
        notes.participantID = message.participant
        if let wait = limiter.acquire(message.participant) { throw .rateLimited(retryAfter: wait) }
        let turn = Task { () -> Result<Reply, ServerError> in
            do throws(ServerError) {
                return .success(try await self.run(message, channel: channel, notes: notes))
            } catch {
                return .failure(error)
            }
        }
        if let outcome = await DeadlineRace.value(of: turn, within: deadline) {
            return .inTime(try outcome.get())
        }
        metrics.lateReply(channel: channel)
        lateTurns.start { await afterwards(await turn.value) }
        return .late(language: await language(of: message))
    }

    /// The language to answer in before the turn is done: the one the channel asked for, else
    /// the participant's as the assistant knows it, when it can tell within 100 ms.
    private func language(of message: IncomingMessage) async -> Language? {
        if let lang = message.lang { return lang }
        let assistant = self.assistant, participant = message.participant
        let lookup = Task { await assistant.knownLanguage(of: participant) }
        return await DeadlineRace.value(of: lookup, within: .milliseconds(100)) ?? nil
    }

    /// Hands `message` to the assistant and returns its reply.
    ///
    /// `counted` says the caller's request was counted against the limit already (a click the
    /// fast path could not take, handed on).
    ///
    /// - Throws: `ServerError` 429 when the participant is over the rate limit (nothing is
    ///   taken), 400 for an unusable participant id, 503 when the turn could not be saved.
    func take(_ message: IncomingMessage, channel: String, notes: RequestNotes, counted: Bool = false) async throws(ServerError) -> Reply {
        notes.participantID = message.participant
        if !counted, let wait = limiter.acquire(message.participant) { throw .rateLimited(retryAfter: wait) }
        return try await run(message, channel: channel, notes: notes)
    }

    /// Hands a click to the assistant (`Assistant.press`), under the same rate limit and
    /// metrics as a typed message; `counted` as for `take`.
    ///
    /// - Throws: `ServerError` 429 when the participant is over the rate limit (nothing is
    ///   taken), 503 when the turn could not be saved.
    func press(_ press: ButtonPress, channel: String, notes: RequestNotes, counted: Bool = false) async throws(ServerError) -> Assistant.ButtonOutcome {
        let assistant = self.assistant
        return try await click(of: press.participant, channel: channel, notes: notes, counted: counted, tookTurn: { _ in true }) {
            try await assistant.press(participant: press.participant, slot: press.slot, turn: press.turn,
                                      fingerprint: press.fingerprint, answer: press.answer, requestID: press.requestID)
        }
    }

    /// `Assistant.pressIfCurrent` under the same rate limit and metrics: `nil` when nothing was
    /// stored and the caller must go the careful way (the post was counted).
    ///
    /// - Throws: `ServerError` 429 when the participant is over the rate limit (nothing is
    ///   taken), 503 when the turn could not be saved.
    func pressIfCurrent(participant: ParticipantID, slot: String, fingerprint: String?, requestID: ChannelRequestID?,
                        channel: String, notes: RequestNotes, answering: @escaping @Sendable (Reply.Prompt, Language) -> String?,
                        admitted: @escaping @Sendable (any TwinReader) throws -> Bool) async throws(ServerError) -> Assistant.ButtonOutcome? {
        let assistant = self.assistant
        return try await click(of: participant, channel: channel, notes: notes, counted: false, tookTurn: { $0 != nil }) {
            try await assistant.pressIfCurrent(participant: participant, slot: slot, fingerprint: fingerprint,
                                               requestID: requestID, answering: answering, admitted: admitted)
        }
    }

    /// A click under the rate limit (unless `counted`), its metrics when it took a turn
    /// (`tookTurn`), and a storage failure logged and answered with a 503.
    private func click<Outcome: Sendable>(of participant: ParticipantID, channel: String, notes: RequestNotes, counted: Bool,
                                          tookTurn: (Outcome) -> Bool,
                                          _ take: @Sendable () async throws -> Outcome) async throws(ServerError) -> Outcome {
        notes.participantID = participant
        if !counted, let wait = limiter.acquire(participant) { throw .rateLimited(retryAfter: wait) }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let outcome = try await take()
            if tookTurn(outcome) { metrics.turn(channel: channel, duration: clock.now - start) }
            return outcome
        } catch {
            logger.error("click not saved; nothing of it was kept", metadata: [
                "channel": "\(channel)", "participant": "\(notes.participantHash ?? "?")", "reason": "\(error)",
            ])
            throw .unavailable
        }
    }

    /// The assistant's turn and its metrics, after the rate limit.
    private func run(_ message: IncomingMessage, channel: String, notes: RequestNotes) async throws(ServerError) -> Reply {
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
