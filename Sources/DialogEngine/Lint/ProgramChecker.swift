import TwinLanguage

/// Checks a set of parsed dialogs as a whole: jump targets, called dialogs, actions, slot types,
/// expression types, templates, reachability, and slots read before anything can set them.
struct ProgramChecker {
    private var dialogs: [String: Dialog] = [:]
    private let host: HostInterface
    private let origin: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Each slot's type and where it was first given one.
    private var slotTypes: [String: (type: ValueType, location: SourceLocation?)] = [:]

    init(dialogs: [Dialog], host: HostInterface, origin: String) {
        self.host = host
        self.origin = origin
        for dialog in dialogs {
            if let earlier = self.dialogs[dialog.name] {
                diagnostics.append(Diagnostic(.error, "the dialog `\(dialog.name)` is defined twice (also at \(earlier.location))", at: dialog.location))
            } else {
                self.dialogs[dialog.name] = dialog
            }
        }
    }

    /// Runs every check; returns the dialogs and the slot types for the program.
    mutating func check() -> (dialogs: [String: Dialog], slotTypes: [String: ValueType]) {
        let names = dialogs.keys.sorted()
        let originLocation = SourceLocation(file: origin, line: 1, column: 1)
        if dialogs[host.entryDialog] == nil {
            error("there is no dialog `\(host.entryDialog)`; the assistant starts conversations there — add a file with `dialog: \(host.entryDialog)`", originLocation)
        }
        // One dialog may be both; it is then reported once.
        if host.homeDialog != host.entryDialog, dialogs[host.homeDialog] == nil {
            error("there is no dialog `\(host.homeDialog)`; the assistant comes back there when a dialog ends — add a file with `dialog: \(host.homeDialog)`", originLocation)
        }
        for name in names { if let d = dialogs[name] { checkStructure(d) } }
        inferSlotTypes(names)
        for name in names { if let d = dialogs[name] { checkExpressions(d) } }
        for name in names { if let d = dialogs[name] { checkReachability(d) } }
        checkDialogUse(names)
        checkReadsBeforeSets(names)
        return (dialogs, slotTypes.mapValues(\.type))
    }

    // MARK: - Structure

    private mutating func checkStructure(_ dialog: Dialog) {
        var seen: [String: SourceLocation] = [:]
        for step in dialog.steps {
            if let earlier = seen[step.id] {
                let hint = step.hasExplicitId ? "" : " — give one of them its own `id:`"
                error("the step id `\(step.id)` is used twice in `\(dialog.name)` (first at line \(earlier.line))\(hint)", step.location)
            } else {
                seen[step.id] = step.location
            }
            switch step.kind {
            case .branch(_, let then, let otherwise):
                for target in [then, otherwise].compactMap({ $0 }) { checkStepTarget(target, in: dialog, at: step.location) }
            case .goto(let target):
                checkStepTarget(target, in: dialog, at: step.location)
            case .call(let target), .handover(let target):
                if dialogs[target] == nil {
                    error("there is no dialog `\(target)`\(suggestion(target, among: Array(dialogs.keys)))", step.location)
                }
            case .revisit(let target):
                if let targetStep = dialog.step(target) {
                    if targetStep.question == nil { error("`revisit:` must name an ask step; `\(target)` is not one", step.location) }
                } else {
                    checkStepTarget(target, in: dialog, at: step.location)
                }
            case .revisitChoice(let slot):
                guard let ask = dialog.steps.first(where: { $0.question?.slot == slot }), let question = ask.question,
                      question.spec.type == .choice else {
                    error("`revisit_choice:` needs a choice question for `\(slot)` in this dialog", step.location)
                    break
                }
                for option in question.options {
                    if dialog.step(option.option.value)?.question == nil {
                        error("the option `\(option.option.value)` of `\(slot)` must be the id of an ask step in `\(dialog.name)`, because `revisit_choice` re-asks it", option.location)
                    }
                }
            case .action(let name, let arguments, let into):
                checkAction(name, arguments: arguments, into: into, at: step.location)
            case .say, .ask, .set, .end:
                break
            }
            if let question = step.question {
                if host.hostSlots[question.slot] != nil {
                    error("`\(question.slot)` is provided by the assistant and cannot be asked", step.location)
                }
                var labels: [String: SourceLocation] = [:]
                for option in question.options {
                    for label in [option.option.label.nl, option.option.label.en] {
                        let key = TextFolding.fold(label)
                        if let earlier = labels[key], earlier != option.location {
                            warning("two options have the label \"\(label)\" (also at line \(earlier.line)); participants cannot tell them apart", option.location)
                        }
                        labels[key] = option.location
                    }
                }
            }
        }
    }

