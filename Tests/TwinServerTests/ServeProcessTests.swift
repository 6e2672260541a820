import Foundation
import Synchronization
import Testing
import Twinning
import TwinStore

/// `jobtwin serve` as a real process: killed with SIGKILL in the middle of a load, restarted on
/// the same database, and every answer that had been acknowledged must still be there; stopped
/// with SIGTERM in the middle of a load, it answers what it accepted and exits cleanly.
@Suite("jobtwin serve process")
struct ServeProcessTests {
    static let token = "process-test-token-0123456789"
    static let headers = ["Authorization": "Bearer \(token)"]

    /// A folder with a configuration (no rate limit, so that the load is not refused) and the
    /// arguments that start a server on its database.
    private final class Setup: Sendable {
        let folder: URL
        let database: String
        let arguments: [String]

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-serve-process-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            database = folder.appendingPathComponent("serve.sqlite").path
            let config = folder.appendingPathComponent("jobtwin.yaml")
            try Data("server: {rate_limit: {per_minute: 0}}\n".utf8).write(to: config)
            arguments = ["--config", config.path, "--db", database]
        }

        func start(_ name: String) async throws -> ServeProcess {
            try await ServeProcess(arguments: arguments, environment: ["JOBTWIN_API_TOKEN": ServeProcessTests.token],
                                   log: folder.appendingPathComponent("\(name).log"))
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs `workers` participants, each answering in order until the server stops answering,
    /// and calls `stop` once `threshold` answers were acknowledged.
    private func load(_ client: HTTPClient, workers: Int, prefix: String, threshold: Int,
                      stop: @escaping @Sendable () async -> Void) async throws -> Acknowledged {
        let acknowledged = Acknowledged()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for n in 0..<400 {
                        let participant = "\(prefix)\(worker)"
                        let id = "\(participant)-\(n)"
                        guard let response = try? await client.postJSON(
                            "/v1/messages", ["participant": participant, "text": "Naam \(n)", "id": id], headers: Self.headers)
                        else { return }
                        acknowledged.add(participant, id, response.status, response.body)
                        if response.status != 200 { return }
                    }
                }
            }
            group.addTask {
                while acknowledged.count < threshold { try await Task.sleep(for: .milliseconds(5)) }
                await stop()
            }
            try await group.waitForAll()
        }
        return acknowledged
    }

    @Test("kill -9 during load, restart: no acknowledged answer lost")
    func killDuringLoad() async throws {
        let setup = try Setup()
        let first = try await setup.start("first")
        let acked = try await load(HTTPClient(port: first.port), workers: 16, prefix: "w", threshold: 300) { first.kill() }.all
        #expect(acked.count >= 300)
        #expect(acked.allSatisfy { $0.status == 200 })

        let second = try await setup.start("second")
        let restarted = HTTPClient(port: second.port)
        // Every acknowledged request is on disk: asking again with its id returns the very reply.
        var perParticipant: [String: Int] = [:]
        for entry in acked {
            perParticipant[entry.participant, default: 0] += 1
            let again = try await restarted.postJSON("/v1/messages", ["participant": entry.participant, "text": "changed", "id": entry.id], headers: Self.headers)
            #expect(again.status == 200)
            #expect(again.body == entry.body, "\(entry.id)")
        }
        let repository = try SQLiteRepository(path: setup.database)
        for (participant, count) in perParticipant {
            let turns = try await repository.read { try $0.sessionTurns(ParticipantID("api:\(participant)")!) } ?? 0
            // At most one turn was committed whose response the kill cut off.
            #expect(turns >= count && turns <= count + 1, "\(participant): \(turns) turns, \(count) acknowledged")
        }
        #expect(await second.terminate() == 0)
    }

    @Test("SIGTERM during load: the requests in flight are answered, the process exits 0, nothing acknowledged is lost")
    func terminateDuringLoad() async throws {
        let setup = try Setup()
        let server = try await setup.start("server")
        let exit = Mutex<Int32?>(nil)
        let acked = try await load(HTTPClient(port: server.port), workers: 16, prefix: "t", threshold: 200) {
            let status = await server.terminate()
            exit.withLock { $0 = status }
        }.all
        #expect(exit.withLock { $0 } == 0)
        // A request either got its answer or was never accepted (connection refused): no 5xx.
        #expect(acked.allSatisfy { $0.status == 200 }, "\(Set(acked.map(\.status)))")
        let repository = try SQLiteRepository(path: setup.database)
        let stored = try await repository.read { reader in
            try acked.filter { entry in
                try reader.processedRequest(channel: "api", requestID: entry.id, participant: ParticipantID("api:\(entry.participant)")!) != nil
            }.count
        }
        #expect(stored == acked.count)
    }
}

/// Every acknowledged request: participant, id, status and the reply's bytes.
private final class Acknowledged: Sendable {
    struct Entry: Sendable {
        let participant: String
        let id: String
        let status: Int
        let body: Data
    }

    private let entries = Mutex<[Entry]>([])

    func add(_ participant: String, _ id: String, _ status: Int, _ body: Data) {
        entries.withLock { $0.append(Entry(participant: participant, id: id, status: status, body: body)) }
    }

    var count: Int { entries.withLock { $0.count } }
    var all: [Entry] { entries.withLock { $0 } }
}
