import Foundation
@testable import TwinRendering
import JSONText
import Testing
import TwinLanguage
import TwinReply
import Twinning

/// The controls each platform gets for a question: Slack's Block Kit, Mattermost's message
/// buttons with their signed context, Teams' card of options — and the identity of the
/// question they carry.
@Suite("Buttons, menus and cards")
struct ButtonRenderingTests {
    static func reply(_ type: Reply.AnswerType, options: Int = 0, optional: Bool = false, turn: Int? = 7,
                      language: Language = .nl) -> Reply {
        let list = options == 0 ? nil : (1...options).map { Reply.Prompt.Option(value: "v\($0)", label: "Optie <\($0)>") }
        let prompt = Reply.Prompt(slot: "plan.kinds", type: type, text: "Welke?", options: list, optional: optional)
        return Reply(participant: "slack:T1:U1", messages: [Reply.Message(.info, "Uitleg & meer"), Reply.Message(.info, "Welke?")],
                     prompt: prompt, phase: .kennismaking, language: language, turn: turn)
    }

    /// The blocks as JSON objects.
    static func blocks(_ reply: Reply) throws -> [[String: Any]] {
        let data = JSONValue.array(try #require(SlackRenderer.blocks(reply))).data()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    static func actions(_ blocks: [[String: Any]]) throws -> (blockID: String, elements: [[String: Any]]) {
        let block = try #require(blocks.first { $0["type"] as? String == "actions" })
        return (try #require(block["block_id"] as? String), try #require(block["elements"] as? [[String: Any]]))
    }

    @Test("the question's identity survives its compact form; anything else is not ours")
    func promptButton() throws {
        let button = PromptButton(slot: "menu.action", turn: 12, fingerprint: "0a1b2c3d", owner: "U42")
        #expect(PromptButton(encoded: button.encoded) == button)
        #expect(button.encoded == "jt2|12|0a1b2c3d|U42|menu.action")
        #expect(PromptButton(encoded: "jt2|-|-|-|menu.action") == PromptButton(slot: "menu.action", turn: nil))
        for foreign in ["", "jt2|x|-|-|slot", "jt1|3|slot", "jt2|0|-|-|slot", "jt2|3|-|-|", "approve_request", "jt2|3|123456789|-|s"] {
            #expect(PromptButton(encoded: foreign) == nil, "\(foreign)")
        }
        #expect(PromptButton(Self.reply(.text, turn: nil)) == nil, "a reply without its turn gets no buttons")
        // The options' digest: the same for the same options, another when they moved.
        let menu = try #require(Self.reply(.choice, options: 3).prompt)
        var moved = menu
        moved.options = [Reply.Prompt.Option(value: "new", label: "Nieuw")] + (menu.options ?? [])
        #expect(menu.fingerprint == Self.reply(.choice, options: 3).prompt?.fingerprint)
        #expect(menu.fingerprint != moved.fingerprint)
        #expect(menu.fingerprint.count == 8)
    }

    @Test("Slack: up to five options are buttons answering by number; the messages are sections; the text stays the fallback")
    func slackButtons() throws {
        let reply = Self.reply(.choice, options: 3)
        let blocks = try Self.blocks(reply)
        #expect(blocks.first?["type"] as? String == "section")
        #expect(((blocks.first?["text"] as? [String: Any])?["text"] as? String) == "Uitleg &amp; meer")
        let (blockID, elements) = try Self.actions(blocks)
        let button = try #require(PromptButton(encoded: blockID))
        #expect(button.slot == "plan.kinds" && button.turn == 7 && button.owner == "U1")
        #expect(button.fingerprint == reply.prompt?.fingerprint)
        #expect(elements.map { $0["value"] as? String } == ["1", "2", "3"])
        #expect(elements.map { ($0["text"] as? [String: Any])?["text"] as? String } == ["Optie <1>", "Optie <2>", "Optie <3>"])
        #expect(Set(elements.compactMap { $0["action_id"] as? String }).count == 3, "action ids are unique in a block")
        let message = SlackRenderer.message(reply)
        #expect(message["text"]?.string?.contains("1. Optie &lt;1&gt;") == true)
    }

    @Test("Slack: a longer choice is a menu, yes/no two buttons, a multichoice checkboxes with Klaar, a date a date picker")
    func slackControls() throws {
        var (_, elements) = try Self.actions(try Self.blocks(Self.reply(.choice, options: 8)))
        #expect(elements.count == 1 && elements[0]["type"] as? String == "static_select")
        #expect((elements[0]["options"] as? [[String: Any]])?.count == 8)

        (_, elements) = try Self.actions(try Self.blocks(Self.reply(.yesno)))
        #expect(elements.map { $0["value"] as? String } == ["ja", "nee"])
        #expect(elements.first?["style"] as? String == "primary")

        (_, elements) = try Self.actions(try Self.blocks(Self.reply(.multichoice, options: 8, language: .en)))
        #expect(elements.map { $0["type"] as? String } == ["checkboxes", "button"])
        #expect(elements[0]["action_id"] as? String == SlackRenderer.checkboxesActionID)
        #expect(elements[1]["action_id"] as? String == SlackRenderer.doneActionID)
        #expect((elements[1]["text"] as? [String: Any])?["text"] as? String == "Done")

        (_, elements) = try Self.actions(try Self.blocks(Self.reply(.date)))
        #expect(elements.map { $0["type"] as? String } == ["datepicker"])

        (_, elements) = try Self.actions(try Self.blocks(Self.reply(.yesno, optional: true)))
        #expect(elements.last?["value"] as? String == "overslaan")

        #expect(SlackRenderer.blocks(Self.reply(.text)) == nil, "a typed answer needs no blocks")
        #expect(SlackRenderer.blocks(Self.reply(.choice, options: 3, turn: nil)) == nil)
        #expect(SlackRenderer.blocks(Self.reply(.multichoice, options: 11)) == nil, "checkboxes take at most ten")
    }

    @Test("Slack: a message too long for one section is split at line ends; too many blocks fall back to text")
    func slackLimits() throws {
        let long = (1...400).map { "regel \($0) met wat woorden erin" }.joined(separator: "\n")
        var reply = Self.reply(.yesno)
        reply.messages.insert(Reply.Message(.summary, long), at: 0)
        let sections = try Self.blocks(reply).filter { $0["type"] as? String == "section" }
        #expect(sections.count > 3)
        #expect(sections.allSatisfy { (($0["text"] as? [String: Any])?["text"] as? String)?.count ?? 0 <= 3_000 })
        let joined = sections.dropFirst(0).compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(joined.joined(separator: "\n").contains("regel 200 met wat woorden erin\nregel 201"), "nothing lost at the splits")
        #expect(SlackRenderer.chunks(of: String(repeating: "a\n\nb\n", count: 600)).joined(separator: "\n").contains("a\n\nb"),
                "blank lines are kept")
        reply.messages = [Reply.Message(.summary, String(repeating: "x", count: 3_000 * 60))]
        #expect(SlackRenderer.blocks(reply) == nil)
    }

    @Test("Mattermost: buttons carry a token over participant, question and answer; a longer choice is a menu; a multichoice is typed")
    func mattermostButtons() throws {
        let token = ActionToken(secret: "server-secret")
        let buttons = MattermostRenderer.Buttons(actionURL: "https://jobtwin.example.nl/mattermost/actions", participant: "mattermost:t1:u1", token: token)
        let attachments = try #require(MattermostRenderer.attachments(Self.reply(.yesno), buttons: buttons))
        let object = try #require(try JSONSerialization.jsonObject(with: attachments.data()) as? [[String: Any]])
        let actions = try #require(object.first?["actions"] as? [[String: Any]])
        #expect(actions.count == 2)
        for action in actions {
            #expect((action["id"] as? String)?.allSatisfy { $0.isLetter || $0.isNumber } == true)
            let integration = try #require(action["integration"] as? [String: Any])
            #expect(integration["url"] as? String == "https://jobtwin.example.nl/mattermost/actions")
            let context = try #require(integration["context"] as? [String: Any])
            let encoded = try #require(context["button"] as? String)
            let button = try #require(PromptButton(encoded: encoded))
            let answer = try #require(context["answer"] as? String)
            let signature = try #require(context["token"] as? String)
            #expect(token.isValid(signature, participant: "mattermost:t1:u1", button: button, answer: answer))
            #expect(!token.isValid(signature, participant: "mattermost:t1:u2", button: button, answer: answer))
            #expect(!token.isValid(signature, participant: "mattermost:t1:u1", button: button, answer: answer == "ja" ? "nee" : "ja"))
            #expect(!ActionToken(secret: "other").isValid(signature, participant: "mattermost:t1:u1", button: button, answer: answer))
        }
        let menu = try #require(MattermostRenderer.attachments(Self.reply(.choice, options: 9), buttons: buttons))
        let menuAction = try #require((try JSONSerialization.jsonObject(with: menu.data()) as? [[String: Any]])?.first?["actions"] as? [[String: Any]])
        #expect(menuAction.first?["type"] as? String == "select")
        #expect((menuAction.first?["options"] as? [[String: Any]])?.count == 9)
        #expect(MattermostRenderer.attachments(Self.reply(.multichoice, options: 3), buttons: buttons) == nil)

        // With buttons the slash command's text leaves the numbers out; the buttons are on the last post.
        let response = MattermostRenderer.response(Self.reply(.choice, options: 3), slashCommand: true, buttons: buttons)
        #expect(response["attachments"] != nil)
        #expect(response["text"]?.string?.contains("1. Optie") == false)
        #expect(MattermostRenderer.response(Self.reply(.choice, options: 3), slashCommand: true)["text"]?.string?.contains("1. Optie") == true)
    }

    @Test("Teams: the options in an Adaptive Card with the numbers to type, and no actions")
    func teamsCard() throws {
        let activity = TeamsRenderer.activity(Self.reply(.choice, options: 2, language: .en))
        let object = try #require(try JSONSerialization.jsonObject(with: activity.data()) as? [String: Any])
        let attachment = try #require((object["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let content = try #require(attachment["content"] as? [String: Any])
        #expect(content["actions"] == nil)
        let texts = (content["body"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(texts.contains("1. Optie <1>") && texts.contains("2. Optie <2>"), "a card reads no entities")
        #expect(texts.last?.contains("Type the number") == true)
        #expect(object["text"] as? String != nil)
        #expect(TeamsRenderer.activity(Self.reply(.text))["attachments"] == nil)
    }
}
