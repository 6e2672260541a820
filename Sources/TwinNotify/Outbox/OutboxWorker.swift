import Foundation
public import Logging
public import Twinning
public import TwinStore
public import TwinConfiguration

/// Drains the notification outbox: fans new events (and Slack Events API replies waiting to be
/// posted) out to the configured targets as delivery rows, and to the participants they concern
/// as direct messages, then posts the due deliveries with libcurl, many at once, and records
/// each outcome.
///
/// Delivery is at least once. A delivery is claimed with a lease before it is sent; if the
/// process dies meanwhile, the lease runs out and the next worker sends it again with the same
/// idempotency key and the same bytes. A 2xx marks it delivered; 429 waits for `Retry-After`;
/// 408, 5xx, timeouts and connection failures are retried with exponential backoff and jitter
/// until the target's `max_attempts`; any other answer is permanent and goes to dead-letter
/// with the reason at once.
public final class OutboxWorker: Sendable {
    private let repository: any TwinRepository
    private let notifications: NotificationSettings
    private let slackBotToken: Secret?
    private let transport: CurlTransport
    private let clock: any WallClock
    private let options: OutboxOptions
    private let logger: Logger
    private let random: @Sendable () -> Double
    private let directMessages: DirectMessageChannels?
    private let sender: DirectMessageSender?
    private let mail: MailSettings?

    /// Creates a worker.
    ///
    /// - Parameters:
    ///   - notifications: the targets; events go to those whose `events:` match.
    ///   - slackBotToken: posts the Events API replies; without it they wait in the database.
    ///   - clock: the time of every decision (due, backoff, lease); tests pass a `ManualClock`.
    ///   - directMessages: the bots that write to participants first; `nil`: none.
    ///   - random: numbers in 0..<1 for the jitter; tests may fix it.
    ///   - mail: the SMTP server of the invitation mails (target `mail`); `nil` or not
    ///     configured: they wait in the outbox.
    public init(repository: any TwinRepository, notifications: NotificationSettings, slackBotToken: Secret? = nil,
                transport: CurlTransport, clock: any WallClock = SystemClock(), options: OutboxOptions = OutboxOptions(),
                logger: Logger = Logger(label: "jobtwin.notify"), directMessages: DirectMessageChannels? = nil,
                mail: MailSettings? = nil,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.mail = mail.flatMap { $0.isConfigured ? $0 : nil }
        self.repository = repository
        self.notifications = notifications
        self.slackBotToken = slackBotToken
        self.transport = transport
        self.clock = clock
        self.options = options
        self.logger = logger
        self.random = random
        self.directMessages = directMessages.flatMap { $0.targets.isEmpty ? nil : $0 }
        self.sender = self.directMessages.map {
            DirectMessageSender(channels: $0, transport: transport, slackAPIBaseURL: options.slackAPIBaseURL, clock: { clock.now() })
        }
    }

    // MARK: - Fan-out

    /// Turns new events into deliveries for the targets that want them, and undelivered Slack
    /// replies into deliveries for the bot, in one transaction; returns how many were added.
    /// Runs until no new events are left.
    @discardableResult
    public func fanOut() async throws -> Int {
        var added = 0
        while true {
            let (count, more) = try await fanOutBatch()
            added += count
            if !more { return added }
        }
    }

