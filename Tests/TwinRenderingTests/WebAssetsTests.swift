import Foundation
import JobTwinTestSupport
@testable import TwinRendering
import Testing
import TwinLanguage
import TwinReply
import Twinning

/// The chat page's stylesheet and script: served by name, addressed by their content's hash,
/// and small enough together with a long conversation's page; and the answers a form posts,
/// read as typed text.
@Suite("Web chat assets and answers")
struct WebAssetsTests {
    @Test("each asset is addressed by a hash of its content, which changes with the content")
    func hashes() {
        for asset in WebAssets.all {
            #expect(asset.hash.count == 16 && asset.hash.allSatisfy(\.isHexDigit))
            #expect(asset.hash == WebAsset.hash(of: asset.body))
            #expect(asset.path == "/chat/assets/\(asset.name)?v=\(asset.hash)")
            #expect(WebAssets.asset(named: asset.name) == asset)
            let changed = WebAsset(name: asset.name, contentType: asset.contentType, body: asset.body + " ")
            #expect(changed.hash != asset.hash)
        }
        #expect(WebAssets.stylesheet.hash != WebAssets.script.hash)
        #expect(WebAssets.asset(named: "chat.css?v=1") == nil && WebAssets.asset(named: "../Package.swift") == nil)
        #expect(WebAssets.stylesheet.contentType.hasPrefix("text/css"))
        #expect(WebAssets.script.contentType.hasPrefix("text/javascript"))
        #expect(WebAssets.icon.contentType == "image/svg+xml" && WebAssets.icon.body.hasPrefix("<svg"))
    }

    @Test("the policy the pages are written for allows nothing inline and no framing")
    func policy() {
        let policy = WebAssets.contentSecurityPolicy
        #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
        #expect(!policy.contains("unsafe"), "no unsafe-inline, no unsafe-eval")
    }

    @Test("the stylesheet shows focus and big enough targets; the script posts with fetch and needs nothing else")
    func content() {
        let css = WebAssets.stylesheet.body
        #expect(css.contains(":focus-visible{outline:3px solid"))
        #expect(css.contains("min-height:2.75rem"), "targets of 44 px, WCAG asks at least 24")
        #expect(!css.contains("http:") && !css.contains("https:") && !css.contains("@import"), "no outside resources")
        let js = WebAssets.script.body
        #expect(js.contains("fetch(") && js.contains("'use strict'"))
        #expect(!js.contains("eval(") && !js.contains("innerHTML") && !js.contains("http"), "no eval, no HTML strings, no CDN")
        for region in ["bar", "progress", "history", "newest", "ask"] {
            #expect(js.contains("'\(region)'"))
        }
    }

    @Test("a long conversation's page with the stylesheet and the script stays under 30 KB")
    func sizeBudget() throws {
        var transcript: [ChatLine] = []
        for index in 1...40 {
            transcript.append(ChatLine(from: .assistant, text: "Vraag \(index): wat verwacht je van je Job Twinning-partner in de komende weken, en waarom?"))
            transcript.append(ChatLine(from: .participant, text: "Dat we elkaars werk leren kennen en samen een les voorbereiden (\(index))."))
        }
        let options = (1...8).map { Reply.Prompt.Option(value: "option\($0)", label: "Een activiteit van het soort nummer \($0)") }
        let prompt = Reply.Prompt(slot: "plan.kinds", type: .multichoice, text: "Welke activiteiten wil je doen?", min: 1, max: 3,
                                  options: options, optional: true)
        let reply = Reply(participant: "web:anna", messages: [Reply.Message(.advice, "Kies er niet te veel: twee of drie is genoeg."),
                                                              Reply.Message(.info, prompt.text)],
                          prompt: prompt, phase: .kennismaking, language: .nl, turn: 81)
        let page = WebRenderer.page(reply, transcript: transcript, csrf: String(repeating: "a", count: 43))
        let total = page.utf8.count + WebAssets.stylesheet.body.utf8.count + WebAssets.script.body.utf8.count
        #expect(total < 30_000, "page \(page.utf8.count) + css \(WebAssets.stylesheet.body.utf8.count) + js \(WebAssets.script.body.utf8.count)")
        _ = try ParsedPage(page)
    }

    @Test("a posted answer as typed text: a choice's value as its number, yes/no as ja/nee, ticked boxes as 1, 3")
    func answers() {
        let options = [Reply.Prompt.Option(value: "help", label: "Hulp bij de planning"), Reply.Prompt.Option(value: "b", label: "B"),
                       Reply.Prompt.Option(value: "c", label: "C")]
        let choice = Reply.Prompt(slot: "menu.action", type: .choice, text: "?", options: options)
        #expect(WebAnswer.text(["help"], for: choice, in: .nl) == "1", "a value that is a command word is answered by number")
        #expect(WebAnswer.text(["c"], for: choice, in: .nl) == "3")
        #expect(WebAnswer.text(["x"], for: choice, in: .nl) == nil)
        #expect(WebAnswer.text(["b", "c"], for: choice, in: .nl) == nil)
        var multi = choice
        multi.type = .multichoice
        #expect(WebAnswer.text(["c", "help", "c"], for: multi, in: .nl) == "1, 3")
        #expect(WebAnswer.text([], for: multi, in: .nl) == nil)
        let yesno = Reply.Prompt(slot: "s", type: .yesno, text: "?")
        #expect(WebAnswer.text(["yes"], for: yesno, in: .en) == "ja" && WebAnswer.text(["no"], for: yesno, in: .nl) == "nee")
        #expect(WebAnswer.text(["ja"], for: yesno, in: .nl) == nil)
        let date = Reply.Prompt(slot: "s", type: .date, text: "?")
        #expect(WebAnswer.text(["2027-02-01"], for: date, in: .nl) == "2027-02-01")
        #expect(WebCommand.skip.typed(in: .nl) == "overslaan" && WebCommand.back.typed(in: .en) == "back")
        #expect(WebCommand.language.typed(in: .nl, chosen: .en) == "taal en")
    }
}
