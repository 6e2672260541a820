import TwinLanguage

/// The work of one turn: executes steps, collects messages and records what changed.
///
/// A `Turn` lives for one call of `DialogRuntime`; the state it works on is passed in `inout`.
/// It is the runtime's working copy, which the caller gets only when the turn succeeds.
struct Turn {
    let runtime: DialogRuntime
    let host: any DialogHost
    let today: LocalDate
    private(set) var output = TurnOutput()
    /// Earlier values of the slots changed since the last answer, for the undo record.
    private var undoPrevious: [String: Value] = [:]

    init(runtime: DialogRuntime, host: any DialogHost, today: LocalDate) {
        self.runtime = runtime
        self.host = host
        self.today = today
    }

    private var program: Program { runtime.program }

    // MARK: - Starting and resuming

    mutating func start(_ state: inout SessionState) throws {
        state.stack = [Frame(dialog: program.host.entryDialog, step: "")]
        try run(from: 0, &state)
    }

    /// Shows the pending question again (after a command, a rejected answer, a resume).
    mutating func showPending(_ state: inout SessionState) throws {
        switch state.awaiting {
        case .answer:
            guard let frame = state.stack.last, let question = program.dialog(frame.dialog)?.step(frame.step)?.question else {
                try restartAtHome(&state)
                return
            }
            let prompt = try prompt(for: question, state)
            output.say(.info, prompt.text)
            output.prompt = prompt
        case .restartConfirmation:
            askRestartConfirmation(state)
        case .nothing:
            try start(&state)
        }
    }

    /// Makes sure every frame names a step that still exists, after the dialogs changed.
    /// A frame whose step is gone starts its dialog over (answers are kept); a frame whose
    /// dialog is gone is dropped. Returns whether the conversation was moved: the caller then
    /// runs the top dialog from its start instead of taking the input as an answer.
    mutating func repairStack(_ state: inout SessionState) -> Bool {
        guard state.hasStarted else { return false }
        var repaired: [Frame] = []
        var changed = false
        for (position, frame) in state.stack.enumerated() {
            let isTop = position == state.stack.count - 1
            guard let dialog = program.dialog(frame.dialog) else {
                changed = true
                continue
            }
            let step = dialog.step(frame.step)
            let valid: Bool
            if isTop {
                // An answer and a restart confirmation both belong to the question it waits at.
                valid = state.awaiting == .nothing || step?.question != nil
            } else if case .call? = step?.kind {
                valid = true
            } else {
                valid = false
            }
            let returnValid = frame.returnAfter.map { dialog.step($0) != nil } ?? true
            if valid, returnValid {
                repaired.append(frame)
            } else {
                changed = true
                // Resume at the first question of this dialog; stop here, the frames above
                // belonged to the part that no longer exists.
                repaired.append(Frame(dialog: frame.dialog, step: ""))
                break
            }
        }
        guard changed else { return false }
        say(.info, EngineText.dialogsChanged, state)
        state.undo = []
        state.attempts = 0
        if repaired.isEmpty {
            state.stack = [Frame(dialog: program.host.homeDialog, step: "")]
        } else {
            state.stack = repaired
        }
        state.awaiting = .answer
        state.isPaused = false
        return true
    }

    // MARK: - Answers

    mutating func answer(_ text: String, _ state: inout SessionState) throws {
        guard let frame = state.stack.last, let dialog = program.dialog(frame.dialog),
              let step = dialog.step(frame.step), let question = step.question else {
            try restartAtHome(&state)
            return
        }
        var spec = question.spec
        // Listed options first, so that the numbers are theirs; unlisted ones after them.
        let visible = try visibleOptions(question, state)
        spec.options = visible.filter(\.listed).map(\.option) + visible.filter { !$0.listed }.map(\.option)
        spec.numberedOptions = visible.filter(\.listed).count
        switch AnswerParser.parse(text, as: spec, today: today) {
        case .failure(let rejection):
            try reject(rejection.reason, question: question, &state)
        case .success(let value):
            for validation in question.validations {
                let holds = try evaluate(validation.rule, state, answer: value, at: step, in: dialog).boolValue ?? false
                if !holds {
                    let message = try render(validation.message, state, answer: value)
                    try reject(message, question: question, &state)
                    return
                }
            }
            try accept(value, for: question, at: step, in: dialog, &state)
        }
    }

