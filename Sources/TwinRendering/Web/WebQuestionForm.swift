import TwinReply
import TwinLanguage

/// The form of the question being asked, after the markup contract of the web chat: a
/// `<form data-slot="SLOT" data-type="TYPE" method="post" action="/chat">` whose answer
/// controls are named `answer`, an option's `value` the option's value in the reply contract
/// (yes/no: `yes`/`no`), every field with its label; the question's identity in hidden fields
/// (`slot`, `turn`, `fingerprint`) with the session's `csrf` token; and the commands as buttons
/// named `command` (`help`, `back`, and `skip` only for an optional question).
enum WebQuestionForm {
    /// The id of the form, which the skip link and the script look for.
    static let id = "question"
    /// The id of the answer field (or the first checkbox's stem, `answer-1`, …).
    static let fieldID = "answer"
    /// Above this many characters an answer gets a text area.
    static let longTextLimit = 200.0

    /// Writes the form asking `prompt`; `turn` is the reply's, `errorID` the id of the message
    /// saying why the last answer was not taken, if any.
    static func write(_ prompt: Reply.Prompt, turn: Int?, csrf: String, errorID: String?,
                      language: Language, into html: inout HTMLWriter) {
        html.open("form", [("id", id), ("class", "question"), ("data-slot", prompt.slot), ("data-type", prompt.type.rawValue),
                           ("method", "post"), ("action", "/chat")])
        hidden("slot", prompt.slot, into: &html)
        hidden("turn", turn.map(String.init), into: &html)
        hidden("fingerprint", prompt.fingerprint, into: &html)
        hidden("csrf", csrf, into: &html)
        let invalid: [HTMLWriter.Attribute] = errorID == nil ? [] : [("aria-invalid", "true")]
        switch prompt.type {
        case .choice, .yesno:
            let options = prompt.type == .yesno
                ? [Reply.Prompt.Option(value: "yes", label: language.text(nl: "Ja", en: "Yes")),
                   Reply.Prompt.Option(value: "no", label: language.text(nl: "Nee", en: "No"))]
                : prompt.options ?? []
            html.element("fieldset", [("aria-describedby", errorID)]) { html in
                html.element("legend", text: prompt.text)
                html.element("div", [("class", "options")]) { html in
                    for option in options {
                        html.element("button", [("type", "submit"), ("name", "answer"), ("value", option.value)], text: option.label)
                    }
                }
            }
        case .multichoice:
            let hintID = fieldID + "-hint"
            html.element("fieldset", [("aria-describedby", [hintID, errorID].compactMap { $0 }.joined(separator: " "))]) { html in
                html.element("legend", text: prompt.text)
                html.element("p", [("class", "hint"), ("id", hintID)], text: choicesHint(prompt, language: language))
                html.element("div", [("class", "options")]) { html in
                    for (index, option) in (prompt.options ?? []).enumerated() {
                        let id = "\(fieldID)-\(index + 1)"
                        html.element("div", [("class", "check")]) { html in
                            html.void("input", [("type", "checkbox"), ("id", id), ("name", "answer"), ("value", option.value)])
                            html.element("label", [("for", id)], text: option.label)
                        }
                    }
                }
            }
            send(language.text(nl: "Klaar", en: "Done"), into: &html)
        case .text, .integer, .number, .date, .email:
            html.element("label", [("for", fieldID)], text: prompt.text)
            let hint = fieldHint(prompt, language: language)
            let hintID = hint == nil ? nil : fieldID + "-hint"
            if let hint, let hintID { html.element("p", [("class", "hint"), ("id", hintID)], text: hint) }
            var attributes: [HTMLWriter.Attribute] = [("id", fieldID), ("name", "answer")]
            attributes += field(prompt)
            attributes.append(("required", prompt.optional ? nil : "required"))
            let described = [hintID, errorID].compactMap { $0 }
            attributes.append(("aria-describedby", described.isEmpty ? nil : described.joined(separator: " ")))
            attributes += invalid
            if isLong(prompt) {
                html.element("textarea", attributes + [("rows", "5")], text: "")
            } else {
                html.void("input", attributes)
            }
            send(language.text(nl: "Versturen", en: "Send"), into: &html)
        }
        commands(optional: prompt.optional, language: language, into: &html)
        html.close()
    }

    /// The form when nothing is asked: one text field for whatever the participant types
    /// (`menu`, `status`), with no slot — there is no question to answer.
    static func writeFree(csrf: String, language: Language, into html: inout HTMLWriter) {
        html.open("form", [("id", id), ("class", "question"), ("data-type", "text"), ("method", "post"), ("action", "/chat")])
        hidden("csrf", csrf, into: &html)
        html.element("label", [("for", fieldID)], text: language.text(nl: "Je bericht", en: "Your message"))
        html.void("input", [("type", "text"), ("id", fieldID), ("name", "answer"), ("required", "required")])
        send(language.text(nl: "Versturen", en: "Send"), into: &html)
        commands(optional: false, back: false, language: language, into: &html)
        html.close()
    }

