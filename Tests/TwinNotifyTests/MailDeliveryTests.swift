import Foundation
import JobTwinTestSupport
import Logging
import Testing
import Twinning
import TwinAssistant
import TwinConfiguration
import TwinLanguage
import TwinNotify
import TwinStore

/// Invitation mails through the outbox worker with the clock moved instead of waiting: the
/// back-off after a 4xx, the dead letter after a 5xx or the last attempt, what is kept once a
/// mail is delivered, and the retention purge and export of mails whose link no longer opens.
@Suite("Invitation mail in the outbox")
struct MailDeliveryTests {
    /// Mail settings for `smtp`, with a login.
    static func settings(_ smtp: SMTPReceiver, maxAttempts: Int = 5) -> MailSettings {
        var mail = MailSettings()
        mail.smtpURL = smtp.url
        mail.from = MailAddress("Job Twinning <twin@example.org>")
        mail.user = Secret("mailer", source: "test")
        mail.password = Secret("pw-test-7", source: "test")
        mail.maxAttempts = maxAttempts
        mail.timeoutSeconds = 10
        return mail
    }

    /// A worker for mail alone, backoff from 1 s with the jitter at its top.
    static func worker(_ fixture: NotifyFixture, mail: MailSettings) throws -> OutboxWorker {
        var options = OutboxOptions()
        options.baseBackoff = 1
        options.maxBackoff = 60
        return OutboxWorker(repository: fixture.repository, notifications: NotificationSettings(), transport: try CurlTransport(),
                            clock: fixture.clock, options: options, logger: Logger(label: "test.mail") { _ in SwiftLogNoOpLogHandler() },
                            mail: mail, random: { 0.999_999 })
    }

    /// Invites Anna with her mail queued, the way `jobtwin invite --send` does; returns the invitation.
    static func invite(_ fixture: NotifyFixture, days: Int = 30) async throws -> IssuedInvitation {
        let service = Invitations(repository: fixture.repository, clock: fixture.clock, validityDays: days)
        let now = fixture.clock.now()
        let from = try #require(MailAddress("Job Twinning <twin@example.org>"))
        let to = try #require(MailAddress(name: "Anna de Vries", address: "anna@example.org"))
        let made = try await service.invite([InvitationRequest(name: "Anna de Vries", email: "anna@example.org")], actor: "test") { request, issued in
            let texts = InvitationMail.compose(name: request.name, link: issued.link(baseURL: "https://t.example"), expiresAt: issued.expiresAt,
                                               isCoordinator: false, inviter: from.name, language: issued.language)
            let message = MailMessage(from: from, to: to, subject: texts.subject, text: texts.text, html: texts.html,
                                      language: issued.language, date: now)
            return NewDelivery(source: Delivery.invitationMailSource(issued.participant, token: SecretDigest(of: issued.token)), eventID: nil,
                               target: MailSettings.target, kind: "mail.invitation", idempotencyKey: UUID().uuidString,
                               payload: message.rendered(), createdAt: now)
        }
        return try #require(made.first)
    }