    private mutating func reject(_ reason: LocalizedText, question: Question, _ state: inout SessionState) throws {
        output.say(.error, reason.text(in: state.language))
        try reject(reasonShown: question, &state)
    }

    private mutating func reject(_ reason: String, question: Question, _ state: inout SessionState) throws {
        output.say(.error, reason)
        try reject(reasonShown: question, &state)
    }

    private mutating func reject(reasonShown question: Question, _ state: inout SessionState) throws {
        state.attempts += 1
        if state.attempts >= question.maxAttempts {
            if question.isOptional {
                say(.info, EngineText.skippedAfterAttempts, state)
                try skipCurrent(&state)
                return
            }
            state.attempts = 0
            if let help = question.help {
                output.say(.info, try render(help, state))
            }
            say(.info, EngineText.stuckHelp, state)
        }
        try showPending(&state)
    }

    private mutating func accept(_ value: Value, for question: Question, at step: Step, in dialog: Dialog,
                                 _ state: inout SessionState) throws {
        let before = state.stack
        undoPrevious = [:]
        write(question.slot, value, &state)
        try continueAfterAnswer(at: step, in: dialog, stackBefore: before, &state)
    }

    private mutating func skipCurrent(_ state: inout SessionState) throws {
        guard let frame = state.stack.last, let dialog = program.dialog(frame.dialog),
              let step = dialog.step(frame.step), let question = step.question else { return }
        let before = state.stack
        undoPrevious = [:]
        write(question.slot, .null, &state)
        try continueAfterAnswer(at: step, in: dialog, stackBefore: before, &state)
    }

    private mutating func continueAfterAnswer(at step: Step, in dialog: Dialog, stackBefore: [Frame],
                                              _ state: inout SessionState) throws {
        state.attempts = 0
        state.answered += 1
        var next = (dialog.index(of: step.id) ?? dialog.steps.count) + 1
        if let returnAfter = state.stack.last?.returnAfter {
            next = (dialog.index(of: returnAfter) ?? dialog.steps.count) + 1
            state.stack[state.stack.count - 1].returnAfter = nil
        }
        try run(from: next, &state)
        state.undo.append(UndoRecord(stack: stackBefore, previous: undoPrevious))
        if state.undo.count > SessionState.undoDepth {
            state.undo.removeFirst(state.undo.count - SessionState.undoDepth)
        }
        undoPrevious = [:]
    }

    // MARK: - Commands

    mutating func perform(_ command: GlobalCommand, _ state: inout SessionState) throws {
        switch command {
        case .help:
            if let question = currentQuestion(state), let help = question.help {
                output.say(.info, try render(help, state))
            }
            say(.info, EngineText.commands, state)
            try showPending(&state)
        case .back:
            guard let record = state.undo.popLast() else {
                say(.info, EngineText.nothingToUndo, state)
                try showPending(&state)
                return
            }
            for (slot, previous) in record.previous {
                if previous.isNull { state.slots[slot] = nil } else { state.slots[slot] = previous }
                output.changedSlots.insert(slot)
            }
            state.stack = record.stack
            state.awaiting = .answer
            state.attempts = 0
            state.answered = max(0, state.answered - 1)
            say(.info, EngineText.undone, state)
            if repairStack(&state) {
                try runTop(&state)
                return
            }
            try showPending(&state)
        case .skip:
            guard let question = currentQuestion(state) else {
                try showPending(&state)
                return
            }
            guard question.isOptional else {
                say(.error, EngineText.cannotSkip, state)
                try showPending(&state)
                return
            }
            say(.info, EngineText.skipped, state)
            try skipCurrent(&state)
        case .status:
            say(.info, try statusText(state), state)
            try showPending(&state)
        case .restart:
            state.awaiting = .restartConfirmation
            askRestartConfirmation(state)
        case .language(let language?):
            state.language = language
            say(.info, EngineText.languageSwitched, state)
            try showPending(&state)
        case .language(nil):
            say(.info, EngineText.languageUsage, state)
            try showPending(&state)
        case .stop:
            state.isPaused = true
            say(.info, EngineText.paused, state)
            output.paused = true
            output.prompt = nil
        case .unknown(let text):
            say(.error, EngineText.unknownCommand(String(text.prefix(40))), state)
            try showPending(&state)
        }
    }

