import Foundation
import JSONText
import Logging
import Testing
import Twinning
import TwinAssistant
import TwinConfiguration
import TwinNotify
import TwinRendering
import TwinStore
import TwinLanguage
import JobTwinTestSupport

/// The assistant writing first: programme events become direct messages on Slack and
/// Mattermost through the outbox, against fakes of Slack's Web API and Mattermost's API on
/// loopback that record what they get and fail on command.
@Suite("Direct messages")
struct DirectMessageTests {
    /// Anna on Slack (Dutch), Bram on Mattermost (English), both with consent, a confirmed pair.
    final class Setup: @unchecked Sendable {
        let fixture: NotifyFixture
        let anna = ParticipantID("slack:T1:UANNA") ?? ParticipantID("repl:x")!
        let bram = ParticipantID("mattermost:t1:ubram") ?? ParticipantID("repl:y")!
        static let pairID = "pair-dm"

        init() async throws {
            fixture = try NotifyFixture()
            let now = fixture.clock.now()
            let (anna, bram) = (self.anna, self.bram)
            try await fixture.repository.transaction { tx in
                try tx.save(Participant(id: anna, language: .nl, phase: .kennismaking, createdAt: now))
                try tx.save(Participant(id: bram, language: .en, phase: .kennismaking, createdAt: now))
                try tx.save(NotifyFixture.profile("Anna de Vries", .teacher, now), for: anna)
                try tx.save(NotifyFixture.profile("Bram Jansen", .professional, now), for: bram)
                for id in [anna, bram] {
                    try tx.record(ConsentDecision(purpose: .processing, textVersion: "v1", given: true, recordedAt: now), for: id)
                }
                try tx.save(Pair(id: Self.pairID, teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                                 proposedAt: now, teacherConfirmedAt: now, professionalConfirmedAt: now, confirmedAt: now))
            }
        }

        func record(_ kind: ProgrammeEvent.Kind, _ people: [ParticipantID]) async throws {
            let event = ProgrammeEvent(kind: kind, participants: people, pairID: Self.pairID, occurredAt: fixture.clock.now())
            try await fixture.repository.transaction { try $0.record(event) }
        }

        func worker(_ receiver: TestReceiver, quiet: QuietHours = .none, targets: [NotificationTarget] = [],
                    slack: Bool = true, mattermost: Bool = true) throws -> OutboxWorker {
            var settings = DirectMessageSettings()
            settings.quietHours = quiet
            let channels = DirectMessageChannels(
                slackBotToken: slack ? Secret("xoxb-dm-token", source: "test") : nil,
                mattermost: mattermost ? (receiver.url + "/mm", Secret("mm-bot-token", source: "test") ?? Secret("-", source: "-")!) : nil,
                mattermostButtons: ("https://jobtwin.example.nl/mattermost/actions", ActionToken(secret: "action-secret")),
                settings: settings)
            var notifications = NotificationSettings()
            notifications.targets = targets
            var options = OutboxOptions()
            options.baseBackoff = 1
            options.slackAPIBaseURL = receiver.url + "/slack"
            return OutboxWorker(repository: fixture.repository, notifications: notifications, transport: try CurlTransport(),
                                clock: fixture.clock, options: options, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
                                directMessages: channels, random: { 0.999_999 })
        }
    }

