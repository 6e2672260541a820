import Foundation
import JobTwinTestSupport
@testable import TwinRendering
import Testing
import TwinLanguage
import TwinReply
import Twinning

/// The web chat's page: the markup contract for every kind of question (forms, names, values,
/// labels, hidden fields, commands), the language, the conversation shown back, the live
/// region, escaping of every text in every position, and what a strict CSP forbids.
@Suite("The web chat page")
struct WebRendererTests {
    static let options = [Reply.Prompt.Option(value: "teacher", label: "Docent"),
                          Reply.Prompt.Option(value: "professional", label: "Professional uit een bedrijf")]

    static func prompt(_ type: Reply.AnswerType, optional: Bool = false, min: Double? = nil, max: Double? = nil) -> Reply.Prompt {
        let options = type == .choice || type == .multichoice ? Self.options : nil
        return Reply.Prompt(slot: "profile.\(type.rawValue)", type: type, text: "Wat is je antwoord?", min: min, max: max,
                            options: options, optional: optional)
    }

    static func reply(_ prompt: Reply.Prompt?, messages: [Reply.Message] = [], language: Language = .nl, turn: Int? = 5) -> Reply {
        Reply(participant: "web:anna", messages: messages + (prompt.map { [Reply.Message(.info, $0.text)] } ?? []),
              prompt: prompt, phase: .matching, language: language, turn: turn)
    }

    static func page(_ reply: Reply, transcript: [ChatLine] = [], csrf: String = "csrf-token-1") throws -> ParsedPage {
        try ParsedPage(WebRenderer.page(reply, transcript: transcript, csrf: csrf))
    }

    /// The question's form, checked against the parts of the contract every type shares.
    static func questionForm(_ page: ParsedPage, _ prompt: Reply.Prompt, turn: Int? = 5) throws -> ParsedPage.Element {
        let forms = page.root.all("form").filter { $0["data-slot"] != nil }
        #expect(forms.count == 1, "one question, one form")
        let form = try #require(forms.first)
        #expect(form["data-slot"] == prompt.slot)
        #expect(form["data-type"] == prompt.type.rawValue)
        #expect(form["method"] == "post")
        #expect(form["action"] == "/chat")
        let hidden = Dictionary(form.all("input").filter { $0["type"] == "hidden" }.map { ($0["name"] ?? "", $0["value"] ?? "") },
                                uniquingKeysWith: { first, _ in first })
        #expect(hidden["turn"] == turn.map(String.init))
        #expect(hidden["fingerprint"] == prompt.fingerprint)
        #expect(hidden["csrf"] == "csrf-token-1")
        #expect(hidden["slot"] == prompt.slot)
        try expectLabelled(form, in: page)
        return form
    }

    /// Every visible field has a `<label for>` with words, every button has words.
    static func expectLabelled(_ scope: ParsedPage.Element, in page: ParsedPage) throws {
        let labels = page.root.all("label")
        for field in scope.all("input").filter({ $0["type"] != "hidden" }) + scope.all("textarea") {
            let id = try #require(field["id"], "a field without an id cannot be labelled: \(field.attributes)")
            let label = labels.first { $0["for"] == id }
            #expect(label?.normalizedText.isEmpty == false, "field \(id) has a label")
        }
        for button in scope.all("button") {
            #expect(!button.normalizedText.isEmpty, "button \(button.attributes) has words")
        }
    }

    static func answerControls(_ form: ParsedPage.Element) -> [ParsedPage.Element] {
        form.descendants.filter { $0["name"] == "answer" }
    }

    static func commands(_ form: ParsedPage.Element) -> [String] {
        form.all("button").filter { $0["name"] == "command" }.compactMap { $0["value"] }
    }

