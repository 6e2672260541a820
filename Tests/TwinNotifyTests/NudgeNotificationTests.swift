import JSONText
import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinStore
import TwinConfiguration

/// The `coordinator.nudge` event: configurable as any event, its texts carry the coordinator's
/// words as the partners got them, and each platform escapes them.
@Suite("Coordinator nudge notifications")
struct NudgeNotificationTests {
    @Test("`coordinator.nudge` is a known event name for a target's `events:`")
    func configurable() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-nudge-\(UUID().uuidString).yaml").path
        try "notifications:\n  - {name: team, url: \"https://example.org/hook\", format: json, events: [coordinator.nudge]}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let target = try #require(try JobTwinConfiguration.load(file: path, environment: [:]).notifications.targets.first)
        #expect(target.wants(.coordinatorNudge))
        #expect(!target.wants(.matchConfirmed))
        #expect(ProgrammeEvent.Kind(rawValue: "coordinator.nudge") == .coordinatorNudge)
    }

    @Test("the texts name the pair and quote the message; Slack escapes it, and without the notices the message is left out")
    func texts() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        let now = fixture.clock.now()
        let (anna, bram) = (fixture.anna, fixture.bram)
        let event = ProgrammeEvent(kind: .coordinatorNudge, participants: [anna, bram], pairID: NotifyFixture.pairID, occurredAt: now)
        try await fixture.repository.transaction { tx in
            for id in [anna, bram] { try tx.add(NudgeNotice.notice(for: id, message: "Plan <!channel> jullie bezoek?", at: now)) }
            try tx.record(event)
        }
        let context = try await fixture.repository.read { try EventContext.load(for: event, from: $0) }
        #expect(context.nudge == "Plan <!channel> jullie bezoek?")
        let (title, text) = EventText.texts(event, context: context)
        #expect(title.nl == "Bericht van de coördinator")
        #expect(title.en == "Message from the coordinator")
        #expect(text.nl == "De coördinator heeft Anna de Vries (docent) en Bram Jansen (professional) een bericht gestuurd: “Plan <!channel> jullie bezoek?”")
        #expect(text.en.hasPrefix("The coordinator sent Anna de Vries (teacher) and Bram Jansen (professional) a message: "))

        let message = NotificationMessage(kind: event.kind.rawValue, eventID: 1, pairID: event.pairID, participants: event.participants,
                                          title: title, text: text, occurredAt: now, idempotencyKey: "k")
        let slack = String(decoding: PayloadBuilder.payload(message, format: .slack, language: .nl).data(), as: UTF8.self)
        #expect(!slack.contains("<!channel>"))
        #expect(slack.contains("&lt;!channel&gt;"))

        // Erased partners take their notices with them: the event still reads, without the words.
        let bare = try await NotifyFixture().repository.read { try EventContext.load(for: event, from: $0) }
        #expect(bare.nudge == nil)
        #expect(EventText.texts(event, context: bare).text.en.hasSuffix("a message."))
    }
}
