import TwinLanguage
import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinStore

/// The export a participant asks for in the chat (`PersonalDataExportScope.chat`), read inside a
/// transaction: copies of chat replies by their size, and nothing other people decided about them.
@Suite("Personal data export in the chat")
struct PersonalDataChatExportTests {
    /// The `tables` object of an export.
    static func tables(_ export: Data) throws -> [String: [[String: Any]]]? {
        (try JSONSerialization.jsonObject(with: export) as? [String: Any])?["tables"] as? [String: [[String: Any]]]
    }

    @Test("reply copies are given by size; others' likes and the coordinator's exclusions are left out; the rest is as complete", .onBothStores)
    func chatScope() async throws {
        let store = try TestStore()
        let repository = store.repository
        let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!, carl = ParticipantID("api:carl")!
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let reply = Data(#"{"messages":[{"kind":"summary","text":"Earlier export of Anna"}]}"#.utf8)
        try await repository.transaction { tx in
            for id in [anna, bram, carl] { try tx.save(Participant(id: id, language: .nl, createdAt: now)) }
            try tx.saveLike(from: carl, to: anna, liked: false, at: now)
            try tx.saveLike(from: anna, to: bram, liked: true, at: now)
            try tx.addExclusion(anna, carl, at: now)
            try tx.save(ProcessedRequest(channel: "api", requestID: "r1", participant: anna, reply: reply, at: now, deliveredAt: now))
            try tx.save([ConversationText(at: now, direction: .incoming, text: "mijn gegevens"),
                         ConversationText(at: now, direction: .outgoing, text: "Earlier export of Anna")], for: anna)
        }
        let (complete, chat) = try await repository.read { reader in
            (try reader.exportPersonalData(of: anna, at: now, scope: .complete), try reader.exportPersonalData(of: anna, at: now, scope: .chat))
        }
        let full = try #require(try Self.tables(complete))
        let tables = try #require(try Self.tables(chat))
        #expect(full["likes"]?.count == 2 && full["exclusions"]?.count == 1)
        #expect(String(decoding: complete, as: UTF8.self).contains("Earlier export of Anna"))

        #expect(tables["likes"]?.map { $0["to_id"] as? String } == ["api:bram"], "only Anna's own like")
        #expect(tables["exclusions"]?.isEmpty == true)
        let stored = try #require(tables["processed_requests"]?.first?["reply_json"] as? [String: Any])
        #expect(stored["bytes"] as? Int == reply.count)
        #expect(stored["left_out"] as? String == "a copy of a reply already shown in the chat")
        let texts = try #require(tables["conversation_texts"])
        #expect(texts.first { $0["direction"] as? String == "in" }?["text"] as? String == "mijn gegevens")
        #expect((texts.first { $0["direction"] as? String == "out" }?["text"] as? [String: Any])?["bytes"] as? Int == 22)
        #expect(!String(decoding: chat, as: UTF8.self).contains("Earlier export of Anna"))
        #expect(Set(tables.keys) == Set(full.keys), "every table is still listed")
    }
}