    private func currentQuestion(_ state: SessionState) -> Question? {
        guard state.awaiting == .answer, let frame = state.stack.last else { return nil }
        return program.dialog(frame.dialog)?.step(frame.step)?.question
    }

    private mutating func askRestartConfirmation(_ state: SessionState) {
        let title = state.stack.last.flatMap { program.dialog($0.dialog)?.title } ?? LocalizedText(nl: "dit deel", en: "this part")
        let text = EngineText.restartQuestion(title).text(in: state.language)
        output.say(.info, text)
        output.prompt = Prompt(slot: "confirm.restart", type: .yesno, text: text)
    }

    mutating func confirmRestart(_ text: String, _ state: inout SessionState) throws {
        switch AnswerParser.parse(text, as: InputSpec(type: .yesno), today: today) {
        case .success(.bool(true)):
            guard let frame = state.stack.last, let dialog = program.dialog(frame.dialog) else {
                try restartAtHome(&state)
                return
            }
            // Clear what this dialog itself stores, so that it really starts over.
            for step in dialog.steps {
                switch step.kind {
                case .ask(let question): clear(question.slot, &state)
                case .set(let slot, _): clear(slot, &state)
                case .action(_, _, let into?): clear(into, &state)
                default: break
                }
            }
            state.undo = []
            state.attempts = 0
            state.stack[state.stack.count - 1] = Frame(dialog: frame.dialog, step: "")
            say(.info, EngineText.restarted, state)
            try run(from: 0, &state)
        case .success:
            state.awaiting = .answer
            say(.info, EngineText.restartCancelled, state)
            try showPending(&state)
        case .failure:
            say(.error, EngineText.yesOrNo, state)
            askRestartConfirmation(state)
        }
    }

    private mutating func clear(_ slot: String, _ state: inout SessionState) {
        if state.slots.removeValue(forKey: slot) != nil { output.changedSlots.insert(slot) }
    }

    /// Runs the top frame's dialog from its first step (after `repairStack` moved it).
    mutating func runTop(_ state: inout SessionState) throws {
        if state.stack.last.map({ program.dialog($0.dialog)?.step($0.step)?.question != nil }) == true {
            try showPending(&state)
        } else {
            try run(from: 0, &state)
        }
    }

    private mutating func restartAtHome(_ state: inout SessionState) throws {
        state.stack = [Frame(dialog: program.host.homeDialog, step: "")]
        try run(from: 0, &state)
    }

    private func statusText(_ state: SessionState) throws -> LocalizedText {
        let context = host.statusContext(in: state.language)
        guard let frame = state.stack.last, let dialog = program.dialog(frame.dialog) else {
            return EngineText.status(context: context, title: LocalizedText(nl: "—", en: "—"), progress: nil,
                                     question: nil, next: nil, answered: state.answered)
        }
        var current: String?
        var next: String?
        var progress: QuestionProgress?
        if let index = dialog.index(of: frame.step), let question = dialog.steps[index].question {
            current = try render(question.prompt, state)
            progress = questionProgress(in: dialog, at: index, state)
            // The next question in the script's order whose condition holds now.
            for step in dialog.steps[(index + 1)...] {
                guard let upcoming = step.question else { continue }
                if let condition = step.condition, !(try evaluate(condition, state, at: step, in: dialog).boolValue ?? false) { continue }
                next = try render(upcoming.prompt, state)
                break
            }
        }
        // The questions are rendered in the participant's language, which is also the one shown.
        return EngineText.status(context: context, title: dialog.title, progress: progress, question: current,
                                 next: next, answered: state.answered)
    }

