import Foundation
import Testing
import TwinStore
import Twinning
import JobTwinTestSupport

/// `conversations.keep_texts` from the configuration file to what `jobtwin serve --check-config`
/// says and what `jobtwin chat` stores.
@Suite("conversations.keep_texts (process)")
struct ConversationSettingsTests {
    @Test("--check-config says whether raw conversation texts are kept")
    func checkConfig() throws {
        let folder = try TemporaryFolder()
        let environment = ["JOBTWIN_API_TOKEN": "check-config-token"]
        try "database: \(folder.path("c.sqlite"))\n".write(toFile: folder.path("off.yaml"), atomically: true, encoding: .utf8)
        let off = try JobTwinProcess.run(["serve", "--check-config", "--config", folder.path("off.yaml")], environment: environment)
        #expect(off.status == 0, "\(off.stderr)")
        #expect(off.stdout.contains("Conversations: answers only; raw texts are not kept"))

        try "database: \(folder.path("c.sqlite"))\nconversations: {keep_texts: true}\n"
            .write(toFile: folder.path("on.yaml"), atomically: true, encoding: .utf8)
        let on = try JobTwinProcess.run(["serve", "--check-config", "--config", folder.path("on.yaml")], environment: environment)
        #expect(on.status == 0, "\(on.stderr)")
        #expect(on.stdout.contains("Conversations: raw texts are kept"))

        try "conversations: {keep_texts: maybe}\n".write(toFile: folder.path("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try JobTwinProcess.run(["serve", "--check-config", "--config", folder.path("bad.yaml")], environment: environment)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.yaml:1"))
        #expect(bad.stderr.contains("`conversations.keep_texts` is true"))
    }

    @Test("jobtwin chat keeps the texts when the configuration says so")
    func chatKeepsTexts() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("chat.sqlite")
        try "conversations: {keep_texts: true}\n".write(toFile: folder.path("jobtwin.yaml"), atomically: true, encoding: .utf8)
        let output = try JobTwinProcess.run(["chat", "--json", "--db", db, "--participant", "kim", "--config", folder.path("jobtwin.yaml")],
                                            input: Data("ja\nKim de Wit\n".utf8))
        #expect(output.status == 0, "\(output.stderr)")
        let repository = try SQLiteRepository(path: db)
        let id = try #require(ParticipantID("repl:kim"))
        let texts = try await repository.read { try $0.conversationTexts(of: id) }
        #expect(texts.filter { $0.direction == .incoming }.map(\.text) == ["ja", "Kim de Wit"])
    }
}