    private func fanOutBatch() async throws -> (Int, Bool) {
        let targets = notifications.targets
        let now = clock.now()
        let batch = options.fanOutBatch
        let postsReplies = slackBotToken != nil
        let direct = directMessages.map(DirectMessageFanOut.init)
        return try await repository.transaction { tx in
            // Without any target the events stay unread, for the targets configured later (a
            // run without the configuration must not swallow them).
            let events = targets.isEmpty ? [] : try tx.events(after: try tx.outboxCursor(), limit: batch)
            var deliveries: [NewDelivery] = []
            var cache = EventContext.Cache()
            for stored in events {
                let wanting = targets.filter { $0.wants(stored.event.kind) }
                guard !wanting.isEmpty else { continue }
                let context = try EventContext.load(for: stored.event, from: tx, cache: &cache)
                let (title, text) = EventText.texts(stored.event, context: context)
                for target in wanting {
                    let key = UUID().uuidString.lowercased()
                    let message = NotificationMessage(kind: stored.event.kind.rawValue, eventID: stored.id, pairID: stored.event.pairID,
                                                      participants: stored.event.participants, title: title, text: text,
                                                      occurredAt: stored.event.occurredAt, idempotencyKey: key)
                    deliveries.append(NewDelivery(source: "event:\(stored.id)", eventID: stored.id, target: target.name,
                                                  kind: message.kind, idempotencyKey: key,
                                                  payload: PayloadBuilder.body(message, for: target), createdAt: now))
                }
            }
            if let last = events.last { try tx.setOutboxCursor(last.id) }
            // Direct messages keep a cursor of their own: they go on when no target is set.
            // Without direct messages (none configured, or switched off) the cursor moves on all
            // the same, so that switching them on later does not send what happened before.
            let directEvents = try tx.events(after: try tx.outboxCursor(named: DirectMessageFanOut.cursor), limit: batch)
            if let direct { deliveries += try direct.deliveries(for: directEvents, now: now, tx: tx, cache: &cache) }
            if let last = directEvents.last { try tx.setOutboxCursor(last.id, named: DirectMessageFanOut.cursor) }
            var replies: [ProcessedRequest] = []
            if postsReplies {
                replies = try tx.unqueuedReplies(channel: SlackReply.requestChannel, limit: batch)
                for request in replies {
                    deliveries.append(NewDelivery(source: SlackReply.source(of: request), eventID: nil,
                                                  target: NotificationSettings.slackReplyTarget, kind: "slack.reply",
                                                  idempotencyKey: UUID().uuidString.lowercased(),
                                                  payload: SlackReply.payload(request),
                                                  orderingKey: request.participant.description, createdAt: now))
                }
            }
            try tx.enqueue(deliveries)
            return (deliveries.count, events.count == batch || replies.count == batch || directEvents.count == batch)
        }
    }

    // MARK: - Delivery

    /// The names of the targets this worker can deliver to.
    private var targetNames: [String] {
        notifications.targets.map(\.name) + (slackBotToken == nil ? [] : [NotificationSettings.slackReplyTarget])
            + (mail == nil ? [] : [MailSettings.target])
            + (directMessages?.targets ?? [])
    }

    /// How long a claimed delivery is held: twice the longest timeout and a second more, so a
    /// live worker always finishes first, and one killed mid-delivery frees it soon.
    private var lease: Double {
        let timeouts = notifications.targets.map { max($0.timeoutSeconds, $0.connectTimeoutSeconds) }
            + (slackBotToken == nil ? [] : [Self.slackTimeout])
            // A direct message may take three requests in a row (Mattermost's bot id, channel, post).
            + (directMessages == nil ? [] : [3 * DirectMessageSender.timeout])
            + (mail.map { [$0.timeoutSeconds] } ?? [])
        return 2 * (timeouts.max() ?? Self.slackTimeout) + 1
    }

    private static let slackTimeout: Double = 10

    /// Takes the deliveries due now (up to the batch size), sends them all at once and records
    /// each outcome.
    public func deliverDue() async throws -> DeliveryRound {
        let now = clock.now()
        let leaseUntil = now.addingTimeInterval(lease)
        let limit = options.batchSize
        let names = targetNames
        let (claimed, unwanted) = try await repository.transaction { tx in
            let claimed = try tx.claimDeliveries(now: now, leaseUntil: leaseUntil, limit: limit, targets: names)
            // A direct message held over the night goes only if its participant still wants it.
            let unwanted = try Set(claimed.filter { delivery in
                guard let recipient = DirectMessageFanOut.recipient(of: delivery) else { return false }
                return try !tx.allowsDirectMessages(recipient) || !tx.hasConsent(.processing, of: recipient)
            }.map(\.id))
            return (claimed, unwanted)
        }
        guard !claimed.isEmpty else { return DeliveryRound() }
        let results = await withTaskGroup(of: (Delivery, DeliveryOutcome, Int).self) { group in
            for delivery in claimed {
                if unwanted.contains(delivery.id) {
                    group.addTask {
                        (delivery, .skipped(reason: "not sent: the participant switched direct messages off or withdrew consent"), 0)
                    }
                    continue
                }
                group.addTask { await self.attempt(delivery) }
            }
            var results: [(Delivery, DeliveryOutcome, Int)] = []
            for await result in group { results.append(result) }
            return results
        }
        return try await record(results)
    }

