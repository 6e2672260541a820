import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinConfiguration

/// `notifications:` and `reminders:` in the configuration file, with the environment over it.
@Suite("Notification configuration")
struct ConfigurationTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) throws(ConfigurationError) -> JobTwinConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-config-\(UUID().uuidString).yaml").path
        try? yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try JobTwinConfiguration.load(file: path, environment: environment)
    }

    private func error(_ yaml: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try load(yaml, environment: environment)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("targets, events, languages and reminders are read; the environment supplies a URL")
    func read() throws {
        let configuration = try load("""
        notifications:
          - name: programme
            url: "https://hooks.slack.com/services/T0/B0/SECRETPART"
            format: slack
            events: [match.confirmed, phase.completed, bottleneck.flagged]
          - {name: team, format: teams-legacy, language: nl, max_attempts: 3, timeout_seconds: 2.5}
          - {name: all, url: "http://127.0.0.1:9/x", format: json, events: [all], username: Bot}
        reminders: {inactivity_days: 7, before_end_days: 0}
        language: en
        """, environment: ["JOBTWIN_NOTIFY_TEAM_URL": "https://example.webhook.office.com/webhookb2/abc"])
        let targets = configuration.notifications.targets
        #expect(targets.map(\.name) == ["programme", "team", "all"])
        try #require(targets.count == 3)
        #expect(targets[0].format == .slack)
        #expect(targets[0].language == .en, "the configuration's language, also when it comes later in the file")
        #expect(targets[0].events == [.matchConfirmed, .phaseCompleted, .bottleneckFlagged])
        #expect(targets[0].wants(.matchConfirmed) && !targets[0].wants(.matchProposed))
        #expect(targets[1].url.value == "https://example.webhook.office.com/webhookb2/abc")
        #expect(targets[1].url.source == "$JOBTWIN_NOTIFY_TEAM_URL")
        #expect(targets[1].language == .nl)
        #expect(targets[1].maxAttempts == 3)
        #expect(targets[1].timeoutSeconds == 2.5)
        #expect(targets[2].events == nil)
        #expect(targets[2].username == "Bot")
        #expect(configuration.reminders == ReminderSettings(inactivityDays: 7, beforeEndDays: 0))
        // The URL is a secret: printing a target never shows it.
        #expect(!"\(targets[0])".contains("SECRETPART"))
        #expect(targets[0].displayURL == "https://hooks.slack.com/…")
    }

    @Test("bottleneck thresholds: the days for the context check after the plan was fixed, with the others")
    func bottleneckThresholds() throws {
        let configuration = try load("bottlenecks: {inactivity_weeks: 4, plan_confirmation_days: 10, context_check_days: 21}\n")
        #expect(configuration.bottlenecks.contextCheckDays == 21)
        let detector = configuration.bottlenecks.detector
        #expect(detector.contextCheckDays == 21 && detector.inactivityWeeks == 4 && detector.planConfirmationDays == 10)
        #expect(try load("language: nl\n").bottlenecks.contextCheckDays == 14, "two weeks by default")
        #expect(error("bottlenecks: {context_check_days: 0}\n").contains("`bottlenecks.context_check_days` is a whole number from 1 to 365"))
        #expect(error("bottlenecks: {context_days: 3}\n").contains("known: inactivity_weeks, plan_confirmation_days, context_check_days"))
    }

    @Test("mistakes name the file, the line and what to write")
    func mistakes() {
        #expect(error("notifications:\n  - {name: a, url: \"https://x\", format: telegram}").contains("needs a `format:` (slack | mattermost | teams | teams-legacy | discord | json)"))
        #expect(error("notifications:\n  - {name: a, url: \"https://x\", format: json, events: [match.made]}").contains("unknown event `match.made`"))
        #expect(error("notifications:\n  - {name: a, format: json}").contains("has no `url:`; give the receiver's webhook URL, or set $JOBTWIN_NOTIFY_A_URL"))
        #expect(error("notifications:\n  - {name: a, url: \"file:///etc/passwd\", format: json}").contains("is not an http(s) URL"))
        #expect(error("notifications:\n  - {name: a, url: \"https://x\", format: json}\n  - {name: a, url: \"https://y\", format: json}").contains("two notification targets are called `a`"))
        #expect(error("notifications:\n  - {name: slack-bot, url: \"https://x\", format: json}").contains("reserved"))
        #expect(error("notifications:\n  - {name: a, url: \"https://x\", format: json, colour: red}").contains("unknown setting `notifications.colour`"))
        #expect(error("notifications: {name: a}").contains("is a list of targets"))
        #expect(error("reminders: {inactivity_days: -1}").contains("from 0 (off) to 365"))
        #expect(error("reminders: {weekly: 3}").contains("unknown setting `reminders.weekly`"))
        #expect(error("notifications:\n  - {name: a, url: \"https://x\", format: json, max_attempts: 0}").contains(":2"), "the line is named")
    }
}
