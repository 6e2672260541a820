public import TwinLanguage

/// Draws a dialog's flow as Graphviz DOT: one node per step, an edge per way the flow can go.
///
/// `jobtwin dialogs graph intake | dot -Tsvg > intake.svg` shows an author what their script
/// does, including the branches and the dialogs it calls.
public enum FlowGraph {
    /// The DOT text of `dialog`.
    public static func dot(for dialog: Dialog, language: Language = .en) -> String {
        var lines = ["digraph \(quote(dialog.name)) {",
                     "  label=\(quote(dialog.title.text(in: language)));",
                     "  labelloc=t;",
                     "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
                     "  start [shape=circle, label=\"\", width=0.2, style=filled, fillcolor=black];"]
        func node(_ index: Int) -> String { "s\(index)" }
        var externals = Set<String>()
        for (index, step) in dialog.steps.enumerated() {
            let (label, shape) = describe(step, language: language)
            lines.append("  \(node(index)) [label=\(quote(label))\(shape.map { ", shape=\($0)" } ?? "")];")
        }
        if !dialog.steps.isEmpty { lines.append("  start -> \(node(0));") }
        for (index, step) in dialog.steps.enumerated() {
            let next = index + 1 < dialog.steps.count ? node(index + 1) : "end_"
            var edges: [(String, String?)] = []
            switch step.kind {
            case .branch(let condition, let then, let otherwise):
                edges.append((then.flatMap { dialog.index(of: $0) }.map(node) ?? next, "yes"))
                edges.append((otherwise.flatMap { dialog.index(of: $0) }.map(node) ?? next, "no"))
                _ = condition
            case .goto(let target):
                edges.append((dialog.index(of: target).map(node) ?? "end_", nil))
            case .end:
                edges.append(("end_", nil))
            case .handover(let target):
                externals.insert(target)
                edges.append(("d_\(sanitize(target))", "handover"))
            case .call(let target):
                externals.insert(target)
                lines.append("  \(node(index)) -> d_\(sanitize(target)) [style=dashed, label=\"call\"];")
                edges.append((next, nil))
            case .revisit(let target):
                if let t = dialog.index(of: target) { lines.append("  \(node(index)) -> \(node(t)) [style=dotted, label=\"revisit\"];") }
                edges.append((next, nil))
            case .revisitChoice(let slot):
                let question = dialog.steps.first { $0.question?.slot == slot }?.question
                for option in question?.options ?? [] {
                    if let t = dialog.index(of: option.option.value) {
                        lines.append("  \(node(index)) -> \(node(t)) [style=dotted, label=\(quote(option.option.value))];")
                    }
                }
                edges.append((next, nil))
            case .say, .ask, .set, .action:
                edges.append((next, nil))
            }
            if step.condition != nil, !edges.contains(where: { $0.0 == next }) {
                edges.append((next, "skipped"))
            }
            for (target, label) in edges {
                lines.append("  \(node(index)) -> \(target)\(label.map { " [label=\(quote($0))]" } ?? "");")
            }
        }
        lines.append("  end_ [shape=doublecircle, label=\"end\", width=0.3];")
        for external in externals.sorted() {
            lines.append("  d_\(sanitize(external)) [label=\(quote(external)), shape=folder];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ step: Step, language: Language) -> (String, String?) {
        let when = step.condition.map { "\nwhen \($0.expression.source)" } ?? ""
        switch step.kind {
        case .say(let text, let kind):
            let first = text.variants.first?.text.text(in: language) ?? ""
            return ("say\(kind == .info ? "" : " (\(kind.rawValue))"): \(abbreviate(first))\(when)", nil)
        case .ask(let question):
            return ("ask \(question.slot) : \(question.spec.type.rawValue)\n\(abbreviate(question.prompt.variants.first?.text.text(in: language) ?? ""))\(when)", "box")
        case .set(let slot, let value):
            return ("set \(slot) = \(value.expression.source)\(when)", nil)
        case .branch(let condition, _, _):
            return ("if \(condition.expression.source)\(when)", "diamond")
        case .goto(let target):
            return ("goto \(target)\(when)", "plaintext")
        case .call(let target):
            return ("call \(target)\(when)", "component")
        case .action(let name, _, let into):
            return ("action \(name)\(into.map { " → \($0)" } ?? "")\(when)", "hexagon")
        case .revisit(let target):
            return ("revisit \(target)\(when)", nil)
        case .revisitChoice(let slot):
            return ("revisit the answer of \(slot)\(when)", nil)
        case .end:
            return ("end\(when)", "plaintext")
        case .handover(let target):
            return ("handover \(target)\(when)", "component")
        }
    }

    private static func abbreviate(_ text: String) -> String {
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return single.count > 48 ? String(single.prefix(47)) + "…" : single
    }

    private static func sanitize(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
