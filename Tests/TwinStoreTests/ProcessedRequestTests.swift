import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinStore

/// `processed_requests`: the ids of channel requests already taken, with their replies.
@Suite("Processed requests")
struct ProcessedRequestTests {
    let store: TestStore

    init() throws {
        store = try TestStore()
    }

    private func request(_ id: String, for participant: ParticipantID, at seconds: TimeInterval, delivered: Bool) -> ProcessedRequest {
        let at = Date(timeIntervalSince1970: seconds)
        return ProcessedRequest(channel: "api", requestID: id, participant: participant, reply: Data("{\"id\":\"\(id)\"}".utf8),
                                at: at, deliveredAt: delivered ? at : nil)
    }

    @Test("a request is found by channel, id and participant only, survives reopening, and cannot be stored twice", .onBothStores)
    func roundTrip() async throws {
        let anna = try #require(ParticipantID("api:anna"))
        let bram = try #require(ParticipantID("api:bram"))
        let repository = store.repository
        try await repository.transaction { tx in
            for id in [anna, bram] { try tx.save(Participant(id: id, language: .nl, createdAt: Date())) }
            try tx.save(request("m1", for: anna, at: 100, delivered: true))
        }
        let reopened = try store.reopened()
        let (found, otherParticipant, otherChannel) = try await reopened.read { reader in
            (try reader.processedRequest(channel: "api", requestID: "m1", participant: anna),
             try reader.processedRequest(channel: "api", requestID: "m1", participant: bram),
             try reader.processedRequest(channel: "slack-events", requestID: "m1", participant: anna))
        }
        #expect(found == request("m1", for: anna, at: 100, delivered: true))
        #expect(otherParticipant == nil)
        #expect(otherChannel == nil)
        await #expect(throws: (any Error).self) {
            try await reopened.transaction { tx in try tx.save(request("m1", for: anna, at: 200, delivered: true)) }
        }
    }

    @Test("pruning forgets old delivered requests only", .onBothStores)
    func prune() async throws {
        let anna = try #require(ParticipantID("api:anna"))
        let repository = store.repository
        try await repository.transaction { tx in
            try tx.save(Participant(id: anna, language: .nl, createdAt: Date()))
            try tx.save(request("old", for: anna, at: 100, delivered: true))
            try tx.save(request("old-undelivered", for: anna, at: 100, delivered: false))
            try tx.save(request("new", for: anna, at: 1_000, delivered: true))
        }
        let removed = try await repository.transaction { try $0.pruneProcessedRequests(deliveredBefore: Date(timeIntervalSince1970: 500)) }
        #expect(removed == 1)
        let left = try await repository.read { reader in
            try ["old", "old-undelivered", "new"].map { try reader.processedRequest(channel: "api", requestID: $0, participant: anna) != nil }
        }
        #expect(left == [false, true, true])
    }
}
