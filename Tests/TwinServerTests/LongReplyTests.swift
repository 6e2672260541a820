@testable import TwinRendering
import JSONText
import Twinning
import DialogEngine
import Foundation
import Testing
import TwinAssistant
import TwinReply
@testable import TwinServer
import TwinLanguage

/// Replies longer than a platform takes in one message — a participant's data export can be —
/// are never cut silently: shortened with a note (Slack, Teams) or split into several posts
/// (Mattermost slash commands), the question and its options always kept.
@Suite("Long replies")
struct LongReplyTests {
    /// A reply whose second message is a code block of `lines` JSON-like lines, then a question.
    static func reply(lines: Int, language: Language = .en) -> Reply {
        let json = (1...lines).map { "  \"field_\($0)\" : \"value <\($0)> & \\\"quoted\\\" — é\"," }.joined(separator: "\n")
        return Reply(participant: "slack:T1:U1",
                     messages: [Reply.Message(.summary, "This is what JobTwin keeps about you:"),
                                Reply.Message(.summary, "```\n{\n\(json)\n}\n```"),
                                Reply.Message(.info, "What would you like to do?")],
                     prompt: Reply.Prompt(slot: "menu.action", type: .choice, text: "What would you like to do?",
                                    options: [.init(value: "profile", label: "View my profile"), .init(value: "my_data", label: "My data")]),
                     phase: .matching, language: language)
    }

    /// Whether every code block in `text` is closed.
    static func fencesBalanced(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("```") }.count % 2 == 0
    }

    @Test("a short reply is rendered as before, whole")
    func shortUnchanged() {
        let reply = Self.reply(lines: 3)
        let blocks = ReplyBlocks(reply)
        #expect(SlackRenderer.text(reply) == blocks.render(escape: SlackRenderer.escape, message: ReplyBlocks.emojiMarked(bold: "*"), hint: { "_\($0)_" }))
        #expect(MattermostRenderer.response(reply, slashCommand: true)["extra_responses"] == nil)
        #expect(TeamsRenderer.text(reply).contains("field_3"))
    }

    @Test("Slack: the longest message is shortened at a line, the code block closed, with a note; the options stay")
    func slack() {
        let text = SlackRenderer.text(Self.reply(lines: 3_000))
        #expect(text.utf16.count <= MessageLimit.slack.maximum)
        #expect(text.contains("(Cut short: this message is too long for one Slack message. Shown above: "))
        #expect(text.contains("of 3004 lines.)"))
        #expect(Self.fencesBalanced(text))
        #expect(text.contains("This is what JobTwin keeps about you:"))
        #expect(text.contains("1. View my profile\n2. My data"))
        #expect(text.contains("&lt;1&gt; &amp;"), "escaping still applies")
        #expect(!text.contains("field_3000"))
    }

    @Test("Teams: within its size counted as JSON bytes, with a note in the reply's language")
    func teams() throws {
        let text = TeamsRenderer.text(Self.reply(lines: 3_000, language: .nl))
        #expect(MessageLimit.jsonStringBytes(text) <= MessageLimit.teams.maximum)
        let body = try JSONEncoder().encode(TeamsRenderer.activity(Self.reply(lines: 3_000)))
        #expect(body.count < 28_000)
        #expect(text.contains("(Afgekapt: dit bericht is te lang voor één bericht in Teams. Hierboven staan "))
        #expect(Self.fencesBalanced(text))
        #expect(text.contains("1. View my profile\n2. My data"))
    }

    @Test("Mattermost: a slash command gets every line, split into posts within the limit; a webhook gets one text")
    func mattermost() {
        let reply = Self.reply(lines: 3_000)
        let response = MattermostRenderer.response(reply, slashCommand: true)
        let extra = response["extra_responses"]?.array ?? []
        #expect(!extra.isEmpty)
        let parts = [response["text"]?.string ?? ""] + extra.map { $0["text"]?.string ?? "" }
        for part in parts {
            #expect(part.unicodeScalars.count <= MessageLimit.mattermost.maximum)
            #expect(Self.fencesBalanced(part))
        }
        #expect(extra.allSatisfy { $0["response_type"]?.string == "ephemeral" })
        let all = Set(parts.flatMap { $0.split(separator: "\n").map(String.init) })
        for line in MattermostRenderer.text(reply).split(separator: "\n").map(String.init) {
            #expect(all.contains(line), "\(line) is in one of the posts")
        }
        #expect(parts.last?.hasSuffix("_(type a number or the name)_") == true)
        // Mattermost splits an outgoing webhook's long response into posts itself.
        #expect(MattermostRenderer.response(reply, slashCommand: false)["text"]?.string == MattermostRenderer.text(reply))
    }

    @Test("a single line longer than a whole post is split within the line")
    func longLine() {
        let long = String(repeating: "x", count: 40_000)
        let reply = Reply(participant: "mattermost:t:u", messages: [Reply.Message(.info, long)], prompt: nil, phase: .matching, language: .en)
        let response = MattermostRenderer.response(reply, slashCommand: true)
        let parts = [response["text"]?.string ?? ""] + (response["extra_responses"]?.array ?? []).map { $0["text"]?.string ?? "" }
        #expect(parts.count == 3)
        #expect(parts.joined() == long)
        #expect(SlackRenderer.text(reply).utf16.count <= MessageLimit.slack.maximum)
    }
}
