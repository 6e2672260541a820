import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JobTwinTestSupport
import Testing

/// The web chat's page for a turn against the real `jobtwin serve` on a loopback port: the
/// pending question as a form, an answer posted with the session's CSRF token (303, then the next
/// question), posts without the token or from another site refused with nothing changed, the same
/// form twice taken once, a second browser at the same question, and the assets.
@Suite("The web chat page in jobtwin serve")
struct WebChatPageTests {
    /// A client that does not follow redirects and keeps no cookies: the test sends them.
    typealias Client = WebClient

    /// The value of the hidden field `name` on `page`.
    static func hidden(_ name: String, in page: String) -> String? {
        guard let start = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = page[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The slot of the question on `page`.
    static func slot(of page: String) -> String? {
        guard let start = page.range(of: "data-slot=\"") else { return nil }
        let rest = page[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test("GET and POST /chat: the question, answers with CSRF and Origin, a repeat, a second browser, assets")
    func chatPage() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("web.sqlite")
        let run = try JobTwinProcess.run(["invite", "Anna", "--base-url", "http://x.test", "--db", db, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
        let link = String(try #require(object["link"]).dropFirst("http://x.test".count))

        let server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: URL(fileURLWithPath: folder.path("serve.log")))
        let client = Client(port: server.port)
        let origin = client.base
        func cookie() async throws -> String {
            let opened = try await client.send("GET", link)
            #expect(opened.status == 303)
            return String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })
        }
        let first = try await cookie()
        let second = try await cookie()

        let anonymous = try await client.send("GET", "/chat")
        #expect(anonymous.status == 401)
        #expect(anonymous.body.contains("persoonlijke link opnieuw"))
        InvitationLinkTests.checkSecurityHeaders(anonymous.headers)

        let page = try await client.send("GET", "/chat", cookie: first)
        #expect(page.status == 200)
        InvitationLinkTests.checkSecurityHeaders(page.headers)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("data-slot=\"consent.processing\" data-type=\"yesno\""), "\(page.body)")
        let csrf = try #require(Self.hidden("csrf", in: page.body))
        let turn = try #require(Self.hidden("turn", in: page.body))
        let fingerprint = try #require(Self.hidden("fingerprint", in: page.body))
        let answer: [(String, String)] = [("slot", "consent.processing"), ("turn", turn), ("fingerprint", fingerprint), ("answer", "yes")]

        // Refused, and nothing changes: no token, a wrong one, another site's form.
        let noToken = try await client.send("POST", "/chat", cookie: first, form: answer, origin: origin)
        #expect(noToken.status == 403)
        let wrongToken = try await client.send("POST", "/chat", cookie: first, form: answer + [("csrf", String(repeating: "0", count: 64))], origin: origin)
        #expect(wrongToken.status == 403)
        let otherBrowsersToken = try await client.send("POST", "/chat", cookie: second, form: answer + [("csrf", csrf)], origin: origin)
        #expect(otherBrowsersToken.status == 403, "a token belongs to its session")
        let foreign = try await client.send("POST", "/chat", cookie: first, form: answer + [("csrf", csrf)], origin: "https://evil.example")
        #expect(foreign.status == 403)
        let unchanged = try await client.send("GET", "/chat", cookie: first)
        #expect(Self.slot(of: unchanged.body) == "consent.processing")

        // The second browser sees the same pending question.
        let elsewhere = try await client.send("GET", "/chat", cookie: second)
        #expect(Self.slot(of: elsewhere.body) == "consent.processing")

        // A plain form post without JavaScript comes with `Origin: null` (the page's referrer
        // policy is no-referrer): the token decides.
        let nullWithoutToken = try await client.send("POST", "/chat", cookie: first, form: answer, origin: "null")
        #expect(nullWithoutToken.status == 403)
        let posted = try await client.send("POST", "/chat", cookie: first, form: answer + [("csrf", csrf)], origin: "null")
        #expect(posted.status == 303)
        #expect(posted.headers["location"] == "/chat")
        let next = try await client.send("GET", "/chat", cookie: first)
        #expect(next.status == 200)
        #expect(Self.slot(of: next.body) == "profile.name", "\(next.body)")

        // The name, then the same form again: taken once.
        let nameForm: [(String, String)] = [("slot", "profile.name"), ("turn", try #require(Self.hidden("turn", in: next.body))),
                                             ("fingerprint", try #require(Self.hidden("fingerprint", in: next.body))),
                                             ("answer", "Anna de Vries"), ("csrf", csrf)]
        let named = try await client.send("POST", "/chat", cookie: first, form: nameForm, origin: origin)
        #expect(named.status == 303)
        let afterName = try await client.send("GET", "/chat", cookie: first)
        let slotAfterName = try #require(Self.slot(of: afterName.body))
        #expect(slotAfterName != "profile.name")
        let again = try await client.send("POST", "/chat", cookie: first, form: nameForm, origin: origin)
        #expect(again.status == 303)
        let afterAgain = try await client.send("GET", "/chat", cookie: first)
        #expect(Self.slot(of: afterAgain.body) == slotAfterName, "the repeated form changed nothing")
        #expect(afterAgain.body.contains("al beantwoord"))

        // The second browser is at the same question now.
        let secondNow = try await client.send("GET", "/chat", cookie: second)
        #expect(Self.slot(of: secondNow.body) == slotAfterName)

        // A command: help keeps the question and shows its help once.
        let help = try await client.send("POST", "/chat", cookie: first,
                                         form: [("slot", slotAfterName), ("turn", try #require(Self.hidden("turn", in: afterAgain.body))),
                                                ("command", "help"), ("csrf", csrf)], origin: origin)
        #expect(help.status == 303)
        let helped = try await client.send("GET", "/chat", cookie: first)
        #expect(Self.slot(of: helped.body) == slotAfterName)

        // The assets, by the addresses the page names.
        for (name, type) in [("chat.css", "text/css; charset=utf-8"), ("chat.js", "text/javascript; charset=utf-8"), ("icon.svg", "image/svg+xml")] {
            guard let start = page.body.range(of: "/chat/assets/\(name)?v=") else {
                Issue.record("the page does not load \(name)")
                continue
            }
            let path = String(page.body[start.lowerBound...].prefix { $0 != "\"" })
            let asset = try await client.send("GET", path)
            #expect(asset.status == 200)
            #expect(asset.headers["content-type"] == type)
            #expect(asset.headers["cache-control"] == "public, max-age=31536000, immutable")
            #expect(asset.headers["x-content-type-options"] == "nosniff")
            #expect(!asset.body.isEmpty)
            let unversioned = try await client.send("GET", "/chat/assets/\(name)?v=old")
            #expect(unversioned.status == 200 && unversioned.headers["cache-control"] == "no-cache")
        }
        let missing = try await client.send("GET", "/chat/assets/nothing.js")
        #expect(missing.status == 404)

        #expect(await server.terminate() == 0)
    }

    @Test("behind a proxy that rewrites Host, a form from server.public_url is taken; another site's is not")
    func publicOrigin() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("web.sqlite")
        let config = folder.path("jobtwin.yaml")
        try "server: {public_url: \"https://twin.example.org\"}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let run = try JobTwinProcess.run(["invite", "Anna", "--config", config, "--db", db, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
        let link = String(try #require(object["link"]).dropFirst("https://twin.example.org".count))
        let server = try await ServeProcess(arguments: ["--config", config, "--db", db], environment: [:],
                                            log: URL(fileURLWithPath: folder.path("serve.log")))
        let client = Client(port: server.port)
        let opened = try await client.send("GET", link)
        #expect(opened.status == 303)
        let cookie = String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })
        let page = try await client.send("GET", "/chat", cookie: cookie)
        let form: [(String, String)] = [("slot", "consent.processing"), ("turn", try #require(Self.hidden("turn", in: page.body))),
                                        ("fingerprint", try #require(Self.hidden("fingerprint", in: page.body))), ("answer", "yes"),
                                        ("csrf", try #require(Self.hidden("csrf", in: page.body)))]
        let foreign = try await client.send("POST", "/chat", cookie: cookie, form: form, origin: "https://evil.example")
        #expect(foreign.status == 403)
        let proxied = try await client.send("POST", "/chat", cookie: cookie, form: form, origin: "https://twin.example.org")
        #expect(proxied.status == 303, "the public address is this server's, whatever Host the proxy sends")
        let next = try await client.send("GET", "/chat", cookie: cookie)
        #expect(Self.slot(of: next.body) == "profile.name")
    }
}