    /// The fakes' happy answers.
    static func platforms(_ receiver: TestReceiver) {
        receiver.route("/slack/conversations.open", fallback: .status(200, body: #"{"ok": true, "channel": {"id": "DANNA"}}"#))
        receiver.route("/slack/chat.postMessage", fallback: .status(200, body: #"{"ok": true, "ts": "1.2"}"#))
        receiver.route("/mm/api/v4/users/me", fallback: .status(200, body: #"{"id": "botuser"}"#))
        receiver.route("/mm/api/v4/channels/direct", fallback: .status(201, body: #"{"id": "dmchannel"}"#))
        receiver.route("/mm/api/v4/posts", fallback: .status(201, body: #"{"id": "post1"}"#))
    }

    @Test("a plan to confirm reaches the partner as a direct message with the button that starts the confirmation, once")
    func planToConfirm() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            try await setup.record(.planAwaitingConfirmation, [setup.anna])
            let worker = try setup.worker(receiver)
            let round = try await worker.drain()
            #expect(round.delivered == 1)
            let received = receiver.received
            #expect(received.map(\.path) == ["/slack/conversations.open", "/slack/chat.postMessage"])
            try #require(received.count == 2)
            #expect(received[0].json["users"] as? String == "UANNA")
            #expect(received[0].headers["authorization"] == "Bearer xoxb-dm-token")
            let post = received[1].json
            #expect(post["channel"] as? String == "DANNA")
            #expect((post["text"] as? String)?.contains("Bram Jansen heeft een planning voorgesteld") == true)
            let blocks = try #require(post["blocks"] as? [[String: Any]])
            let actions = try #require(blocks.first { $0["type"] as? String == "actions" })
            #expect(PromptButton(encoded: actions["block_id"] as? String ?? "") == PromptButton(slot: "menu.action", turn: nil, owner: "UANNA"))
            let button = try #require((actions["elements"] as? [[String: Any]])?.first)
            #expect(button["value"] as? String == "confirm_plan")
            #expect(((button["text"] as? [String: Any])?["text"] as? String) == "Planning bekijken en bevestigen")
            #expect(String(decoding: received[1].body, as: UTF8.self).contains("geen herinneringen"))

            // Fanned out once: another round adds nothing; the key is the event's and the person's.
            #expect(try await worker.fanOut() == 0)
            let delivery = try #require(try await setup.fixture.deliveries().first)
            #expect(delivery.idempotencyKey.hasPrefix("dm:") && delivery.idempotencyKey.hasSuffix(":slack:T1:UANNA"))
            #expect(delivery.status == .delivered)
        }
    }

    @Test("an app installed without im:write posts to the user id, which Slack takes as the app's direct message")
    func withoutIMWrite() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            receiver.route("/slack/conversations.open", [.status(200, body: #"{"ok": false, "error": "missing_scope", "needed": "im:write"}"#)])
            try await setup.record(.planAwaitingConfirmation, [setup.anna])
            #expect(try await setup.worker(receiver, mattermost: false).drain().delivered == 1)
            let post = try #require(receiver.received.last { $0.path == "/slack/chat.postMessage" })
            #expect(post.json["channel"] as? String == "UANNA")
        }
    }

    @Test("Mattermost: the bot's id and the direct channel are found, the post carries a signed start button")
    func mattermost() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            try await setup.record(.activityAwaitingConfirmation, [setup.bram])
            try await setup.record(.reminderInactivity, [setup.anna, setup.bram])
            let round = try await setup.worker(receiver).drain()
            #expect(round.delivered == 3)
            let mattermost = receiver.received.filter { $0.path.hasPrefix("/mm/") }
            #expect(mattermost.map(\.path) == ["/mm/api/v4/users/me", "/mm/api/v4/channels/direct", "/mm/api/v4/posts", "/mm/api/v4/posts"],
                    "the bot's id and the channel are looked up once")
            try #require(mattermost.count == 4)
            #expect(mattermost[0].method == "GET")
            #expect(mattermost[1].headers["authorization"] == "Bearer mm-bot-token")
            let members = try #require(try JSONSerialization.jsonObject(with: mattermost[1].body) as? [String])
            #expect(members == ["botuser", "ubram"])
            let first = mattermost[2].json
            #expect(first["channel_id"] as? String == "dmchannel")
            #expect((first["message"] as? String)?.contains("Anna de Vries has logged an activity") == true)
            let attachments = try #require((first["props"] as? [String: Any])?["attachments"] as? [[String: Any]])
            let action = try #require((attachments.first?["actions"] as? [[String: Any]])?.first)
            let context = try #require((action["integration"] as? [String: Any])?["context"] as? [String: Any])
            #expect(context["answer"] as? String == "confirm_activity")
            let token = try #require(context["token"] as? String)
            #expect(ActionToken(secret: "action-secret").isValid(token, participant: "mattermost:t1:ubram",
                                                                 button: PromptButton(slot: "menu.action", turn: nil), answer: "confirm_activity"))
            #expect((mattermost[3].json["message"] as? String)?.contains("It has been quiet for a while") == true)
        }
    }

    @Test("a direct message written at night is held until the morning, then sent")
    func quietHours() async throws {
        let setup = try await Setup()
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = amsterdam
        // Tuesday 8 December 2026, 22:30 in Amsterdam.
        let night = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 8, hour: 22, minute: 30)))
        setup.fixture.clock.set(night)
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            try await setup.record(.coordinatorNudge, [setup.anna, setup.bram])
            let worker = try setup.worker(receiver, quiet: QuietHours(timeZone: amsterdam))
            #expect(try await worker.drain().attempted == 0)
            let held = try await setup.fixture.deliveries()
            #expect(held.count == 2)
            let morning = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 9, hour: 8)))
            #expect(held.allSatisfy { $0.status == .pending && $0.nextAttemptAt == morning }, "held, not dropped")
            #expect(receiver.received.isEmpty)

            setup.fixture.clock.set(morning.addingTimeInterval(60))
            #expect(try await worker.drain().delivered == 2)
            #expect(receiver.received.filter { $0.path.hasSuffix("chat.postMessage") || $0.path.hasSuffix("/posts") }.count == 2)
        }
    }

    @Test("quiet hours: the evening, the night and the weekend wait for Monday morning; the day goes at once")
    func quietHoursRule() throws {
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = amsterdam
        func at(_ day: Int, _ hour: Int, _ minute: Int = 0) throws -> Date {
            try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: day, hour: hour, minute: minute)))
        }
        let quiet = QuietHours(timeZone: amsterdam)
        #expect(quiet.nextAllowed(after: try at(8, 10)) == (try at(8, 10)), "Tuesday morning goes at once")
        #expect(quiet.nextAllowed(after: try at(8, 18)) == (try at(9, 8)))
        #expect(quiet.nextAllowed(after: try at(9, 3)) == (try at(9, 8)))
        #expect(quiet.nextAllowed(after: try at(11, 17, 59)) == (try at(11, 17, 59)), "Friday before six")
        #expect(quiet.nextAllowed(after: try at(11, 19)) == (try at(14, 8)), "Friday evening waits for Monday")
        #expect(quiet.nextAllowed(after: try at(12, 12)) == (try at(14, 8)), "Saturday")
        var weekdays = quiet
        weekdays.weekends = false
        #expect(weekdays.nextAllowed(after: try at(12, 12)) == (try at(12, 12)))
        #expect(QuietHours.none.nextAllowed(after: try at(12, 23)) == (try at(12, 23)))

        // Daylight saving: the night ends at 08:00 on the clock, on the day the clocks go back
        // (25 October 2026) and the day they go forward (29 March 2026) alike.
        func wall(_ month: Int, _ day: Int, _ hour: Int) throws -> Date {
            try #require(calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour)))
        }
        #expect(weekdays.nextAllowed(after: try wall(10, 25, 3)) == (try wall(10, 25, 8)))
        #expect(weekdays.nextAllowed(after: try wall(3, 29, 4)) == (try wall(3, 29, 8)))
        #expect(calendar.component(.hour, from: weekdays.nextAllowed(after: try wall(10, 24, 23))) == 8)
    }

    @Test("switched on later, direct messages start with new events: nothing older, and nothing two days old")
    func noFloodWhenSwitchedOn() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            try await setup.record(.reminderInactivity, [setup.anna, setup.bram])
            // A worker without bots reads the event and writes nothing; its cursor moves on.
            _ = try await setup.worker(receiver, slack: false, mattermost: false).drain()
            #expect(try await setup.fixture.deliveries().isEmpty)
            let worker = try setup.worker(receiver)
            #expect(try await worker.fanOut() == 0, "the event from before is not sent now")
            // An event that waited three days (the worker was down) is not news any more.
            let old = ProgrammeEvent(kind: .coordinatorNudge, participants: [setup.anna, setup.bram], pairID: Setup.pairID,
                                     occurredAt: setup.fixture.clock.now().addingTimeInterval(-3 * 86_400))
            try await setup.fixture.repository.transaction { try $0.record(old) }
            #expect(try await worker.fanOut() == 0)
            try await setup.record(.coordinatorNudge, [setup.anna, setup.bram])
            #expect(try await worker.fanOut() == 2)
        }
    }

    @Test("a failed post is retried after a 500 and after a 429's Retry-After, under the same key")
    func retries() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            receiver.route("/slack/chat.postMessage", [.status(500), .status(429, headers: ["Retry-After": "7"], body: #"{"ok": false, "error": "ratelimited"}"#)])
            try await setup.record(.matchProposed, [setup.anna, setup.bram])
            let worker = try setup.worker(receiver, mattermost: false)
            var round = try await worker.drain()
            #expect(round.retried == 1 && round.delivered == 0)
            setup.fixture.clock.advance(by: 5)
            round = try await worker.drain()
            #expect(round.retried == 1)
            var delivery = try #require(try await setup.fixture.deliveries().first)
            #expect(delivery.nextAttemptAt == setup.fixture.clock.now().addingTimeInterval(7), "Slack's Retry-After is honoured")
            setup.fixture.clock.advance(by: 8)
            round = try await worker.drain()
            #expect(round.delivered == 1)
            let posts = receiver.received.filter { $0.path == "/slack/chat.postMessage" }
            #expect(posts.count == 3)
            #expect(Set(posts.map(\.idempotencyKey)).count == 1)
            #expect(Set(posts.map(\.body)).count == 1, "the same bytes each time")
            delivery = try #require(try await setup.fixture.deliveries().first)
            #expect(delivery.status == .delivered && delivery.attempts == 3)
            #expect(receiver.received.filter { $0.path == "/slack/conversations.open" }.count == 1, "the channel is remembered")
        }
    }

    @Test("a knelpunt a participant reported reaches the coordinators' target with their words, and nobody as a direct message")
    func reportedBottleneck() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            receiver.setFallback(.status(200, body: "ok"))
            let (anna, now) = (setup.anna, setup.fixture.clock.now())
            try await setup.fixture.repository.transaction { tx in
                _ = try tx.save(ReportedBottleneck(pairID: Setup.pairID, participant: anna, topic: .noTime,
                                                   words: "De toetsweek schuift steeds op", reportedAt: now))
                _ = try tx.flag(Bottleneck(kind: .reported, pairID: Setup.pairID, participant: anna, detectedAt: now))
            }
            try await setup.record(.bottleneckReported, [anna])
            let worker = try setup.worker(receiver, targets: [NotifyFixture.target("ops", receiver, language: .nl)])
            _ = try await worker.fanOut()
            let deliveries = try await setup.fixture.deliveries()
            #expect(!deliveries.contains { $0.source.hasPrefix("dm:") }, "neither Anna nor her partner gets a direct message")
            #expect(deliveries.map(\.kind) == ["bottleneck.reported"])
            _ = try await worker.drain()
            let received = try #require(try await receiver.waitFor(1).first { $0.path == "/hook" })
            let text = try #require((received.json["text"] as? [String: Any])?["nl"] as? String)
            #expect(text.contains("Anna de Vries meldt een knelpunt in het duo Anna de Vries (docent) en Bram Jansen (professional): geen tijd of ruimte."))
            #expect(text.contains("\u{201C}De toetsweek schuift steeds op\u{201D}"))
            #expect(text.contains("De partner weet hier niet van."))
            #expect((received.json["title"] as? [String: Any])?["en"] as? String == "Bottleneck reported by a participant")
        }
    }

    @Test("nothing goes to someone who switched them off, withdrew consent, was erased, or is on a channel without a bot")
    func whoGetsNothing() async throws {
        let setup = try await Setup()
        try await TestReceiver.with { receiver in
            Self.platforms(receiver)
            let (anna, bram) = (setup.anna, setup.bram)
            let now = setup.fixture.clock.now()
            // Anna switched them off; a held message for Bram meets his withdrawn consent.
            try await setup.fixture.repository.transaction { try $0.record(MessagePreference(directMessages: false, at: now), for: anna) }
            try await setup.record(.reminderInactivity, [anna, bram])
            let worker = try setup.worker(receiver, targets: [NotifyFixture.target("ops", receiver)])
            #expect(try await worker.fanOut() >= 1)
            #expect(try await setup.fixture.deliveries().filter { $0.source.hasPrefix("dm:") }.map(\.target) == [DirectMessageChannels.mattermostTarget])
            try await setup.fixture.repository.transaction {
                try $0.record(ConsentDecision(purpose: .processing, textVersion: "v1", given: false, recordedAt: now), for: bram)
            }
            let round = try await worker.drain()
            #expect(round.skipped == 1 && round.dead == 0, "a participant's choice is not a failure")
            #expect(receiver.received.filter { $0.path.hasPrefix("/mm/") || $0.path.hasPrefix("/slack/") }.isEmpty)
            #expect(receiver.received.filter { $0.path == "/hook" }.count == 1, "the event still reaches the configured target")
            let skipped = try #require(try await setup.fixture.deliveries().first { $0.status == .skipped })
            #expect(skipped.lastError?.contains("switched direct messages off or withdrew consent") == true)

            // Switched on again: the next event reaches Anna. Without the Slack bot: nothing for her.
            try await setup.fixture.repository.transaction { try $0.record(MessagePreference(directMessages: true, at: now), for: anna) }
            try await setup.record(.coordinatorNudge, [anna, bram])
            let withoutSlack = try setup.worker(receiver, slack: false)
            _ = try await withoutSlack.fanOut()
            #expect(try await setup.fixture.deliveries().filter { $0.source.hasPrefix("dm:") && $0.target == DirectMessageChannels.slackTarget }.isEmpty)

            // A message held for the morning is gone with the person when they are erased.
            let amsterdam = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
            try await setup.record(.matchConfirmed, [anna, bram])
            let held = try setup.worker(receiver, quiet: QuietHours(startMinute: 0, endMinute: 24 * 60 - 1, weekends: true, timeZone: amsterdam))
            _ = try await held.fanOut()
            #expect(try await setup.fixture.deliveries().contains { $0.source.hasPrefix("dm:") && $0.target == DirectMessageChannels.slackTarget && $0.status == .pending })
            // A bottleneck's advice goes to both, though its event names only Bram: erasing Anna
            // takes her message too.
            try await setup.record(.bottleneckFlagged, [bram])
            _ = try await held.fanOut()
            #expect(try await setup.fixture.deliveries().contains { $0.kind == "dm.bottleneck.flagged" && $0.source.contains("UANNA") })
            _ = try await ParticipantErasure.erase(anna, reason: .command, actor: "repl:admin", repository: setup.fixture.repository, now: now)
            #expect(try await setup.fixture.deliveries().allSatisfy { !$0.source.contains("UANNA") && $0.orderingKey?.contains("UANNA") != true })
            setup.fixture.clock.advance(days: 3)
            let before = receiver.received.count
            _ = try await setup.worker(receiver).drain()
            #expect(!receiver.received.dropFirst(before).contains { String(decoding: $0.body, as: UTF8.self).contains("UANNA") })
        }
    }
}
