public import DialogEngine
import Foundation
public import Logging
public import Twinning
public import TwinStore
public import TwinLanguage
public import TwinReply

/// The one entry point of JobTwin: every channel — the terminal, the JSON API, Slack,
/// Mattermost, Teams — hands a participant's message to `handle` and renders the `Reply`.
///
/// A turn loads the participant's conversation, lets the dialog engine take the message,
/// runs the domain actions it asks for, and commits the new conversation state, the answers
/// and the domain records in one transaction *before* the reply is returned: an answer the
/// participant saw acknowledged is on disk. Turns of one participant run one after another, in
/// arrival order; different participants' turns run in parallel, and only the storing of their
/// results goes through SQLite's single writer.
public final class Assistant: Sendable {
    /// The dialogs this assistant runs.
    public let runtime: DialogRuntime
    /// Where everything is stored; channels reach it only through the assistant's own methods.
    let repository: any TwinRepository
    private let clock: any WallClock
    private let options: AssistantOptions
    private let logger: Logger
    private let locks = KeyedLock()
    /// Commits plain turns together (internal so that tests can see its writer thread).
    let groupCommit: GroupCommit
    private let explainer: MatchExplainer
    private let cache: SessionCache

    /// Creates an assistant.
    public init(program: Program, repository: any TwinRepository, clock: any WallClock = SystemClock(),
                options: AssistantOptions = AssistantOptions(), logger: Logger = Logger(label: "jobtwin.assistant")) {
        self.runtime = DialogRuntime(program: program)
        self.repository = repository
        self.clock = clock
        self.options = options
        self.logger = logger
        self.cache = SessionCache(capacity: options.cachedSessions)
        self.groupCommit = GroupCommit(repository: repository, idleTimeout: options.writerIdleTimeout)
        self.explainer = MatchExplainer(program: program, terms: options.relatedTerms)
    }

    /// Takes one message of a participant and returns the reply.
    ///
    /// The first message of a new participant opens the conversation (its text is not taken as
    /// an answer). `lang`, when given, switches the participant's language from this turn on.
    /// With a `requestID`, a message whose id this participant already sent on that channel is
    /// not taken again: the reply it got is returned from the store.
    ///
    /// - Throws: `AssistantError.storage` when the database failed (nothing of the turn was kept).
    ///
    /// "geen herinneringen" / "herinneringen aan" (and their English) switch the assistant's own
    /// direct messages off and on, at any question; the reply says so and asks the question again.
    public func handle(participant: ParticipantID, text: String, lang: Language? = nil,
                       requestID: ChannelRequestID? = nil) async throws(AssistantError) -> Reply {
        if let directMessages = MessagePreferenceCommand.parse(text) {
            return try await turn(participant, lang, requestID, incoming: text,
                                  preference: MessagePreference(directMessages: directMessages, at: clock.now())) { runtime, state, host, today in
                try runtime.open(&state, host: host, today: today)
            }
        }
        return try await turn(participant, lang, requestID, incoming: text) { runtime, state, host, today in
            try runtime.handle(text, state: &state, host: host, today: today)
        }
    }

    /// What a click on a button did (`press`).
    public enum ButtonOutcome: Sendable {
        /// The answer was taken; `reply` answers it. `question` is the text of the question
        /// answered, for the platform to show beside the answer in place of the buttons.
        case answered(Reply, question: String)
        /// The answer was read but not accepted (a date out of range, nothing chosen): `reply`
        /// gives the reason and asks the question again, at a new turn.
        case refused(Reply)
        /// The same click came before (a platform's retry): nothing was taken again; `reply` is
        /// what the first one got.
        case repeated(Reply)
        /// The button belongs to a question asked earlier: the conversation has moved on, and
        /// nothing was taken. `language` is the participant's, to say so in.
        case stale(Language)
        /// The click was not taken as an answer — a direct message's start button while the
        /// participant is in the middle of something else, something that happened since the
        /// question was shown (the partner changed the plan), or a turn that failed — and `reply`
        /// shows where the participant is.
        case notTaken(Reply)
    }

