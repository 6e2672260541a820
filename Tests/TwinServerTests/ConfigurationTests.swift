import Foundation
import Testing
import TwinAssistant
import TwinReply
import TwinServer
import TwinConfiguration
import Twinning

/// The `server:` and `channels:` parts of the configuration, and the environment over them.
@Suite("Serve configuration")
struct ConfigurationTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) throws -> JobTwinConfiguration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-config-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try JobTwinConfiguration.load(file: file.path, environment: environment)
    }

    @Test("every server setting and channel secret is read from the file")
    func file() throws {
        let configuration = try load("""
            database: db.sqlite
            server: {host: 0.0.0.0, port: 9090, max_body_bytes: 32768, rate_limit: {per_minute: 30, burst: 5}}
            channels:
              api: {token: "api-secret"}
              slack: {signing_secret: "slack-secret", bot_token: "xoxb-1"}
              mattermost: {token: ["mm-1", "mm-2"]}
              teams: {security_token: "\(Data("key".utf8).base64EncodedString())"}
            """)
        #expect(configuration.server.host == "0.0.0.0")
        #expect(configuration.server.port == 9090)
        #expect(configuration.server.maxBodyBytes == 32768)
        #expect(configuration.server.rateLimit == RateLimitSettings(perMinute: 30, burst: 5))
        #expect(configuration.channels.apiToken?.value == "api-secret")
        #expect(configuration.channels.slackSigningSecret?.value == "slack-secret")
        #expect(configuration.channels.slackBotToken?.value == "xoxb-1")
        #expect(configuration.channels.mattermostTokens.map(\.value) == ["mm-1", "mm-2"])
        #expect(configuration.channels.teamsKey == Data("key".utf8))
        #expect(configuration.channels.apiToken?.source.hasSuffix(":4") == true)
    }

    @Test("the reply deadlines default to 2.5 s (Slack) and 4.5 s (Teams) and are read in milliseconds")
    func replyDeadlines() throws {
        let defaults = try load("database: db.sqlite")
        #expect(defaults.server.slackReplyDeadline == .milliseconds(2_500))
        #expect(defaults.server.teamsReplyDeadline == .milliseconds(4_500))
        let configured = try load("server: {slack_reply_deadline_ms: 1500, teams_reply_deadline_ms: 0}")
        #expect(configured.server.slackReplyDeadline == .milliseconds(1_500))
        #expect(configured.server.teamsReplyDeadline == .zero)
    }

    @Test("the environment wins over the file; an empty variable counts as unset")
    func environment() throws {
        let configuration = try load("channels: {api: {token: from-file}, slack: {signing_secret: file-secret}}", environment: [
            "JOBTWIN_API_TOKEN": "from-env", "JOBTWIN_SLACK_SIGNING_SECRET": "", "JOBTWIN_SLACK_BOT_TOKEN": "xoxb-env",
            "JOBTWIN_MATTERMOST_TOKEN": "a, b", "JOBTWIN_TEAMS_SECURITY_TOKEN": "AAAA", "JOBTWIN_DB": "env.sqlite",
        ])
        #expect(configuration.channels.apiToken?.value == "from-env")
        #expect(configuration.channels.apiToken?.source == "$JOBTWIN_API_TOKEN")
        #expect(configuration.channels.slackSigningSecret?.value == "file-secret")
        #expect(configuration.channels.slackBotToken?.value == "xoxb-env")
        #expect(configuration.channels.mattermostTokens.map(\.value) == ["a", "b"])
        #expect(configuration.channels.teamsSecurityToken?.value == "AAAA")
        #expect(configuration.database == "env.sqlite")
    }

    @Test("buttons and direct messages: the public address, the Mattermost bot, the quiet hours; the environment over the file")
    func teamChat() throws {
        let configuration = try load("""
        server: {public_url: "https://jobtwin.example.nl/"}
        channels:
          mattermost: {token: t, url: "https://chat.example.nl", bot_token: b, action_secret: s}
        direct_messages: {time_zone: Europe/London, quiet_hours: {from: "20:00", to: "07:30"}, weekends: true}
        """)
        #expect(configuration.server.publicURL == "https://jobtwin.example.nl", "without the trailing slash")
        #expect(configuration.channels.mattermostURL == "https://chat.example.nl")
        #expect(configuration.channels.mattermostBotToken?.value == "b")
        #expect(configuration.channels.mattermostActionKey == "s")
        let quiet = configuration.directMessages.quietHours
        #expect(quiet.startMinute == 20 * 60 && quiet.endMinute == 7 * 60 + 30)
        #expect(!quiet.weekends, "weekends: true lets them go on Saturday and Sunday")
        #expect(quiet.timeZone.identifier == "Europe/London")
        #expect(configuration.directMessages.summary == "on; held from 20:00 to 07:30, Europe/London time")

        let defaults = try load("language: nl")
        #expect(defaults.directMessages.enabled)
        #expect(defaults.directMessages.summary == "on; held from 18:00 to 08:00 and in the weekend, Europe/Amsterdam time")
        #expect(defaults.channels.mattermostActionKey == nil)
        #expect(try load("direct_messages: {enabled: false}").directMessages.summary == "off")

        let environment = try load("language: nl", environment: [
            "JOBTWIN_PUBLIC_URL": "https://env.example.nl", "JOBTWIN_MATTERMOST_URL": "https://mm.example.nl",
            "JOBTWIN_MATTERMOST_BOT_TOKEN": "bot-env", "JOBTWIN_MATTERMOST_TOKEN": "hook-env",
        ])
        #expect(environment.server.publicURL == "https://env.example.nl")
        #expect(environment.channels.mattermostURL == "https://mm.example.nl")
        #expect(environment.channels.mattermostBotToken?.value == "bot-env")
        #expect(environment.channels.mattermostActionKey?.contains("hook-env") == true, "derived from the other secrets")
        let plans = ChannelPlan.plans(for: environment.channels, publicURL: environment.server.publicURL)
        let mattermost = try #require(plans.first { $0.channel == "mattermost" })
        #expect(mattermost.endpoints.contains("POST /mattermost/actions"))
        #expect(mattermost.notes.contains { $0.contains("https://env.example.nl/mattermost/actions") })
        #expect(mattermost.notes.contains { $0.contains("direct messages through https://mm.example.nl") })
        #expect(!mattermost.notes.joined().contains("bot-env") && !mattermost.notes.joined().contains("hook-env"))
    }

    @Test("mistakes are reported with the file and line, and secrets are never printed", arguments: [
        ("server: {port: 70000}", "`port:` is a TCP port"),
        ("server: {speed: 3}", "unknown setting `server.speed`"),
        ("server: {rate_limit: {per_minute: -1}}", "`per_minute:`"),
        ("server: {slack_reply_deadline_ms: 3000}", "`slack_reply_deadline_ms:` is a whole number of milliseconds from 0 to 2800"),
        ("server: {slack_reply_deadline_ms: -1}", "`slack_reply_deadline_ms:`"),
        ("server: {slack_reply_deadline_ms: 2.5}", "`slack_reply_deadline_ms:`"),
        ("server: {teams_reply_deadline_ms: 5000}", "`teams_reply_deadline_ms:` is a whole number of milliseconds from 0 to 4800"),
        ("server: {teams_reply_deadline_ms: soon}", "within Teams' 5 s"),
        ("channels: {irc: {token: x}}", "unknown channel `irc`"),
        ("channels: {api: {secret: hunter2}}", "unknown setting `channels.api.secret`"),
        ("channels: {teams: {security_token: 'hunter2!'}}", "is not base64"),
        ("server: {public_url: jobtwin.example.nl}", "`public_url:` is the address"),
        ("channels: {mattermost: {url: 'chat example'}}", "`url:` is the Mattermost server's address"),
        ("channels: {mattermost: {bot: hunter2}}", "unknown setting `channels.mattermost.bot`"),
        ("direct_messages: {quiet_hours: {from: '25:00', to: '08:00'}}", "`from:` is a time of day"),
        ("direct_messages: {quiet_hours: {start: '18:00'}}", "unknown setting `direct_messages.quiet_hours.start`"),
        ("direct_messages: {time_zone: Mars/Olympus}", "`time_zone:` is a time zone name"),
        ("direct_messages: {weekends: sometimes}", "`weekends:` is true"),
        ("direct_messages: {loud: true}", "unknown setting `direct_messages.loud`"),
    ])
    func mistakes(_ yaml: String, _ expected: String) throws {
        do {
            _ = try load(yaml)
            Issue.record("no error for \(yaml)")
        } catch {
            let message = String(describing: error)
            #expect(message.contains(expected), "\(message)")
            #expect(message.contains(".yaml:1"), "\(message)")
            #expect(!message.contains("hunter2"), "\(message)")
        }
    }

    @Test("an unreadable file, and a Teams token from the environment that is not base64, are reported")
    func teamsFromEnvironment() {
        #expect(throws: ConfigurationError.self) {
            try JobTwinConfiguration.load(file: "/nonexistent-dir/none.yaml", environment: [:])
        }
        do {
            _ = try load("database: x.sqlite", environment: ["JOBTWIN_TEAMS_SECURITY_TOKEN": "%%%"])
            Issue.record("accepted a bad token")
        } catch {
            #expect(String(describing: error).hasPrefix("$JOBTWIN_TEAMS_SECURITY_TOKEN:"))
            #expect(!String(describing: error).contains("%%%"))
        }
    }

    @Test("a secret never shows itself when printed, interpolated or dumped")
    func secretRedaction() throws {
        let secret = try #require(Secret("hunter2", source: "$X"))
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [secret.description, "\(secret)", String(reflecting: secret), dumped] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
        #expect(Secret("", source: "$X") == nil)
    }

    @Test("the channel plan tells what is served and why, without secrets")
    func plan() throws {
        var channels = ChannelSettings()
        channels.apiToken = Secret("tiny-tok", source: "$JOBTWIN_API_TOKEN")
        channels.slackSigningSecret = Secret("slack-secret-value", source: "jobtwin.yaml:4")
        let plans = ChannelPlan.plans(for: channels)
        #expect(plans.map(\.channel) == ["api", "slack", "mattermost", "teams"])
        #expect(plans.map(\.served) == [true, true, false, false])
        try #require(plans.count >= 3, "\(plans.map(\.channel))")
        #expect(plans[0].notes.contains { $0.contains("shorter than 16") })
        #expect(plans[1].notes.contains { $0.contains("no bot token") })
        #expect(plans[2].explanation.contains("JOBTWIN_MATTERMOST_TOKEN"))
        let all = plans.map { "\($0)" }.joined()
        #expect(!all.contains("slack-secret-value") && !all.contains("tiny-tok"))
    }
}