    /// Fans out, then delivers round after round until nothing more is due now (for
    /// `jobtwin outbox deliver`). Deliveries whose retry lies in the future are left for later.
    public func drain() async throws -> DeliveryRound {
        try await fanOut()
        var total = DeliveryRound()
        while true {
            let round = try await deliverDue()
            total.add(round)
            if round.attempted == 0 { return total }
        }
    }

    /// Sends one delivery; returns its outcome and the new connections it opened.
    private func attempt(_ delivery: Delivery) async -> (Delivery, DeliveryOutcome, Int) {
        if let sender, directMessages?.targets.contains(delivery.target) == true {
            let (outcome, connections) = await sender.send(delivery)
            return (delivery, outcome, connections)
        }
        if delivery.target == MailSettings.target {
            guard let request = mailRequest(for: delivery) else {
                return (delivery, .permanent(reason: "the mail has no address in its To: header, or no SMTP server is configured", status: nil), 0)
            }
            do {
                let response = try await transport.send(request)
                return (delivery, DeliveryOutcome.classifyMail(response, server: mail?.displayURL ?? request.displayURL), response.newConnections)
            } catch {
                return (delivery, DeliveryOutcome.classify(error), 0)
            }
        }
        guard let request = request(for: delivery) else {
            return (delivery, .retry(reason: "the target `\(delivery.target)` has no URL or token now", status: nil, after: nil), 0)
        }
        do {
            let response = try await transport.send(request)
            let now = clock.now()
            let outcome = delivery.target == NotificationSettings.slackReplyTarget
                ? SlackReply.classify(response, endpoint: request.displayURL, now: now)
                : DeliveryOutcome.classify(response, endpoint: request.displayURL, now: now)
            return (delivery, outcome, response.newConnections)
        } catch {
            return (delivery, DeliveryOutcome.classify(error), 0)
        }
    }

    /// The HTTP request of a delivery: its stored payload, to the target's current URL, with the
    /// idempotency key.
    func request(for delivery: Delivery) -> OutboundRequest? {
        var headers = [HTTPHeader("Content-Type", "application/json; charset=utf-8"), HTTPHeader("Idempotency-Key", delivery.idempotencyKey)]
        if delivery.target == NotificationSettings.slackReplyTarget {
            guard let token = slackBotToken else { return nil }
            headers.append(HTTPHeader("Authorization", "Bearer \(token.value)"))
            return OutboundRequest(url: options.slackAPIBaseURL + "/chat.postMessage", headers: headers, body: delivery.payload,
                                   timeout: Self.slackTimeout, connectTimeout: 5)
        }
        guard let target = notifications.target(named: delivery.target) else { return nil }
        return OutboundRequest(url: target.url.value, headers: headers, body: delivery.payload,
                               timeout: target.timeoutSeconds, connectTimeout: target.connectTimeoutSeconds)
    }

    /// The SMTP submission of a mail: its stored message, to the address of its `To:` header,
    /// through the configured server with the credentials of the environment.
    func mailRequest(for delivery: Delivery) -> OutboundRequest? {
        guard let mail, let url = mail.smtpURL, let from = mail.from,
              let recipient = MailMessage.recipient(of: delivery.payload) else { return nil }
        let envelope = MailEnvelope(from: from.address, recipients: [recipient], user: mail.user, password: mail.password,
                                    requiresTLS: mail.requiresTLS)
        return OutboundRequest(url: url, method: "SMTP", body: delivery.payload, timeout: mail.timeoutSeconds,
                               connectTimeout: min(10, mail.timeoutSeconds), mail: envelope)
    }

    private func maxAttempts(_ delivery: Delivery) -> Int {
        if delivery.target == MailSettings.target, let mail { return mail.maxAttempts }
        return notifications.target(named: delivery.target)?.maxAttempts ?? options.slackReplyMaxAttempts
    }