    /// Takes a click on a button, a menu or a date picker as the participant's answer — only if
    /// it answers the question the conversation is at now.
    ///
    /// `turn` is the turn whose reply showed the button: unless the conversation is still at
    /// that turn and asking `slot` — with the same options as then, when `fingerprint` is
    /// given (`Reply.Prompt.fingerprint`) — nothing is taken (`.stale`). When something
    /// happened for the participant since (a notice waits), nothing is taken either, and
    /// `.notTaken` shows it with the question. A direct message's start button
    /// has no turn: its `answer` is an option value of the menu (`slot` `menu.action`), taken when
    /// the participant is at the menu and the option is offered now, and otherwise answered with
    /// the question they are at (`.notTaken`). A `requestID` the participant sent before gets
    /// `.repeated` and nothing else.
    ///
    /// - Throws: `AssistantError.storage` when the database failed (nothing was taken).
    public func press(participant id: ParticipantID, slot: String, turn expected: Int?, fingerprint: String? = nil, answer: String,
                      requestID: ChannelRequestID? = nil) async throws(AssistantError) -> ButtonOutcome {
        do {
            return try await locks.withLock(id) { () async throws -> ButtonOutcome in
                if let expected, let outcome = try await self.pressFromCache(id, slot: slot, turn: expected, fingerprint: fingerprint,
                                                                              answering: { _, _ in answer }, requestID: requestID) {
                    return outcome
                }
                let turns: Int, prompt: Prompt?, language: Language, news: Bool
                switch try await self.pending(id, requestID) {
                case .repeated(let data): return .repeated(try Self.storedReply(data, requestID))
                case .unknown: return .stale(self.options.defaultLanguage)
                case .found(let count, let asked, let spoken, let notices): (turns, prompt, language, news) = (count, asked, spoken, notices)
                }
                // A start button shows the question at hand, with a word on why it did not go on.
                func notTaken(_ note: LocalizedText) async throws -> ButtonOutcome {
                    var reply = try await self.unlockedTurn(id, nil, requestID, incoming: nil, preference: nil, Self.opening)
                    reply.messages.insert(Reply.Message(.info, note.text(in: reply.language)), at: 0)
                    return .notTaken(reply)
                }
                guard let prompt, prompt.slot == slot else {
                    return expected == nil ? try await notTaken(AssistantText.finishCurrentQuestion) : .stale(language)
                }
                if let expected {
                    guard expected == turns, fingerprint == nil || fingerprint == Reply.Prompt(prompt).fingerprint else {
                        return .stale(language)
                    }
                    if news { return try await notTaken(AssistantText.changedSince) }
                } else if !((prompt.options ?? []) + prompt.shortcuts).contains(where: { $0.value == answer }) {
                    return try await notTaken(AssistantText.stepNotOffered)
                }
                let reply = try await self.unlockedTurn(id, nil, requestID, incoming: answer, preference: nil) { runtime, state, host, today in
                    try runtime.handle(answer, state: &state, host: host, today: today)
                }
                if reply.prompt?.slot == prompt.slot, reply.messages.contains(where: { $0.kind == .error }) { return .refused(reply) }
                return .answered(reply, question: prompt.text)
            }
        } catch {
            return .notTaken(try await recover(from: error, id, nil))
        }
    }

    /// `press` with no read of the store before the write: taken only when this process's
    /// cached conversation is at `slot` (with the options of `fingerprint`, when given), and only
    /// while `admitted` holds inside the write transaction (the web chat passes its check of the
    /// browser session there, so that a session ended by another process lets nothing through).
    /// `answering` turns what the participant chose into the answer text, for the question as
    /// it is asked now and in the conversation's language; `nil` when that does not answer it.
    ///
    /// `nil` when nothing was stored — the cache could not tell, `answering` gave nothing, the
    /// store had moved on, or `admitted` said no — and the caller goes the careful way: it checks
    /// what it must and calls `press`. A dialog fault is answered as by `press` (`.notTaken`).
    ///
    /// - Throws: `AssistantError.storage` when the database failed (nothing was taken).
    public func pressIfCurrent(participant id: ParticipantID, slot: String, fingerprint: String?, requestID: ChannelRequestID?,
                               answering: @escaping @Sendable (Reply.Prompt, Language) -> String?,
                               admitted: @escaping @Sendable (any TwinReader) throws -> Bool) async throws(AssistantError) -> ButtonOutcome? {
        do {
            return try await locks.withLock(id) { () async throws -> ButtonOutcome? in
                try await self.pressFromCache(id, slot: slot, turn: nil, fingerprint: fingerprint, answering: answering,
                                              requestID: requestID, admitted: admitted)
            }
        } catch {
            // As `press`: a dialog fault is rolled back and answered with an apology and the question.
            return .notTaken(try await recover(from: error, id, nil))
        }
    }