    @Test("choice: one button per option named answer, its value the option's value, inside a fieldset with the question as legend")
    func choice() throws {
        let prompt = Self.prompt(.choice)
        let form = try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)
        let buttons = Self.answerControls(form)
        #expect(buttons.map(\.name) == ["button", "button"])
        #expect(buttons.map { $0["value"] } == ["teacher", "professional"])
        #expect(buttons.map(\.normalizedText) == ["Docent", "Professional uit een bedrijf"])
        #expect(buttons.allSatisfy { $0["type"] == "submit" })
        #expect(form.all("fieldset").first?.all("legend").first?.normalizedText == "Wat is je antwoord?")
    }

    @Test("yes/no: two buttons answering yes and no, labelled in the participant's language")
    func yesno() throws {
        let prompt = Self.prompt(.yesno)
        var form = try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)
        #expect(Self.answerControls(form).map { $0["value"] } == ["yes", "no"])
        #expect(Self.answerControls(form).map(\.normalizedText) == ["Ja", "Nee"])
        form = try Self.questionForm(try Self.page(Self.reply(prompt, language: .en)), prompt)
        #expect(Self.answerControls(form).map(\.normalizedText) == ["Yes", "No"])
    }

    @Test("multichoice: checkboxes named answer in a fieldset with a legend, each with its label, and a Klaar / Done button")
    func multichoice() throws {
        let prompt = Self.prompt(.multichoice, min: 1, max: 2)
        let form = try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)
        let boxes = Self.answerControls(form)
        #expect(boxes.map { $0["type"] } == ["checkbox", "checkbox"])
        #expect(boxes.map { $0["value"] } == ["teacher", "professional"])
        let fieldset = try #require(form.all("fieldset").first)
        #expect(fieldset.all("legend").first?.normalizedText == "Wat is je antwoord?")
        #expect(fieldset.all("input").count == 2, "the boxes are inside the fieldset")
        let done = form.all("button").filter { $0["name"] == nil }
        #expect(done.map(\.normalizedText) == ["Klaar"])
        #expect(form.normalizedText.contains("Kies er 1 tot 2."))
        let english = try Self.questionForm(try Self.page(Self.reply(prompt, language: .en)), prompt)
        #expect(english.all("button").filter { $0["name"] == nil }.map(\.normalizedText) == ["Done"])
    }

    @Test("date, number, integer, email: native fields with their limits")
    func fields() throws {
        var prompt = Self.prompt(.date)
        var field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field.name == "input" && field["type"] == "date" && field["required"] == "required")

        prompt = Self.prompt(.integer, min: 1, max: 50)
        field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field["type"] == "number" && field["min"] == "1" && field["max"] == "50" && field["step"] == "1")

        prompt = Self.prompt(.number, min: 0.5, max: 19.5)
        let form = try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)
        field = try #require(Self.answerControls(form).first)
        #expect(field["type"] == "number" && field["min"] == "0.5" && field["max"] == "19.5" && field["step"] == "any")
        #expect(form.normalizedText.contains("Een getal van 0,5 tot 19,5."))

        prompt = Self.prompt(.number)
        field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field["min"] == nil && field["max"] == nil, "no limits, none written")

        prompt = Self.prompt(.email)
        field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field["type"] == "email" && field["autocomplete"] == "email")
    }

    @Test("text: a text field with maxlength up to 200 characters, a text area above")
    func text() throws {
        var prompt = Self.prompt(.text, min: 1, max: 120)
        var field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field.name == "input" && field["type"] == "text" && field["maxlength"] == "120")
        prompt = Self.prompt(.text, min: 1, max: 200)
        field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field.name == "input")
        prompt = Self.prompt(.text, min: 10, max: 2000)
        field = try #require(Self.answerControls(try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)).first)
        #expect(field.name == "textarea" && field["maxlength"] == "2000" && field["minlength"] == "10")
        #expect(field["type"] == nil)
    }

    @Test("help and back for every question, skip only for an optional one; commands skip validation")
    func commands() throws {
        for type in Reply.AnswerType.allCases {
            let required = Self.prompt(type)
            let form = try Self.questionForm(try Self.page(Self.reply(required)), required)
            #expect(Self.commands(form) == ["help", "back"], "\(type)")
            let optional = Self.prompt(type, optional: true)
            let optionalForm = try Self.questionForm(try Self.page(Self.reply(optional)), optional)
            #expect(Self.commands(optionalForm) == ["help", "back", "skip"], "\(type)")
            #expect(optionalForm.all("button").filter { $0["name"] == "command" }.allSatisfy { $0["formnovalidate"] == "formnovalidate" })
            #expect(optionalForm.descendants.allSatisfy { $0["required"] == nil }, "an optional question may be left empty")
        }
        let skip = try Self.questionForm(try Self.page(Self.reply(Self.prompt(.text, optional: true), language: .en)),
                                         Self.prompt(.text, optional: true))
        #expect(skip.all("button").filter { $0["name"] == "command" }.map(\.normalizedText) == ["Help", "Back", "Skip"])
    }

    @Test("the field's send button comes before the commands, so that Enter sends the answer")
    func enterSends() throws {
        let prompt = Self.prompt(.text, max: 100)
        let form = try Self.questionForm(try Self.page(Self.reply(prompt)), prompt)
        let buttons = form.all("button")
        #expect(buttons.first?["name"] == nil && buttons.first?["class"] == "primary")
        #expect(buttons.first?.normalizedText == "Versturen")
    }

    @Test("a reply without a turn leaves the turn out; a reply without a question gets a plain message form")
    func withoutTurnOrQuestion() throws {
        let prompt = Self.prompt(.yesno)
        _ = try Self.questionForm(try Self.page(Self.reply(prompt, turn: nil)), prompt, turn: nil)
        let page = try Self.page(Self.reply(nil, messages: [Reply.Message(.info, "Je traject is afgerond.")]))
        let form = try #require(page.root.byID("question"))
        #expect(form["data-slot"] == nil && form["action"] == "/chat" && form["method"] == "post")
        #expect(Self.answerControls(form).map { $0["type"] } == ["text"])
        try Self.expectLabelled(form, in: page)
        #expect(page.root.byID("newest")?.normalizedText == "Je traject is afgerond.")
    }

    @Test("<html lang> follows the participant's language, and the page's words with it")
    func language() throws {
        let prompt = Self.prompt(.text, max: 100)
        let dutch = try Self.page(Self.reply(prompt, language: .nl))
        let english = try Self.page(Self.reply(prompt, language: .en))
        #expect(dutch.root.name == "html" && dutch.root["lang"] == "nl")
        #expect(english.root["lang"] == "en")
        #expect(dutch.root.normalizedText.contains("Je bent in fase 1 van 4: matching."))
        #expect(english.root.normalizedText.contains("You are in phase 1 of 4: matching."))
        #expect(dutch.root.normalizedText.contains("Stop / afmelden"))
        #expect(english.root.normalizedText.contains("Stop / sign out"))
    }

    @Test("the bar: a language switch posting command=language with nl or en, and Stop / afmelden posting to /chat/logout")
    func bar() throws {
        let page = try Self.page(Self.reply(Self.prompt(.yesno), language: .en))
        let bar = try #require(page.root.byID("bar"))
        let forms = bar.all("form")
        let switchForm = try #require(forms.first { $0["action"] == "/chat" })
        #expect(switchForm["method"] == "post")
        let hidden = switchForm.all("input").map { ($0["name"], $0["value"]) }
        #expect(hidden.contains { $0 == ("command", "language") })
        #expect(hidden.contains { $0 == ("csrf", "csrf-token-1") })
        let choices = switchForm.all("button")
        #expect(choices.map { $0["name"] } == ["language", "language"])
        #expect(choices.map { $0["value"] } == ["nl", "en"])
        #expect(choices.map { $0["lang"] } == ["nl", "en"], "each language's name is marked with its language")
        #expect(choices.map { $0["aria-current"] } == [nil, "true"])
        let logout = try #require(forms.first { $0["action"] == "/chat/logout" })
        #expect(logout["method"] == "post")
        #expect(logout.all("input").contains { $0["name"] == "csrf" && $0["value"] == "csrf-token-1" })
        #expect(logout.all("button").first?.normalizedText == "Stop / sign out")
    }

    @Test("the conversation so far above, the participant's answers shown back, the newest messages in a polite live region")
    func conversation() throws {
        let transcript = [ChatLine(from: .assistant, text: "Hoe heet je?"), ChatLine(from: .participant, text: "Anna de Vries"),
                          ChatLine(from: .assistant, text: "Let op: dit is een tip.", kind: .advice)]
        let prompt = Self.prompt(.choice)
        let reply = Self.reply(prompt, messages: [Reply.Message(.warning, "Nog één ding"), Reply.Message(.summary, "Je profiel:\n- Naam: Anna\n- Rol: docent")])
        let page = try Self.page(reply, transcript: transcript)
        let history = try #require(page.root.byID("history"))
        #expect(history.name == "ol")
        let lines = history.all("li")
        #expect(lines.map { $0["class"] } == ["line from-assistant info", "line from-participant", "line from-assistant advice"])
        #expect(lines[1].all("span").map(\.text) == ["Jij"] && lines[1].all("p").map(\.text) == ["Anna de Vries"])
        let live = try #require(page.root.descendants.first { $0["aria-live"] != nil })
        #expect(live["aria-live"] == "polite" && live["id"] == "newest")
        let messages = live.children
        #expect(messages.map { $0["class"] } == ["message warning", "message summary"], "the question itself is the form's legend, not repeated")
        #expect(messages[1].all("li").map(\.normalizedText) == ["Naam: Anna", "Rol: docent"])
        #expect(messages[1].all("p").first?.normalizedText == "Je profiel:")
        #expect(page.root.all("h1").count == 1)
    }

    @Test("message text: paragraphs at blank lines, line breaks kept, lines with - • * as lists; CRLF as LF; nothing else is markup")
    func messageText() throws {
        let text = "Welkom!\r\nJe profiel:\r\n  - Naam: Anna\r\n• Rol: docent\r\n* Stad: Gouda\r\n\r\n\r\nTot *zo*\n-geen lijst\n   \nKlaar"
        let page = try Self.page(Self.reply(nil, messages: [Reply.Message(.info, text), Reply.Message(.info, "- alleen dit"),
                                                            Reply.Message(.info, "Eén regel")]))
        let messages = try #require(page.root.byID("newest")).children
        try #require(messages.count == 3)
        let first = messages[0].children
        #expect(first.map(\.name) == ["p", "ul", "p", "p"])
        #expect(first[0].normalizedText == "Welkom! Je profiel:")
        #expect(first[0].all("br").count == 1)
        #expect(first[1].all("li").map(\.normalizedText) == ["Naam: Anna", "Rol: docent", "Stad: Gouda"])
        #expect(first[2].normalizedText == "Tot *zo* -geen lijst", "no Markdown, no list without the space")
        #expect(first[2].all("br").count == 1)
        #expect(first[3].normalizedText == "Klaar", "a line of spaces ends a paragraph")
        #expect(messages[1].children.map(\.name) == ["ul"] && messages[1].all("li").map(\.normalizedText) == ["alleen dit"])
        #expect(messages[2].children.map(\.name) == ["p"] && messages[2].normalizedText == "Eén regel")
    }

    @Test("an answer in place holds the regions the script replaces, the language and the title, and nothing only a new page needs")
    func inPlaceFragment() throws {
        let prompt = Self.prompt(.choice)
        let reply = Self.reply(prompt, messages: [Reply.Message(.info, "Dank je!")], language: .en)
        let transcript = [ChatLine(from: .assistant, text: "Hoe heet je?"), ChatLine(from: .participant, text: "Anna")]
        let whole = try ParsedPage(WebRenderer.page(reply, transcript: transcript, csrf: "t"))
        let fragment = try ParsedPage(String(decoding: WebRenderer.pageUTF8(reply, transcript: transcript, csrf: "t", inPlace: true),
                                             as: UTF8.self))
        #expect(fragment.root["lang"] == "en")
        #expect(fragment.root.all("title").map(\.text) == whole.root.all("title").map(\.text))
        for region in ["bar", "progress", "history", "newest", "ask"] {
            let part = try #require(fragment.root.byID(region), "\(region) is there")
            #expect(part.outline == whole.root.byID(region)?.outline, "\(region) is as on the whole page")
        }
        #expect(fragment.root.all("link").isEmpty && fragment.root.all("script").isEmpty && fragment.root.all("h1").isEmpty)
        #expect(!whole.root.all("link").isEmpty && !whole.root.all("script").isEmpty && whole.root.all("h1").count == 1)
    }

    @Test("a refused answer: the error is in the live region, and the field points to it as invalid")
    func refusedAnswer() throws {
        let prompt = Self.prompt(.integer, min: 1, max: 50)
        let page = try Self.page(Self.reply(prompt, messages: [Reply.Message(.error, "Dat is geen getal van 1 tot 50.")]))
        let field = try #require(Self.answerControls(try Self.questionForm(page, prompt)).first)
        #expect(field["aria-invalid"] == "true")
        let described = (field["aria-describedby"] ?? "").split(separator: " ").map(String.init)
        let error = try #require(page.root.descendants.first { $0["class"] == "message error" })
        #expect(described.contains(try #require(error["id"])))
        for id in described { #expect(page.root.byID(id) != nil, "\(id) exists") }
    }

    @Test("the stylesheet and the script by their hashed addresses; no inline script, no style, no event handler attributes")
    func strictCSP() throws {
        var pages: [String] = []
        for type in Reply.AnswerType.allCases {
            for optional in [false, true] {
                pages.append(WebRenderer.page(Self.reply(Self.prompt(type, optional: optional, min: 1, max: 500),
                                                         messages: [Reply.Message(.error, "<img src=x onerror=alert(1)>")]),
                                              transcript: [ChatLine(from: .participant, text: "<script>alert(1)</script>")], csrf: "c"))
            }
        }
        pages += Language.allCases.flatMap { [WebPages.linkNotFound($0), WebPages.linkExpired($0), WebPages.signedOut($0)] }
        for html in pages {
            let page = try ParsedPage(html)
            let elements = [page.root] + page.root.descendants
            for element in elements {
                #expect(element["style"] == nil)
                #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(element.name) \(element.attributes)")
                #expect(!(element["href"] ?? "").lowercased().hasPrefix("javascript:"))
            }
            #expect(page.root.all("style").isEmpty)
            for script in page.root.all("script") {
                #expect(script["src"] == WebAssets.script.path)
                #expect(script.text.isEmpty, "a script element holds nothing inline")
            }
            let stylesheets = page.root.all("link").filter { $0["rel"] == "stylesheet" }
            #expect(stylesheets.map { $0["href"] } == [WebAssets.stylesheet.path])
            #expect(html.range(of: #"<script(?![^>]*\ssrc=)"#, options: .regularExpression) == nil)
        }
        #expect(WebRenderer.page(Self.reply(Self.prompt(.yesno)), transcript: [], csrf: "c").contains("<script src=\"/chat/assets/chat.js?v=\(WebAssets.script.hash)\""))
    }
}
