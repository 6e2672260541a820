@testable import TwinRendering
import JSONText
import TwinLanguage
import Twinning
import DialogEngine
import Testing
import TwinAssistant
import TwinReply
@testable import TwinServer

/// How a reply looks on each platform.
@Suite("Rendering")
struct RenderingTests {
    private let reply = Reply(
        participant: "slack:T1:U1",
        messages: [Reply.Message(.advice, "Plan at least 3 months & <b>6</b> meetings."),
                   Reply.Message(.error, "@channel <!here> is not an answer."),
                   Reply.Message(.info, "Which side are you on?")],
        prompt: Reply.Prompt(slot: "profile.side", type: .choice, text: "Which side are you on?",
                       options: [.init(value: "teacher", label: "Teacher <T>"), .init(value: "professional", label: "Professional")]),
        phase: .matching, language: .en)

    @Test("Slack: mrkdwn with &, <, > escaped, numbered options, the question in bold")
    func slack() {
        let text = SlackRenderer.text(reply)
        #expect(text.contains(":bulb: Plan at least 3 months &amp; &lt;b&gt;6&lt;/b&gt; meetings."))
        #expect(text.contains("&lt;!here&gt;"))
        #expect(!text.contains("<!here>"))
        #expect(text.contains("*Which side are you on?*"))
        #expect(text.contains("1. Teacher &lt;T&gt;\n2. Professional"))
        #expect(text.hasSuffix("_(type a number or the name)_"))
        #expect(SlackRenderer.ephemeral(reply)["response_type"]?.string == "ephemeral")
    }

    @Test("Mattermost: mentions defused, numbered options")
    func mattermost() {
        let text = MattermostRenderer.text(reply)
        #expect(text.contains("@\u{200B}channel"))
        #expect(!text.contains(" @channel") && !text.contains(":x: @channel"))
        #expect(text.contains("1. Teacher <T>\n2. Professional"))
        #expect(MattermostRenderer.escape("mail me at a@b.nl") == "mail me at a@b.nl")
        #expect(MattermostRenderer.response(reply, slashCommand: true)["response_type"]?.string == "ephemeral")
        #expect(MattermostRenderer.response(reply, slashCommand: false)["response_type"] == nil)
    }

    @Test("Teams: markup characters as entities, numbered options")
    func teams() {
        let text = TeamsRenderer.text(reply)
        #expect(text.contains("&lt;!here&gt;"))
        #expect(text.contains("**Which side are you on?**"))
        #expect(text.contains("1. Teacher &lt;T&gt;\n2. Professional"))
        #expect(TeamsRenderer.activity(reply)["type"]?.string == "message")
    }

    @Test("Teams text: the mention is removed, tags dropped, entities decoded")
    func teamsText() {
        #expect(TeamsText.plain("<at>JobTwin</at>&nbsp;Anna de Vries") == "Anna de Vries")
        #expect(TeamsText.plain("<p><at>Job Twin</at> 1, 3</p>") == "1, 3")
        #expect(TeamsText.plain("a &lt; b &amp; c &#39;d&#x27;") == "a < b & c 'd'")
        #expect(TeamsText.plain("line<br>two") == "line\ntwo")
        #expect(TeamsText.plain("AT&T & more &bogus; <unclosed") == "AT&T & more &bogus; <unclosed")
    }
}
