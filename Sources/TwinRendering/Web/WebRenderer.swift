public import TwinReply
import TwinLanguage
import Twinning

/// Renders the web chat: the conversation so far and the current reply as one complete,
/// accessible HTML page in the participant's language (`<html lang>` follows the reply's).
///
/// The page, top to bottom: a skip link to the question; a bar with the language switch (a
/// form posting `command=language` with `language` `nl` or `en` to `/chat`) and *Stop /
/// afmelden* (a form posting to `/chat/logout`); the phase and the question's place ("Je bent in
/// fase 1 van 4: matching. Vraag 5 van 15."); the transcript;
/// the reply's messages in an `aria-live="polite"` region; and the question's form
/// (`WebQuestionForm`, the markup contract in docs/web.md). Every text goes through
/// `HTMLEscaping`. The regions the script replaces in place have ids: `bar`, `progress`,
/// `history`, `newest`, `ask`.
public enum WebRenderer {
    /// The whole page for `reply`. `transcript` is the conversation before this reply, oldest
    /// first (the participant's answers and the assistant's earlier messages); `csrf` is the
    /// session's token, put into every form; a coordinator's bar links to their overview.
    ///
    /// With `historyFrom` above 0 the history holds only the lines from there on, marked
    /// `data-from`: for the script, which showed the earlier ones already
    /// (`TranscriptDigest.linesShown`) and appends these. The history always carries the number
    /// of lines of the whole transcript (`data-lines`) and their digest (`data-digest`).
    public static func page(_ reply: Reply, transcript: [ChatLine], historyFrom first: Int = 0, csrf: String,
                            isCoordinator: Bool = false) -> String {
        String(decoding: pageUTF8(reply, transcript: transcript, historyFrom: first, csrf: csrf, isCoordinator: isCoordinator),
               as: UTF8.self)
    }

    /// `page(_:transcript:historyFrom:csrf:isCoordinator:)` as UTF-8, for a response body.
    /// `inPlace` writes only what the chat's script puts in place — the regions, the language
    /// and the title — for its request (`ChatScript`): a third less to write and to send.
    public static func pageUTF8(_ reply: Reply, transcript: [ChatLine], historyFrom first: Int = 0, csrf: String,
                                isCoordinator: Bool = false, inPlace: Bool = false) -> [UInt8] {
        let language = reply.language
        let newest = newestMessages(reply)
        let content = { (html: inout HTMLWriter) in
            if !inPlace {
                html.element("a", [("class", "skip-link"), ("href", "#" + WebQuestionForm.id)],
                             text: language.text(nl: "Naar de vraag", en: "To the question"))
            }
            bar(language: language, csrf: csrf, isCoordinator: isCoordinator, into: &html)
            html.element("main", [("id", "chat"), ("tabindex", "-1")]) { html in
                if !inPlace {
                    html.element("h1", text: language.text(nl: "Je gesprek over Job Twinning", en: "Your Job Twinning conversation"))
                }
                html.element("p", [("id", "progress"), ("class", "progress")], text: progress(reply))
                history(transcript, from: first, language: language, into: &html)
                var errorID: String?
                html.element("div", [("id", "newest"), ("class", "newest"), ("aria-live", "polite")]) { html in
                    for (index, message) in newest.enumerated() {
                        let id = "newest-\(index + 1)"
                        if message.kind == .error, errorID == nil { errorID = id }
                        html.element("div", [("id", id), ("class", "message " + message.kind.rawValue)]) { html in
                            WebMessageText.write(message.text, into: &html)
                        }
                    }
                }
                html.element("div", [("id", "ask")]) { html in
                    if let prompt = reply.prompt {
                        WebQuestionForm.write(prompt, turn: reply.turn, csrf: csrf, errorID: errorID, language: language, into: &html)
                    } else {
                        WebQuestionForm.writeFree(csrf: csrf, language: language, into: &html)
                    }
                }
            }
        }
        return inPlace ? WebDocument.fragmentUTF8(language: language, title: title(reply), body: content)
            : WebDocument.pageUTF8(language: language, title: title(reply), body: content)
    }

