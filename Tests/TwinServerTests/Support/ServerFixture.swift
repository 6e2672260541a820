import DialogEngine
import Foundation
import Logging
import ServiceLifecycle
import Twinning
import TwinAssistant
import TwinReply
import TwinServer
import TwinStore
import TwinConfiguration
import JobTwinTestSupport

/// A real `JobTwinServer` on a loopback port the system chose, over a real SQLite file in a
/// fresh folder, with a clock the test moves. `ServerFixture.with { … }` starts it, runs the
/// test and always shuts it down gracefully.
final class ServerFixture: Sendable {
    static let apiToken = "test-api-token-0123456789abcdef"
    static let slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let mattermostToken = "mattermost-token-0123456789"
    /// A Teams security token of our own: 32 bytes, base64.
    static let teamsToken = Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    let folder: URL
    let repository: SQLiteRepository
    let clock: ManualClock
    let server: JobTwinServer
    let client: HTTPClient

    /// The channels with every secret configured.
    static var allChannels: ChannelSettings {
        var channels = ChannelSettings()
        channels.apiToken = Secret(apiToken, source: "test")
        channels.slackSigningSecret = Secret(slackSecret, source: "test")
        channels.mattermostTokens = Secret(mattermostToken, source: "test").map { [$0] } ?? []
        channels.teamsSecurityToken = Secret(teamsToken, source: "test")
        return channels
    }

    /// Settings on port 0 with a rate limit generous enough for the load tests.
    static func settings(perMinute: Int = 6_000, burst: Int = 1_000) -> ServerSettings {
        var settings = ServerSettings()
        settings.port = 0
        settings.rateLimit = RateLimitSettings(perMinute: perMinute, burst: burst)
        // The platforms' deadlines are far in the future, so that a turn answered "in time" is
        // answered in time also while the whole suite loads both cores; the tests of late replies
        // set their own (zero).
        settings.slackReplyDeadline = .seconds(30)
        settings.teamsReplyDeadline = .seconds(30)
        return settings
    }

    private init(folder: URL, repository: SQLiteRepository, clock: ManualClock, server: JobTwinServer, port: Int) {
        self.folder = folder
        self.repository = repository
        self.clock = clock
        self.server = server
        self.client = HTTPClient(port: port)
    }

    /// Starts a server (with `coordinators` in the coordinator role), runs `body` against it,
    /// and stops it.
    static func with<T: Sendable>(settings: ServerSettings = settings(), channels: ChannelSettings = allChannels,
                                  now: Date = Date(timeIntervalSince1970: 1_796_000_000), coordinators: Set<ParticipantID> = [],
                                  lateReplies: LateReplyOptions = LateReplyOptions(),
                                  _ body: (ServerFixture) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try SQLiteRepository(path: folder.appendingPathComponent("serve.sqlite").path)
        let clock = ManualClock(now)
        let quiet = Logger(label: "jobtwin.test") { _ in SwiftLogNoOpLogHandler() }
        let assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: repository, clock: clock,
                                  options: AssistantOptions(coordinators: coordinators), logger: quiet)
        let server = JobTwinServer(assistant: assistant, settings: settings, channels: channels, clock: clock, logger: quiet,
                                   lateReplies: lateReplies)

        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(services: [server.application { portSink.yield($0) }], logger: quiet)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }

        let fixture = ServerFixture(folder: folder, repository: repository, clock: clock, server: server, port: port)
        do {
            let result = try await body(fixture)
            await group.triggerGracefulShutdown()
            try await running.value
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
    }

    /// `Authorization` for the JSON API.
    var bearer: [String: String] { ["Authorization": "Bearer \(Self.apiToken)"] }

    /// Posts a message to `/v1/messages`.
    func message(_ participant: String, _ text: String, id: String? = nil, lang: String? = nil) async throws -> HTTPClient.Response {
        var object: [String: Any] = ["participant": participant, "text": text]
        if let id { object["id"] = id }
        if let lang { object["lang"] = lang }
        return try await client.postJSON("/v1/messages", object, headers: bearer)
    }

    /// How many turns the participant's stored conversation has had (0 when none).
    func turns(_ participant: String) async throws -> Int {
        guard let id = ParticipantID(participant) else { throw TestFailure("bad id \(participant)") }
        return try await repository.read { try $0.sessionTurns(id) } ?? 0
    }

    /// How many participants are stored.
    func participantCount() async throws -> Int {
        try await repository.read { try $0.participants().count }
    }
}
