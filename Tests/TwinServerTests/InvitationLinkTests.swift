import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import JobTwinTestSupport
import Testing

/// The web chat's invitation links against the real `jobtwin serve` on a loopback port, with
/// no channel secret at all: the link sets the cookie and redirects, works on a second device,
/// expired and revoked links get 410, unknown ones 404, and signing out ends the session.
@Suite("Invitation links in jobtwin serve")
struct InvitationLinkTests {
    /// A client that does not follow redirects and keeps no cookies: the test sends them.
    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    final class Client: Sendable {
        let base: String
        private let session: URLSession

        init(port: Int) {
            base = "http://127.0.0.1:\(port)"
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpShouldSetCookies = false
            configuration.httpCookieAcceptPolicy = .never
            session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        }

        func send(_ method: String, _ path: String, cookie: String? = nil) async throws -> (Int, [String: String], String) {
            var request = URLRequest(url: try #require(URL(string: base + path)))
            request.httpMethod = method
            if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
            let (data, response) = try await session.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
        }
    }

    static func checkSecurityHeaders(_ headers: [String: String]) {
        #expect(headers["content-security-policy"] == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        #expect(headers["x-content-type-options"] == "nosniff")
        #expect(headers["referrer-policy"] == "no-referrer")
        #expect(headers["cache-control"] == "no-store")
    }

    @Test("link → 303 with the cookie, a second device, logout; expired and revoked 410, unknown 404")
    func links() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("web.sqlite")
        func invite(_ extra: [String]) throws -> (participant: String, path: String) {
            let run = try JobTwinProcess.run(["invite", "Anna"] + extra + ["--base-url", "http://x.test", "--db", db, "--json"])
            let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
            let link = try #require(object["link"])
            return (try #require(object["participant"]), String(link.dropFirst("http://x.test".count)))
        }
        let anna = try invite([])
        let shortLived = try invite(["--expires", "1"])
        let revoked = try invite([])
        _ = try JobTwinProcess.run(["invite", "--revoke", revoked.participant, "--db", db])
        // Expire the one-day link by moving its expiry into the past (the server reads the clock).
        try await DatabaseQueue(path: db).write { database in
            try database.execute(sql: "UPDATE invitations SET expires_at = '2000-01-01 00:00:00.000' WHERE participant_id = ?",
                                 arguments: [shortLived.participant])
        }

        let server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: URL(fileURLWithPath: folder.path("serve.log")))
        let client = Client(port: server.port)

        let (status, headers, _) = try await client.send("GET", anna.path)
        #expect(status == 303)
        #expect(headers["location"] == "/chat")
        Self.checkSecurityHeaders(headers)
        let setCookie = try #require(headers["set-cookie"])
        #expect(setCookie.hasPrefix("jt_session="))
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] { #expect(setCookie.contains(attribute)) }
        #expect(!setCookie.contains("Secure"), "http public URL: no Secure")
        let cookie = String(setCookie.prefix { $0 != ";" })

        let (secondStatus, secondHeaders, _) = try await client.send("GET", anna.path)
        #expect(secondStatus == 303, "the same link on a second device")
        #expect(secondHeaders["set-cookie"] != setCookie)

        let (chatStatus, chatHeaders, chatBody) = try await client.send("GET", "/chat", cookie: cookie)
        #expect(chatStatus == 200)
        Self.checkSecurityHeaders(chatHeaders)
        #expect(chatBody.contains("<html lang=\"nl\">"))

        // Signing out is a post like the others: without the session's CSRF token it is refused.
        let (forcedStatus, _, _) = try await client.send("POST", "/chat/logout", cookie: cookie)
        #expect(forcedStatus == 403, "another site cannot sign a participant out")
        let (stillStatus, _, _) = try await client.send("GET", "/chat", cookie: cookie)
        #expect(stillStatus == 200, "still signed in")
        let forms = WebChatPageTests.Client(port: server.port)
        let out = try await forms.send("POST", "/chat/logout", cookie: cookie,
                                       form: [("csrf", try #require(WebChatPageTests.hidden("csrf", in: chatBody)))], origin: "null")
        let (outStatus, outHeaders) = (out.status, out.headers)
        #expect(outStatus == 303 && outHeaders["location"] == "/chat/logout", "a plain form post (Origin: null) with the token")
        #expect(outHeaders["set-cookie"]?.contains("Max-Age=0") == true)
        let (afterStatus, _, _) = try await client.send("GET", "/chat", cookie: cookie)
        #expect(afterStatus == 401, "the session ended")
        let (signedOutStatus, _, signedOutBody) = try await client.send("GET", "/chat/logout")
        #expect(signedOutStatus == 200 && signedOutBody.contains("afgemeld"))

        let (expiredStatus, expiredHeaders, expiredBody) = try await client.send("GET", shortLived.path)
        #expect(expiredStatus == 410)
        Self.checkSecurityHeaders(expiredHeaders)
        #expect(expiredBody.contains("<html lang=\"nl\">") && expiredBody.contains("verlopen") && expiredBody.contains("coördinator"))
        let (revokedStatus, _, revokedBody) = try await client.send("GET", revoked.path)
        #expect(revokedStatus == 410 && revokedBody.contains("ingetrokken"))
        let (unknownStatus, unknownHeaders, unknownBody) = try await client.send("GET", "/chat/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        #expect(unknownStatus == 404 && unknownBody.contains("</html>"))
        Self.checkSecurityHeaders(unknownHeaders)
        #expect(await server.terminate() == 0)
        let log = (try? String(contentsOfFile: folder.path("serve.log"), encoding: .utf8)) ?? ""
        #expect(!log.contains(anna.path.dropFirst("/chat/".count)), "tokens are never logged")
    }
}
