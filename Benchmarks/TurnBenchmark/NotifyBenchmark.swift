import TwinLanguage
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinStore
import TwinConfiguration

/// Notifications delivered per second: N events in a fresh database, fanned out to one JSON
/// target on a loopback receiver (Hummingbird, in this process) and posted by the outbox worker
/// over libcurl's multi interface with connection reuse. With `failHalf`, the receiver answers
/// every other request with 500 and the worker retries (short backoff) until all arrived.
enum NotifyBenchmark {
    static func run(events: Int, failHalf: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-notify-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = try SQLiteRepository(path: folder.appendingPathComponent("bench.sqlite").path)

        // The receiver: counts requests and distinct idempotency keys.
        let counts = Mutex((requests: 0, failed: 0, keys: Set<String>()))
        let router = Router()
        guard let keyHeader = HTTPField.Name("Idempotency-Key") else { return }
        router.post("/hook") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            let key = request.headers[keyHeader] ?? ""
            let fail = counts.withLock { state -> Bool in
                state.requests += 1
                if failHalf, state.requests % 2 == 0 { state.failed += 1; return true }
                state.keys.insert(key)
                return false
            }
            return Response(status: fail ? .internalServerError : .ok)
        }
        let quiet = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { sink.yield($0.localAddress?.port ?? 0) }, logger: quiet)
        let group = ServiceGroup(services: [app], logger: quiet)
        let server = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }

        // A pair with profiles, so that every text names its people as in production.
        let now = Date()
        guard let anna = ParticipantID("api:anna"), let bram = ParticipantID("api:bram"),
              let url = Secret("http://127.0.0.1:\(port)/hook", source: "bench") else { return }
        try await repository.transaction { tx in
            for (id, name, side) in [(anna, "Anna de Vries", Side.teacher), (bram, "Bram Jansen", Side.professional)] {
                try tx.save(Participant(id: id, language: .nl, createdAt: now))
                try tx.save(Profile(name: name, side: side, organization: "O", role: "r", field: "mathematics", educationTypes: [],
                                    companyTypes: [], motivations: [], criteria: [], subjectPreference: .different, region: "Delft",
                                    openMatchingConsent: nil, updatedAt: now), for: id)
            }
            try tx.save(Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1,
                             proposedAt: now, confirmedAt: now))
            let kinds = ProgrammeEvent.Kind.allCases
            for n in 0..<events {
                try tx.record(ProgrammeEvent(kind: kinds[n % kinds.count], participants: [anna, bram], pairID: "p", occurredAt: now))
            }
        }

        var settings = NotificationSettings()
        settings.targets = [NotificationTarget(name: "bench", url: url, format: .json)]
        settings.targets[0].maxAttempts = 100
        var options = OutboxOptions()
        options.baseBackoff = 0.01
        options.maxBackoff = 0.05
        let worker = OutboxWorker(repository: repository, notifications: settings, transport: try CurlTransport(),
                                  options: options, logger: quiet)
        print("== \(events) notifications to a loopback receiver\(failHalf ? " that fails every other request" : "")")
        let started = ContinuousClock.now
        let fannedOut = try await worker.fanOut()
        let afterFanOut = ContinuousClock.now
        var total = DeliveryRound()
        while true {
            total.add(try await worker.drain())
            let pending = try await repository.read { try $0.deliveryCounts()[.pending] ?? 0 }
            if pending == 0 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let finished = ContinuousClock.now
        await group.triggerGracefulShutdown()
        _ = try? await server.value

        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let all = seconds(finished - started), sending = seconds(finished - afterFanOut)
        let state = counts.withLock { $0 }
        let dbCounts = try await repository.read { try $0.deliveryCounts() }
        print(String(format: "fan-out: %d deliveries in %.3f s", fannedOut, seconds(afterFanOut - started)))
        print(String(format: "delivered: %d in %.3f s = %.0f notifications/s (including fan-out: %.0f/s)",
                     total.delivered, sending, Double(total.delivered) / sending, Double(total.delivered) / all))
        print("requests: \(state.requests) (\(state.failed) answered 500), attempts: \(total.attempted), new connections: \(total.newConnections)")
        print("distinct keys received: \(state.keys.count) of \(events); dead: \(dbCounts[.dead] ?? 0); lost: \(events - state.keys.count)")
    }
}
