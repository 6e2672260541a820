import Foundation
import Yams
import TwinLanguage

/// Turns the YAML text of one dialog file into a `Dialog`, collecting every structural problem
/// (wrong shapes, unknown keys, missing translations, expressions that do not parse) with its
/// position. Meaning across dialogs (targets, slots, types) is the `ProgramChecker`'s job.
struct DialogParser {
    private let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Parses `text`; `nil` when the file is not a dialog at all.
    mutating func parse(_ text: String) -> Dialog? {
        if let problem = YAMLGuard.problem(in: text) {
            error(problem.message, SourceLocation(file: file, line: problem.line, column: problem.column))
            return nil
        }
        let root: Node
        do {
            // The basic resolver: the parser reads every scalar as its text and converts it
            // itself, so resolving each scalar's tag (bool, int, float, null, timestamp) against
            // the default resolver's regular expressions only cost time — a fifth of start-up.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                error("the file is empty; a dialog needs `dialog:`, `title:` and `steps:`", start)
                return nil
            }
            root = node
        } catch let yamlError as YamlError {
            reportYAML(yamlError)
            return nil
        } catch {
            self.error("the file is not valid YAML: \(error)", start)
            return nil
        }
        if root.expandedCount(limit: YAMLGuard.maxNodes) > YAMLGuard.maxNodes {
            error("the file has more than \(YAMLGuard.maxNodes) elements; dialog files are far smaller — split it into several dialogs", start)
            return nil
        }
        return dialog(from: root)
    }

    private var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    private mutating func reportYAML(_ yamlError: YamlError) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context's position is where the unfinished construct began (an opening quote or
            // bracket), often far above the place where the parser gave up.
            let where_ = context.map { " (\($0.text)\(Self.position(of: $0.mark, unlessAt: mark)))" } ?? ""
            error("YAML syntax: \(problem)\(where_)", SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            error("the file cannot be read as text: \(problem); save it as UTF-8", start)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // The context marks the first occurrence of the key.
            let location = context.mark.line >= 1
                ? SourceLocation(file: file, line: context.mark.line, column: context.mark.column) : start
            error("a key appears twice in one mapping: \(duplicates.joined(separator: ", "))", location)
        default:
            error("YAML syntax: \(yamlError)", start)
        }
    }

    /// ` at line L, column C` for `mark`, or nothing when it is `other` or unknown.
    private static func position(of mark: Mark, unlessAt other: Mark) -> String {
        guard mark.line >= 1, mark.line != other.line || mark.column != other.column else { return "" }
        return " at line \(mark.line), column \(mark.column)"
    }

    // MARK: - Dialog

    private mutating func dialog(from root: Node) -> Dialog? {
        guard let pairs = root.mappingPairs else {
            error("a dialog file is a mapping with `dialog:`, `title:` and `steps:`, not \(root.kindName)", root.location(in: file))
            return nil
        }
        var name: String?
        var title: LocalizedText?
        var steps: [Step] = []
        var sawSteps = false
        for (key, keyNode, value) in pairs {
            switch key {
            case "dialog":
                if let text = value.scalarText, Self.isValidDialogName(text) {
                    name = text
                } else {
                    error("`dialog:` must be a name of letters, digits, `_` and `-`", value.location(in: file))
                }
            case "title":
                title = localized(value, what: "title")
            case "description":
                break
            case "steps":
                sawSteps = true
                steps = parseSteps(value)
            default:
                error("unknown key `\(key)` at the top of a dialog (expected dialog, title, description, steps)", keyNode.location(in: file))
            }
        }
        if name == nil, !pairs.contains(where: { $0.key == "dialog" }) {
            error("missing `dialog:` (the dialog's name)", root.location(in: file))
        }
        if title == nil, !pairs.contains(where: { $0.key == "title" }) {
            error("missing `title:` (with nl and en)", root.location(in: file))
        }
        if !sawSteps {
            error("missing `steps:`", root.location(in: file))
        }
        guard let name, let title else { return nil }
        return Dialog(name: name, title: title, steps: steps, location: root.location(in: file))
    }

    static func isValidDialogName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    static func isValidSlotName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty && name.count <= 128 && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
            return part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }

    // MARK: - Steps

    private static let stepKinds = ["say", "ask", "set", "if", "goto", "call", "action", "revisit", "revisit_choice", "end", "handover"]
    private static let commonKeys: Set<String> = ["id", "when"]
    private static let attributes: [String: Set<String>] = [
        "say": ["kind"],
        "ask": ["type", "prompt", "help", "notes", "optional", "min", "max", "min_length", "max_length",
                "min_choices", "max_choices", "options", "validate", "max_attempts"],
        "set": ["value"],
        "if": ["then", "else"],
        "goto": [], "call": [], "revisit": [], "revisit_choice": [], "end": [], "handover": [],
        "action": ["with", "into"],
    ]

    private mutating func parseSteps(_ node: Node) -> [Step] {
        guard let elements = node.sequenceElements else {
            error("`steps:` must be a list (each step starts with `- `)", node.location(in: file))
            return []
        }
        var steps: [Step] = []
        for (index, element) in elements.enumerated() {
            if let step = parseStep(element, number: index + 1) { steps.append(step) }
        }
        if elements.isEmpty {
            error("`steps:` is empty; a dialog needs at least one step", node.location(in: file))
        }
        return steps
    }

    private mutating func parseStep(_ node: Node, number: Int) -> Step? {
        let location = node.location(in: file)
        guard let pairs = node.mappingPairs else {
            error("a step is a mapping such as `- say: …` or `- ask: slot.name`, not \(node.kindName)", location)
            return nil
        }
        let kinds = pairs.filter { Self.stepKinds.contains($0.key) }
        guard kinds.count == 1, let kindPair = kinds.first else {
            if kinds.isEmpty {
                error("a step needs one of: \(Self.stepKinds.joined(separator: ", "))", location)
            } else {
                error("a step does one thing; this one has \(kinds.map { "`\($0.key)`" }.joined(separator: " and ")) — split it into separate steps", kinds[1].keyNode.location(in: file))
            }
            return nil
        }
        let kindName = kindPair.key
        let allowed = Self.commonKeys.union(Self.attributes[kindName] ?? [])
        var values: [String: Node] = [:]
        for (key, keyNode, value) in pairs where key != kindName {
            if allowed.contains(key) {
                values[key] = value
            } else if Self.stepKinds.contains(key) {
                continue
            } else {
                let expected = (Self.attributes[kindName] ?? []).union(Self.commonKeys).sorted().joined(separator: ", ")
                error("unknown key `\(key)` in a `\(kindName)` step (expected \(expected))", keyNode.location(in: file))
            }
        }
        let condition = values["when"].flatMap { expression($0) }
        var explicitId: String?
        if let idNode = values["id"] {
            if let id = idNode.scalarText, !id.isEmpty, !id.hasPrefix("#") {
                explicitId = id
            } else {
                error("`id:` must be a name (not starting with #)", idNode.location(in: file))
            }
        }
        let body = kindPair.value
        let kind: Step.Kind
        var derivedId = "#\(number)"
        switch kindName {
        case "say":
            guard let text = dialogText(body, what: "say") else { return nil }
            var messageKind = MessageKind.info
            if let kindNode = values["kind"] {
                if let raw = kindNode.scalarText, let parsed = MessageKind(rawValue: raw), parsed != .error {
                    messageKind = parsed
                } else {
                    error("`kind:` must be info, advice, warning or summary", kindNode.location(in: file))
                }
            }
            kind = .say(text, messageKind)
        case "ask":
            guard let slot = slotName(body), let question = parseQuestion(slot: slot, node: node, values: values) else { return nil }
            derivedId = slot
            kind = .ask(question)
        case "set":
            guard let slot = slotName(body) else { return nil }
            guard let valueNode = values["value"] else {
                error("a `set` step needs `value:` (an expression)", location)
                return nil
            }
            guard let value = expression(valueNode) else { return nil }
            kind = .set(slot: slot, value: value)
        case "if":
            guard let condition = expression(body) else { return nil }
            let then = values["then"].flatMap { stepReference($0) }
            let otherwise = values["else"].flatMap { stepReference($0) }
            if values["then"] == nil, values["else"] == nil {
                error("an `if` step needs `then:` or `else:` (a step id to jump to)", location)
            }
            kind = .branch(condition: condition, then: then, otherwise: otherwise)
        case "goto":
            guard let target = stepReference(body) else { return nil }
            kind = .goto(target)
        case "call":
            guard let target = dialogReference(body) else { return nil }
            derivedId = "call-\(target)"
            kind = .call(target)
        case "handover":
            guard let target = dialogReference(body) else { return nil }
            kind = .handover(target)
        case "revisit":
            guard let target = stepReference(body) else { return nil }
            derivedId = "revisit-\(target)"
            kind = .revisit(target)
        case "revisit_choice":
            guard let slot = slotName(body) else { return nil }
            derivedId = "revisit-\(slot)"
            kind = .revisitChoice(slot: slot)
        case "end":
            guard body.scalarText == "true" else {
                error("write `end: true`", body.location(in: file))
                return nil
            }
            kind = .end
        case "action":
            guard let name = body.scalarText, !name.isEmpty else {
                error("`action:` needs the action's name", body.location(in: file))
                return nil
            }
            var arguments: [String: ScriptExpression] = [:]
            if let withNode = values["with"] {
                if let argumentPairs = withNode.mappingPairs {
                    for (argument, _, valueNode) in argumentPairs {
                        if let value = expression(valueNode) { arguments[argument] = value }
                    }
                } else {
                    error("`with:` is a mapping of argument names to expressions", withNode.location(in: file))
                }
            }
            let into = values["into"].flatMap { slotName($0) }
            kind = .action(name: name, arguments: arguments, into: into)
        default:
            return nil
        }
        return Step(id: explicitId ?? derivedId, hasExplicitId: explicitId != nil, kind: kind,
                    condition: condition, location: location)
    }

    // MARK: - Questions

    private mutating func parseQuestion(slot: String, node: Node, values: [String: Node]) -> Question? {
        let location = node.location(in: file)
        guard let typeNode = values["type"] else {
            error("an `ask` step needs `type:` (\(InputType.allCases.map(\.rawValue).joined(separator: ", ")))", location)
            return nil
        }
        guard let typeText = typeNode.scalarText, let type = InputType(rawValue: typeText) else {
            error("unknown input type `\(typeNode.scalarText ?? "")` (expected \(InputType.allCases.map(\.rawValue).joined(separator: ", ")))", typeNode.location(in: file))
            return nil
        }
        guard let promptNode = values["prompt"] else {
            error("an `ask` step needs `prompt:` (the question, in nl and en)", location)
            return nil
        }
        guard let prompt = dialogText(promptNode, what: "prompt") else { return nil }
        let help = values["help"].flatMap { dialogText($0, what: "help") }
        var spec = InputSpec(type: type)
        func only(_ key: String, for types: Set<InputType>) -> Node? {
            guard let value = values[key] else { return nil }
            if !types.contains(type) {
                error("`\(key):` does not apply to a `\(type.rawValue)` question", value.location(in: file))
                return nil
            }
            return value
        }
        if let n = only("min_length", for: [.text]) { spec.minLength = integer(n, key: "min_length") }
        if let n = only("max_length", for: [.text]) { spec.maxLength = integer(n, key: "max_length") }
        if let n = only("min_choices", for: [.multichoice]) { spec.minChoices = integer(n, key: "min_choices") }
        if let n = only("max_choices", for: [.multichoice]) { spec.maxChoices = integer(n, key: "max_choices") }
        for key in ["min", "max"] {
            guard let n = only(key, for: [.integer, .number, .date]) else { continue }
            if type == .date {
                guard let text = n.scalarText, let date = LocalDate(iso: text) else {
                    error("`\(key):` of a date question is a date like 2026-12-06", n.location(in: file))
                    continue
                }
                if key == "min" { spec.minDate = date } else { spec.maxDate = date }
            } else {
                guard let text = n.scalarText, let number = Double(text) else {
                    error("`\(key):` must be a number", n.location(in: file))
                    continue
                }
                if type == .integer, number != number.rounded() {
                    error("`\(key):` of an integer question must be a whole number", n.location(in: file))
                }
                if key == "min" { spec.min = number } else { spec.max = number }
            }
        }
        if let lo = spec.min, let hi = spec.max, lo > hi {
            error("`min:` (\(Value.format(lo, in: .en))) is larger than `max:` (\(Value.format(hi, in: .en)))", location)
        }
        if let lo = spec.minLength, let hi = spec.maxLength, lo > hi {
            error("`min_length:` is larger than `max_length:`", location)
        }
        if let lo = spec.minDate, let hi = spec.maxDate, lo > hi {
            error("`min:` is later than `max:`", location)
        }
        var options: [OptionDefinition] = []
        if type == .choice || type == .multichoice {
            if let optionsNode = values["options"] {
                options = parseOptions(optionsNode)
                if type == .multichoice, let unlisted = options.first(where: { !$0.listed }) {
                    error("`listed: false` is for a `choice` question; a multichoice lists every option", unlisted.location)
                }
            } else {
                error("a `\(type.rawValue)` question needs `options:`", location)
            }
            if let lo = spec.minChoices, let hi = spec.maxChoices, lo > hi {
                error("`min_choices:` is larger than `max_choices:`", location)
            }
            if let hi = spec.maxChoices, hi > options.count, !options.isEmpty {
                warning("`max_choices:` (\(hi)) is more than the \(options.count) options", location)
            }
        } else if let optionsNode = values["options"] {
            error("`options:` only applies to choice and multichoice questions", optionsNode.location(in: file))
        }
        spec.options = options.map(\.option)
        var isOptional = false
        if let optionalNode = values["optional"] {
            switch optionalNode.scalarText {
            case "true": isOptional = true
            case "false": isOptional = false
            default: error("`optional:` is true or false", optionalNode.location(in: file))
            }
        }
        var validations: [Validation] = []
        if let validateNode = values["validate"] {
            if let rules = validateNode.sequenceElements {
                for rule in rules { if let v = parseValidation(rule) { validations.append(v) } }
            } else {
                error("`validate:` is a list of `- rule: …` / `message: …`", validateNode.location(in: file))
            }
        }
        var maxAttempts = 3
        if let n = values["max_attempts"], let value = integer(n, key: "max_attempts") {
            if value < 1 || value > 20 {
                error("`max_attempts:` must be between 1 and 20", n.location(in: file))
            } else {
                maxAttempts = value
            }
        }
        var question = Question(slot: slot, spec: spec, options: options, prompt: prompt, help: help,
                                isOptional: isOptional, validations: validations, maxAttempts: maxAttempts)
        question.notes = values["notes"].flatMap { dialogText($0, what: "notes", everyVariant: true) }
        return question
    }

    private mutating func parseOptions(_ node: Node) -> [OptionDefinition] {
        guard let elements = node.sequenceElements else {
            error("`options:` is a list of `- value: …` / `label: {nl: …, en: …}`", node.location(in: file))
            return []
        }
        var result: [OptionDefinition] = []
        var seen: [String: SourceLocation] = [:]
        for element in elements {
            let location = element.location(in: file)
            guard let pairs = element.mappingPairs else {
                error("an option is a mapping with `value:` and `label:`", location)
                continue
            }
            var value: String?
            var label: LocalizedText?
            var aliases: [String] = []
            var condition: ScriptExpression?
            var listed = true
            for (key, keyNode, valueNode) in pairs {
                switch key {
                case "value":
                    if let text = valueNode.scalarText, !text.isEmpty { value = text }
                    else { error("`value:` must be a non-empty word", valueNode.location(in: file)) }
                case "label": label = localized(valueNode, what: "label")
                case "aliases":
                    if let items = valueNode.sequenceElements {
                        aliases = items.compactMap(\.scalarText)
                    } else {
                        error("`aliases:` is a list of words", valueNode.location(in: file))
                    }
                case "when": condition = expression(valueNode)
                case "listed":
                    switch valueNode.scalarText {
                    case "true": listed = true
                    case "false": listed = false
                    default: error("`listed:` is true or false", valueNode.location(in: file))
                    }
                default: error("unknown key `\(key)` in an option (expected value, label, aliases, when, listed)", keyNode.location(in: file))
                }
            }
            guard let value else {
                if !pairs.contains(where: { $0.key == "value" }) { error("an option needs `value:`", location) }
                continue
            }
            if let earlier = seen[value] {
                error("the option value `\(value)` is used twice (first at line \(earlier.line)); values must be unique", location)
            }
            seen[value] = location
            guard let label else {
                if !pairs.contains(where: { $0.key == "label" }) { error("the option `\(value)` needs `label:` with nl and en", location) }
                continue
            }
            result.append(OptionDefinition(option: ChoiceOption(value: value, label: label, aliases: aliases),
                                           condition: condition, listed: listed, location: location))
        }
        return result
    }

    private mutating func parseValidation(_ node: Node) -> Validation? {
        guard let pairs = node.mappingPairs else {
            error("a validation is a mapping with `rule:` and `message:`", node.location(in: file))
            return nil
        }
        var rule: ScriptExpression?
        var message: DialogText?
        for (key, keyNode, value) in pairs {
            switch key {
            case "rule": rule = expression(value)
            case "message": message = dialogText(value, what: "message")
            default: error("unknown key `\(key)` in a validation (expected rule, message)", keyNode.location(in: file))
            }
        }
        if !pairs.contains(where: { $0.key == "rule" }) { error("a validation needs `rule:`", node.location(in: file)) }
        if !pairs.contains(where: { $0.key == "message" }) { error("a validation needs `message:` (nl and en)", node.location(in: file)) }
        guard let rule, let message else { return nil }
        return Validation(rule: rule, message: message, location: node.location(in: file))
    }

    // MARK: - Values

    private mutating func localized(_ node: Node, what: String) -> LocalizedText? {
        guard let pairs = node.mappingPairs else {
            error("`\(what)` needs both translations: a mapping with `nl:` and `en:`", node.location(in: file))
            return nil
        }
        var nl: String?
        var en: String?
        for (key, keyNode, value) in pairs {
            switch key {
            case "nl", "en":
                guard let text = value.scalarText else {
                    error("`\(key):` is a text", value.location(in: file))
                    continue
                }
                if text.allSatisfy(\.isWhitespace) {
                    error("the \(key == "nl" ? "Dutch" : "English") text of `\(what)` is empty", value.location(in: file))
                }
                if key == "nl" { nl = text } else { en = text }
            case "when":
                break
            default:
                error("unknown language `\(key)` in `\(what)` (expected nl and en)", keyNode.location(in: file))
            }
        }
        if nl == nil { error("missing Dutch translation (`nl:`) of `\(what)`", node.location(in: file)) }
        if en == nil { error("missing English translation (`en:`) of `\(what)`", node.location(in: file)) }
        guard let nl, let en else { return nil }
        return LocalizedText(nl: nl, en: en)
    }

    /// A text with variants; `everyVariant` for notes, where each variant whose condition holds
    /// is shown, so none needs to be the fallback.
    private mutating func dialogText(_ node: Node, what: String, everyVariant: Bool = false) -> DialogText? {
        if let elements = node.sequenceElements {
            var variants: [DialogText.Variant] = []
            for (index, element) in elements.enumerated() {
                let condition = element.mappingPairs?.first(where: { $0.key == "when" }).flatMap { expression($0.value) }
                let isLast = index == elements.count - 1
                if everyVariant {
                    // Every variant stands on its own.
                } else if isLast, condition != nil {
                    error("the last variant of `\(what)` must have no `when:`, so that there is always a text", element.location(in: file))
                }
                if !everyVariant, !isLast, element.mappingPairs?.contains(where: { $0.key == "when" }) != true {
                    warning("only the last variant of `\(what)` should lack `when:`; the variants after this one are never used", element.location(in: file))
                }
                guard let text = localized(element, what: what) else { continue }
                variants.append(.init(condition: condition, text: text, location: element.location(in: file)))
            }
            guard !variants.isEmpty else {
                error("`\(what)` has no variants", node.location(in: file))
                return nil
            }
            return DialogText(variants: variants)
        }
        if let pairs = node.mappingPairs, pairs.contains(where: { $0.key == "when" }) {
            error("`when:` inside a text belongs to a list of variants: write `- when: …` items", node.location(in: file))
        }
        guard let text = localized(node, what: what) else { return nil }
        return DialogText(text, at: node.location(in: file))
    }

    private mutating func expression(_ node: Node) -> ScriptExpression? {
        guard let source = node.scalarText else {
            error("an expression is a single quoted value, e.g. \"plan.weeks >= 13\"", node.location(in: file))
            return nil
        }
        let start = node.location(in: file).advanced(by: node.isQuotedScalar ? 1 : 0)
        do {
            return ScriptExpression(try Expression.parse(source), at: start)
        } catch {
            self.error(error.message, start.advanced(by: error.offset))
            return nil
        }
    }

    private mutating func slotName(_ node: Node) -> String? {
        guard let name = node.scalarText, Self.isValidSlotName(name) else {
            error("a slot name is lower-case words joined by dots, like `profile.name`", node.location(in: file))
            return nil
        }
        if name == "answer" {
            error("`answer` is reserved for validation rules; choose another slot name", node.location(in: file))
            return nil
        }
        return name
    }

    private mutating func stepReference(_ node: Node) -> String? {
        guard let id = node.scalarText, !id.isEmpty else {
            error("expected a step id", node.location(in: file))
            return nil
        }
        return id
    }

    private mutating func dialogReference(_ node: Node) -> String? {
        guard let name = node.scalarText, Self.isValidDialogName(name) else {
            error("expected a dialog name", node.location(in: file))
            return nil
        }
        return name
    }

    private mutating func integer(_ node: Node, key: String) -> Int? {
        guard let text = node.scalarText, let value = Int(text) else {
            error("`\(key):` must be a whole number", node.location(in: file))
            return nil
        }
        return value
    }

    private mutating func error(_ message: String, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    private mutating func warning(_ message: String, _ location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }
}