    /// Writes the outcomes in one transaction.
    private func record(_ results: [(Delivery, DeliveryOutcome, Int)]) async throws -> DeliveryRound {
        let now = clock.now()
        let backoff = Backoff(base: options.baseBackoff, maximum: options.maxBackoff)
        var round = DeliveryRound()
        // The decisions (and their random jitter) are made here, the writing in the transaction.
        var updates: [(Delivery, DeliveryOutcome, Date?)] = []
        for (delivery, outcome, connections) in results {
            round.attempted += 1
            round.newConnections += connections
            switch outcome {
            case .delivered:
                round.delivered += 1
                updates.append((delivery, outcome, nil))
                logger.debug("delivered", metadata: ["delivery": "\(delivery.id)", "target": "\(delivery.target)", "kind": "\(delivery.kind)"])
            case .retry(let reason, let status, let after):
                let attempts = maxAttempts(delivery)
                if delivery.attempts >= attempts {
                    round.dead += 1
                    let final = DeliveryOutcome.permanent(reason: "gave up after \(delivery.attempts) attempts: \(reason)", status: status)
                    updates.append((delivery, final, nil))
                    logger.error("delivery moved to dead-letter", metadata: metadata(delivery, reason))
                } else {
                    round.retried += 1
                    let wait = after.map { min($0, options.maxRetryAfter) }
                        ?? backoff.delay(afterAttempts: delivery.attempts, random: random())
                    var next = now.addingTimeInterval(wait)
                    // A direct message retried into the evening waits for the morning too.
                    if let direct = directMessages, direct.targets.contains(delivery.target) {
                        next = direct.settings.quietHours.nextAllowed(after: next)
                    }
                    updates.append((delivery, outcome, next))
                    logger.warning("delivery failed; will retry", metadata: metadata(delivery, reason).merging(["retry_in_s": "\(Int(wait.rounded(.up)))"]) { a, _ in a })
                }
            case .skipped(let reason):
                round.skipped += 1
                updates.append((delivery, outcome, nil))
                logger.info("direct message not sent on purpose", metadata: metadata(delivery, reason))
            case .permanent(let reason, _):
                round.dead += 1
                updates.append((delivery, outcome, nil))
                logger.error("delivery refused; moved to dead-letter", metadata: metadata(delivery, reason))
            }
        }
        let decided = updates
        try await repository.transaction { tx in
            for (delivery, outcome, next) in decided {
                switch outcome {
                case .delivered(let status):
                    try tx.markDelivered(delivery.id, httpStatus: status, at: now)
                    if let participant = Delivery.invitationMailRecipient(source: delivery.source) {
                        // The message holds the personal link: once it is in the mailbox, the
                        // outbox keeps only that it was sent.
                        try tx.forgetPayload(delivery.id)
                        try tx.audit(AuditEntry(at: now, actor: Self.auditActor, action: "invite.mail", subject: participant.description,
                                                detail: "invitation link e-mailed (outbox delivery \(delivery.id))"))
                    }
                    if let reply = SlackReply.request(fromSource: delivery.source) {
                        try tx.markReplyDelivered(channel: reply.channel, requestID: reply.requestID, participant: reply.participant, at: now)
                    }
                case .retry(let reason, let status, _):
                    try tx.scheduleRetry(delivery.id, at: next ?? now, error: reason, httpStatus: status)
                case .permanent(let reason, let status):
                    try tx.markDead(delivery.id, error: reason, httpStatus: status)
                    if let participant = Delivery.invitationMailRecipient(source: delivery.source) {
                        try tx.audit(AuditEntry(at: now, actor: Self.auditActor, action: "invite.mail", subject: participant.description,
                                                detail: "invitation e-mail given up (outbox delivery \(delivery.id), see `jobtwin outbox dead`)"))
                    }
                case .skipped(let reason):
                    try tx.markSkipped(delivery.id, reason: reason)
                }
            }
        }
        return round
    }

    /// Who the audit log names for what the outbox did.
    static let auditActor = "outbox"

    private func metadata(_ delivery: Delivery, _ reason: String) -> Logger.Metadata {
        ["delivery": "\(delivery.id)", "target": "\(delivery.target)", "kind": "\(delivery.kind)",
         "attempt": "\(delivery.attempts)", "reason": "\(reason)"]
    }
}
