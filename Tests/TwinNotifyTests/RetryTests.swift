import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
import TwinNotify
import TwinStore
import TwinConfiguration

/// Failures and retries, with the clock moved instead of waiting: backoff, `Retry-After`,
/// dead-letter, and receivers that are down, unknown or slow.
@Suite("Retries and dead-letter")
struct RetryTests {
    @Test("5xx is retried with exponential backoff; every attempt has the same key and body")
    func backoff() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.script([.status(500, body: "down"), .status(503), .status(200)])
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker([NotifyFixture.target("json", receiver)], transport: try CurlTransport())
            let start = fixture.clock.now()

            #expect(try await worker.drain().retried == 1)
            var delivery = try #require(try await fixture.deliveries().first)
            #expect(delivery.status == .pending)
            #expect(delivery.attempts == 1)
            #expect(delivery.lastStatus == 500)
            #expect(delivery.lastError?.contains("answered 500: down") == true)
            // Backoff from 1 s, jitter at its top: ~1 s after the first failure.
            #expect(abs(delivery.nextAttemptAt.timeIntervalSince(start) - 1) < 0.01)
            #expect(try await worker.drain().attempted == 0, "not due yet")

            fixture.clock.advance(by: 1)
            #expect(try await worker.drain().retried == 1)
            delivery = try #require(try await fixture.deliveries().first)
            #expect(abs(delivery.nextAttemptAt.timeIntervalSince(start) - 3) < 0.01, "then ~2 s more")

            fixture.clock.advance(by: 2)
            #expect(try await worker.drain().delivered == 1)
            delivery = try #require(try await fixture.deliveries().first)
            #expect(delivery.status == .delivered)
            #expect(delivery.attempts == 3)

