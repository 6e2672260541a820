import Foundation
import JobTwinTestSupport
import Testing
import TwinStore

/// `jobtwin invite --send` through the real binary, real libcurl and an SMTP server the test
/// runs on 127.0.0.1: the mail in both parts and the person's language, the login, what a 4xx
/// and a 5xx do (retried by `jobtwin serve`, dead until `outbox retry`), `--csv`, and the
/// refusals that come before anyone is invited.
@Suite("jobtwin invite --send")
struct InviteSendTests {
    let folder: TemporaryFolder
    var db: String { folder.path("invite-send.sqlite") }
    static let user = "twin-mailer"
    static let password = "Pw-9f3k-Zq"

    init() throws { folder = try TemporaryFolder() }

    /// The environment that points `mail:` at `smtp`, with a login.
    func environment(_ smtp: SMTPReceiver) -> [String: String] {
        ["JOBTWIN_SMTP_URL": smtp.url, "JOBTWIN_SMTP_FROM": "Marieke Bakker <twin@example.org>",
         "JOBTWIN_SMTP_USER": Self.user, "JOBTWIN_SMTP_PASSWORD": Self.password]
    }

    func outbox() throws -> [[String: Any]] {
        let run = try JobTwinProcess.run(["outbox", "list", "--json", "--db", db])
        return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(run.stdout) \(run.stderr)")
    }