    /// The questions of the dialogs on the stack that have an answer now, outermost dialog
    /// first and each in script order: the steps before the one a frame waits at (its pending
    /// question, or the `call` it returns to), whose condition holds and whose slot has a value.
    /// A question that cannot be rendered now is left out rather than failing the page.
    func answeredQuestions(_ state: SessionState) -> [AnsweredQuestion] {
        let formatter = SlotFormatter(program: program, language: state.language)
        var answered: [AnsweredQuestion] = []
        var seen = Set<String>()
        for frame in state.stack {
            guard let dialog = program.dialog(frame.dialog), let waiting = dialog.index(of: frame.step) else { continue }
            // While a `revisit` re-asks an earlier question, the questions up to the revisit were answered.
            let end = frame.returnAfter.flatMap { dialog.index(of: $0) }.map { Swift.max($0 + 1, waiting) } ?? waiting
            for (position, step) in dialog.steps[..<end].enumerated() where position != waiting {
                guard let question = step.question, let value = state.slots[question.slot], seen.insert(question.slot).inserted else { continue }
                if let condition = step.condition, (try? evaluate(condition, state, at: step, in: dialog))?.boolValue != true { continue }
                guard let text = try? render(question.prompt, state) else { continue }
                answered.append(AnsweredQuestion(slot: question.slot, question: text, answer: formatter.format(question.slot, value)))
            }
        }
        return answered
    }

    /// The question's place among the dialog's questions that come one after another: the ask
    /// steps before the first step that a later step jumps back to (a review-and-correct loop
    /// has no known length), counting only those whose condition holds now. `nil` past that
    /// point, or when there is only one such question.
    func questionProgress(in dialog: Dialog, at index: Int, _ state: SessionState) -> QuestionProgress? {
        let straightEnd = Self.firstLoopTarget(in: dialog) ?? dialog.steps.count
        guard index < straightEnd else { return nil }
        var number = 0
        var total = 0
        for (position, step) in dialog.steps[..<straightEnd].enumerated() where step.question != nil {
            if position != index, let condition = step.condition {
                // A condition that cannot be evaluated yet (its slots are unset) leaves the question out.
                let holds = (try? evaluate(condition, state, at: step, in: dialog))?.boolValue ?? false
                if !holds { continue }
            }
            total += 1
            if position <= index { number += 1 }
        }
        return total > 1 ? QuestionProgress(number: number, total: total) : nil
    }

    /// The index of the earliest step that a `goto` or a branch at or after it jumps to.
    private static func firstLoopTarget(in dialog: Dialog) -> Int? {
        var earliest: Int?
        for (position, step) in dialog.steps.enumerated() {
            let targets: [String?]
            switch step.kind {
            case .goto(let target): targets = [target]
            case .branch(_, let then, let otherwise): targets = [then, otherwise]
            default: continue
            }
            for case let target? in targets {
                if let index = dialog.index(of: target), index <= position, index < (earliest ?? Int.max) { earliest = index }
            }
        }
        return earliest
    }

    // MARK: - Running steps

