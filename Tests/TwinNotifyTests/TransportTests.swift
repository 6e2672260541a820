import Foundation
import Testing
import TwinNotify

/// `CurlTransport` linked for real against libcurl, posting to a receiver on loopback.
@Suite("Curl transport")
struct TransportTests {
    @Test("a post arrives with its headers and body; status, headers and body come back")
    func roundTrip() async throws {
        try await TestReceiver.with { receiver in
            receiver.script([.status(201, headers: ["X-Answer": "42"], body: "{\"ok\":true}")])
            let transport = try CurlTransport()
            let response = try await transport.send(OutboundRequest(url: receiver.url + "/hook", headers: [HTTPHeader("Idempotency-Key", "k1")],
                                                                    body: Data("{\"a\":1}".utf8)))
            #expect(response.status == 201)
            #expect(response.header("x-answer") == "42")
            #expect(String(decoding: response.body, as: UTF8.self) == "{\"ok\":true}")
            let received = try await receiver.waitFor(1)
            #expect(received[0].path == "/hook")
            #expect(received[0].idempotencyKey == "k1")
            #expect(received[0].headers["expect"] == nil, "no Expect: 100-continue round trip")
            #expect(String(decoding: received[0].body, as: UTF8.self) == "{\"a\":1}")
        }
    }

    @Test("many requests run at once and reuse connections")
    func connectionReuse() async throws {
        try await TestReceiver.with { receiver in
            let transport = try CurlTransport(maxConnectionsPerHost: 4)
            func wave() async throws -> (statuses: [Int], connections: Int) {
                try await withThrowingTaskGroup(of: OutboundResponse.self) { group in
                    // Generous limits: transfers queued for one of the 4 connections count their wait
                    // towards the connect time, and this test is about reuse, not about speed.
                    for n in 0..<40 {
                        group.addTask {
                            try await transport.send(OutboundRequest(url: receiver.url + "/n\(n)", body: Data("{}".utf8), timeout: 60,
                                                                     connectTimeout: 30))
                        }
                    }
                    var statuses: [Int] = [], connections = 0
                    for try await response in group {
                        statuses.append(response.status)
                        connections += response.newConnections
                    }
                    return (statuses, connections)
                }
            }
            let first = try await wave()
            #expect(first.statuses.allSatisfy { $0 == 200 })
            #expect(first.connections <= 4, "40 requests over at most 4 connections, got \(first.connections)")
            let second = try await wave()
            #expect(second.connections == 0, "the second wave reuses the open connections")
            #expect(receiver.received.count == 80)
        }
    }

    @Test("connection refused is a typed error that says what to check")
    func refused() async throws {
        let transport = try CurlTransport()
        // Port 1 on loopback: nothing listens there.
        await #expect(throws: TransportError.self) {
            _ = try await transport.send(OutboundRequest(url: "http://127.0.0.1:1/hook?token=SECRET", timeout: 2, connectTimeout: 2))
        }
        do {
            _ = try await transport.send(OutboundRequest(url: "http://127.0.0.1:1/hook?token=SECRET", timeout: 2, connectTimeout: 2))
        } catch {
            guard case .cannotConnect = error else { Issue.record("expected cannotConnect, got \(error)"); return }
            #expect(error.isTransient)
            #expect(error.description.contains("http://127.0.0.1:1/…"))
            #expect(!error.description.contains("SECRET"), "the URL's path and query never appear")
        }
    }

    @Test("a name that does not resolve")
    func unresolvable() async throws {
        let transport = try CurlTransport()
        do {
            _ = try await transport.send(OutboundRequest(url: "https://jobtwin-receiver.invalid/hook", timeout: 5, connectTimeout: 5))
            Issue.record("a .invalid name resolved")
        } catch {
            guard case .cannotResolve = error else { Issue.record("expected cannotResolve, got \(error)"); return }
            #expect(error.description.contains("does not resolve"))
        }
    }

    @Test("a receiver slower than the timeout")
    func slow() async throws {
        try await TestReceiver.with { receiver in
            receiver.script([.delayed(3, 200)])
            let transport = try CurlTransport()
            // The receiver answers 200 after 3 s: a transport that ignored the timeout would get
            // it, so the timeout error alone proves the limit (no clock, which a loaded machine
            // would make flaky).
            do {
                _ = try await transport.send(OutboundRequest(url: receiver.url + "/slow", timeout: 0.3, connectTimeout: 0.3))
                Issue.record("the slow request did not time out")
            } catch let error as TransportError {
                guard case .timedOut(_, _, let connecting) = error else { Issue.record("expected timedOut, got \(error)"); return }
                #expect(!connecting, "it connected; the answer was slow")
                #expect(error.description.contains("took longer than 0.3 s"))
            }
        }
    }

    @Test("an invalid URL is permanent; cancelling a request ends it at once")
    func invalidAndCancelled() async throws {
        let transport = try CurlTransport()
        do {
            _ = try await transport.send(OutboundRequest(url: "ftp://example.org/x"))
            Issue.record("ftp was accepted")
        } catch {
            #expect(!error.isTransient, "\(error)")
        }
        try await TestReceiver.with { receiver in
            receiver.script([.hang])
            let task = Task { try await transport.send(OutboundRequest(url: receiver.url + "/hang", timeout: 30)) }
            _ = try await receiver.waitFor(1)
            let started = Date()
            task.cancel()
            let result = await task.result
            #expect(Date().timeIntervalSince(started) < 2)
            guard case .failure(let error) = result, let transportError = error as? TransportError, case .cancelled = transportError else {
                Issue.record("expected cancelled, got \(result)")
                return
            }
        }
    }
}