    /// A click at the question the cached conversation is at (at turn `expected`, when given),
    /// taken without reading the store first: the group commit checks, in its write, what
    /// `pending` would have read (the turn counter, the facts, no notice waiting, the request
    /// not taken before) and `admitted`. `nil` when the cache cannot tell, or the commit found
    /// the store moved on: then the careful path decides, and nothing was stored here.
    private func pressFromCache(_ id: ParticipantID, slot: String, turn expected: Int?, fingerprint: String?,
                                answering: (Reply.Prompt, Language) -> String?, requestID: ChannelRequestID?,
                                admitted: (@Sendable (any TwinReader) throws -> Bool)? = nil) async throws -> ButtonOutcome? {
        guard let entry = cache.entry(id), let facts = entry.facts, expected == nil || entry.turns == expected,
              let prompt = pendingPrompt(of: entry, facts: facts), prompt.slot == slot
        else { return nil }
        let shown = Reply.Prompt(prompt)
        guard fingerprint == nil || fingerprint == shown.fingerprint, let answer = answering(shown, entry.state.language) else { return nil }
        let step: Step = { runtime, state, host, today in try runtime.handle(answer, state: &state, host: host, today: today) }
        switch try await fastTurn(id, nil, requestID, answer, step, checked: entry, admitted: admitted) {
        case .committed(let reply):
            if reply.prompt?.slot == prompt.slot, reply.messages.contains(where: { $0.kind == .error }) { return .refused(reply) }
            return .answered(reply, question: prompt.text)
        case .taken(let reply):
            return .repeated(reply)
        case .needsFullPath, .stale:
            return nil
        }
    }

    /// The question a cached conversation waits at: the one its turn computed, when that was
    /// today (a question's limits may count from today), else worked out again.
    private func pendingPrompt(of entry: SessionCache.Entry, facts: ParticipantFacts) -> Prompt? {
        // The day the runtime itself would compute it on (`pendingPrompt` takes today's date).
        if let pending = entry.pending, pending.day == LocalDate(Date()) { return pending.prompt }
        return runtime.pendingPrompt(entry.state, host: ReadOnlyHost(facts: facts))
    }

    /// Opens a participant's conversation without a message: a new participant gets the welcome
    /// and the first question, a returning one the question they stopped at. A `requestID` works
    /// as in `handle`.
    public func open(participant: ParticipantID, lang: Language? = nil,
                     requestID: ChannelRequestID? = nil) async throws(AssistantError) -> Reply {
        try await turn(participant, lang, requestID, incoming: nil, Self.opening)
    }

