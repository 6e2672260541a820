/// Runs a `Program`: one turn is `(state, input) → (state', output)`.
///
/// The runtime is a value without I/O. The host gives it the participant's stored
/// `SessionState`, the text they typed, the day it is and a `DialogHost` for host slots and
/// actions; it updates the state in place and returns what to show. A thrown error means the
/// turn must be abandoned: the caller keeps the state it had before.
public struct DialogRuntime: Sendable {
    /// The dialogs this runtime executes.
    public let program: Program

    /// Steps one turn may execute before the runtime decides a dialog loops without asking.
    public static let stepBudget = 10_000

    /// Creates a runtime for `program`.
    public init(program: Program) {
        self.program = program
    }

    // MARK: - Entry points

    /// Opens a conversation: starts it when new (the welcome and the first question) or shows
    /// the pending question again when it exists (after a restart of the process, for example).
    public func open(_ state: inout SessionState, host: any DialogHost, today: LocalDate) throws -> TurnOutput {
        try transaction(&state) { try openTurn(&$0, host: host, today: today) }
    }

    /// Takes one message of the participant.
    ///
    /// The first message of a participant without a conversation opens it; its text is not
    /// taken as an answer.
    public func handle(_ input: String, state: inout SessionState, host: any DialogHost, today: LocalDate) throws -> TurnOutput {
        try transaction(&state) { try handleTurn(input, state: &$0, host: host, today: today) }
    }

    /// Runs one turn on a copy of `state` and stores the copy only when the turn succeeds.
    ///
    /// Swift writes an `inout` argument back even when the function throws, so without the copy
    /// a failed turn (a looping dialog, a failing action) would leave its half-done changes in
    /// the caller's state.
    private func transaction(_ state: inout SessionState,
                             _ turn: (inout SessionState) throws -> TurnOutput) rethrows -> TurnOutput {
        var working = state
        let output = try turn(&working)
        state = working
        return output
    }

    private func openTurn(_ state: inout SessionState, host: any DialogHost, today: LocalDate) throws -> TurnOutput {
        var turn = Turn(runtime: self, host: host, today: today)
        if !state.hasStarted {
            try turn.start(&state)
        } else {
            if turn.repairStack(&state) {
                try turn.runTop(&state)
                return turn.output
            }
            if state.isPaused {
                state.isPaused = false
                turn.say(.info, EngineText.welcomeBack, state)
            }
            try turn.showPending(&state)
        }
        return turn.output
    }

    private func handleTurn(_ input: String, state: inout SessionState, host: any DialogHost, today: LocalDate) throws -> TurnOutput {
        var turn = Turn(runtime: self, host: host, today: today)
        guard state.hasStarted else {
            try turn.start(&state)
            return turn.output
        }
        if turn.repairStack(&state) {
            try turn.runTop(&state)
            return turn.output
        }
        let text: String
        // Channels decode bytes with replacement; a U+FFFD means the input was not valid UTF-8.
        if input.unicodeScalars.contains("\u{FFFD}") {
            turn.say(.error, EngineText.invalidText, state)
            try turn.showPending(&state)
            return turn.output
        }
        switch InputSanitizer.clean(input) {
        case .failure(let rejection):
            turn.say(.error, rejection.reason, state)
            try turn.showPending(&state)
            return turn.output
        case .success(let cleaned):
            text = cleaned
        }
        var command = GlobalCommand.parse(text)
        if command == .stop, namesAnOption(text, state) {
            // `later` also pauses, but at a choice that offers "later" (do this now or later?)
            // the participant is choosing that option, not stopping the conversation.
            command = nil
        }
        if state.isPaused {
            state.isPaused = false
            turn.say(.info, EngineText.welcomeBack, state)
            if let command, command != .stop {
                try turn.perform(command, &state)
            } else {
                try turn.showPending(&state)
            }
            return turn.output
        }
        if state.awaiting == .restartConfirmation {
            // A command instead of yes or no (`help`, `taal en`, `stop`) withdraws the question
            // and is carried out, so that nobody is stuck in it.
            if let command, command != .restart {
                state.awaiting = .answer
                try turn.perform(command, &state)
            } else {
                try turn.confirmRestart(text, &state)
            }
            return turn.output
        }
        if let command {
            try turn.perform(command, &state)
            return turn.output
        }
        if text.isEmpty {
            turn.say(.error, EngineText.emptyAnswer, state)
            try turn.showPending(&state)
            return turn.output
        }
        try turn.answer(text, &state)
        return turn.output
    }

    /// Whether `text` is, word for word, the value or an alias of an option of the choice the
    /// conversation waits at. Only `later` can be both a command and such an answer: the
    /// other commands are never offered as options.
    private func namesAnOption(_ text: String, _ state: SessionState) -> Bool {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard word == "later", state.awaiting == .answer, let frame = state.stack.last,
              let question = program.dialog(frame.dialog)?.step(frame.step)?.question else { return false }
        return question.options.contains { definition in
            definition.option.value.lowercased() == word || definition.option.aliases.contains { $0.lowercased() == word }
        }
    }

    /// The questions answered so far in the dialogs under way, without changing anything: for
    /// a channel that shows the conversation again (a reload, another device). Rebuilt from the
    /// slots, so nothing but the answers needs to be kept; questions of dialogs that have ended
    /// are not among them.
    public func answeredQuestions(_ state: SessionState, host: any DialogHost) -> [AnsweredQuestion] {
        Turn(runtime: self, host: host, today: LocalDate(Date())).answeredQuestions(state)
    }

    /// The question the conversation waits at, without changing anything (for channels that
    /// render the current state, and for `status`).
    public func pendingPrompt(_ state: SessionState, host: any DialogHost) -> Prompt? {
        guard state.awaiting == .answer, let frame = state.stack.last,
              let question = program.dialog(frame.dialog)?.step(frame.step)?.question else { return nil }
        let turn = Turn(runtime: self, host: host, today: LocalDate(Date()))
        return try? turn.prompt(for: question, state)
    }
}

import Foundation
