import ArgumentParser
import Foundation
import Logging
import Twinning
import TwinAssistant
import TwinConfiguration
import TwinLanguage
import TwinNotify
import TwinStore

/// `jobtwin invite`: personal links to the web chat, for one person, for a CSV file of people,
/// or revoked.
struct InviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Make a personal link to the web chat (BASE/chat/TOKEN), for one person or a CSV file; or revoke a person's links.",
        discussion: """
        `jobtwin invite "Anna de Vries" --email anna@example.org --side teacher` makes the \
        participant (web:…), or finds them by the e-mail address of an earlier invitation, and \
        prints their link. --send e-mails it to them through the SMTP server of `mail:` (see \
        docs/configuration.md) and says whether it went out; a mail the server cannot take now \
        waits in the outbox and is retried by `jobtwin serve` or `jobtwin outbox deliver`. \
        Without --send, send the link yourself: whoever has the link can open the chat as \
        them. A link opens on several devices until it expires (`web.invitation_days`, 30 days \
        by default, or --expires); the database keeps only a hash of it, so a lost link cannot \
        be printed again: make a new one.

        --csv FILE invites everyone in a file with the columns name,email,side and optionally \
        language (a header row; quote a field that holds a comma) and prints the same CSV with a \
        `link` column added (and a `mail` column with --send: sent, queued or refused). A \
        malformed row — with --send, also one without an e-mail address — is reported as \
        FILE:LINE and nobody is invited.

        --revoke PARTICIPANT (web:… or the e-mail address) ends all of a person's links and \
        their browser sessions. Every invitation and revocation is written to the audit log. \
        The base URL is --base-url, or `server.public_url` in the configuration \
        ($JOBTWIN_PUBLIC_URL).
        """
    )

    @Argument(help: ArgumentHelp("The person's name, as it should be shown (not with --csv or --revoke).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Their e-mail address: a second invitation to it reaches the same participant.", valueName: "address"))
    var email: String?

    @Option(name: .long, help: ArgumentHelp("teacher or professional.", valueName: "side"))
    var side: String?

    @Flag(name: .long, help: "The link makes the person a coordinator in the web chat.")
    var coordinator = false

    @Option(name: .long, help: ArgumentHelp("Days the link opens (1–365; default: the configuration's web.invitation_days, or 30).", valueName: "days"))
    var expires: Int?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where participants reach `jobtwin serve`, e.g. https://twin.example.org (default: server.public_url).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("A CSV file of people (columns name,email,side with a header row); prints it with a link column.", valueName: "file"))
    var csv: String?

    @Option(name: .long, help: ArgumentHelp("End every link and browser session of this participant (web:… or their e-mail address).", valueName: "participant"))
    var revoke: String?

    @Flag(name: .long, help: "E-mail each person their link through the SMTP server of `mail:` in the configuration.")
    var send = false

    @Option(name: .long, help: ArgumentHelp("The language of a new participant and of the mail: nl (the default) or en.", valueName: "nl|en"))
    var lang: String?

    @Flag(name: .long, help: "Print JSON: {\"participant\": …, \"link\": …} (one object per line with --csv).")
    var json = false

    @OptionGroup var common: StoreOptions

    func validate() throws {
        let modes = [name != nil, csv != nil, revoke != nil].filter { $0 }.count
        if modes == 0 { throw ValidationError("Give the person's name, --csv FILE, or --revoke PARTICIPANT.") }
        if modes > 1 { throw ValidationError("Give only one of: a name, --csv FILE, --revoke PARTICIPANT.") }
        if csv != nil || revoke != nil, email != nil || side != nil {
            throw ValidationError("--email and --side are for one person; with --csv they are columns of the file.")
        }
        if revoke != nil, coordinator || expires != nil || baseURL != nil || send || lang != nil {
            throw ValidationError("--revoke takes no --coordinator, --expires, --base-url, --send or --lang.")
        }
        if let lang, Language(spelling: lang) == nil { throw ValidationError("--lang is nl or en.") }
        if let side, PeopleCSV.side(side) == nil { throw ValidationError("--side is teacher or professional.") }
        if let expires, !(1...WebSettings.maxInvitationDays).contains(expires) {
            throw ValidationError("--expires is a whole number of days from 1 to \(WebSettings.maxInvitationDays).")
        }
        if let baseURL, ServerSettings.publicURL(baseURL) == nil {
            throw ValidationError("--base-url is an http:// or https:// address, such as https://twin.example.org.")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let configuration = try common.configuration()
            if let revoke {
                try await revokeLinks(revoke, configuration: configuration)
                return
            }
            guard let base = baseURL.flatMap(ServerSettings.publicURL) ?? configuration.server.publicURL else {
                throw CLIError(message: "No base URL for the link: pass --base-url https://… (where participants reach `jobtwin serve`), or set `server.public_url` in the configuration (or $JOBTWIN_PUBLIC_URL).")
            }
            var requests: [InvitationRequest]
            var people: PeopleCSV?
            if let csv {
                guard let data = FileManager.default.contents(atPath: csv) else {
                    throw CLIError(message: "Cannot read \(csv); check the path given with --csv.")
                }
                guard let text = String(data: data, encoding: .utf8) else { throw CLIError(message: "\(csv) is not UTF-8 text; save it as CSV UTF-8.") }
                let language = lang.flatMap(Language.init(spelling:))
                people = try CLIError.wrap { () throws(PeopleCSV.Problem) in
                    try PeopleCSV(text: text, file: csv, coordinator: coordinator, days: expires, language: language)
                }
                requests = people?.requests ?? []
            } else {
                let one = InvitationRequest(name: name ?? "", email: email, side: side.flatMap(PeopleCSV.side),
                                            isCoordinator: coordinator, days: expires, language: lang.flatMap(Language.init(spelling:)))
                requests = [try CLIError.wrap { () throws(InvitationError) in try Invitations.checked(one) }]
            }
            // Everything --send needs is checked before anyone is invited: all or nothing.
            if send { try Self.checkSendable(requests, mail: configuration.mail, people: people, file: csv) }
            let repository = try await common.repository(configuration)
            let service = Invitations(repository: repository, validityDays: configuration.web.invitationDays, language: configuration.language)
            let issued: [IssuedInvitation]
            do {
                issued = try await service.invite(requests, actor: AuditActor.current,
                                                  mail: send ? Self.mailComposer(configuration.mail, baseURL: base) : nil)
            } catch let error as InvitationError {
                throw CLIError(message: error.description)
            }
            var results: [MailResult] = []
            if send {
                // The links exist only now: whatever goes wrong with sending, they are printed.
                do {
                    results = try await deliverNow(issued, configuration: configuration, repository: repository)
                } catch {
                    results = issued.map { _ in MailResult(state: .queued, delivery: nil, reason: "not tried now (\(error))") }
                }
            }
            let result: (Int) -> MailResult? = { index in index < results.count ? results[index] : nil }
            if json {
                for (index, invitation) in issued.enumerated() {
                    var line = "{\"participant\": \(try Self.string(invitation.participant.description)), \"link\": \(try Self.string(invitation.link(baseURL: base)))"
                    if let mail = result(index) {
                        line += ", \"mail\": \(try Self.string(mail.state.rawValue))"
                        if let delivery = mail.delivery { line += ", \"delivery\": \(delivery)" }
                        if let reason = mail.reason { line += ", \"mail_error\": \(try Self.string(reason))" }
                    }
                    print(line + "}")
                }
            } else if let people {
                print((people.header + ["link"] + (send ? ["mail"] : [])).map(PeopleCSV.field).joined(separator: ","))
                for (index, (row, invitation)) in zip(people.rows, issued).enumerated() {
                    let mail = result(index).map { [$0.state.rawValue] } ?? []
                    print((row.fields + [invitation.link(baseURL: base)] + mail).map(PeopleCSV.field).joined(separator: ","))
                }
                for (index, row) in people.rows.enumerated() {
                    if let mail = result(index), let words = mail.sentence {
                        FileHandle.standardError.write(Data("\(csv ?? ""):\(row.line): \(words)\n".utf8))
                    }
                }
            } else if let invitation = issued.first {
                print(invitation.link(baseURL: base))
                let day = ISO8601DateFormatter.string(from: invitation.expiresAt, timeZone: .current, formatOptions: [.withFullDate])
                FileHandle.standardError.write(Data("\(invitation.isExistingParticipant ? "Another link for" : "Invited") \(invitation.participant); the link opens until \(day). Revoke it with `jobtwin invite --revoke \(invitation.participant)`.\n".utf8))
                if let mail = result(0) {
                    let words = mail.sentence ?? "E-mailed the link to \(requests.first?.email ?? "them")."
                    FileHandle.standardError.write(Data("\(words)\n".utf8))
                }
            }
            let refused = results.filter { $0.state == .refused }.count
            if refused > 0 {
                throw CLIError(message: "\(refused) of \(results.count) e-mail(s) were refused; the link(s) were made and printed all the same.")
            }
        }
    }

    /// What became of one invitation's mail right after inviting.
    struct MailResult {
        enum State: String { case sent, queued, refused }
        var state: State
        var delivery: Int64?
        var reason: String?

        /// What to tell the coordinator, when it was not simply sent.
        var sentence: String? {
            switch state {
            case .sent:
                return nil
            case .queued:
                return "The e-mail is not sent yet: \(reason ?? "not tried yet"). It waits in the outbox\(delivery.map { " (delivery \($0))" } ?? "") and is tried again by `jobtwin serve` or `jobtwin outbox deliver`; see `jobtwin outbox`."
            case .refused:
                return "The e-mail was refused: \(reason ?? "no reason given"). The link still works: send it yourself, or fix the cause and run `jobtwin outbox retry \(delivery.map(String.init) ?? "ID")`."
            }
        }
    }

    /// Refuses --send before anything is stored when there is no SMTP server, or a person has
    /// no (usable) e-mail address.
    private static func checkSendable(_ requests: [InvitationRequest], mail: MailSettings, people: PeopleCSV?, file: String?) throws {
        guard mail.isConfigured else {
            throw CLIError(message: "--send needs an SMTP server: set `mail: {smtp_url: \"smtp://mail.example.org:587\", from: \"Job Twinning <twin@example.org>\"}` in the configuration (or $JOBTWIN_SMTP_URL and $JOBTWIN_SMTP_FROM), and $JOBTWIN_SMTP_USER and $JOBTWIN_SMTP_PASSWORD if the server wants a login. Nobody was invited.")
        }
        for (index, request) in requests.enumerated() {
            let place = people.map { "\(file ?? ""):\($0.rows[index].line): " } ?? ""
            guard let address = request.email else {
                throw CLIError(message: place + (people == nil
                    ? "--send needs the person's e-mail address: add --email ADDRESS. Nobody was invited."
                    : "no e-mail address to send the link to; fill in the email column or leave --send out. Nobody was invited."))
            }
            guard MailAddress.isAddress(address) else {
                throw CLIError(message: place + "`\(address)` cannot be mailed to: give a plain address like anna@example.org. Nobody was invited.")
            }
        }
    }

    /// Writes the mail of an invitation: the person's language, their link, the outbox row.
    private static func mailComposer(_ mail: MailSettings, baseURL: String) -> @Sendable (InvitationRequest, IssuedInvitation) throws -> NewDelivery {
        let timeZone = TimeZone.current
        return { request, invitation in
            // `checkSendable` made sure of both; should it not hold, nobody is invited.
            guard let from = mail.from, let to = MailAddress(name: request.name, address: request.email ?? "") else {
                throw CLIError(message: "No sender (`mail.from`) or no usable e-mail address for \(request.name); nobody was invited.")
            }
            let texts = InvitationMail.compose(name: request.name, link: invitation.link(baseURL: baseURL), expiresAt: invitation.expiresAt,
                                               isCoordinator: request.isCoordinator, inviter: from.name,
                                               language: invitation.language, timeZone: timeZone)
            let now = Date()
            let message = MailMessage(from: from, to: to, subject: texts.subject, text: texts.text, html: texts.html,
                                      language: invitation.language, date: now)
            return NewDelivery(source: Delivery.invitationMailSource(invitation.participant, token: SecretDigest(of: invitation.token)),
                               eventID: nil, target: MailSettings.target, kind: "mail.invitation",
                               idempotencyKey: UUID().uuidString.lowercased(), payload: message.rendered(), createdAt: now)
        }
    }

    /// Sends the mails just queued (and any other mail due), then reads back what became of each.
    private func deliverNow(_ issued: [IssuedInvitation], configuration: JobTwinConfiguration,
                            repository: any TwinRepository) async throws -> [MailResult] {
        var logger = Logger(label: "jobtwin.invite") { label in StreamLogHandler.standardError(label: label) }
        // Every outcome is reported below, in the command's own words.
        logger.logLevel = .critical
        let worker = NotifySetup.mailWorker(configuration, repository: repository, transport: try NotifySetup.transport(), logger: logger)
        // A failed mail is scheduled at least a second ahead, so this ends once each was tried.
        while try await worker.deliverDue().attempted > 0 {}
        var results: [MailResult] = []
        for invitation in issued {
            let source = Delivery.invitationMailSource(invitation.participant, token: SecretDigest(of: invitation.token))
            let delivery = try await repository.read { try $0.delivery(source: source, target: MailSettings.target) }
            switch delivery?.status {
            case .delivered?: results.append(MailResult(state: .sent, delivery: delivery?.id))
            case .dead?: results.append(MailResult(state: .refused, delivery: delivery?.id, reason: delivery?.lastError))
            default: results.append(MailResult(state: .queued, delivery: delivery?.id, reason: delivery?.lastError))
            }
        }
        return results
    }

    /// Ends the links and sessions of `who`: a participant id, or an e-mail address of an invitation.
    private func revokeLinks(_ who: String, configuration: JobTwinConfiguration) async throws {
        let repository = try await common.repository(configuration)
        let participant: ParticipantID
        if who.contains("@"), !who.hasPrefix("web:") {
            guard let found = try await repository.read({ try $0.invitedParticipant(email: who) }) else {
                throw CLIError(message: "Nobody was invited with the e-mail address \(who); give the participant id (web:…) that `jobtwin invite` printed.")
            }
            participant = found
        } else {
            guard let id = ParticipantID(who) else {
                throw CLIError(message: "`\(who)` is not a participant id; give the id that `jobtwin invite` printed (web:…), or the e-mail address.")
            }
            participant = id
        }
        let service = Invitations(repository: repository, validityDays: configuration.web.invitationDays, language: configuration.language)
        let revocation: Invitations.Revocation
        do {
            revocation = try await service.revoke(participant, actor: AuditActor.current)
        } catch let error as InvitationError {
            throw CLIError(message: error.description)
        }
        if json {
            print(try Self.json(["participant": participant.description, "links": revocation.links, "sessions": revocation.sessions]))
        } else {
            print("Revoked \(revocation.links) link(s) of \(participant) and ended \(revocation.sessions) browser session(s).")
        }
    }

    /// `text` as a JSON string.
    private static func string(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
    }

    private static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }
}
