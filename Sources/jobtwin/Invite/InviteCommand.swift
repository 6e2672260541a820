import ArgumentParser
import Foundation
import Twinning
import TwinAssistant
import TwinConfiguration
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
        prints their link. Send it to them yourself: whoever has the link can open the chat as \
        them. A link opens on several devices until it expires (`web.invitation_days`, 30 days \
        by default, or --expires); the database keeps only a hash of it, so a lost link cannot \
        be printed again: make a new one.

        --csv FILE invites everyone in a file with the columns name,email,side (a header row; \
        quote a field that holds a comma) and prints the same CSV with a `link` column added. A \
        malformed row is reported as FILE:LINE and nobody is invited.

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
        if revoke != nil, coordinator || expires != nil || baseURL != nil {
            throw ValidationError("--revoke takes no --coordinator, --expires or --base-url.")
        }
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
                people = try CLIError.wrap { () throws(PeopleCSV.Problem) in
                    try PeopleCSV(text: text, file: csv, coordinator: coordinator, days: expires)
                }
                requests = people?.requests ?? []
            } else {
                let one = InvitationRequest(name: name ?? "", email: email, side: side.flatMap(PeopleCSV.side),
                                            isCoordinator: coordinator, days: expires)
                requests = [try CLIError.wrap { () throws(InvitationError) in try Invitations.checked(one) }]
            }
            let repository = try common.repository(configuration)
            let service = Invitations(repository: repository, validityDays: configuration.web.invitationDays, language: configuration.language)
            let issued: [IssuedInvitation]
            do {
                issued = try await service.invite(requests, actor: AuditActor.current)
            } catch let error as InvitationError {
                throw CLIError(message: error.description)
            }
            if json {
                for invitation in issued {
                    print("{\"participant\": \(try Self.string(invitation.participant.description)), \"link\": \(try Self.string(invitation.link(baseURL: base)))}")
                }
            } else if let people {
                print((people.header + ["link"]).map(PeopleCSV.field).joined(separator: ","))
                for (row, invitation) in zip(people.rows, issued) {
                    print((row.fields + [invitation.link(baseURL: base)]).map(PeopleCSV.field).joined(separator: ","))
                }
            } else if let invitation = issued.first {
                print(invitation.link(baseURL: base))
                let day = ISO8601DateFormatter.string(from: invitation.expiresAt, timeZone: .current, formatOptions: [.withFullDate])
                FileHandle.standardError.write(Data("\(invitation.isExistingParticipant ? "Another link for" : "Invited") \(invitation.participant); the link opens until \(day). Revoke it with `jobtwin invite --revoke \(invitation.participant)`.\n".utf8))
            }
        }
    }

    /// Ends the links and sessions of `who`: a participant id, or an e-mail address of an invitation.
    private func revokeLinks(_ who: String, configuration: JobTwinConfiguration) async throws {
        let repository = try common.repository(configuration)
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
