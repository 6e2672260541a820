import DialogEngine
import Foundation
import Logging
import Twinning
import TwinStore

/// The one entry point of JobTwin: every channel — the terminal, the JSON API, Slack,
/// Mattermost, Teams — hands a participant's message to `handle` and renders the `Reply`.
///
/// A turn loads the participant's conversation, lets the dialog engine take the message,
/// runs the domain actions it asks for, and commits the new conversation state, the answers
/// and the domain records in one transaction *before* the reply is returned: an answer the
/// participant saw acknowledged is on disk. Turns of one participant are serialized by that
/// transaction; the work outside it (channel parsing, rendering) runs in parallel.
public final class Assistant: Sendable {
    /// The dialogs this assistant runs.
    public let runtime: DialogRuntime
    /// Where everything is stored.
    public let repository: any TwinRepository
    private let clock: any Clock
    private let options: AssistantOptions
    private let logger: Logger

    /// Creates an assistant.
    public init(program: Program, repository: any TwinRepository, clock: any Clock = SystemClock(),
                options: AssistantOptions = AssistantOptions(), logger: Logger = Logger(label: "jobtwin.assistant")) {
        self.runtime = DialogRuntime(program: program)
        self.repository = repository
        self.clock = clock
        self.options = options
        self.logger = logger
    }

    /// Takes one message of a participant and returns the reply.
    ///
    /// The first message of a new participant opens the conversation (its text is not taken as
    /// an answer). `lang`, when given, switches the participant's language from this turn on.
    ///
    /// - Throws: `AssistantError.storage` when the database failed (nothing of the turn was kept).
    public func handle(participant: ParticipantID, text: String, lang: Language? = nil) async throws(AssistantError) -> Reply {
        try await turn(participant, lang) { runtime, state, host, today in
            try runtime.handle(text, state: &state, host: host, today: today)
        }
    }

    /// Opens a participant's conversation without a message: a new participant gets the welcome
    /// and the first question, a returning one the question they stopped at.
    public func open(participant: ParticipantID, lang: Language? = nil) async throws(AssistantError) -> Reply {
        try await turn(participant, lang) { runtime, state, host, today in
            try runtime.open(&state, host: host, today: today)
        }
    }

    /// Handles a message given as text ids, for channels: validates the id first.
    public func handle(participantID: String, text: String, lang: Language? = nil) async throws(AssistantError) -> Reply {
        guard let id = ParticipantID(participantID) else { throw .invalidParticipant(participantID) }
        return try await handle(participant: id, text: text, lang: lang)
    }

    // MARK: - The turn

    private typealias Step = @Sendable (DialogRuntime, inout SessionState, any DialogHost, LocalDate) throws -> TurnOutput

    private func turn(_ id: ParticipantID, _ lang: Language?, _ step: @escaping Step) async throws(AssistantError) -> Reply {
        let runtime = self.runtime
        let now = clock.now()
        let options = self.options
        let logger = self.logger
        do {
            return try await repository.transaction { tx in
                try Self.turn(id, lang, now: now, runtime: runtime, options: options, logger: logger, tx: tx, step: step)
            }
        } catch let error as DialogRuntimeError {
            logger.error("dialog fault; turn rolled back", metadata: ["error": "\(error)"])
            return await failedTurnReply(id, lang)
        } catch let error as EncodingError {
            logger.error("cannot encode the conversation state; turn rolled back", metadata: ["error": "\(error)"])
            return await failedTurnReply(id, lang)
        } catch {
            logger.error("storage failure; turn rolled back", metadata: ["error": "\(error)"])
            throw .storage(String(describing: error))
        }
    }

    private static func turn(_ id: ParticipantID, _ lang: Language?, now: Date, runtime: DialogRuntime,
                             options: AssistantOptions, logger: Logger, tx: any TwinTransaction, step: Step) throws -> Reply {
        let existing = try tx.participant(id)
        let participant = existing ?? Participant(id: id, language: (lang ?? options.defaultLanguage).rawValue, createdAt: now)
        if existing == nil { try tx.save(participant) }

        var notes: [ReplyMessage] = []
        var state: SessionState
        let stored = try tx.session(id)
        let language = lang ?? Language(rawValue: participant.language) ?? options.defaultLanguage
        if let stored {
            do {
                state = try JSONDecoder().decode(SessionState.self, from: stored.state)
            } catch {
                logger.error("stored conversation unreadable; starting anew", metadata: ["error": "\(error)"])
                state = SessionState(language: language)
                notes.append(ReplyMessage(.warning, AssistantText.sessionUnreadable.text(in: language)))
            }
        } else {
            state = SessionState(language: language)
        }
        if let lang { state.language = lang }

        let host = TurnHost(participant: participant, isCoordinator: options.coordinators.contains(id),
                            transaction: tx, now: now)
        let output = try step(runtime, &state, host, LocalDate(now))

        var updated = try tx.participant(id) ?? participant
        updated.language = state.language.rawValue
        updated.lastActiveAt = now
        try tx.save(updated)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try tx.saveSession(StoredSession(participant: id, state: try encoder.encode(state),
                                         turns: (stored?.turns ?? 0) + 1, updatedAt: now))
        if !output.changedSlots.isEmpty {
            var answers: [String: String?] = [:]
            for slot in output.changedSlots {
                if let value = state.slots[slot] {
                    answers[slot] = String(decoding: try encoder.encode(value), as: UTF8.self)
                } else {
                    answers[slot] = .some(nil)
                }
            }
            try tx.saveAnswers(answers, for: id, at: now)
        }
        return Reply(participant: id.description, messages: notes + output.messages, prompt: output.prompt,
                     phase: updated.phase, language: state.language)
    }

    /// The reply after a turn was rolled back: an apology and the question still pending.
    private func failedTurnReply(_ id: ParticipantID, _ lang: Language?) async -> Reply {
        let runtime = self.runtime
        let fallbackLanguage = lang ?? options.defaultLanguage
        let coordinators = options.coordinators
        let now = clock.now()
        let pending: (Prompt?, Phase, Language)? = try? await repository.read { reader in
            guard let participant = try reader.participant(id), let stored = try reader.session(id),
                  let state = try? JSONDecoder().decode(SessionState.self, from: stored.state) else { return nil }
            let host = ReadOnlyHost(participant: participant, isCoordinator: coordinators.contains(id), now: now)
            return (runtime.pendingPrompt(state, host: host), participant.phase, state.language)
        }
        let language = pending?.2 ?? fallbackLanguage
        var messages = [ReplyMessage(.error, AssistantText.turnFailed.text(in: language))]
        if let prompt = pending?.0 { messages.append(ReplyMessage(.info, prompt.text)) }
        return Reply(participant: id.description, messages: messages, prompt: pending?.0,
                     phase: pending?.1 ?? .matching, language: language)
    }
}

/// Host slots without actions, for rendering a prompt outside a turn.
private struct ReadOnlyHost: DialogHost {
    let participant: Participant
    let isCoordinator: Bool
    let now: Date

    func hostSlot(_ name: String) -> Value {
        TurnHostSlots.value(name, participant: participant, isCoordinator: isCoordinator)
    }

    func perform(_ call: ActionCall) throws -> ActionResult {
        throw DialogRuntimeError("actions cannot run while only reading", dialog: "?", step: "?")
    }
}
