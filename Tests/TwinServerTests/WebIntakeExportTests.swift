import Foundation
import JobTwinTestSupport
import Testing

/// What is stored after an intake in the browser is what is stored after the same answers in
/// `jobtwin chat`: the web is a channel, not another way of keeping data. Compared through
/// `jobtwin export`, with what necessarily differs set aside — the participant's id and channel
/// (`web` or `repl`), the times, and the web's own records (the invitation, the browser session, the posts' request ids, the
/// invitation's audit entry).
@Suite("A web intake stores what a chat intake stores")
struct WebIntakeExportTests {
    /// What a participant types for a text question, by slot.
    static let typed = ["profile.name": "Anna de Vries", "profile.organization": "Erasmus College", "profile.region": "Rotterdam",
                        "profile.role": "Docent wiskunde"]

    /// The values of the answer controls (buttons and boxes) on `page`, in order.
    static func optionValues(in page: String) -> [String] {
        page.components(separatedBy: "name=\"answer\" value=\"").dropFirst().compactMap { rest in
            rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
    }

    /// An export with the id, the channel, the times and the web's own records set aside.
    static func comparable(_ export: String, participant: String) throws -> [String: [[String: String]]] {
        let object = try #require(JSONSerialization.jsonObject(with: Data(export.utf8)) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: [[String: Any]]])
        let webOnly: Set = ["invitations", "web_sessions", "processed_requests", "audit_log"]
        var result: [String: [[String: String]]] = [:]
        for (table, rows) in tables where !webOnly.contains(table) {
            result[table] = rows.map { row in
                var kept: [String: String] = [:]
                for (key, value) in row where !(key == "id" || key == "at" || key.hasSuffix("_at") || key == "participant_id" || key == "channel") {
                    let text = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]))
                        .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
                    kept[key] = text.replacingOccurrences(of: participant, with: "PARTICIPANT")
                }
                return kept
            }
        }
        return result
    }

    @Test("the same answers in the browser and in jobtwin chat: the same export")
    func sameExport() async throws {
        let folder = try TemporaryFolder()
        let webDB = folder.path("web.sqlite"), chatDB = folder.path("chat.sqlite")
        let run = try JobTwinProcess.run(["invite", "Anna de Vries", "--base-url", "http://x.test", "--db", webDB, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
        let link = String(try #require(object["link"]).dropFirst("http://x.test".count))
        let webParticipant = try #require(object["participant"])
        let server = try await ServeProcess(arguments: ["--db", webDB], environment: [:], log: URL(fileURLWithPath: folder.path("serve.log")))
        let client = WebChatPageTests.Client(port: server.port)
        let opened = try await client.send("GET", link)
        let cookie = String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })

        // The intake in the browser, as its forms post it; what typing it would be, for the chat.
        var lines: [String] = []
        var page = try await client.send("GET", "/chat", cookie: cookie).body
        for _ in 0..<40 {
            let slot = try #require(WebChatPageTests.slot(of: page), "a question on the page")
            if slot == "menu.action" { break }
            let type = try #require(page.components(separatedBy: "data-type=\"").dropFirst().first?.prefix { $0 != "\"" })
            let values = Self.optionValues(in: page)
            let answer: String, line: String
            switch type {
            case "yesno": (answer, line) = ("yes", "ja")
            case "choice", "multichoice": (answer, line) = (try #require(values.first), "1")
            default: (answer, line) = (Self.typed[slot] ?? "Wiskunde en techniek", Self.typed[slot] ?? "Wiskunde en techniek")
            }
            lines.append(line)
            let posted = try await client.send("POST", "/chat", cookie: cookie, form: [
                ("slot", slot), ("turn", try #require(WebChatPageTests.hidden("turn", in: page))),
                ("fingerprint", try #require(WebChatPageTests.hidden("fingerprint", in: page))), ("answer", answer),
                ("csrf", try #require(WebChatPageTests.hidden("csrf", in: page)))], origin: client.base)
            #expect(posted.status == 303)
            let next = try await client.send("GET", "/chat", cookie: cookie).body
            #expect(WebChatPageTests.slot(of: next) != slot || next.contains("class=\"message error"), "\(slot) was not taken")
            page = next
        }
        #expect(WebChatPageTests.slot(of: page) == "menu.action", "the web intake reached the menu")
        #expect(await server.terminate() == 0)

        // The same answers typed in the terminal.
        let chat = try JobTwinProcess.run(["chat", "--db", chatDB, "--participant", "anna"], input: Data(lines.map { $0 + "\n" }.joined().utf8))
        #expect(chat.status == 0, "\(chat.stderr)")

        let web = try JobTwinProcess.run(["export", webParticipant, "--db", webDB])
        let terminal = try JobTwinProcess.run(["export", "repl:anna", "--db", chatDB])
        let webTables = try Self.comparable(web.stdout, participant: webParticipant)
        let chatTables = try Self.comparable(terminal.stdout, participant: "repl:anna")
        #expect(!(webTables["answers"] ?? []).isEmpty && !(webTables["profiles"] ?? []).isEmpty, "the intake was stored")
        #expect(Set(webTables.keys) == Set(chatTables.keys))
        for table in webTables.keys.sorted() {
            #expect(webTables[table] == chatTables[table], "\(table) differs:\nweb:  \(webTables[table] ?? [])\nchat: \(chatTables[table] ?? [])")
        }
    }
}
