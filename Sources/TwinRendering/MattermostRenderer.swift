public import JSONText
public import TwinReply
import TwinLanguage

/// Renders a reply as Mattermost Markdown: numbered choices, emoji for advice, warnings and
/// errors — and, where the server's public address is known, message buttons for a choice and a
/// yes/no question (a menu past five options). An `@` that starts a word is followed by an
/// invisible zero-width space, so that a participant's text echoed back (a name such as
/// "@channel") cannot notify anyone.
///
/// Mattermost's buttons call back without a signature, so each carries a token of ours in its
/// context (`ActionToken`). A clicked post is updated in place: the answer given, then the next
/// reply with its own buttons — one post that moves on with the conversation.
public enum MattermostRenderer {
    /// What message buttons need: where they call back, who may click them, and the key that
    /// signs them.
    public struct Buttons: Sendable {
        /// The full URL of `POST /mattermost/actions` as Mattermost reaches it.
        public var actionURL: String
        /// The participant id the buttons answer for.
        public var participant: String
        /// Makes the tokens.
        public var token: ActionToken

        /// Creates the buttons' settings.
        public init(actionURL: String, participant: String, token: ActionToken) {
            self.actionURL = actionURL
            self.participant = participant
            self.token = token
        }
    }

    /// The context keys of a button, as `POST /mattermost/actions` reads them back.
    public enum ContextKey {
        public static let participant = "participant"
        public static let button = "button"
        public static let answer = "answer"
        public static let label = "label"
        public static let labels = "labels"
        public static let token = "token"
        /// Added by Mattermost to a menu's context: the value chosen.
        public static let selectedOption = "selected_option"
    }

    /// The answer a menu's token is made for: whichever option is chosen, within its count.
    public static func menuAnswer(choices: Int) -> String { "menu:\(choices)" }

    /// The Markdown text of `reply`.
    public static func text(_ reply: Reply) -> String {
        ReplyBlocks(reply).render(escape: escape, message: ReplyBlocks.emojiMarked(bold: "**"), hint: { "_\($0)_" })
    }

    /// The response to a slash command (visible only to its sender) or an outgoing webhook
    /// (posted in the channel). A reply longer than one post (`MessageLimit.mattermost`) goes to
    /// a slash command as several posts (`extra_responses`, split at line boundaries); an
    /// outgoing webhook's response is one text, which Mattermost itself splits into posts. With
    /// `buttons`, the last post carries them and the text leaves the numbered options out.
    public static func response(_ reply: Reply, slashCommand: Bool, buttons: Buttons? = nil) -> JSONValue {
        let attachments = buttons.flatMap { self.attachments(reply, buttons: $0) }
        let blocks = ReplyBlocks(reply, withOptions: attachments == nil)
        let type: JSONValue? = slashCommand ? "ephemeral" : nil
        func post(_ text: String, last: Bool) -> [(String, JSONValue)] {
            var members: [(String, JSONValue)] = [("text", .string(text))]
            if let type { members.append(("response_type", type)) }
            if last, let attachments { members.append(("attachments", attachments)) }
            return members
        }
        guard slashCommand else {
            return .object(post(blocks.render(escape: escape, message: ReplyBlocks.emojiMarked(bold: "**"), hint: { "_\($0)_" }), last: true))
        }
        let parts = blocks.split(escape: escape, message: ReplyBlocks.emojiMarked(bold: "**"), hint: { "_\($0)_" }, within: .mattermost)
        let extra = parts.dropFirst().enumerated().map { JSONValue.object(post($0.element, last: $0.offset == parts.count - 2)) }
        var first = post(parts.first ?? "", last: parts.count == 1)
        if !extra.isEmpty { first.append(("extra_responses", .array(extra))) }
        return .object(first)
    }

    /// The answer to a click, updating the clicked post: the question and the answer given,
    /// then `next` (the reply to the answer) with its own buttons, within one post.
    public static func update(question: String, answer label: String, next: Reply, buttons: Buttons?) -> JSONValue {
        let answered = "**\(escape(question))**\n:white_check_mark: " + escape(PromptAnswers.answeredLine(label, in: next.language))
        return update(next: next, buttons: buttons, before: answered)
    }

    /// The answer to a click that updates the clicked post with `next` alone (an answer that was
    /// not accepted: the reason and the question again), or after `before`; within one post.
    public static func update(next: Reply, buttons: Buttons?, before: String? = nil) -> JSONValue {
        let attachments = buttons.flatMap { self.attachments(next, buttons: $0) }
        let prefix = before.map { $0 + "\n\n" } ?? ""
        let room = MessageLimit(platform: MessageLimit.mattermost.platform,
                                maximum: MessageLimit.mattermost.maximum - MessageLimit.mattermost.measure(prefix),
                                measure: MessageLimit.mattermost.measure)
        let rest = ReplyBlocks(next, withOptions: attachments == nil)
            .render(escape: escape, message: ReplyBlocks.emojiMarked(bold: "**"), hint: { "_\($0)_" }, within: room)
        let props: JSONValue = .object([("attachments", attachments ?? .array([]))])
        return .object([("update", .object([("message", .string(prefix + rest)), ("props", props)]))])
    }

