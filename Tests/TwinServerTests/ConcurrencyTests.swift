import Foundation
import Testing
import Twinning
import TwinStore

/// Many participants at once through the real server.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("200 concurrent requests over 50 participants: every one answered once, none lost or doubled")
    func concurrentRequests() async throws {
        try await ServerFixture.with { server in
            let participants = (0..<50).map { "p\($0)" }
            // Four messages per participant, all sent at once: the first opens, three answer.
            let results = try await withThrowingTaskGroup(of: (String, String, Int, String?).self) { group in
                for participant in participants {
                    for n in 0..<4 {
                        group.addTask {
                            let response = try await server.message(participant, "Naam \(n)", id: "\(participant)-\(n)")
                            return (participant, "\(participant)-\(n)", response.status, response.json["participant"] as? String)
                        }
                    }
                }
                var all: [(String, String, Int, String?)] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(results.count == 200)
            #expect(results.allSatisfy { $0.2 == 200 })
            #expect(results.allSatisfy { $0.3 == "api:\($0.0)" })
            for participant in participants {
                #expect(try await server.turns("api:\(participant)") == 4, "\(participant)")
            }
            let stored = try await server.repository.read { reader in
                try participants.flatMap { participant in
                    try (0..<4).compactMap { n in
                        try reader.processedRequest(channel: "api", requestID: "\(participant)-\(n)", participant: ParticipantID("api:\(participant)")!)
                    }
                }
            }
            #expect(stored.count == 200)

            // Sending all 200 again changes nothing.
            try await withThrowingTaskGroup(of: Int.self) { group in
                for participant in participants {
                    for n in 0..<4 {
                        group.addTask { try await server.message(participant, "Naam \(n)", id: "\(participant)-\(n)").status }
                    }
                }
                for try await status in group { #expect(status == 200) }
            }
            for participant in participants {
                #expect(try await server.turns("api:\(participant)") == 4, "\(participant)")
            }
        }
    }
}