    func expectNoCredentials(_ texts: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            #expect(!text.contains(Self.password), "the password leaked: \(text)", sourceLocation: sourceLocation)
            #expect(!text.contains(Data("\0\(Self.user)\0\(Self.password)".utf8).base64EncodedString()), sourceLocation: sourceLocation)
        }
    }

    @Test("one mail in Dutch, plain text and HTML, with the printed link that opens an invitation; the login reaches AUTH only")
    func sendsDutch() async throws {
        let smtp = try SMTPReceiver()
        let run = try await JobTwinProcess.finish(["invite", "Zoë de Vries", "--email", "zoe@example.org", "--side", "teacher",
                                                   "--base-url", "https://twin.example.org", "--db", db, "--send"],
                                                  environment: environment(smtp))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("E-mailed the link to zoe@example.org."), "\(run.stderr)")
        let link = try #require(run.lines.first)
        #expect(link.hasPrefix("https://twin.example.org/chat/"))
        let mails = smtp.mails
        try #require(mails.count == 1)
        let mail = mails[0]
        #expect(mail.from == "twin@example.org")
        #expect(mail.recipients == ["zoe@example.org"])
        #expect(smtp.logins.map(\.user) == [Self.user] && smtp.logins.map(\.password) == [Self.password])
        #expect(mail.header("To") == "\"Zoë de Vries\" <zoe@example.org>" || mail.header("To") == "Zoë de Vries <zoe@example.org>")
        #expect(mail.header("From") == "\"Marieke Bakker\" <twin@example.org>")
        #expect(mail.header("Subject") == "Je persoonlijke link voor de chat van Job Twinning")
        #expect(mail.header("Date")?.hasSuffix("+0000") == true)
        #expect(mail.header("Message-ID")?.hasSuffix("@example.org>") == true)
        #expect(mail.header("Content-Language") == "nl")
        #expect(mail.header("Content-Type")?.hasPrefix("multipart/alternative;") == true)
        #expect(mail.data.utf8.allSatisfy { $0 < 0x80 }, "the message itself is 7-bit: every UTF-8 byte is encoded")
        let text = try #require(mail.part("text/plain"))
        let html = try #require(mail.part("text/html"))
        for expected in ["Beste Zoë de Vries,", "Marieke Bakker nodigt je uit voor Job Twinning.", "In de chat van Job Twinning meld je je aan",
                         link, "De link is persoonlijk", "Hij werkt tot ", "Is deze e-mail niet voor jou bedoeld?"] {
            #expect(text.contains(expected), "plain text lacks \(expected): \(text)")
        }
        #expect(html.contains("<html lang=\"nl\">") && html.contains("<a href=\"\(link)\""), "\(html)")
        #expect(html.contains("Beste Zoë de Vries,") && html.contains("De link is persoonlijk"))

        // The link in the mail is the one printed, and it is an invitation the chat opens.
        let token = try #require(link.split(separator: "/").last.map(String.init))
        let repository = try SQLiteRepository(path: db)
        let invitation = try #require(try await repository.read { try $0.invitation(token: SecretDigest(of: token)) })
        #expect(invitation.name == "Zoë de Vries" && invitation.revokedAt == nil && invitation.expiresAt > Date())

        // Delivered: the outbox keeps that it went, not the link; the audit log says it was mailed.
        let rows = try outbox()
        #expect(rows.count == 1)
        #expect(rows.first?["status"] as? String == "delivered" && rows.first?["target"] as? String == "mail")
        let source = Delivery.invitationMailSource(invitation.participant, token: SecretDigest(of: token))
        let delivery = try #require(try await repository.read { try $0.delivery(source: source, target: "mail") })
        #expect(delivery.payload.isEmpty, "a delivered invitation mail keeps no copy of the link")
        let audit = try JobTwinProcess.run(["audit", "--db", db])
        #expect(audit.stdout.contains("invite.mail  \(invitation.participant)"), "\(audit.stdout)")
        #expect(audit.stdout.contains("queued to be e-mailed"))
        let check = try JobTwinProcess.run(["serve", "--check-config", "--db", db], environment: environment(smtp))
        #expect(check.stdout.contains("Mail: \(smtp.url) (from $JOBTWIN_SMTP_URL)"), "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("login from $JOBTWIN_SMTP_USER") && !check.stdout.contains(Self.user))
        expectNoCredentials(run.stdout, run.stderr, audit.stdout, check.stdout, check.stderr, try outbox().description)
    }

    @Test("a coordinator's mail in English says it opens the coordinators' part; given names are escaped in the HTML")
    func englishCoordinator() async throws {
        let smtp = try SMTPReceiver()
        let run = try await JobTwinProcess.finish(["invite", "Sam O'Neil & <Partners>", "--email", "sam@example.org", "--coordinator",
                                                   "--lang", "en", "--base-url", "https://twin.example.org", "--db", db, "--send"],
                                                  environment: environment(smtp))
        #expect(run.status == 0, "\(run.stderr)")
        let mail = try #require(smtp.mails.first)
        #expect(mail.header("Subject") == "Your link to the coordinators' part of Job Twinning")
        #expect(mail.header("Content-Language") == "en")
        let text = try #require(mail.part("text/plain"))
        let html = try #require(mail.part("text/html"))
        #expect(text.contains("Dear Sam O'Neil & <Partners>,") && text.contains("This link opens the coordinators' part of the chat"))
        #expect(text.contains("The link is personal") && text.contains("It works until ") && text.contains("Is this e-mail not meant for you?"))
        #expect(text.contains(try #require(run.lines.first)))
        #expect(html.contains("Dear Sam O&#39;Neil &amp; &lt;Partners&gt;,") && !html.contains("<Partners>"), "\(html)")
        #expect(html.contains("<html lang=\"en\">"))
    }

    @Test("a 4xx leaves the mail pending with back-off, the command says why, and jobtwin serve delivers it later; never a credential in its log")
    func temporaryFailureThenServe() async throws {
        let smtp = try SMTPReceiver(answers: [.reply(451, "4.7.1 greylisted, try again later")])
        let env = environment(smtp)
        let run = try await JobTwinProcess.finish(["invite", "Bram Jansen", "--email", "bram@example.org",
                                                   "--base-url", "https://twin.example.org", "--db", db, "--send", "--json"],
                                                  environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["mail"] as? String == "queued")
        #expect((object["mail_error"] as? String)?.contains("451") == true, "\(object)")
        #expect(smtp.mails.isEmpty && smtp.refusedCount == 1)
        let pending = try #require(try outbox().first)
        #expect(pending["status"] as? String == "pending" && pending["attempts"] as? Int == 1 && pending["last_status"] as? Int == 451)
        let format = ISO8601DateFormatter()
        let next = try #require((pending["next_attempt_at"] as? String).flatMap(format.date(from:)))
        let created = try #require((pending["created_at"] as? String).flatMap(format.date(from:)))
        #expect(next > created, "the retry waits for the back-off")

        let (server, stdout, stderr) = try JobTwinProcess.start(["serve", "--port", "0", "--db", db, "--log-level", "info"], environment: env)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        #expect(await JobTwinProcess.listeningPort(of: stdout) != nil)
        let mails = try await smtp.waitForMails(1)
        server.terminate()
        server.waitUntilExit()
        let log = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(mails.first?.recipients == ["bram@example.org"])
        #expect(mails.first?.part("text/plain")?.contains(object["link"] as? String ?? "?") == true)
        #expect(try outbox().first?["status"] as? String == "delivered")
        expectNoCredentials(run.stdout, run.stderr, log)
    }

    @Test("a 5xx makes it dead at once and the command fails naming the reason; outbox retry revives it")
    func permanentFailure() async throws {
        let smtp = try SMTPReceiver(answers: [.reply(550, "5.1.1 no such mailbox here")])
        let env = environment(smtp)
        let run = try await JobTwinProcess.finish(["invite", "Carl", "--email", "carl@example.org",
                                                   "--base-url", "https://twin.example.org", "--db", db, "--send"], environment: env)
        #expect(run.status == 1)
        #expect(run.lines.first?.hasPrefix("https://twin.example.org/chat/") == true, "the link is printed all the same")
        #expect(run.stderr.contains("The e-mail was refused:") && run.stderr.contains("550"), "\(run.stderr)")
        let dead = try #require(try outbox().first)
        #expect(dead["status"] as? String == "dead")
        let id = try #require(dead["id"] as? Int)
        let retry = try JobTwinProcess.run(["outbox", "retry", "\(id)", "--db", db], environment: env)
        #expect(retry.status == 0, "\(retry.stderr)")
        let deliver = try await JobTwinProcess.finish(["outbox", "deliver", "--db", db], environment: env)
        #expect(deliver.status == 0, "\(deliver.stderr)")
        #expect(smtp.mails.count == 1 && smtp.mails.first?.recipients == ["carl@example.org"])
        #expect(try outbox().first?["status"] as? String == "delivered")
        expectNoCredentials(run.stderr, deliver.stdout, deliver.stderr)
    }

    @Test("--csv --send sends one mail per row, each in its row's language, and adds a mail column")
    func csv() async throws {
        let smtp = try SMTPReceiver()
        let file = folder.path("people.csv")
        try Data("name,email,side,language\nAnna,anna@example.org,teacher,\nBen,ben@example.org,professional,en\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let run = try await JobTwinProcess.finish(["invite", "--csv", file, "--base-url", "https://t.example", "--db", db, "--send"],
                                                  environment: environment(smtp))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first == "name,email,side,language,link,mail")
        #expect(run.lines.dropFirst().allSatisfy { $0.hasSuffix(",sent") }, "\(run.stdout)")
        let mails = smtp.mails
        #expect(mails.count == 2)
        let byAddress = Dictionary(mails.map { ($0.recipients.first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byAddress["anna@example.org"]?.header("Subject") == "Je persoonlijke link voor de chat van Job Twinning")
        #expect(byAddress["ben@example.org"]?.header("Subject") == "Your personal link to the Job Twinning chat")
        for (line, address) in zip(run.lines.dropFirst(), ["anna@example.org", "ben@example.org"]) {
            let link = try #require(line.split(separator: ",").dropLast().last.map(String.init))
            #expect(byAddress[address]?.part("text/plain")?.contains(link) == true)
        }
    }

    @Test("--send without an SMTP server or without an address is refused before anyone is invited")
    func refusals() async throws {
        let noServer = try JobTwinProcess.run(["invite", "Anna", "--email", "anna@example.org", "--base-url", "https://t.example",
                                               "--db", db, "--send"])
        #expect(noServer.status == 1 && noServer.stderr.contains("--send needs an SMTP server"), "\(noServer.stderr)")
        let smtp = try SMTPReceiver()
        let noAddress = try JobTwinProcess.run(["invite", "Anna", "--base-url", "https://t.example", "--db", db, "--send"],
                                               environment: environment(smtp))
        #expect(noAddress.status == 1 && noAddress.stderr.contains("--send needs the person's e-mail address"), "\(noAddress.stderr)")
        let file = folder.path("some-without.csv")
        try Data("name,email\nAnna,anna@example.org\nBen,\n".utf8).write(to: URL(fileURLWithPath: file))
        let csv = try JobTwinProcess.run(["invite", "--csv", file, "--base-url", "https://t.example", "--db", db, "--send"],
                                         environment: environment(smtp))
        #expect(csv.status == 1 && csv.stderr.contains("\(file):3: no e-mail address"), "\(csv.stderr)")
        let audit = try JobTwinProcess.run(["audit", "--db", db])
        #expect(!audit.stdout.contains("  invite  "), "nobody was invited: \(audit.stdout)")
        #expect(smtp.mails.isEmpty)
        let withCredentials = try JobTwinProcess.run(["serve", "--check-config", "--db", db],
                                                     environment: ["JOBTWIN_SMTP_URL": "smtp://someone:\(Self.password)@127.0.0.1:25",
                                                                   "JOBTWIN_SMTP_FROM": "twin@example.org"])
        #expect(withCredentials.status == 1 && withCredentials.stderr.contains("$JOBTWIN_SMTP_PASSWORD instead"))
        expectNoCredentials(withCredentials.stderr, withCredentials.stdout)
    }

    @Test("a mail still waiting goes with --revoke; erasing the person deletes their delivered mail too")
    func revokeAndErase() async throws {
        let smtp = try SMTPReceiver(answers: [.reply(421, "4.3.2 shutting down")])
        let env = environment(smtp)
        let first = try await JobTwinProcess.finish(["invite", "Dora", "--email", "dora@example.org", "--base-url", "https://t.example",
                                                     "--db", db, "--send", "--json"], environment: env)
        let participant = try #require((JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])?["participant"] as? String)
        #expect(try outbox().first?["status"] as? String == "pending")
        let revoke = try JobTwinProcess.run(["invite", "--revoke", participant, "--db", db])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(try outbox().isEmpty, "a revoked link is not mailed")

        let second = try await JobTwinProcess.finish(["invite", "Dora", "--email", "dora@example.org", "--base-url", "https://t.example",
                                                      "--db", db, "--send"], environment: env)
        #expect(second.status == 0 && smtp.mails.count == 1, "\(second.stderr)")
        #expect(try outbox().count == 1)
        let erase = try JobTwinProcess.run(["erase", participant, "--yes", "--db", db])
        #expect(erase.status == 0, "\(erase.stderr)")
        #expect(try outbox().isEmpty, "the person's mails go with them")
    }
}