    private mutating func checkStepTarget(_ target: String, in dialog: Dialog, at location: SourceLocation) {
        if dialog.step(target) == nil {
            let ids = dialog.steps.filter(\.hasExplicitId).map(\.id) + dialog.steps.compactMap { $0.question?.slot }
            error("there is no step `\(target)` in `\(dialog.name)`\(suggestion(target, among: ids))", location)
        }
    }

    private mutating func checkAction(_ name: String, arguments: [String: ScriptExpression], into: String?, at location: SourceLocation) {
        guard let signature = host.actions[name] else {
            let known = host.actions.keys.sorted().joined(separator: ", ")
            error("unknown action `\(name)`\(suggestion(name, among: Array(host.actions.keys))) (known: \(known.isEmpty ? "none" : known))", location)
            return
        }
        let parameters = Dictionary(uniqueKeysWithValues: signature.parameters.map { ($0.name, $0) })
        for (argument, expression) in arguments.sorted(by: { $0.key < $1.key }) where parameters[argument] == nil {
            error("the action `\(name)` has no parameter `\(argument)` (it takes \(signature.parameters.map(\.name).joined(separator: ", ")))", expression.location)
        }
        for parameter in signature.parameters where !parameter.isOptional && arguments[parameter.name] == nil {
            error("the action `\(name)` needs the argument `\(parameter.name)` (\(parameter.type))", location)
        }
        if into != nil, signature.result == nil {
            error("the action `\(name)` returns nothing; remove `into:`", location)
        }
    }

    // MARK: - Slot types

    private mutating func inferSlotTypes(_ names: [String]) {
        for (slot, type) in host.hostSlots { slotTypes[slot] = (type, nil) }
        var sets: [(slot: String, value: ScriptExpression, location: SourceLocation)] = []
        for name in names {
            for step in dialogs[name]?.steps ?? [] {
                switch step.kind {
                case .ask(let question):
                    declare(question.slot, question.spec.type.slotType, at: step.location)
                case .action(let action, _, let into?):
                    if let result = host.actions[action]?.result {
                        declare(into, result, at: step.location)
                        if host.hostSlots[into] != nil { error("`\(into)` is provided by the assistant and cannot be set", step.location) }
                    }
                case .set(let slot, let value):
                    if host.hostSlots[slot] != nil { error("`\(slot)` is provided by the assistant and cannot be set", step.location) }
                    sets.append((slot, value, step.location))
                default:
                    break
                }
            }
        }
        // A `set` may read slots that other `set`s give a type; resolve them in rounds.
        var pending = sets
        while !pending.isEmpty {
            var next: [(slot: String, value: ScriptExpression, location: SourceLocation)] = []
            for item in pending {
                if let type = try? item.value.expression.typeCheck(slotType: { slotTypes[$0]?.type }) {
                    // A value that does not fit the slot is reported once, inside the value, by
                    // checkExpressions.
                    declare(item.slot, type, at: item.location, reportingConflict: false)
                } else {
                    next.append(item)
                }
            }
            if next.count == pending.count {
                // No progress: the remaining ones have real errors, reported by checkExpressions;
                // give them a provisional type so that their readers are not reported twice.
                for item in next where slotTypes[item.slot] == nil { slotTypes[item.slot] = (.any, item.location) }
                break
            }
            pending = next
        }
    }

    /// Gives `slot` the type `type`, widening an integer to a number; a type that conflicts with
    /// the slot's earlier one is an error unless `reportingConflict` is false.
    private mutating func declare(_ slot: String, _ type: ValueType, at location: SourceLocation, reportingConflict: Bool = true) {
        guard let existing = slotTypes[slot] else {
            slotTypes[slot] = (type, location)
            return
        }
        if existing.type == type || type == .any { return }
        if existing.type == .any {
            slotTypes[slot] = (type, location)
            return
        }
        if existing.type == .number, type == .integer { return }
        if existing.type == .integer, type == .number {
            slotTypes[slot] = (.number, existing.location)
            return
        }
        guard reportingConflict else { return }
        let there = existing.location.map { " at \($0)" } ?? " by the assistant"
        error("the slot `\(slot)` gets \(type.withArticle) here but \(existing.type.withArticle)\(there)", location)
    }

