import Foundation
import Testing
import Twinning
import TwinAssistant
import TwinReply
@testable import TwinServer
import TwinConfiguration

@Suite("Rate limiter")
struct RateLimiterTests {
    private let anna = ParticipantID("api:anna")!
    private let bram = ParticipantID("api:bram")!

    @Test("a burst is allowed, then the wait until the next token is given, per participant")
    func bucket() {
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        let limiter = RateLimiter(settings: RateLimitSettings(perMinute: 6, burst: 2), clock: clock)
        #expect(limiter.acquire(anna) == nil)
        #expect(limiter.acquire(anna) == nil)
        #expect(limiter.acquire(anna) == 10)
        #expect(limiter.acquire(bram) == nil)
        clock.advance(by: 4)
        #expect(limiter.acquire(anna) == 6)
        clock.advance(by: 6)
        #expect(limiter.acquire(anna) == nil)
        #expect(limiter.acquire(anna) == 10)
    }

    @Test("per_minute 0 turns the limit off")
    func off() {
        let limiter = RateLimiter(settings: RateLimitSettings(perMinute: 0, burst: 1), clock: ManualClock(Date()))
        for _ in 0..<100 { #expect(limiter.acquire(anna) == nil) }
    }

    @Test("full buckets are swept when the table grows, and behave as new")
    func sweep() {
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        let limiter = RateLimiter(settings: RateLimitSettings(perMinute: 60, burst: 1), clock: clock, sweepThreshold: 10)
        for n in 0..<50 { #expect(limiter.acquire(ParticipantID("api:p\(n)")!) == nil) }
        clock.advance(by: 2)
        for n in 0..<50 { #expect(limiter.acquire(ParticipantID("api:p\(n)")!) == nil) }
    }
}