    /// Executes steps of the top frame's dialog from `index` until a question is asked.
    mutating func run(from index: Int, _ state: inout SessionState) throws {
        var index = index
        var budget = DialogRuntime.stepBudget
        while true {
            guard let frame = state.stack.last, let dialog = program.dialog(frame.dialog) else {
                state.stack = [Frame(dialog: program.host.homeDialog, step: "")]
                index = 0
                continue
            }
            budget -= 1
            if budget <= 0 {
                throw DialogRuntimeError("more than \(DialogRuntime.stepBudget) steps ran without a question; a `goto` or `if` loops", dialog: dialog.name, step: frame.step)
            }
            guard index < dialog.steps.count else {
                index = finish(&state)
                continue
            }
            let step = dialog.steps[index]
            if let condition = step.condition, try evaluate(condition, state, at: step, in: dialog).boolValue != true {
                index += 1
                continue
            }
            switch step.kind {
            case .say(let text, let kind):
                output.say(kind, try render(text, state))
                index += 1
            case .ask(let question):
                state.stack[state.stack.count - 1].step = step.id
                state.awaiting = .answer
                state.attempts = 0
                let prompt = try prompt(for: question, state)
                output.say(.info, prompt.text)
                output.prompt = prompt
                return
            case .set(let slot, let value):
                write(slot, try evaluate(value, state, at: step, in: dialog), &state)
                index += 1
            case .branch(let condition, let then, let otherwise):
                let holds = try evaluate(condition, state, at: step, in: dialog).boolValue == true
                let target = holds ? then : otherwise
                index = try target.map { try position(of: $0, in: dialog, from: step) } ?? index + 1
            case .goto(let target):
                index = try position(of: target, in: dialog, from: step)
            case .call(let name):
                guard program.dialog(name) != nil else {
                    throw DialogRuntimeError("there is no dialog `\(name)`", dialog: dialog.name, step: step.id)
                }
                state.stack[state.stack.count - 1].step = step.id
                state.stack.append(Frame(dialog: name, step: ""))
                index = 0
            case .action(let name, let arguments, let into):
                var values: [String: Value] = [:]
                for (argument, expression) in arguments {
                    values[argument] = try evaluate(expression, state, at: step, in: dialog)
                }
                let result = try host.perform(ActionCall(name: name, arguments: values, language: state.language))
                for message in result.messages { output.say(message.kind, message.text.text(in: state.language)) }
                if let into { write(into, result.value, &state) }
                index += 1
            case .revisit(let target):
                index = try revisit(target, after: step, in: dialog, &state) ?? index + 1
            case .revisitChoice(let slot):
                if let target = state.slots[slot]?.textValue, dialog.step(target)?.question != nil {
                    index = try revisit(target, after: step, in: dialog, &state) ?? index + 1
                } else {
                    index += 1
                }
            case .end:
                index = finish(&state)
            case .handover(let name):
                guard program.dialog(name) != nil else {
                    throw DialogRuntimeError("there is no dialog `\(name)`", dialog: dialog.name, step: step.id)
                }
                state.stack[state.stack.count - 1] = Frame(dialog: name, step: "")
                index = 0
            }
        }
    }

    /// Re-asks an ask step, remembering to continue after `step`; `nil` when the question does
    /// not apply now (its condition is false).
    private mutating func revisit(_ target: String, after step: Step, in dialog: Dialog, _ state: inout SessionState) throws -> Int? {
        let position = try position(of: target, in: dialog, from: step)
        let targetStep = dialog.steps[position]
        if let condition = targetStep.condition, try evaluate(condition, state, at: targetStep, in: dialog).boolValue != true {
            return nil
        }
        state.stack[state.stack.count - 1].returnAfter = step.id
        return position
    }

    /// Ends the top dialog; returns where to continue in the frame below (or home).
    private mutating func finish(_ state: inout SessionState) -> Int {
        state.stack.removeLast()
        guard let caller = state.stack.last, let dialog = program.dialog(caller.dialog),
              let callIndex = dialog.index(of: caller.step) else {
            state.stack = [Frame(dialog: program.host.homeDialog, step: "")]
            return 0
        }
        return callIndex + 1
    }

    private func position(of target: String, in dialog: Dialog, from step: Step) throws -> Int {
        guard let index = dialog.index(of: target) else {
            throw DialogRuntimeError("there is no step `\(target)`", dialog: dialog.name, step: step.id)
        }
        return index
    }

    private mutating func write(_ slot: String, _ value: Value, _ state: inout SessionState) {
        if undoPrevious[slot] == nil { undoPrevious[slot] = state.slots[slot] ?? .null }
        if value.isNull { state.slots[slot] = nil } else { state.slots[slot] = value }
        output.changedSlots.insert(slot)
    }

    // MARK: - Values, texts, prompts

    private func lookup(_ slot: String, _ state: SessionState, answer: Value?) -> Value {
        if slot == "answer", let answer { return answer }
        if program.host.hostSlots[slot] != nil { return host.hostSlot(slot) }
        return state.slots[slot] ?? .null
    }