    // MARK: - Expressions and templates

    private mutating func checkExpressions(_ dialog: Dialog) {
        for step in dialog.steps {
            if let condition = step.condition { expect(condition, .bool, "`when:`") }
            switch step.kind {
            case .say(let text, _):
                checkText(text)
            case .ask(let question):
                checkText(question.prompt)
                if let help = question.help { checkText(help) }
                if let notes = question.notes { checkText(notes) }
                for option in question.options {
                    if let condition = option.condition { expect(condition, .bool, "an option's `when:`") }
                    checkText(DialogText(option.option.label, at: option.location))
                }
                for validation in question.validations {
                    expect(validation.rule, .bool, "`rule:`", answer: question.spec.type.slotType)
                    checkText(validation.message, answer: question.spec.type.slotType)
                }
            case .set(let slot, let value):
                if let type = typeOf(value), let declared = slotTypes[slot]?.type, !declared.accepts(type) {
                    error("`\(slot)` is \(declared.withArticle) but this value is \(type.withArticle)", value.location)
                }
            case .branch(let condition, _, _):
                expect(condition, .bool, "`if:`")
            case .action(let name, let arguments, _):
                let parameters = Dictionary(uniqueKeysWithValues: (host.actions[name]?.parameters ?? []).map { ($0.name, $0) })
                for (argument, expression) in arguments.sorted(by: { $0.key < $1.key }) {
                    guard let type = typeOf(expression), let parameter = parameters[argument] else { continue }
                    if !parameter.type.accepts(type) {
                        error("the argument `\(argument)` of `\(name)` must be \(parameter.type.withArticle), not \(type.withArticle)", expression.location)
                    }
                }
            case .goto, .call, .revisit, .revisitChoice, .end, .handover:
                break
            }
        }
    }

    private mutating func expect(_ expression: ScriptExpression, _ expected: ValueType, _ what: String, answer: ValueType? = nil) {
        guard let type = typeOf(expression, answer: answer) else { return }
        if !expected.accepts(type) {
            error("\(what) must be \(expected.withArticle) condition, but this is \(type.withArticle)", expression.location)
        }
    }

    private mutating func typeOf(_ expression: ScriptExpression, answer: ValueType? = nil) -> ValueType? {
        do {
            return try expression.expression.typeCheck { slot in
                if slot == "answer" { return answer }
                return slotTypes[slot]?.type
            }
        } catch {
            var message = error.message
            if message.contains("'answer'") || message.contains("`answer`"), answer == nil {
                message += " (`answer` exists only inside `validate:` rules)"
            }
            self.error(message, expression.location.advanced(by: error.offset))
            return nil
        }
    }

    /// Checks the conditions and placeholders of `text`; `answer` is the answer's type in the
    /// message of a validation rule, which may show `{{answer}}`, and `nil` everywhere else.
    private mutating func checkText(_ text: DialogText, answer: ValueType? = nil) {
        for variant in text.variants {
            if let condition = variant.condition { expect(condition, .bool, "a text's `when:`", answer: answer) }
            for (language, string) in [("nl", variant.text.nl), ("en", variant.text.en)] {
                let template = Template(string)
                // One warning per text: a text can hold thousands of stray `{{`.
                if let bad = template.malformed.first {
                    let more = template.malformed.count > 1 ? " (and \(template.malformed.count - 1) more)" : ""
                    warning("`\(bad.text)` in the \(language) text is not a slot placeholder\(more); write {{slot.name}}, or {{{{ for a literal {{", variant.location)
                }
                for slot in template.slots where slotTypes[slot] == nil && !(slot == "answer" && answer != nil) {
                    let hint = slot == "answer" ? " (`answer` exists only inside `validate:` rules)" : suggestion(slot, among: Array(slotTypes.keys))
                    error("the \(language) text shows `{{\(slot)}}`, but no step sets that slot\(hint)", variant.location)
                }
            }
        }
    }

    // MARK: - Reachability

