import Crypto
import DialogEngine
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Twinning
import TwinAssistant
import TwinReply
import TwinConfiguration
import TwinNotify
import TwinServer
import TwinStore

/// Button clicks per second through `POST /slack/interactions`: the real `JobTwinServer` on a
/// loopback port, driven over HTTP by libcurl's multi interface with Slack-signed
/// `block_actions` requests. Each participant, after the intake, clicks the first option of
/// their menu ("view my profile", which comes back to the menu) again and again, each click
/// answering the question of the turn before; every click is a whole persisted turn, and its
/// update and reply are posted to a `response_url` (a poster that only counts them, so that
/// the figure is the server's).
enum ClickBenchmark {
    static let secret = "click-benchmark-signing-secret"

    /// Counts the posts to `response_url`.
    final class CountingPoster: LateReplyPoster {
        let count = Mutex(0)
        func post(json: Data, to url: String) async throws(LateReplyPostError) { count.withLock { $0 += 1 } }
    }

    static func run(participants: Int, clicksEach: Int, concurrency: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-click-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try SQLiteRepository(path: folder.appendingPathComponent("bench.sqlite").path)
        let quiet = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let assistant = Assistant(program: try DialogLibrary.load(directory: nil), repository: repository, logger: quiet)
        var settings = ServerSettings()
        settings.port = 0
        settings.rateLimit = RateLimitSettings(perMinute: 0, burst: 0)
        var channels = ChannelSettings()
        channels.slackSigningSecret = Secret(secret, source: "bench")
        let poster = CountingPoster()
        let server = JobTwinServer(assistant: assistant, settings: settings, channels: channels, logger: quiet,
                                   lateReplies: LateReplyOptions(poster: poster))
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(services: [server.application { sink.yield($0) }], logger: quiet)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }

        // The intakes, through the Assistant (not measured): everyone ends at the menu.
        let intake = ["ja", "Anna de Vries", "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde",
                      "lerarenopleiding", "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja"]
        var turns: [Int] = []
        for index in 0..<participants {
            guard let id = ParticipantID("slack:TB:U\(index)") else { continue }
            var reply = try await assistant.open(participant: id)
            for answer in intake { reply = try await assistant.handle(participant: id, text: answer) }
            guard reply.prompt?.slot == "menu.action", let turn = reply.turn else {
                print("participant \(index) is not at the menu after the intake"); return
            }
            turns.append(turn)
        }

        let transport = try CurlTransport(maxConnectionsPerHost: concurrency, maxConnections: concurrency)
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await withThrowingTaskGroup(of: ([Duration], Int).self) { tasks in
            for worker in 0..<concurrency {
                let startTurns = turns
                tasks.addTask {
                    var latencies: [Duration] = [], failures = 0
                    for click in 0..<clicksEach {
                        for index in stride(from: worker, to: participants, by: concurrency) {
                            let request = Self.click(participant: index, turn: startTurns[index] + click, port: port, serial: click)
                            let began = clock.now
                            let response = try await transport.send(request)
                            latencies.append(clock.now - began)
                            if response.status != 200 { failures += 1 }
                        }
                    }
                    return (latencies, failures)
                }
            }
            var all: ([Duration], Int) = ([], 0)
            for try await part in tasks { all.0 += part.0; all.1 += part.1 }
            return all
        }
        let elapsed = clock.now - start
        // The posts of the last clicks may still be on their way.
        try await Task.sleep(for: .milliseconds(200))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sorted = results.0.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let d = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
        let stored = try await repository.read { reader in
            try (0..<participants).compactMap { ParticipantID("slack:TB:U\($0)") }.reduce(0) { $0 + (try reader.sessionTurns($1) ?? 0) }
        }
        print("== \(sorted.count) clicks (\(participants) participants × \(clicksEach), \(concurrency) at once) over HTTP")
        print(String(format: "clicks/s: %.0f   p50 %.1f ms   p99 %.1f ms   failed: %d", Double(sorted.count) / seconds,
                     percentile(0.5), percentile(0.99), results.1))
        let taken = stored - turns.reduce(0, +)
        print("stored turns: \(stored) (intake \(turns.reduce(0, +)) + clicks \(taken)); posts to response_url: \(poster.count.withLock { $0 })")
        if taken != sorted.count { print("warning: \(sorted.count - taken) clicks were not taken as answers; the figure above is not of whole turns") }
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// A Slack-signed click on the first option of the menu asked at `turn`.
    static func click(participant: Int, turn: Int, port: Int, serial: Int) -> OutboundRequest {
        let payload = #"{"type":"block_actions","user":{"id":"U\#(participant)"},"team":{"id":"TB"},"trigger_id":"c\#(participant)-\#(serial)","response_url":"https://hooks.slack.com/actions/TB/\#(participant)/\#(serial)","container":{"type":"message","is_ephemeral":true},"actions":[{"action_id":"jt.answer.1","block_id":"jt2|\#(turn)|-|U\#(participant)|menu.action","type":"button","value":"1","text":{"type":"plain_text","text":"Mijn profiel bekijken"}}]}"#
        let body = "payload=" + (payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("v0:\(timestamp):\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        let signature = "v0=" + mac.map { String(format: "%02x", $0) }.joined()
        return OutboundRequest(url: "http://127.0.0.1:\(port)/slack/interactions",
                               headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
                                         HTTPHeader("X-Slack-Signature", signature), HTTPHeader("X-Slack-Request-Timestamp", timestamp)],
                               body: Data(body.utf8), timeout: 10, connectTimeout: 5)
    }
}
