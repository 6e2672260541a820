import Foundation
import JobTwinTestSupport
import Testing

/// The web chat draws the conversation anew on every page view without taking a turn: the
/// questions answered so far in the parts under way and the pending one, with its place
/// ("Vraag 2 van …"), the same on a second browser and after `serve` restarted — rebuilt from
/// the stored answers, nothing kept in memory.
@Suite("The web chat's conversation so far")
struct WebConversationTests {
    typealias Client = WebChatPageTests.Client

    /// The texts of the transcript's lines on `page`, in order, with who said them.
    static func history(of page: String) -> [(who: String, text: String)] {
        guard let start = page.range(of: "<ol id=\"history\""), let end = page.range(of: "</ol>", range: start.upperBound..<page.endIndex) else { return [] }
        let list = String(page[start.upperBound..<end.lowerBound])
        return list.components(separatedBy: "<li class=\"").dropFirst().map { item in
            let who = item.hasPrefix("line from-participant") ? "participant" : "assistant"
            // The line's text without its markup and without the speaker's name.
            var text = ""
            var inTag = false
            for character in item.drop(while: { $0 != ">" }).dropFirst() {
                if character == "<" { inTag = true } else if character == ">" { inTag = false; text.append(" ") } else if !inTag { text.append(character) }
            }
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            return (who, words.dropFirst(who == "participant" ? 1 : 2).joined(separator: " "))
        }
    }

    @Test("a page view takes no turn; the answers so far and the question's place are shown on every browser and after a restart")
    func conversationSoFar() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("web.sqlite")
        let run = try JobTwinProcess.run(["invite", "Anna", "--base-url", "http://x.test", "--db", db, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
        let link = String(try #require(object["link"]).dropFirst("http://x.test".count))
        let log = URL(fileURLWithPath: folder.path("serve.log"))
        var server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: log)
        var client = Client(port: server.port)
        func cookie() async throws -> String {
            let opened = try await client.send("GET", link)
            #expect(opened.status == 303)
            return String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })
        }
        let laptop = try await cookie()
        let phone = try await cookie()

        let consent = try await client.send("GET", "/chat", cookie: laptop)
        #expect(Self.history(of: consent.body).isEmpty, "nothing answered yet")
        let csrf = try #require(WebChatPageTests.hidden("csrf", in: consent.body))
        let posted = try await client.send("POST", "/chat", cookie: laptop, form: [
            ("slot", "consent.processing"), ("turn", try #require(WebChatPageTests.hidden("turn", in: consent.body))),
            ("fingerprint", try #require(WebChatPageTests.hidden("fingerprint", in: consent.body))), ("answer", "yes"), ("csrf", csrf)], origin: client.base)
        #expect(posted.status == 303)

        // The laptop shows the name question; the phone loads the page too, and the laptop's
        // form is still current: looking is not a turn.
        let named = try await client.send("GET", "/chat", cookie: laptop)
        #expect(WebChatPageTests.slot(of: named.body) == "profile.name")
        let turn = try #require(WebChatPageTests.hidden("turn", in: named.body))
        for _ in 0..<3 {
            let onPhone = try await client.send("GET", "/chat", cookie: phone)
            #expect(WebChatPageTests.hidden("turn", in: onPhone.body) == turn, "a page view took a turn")
        }
        let again = try await client.send("GET", "/chat", cookie: laptop)
        #expect(WebChatPageTests.hidden("turn", in: again.body) == turn)
        let answered = try await client.send("POST", "/chat", cookie: laptop, form: [
            ("slot", "profile.name"), ("turn", turn), ("fingerprint", try #require(WebChatPageTests.hidden("fingerprint", in: named.body))),
            ("answer", "Anna <b>de</b> Vries"), ("csrf", csrf)], origin: client.base)
        #expect(answered.status == 303)
        let afterName = try await client.send("GET", "/chat", cookie: laptop)
        #expect(!afterName.body.contains("al beantwoord"), "the form was current, so it was taken at once")
        let slot = try #require(WebChatPageTests.slot(of: afterName.body))
        #expect(slot != "profile.name")

        // The phone, and a restarted server (nothing in memory), show the same conversation so far.
        func checkConversation(_ page: String, _ place: String) {
            let lines = Self.history(of: page)
            let answers = lines.filter { $0.who == "participant" }.map(\.text)
            #expect(answers.contains("Anna &lt;b&gt;de&lt;/b&gt; Vries"), "\(place): the name as typed, escaped: \(lines)")
            #expect(lines.contains { $0.who == "assistant" && $0.text.lowercased().contains("naam") }, "\(place): the name question: \(lines)")
            #expect(page.contains("Anna &lt;b&gt;de&lt;/b&gt; Vries"), "\(place): escaped")
            #expect(WebChatPageTests.slot(of: page) == slot, "\(place)")
            #expect(page.contains("Vraag ") && page.contains(" van "), "\(place): the question's place")
        }
        checkConversation(try await client.send("GET", "/chat", cookie: phone).body, "the phone")
        #expect(await server.terminate() == 0)
        server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: log)
        client = Client(port: server.port)
        checkConversation(try await client.send("GET", "/chat", cookie: laptop).body, "after a restart")
        #expect(await server.terminate() == 0)
    }
}