            let received = receiver.received
            #expect(received.count == 3)
            #expect(Set(received.compactMap(\.idempotencyKey)) == [delivery.idempotencyKey])
            #expect(Set(received.map(\.body)).count == 1, "the same bytes every time")
        }
    }

    @Test("the backoff grows exponentially, with jitter between half and all of it, up to the maximum")
    func backoffCurve() {
        let backoff = Backoff(base: 2, maximum: 60)
        #expect(backoff.delay(afterAttempts: 1, random: 0) == 1)
        #expect(backoff.delay(afterAttempts: 1, random: 1) == 2)
        #expect(backoff.delay(afterAttempts: 4, random: 1) == 16)
        #expect(backoff.delay(afterAttempts: 4, random: 0) == 8)
        #expect(backoff.delay(afterAttempts: 30, random: 1) == 60)
    }

    @Test("429 waits exactly as long as Retry-After or Discord's retry_after asks")
    func retryAfter() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.script([
                .status(429, headers: ["Retry-After": "7"]),
                .status(429, headers: ["Content-Type": "application/json"], body: #"{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}"#),
                .status(204),
            ])
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker([NotifyFixture.target("discord", receiver, format: .discord)], transport: try CurlTransport())
            let start = fixture.clock.now()

            #expect(try await worker.drain().retried == 1)
            var delivery = try #require(try await fixture.deliveries().first)
            #expect(delivery.nextAttemptAt == start.addingTimeInterval(7))
            #expect(delivery.lastStatus == 429)
            fixture.clock.advance(by: 6.9)
            #expect(try await worker.drain().attempted == 0, "Retry-After is honoured")

            fixture.clock.advance(by: 0.1)
            #expect(try await worker.drain().retried == 1)
            delivery = try #require(try await fixture.deliveries().first)
            #expect(delivery.nextAttemptAt == start.addingTimeInterval(9.5))

            fixture.clock.advance(by: 2.5)
            #expect(try await worker.drain().delivered == 1)
            #expect(receiver.received.count == 3)
        }
        #expect(RetryAfter.seconds(in: OutboundResponse(status: 503, headers: [HTTPHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")], body: Data()),
                                   now: Date(timeIntervalSince1970: 1_445_412_470)) == 10)
    }

    @Test("other 4xx go to dead-letter at once with the reason; retry revives them with the same key")
    func permanent() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.script([.status(404, body: "no such hook")])
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker([NotifyFixture.target("json", receiver)], transport: try CurlTransport())
            #expect(try await worker.drain().dead == 1)
            let dead = try #require(try await fixture.deliveries().first)
            #expect(dead.status == .dead)
            #expect(dead.attempts == 1)
            #expect(dead.lastError?.contains("refused the message with 404: no such hook") == true)

            let revived = try await fixture.repository.transaction { try $0.requeue(dead.id, at: fixture.clock.now()) }
            #expect(revived)
            #expect(try await worker.drain().delivered == 1)
            #expect(receiver.received.map(\.idempotencyKey) == [dead.idempotencyKey, dead.idempotencyKey])
        }
    }

    @Test("failures past the last attempt go to dead-letter with the last reason")
    func attemptsSpent() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.setFallback(.status(502, body: "bad gateway"))
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker([NotifyFixture.target("json", receiver, maxAttempts: 3)], transport: try CurlTransport())
            for _ in 0..<3 {
                _ = try await worker.drain()
                fixture.clock.advance(by: 60)
            }
            let delivery = try #require(try await fixture.deliveries().first)
            #expect(delivery.status == .dead)
            #expect(delivery.attempts == 3)
            #expect(delivery.lastError?.hasPrefix("gave up after 3 attempts: ") == true)
            #expect(delivery.lastError?.contains("502") == true)
            #expect(receiver.received.count == 3)
        }
    }

    @Test("connection refused, an unknown name and a slow receiver are retried; nothing is lost once it is back")
    func receiverDown() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        try await TestReceiver.with { receiver in
            receiver.script([.delayed(3, 200)])
            var refused = NotifyFixture.target("refused", receiver)
            refused.url = Secret("http://127.0.0.1:1/hook?token=SECRET", source: "test") ?? refused.url
            var unknown = NotifyFixture.target("unknown", receiver)
            unknown.url = Secret("https://hooks.jobtwin-test.invalid/hook", source: "test") ?? unknown.url
            let slow = NotifyFixture.target("slow", receiver, timeout: 0.3)
            try await fixture.record(.matchConfirmed)
            let worker = fixture.worker([refused, unknown, slow], transport: try CurlTransport())
            #expect(try await worker.drain().retried == 3)
            let errors = Dictionary(uniqueKeysWithValues: try await fixture.deliveries().map { ($0.target, $0.lastError ?? "") })
            #expect(errors["refused"]?.contains("Nothing accepted a connection at http://127.0.0.1:1/…") == true)
            #expect(errors["refused"]?.contains("SECRET") == false)
            #expect(errors["unknown"]?.contains("does not resolve") == true)
            #expect(errors["slow"]?.contains("took longer than 0.3 s") == true)

            // The slow receiver is fast again: its message arrives on the next attempt, same key.
            // That attempt gets the usual timeout: 0.3 s was for provoking the first one, and a
            // suite that keeps both cores busy can take longer than that for a fast answer.
            fixture.clock.advance(by: 1)
            let recovered = fixture.worker([refused, unknown, NotifyFixture.target("slow", receiver, timeout: 10)], transport: try CurlTransport())
            let round = try await recovered.drain()
            #expect(round.delivered == 1)
            let slowDelivery = try #require(try await fixture.deliveries().first { $0.target == "slow" })
            #expect(slowDelivery.status == .delivered)
            #expect(Set(receiver.received.compactMap(\.idempotencyKey)) == [slowDelivery.idempotencyKey])
        }
    }

    @Test("a Slack Events API reply is posted with chat.postMessage and marked delivered")
    func slackReply() async throws {
        let fixture = try NotifyFixture()
        try await fixture.addPair()
        let user = ParticipantID("slack:T1:U42") ?? fixture.anna
        let reply = Reply(participant: user.description, messages: [], prompt: nil, phase: .matching, language: .nl)
        let now = fixture.clock.now()
        try await fixture.repository.transaction { tx in
            try tx.save(Participant(id: user, language: .nl, createdAt: now))
            for n in 1...2 {
                var encoded = reply
                encoded.messages = [Reply.Message(.info, "Antwoord \(n) <b>")]
                try tx.save(ProcessedRequest(channel: "slack-events", requestID: "Ev\(n)", participant: user,
                                             reply: try JSONEncoder().encode(encoded), at: now, deliveredAt: nil))
            }
        }
        try await TestReceiver.with { receiver in
            receiver.script([.status(200, body: #"{"ok": true}"#), .status(200, body: #"{"ok": false, "error": "channel_not_found"}"#)])
            let worker = fixture.worker([], transport: try CurlTransport(), slackToken: "xoxb-test-token", slackBase: receiver.url + "/api")
            let round = try await worker.drain()
            #expect(round.delivered == 1)
            #expect(round.dead == 1)
            let received = receiver.received
            #expect(received.map(\.path) == ["/api/chat.postMessage", "/api/chat.postMessage"])
            try #require(received.count == 2)
            #expect(received[0].headers["authorization"] == "Bearer xoxb-test-token")
            #expect(received[0].json["channel"] as? String == "U42")
            #expect(received[0].json["text"] as? String == "Antwoord 1 &lt;b&gt;", "one after the other, in order; as Slack mrkdwn, escaped")
            let dead = try #require(try await fixture.deliveries().first { $0.status == .dead })
            #expect(dead.lastError?.contains("channel_not_found") == true)
            let first = try await fixture.repository.read { try $0.processedRequest(channel: "slack-events", requestID: "Ev1", participant: user) }
            #expect(first?.deliveredAt != nil)
            // Fanned out once: a second pass adds nothing.
            #expect(try await worker.fanOut() == 0)
        }
    }
}
