import Foundation
import JobTwinTestSupport
import Synchronization
import Testing
import TwinConfiguration

/// Two `jobtwin serve` processes on one PostgreSQL database, as behind a load balancer: the
/// same participant's turns reach both at once and each is taken once; one is killed with
/// SIGKILL under load, and every answer it acknowledged is there while the other goes on.
@Suite("Two jobtwin serve on PostgreSQL (process)", PostgresTestServer.required)
struct PostgresServeProcessTests {
    static let token = "postgres-process-test-token-0123"
    static let headers = ["Authorization": "Bearer \(token)"]

    /// Posts a persisted turn (the dictionary is made here: it is not `Sendable`).
    private static func post(_ client: HTTPClient, _ participant: String, _ text: String, _ id: String) async throws -> HTTPClient.Response {
        try await client.postJSON("/v1/messages", ["participant": participant, "text": text, "id": id], headers: headers)
    }

    /// An acknowledged request.
    private struct Acknowledged: Sendable {
        let id: String
        let participant: String
        let body: Data
    }

    /// Two servers on `database`, with their logs in `folder`.
    private static func servers(_ database: String, in folder: TemporaryFolder) async throws -> (ServeProcess, ServeProcess) {
        let config = folder.url.appendingPathComponent("jobtwin.yaml")
        try Data("server: {rate_limit: {per_minute: 0}}\n".utf8).write(to: config)
        let arguments = ["--config", config.path, "--db", database]
        let environment = ["JOBTWIN_API_TOKEN": token]
        return (try await ServeProcess(arguments: arguments, environment: environment, log: folder.url.appendingPathComponent("a.log")),
                try await ServeProcess(arguments: arguments, environment: environment, log: folder.url.appendingPathComponent("b.log")))
    }

    @Test("200 turns of 50 participants, each sent to both servers at once: each taken once, both answer alike")
    func sameParticipantOnBoth() async throws {
        try await PostgresTestServer.withDatabase { location in
            let folder = try TemporaryFolder()
            let (a, b) = try await Self.servers(location.description, in: folder)
            let clients = [HTTPClient(port: a.port), HTTPClient(port: b.port)]
            let answers = ["hallo", "ja", "Anna de Vries", "docent"]
            let mismatches = Ledger<String>()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<50 {
                    group.addTask {
                        for (turn, text) in answers.enumerated() {
                            async let one = Self.post(clients[0], "pg\(number)", text, "pg\(number)-\(turn)")
                            async let other = Self.post(clients[1], "pg\(number)", text, "pg\(number)-\(turn)")
                            let (first, second) = try await (one, other)
                            if first.status != 200 || second.status != 200 || first.body != second.body {
                                mismatches.add("pg\(number)-\(turn): \(first.status) \(second.status)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(mismatches.all.isEmpty, "\(mismatches.all)")
            // Asked again on either server, a request gets its stored reply and takes no turn.
            let again = try await Self.post(clients[1], "pg7", "iets anders", "pg7-2")
            let first = try await Self.post(clients[0], "pg7", "nog iets", "pg7-2")
            #expect(again.body == first.body)
            let next = try await Self.post(clients[0], "pg7", "Erasmus College", "pg7-4")
            let reply = try JSONSerialization.jsonObject(with: next.body) as? [String: Any]
            #expect(reply?["turn"] as? Int == answers.count + 1, "four turns before this one, each once: \(String(decoding: next.body, as: UTF8.self))")
            #expect(await a.terminate() == 0)
            #expect(await b.terminate() == 0)
        }
    }

    @Test("kill -9 one server under load: every acknowledged answer is there, the other keeps answering")
    func killOne() async throws {
        try await PostgresTestServer.withDatabase { location in
            let folder = try TemporaryFolder()
            let (a, b) = try await Self.servers(location.description, in: folder)
            let clients = [HTTPClient(port: a.port), HTTPClient(port: b.port)]
            let acknowledged = Ledger<Acknowledged>()
            let killed = Ledger<Bool>()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<12 {
                    group.addTask {
                        for n in 0..<60 {
                            let participant = "k\(worker)", id = "k\(worker)-\(n)"
                            // Alternately on each server; a server that is gone is asked no more,
                            // the request goes to the other with the same id.
                            var answered: HTTPClient.Response?
                            for client in n % 2 == 0 ? clients : clients.reversed() {
                                if let response = try? await Self.post(client, participant, "Naam \(n)", id) {
                                    answered = response
                                    break
                                }
                            }
                            guard let answered, answered.status == 200 else { return }
                            acknowledged.add(Acknowledged(id: id, participant: participant, body: answered.body))
                        }
                    }
                }
                group.addTask {
                    while acknowledged.all.count < 200 { try await Task.sleep(for: .milliseconds(5)) }
                    a.kill()
                    killed.add(true)
                }
                try await group.waitForAll()
            }
            #expect(killed.all == [true])
            let acked = acknowledged.all
            #expect(acked.count == 12 * 60, "the other server answered the rest")
            // Every acknowledged request is stored: asked again, the survivor gives the very reply.
            for entry in acked {
                let again = try await Self.post(clients[1], entry.participant, "anders", entry.id)
                #expect(again.status == 200 && again.body == entry.body, "\(entry.id)")
            }
            #expect(await b.terminate() == 0)
        }
    }
}

/// What concurrent tasks collect.
private final class Ledger<Entry: Sendable>: Sendable {
    private let entries = Mutex<[Entry]>([])

    func add(_ entry: Entry) { entries.withLock { $0.append(entry) } }
    var all: [Entry] { entries.withLock { $0 } }
}
