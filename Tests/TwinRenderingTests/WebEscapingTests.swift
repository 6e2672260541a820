import Foundation
import JobTwinTestSupport
@testable import TwinRendering
import Testing
import TwinLanguage
import TwinReply
import Twinning

/// Every text of the web chat — the dialog's and the participant's — is shown as typed, in
/// every position a page puts one: between tags and in attribute values.
@Suite("Escaping in the web chat")
struct WebEscapingTests {
    static let hostile = [
        "<img src=x onerror=alert(1)>",
        "\"><script>alert('x')</script>",
        "' onmouseover='alert(1)",
        "&lt;b&gt; & &amp; &#60;",
        "</textarea></form><form action=\"https://evil.example\">",
        "Zoë Ağaoğlu-Émile 👩‍🏫 \u{0000}\u{0007}",
    ]

    @Test("the escaping function: the five characters as references, controls replaced, anything else untouched")
    func escapeFunction() {
        #expect(HTMLEscaping.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("Zoë 👩‍🏫\n\tok") == "Zoë 👩‍🏫\n\tok")
        #expect(HTMLEscaping.escape("a\u{0000}b\u{001B}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test("hostile texts in every position are shown as typed and never become markup", arguments: hostile)
    func everywhere(_ text: String) throws {
        let shown = text.replacingOccurrences(of: "\u{0000}", with: "\u{FFFD}").replacingOccurrences(of: "\u{0007}", with: "\u{FFFD}")
        let options = [Reply.Prompt.Option(value: text, label: text), Reply.Prompt.Option(value: "b", label: "B")]
        for type in Reply.AnswerType.allCases {
            let prompt = Reply.Prompt(slot: text, type: type, text: text, min: 1, max: 3,
                                      options: type == .choice || type == .multichoice ? options : nil, optional: true)
            let reply = Reply(participant: "web:x", messages: Reply.Message.Kind.allCases.map { Reply.Message($0, text) } + [Reply.Message(.info, text)],
                              prompt: prompt, phase: .matching, language: .nl, turn: 3)
            let transcript = [ChatLine(from: .participant, text: text), ChatLine(from: .assistant, text: text, kind: .warning)]
            let html = WebRenderer.page(reply, transcript: transcript, csrf: text)
            let page = try ParsedPage(html)
            // Nothing but our own elements: no img, no second script, no extra form.
            let names = Set(([page.root] + page.root.descendants).map(\.name))
            #expect(names.isSubset(of: Self.ourElements), "\(names.subtracting(Self.ourElements))")
            #expect(page.root.all("form").count == 3, "the question, the language switch, signing out")
            #expect(page.root.all("form").allSatisfy { $0["action"] == "/chat" || $0["action"] == "/chat/logout" })
            // Attribute positions: the slot, the csrf token, an option's value.
            let form = try #require(page.root.byID("question"))
            #expect(form["data-slot"] == shown)
            #expect(form.all("input").contains { $0["name"] == "csrf" && $0["value"] == shown })
            #expect(form.all("input").contains { $0["name"] == "slot" && $0["value"] == shown })
            if type == .choice || type == .multichoice {
                #expect(form.descendants.contains { $0["name"] == "answer" && $0["value"] == shown })
            }
            // Text positions: the question, each message, each line of the transcript.
            #expect(page.root.all("li").filter { $0["class"]?.hasPrefix("line") == true }.allSatisfy { $0.normalizedText.hasSuffix(Self.normalized(shown)) })
            let messages = try #require(page.root.byID("newest")).children
            #expect(messages.count == Reply.Message.Kind.allCases.count)
            #expect(messages.allSatisfy { $0.normalizedText == Self.normalized(shown) })
            let question = form.all("legend").first ?? form.all("label").first
            #expect(question?.normalizedText == Self.normalized(shown))
            // The title holds the question too.
            #expect(page.root.all("title").first?.text.hasPrefix(shown) == true)
            // On the raw page the markup characters of the text appear only escaped.
            #expect(!html.contains("<img") && !html.contains("<script>") && !html.contains("evil.example\">"))
        }
    }

    @Test("the pages for an unknown, an expired link and after signing out are well-formed and say what to do, in nl and en")
    func notices() throws {
        for language in Language.allCases {
            for (html, what) in [(WebPages.linkNotFound(language), "coördinator|coordinator"),
                                 (WebPages.linkExpired(language), "coördinator|coordinator"),
                                 (WebPages.signedOut(language), "link")] {
                let page = try ParsedPage(html)
                #expect(page.root["lang"] == language.rawValue)
                #expect(page.root.all("h1").count == 1)
                #expect(page.root.all("link").first?["href"] == WebAssets.stylesheet.path)
                #expect(page.root.all("script").isEmpty, "nothing to take over on a notice")
                let main = try #require(page.root.all("main").first)
                #expect(main.normalizedText.range(of: what, options: .regularExpression) != nil)
            }
        }
        #expect(try ParsedPage(WebPages.linkExpired(.en)).root.normalizedText.contains("Ask the coordinator"))
        #expect(try ParsedPage(WebPages.signedOut(.nl)).root.normalizedText.contains("Je antwoorden zijn bewaard"))
        // Who opened an unknown link is not known: the other language follows, marked as such.
        let unknown = try ParsedPage(WebPages.linkNotFound(.nl))
        #expect(unknown.root.all("section").first?["lang"] == "en")
        #expect(unknown.root.normalizedText.contains("Link niet gevonden") && unknown.root.normalizedText.contains("Link not found"))
    }

    static let ourElements: Set<String> = ["html", "head", "meta", "title", "link", "script", "body", "a", "header", "p", "form", "input",
                                           "button", "main", "h1", "ol", "li", "span", "div", "br", "ul", "fieldset", "legend",
                                           "label", "textarea"]

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