    /// The steps that can follow `index` in `dialog`.
    static func successors(of index: Int, in dialog: Dialog) -> [Int] {
        let step = dialog.steps[index]
        let next = index + 1 < dialog.steps.count ? [index + 1] : []
        var result: [Int]
        switch step.kind {
        case .branch(_, let then, let otherwise):
            result = (then.flatMap { dialog.index(of: $0) }.map { [$0] } ?? next)
                + (otherwise.flatMap { dialog.index(of: $0) }.map { [$0] } ?? next)
        case .goto(let target):
            result = dialog.index(of: target).map { [$0] } ?? []
        case .end, .handover:
            result = []
        case .revisit(let target):
            result = next + (dialog.index(of: target).map { [$0] } ?? [])
        case .revisitChoice(let slot):
            let question = dialog.steps.first { $0.question?.slot == slot }?.question
            result = next + (question?.options.compactMap { dialog.index(of: $0.option.value) } ?? [])
        case .say, .ask, .set, .call, .action:
            result = next
        }
        if step.condition != nil { result += next }
        return result
    }

    private mutating func checkReachability(_ dialog: Dialog) {
        guard !dialog.steps.isEmpty else { return }
        var reached = Set([0])
        var work = [0]
        while let index = work.popLast() {
            for next in Self.successors(of: index, in: dialog) where reached.insert(next).inserted {
                work.append(next)
            }
        }
        for (index, step) in dialog.steps.enumerated() where !reached.contains(index) {
            error("this step is never reached: no step before it leads here (a `goto` or `end` above it?)", step.location)
        }
    }

    private mutating func checkDialogUse(_ names: [String]) {
        var used: Set<String> = [host.entryDialog, host.homeDialog]
        for name in names {
            for step in dialogs[name]?.steps ?? [] {
                if case .call(let target) = step.kind { used.insert(target) }
                if case .handover(let target) = step.kind { used.insert(target) }
            }
        }
        for name in names where !used.contains(name) {
            if let dialog = dialogs[name] {
                warning("the dialog `\(name)` is never called or handed over to", dialog.location)
            }
        }
    }

    // MARK: - Reads before sets

    /// A may-set analysis over all dialogs: a slot read at a step must be settable on some path
    /// that leads there — within the dialog, by a dialog that ran before (its callers, earlier
    /// runs of itself), or by the host.
    private mutating func checkReadsBeforeSets(_ names: [String]) {
        // Slots are numbered once, so that the analysis works on bit sets.
        var numbers: [String: Int] = [:]
        func number(_ slot: String) -> Int {
            if let known = numbers[slot] { return known }
            numbers[slot] = numbers.count
            return numbers.count - 1
        }
        for slot in host.hostSlots.keys.sorted() { _ = number(slot) }
        for name in names {
            for step in dialogs[name]?.steps ?? [] {
                if let slot = FlowGraph.slotSet(by: step) { _ = number(slot) }
            }
        }
        let capacity = numbers.count
        var hostSlots = SlotSet(capacity: capacity)
        for slot in host.hostSlots.keys { hostSlots.insert(number(slot)) }
        var graphs: [String: FlowGraph] = [:]
        for name in names {
            guard let dialog = dialogs[name] else { continue }
            graphs[name] = FlowGraph(dialog, capacity: capacity, number: { numbers[$0] })
        }

        var entry: [String: SlotSet] = [:]
        var exit: [String: SlotSet] = [:]
        for name in names { entry[name] = hostSlots; exit[name] = hostSlots }
        var before: [String: [SlotSet]] = [:]
        var changed = true
        var rounds = 0
        while changed, rounds < 50 {
            changed = false
            rounds += 1
            for name in names {
                guard let graph = graphs[name] else { continue }
                let states = graph.flow(entry: entry[name] ?? hostSlots, exit: exit)
                before[name] = states.before
                if states.exit != exit[name] { exit[name] = states.exit; changed = true }
                // Propagate to the dialogs this one starts, and home after any dialog ends.
                for (index, target) in graph.starts where dialogs[target] != nil {
                    let merged = (entry[target] ?? SlotSet(capacity: capacity)).union(states.before[index])
                    if merged != entry[target] { entry[target] = merged; changed = true }
                }
                let home = host.homeDialog
                if dialogs[home] != nil {
                    let merged = (entry[home] ?? SlotSet(capacity: capacity)).union(states.exit)
                    if merged != entry[home] { entry[home] = merged; changed = true }
                }
            }
        }
        for name in names {
            guard let dialog = dialogs[name], let states = before[name] else { continue }
            for (index, step) in dialog.steps.enumerated() {
                for (slot, location) in reads(of: step) where slotTypes[slot] != nil {
                    let settable = numbers[slot].map { states[index].contains($0) } ?? false
                    if !settable { error("`\(slot)` is read here before any step can have set it", location) }
                }
            }
        }
    }