    /// The conversation as it stands, read without taking a turn: the pending question and the
    /// questions answered before it in the parts under way — for a channel that draws the whole
    /// conversation again (the web chat on every page view), so that looking does not move the
    /// turn on and make another device's page stale.
    ///
    /// `nil` when only a turn can show it: a participant or conversation not known yet, a
    /// paused one, one that waits for no answer, or news waiting to be shown (a notice from the
    /// partner, which `open` shows once).
    ///
    /// - Throws: `AssistantError.storage` when the database cannot be read.
    public func view(participant id: ParticipantID) async throws(AssistantError) -> ConversationView? {
        do {
            return try await repository.read { reader in try self.view(participant: id, reading: reader) }
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// The questions answered so far (the `answered` of the view) right after this process took
    /// the participant's turn, for a caller that has the turn's reply and needs only these: from
    /// the conversation the turn left in the cache, else as `view(participant:)` reads them.
    ///
    /// - Throws: `AssistantError.storage` when the store had to be read and could not be.
    public func answeredAfterTurn(participant id: ParticipantID) async throws(AssistantError) -> [ConversationView.Answered] {
        if let cached = cache.entry(id), let facts = cached.facts {
            guard !cached.state.isPaused else { return [] }
            return runtime.answeredQuestions(cached.state, host: ReadOnlyHost(facts: facts)).map {
                ConversationView.Answered(question: $0.question, answer: $0.answer)
            }
        }
        return try await view(participant: id)?.answered ?? []
    }

    /// `view(participant:)` inside a read the caller holds, for a caller that reads something
    /// else in the same breath (the web chat checks the browser session in it): one trip to
    /// the database instead of two.
    public func view(participant id: ParticipantID, reading reader: any TwinReader) throws -> ConversationView? {
        let cached = cache.entry(id)
        // The conversation this process last stored, with its facts, when it is still the
        // stored one: then only the turn counter and the notices are read — a page view costs
        // hardly more than the turn it follows. (News from the partner is a notice, so facts
        // changed by the partner do not go unseen.)
        if let cached, let facts = cached.facts, try reader.sessionTurns(id) == cached.turns {
            guard try reader.pendingNotices(for: id).isEmpty else { return nil }
            return Self.view(of: cached.state, turns: cached.turns, facts: facts, prompt: pendingPrompt(of: cached, facts: facts),
                             runtime: runtime, id: id)
        }
        guard let participant = try reader.participant(id), try reader.pendingNotices(for: id).isEmpty else { return nil }
        guard let (state, turns) = try Self.currentState(id, cached: cached, in: reader) else { return nil }
        let facts = try ParticipantFacts.load(participant, isCoordinator: options.coordinators.contains(id), from: reader)
        // What was read is kept, so that the answer to this page needs no read before its turn
        // (after a domain action, or a restart, the cache lacks the facts); the commit checks
        // it as it checks everything the cache holds.
        cache.fill(state, facts: facts, for: id, turns: turns)
        return Self.view(of: state, turns: turns, facts: facts, prompt: runtime.pendingPrompt(state, host: ReadOnlyHost(facts: facts)),
                         runtime: runtime, id: id)
    }

    /// The view of a conversation in `state`, which waits at `prompt`; `nil` when only a turn
    /// can show it (paused, or waiting for no answer).
    private static func view(of state: SessionState, turns: Int, facts: ParticipantFacts, prompt: Prompt?, runtime: DialogRuntime,
                             id: ParticipantID) -> ConversationView? {
        guard let reply = question(of: state, turns: turns, facts: facts, prompt: prompt, id: id) else { return nil }
        let answered = runtime.answeredQuestions(state, host: ReadOnlyHost(facts: facts)).map {
            ConversationView.Answered(question: $0.question, answer: $0.answer)
        }
        return ConversationView(reply: reply, answered: answered)
    }

    /// The reply asking `prompt`, the pending question of a conversation in `state`, as its view has it.
    private static func question(of state: SessionState, turns: Int, facts: ParticipantFacts, prompt: Prompt?,
                                 id: ParticipantID) -> Reply? {
        guard !state.isPaused, let prompt else { return nil }
        return Reply(participant: id.description, messages: [Reply.Message(.info, prompt.text)],
                     prompt: Reply.Prompt(prompt), phase: facts.participant.phase, language: state.language, turn: turns)
    }

    /// The coordinator's pages in the browser, over the same store, dialogs and coordinators.
    public var coordinatorPages: CoordinatorPages {
        CoordinatorPages(repository: repository, program: runtime.program, clock: clock, coordinators: options.coordinators,
                         detector: options.bottleneckDetector)
    }

    /// The step that opens a conversation: the welcome, or the question the participant is at.
    private static let opening: Step = { runtime, state, host, today in
        try runtime.open(&state, host: host, today: today)
    }

    /// Handles a message given as text ids, for channels: validates the id first.
    public func handle(participantID: String, text: String, lang: Language? = nil,
                       requestID: ChannelRequestID? = nil) async throws(AssistantError) -> Reply {
        guard let id = ParticipantID(participantID) else { throw .invalidParticipant(participantID) }
        return try await handle(participant: id, text: text, lang: lang, requestID: requestID)
    }

    /// The participant's language as this process last saw it — from the cached conversation,
    /// without touching the database; `nil` when it is not cached. For a channel that must
    /// answer before the turn is done.
    public func cachedLanguage(of participant: ParticipantID) -> Language? {
        cache.entry(participant)?.state.language
    }

    /// The participant's language: the cached conversation's, else the stored one; `nil` for
    /// someone not known (or when the store cannot be read).
    public func knownLanguage(of participant: ParticipantID) async -> Language? {
        if let cached = cachedLanguage(of: participant) { return cached }
        let stored = try? await repository.read { try $0.participant(participant)?.language }
        return stored
    }

    // MARK: - The turn

    private typealias Step = @Sendable (DialogRuntime, inout SessionState, any DialogHost, LocalDate) throws -> TurnOutput

    /// `incoming` is the participant's message (`nil` when the conversation is only opened),
    /// kept word for word when `keepConversationTexts` is on.
    /// `preference`, when given, is recorded in the turn's transaction and confirmed first.
    private func turn(_ id: ParticipantID, _ lang: Language?, _ request: ChannelRequestID?, incoming: String?,
                      preference: MessagePreference? = nil, _ step: @escaping Step) async throws(AssistantError) -> Reply {
        do {
            return try await locks.withLock(id) { () async throws -> Reply in
                try await self.unlockedTurn(id, lang, request, incoming: incoming, preference: preference, step)
            }
        } catch {
            return try await recover(from: error, id, lang)
        }
    }

    /// A turn, for a caller that holds the participant's lock.
    private func unlockedTurn(_ id: ParticipantID, _ lang: Language?, _ request: ChannelRequestID?, incoming: String?,
                              preference: MessagePreference?, _ step: @escaping Step) async throws -> Reply {
        // The fast path looks the request up first, under this lock, so that the full path
        // never sees a request that was already taken. A preference is written, so it takes
        // the full path.
        if preference == nil {
            switch try await fastTurn(id, lang, request, incoming, step) {
            case .committed(let reply), .taken(let reply): return reply
            case .needsFullPath: break
            case .stale(let fresh):
                // Once more from what is stored now (as the commit read it, or read afresh),
                // before the full path's many statements.
                switch try await fastTurn(id, lang, request, incoming, step, fresh: fresh) {
                case .committed(let reply), .taken(let reply): return reply
                case .needsFullPath, .stale: break
                }
            }
        }
        return try await fullTurn(id, lang, request, incoming, preference: preference, step)
    }

    /// What the participant is asked now, read under their lock: the turn count, the question
    /// and the language — or that `request` was taken before.
    private enum Pending: Sendable {
        case found(turns: Int, prompt: Prompt?, language: Language, notices: Bool)
        case repeated(Data)
        case unknown
    }

    private func pending(_ id: ParticipantID, _ request: ChannelRequestID?) async throws -> Pending {
        let runtime = self.runtime, coordinators = options.coordinators
        let cached = cache.entry(id)
        return try await repository.read { reader -> Pending in
            if let request, let done = try reader.processedRequest(channel: request.channel, requestID: request.value, participant: id) {
                return .repeated(done.reply)
            }
            guard let participant = try reader.participant(id) else { return .unknown }
            // The facts are read afresh (the partner may have changed the plan since), the
            // state is the cached one when the stored conversation is still at its turn:
            // decoding the state was most of the cost of a click.
            let facts = try ParticipantFacts.load(participant, isCoordinator: coordinators.contains(id), from: reader)
            guard let (state, turns) = try Self.currentState(id, cached: cached, in: reader) else { return .unknown }
            return .found(turns: turns, prompt: runtime.pendingPrompt(state, host: ReadOnlyHost(facts: facts)), language: state.language,
                          notices: !(try reader.pendingNotices(for: id).isEmpty))
        }
    }

    /// The stored conversation and its turn count: the cached state when the store is still at
    /// its turn (decoding the state is most of the cost of a read), else the stored one; `nil`
    /// when there is none or it cannot be read.
    private static func currentState(_ id: ParticipantID, cached: SessionCache.Entry?,
                                     in reader: any TwinReader) throws -> (SessionState, Int)? {
        if let cached, try reader.sessionTurns(id) == cached.turns { return (cached.state, cached.turns) }
        guard let stored = try reader.session(id),
              let decoded = try? JSONDecoder().decode(SessionState.self, from: stored.state) else { return nil }
        return (decoded, stored.turns)
    }

    /// The reply after a turn that failed: a rolled-back dialog fault gets an apology and the
    /// question still pending; a storage failure is thrown.
    private func recover(from error: any Error, _ id: ParticipantID, _ lang: Language?) async throws(AssistantError) -> Reply {
        switch error {
        case let error as DialogRuntimeError:
            cache.forget(id)
            logger.error("dialog fault; turn rolled back", metadata: ["error": "\(error)"])
            return await failedTurnReply(id, lang)
        case let error as EncodingError:
            cache.forget(id)
            logger.error("cannot encode the conversation state; turn rolled back", metadata: ["error": "\(error)"])
            return await failedTurnReply(id, lang)
        default:
            cache.forget(id)
            logger.error("storage failure; turn rolled back", metadata: ["error": "\(error)"])
            throw .storage(String(describing: error))
        }
    }

    /// The common turn — an answer or a command, no domain action — with the dialog engine
    /// run outside the write transaction, so that many participants' turns compute in
    /// parallel and the single SQLite writer only stores the result. `.needsFullPath` when the
    /// turn needs the full path: a new participant, a domain action, or a conversation changed
    /// by someone else meanwhile (nothing was stored then). A request taken before gets its
    /// stored reply here (`.taken`).
    ///
    /// `checked` is the cached conversation a caller already checked the turn against
    /// (`pressFromCache`): the turn is computed from exactly that one, never from a read.
    /// `fresh` is what the commit of an attempt from a stale cache entry found stored (`.stale`).
    private func fastTurn(_ id: ParticipantID, _ lang: Language?, _ request: ChannelRequestID?, _ incoming: String?,
                          _ step: Step, checked: SessionCache.Entry? = nil, fresh: FastSnapshot? = nil,
                          admitted: (@Sendable (any TwinReader) throws -> Bool)? = nil) async throws -> FastOutcome {
        // A cached conversation is computed at once, without reading anything: the group
        // commit checks it against what is stored. Otherwise the participant, the turn counter
        // and the facts are read first, and the state itself when the cache lacks that version.
        let cache = self.cache
        let isCoordinator = options.coordinators.contains(id)
        let snapshot: FastSnapshot?
        var fromCache = true
        let cached = fresh == nil && checked == nil ? cache.entry(id) : nil
        if let fresh {
            // As stored a moment ago, read by the commit that found the cache behind.
            fromCache = false
            snapshot = fresh
        } else if let checked {
            guard let facts = checked.facts else { return .needsFullPath }
            snapshot = .ready(facts, checked.turns, checked.state)
        } else if let entry = cached, let facts = entry.facts {
            snapshot = .ready(facts, entry.turns, entry.state)
        } else {
            fromCache = false
            // The conversation comes with the checks unless the cache holds its version (-2: none held).
            let heldTurns = cached?.turns ?? -2
            snapshot = try await repository.read { reader -> FastSnapshot? in
                try reader.prepareTurnChecks([TurnCheck(participant: id, channel: request?.channel, requestID: request?.value,
                                                        expectedTurns: heldTurns)])
                if let request, let done = try reader.processedRequest(channel: request.channel, requestID: request.value, participant: id) {
                    return .taken(done.reply)
                }
                guard let participant = try reader.participant(id), let turns = try reader.sessionTurns(id) else { return nil }
                // Notices from the partner are shown and marked in the full path, in one transaction.
                guard try reader.pendingNotices(for: id).isEmpty else { return nil }
                let facts = try ParticipantFacts.load(participant, isCoordinator: isCoordinator, from: reader)
                if let cached = cache.state(id, turns: turns) { return .ready(facts, turns, cached) }
                guard let stored = try reader.session(id) else { return nil }
                return .ready(facts, turns, try? JSONDecoder().decode(SessionState.self, from: stored.state))
            }
        }
        if case .taken(let stored)? = snapshot { return .taken(try Self.storedReply(stored, request)) }
        guard case .ready(let facts, let turns, let decoded)? = snapshot, var state = decoded else { return .needsFullPath }
        if let lang { state.language = lang }
        let now = clock.now()
        let host = TurnHost(facts: facts, transaction: nil, now: now, explainer: explainer, keepsTexts: options.keepConversationTexts)
        let output: TurnOutput
        do {
            output = try step(runtime, &state, host, LocalDate(now))
        } catch is ActionNeedsTransaction {
            return .needsFullPath
        }
        let record = try TurnRecord(state: state, output: output)
        let finalState = state
        // A plain answer does not change the phase, so the reply is complete before the commit:
        // encoding it for a channel's request id happens here, not inside the single writer.
        let reply = Reply(participant: id.description, output: output, phase: facts.participant.phase, language: finalState.language,
                          turn: turns + 1)
        let processed = try request.map { try Self.processedRequest($0, of: id, reply: reply, at: now) }
        // Only when the installation keeps them (off, the turn does no extra work at all), and
        // only of a participant who consented to processing.
        let texts = options.keepConversationTexts ? ConversationTexts.of(turn: incoming, reply: reply, at: now) : nil
        let precheck: @Sendable (any TwinTransaction) throws -> GroupCommit.Outcome? = { tx in
            if let admitted, try !admitted(tx) { return .conflict }
            if let request, let done = try tx.processedRequest(channel: request.channel, requestID: request.value, participant: id) {
                return .taken(done.reply)
            }
            guard let participant = try tx.participant(id), try tx.pendingNotices(for: id).isEmpty,
                  try ParticipantFacts.load(participant, isCoordinator: isCoordinator, from: tx).sameSlots(as: facts)
            else { return .conflict }
            return nil
        }
        // Another process took a turn meanwhile (turns alternate between processes behind a
        // load balancer): what is stored now goes back with the conflict.
        let moved: @Sendable (any TwinTransaction) throws -> GroupCommit.Outcome = { tx in
            guard let participant = try tx.participant(id), let stored = try tx.session(id) else { return .conflict }
            return .moved(try ParticipantFacts.load(participant, isCoordinator: isCoordinator, from: tx), stored)
        }
        let item = GroupCommit.Item(participant: id, expectedTurns: turns, language: finalState.language.rawValue, now: now,
                                    record: record, request: request, precheck: precheck, moved: moved) { tx in
            if let processed { try tx.save(processed) }
            if let texts, try tx.hasConsent(.processing, of: id) { try tx.save(texts, for: id) }
            return reply
        }
        switch try await groupCommit.commit(item) {
        case .committed(let reply):
            let pending = output.prompt.map { (prompt: $0, day: LocalDate(now)) }
            cache.store(finalState, facts: facts, pending: finalState.awaiting == .answer ? pending : nil, for: id, turns: turns + 1)
            return .committed(reply)
        case .taken(let stored):
            return .taken(try Self.storedReply(stored, request))
        case .conflict:
            cache.forget(id)
            return fromCache ? .stale(nil) : .needsFullPath
        case .moved(let facts, let stored):
            cache.forget(id)
            guard fromCache else { return .needsFullPath }
            let state = cache.state(id, turns: stored.turns) ?? (try? JSONDecoder().decode(SessionState.self, from: stored.state))
            return .stale(.ready(facts, stored.turns, state))
        }
    }

    /// The reply a request got when it was first taken, from its stored JSON.
    private static func storedReply(_ data: Data, _ request: ChannelRequestID?) throws -> Reply {
        do {
            return try JSONDecoder().decode(Reply.self, from: data)
        } catch {
            throw StoreError.corruptRow(table: "processed_requests", key: request?.description ?? "?", reason: "the stored reply cannot be read")
        }
    }

    /// The turn inside one write transaction: for new participants and domain actions, whose
    /// effects and the conversation state must be committed together.
    private func fullTurn(_ id: ParticipantID, _ lang: Language?, _ request: ChannelRequestID?, _ incoming: String?,
                          preference: MessagePreference?, _ step: @escaping Step) async throws -> Reply {
        let runtime = self.runtime
        let now = clock.now()
        let options = self.options
        let logger = self.logger
        let explainer = self.explainer
        let effects = TurnEffects()
        let (reply, taken, turns) = try await repository.transaction { tx -> (Reply, SessionState?, Int) in
            try tx.holdTurns(of: [id])
            // A request taken before (the fast path, which looks first, was skipped for a
            // preference) gets its stored reply; nothing is taken twice.
            if let request, let done = try tx.processedRequest(channel: request.channel, requestID: request.value, participant: id),
               let stored = try? JSONDecoder().decode(Reply.self, from: done.reply) {
                return (stored, SessionState?.none, 0)
            }
            let result = try Self.fullTurn(id, lang, now: now, runtime: runtime, options: options, logger: logger, tx: tx,
                                           explainer: explainer, effects: effects, preference: preference, step: step)
            // A turn that asks for erasure keeps no record of its request: the erasure removes it.
            if !effects.erasureRequested { try Self.recordRequest(request, of: id, reply: result.0, at: now, in: tx) }
            if options.keepConversationTexts, try tx.hasConsent(.processing, of: id) {
                try tx.save(ConversationTexts.of(turn: incoming, reply: result.0, at: now), for: id)
            }
            return (result.0, result.1, result.2)
        }
        guard let state = taken else { return reply }
        if effects.erasureRequested {
            // After the commit, outside any transaction, still under the participant's lock.
            cache.forget(id)
            options.afterErasureRequest?()
            return await SelfErasure.complete(id, language: state.language, turnReply: reply, request: request,
                                              repository: repository, now: now, logger: logger)
        }
        cache.store(state, for: id, turns: turns)
        return reply
    }

    private static func fullTurn(_ id: ParticipantID, _ lang: Language?, now: Date, runtime: DialogRuntime,
                                 options: AssistantOptions, logger: Logger, tx: any TwinTransaction,
                                 explainer: MatchExplainer, effects: TurnEffects? = nil, preference: MessagePreference? = nil,
                                 step: Step) throws -> (Reply, SessionState, Int) {
        let existing = try tx.participant(id)
        let participant = existing ?? Participant(id: id, language: lang ?? options.defaultLanguage, createdAt: now)
        if existing == nil { try tx.save(participant) }

        var notes: [Reply.Message] = []
        var state: SessionState
        let stored = try tx.session(id)
        let language = lang ?? participant.language
        if let stored {
            do {
                state = try JSONDecoder().decode(SessionState.self, from: stored.state)
            } catch {
                logger.error("stored conversation unreadable; starting anew", metadata: ["error": "\(error)"])
                state = SessionState(language: language)
                notes.append(Reply.Message(.warning, AssistantText.sessionUnreadable.text(in: language)))
            }
        } else {
            state = SessionState(language: language)
        }
        if let lang { state.language = lang }

        let facts = try ParticipantFacts.load(participant, isCoordinator: options.coordinators.contains(id), from: tx)
        let host = TurnHost(facts: facts, transaction: tx, now: now, explainer: explainer,
                            keepsTexts: options.keepConversationTexts, effects: effects,
                            coordinators: options.coordinators, detector: options.bottleneckDetector)
        let output = try step(runtime, &state, host, LocalDate(now))
        if let preference {
            try tx.record(preference, for: id)
            notes.append(Reply.Message(.info, MessagePreferenceCommand.confirmation(preference.directMessages, in: state.language)))
        }

        var updated = try tx.participant(id) ?? participant
        updated.language = state.language
        updated.lastActiveAt = now
        try tx.save(updated)
        let turns = (stored?.turns ?? 0) + 1
        try TurnRecord(state: state, output: output).save(for: id, turns: turns, at: now, in: tx)
        // What happened since the participant's last turn (the partner changed the plan, logged
        // an activity, …) comes first, once.
        let notices = try tx.pendingNotices(for: id).map { Reply.Message(.info, LocalizedText(nl: $0.nl, en: $0.en).text(in: state.language)) }
        if !notices.isEmpty { try tx.markNoticesShown(for: id, at: now) }
        let reply = Reply(participant: id.description, before: notes + notices, output: output, phase: updated.phase,
                          language: state.language, turn: turns)
        return (reply, state, turns)
    }

    /// Records that `request` was taken and what it got, in the turn's transaction.
    private static func recordRequest(_ request: ChannelRequestID?, of id: ParticipantID, reply: Reply, at now: Date,
                                      in tx: any TwinTransaction) throws {
        guard let request else { return }
        try tx.save(try processedRequest(request, of: id, reply: reply, at: now))
    }

    /// The stored form of a channel request and its reply, for answering a repeat of it.
    private static func processedRequest(_ request: ChannelRequestID, of id: ParticipantID, reply: Reply, at now: Date) throws -> ProcessedRequest {
        ProcessedRequest(channel: request.channel, requestID: request.value, participant: id,
                         reply: try reply.encodedJSON(), at: now, deliveredAt: request.repliedInResponse ? now : nil)
    }

    /// The reply after a turn was rolled back: an apology and the question still pending.
    private func failedTurnReply(_ id: ParticipantID, _ lang: Language?) async -> Reply {
        let runtime = self.runtime
        let fallbackLanguage = lang ?? options.defaultLanguage
        let coordinators = options.coordinators
        let pending: (Prompt?, Phase, Language, Int)? = try? await repository.read { reader in
            guard let participant = try reader.participant(id), let stored = try reader.session(id),
                  let state = try? JSONDecoder().decode(SessionState.self, from: stored.state) else { return nil }
            let facts = try ParticipantFacts.load(participant, isCoordinator: coordinators.contains(id), from: reader)
            let host = ReadOnlyHost(facts: facts)
            return (runtime.pendingPrompt(state, host: host), participant.phase, state.language, stored.turns)
        }
        let language = pending?.2 ?? fallbackLanguage
        var messages = [Reply.Message(.error, AssistantText.turnFailed.text(in: language))]
        if let prompt = pending?.0 { messages.append(Reply.Message(.info, prompt.text)) }
        return Reply(participant: id.description, messages: messages, prompt: pending?.0.map(Reply.Prompt.init),
                     phase: pending?.1 ?? .matching, language: language, turn: pending?.3)
    }
}

/// How a fast turn ended.
private enum FastOutcome: Sendable {
    /// The turn was stored; this is its reply.
    case committed(Reply)
    /// The request was taken before; this is the reply it got then. Nothing was stored.
    case taken(Reply)
    /// Only the full path can take this turn; nothing was stored.
    case needsFullPath
    /// Computed from the cached conversation, which the store had moved past (another process
    /// took a turn of the participant: behind a load balancer, turns alternate between
    /// processes); nothing was stored, and the cache entry is gone. With what is stored now,
    /// when the commit read it.
    case stale(FastSnapshot?)
}

/// What the fast path read (or had cached) before computing a turn.
private enum FastSnapshot: Sendable {
    /// The request was taken before; this is the reply it got, as stored.
    case taken(Data)
    /// The participant's facts, turn counter and state (`nil` when it cannot be decoded).
    case ready(ParticipantFacts, Int, SessionState?)
}

/// Host slots without actions, for rendering a prompt outside a turn.
private struct ReadOnlyHost: DialogHost {
    let facts: ParticipantFacts

    func hostSlot(_ name: String) -> Value { facts.value(name) }

    func perform(_ call: ActionCall) throws -> ActionResult {
        throw DialogRuntimeError("actions cannot run while only reading", dialog: "?", step: "?")
    }
}
