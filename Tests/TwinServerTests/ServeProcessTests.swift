import Foundation
import Synchronization
import Testing
import Twinning
import TwinStore

/// `jobtwin serve` as a real process: killed with SIGKILL in the middle of a load, restarted on
/// the same database, and every answer that had been acknowledged must still be there.
@Suite("jobtwin serve process")
struct ServeProcessTests {
    @Test("kill -9 during load, restart: no acknowledged answer lost; SIGTERM exits cleanly")
    func killDuringLoad() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-serve-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("serve.sqlite").path
        let config = folder.appendingPathComponent("jobtwin.yaml")
        try Data("server: {rate_limit: {per_minute: 0}}\n".utf8).write(to: config)
        let token = "process-test-token-0123456789"
        let arguments = ["--config", config.path, "--db", database]
        let environment = ["JOBTWIN_API_TOKEN": token]

        let first = try await ServeProcess(arguments: arguments, environment: environment, log: folder.appendingPathComponent("first.log"))
        let client = HTTPClient(port: first.port)
        let headers = ["Authorization": "Bearer \(token)"]
        let acknowledged = Acknowledged()

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    // Each worker is one participant answering in order until the server dies.
                    for n in 0..<200 {
                        let id = "w\(worker)-\(n)"
                        guard let response = try? await client.postJSON("/v1/messages", ["participant": "w\(worker)", "text": "Naam \(n)", "id": id], headers: headers),
                              response.status == 200 else { return }
                        acknowledged.add("w\(worker)", id, response.body)
                    }
                }
            }
            group.addTask {
                // Kill in the middle of the load.
                while acknowledged.count < 300 { try await Task.sleep(for: .milliseconds(5)) }
                first.kill()
            }
            try await group.waitForAll()
        }
        let acked = acknowledged.all
        #expect(acked.count >= 300)

        let second = try await ServeProcess(arguments: arguments, environment: environment, log: folder.appendingPathComponent("second.log"))
        let restarted = HTTPClient(port: second.port)
        // Every acknowledged request is on disk: asking again with its id returns the very reply.
        var perParticipant: [String: Int] = [:]
        for (participant, id, body) in acked {
            perParticipant[participant, default: 0] += 1
            let again = try await restarted.postJSON("/v1/messages", ["participant": participant, "text": "changed", "id": id], headers: headers)
            #expect(again.status == 200)
            #expect(again.body == body, "\(id)")
        }
        let repository = try SQLiteRepository(path: database)
        for (participant, count) in perParticipant {
            let turns = try await repository.read { try $0.sessionTurns(ParticipantID("api:\(participant)")!) } ?? 0
            // At most one turn was committed whose response the kill cut off.
            #expect(turns >= count && turns <= count + 1, "\(participant): \(turns) turns, \(count) acknowledged")
        }
        #expect(await second.terminate() == 0)
    }
}

/// Every acknowledged request: participant, id, and the reply's bytes.
private final class Acknowledged: Sendable {
    private let entries = Mutex<[(String, String, Data)]>([])

    func add(_ participant: String, _ id: String, _ body: Data) {
        entries.withLock { $0.append((participant, id, body)) }
    }

    var count: Int { entries.withLock { $0.count } }
    var all: [(String, String, Data)] { entries.withLock { $0 } }
}