    /// One dialog's steps for the may-set analysis, prepared once: each step's successors, the
    /// slots it sets itself, and the dialog it calls (whose exit state it adds).
    private struct FlowGraph {
        let successors: [[Int]]
        let writes: [SlotSet]
        let calls: [String?]
        /// The steps that start another dialog (call or hand-over), with that dialog.
        let starts: [(Int, String)]
        let capacity: Int

        init(_ dialog: Dialog, capacity: Int, number: (String) -> Int?) {
            self.capacity = capacity
            successors = dialog.steps.indices.map { ProgramChecker.successors(of: $0, in: dialog) }
            var writes: [SlotSet] = []
            var calls: [String?] = []
            var starts: [(Int, String)] = []
            for (index, step) in dialog.steps.enumerated() {
                var set = SlotSet(capacity: capacity)
                if let slot = Self.slotSet(by: step), let number = number(slot) { set.insert(number) }
                var call: String?
                switch step.kind {
                case .call(let target):
                    call = target
                    starts.append((index, target))
                case .handover(let target):
                    starts.append((index, target))
                default: break
                }
                writes.append(set)
                calls.append(call)
            }
            self.writes = writes
            self.calls = calls
            self.starts = starts
        }

        /// The slot a step sets itself (an answer, a `set`, an action's result), if any.
        static func slotSet(by step: Step) -> String? {
            switch step.kind {
            case .ask(let question): return question.slot
            case .set(let slot, _): return slot
            case .action(_, _, let into?): return into
            default: return nil
            }
        }

        func flow(entry: SlotSet, exit: [String: SlotSet]) -> (before: [SlotSet], exit: SlotSet) {
            let count = successors.count
            var before = Array(repeating: SlotSet(capacity: capacity), count: count)
            guard count > 0 else { return (before, entry) }
            var reached = Array(repeating: false, count: count)
            before[0] = entry
            reached[0] = true
            var work = [0]
            var dialogExit = entry
            while let index = work.popLast() {
                var after = before[index].union(writes[index])
                if let target = calls[index], let called = exit[target] { after.formUnion(called) }
                if successors[index].isEmpty || index == count - 1 { dialogExit.formUnion(after) }
                for next in successors[index] {
                    let merged = before[next].union(after)
                    if !reached[next] || merged != before[next] {
                        reached[next] = true
                        before[next] = merged
                        work.append(next)
                    }
                }
            }
            return (before, dialogExit)
        }
    }

    private func reads(of step: Step) -> [(String, SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        func add(_ expression: ScriptExpression?) {
            guard let expression else { return }
            // `is_set(x)` asks whether x has a value yet; it is not a read that needs one.
            for slot in expression.expression.valueReferences where slot != "answer" {
                result.append((slot, expression.location))
            }
        }
        func add(_ text: DialogText?) {
            for variant in text?.variants ?? [] {
                add(variant.condition)
                // Both translations usually show the same slots: one read each, not two.
                for slot in Set(Template(variant.text.nl).slots + Template(variant.text.en).slots).sorted() {
                    result.append((slot, variant.location))
                }
            }
        }
        add(step.condition)
        switch step.kind {
        case .say(let text, _): add(text)
        case .ask(let question):
            add(question.prompt)
            add(question.help)
            add(question.notes)
            question.options.forEach { add($0.condition); add(DialogText($0.option.label, at: $0.location)) }
            question.validations.forEach { add($0.rule); add($0.message) }
        case .set(_, let value): add(value)
        case .branch(let condition, _, _): add(condition)
        case .action(_, let arguments, _): arguments.values.forEach { add($0) }
        case .revisitChoice(let slot): result.append((slot, step.location))
        case .goto, .call, .revisit, .end, .handover: break
        }
        // A prompt may show the slot's earlier answer; that is not a read that needs one.
        if let question = step.question {
            result.removeAll { $0.0 == question.slot }
        }
        return result
    }

    // MARK: - Reporting

    private func suggestion(_ name: String, among candidates: [String]) -> String {
        let folded = TextFolding.fold(name)
        let best = candidates
            .map { ($0, EditDistance.distance(folded, TextFolding.fold($0), limit: 3)) }
            .filter { $0.1 <= 3 }
            .min { $0.1 < $1.1 }
        return best.map { " — did you mean `\($0.0)`?" } ?? ""
    }

    private mutating func error(_ message: String, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    private mutating func warning(_ message: String, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }
}