    /// The reply's messages but the question itself, which is the form's label: the last
    /// message when it is the prompt's text, as every channel's reply has it.
    static func newestMessages(_ reply: Reply) -> [Reply.Message] {
        guard let prompt = reply.prompt, let last = reply.messages.last, last.text == prompt.text else { return reply.messages }
        return Array(reply.messages.dropLast())
    }

    /// Where the participant is: the phase, and the question's place in its part when the
    /// reply knows it ("Je bent in fase 1 van 4: matching. Vraag 5 van 15.").
    static func progress(_ reply: Reply) -> String {
        let phase = PhaseText.place(reply.phase, coordinator: false).text(in: reply.language)
        guard let place = reply.prompt?.progress, place.total > 1 else { return phase }
        return phase + " " + reply.language.text(nl: "Vraag \(place.number) van \(place.total).", en: "Question \(place.number) of \(place.total).")
    }

    /// The page title: the question's first line, shortened, so that a tab or a screen
    /// reader's window list says where the conversation is.
    static func title(_ reply: Reply) -> String? {
        guard let prompt = reply.prompt else { return nil }
        // Looked at byte by byte (this runs for every page): the line breaks of the dialogs'
        // texts are ASCII, and a line of at most 60 bytes has at most 60 characters.
        let lines = prompt.text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D })
        let line = lines.last.flatMap { Substring($0) } ?? Substring(prompt.text)
        return line.utf8.count > 60 && line.count > 60 ? String(line.prefix(59)) + "…" : String(line)
    }

    /// The bar above the conversation: the name, for a coordinator the link to the overview,
    /// the language switch and signing out.
    static func bar(language: Language, csrf: String, isCoordinator: Bool = false, into html: inout HTMLWriter) {
        html.element("header", [("id", "bar"), ("class", "bar")]) { html in
            html.element("p", [("class", "brand")], text: "Job Twinning")
            if isCoordinator {
                html.element("a", [("href", CoordinatorPage.path)], text: language.text(nl: "Overzicht van het programma", en: "Programme overview"))
            }
            html.element("form", [("class", "language"), ("method", "post"), ("action", "/chat"),
                                  ("aria-label", language.text(nl: "Taal", en: "Language"))]) { html in
                html.void("input", [("type", "hidden"), ("name", "command"), ("value", WebCommand.language.rawValue)])
                html.void("input", [("type", "hidden"), ("name", "csrf"), ("value", csrf)])
                for (option, name) in [(Language.nl, "Nederlands"), (Language.en, "English")] {
                    // Each language's name in its own language, marked as such for screen readers.
                    html.element("button", [("type", "submit"), ("name", WebCommand.languageField), ("value", option.rawValue),
                                            ("lang", option.rawValue), ("aria-current", option == language ? "true" : nil)], text: name)
                }
            }
            html.element("form", [("class", "logout"), ("method", "post"), ("action", "/chat/logout")]) { html in
                html.void("input", [("type", "hidden"), ("name", "csrf"), ("value", csrf)])
                html.element("button", [("type", "submit")], text: language.text(nl: "Stop / afmelden", en: "Stop / sign out"))
            }
        }
    }

    /// The conversation so far, each line marked with who said it.
    private static func history(_ transcript: [ChatLine], from first: Int, language: Language, into html: inout HTMLWriter) {
        let first = min(max(0, first), transcript.count)
        html.element("ol", [("id", "history"), ("class", "history"),
                            ("aria-label", language.text(nl: "Eerder in het gesprek", en: "Earlier in the conversation")),
                            ("data-lines", String(transcript.count)), ("data-digest", TranscriptDigest.of(transcript[...])),
                            ("data-from", first > 0 ? String(first) : nil)]) { html in
            for line in transcript[first...] {
                let classes: String
                let who: String
                switch line.from {
                case .participant:
                    classes = "line from-participant"
                    who = language.text(nl: "Jij", en: "You")
                case .assistant:
                    classes = "line from-assistant " + line.kind.rawValue
                    who = "Job Twinning"
                }
                html.element("li", [("class", classes)]) { html in
                    html.element("span", [("class", "who")], text: who)
                    WebMessageText.write(line.text, into: &html)
                }
            }
        }
    }
}