    /// The answer to a click that changes nothing: a note only the clicker sees.
    public static func ephemeral(_ text: String) -> JSONValue {
        .object([("ephemeral_text", .string(text))])
    }

    /// The message attachments holding the buttons of `reply`'s question; `nil` when it has
    /// none that Mattermost can show (text, numbers, dates and multichoices are typed).
    public static func attachments(_ reply: Reply, buttons: Buttons) -> JSONValue? {
        guard let prompt = reply.prompt, let button = PromptButton(reply) else { return nil }
        let controls = PromptAnswers.controls(for: prompt, in: reply.language)
        var actions: [JSONValue] = []
        func context(_ answer: String, extra: [(String, JSONValue)]) -> JSONValue {
            .object([(ContextKey.participant, .string(buttons.participant)), (ContextKey.button, .string(button.encoded)),
                     (ContextKey.answer, .string(answer))] + extra
                    + [(ContextKey.token, .string(buttons.token.token(participant: buttons.participant, button: button, answer: answer)))])
        }
        func action(id: String, name: String, type: String, context: JSONValue, extra: [(String, JSONValue)] = []) -> JSONValue {
            .object([("id", .string(id)), ("name", .string(name)), ("type", .string(type))] + extra
                    + [("integration", .object([("url", .string(buttons.actionURL)), ("context", context)]))])
        }
        switch prompt.type {
        case .choice where controls.count > 5:
            let answer = menuAnswer(choices: controls.count)
            actions = [action(id: "jtmenu", name: reply.language.text(nl: "Kies…", en: "Choose…"), type: "select",
                              context: context(answer, extra: [(ContextKey.labels, .array(controls.map { .string($0.label) }))]),
                              extra: [("options", .array(controls.map { .object([("text", .string($0.label)), ("value", .string($0.answer))]) }))])]
        case .yesno, .choice:
            // Mattermost keeps only letters and digits of an action id.
            actions = controls.enumerated().map { index, control in
                action(id: "jtanswer\(index + 1)", name: control.label, type: "button",
                       context: context(control.answer, extra: [(ContextKey.label, .string(control.label))]),
                       extra: index == 0 && prompt.type == .yesno ? [("style", "primary")] : [])
            }
        case .multichoice, .text, .integer, .number, .date, .email:
            return nil
        }
        if prompt.optional {
            let skip = PromptAnswers.skip(in: reply.language)
            actions.append(action(id: "jtskip", name: skip.label, type: "button",
                                  context: context(skip.answer, extra: [(ContextKey.label, .string(skip.label))])))
        }
        return .array([.object([("fallback", .string(prompt.text)), ("actions", .array(actions))])])
    }

    /// A post the assistant starts itself (a direct message): its message (`text` and the
    /// `footer`) and its props, with a button that starts `start`'s step of the menu when the
    /// buttons can call back.
    public static func start(text: String, footer: String, start: (label: String, option: String, slot: String)?,
                             buttons: Buttons?) -> (message: String, props: JSONValue) {
        let message = escape(text) + "\n\n_" + escape(footer) + "_"
        guard let start, let buttons else { return (message, .object([])) }
        let button = PromptButton(slot: start.slot, turn: nil)
        let context: JSONValue = .object([
            (ContextKey.participant, .string(buttons.participant)), (ContextKey.button, .string(button.encoded)),
            (ContextKey.answer, .string(start.option)), (ContextKey.label, .string(start.label)),
            (ContextKey.token, .string(buttons.token.token(participant: buttons.participant, button: button, answer: start.option))),
        ])
        let action: JSONValue = .object([("id", "jtstart"), ("name", .string(start.label)), ("type", "button"), ("style", "primary"),
                                         ("integration", .object([("url", .string(buttons.actionURL)), ("context", context)]))])
        return (message, .object([("attachments", .array([.object([("fallback", .string(start.label)), ("actions", .array([action]))])]))]))
    }

    /// Defuses mentions: `@name` at the start of a word becomes `@\u{200B}name`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previous: Character?
        for character in text {
            escaped.append(character)
            if character == "@", previous == nil || previous?.isWhitespace == true || previous == "(" {
                escaped.append("\u{200B}")
            }
            previous = character
        }
        return escaped
    }
}
