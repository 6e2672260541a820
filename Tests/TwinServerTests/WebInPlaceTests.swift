import Foundation
import JobTwinTestSupport
import Testing

/// The web chat's posts as its script makes them, against the real `jobtwin serve`: the next
/// page in the answer with only the history lines the page lacks, and an answer taken without
/// a read of the session first — but never once the session has ended, even when another
/// process ended it a moment after this one checked it.
@Suite("The web chat's posts in place")
struct WebInPlaceTests {
    typealias Client = WebChatPageTests.Client

    /// The value of the history's attribute `name` on `page`.
    static func history(_ name: String, of page: String) -> String? {
        guard let start = page.range(of: "<ol id=\"history\""), let end = page[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = page[start.upperBound..<end]
        guard let value = tag.range(of: " \(name)=\"") else { return nil }
        return tag[value.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }

    /// What the script sends back of `page`: `COUNT.DIGEST`.
    static func shown(_ page: String) throws -> String {
        "\(try #require(history("data-lines", of: page))).\(try #require(history("data-digest", of: page)))"
    }

    /// The form answering the question on `page` with `answer`.
    static func answering(_ page: String, with answer: String, csrf: String) throws -> [(String, String)] {
        [("slot", try #require(WebChatPageTests.slot(of: page))), ("turn", try #require(WebChatPageTests.hidden("turn", in: page))),
         ("fingerprint", try #require(WebChatPageTests.hidden("fingerprint", in: page))), ("answer", answer), ("csrf", csrf)]
    }

    /// A served database with one invited participant and their browser's cookie.
    struct Opened {
        let folder: TemporaryFolder
        let db: String
        let server: ServeProcess
        let client: Client
        let cookie: String
        let participant: String
    }

    static func open() async throws -> Opened {
        let folder = try TemporaryFolder()
        let db = folder.path("web.sqlite")
        let run = try JobTwinProcess.run(["invite", "Anna", "--email", "anna@example.org", "--base-url", "http://x.test", "--db", db, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
        let link = String(try #require(object["link"]).dropFirst("http://x.test".count))
        let server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: URL(fileURLWithPath: folder.path("serve.log")))
        let client = Client(port: server.port)
        let opened = try await client.send("GET", link)
        let cookie = String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })
        return Opened(folder: folder, db: db, server: server, client: client, cookie: cookie, participant: try #require(object["participant"]))
    }

    static let inPlace = ["JobTwin-Page": "in-place"]

    @Test("the answer carries only the history lines the page lacks; a history that does not follow on gets them all")
    func historyLinesOnly() async throws {
        let opened = try await Self.open()
        let client = opened.client, cookie = opened.cookie
        var page = try await client.send("GET", "/chat", cookie: cookie).body
        let csrf = try #require(WebChatPageTests.hidden("csrf", in: page))
        #expect(Self.history("data-lines", of: page) == "0")

        var fragments: [(who: String, text: String)] = [], appended = 0
        for _ in 0..<3 {
            let answer = Self.anAnswer(to: page)
            let headers = Self.inPlace.merging(["JobTwin-History": try Self.shown(page)]) { $1 }
            let posted = try await client.send("POST", "/chat", cookie: cookie, form: try Self.answering(page, with: answer, csrf: csrf),
                                               origin: client.base, headers: headers)
            #expect(posted.status == 200)
            let before = Int(try #require(Self.history("data-lines", of: page))) ?? -1
            let lines = WebConversationTests.history(of: posted.body)
            if before > 0 {
                appended += 1
                #expect(Self.history("data-from", of: posted.body) == String(before), "only the lines after the \(before) shown")
            } else {
                #expect(Self.history("data-from", of: posted.body) == nil)
            }
            #expect(Int(try #require(Self.history("data-lines", of: posted.body))) == before + lines.count)
            fragments += lines
            page = posted.body
        }
        // Consent is a part of its own, finished: the name and the next answer with their questions.
        #expect(fragments.count == 4, "\(fragments)")
        #expect(appended == 1, "the last post had lines shown already")

        // The page drawn whole (a reload) has exactly the lines the fragments added up to.
        let reloaded = try await client.send("GET", "/chat", cookie: cookie).body
        let whole = WebConversationTests.history(of: reloaded)
        #expect(whole.map(\.who) == fragments.map(\.who))
        #expect(whole.map(\.text) == fragments.map(\.text))
        #expect(Self.history("data-digest", of: reloaded) == Self.history("data-digest", of: page))

        // A page whose history is not this conversation's (a wrong digest, or more lines than
        // there are) gets the whole history again.
        for wrong in ["6.0000000000000000", "99.\(try #require(Self.history("data-digest", of: page)))", "nonsense"] {
            let headers = Self.inPlace.merging(["JobTwin-History": wrong]) { $1 }
            let posted = try await client.send("POST", "/chat", cookie: cookie, form: [("command", "help"), ("csrf", csrf)],
                                               origin: client.base, headers: headers)
            #expect(posted.status == 200)
            #expect(Self.history("data-from", of: posted.body) == nil, "\(wrong)")
            #expect(WebConversationTests.history(of: posted.body).count == Int(try #require(Self.history("data-lines", of: posted.body))))
        }
        #expect(await opened.server.terminate() == 0)
    }

    @Test("a session revoked by another process lets no further answer through, though this one checked it a moment ago")
    func revokedElsewhere() async throws {
        let opened = try await Self.open()
        let client = opened.client, cookie = opened.cookie
        var page = try await client.send("GET", "/chat", cookie: cookie).body
        let csrf = try #require(WebChatPageTests.hidden("csrf", in: page))
        // Consent and the name: after them the conversation and the session are both at hand in
        // the server, so the next answer needs no read before its turn.
        for _ in 0..<3 {
            let posted = try await client.send("POST", "/chat", cookie: cookie, form: try Self.answering(page, with: Self.anAnswer(to: page), csrf: csrf),
                                               origin: client.base, headers: Self.inPlace)
            #expect(posted.status == 200)
            page = posted.body
        }
        let pending = try #require(WebChatPageTests.slot(of: page))
        let revoked = try JobTwinProcess.run(["invite", "--revoke", opened.participant, "--db", opened.db])
        #expect(revoked.status == 0, "\(revoked.stderr)")

        let refused = try await client.send("POST", "/chat", cookie: cookie, form: try Self.answering(page, with: Self.anAnswer(to: page), csrf: csrf),
                                            origin: client.base, headers: Self.inPlace)
        #expect(refused.status == 401)
        #expect(refused.body.contains("persoonlijke link opnieuw"))

        // Nothing was taken: a new link shows the question the revoked browser was at.
        let run = try JobTwinProcess.run(["invite", "Anna", "--email", "anna@example.org", "--base-url", "http://x.test", "--db", opened.db, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
        #expect(object["participant"] == opened.participant)
        let link = String(try #require(object["link"]).dropFirst("http://x.test".count))
        let reopened = try await client.send("GET", link)
        let fresh = String(try #require(reopened.headers["set-cookie"]).prefix { $0 != ";" })
        let now = try await client.send("GET", "/chat", cookie: fresh).body
        #expect(WebChatPageTests.slot(of: now) == pending, "the refused answer changed nothing")
        #expect(await opened.server.terminate() == 0)
    }

    /// An answer the question on `page` takes: its first option, or a name for a text field.
    static func anAnswer(to page: String) -> String {
        guard let start = page.range(of: "name=\"answer\" value=\"") else { return "Anna de Vries" }
        let rest = page[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) } ?? "Anna de Vries"
    }
}
