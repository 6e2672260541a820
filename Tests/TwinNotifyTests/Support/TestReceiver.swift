import NIOFoundationEssentialsCompat
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import JobTwinTestSupport

/// A tiny HTTP/1.1 receiver on 127.0.0.1 for the tests: it records every POST and answers as
/// told — a status with headers and body, after a delay, or not at all until released — so a
/// test can make it fail on command.
final class TestReceiver: Sendable {
    /// One request as received.
    struct Received: Sendable {
        var method = "POST"
        var path: String
        var headers: [String: String]
        var body: Data

        /// The body as a JSON object.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }
        var idempotencyKey: String? { headers["idempotency-key"] }
    }

    /// How to answer one request.
    enum Answer: Sendable {
        /// A status, headers and body.
        case status(Int, headers: [String: String] = [:], body: String = "")
        /// The same, after a delay in seconds.
        case delayed(Double, Int)
        /// No answer until the receiver stops (the client times out or is killed).
        case hang
    }

    let port: Int
    private let state = Mutex(State())
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private struct State {
        var received: [Received] = []
        var script: [Answer] = []
        var fallback: Answer = .status(200, body: "ok")
        /// Answers for one path, in order, before the path's fallback and the general script.
        var routes: [String: [Answer]] = [:]
        var routeFallbacks: [String: Answer] = [:]
        var stopped = false
    }

    private init(port: Int, group: ServiceGroup, running: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.running = running
    }

    /// The base URL, e.g. `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Starts a receiver on a free port.
    static func start() async throws -> TestReceiver {
        let holder = Mutex<TestReceiver?>(nil)
        let router = Router()
        @Sendable func handle(_ request: Request) async throws -> Response {
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            guard let receiver = holder.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            let answer = receiver.take(Received(method: request.method.rawValue, path: request.uri.path, headers: headers,
                                                body: Data(buffer: body)))
            return try await receiver.respond(answer)
        }
        router.post("**") { request, _ in try await handle(request) }
        router.get("**") { request, _ in try await handle(request) }
        let quiet = Logger(label: "test.receiver") { _ in SwiftLogNoOpLogHandler() }
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in sink.yield(channel.localAddress?.port ?? 0) }, logger: quiet)
        let group = ServiceGroup(services: [app], logger: quiet)
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw TestFailure("the test receiver did not start") }
        let receiver = TestReceiver(port: port, group: group, running: running)
        holder.withLock { $0 = receiver }
        return receiver
    }

    /// Starts a receiver, runs `body` with it, and always stops it.
    static func with<T>(_ body: (TestReceiver) async throws -> T) async throws -> T {
        let receiver = try await start()
        do {
            let result = try await body(receiver)
            await receiver.stop()
            return result
        } catch {
            await receiver.stop()
            throw error
        }
    }

    /// Stops the receiver; requests left hanging are answered 503 first.
    func stop() async {
        state.withLock { $0.stopped = true }
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// The next requests get these answers, in order; after them the fallback.
    func script(_ answers: [Answer]) { state.withLock { $0.script += answers } }

    /// The next requests to `path` get these answers, in order; after them `fallback` (when given).
    func route(_ path: String, _ answers: [Answer] = [], fallback: Answer? = nil) {
        state.withLock { state in
            state.routes[path, default: []] += answers
            if let fallback { state.routeFallbacks[path] = fallback }
        }
    }

    /// What every request gets when nothing is scripted.
    func setFallback(_ answer: Answer) { state.withLock { $0.fallback = answer } }

    /// Everything received so far.
    var received: [Received] { state.withLock { $0.received } }

    /// Waits until at least `count` requests came, at most `timeout` seconds.
    func waitFor(_ count: Int, timeout: Double = 5) async throws -> [Received] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let now = received
            if now.count >= count { return now }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestFailure("the receiver got \(received.count) requests, expected \(count)")
    }

    private func take(_ request: Received) -> Answer {
        state.withLock { state in
            state.received.append(request)
            if var answers = state.routes[request.path], !answers.isEmpty {
                let answer = answers.removeFirst()
                state.routes[request.path] = answers
                return answer
            }
            if let answer = state.routeFallbacks[request.path] { return answer }
            return state.script.isEmpty ? state.fallback : state.script.removeFirst()
        }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func respond(_ answer: Answer) async throws -> Response {
        switch answer {
        case .status(let code, let headers, let body):
            var fields = HTTPFields()
            for (name, value) in headers {
                if let name = HTTPField.Name(name) { fields[name] = value }
            }
            return Response(status: .init(code: code), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        case .delayed(let seconds, let code):
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, !isStopped { try await Task.sleep(for: .milliseconds(20)) }
            return Response(status: .init(code: code))
        case .hang:
            while !isStopped { try await Task.sleep(for: .milliseconds(20)) }
            return Response(status: .serviceUnavailable)
        }
    }
}