    private func evaluate(_ expression: ScriptExpression, _ state: SessionState, answer: Value? = nil,
                          at step: Step, in dialog: Dialog) throws -> Value {
        do {
            return try expression.expression.evaluate { lookup($0, state, answer: answer) }
        } catch {
            throw DialogRuntimeError("`\(expression.expression.source)`: \(error.message)", dialog: dialog.name, step: step.id)
        }
    }

    func render(_ text: DialogText, _ state: SessionState, answer: Value? = nil) throws -> String {
        let formatter = SlotFormatter(program: program, language: state.language)
        for variant in text.variants {
            if let condition = variant.condition {
                let holds = (try? condition.expression.evaluate { lookup($0, state, answer: answer) })?.boolValue ?? false
                if !holds { continue }
            }
            let template = variant.template(in: state.language)
            return template.render { slot in formatter.format(slot, lookup(slot, state, answer: answer)) }
        }
        return ""
    }

    /// The question's notes whose condition holds, each on a line of its own, ending in a line
    /// break; empty when there are none.
    private func notes(_ question: Question, _ state: SessionState) throws -> String {
        guard let notes = question.notes else { return "" }
        let formatter = SlotFormatter(program: program, language: state.language)
        var lines: [String] = []
        for variant in notes.variants {
            if let condition = variant.condition,
               (try? condition.expression.evaluate { lookup($0, state, answer: nil) })?.boolValue != true { continue }
            lines.append(variant.template(in: state.language).render { slot in formatter.format(slot, lookup(slot, state, answer: nil)) })
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The options shown now: those whose condition holds, with templates in their labels filled.
    private func visibleOptions(_ question: Question, _ state: SessionState) throws -> [OptionDefinition] {
        question.options.compactMap { definition in
            if let condition = definition.condition,
               (try? condition.expression.evaluate { lookup($0, state, answer: nil) })?.boolValue != true {
                return nil
            }
            guard let templates = definition.labelTemplates else { return definition }
            var shown = definition
            shown.option.label = LocalizedText { language in
                let template = language == .nl ? templates.nl : templates.en
                guard !template.slots.isEmpty else { return definition.option.label.text(in: language) }
                let formatter = SlotFormatter(program: program, language: language)
                return template.render { formatter.format($0, lookup($0, state, answer: nil)) }
            }
            return shown
        }
    }

    func prompt(for question: Question, _ state: SessionState) throws -> Prompt {
        let spec = question.spec
        var prompt = Prompt(slot: question.slot, type: spec.type, text: try notes(question, state) + render(question.prompt, state),
                            optional: question.isOptional)
        switch spec.type {
        case .integer, .number:
            prompt.min = spec.min
            prompt.max = spec.max
        case .text:
            prompt.min = Double(spec.minLength ?? 1)
            prompt.max = Double(spec.maxLength ?? 2000)
        case .multichoice:
            prompt.min = Double(spec.minChoices ?? 1)
            prompt.max = spec.maxChoices.map(Double.init)
        case .date:
            prompt.minDate = spec.minDate
            prompt.maxDate = spec.maxDate
        case .choice, .yesno, .email:
            break
        }
        if let frame = state.stack.last, let dialog = program.dialog(frame.dialog), let index = dialog.index(of: frame.step),
           dialog.steps[index].question?.slot == question.slot {
            prompt.progress = questionProgress(in: dialog, at: index, state)
        }
        if spec.type == .choice || spec.type == .multichoice {
            let visible = try visibleOptions(question, state)
            prompt.options = visible.filter(\.listed).map {
                Prompt.Option(value: $0.option.value, label: $0.option.label.text(in: state.language))
            }
            prompt.shortcuts = visible.filter { !$0.listed }.map {
                Prompt.Option(value: $0.option.value, label: $0.option.label.text(in: state.language))
            }
        }
        return prompt
    }

    mutating func say(_ kind: MessageKind, _ text: LocalizedText, _ state: SessionState) {
        output.say(kind, text.text(in: state.language))
    }
}
