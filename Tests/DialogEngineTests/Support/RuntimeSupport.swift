import Foundation
import Testing
import DialogEngine
import TwinLanguage

// Shared helpers for the runtime tests: programs built from inline YAML, a host that records
// what the dialogs ask of it, and a conversation that feeds messages through `DialogRuntime`.

/// The error a `RecordingHost` throws from an action it was told to fail.
struct HostActionFailure: Error, Equatable {
    /// The action that failed.
    var action: String
}

/// A `DialogHost` for tests: host slots come from a dictionary, actions are answered by
/// `responder`, and every action call is recorded in order.
final class RecordingHost: DialogHost, @unchecked Sendable {
    /// The values of the host-provided slots; a slot not listed is `null`.
    var hostSlots: [String: Value]
    /// Answers each action call; may throw to fail the turn.
    var responder: (ActionCall) throws -> ActionResult
    /// Every action call, oldest first (also the ones that threw).
    private(set) var calls: [ActionCall] = []

    /// A host in the matching phase, not a coordinator, whose actions return nothing.
    init(hostSlots: [String: Value] = ["participant.phase": .text("matching"), "participant.coordinator": .bool(false)],
         responder: @escaping (ActionCall) throws -> ActionResult = { _ in ActionResult() }) {
        self.hostSlots = hostSlots
        self.responder = responder
    }

    /// What `status` says first; `nil` for nothing.
    var statusContext: String?

    func hostSlot(_ name: String) -> Value { hostSlots[name] ?? .null }

    func statusContext(in language: Language) -> String? { statusContext }

    func perform(_ call: ActionCall) throws -> ActionResult {
        calls.append(call)
        return try responder(call)
    }
}

/// Builds programs for the runtime tests.
enum RuntimeSupport {
    /// The day every test conversation takes place on.
    static let today: LocalDate = {
        guard let day = LocalDate(year: 2026, month: 3, day: 10) else { preconditionFailure("2026-03-10 is a day") }
        return day
    }()

    /// Conversations start in `main` and come home to `home`; the host offers two slots and
    /// four actions.
    static let hostInterface = HostInterface(
        entryDialog: "main",
        homeDialog: "home",
        hostSlots: ["participant.phase": .text, "participant.coordinator": .bool],
        actions: [
            ActionSignature(name: "save_profile", summary: "Saves the profile; returns its reference.",
                            parameters: [.init("name", .text), .init("side", .text, optional: true)], result: .text),
            ActionSignature(name: "check_plan", summary: "Checks a plan against the guideline.",
                            parameters: [.init("weeks", .integer)], result: .bool),
            ActionSignature(name: "notify", summary: "Tells the coordinator; returns nothing.",
                            parameters: [.init("message", .text)], result: nil),
            ActionSignature(name: "count_days", summary: "Days until a date.",
                            parameters: [.init("until", .date)], result: .integer),
        ])

    /// The home dialog added to every program that does not bring its own: one text question,
    /// asked again and again.
    static let homeDialog = """
        dialog: home
        title: {nl: Menu, en: Menu}
        steps:
          - ask: home.action
            type: text
            prompt: {nl: Wat wil je nu doen?, en: What would you like to do now?}
          - goto: home.action
        """

    /// The home dialog's question, in English.
    static let homePrompt = "What would you like to do now?"

    /// Loads dialogs written inline; adds `homeDialog` unless one of them is `home`. A load
    /// error is recorded as an issue with every diagnostic, then thrown.
    static func program(_ dialogs: String..., host: HostInterface = hostInterface) throws -> Program {
        try program(dialogs, host: host)
    }

    /// Loads dialogs written inline; see `program(_:host:)`.
    static func program(_ dialogs: [String], host: HostInterface = hostInterface) throws -> Program {
        var texts = dialogs
        if !texts.contains(where: { name(of: $0) == "home" }) { texts.append(homeDialog) }
        let sources = texts.enumerated().map { index, text in
            DialogSource(path: "Dialogs/\(index)-\(name(of: text) ?? "unnamed").yaml", text: text)
        }
        do {
            return try Program.load(sources, host: host)
        } catch {
            Issue.record("the test dialogs do not load:\n\(error.diagnostics.map(\.description).joined(separator: "\n"))")
            throw error
        }
    }

    /// The `dialog:` name written in a dialog's text.
    private static func name(of text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("dialog:") {
            return line.dropFirst("dialog:".count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// One participant's conversation with a program: the state, the host and the runtime, with
/// each turn's output returned.
struct ChatHarness {
    /// The runtime under test.
    let runtime: DialogRuntime
    /// The host every turn uses.
    let host: RecordingHost
    /// The participant's state after the last turn.
    var state: SessionState
    /// The day the turns take place on.
    var today: LocalDate

    /// A new conversation (not started) in `language`.
    init(_ program: Program, host: RecordingHost = RecordingHost(), language: Language = .en,
         today: LocalDate = RuntimeSupport.today) {
        self.runtime = DialogRuntime(program: program)
        self.host = host
        self.state = SessionState(language: language)
        self.today = today
    }

    /// A conversation that continues from a stored `state`.
    init(_ program: Program, state: SessionState, host: RecordingHost = RecordingHost(),
         today: LocalDate = RuntimeSupport.today) {
        self.runtime = DialogRuntime(program: program)
        self.host = host
        self.state = state
        self.today = today
    }

    /// Opens the conversation (or shows the pending question again).
    @discardableResult
    mutating func open() throws -> TurnOutput {
        try runtime.open(&state, host: host, today: today)
    }

    /// Sends one message.
    @discardableResult
    mutating func send(_ text: String) throws -> TurnOutput {
        try runtime.handle(text, state: &state, host: host, today: today)
    }

    /// Sends messages in order; returns the output of the last one.
    @discardableResult
    mutating func send(_ texts: [String]) throws -> TurnOutput {
        var output = TurnOutput()
        for text in texts { output = try send(text) }
        return output
    }

    /// A slot's value; `nil` when it has none.
    func slot(_ name: String) -> Value? { state.slots[name] }

    /// The slot the conversation waits at, read from the state (`nil` when it waits for no answer).
    var pendingSlot: String? { runtime.pendingPrompt(state, host: host)?.slot }
}

extension TurnOutput {
    /// The texts of the messages, in order.
    var texts: [String] { messages.map(\.text) }

    /// The kinds of the messages, in order.
    var kinds: [MessageKind] { messages.map(\.kind) }

    /// The last message's text.
    var lastText: String? { messages.last?.text }

    /// The texts of the messages of one kind.
    func texts(of kind: MessageKind) -> [String] { messages.filter { $0.kind == kind }.map(\.text) }

    /// Whether any message contains `fragment`.
    func mentions(_ fragment: String) -> Bool { messages.contains { $0.text.contains(fragment) } }
}
