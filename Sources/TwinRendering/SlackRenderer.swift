public import JSONText
public import TwinReply
public import TwinLanguage
import Twinning

/// Renders a reply for Slack: `mrkdwn` text with numbered choices (the fallback every client
/// shows in notifications, and what a participant may always type from), and Block Kit blocks
/// with the question's controls — buttons for a choice of up to five options and for yes/no, a
/// menu for a longer choice, checkboxes and a "Klaar" button for a multichoice, a date picker
/// for a date. `&`, `<`, `>` are escaped so that a participant's text cannot form links or
/// mentions (`<!channel>`).
public enum SlackRenderer {
    /// The `action_id` of the "Klaar" button under a multichoice's checkboxes, and of the
    /// checkboxes themselves (whose clicks are only remembered by Slack until "Klaar").
    public static let doneActionID = "jt.done"
    /// The `action_id` of a multichoice's checkboxes.
    public static let checkboxesActionID = "jt.check"

    /// Slack takes at most 3,000 characters in a section's text and 50 blocks in a message.
    static let sectionLimit = 3_000
    static let blockLimit = 50

    /// The mrkdwn text of `reply`, within Slack's message limit (`MessageLimit.slack`): a longer
    /// reply has its longest message shortened, with a note saying so.
    public static func text(_ reply: Reply) -> String {
        ReplyBlocks(reply).render(escape: escape, message: ReplyBlocks.emojiMarked(bold: "*"), hint: { "_\($0)_" }, within: .slack)
    }

    /// A whole message — `text`, and `blocks` when the reply asks something a control can
    /// answer — with `extra` members first (`response_type`, `channel`, `replace_original`).
    public static func message(_ reply: Reply, extra: [(String, JSONValue)] = []) -> JSONValue {
        var members = extra
        members.append(("text", .string(text(reply))))
        if let blocks = blocks(reply) { members.append(("blocks", .array(blocks))) }
        return .object(members)
    }

    /// The response to a slash command: visible only to the participant who typed it.
    public static func ephemeral(_ reply: Reply) -> JSONValue {
        message(reply, extra: [("response_type", "ephemeral")])
    }

    /// The Block Kit blocks of `reply`: each message a section, then the question's controls and
    /// the hint; `nil` when nothing is asked that a control can answer, or when the reply does
    /// not fit in blocks (a long export), so that the text alone is sent.
    public static func blocks(_ reply: Reply) -> [JSONValue]? {
        guard let prompt = reply.prompt, let button = PromptButton(reply, owner: owner(of: reply.participant)),
              let controls = controls(prompt, button: button, language: reply.language) else { return nil }
        let parts = ReplyBlocks(reply)
        var blocks: [JSONValue] = []
        for message in parts.messages where !message.text.allSatisfy(\.isWhitespace) {
            let text = ReplyBlocks.emojiMarked(bold: "*")(message, escape(message.text))
            for chunk in chunks(of: text) { blocks.append(section(chunk)) }
        }
        blocks.append(controls)
        if let hint = parts.hint {
            blocks.append(.object([("type", "context"), ("elements", [.object([("type", "mrkdwn"), ("text", .string("_\(escape(hint))_"))])])]))
        }
        return blocks.count <= blockLimit ? blocks : nil
    }

    /// The blocks that end a message whose question was answered, in place of its controls —
    /// so it cannot be clicked twice: the question (when `withQuestion`, for a message whose
    /// other blocks are not known) and the answer given.
    public static func answered(question: String, answer label: String, withQuestion: Bool, language: Language) -> [JSONValue] {
        var blocks: [JSONValue] = []
        if withQuestion { blocks.append(section("*\(escape(question))*")) }
        blocks.append(.object([("type", "context"), ("elements", [.object([
            ("type", "mrkdwn"), ("text", .string(":white_check_mark: " + escape(PromptAnswers.answeredLine(label, in: language)))),
        ])])]))
        return blocks
    }

    /// A message the assistant starts itself (a direct message): `text`, a button that starts
    /// `start`'s step of the menu (`slot` is the menu's), and `footer` in small print; `extra`
    /// members first (`channel`).
    public static func start(text: String, footer: String, start: (label: String, option: String, slot: String)?,
                             owner: String?, extra: [(String, JSONValue)] = []) -> JSONValue {
        var blocks: [JSONValue] = chunks(of: escape(text)).map(section)
        if let start {
            blocks.append(.object([("type", "actions"), ("block_id", .string(PromptButton(slot: start.slot, turn: nil, owner: owner).encoded)),
                                   ("elements", [buttonElement(PromptAnswers.Control(label: start.label, answer: start.option),
                                                               actionID: "jt.start", style: "primary")])]))
        }
        blocks.append(.object([("type", "context"), ("elements", [.object([("type", "mrkdwn"), ("text", .string(escape(footer)))])])]))
        return .object(extra + [("text", .string(escape(text))), ("blocks", .array(blocks)), ("unfurl_links", false)])
    }