    // MARK: - Parts

    private static func hidden(_ name: String, _ value: String?, into html: inout HTMLWriter) {
        guard let value else { return }
        html.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// The button that sends the typed answer or the ticked boxes; first in the form after the
    /// field, so that Enter in a field presses it and not a command.
    private static func send(_ label: String, into html: inout HTMLWriter) {
        html.element("div", [("class", "actions")]) { html in
            html.element("button", [("type", "submit"), ("class", "primary")], text: label)
        }
    }

    /// Hulp, Terug and (for an optional question) Overslaan; `formnovalidate`, so that an empty
    /// required field does not stop them.
    private static func commands(optional: Bool, back: Bool = true, language: Language, into html: inout HTMLWriter) {
        var list: [WebCommand] = [.help]
        if back { list.append(.back) }
        if optional { list.append(.skip) }
        html.element("div", [("class", "commands"), ("role", "group"),
                             ("aria-label", language.text(nl: "Andere mogelijkheden", en: "Other options"))]) { html in
            for command in list {
                html.element("button", [("type", "submit"), ("name", "command"), ("value", command.rawValue),
                                        ("formnovalidate", "formnovalidate")], text: command.label(in: language))
            }
        }
    }

    /// The type and limits of the answer field.
    private static func field(_ prompt: Reply.Prompt) -> [HTMLWriter.Attribute] {
        switch prompt.type {
        case .integer, .number:
            return [("type", "number"), ("min", prompt.min.flatMap(number)), ("max", prompt.max.flatMap(number)),
                    ("step", prompt.type == .integer ? "1" : "any"), ("inputmode", prompt.type == .integer ? "numeric" : "decimal")]
        case .date:
            return [("type", "date"), ("min", prompt.minDate), ("max", prompt.maxDate)]
        case .email:
            return [("type", "email"), ("autocomplete", "email"), ("spellcheck", "false")]
        case .text, .choice, .yesno, .multichoice:
            var attributes: [HTMLWriter.Attribute] = isLong(prompt) ? [] : [("type", "text")]
            if let min = prompt.min, min > 1, min.isFinite { attributes.append(("minlength", String(Int(min)))) }
            if let max = prompt.max, max.isFinite, max >= 1 { attributes.append(("maxlength", String(Int(max)))) }
            return attributes
        }
    }

    /// Whether a text answer may be long enough for a text area: no limit, or above 200.
    private static func isLong(_ prompt: Reply.Prompt) -> Bool {
        guard prompt.type == .text else { return false }
        guard let max = prompt.max else { return true }
        return max > longTextLimit
    }

    /// A limit as an HTML number: `12`, `19.5`; `nil` for one that is not finite.
    static func number(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// How many boxes to tick: "Kies er 1 tot 3." / "Choose 1 to 3."
    private static func choicesHint(_ prompt: Reply.Prompt, language: Language) -> String {
        let min = prompt.min.map { Swift.max(1, Int($0)) } ?? 1
        if let max = prompt.max.map({ Int($0) }), max >= min, max > 1 {
            return language.text(nl: "Kies er \(min) tot \(max).", en: "Choose \(min) to \(max).")
        }
        if prompt.max == 1 { return language.text(nl: "Kies er één.", en: "Choose one.") }
        if min > 1 { return language.text(nl: "Kies er minstens \(min).", en: "Choose at least \(min).") }
        return language.text(nl: "Kies er een of meer.", en: "Choose one or more.")
    }

    /// The range of a number, when both ends are known: "Een getal van 1 tot 50."
    private static func fieldHint(_ prompt: Reply.Prompt, language: Language) -> String? {
        switch prompt.type {
        case .integer, .number:
            guard let min = prompt.min, let max = prompt.max, min.isFinite, max.isFinite else { return nil }
            return language.text(nl: "Een getal van \(language.format(min)) tot \(language.format(max)).",
                                 en: "A number from \(language.format(min)) to \(language.format(max)).")
        case .text:
            guard isLong(prompt), let max = prompt.max, max.isFinite else { return nil }
            return language.text(nl: "Hoogstens \(Int(max)) tekens.", en: "At most \(Int(max)) characters.")
        case .date:
            // A browser without a date picker shows a text field: the hint says how to write it.
            let earliest = prompt.minDate.flatMap(language.writtenDate(iso:))
            let latest = prompt.maxDate.flatMap(language.writtenDate(iso:))
            switch (earliest, latest) {
            case let (from?, to?): return language.text(nl: "Een datum van \(from) tot en met \(to).", en: "A date from \(from) to \(to).")
            case let (from?, nil): return language.text(nl: "Op of na \(from).", en: "On or after \(from).")
            case let (nil, to?): return language.text(nl: "Op of voor \(to).", en: "On or before \(to).")
            case (nil, nil): return nil
            }
        case .email, .choice, .yesno, .multichoice:
            return nil
        }
    }
}