    @Test("a 4xx is retried after the back-off with the same bytes; once delivered only the fact is kept, and audited")
    func backoffThenDelivered() async throws {
        let fixture = try NotifyFixture()
        let smtp = try SMTPReceiver(answers: [.reply(451, "4.3.0 try later"), .reply(452, "4.2.2 mailbox full")])
        let worker = try Self.worker(fixture, mail: Self.settings(smtp))
        let invitation = try await Self.invite(fixture)
        let start = fixture.clock.now()
        let queued = try #require(try await fixture.deliveries().first)
        #expect(queued.status == .pending && queued.target == "mail" && MailMessage.recipient(of: queued.payload) == "anna@example.org")

        #expect(try await worker.deliverDue().retried == 1)
        var delivery = try #require(try await fixture.deliveries().first)
        #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastStatus == 451)
        #expect(delivery.lastError?.contains("answered 451") == true, "\(delivery.lastError ?? "")")
        #expect(abs(delivery.nextAttemptAt.timeIntervalSince(start) - 1) < 0.01)
        #expect(try await worker.deliverDue().attempted == 0, "not due yet")

        fixture.clock.advance(by: 1)
        #expect(try await worker.deliverDue().retried == 1)
        delivery = try #require(try await fixture.deliveries().first)
        #expect(abs(delivery.nextAttemptAt.timeIntervalSince(start) - 3) < 0.01, "then ~2 s more")

        fixture.clock.advance(by: 2)
        #expect(try await worker.deliverDue().delivered == 1)
        delivery = try #require(try await fixture.deliveries().first)
        #expect(delivery.status == .delivered && delivery.attempts == 3 && delivery.payload.isEmpty)
        #expect(smtp.mails.count == 1 && smtp.refusedCount == 2)
        try #require(!smtp.mails.isEmpty, "no mail reached the SMTP receiver")
        #expect(Data(smtp.mails[0].data.utf8) + Data("\r\n".utf8) == queued.payload, "the stored bytes, as stored")
        #expect(smtp.mails[0].login?.user == "mailer" && smtp.mails[0].login?.password == "pw-test-7")
        let audit = try await fixture.repository.auditLog()
        #expect(audit.contains { $0.action == "invite.mail" && $0.subject == invitation.participant.description && $0.detail.contains("e-mailed") })
        #expect(audit.contains { $0.action == "invite" && $0.detail.contains("queued to be e-mailed") })
    }

    @Test("a 5xx is dead at once; the last 4xx attempt is dead too; both audited as given up")
    func deadLetter() async throws {
        let fixture = try NotifyFixture()
        let smtp = try SMTPReceiver(answers: [.reply(554, "5.7.1 rejected as spam")])
        _ = try await Self.invite(fixture)
        #expect(try await Self.worker(fixture, mail: Self.settings(smtp)).deliverDue().dead == 1)
        let dead = try #require(try await fixture.deliveries().first)
        #expect(dead.status == .dead && dead.lastStatus == 554 && dead.lastError?.contains("refused the mail with 554") == true)
        #expect(!dead.payload.isEmpty, "kept for `jobtwin outbox retry` while the link opens")

        let twice = try NotifyFixture()
        let busy = try SMTPReceiver(answers: [.reply(421, "4.4.5 busy"), .reply(421, "4.4.5 busy")])
        let worker = try Self.worker(twice, mail: Self.settings(busy, maxAttempts: 2))
        _ = try await Self.invite(twice)
        #expect(try await worker.deliverDue().retried == 1)
        twice.clock.advance(by: 5)
        #expect(try await worker.deliverDue().dead == 1)
        let given = try #require(try await twice.deliveries().first)
        #expect(given.status == .dead && given.lastError?.hasPrefix("gave up after 2 attempts") == true)
        #expect(try await twice.repository.auditLog().contains { $0.action == "invite.mail" && $0.detail.contains("given up") })
        #expect(smtp.mails.isEmpty && busy.mails.isEmpty)
    }

    @Test("the export leaves a mail's link out; the purge deletes undelivered mails once their link expired")
    func exportAndPurge() async throws {
        let fixture = try NotifyFixture()
        let invitation = try await Self.invite(fixture, days: 2)
        let export = String(decoding: try await fixture.repository.exportPersonalData(of: invitation.participant, at: fixture.clock.now()), as: UTF8.self)
        #expect(export.contains("mail.invitation") && !export.contains(invitation.token), "the export names the mail, not the link")

        var outcome = try await RetentionPurge.run(fixture.repository, settings: RetentionSettings(), coordinators: [],
                                                   now: fixture.clock.now(), actor: "test")
        #expect(outcome.droppedMails == 0, "the link still opens")
        #expect(try await fixture.deliveries().count == 1)
        fixture.clock.advance(by: 3 * 86_400)
        outcome = try await RetentionPurge.run(fixture.repository, settings: RetentionSettings(), coordinators: [],
                                               now: fixture.clock.now(), actor: "test")
        #expect(outcome.droppedMails == 1)
        #expect(try await fixture.deliveries().isEmpty)
    }
}