    /// The Slack user id in a participant id (`slack:T1:U1` → `U1`); `nil` for another channel's.
    public static func owner(of participant: String) -> String? {
        guard let id = ParticipantID(participant), id.channel == "slack" else { return nil }
        return id.platformUser
    }

    /// Escapes the three characters Slack gives meaning to in mrkdwn text.
    public static func escape(_ text: String) -> String { EntityEscaping.escape(text) }

    // MARK: - Controls

    /// The `actions` block answering `prompt`; `nil` for a type without a control (text, numbers,
    /// e-mail: those are typed) or options that do not fit Slack's limits.
    static func controls(_ prompt: Reply.Prompt, button: PromptButton, language: Language) -> JSONValue? {
        let answers = PromptAnswers.controls(for: prompt, in: language)
        var elements: [JSONValue] = []
        switch prompt.type {
        case .yesno:
            elements = answers.enumerated().map { index, control in
                buttonElement(control, actionID: "jt.answer.\(index + 1)", style: index == 0 ? "primary" : nil)
            }
        case .choice where answers.count <= 5:
            elements = answers.enumerated().map { buttonElement($0.element, actionID: "jt.answer.\($0.offset + 1)") }
        case .choice where answers.count <= 100:
            elements = [.object([
                ("type", "static_select"), ("action_id", "jt.select"),
                ("placeholder", plain(language.text(nl: "Kies…", en: "Choose…"))),
                ("options", .array(answers.map(option))),
            ])]
        case .multichoice where answers.count <= 10:
            elements = [
                .object([("type", "checkboxes"), ("action_id", .string(checkboxesActionID)), ("options", .array(answers.map(option)))]),
                buttonElement(PromptAnswers.Control(label: language.text(nl: "Klaar", en: "Done"), answer: ""),
                              actionID: doneActionID, style: "primary"),
            ]
        case .date:
            elements = [.object([
                ("type", "datepicker"), ("action_id", "jt.date"),
                ("placeholder", plain(language.text(nl: "Kies een datum", en: "Pick a date"))),
            ])]
        case .choice, .multichoice, .text, .integer, .number, .email:
            return nil
        }
        if prompt.optional {
            elements.append(buttonElement(PromptAnswers.skip(in: language), actionID: "jt.skip"))
        }
        return .object([("type", "actions"), ("block_id", .string(button.encoded)), ("elements", .array(elements))])
    }

    private static func buttonElement(_ control: PromptAnswers.Control, actionID: String, style: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "button"), ("action_id", .string(actionID)),
                                             ("text", plain(control.label)), ("value", .string(control.answer))]
        if let style { members.append(("style", .string(style))) }
        return .object(members)
    }

    private static func option(_ control: PromptAnswers.Control) -> JSONValue {
        .object([("text", plain(control.label)), ("value", .string(control.answer))])
    }

    /// A plain-text object; Slack takes at most 75 characters on a button or an option.
    private static func plain(_ text: String) -> JSONValue {
        .object([("type", "plain_text"), ("text", .string(text.count > 75 ? String(text.prefix(74)) + "…" : text)), ("emoji", true)])
    }

    private static func section(_ text: String) -> JSONValue {
        .object([("type", "section"), ("text", .object([("type", "mrkdwn"), ("text", .string(text))]))])
    }

    /// `text` in pieces of at most 3,000 characters, split at line ends where possible (blank
    /// lines kept), a line longer than a piece split within it.
    static func chunks(of text: String) -> [String] {
        guard text.count > sectionLimit else { return [text] }
        var chunks: [String] = []
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            while rest.count > sectionLimit {
                if let piece = current { chunks.append(piece); current = nil }
                chunks.append(String(rest.prefix(sectionLimit)))
                rest = rest.dropFirst(sectionLimit)
            }
            if let piece = current, piece.count + 1 + rest.count <= sectionLimit {
                current = piece + "\n" + rest
            } else {
                if let piece = current { chunks.append(piece) }
                current = String(rest)
            }
        }
        if let piece = current, !piece.isEmpty { chunks.append(piece) }
        return chunks
    }
}
