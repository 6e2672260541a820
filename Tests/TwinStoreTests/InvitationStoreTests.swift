import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinLanguage
import TwinStore

/// Invitation links and browser sessions in SQLite: only digests are kept; revoking, ending,
/// export and erasure.
@Suite("Invitations and web sessions in the store")
struct InvitationStoreTests {
    let store: TestStore

    init() throws {
        store = try TestStore()
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let anna = ParticipantID("web:anna")!
    static let token = "RAWTOKENmarker0123456789abcdefghijklmnopqr"
    static let session = "RAWSESSIONmarker0123456789abcdefghijklmnop"

    private func seeded() async throws -> any TwinRepository {
        let repository = store.repository
        try await repository.transaction { tx in
            try tx.save(Participant(id: Self.anna, language: .en, createdAt: Self.now))
            try tx.save(Invitation(participant: Self.anna, name: "Anna Invitee", email: "Anna@Example.org", side: .teacher,
                                   isCoordinator: true, createdAt: Self.now, expiresAt: Self.now.addingTimeInterval(86_400)),
                        token: SecretDigest(of: Self.token))
            try tx.startWebSession(SecretDigest(of: Self.session), for: Self.anna, at: Self.now)
        }
        return repository
    }

    @Test("the raw token and session id are never stored, only their SHA-256", .onBothStores)
    func hashOnly() async throws {
        let repository = try await seeded()
        let found = try await repository.read { try $0.invitation(token: SecretDigest(of: Self.token)) }
        #expect(found?.participant == Self.anna)
        #expect(found?.side == .teacher)
        #expect(found?.isCoordinator == true)
        #expect(try await repository.read { try $0.invitation(token: SecretDigest(of: "other")) } == nil)
        let session = try await repository.read { try $0.webSession(SecretDigest(of: Self.session)) }
        #expect(session?.isActive == true)
        try await repository.transaction { tx in _ = try tx.pruneProcessedRequests(deliveredBefore: Self.now) }
        let text = String(decoding: try store.storedBytes(), as: UTF8.self)
        #expect(!text.contains("RAWTOKENmarker"), "the store holds the raw token")
        #expect(!text.contains("RAWSESSIONmarker"), "the store holds the raw session id")
        #expect(SecretDigest(of: Self.token).hex.count == 64)
    }

    @Test("found by e-mail whatever the capitals; revoking ends the coordinator flag; sessions end", .onBothStores)
    func revokeAndEnd() async throws {
        let repository = try await seeded()
        #expect(try await repository.read { try $0.invitedParticipant(email: "anna@example.ORG") } == Self.anna)
        #expect(try await repository.read { try $0.isWebCoordinator(Self.anna) })
        let (links, sessions) = try await repository.transaction { tx in
            (try tx.revokeInvitations(of: Self.anna, at: Self.now), try tx.endWebSessions(of: Self.anna, at: Self.now))
        }
        #expect(links == 1 && sessions == 1)
        #expect(try await repository.read { try $0.invitation(token: SecretDigest(of: Self.token))?.revokedAt } != nil)
        #expect(try await repository.read { try $0.webSession(SecretDigest(of: Self.session))?.isActive } == false)
        #expect(try await !repository.read { try $0.isWebCoordinator(Self.anna) })
        #expect(try await repository.transaction { try $0.endWebSession(SecretDigest(of: Self.session), at: Self.now) } == false)
    }

    @Test("exported with the participant, and erased with them", .onBothStores)
    func exportAndErasure() async throws {
        let repository = try await seeded()
        let data = try await repository.exportPersonalData(of: Self.anna, at: Self.now)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: [[String: Any]]])
        #expect(tables["invitations"]?.first?["name"] as? String == "Anna Invitee")
        #expect(tables["web_sessions"]?.count == 1)
        #expect(try await repository.erasePersonalData(of: Self.anna, at: Self.now) != nil)
        #expect(try await repository.read { try $0.invitation(token: SecretDigest(of: Self.token)) } == nil)
        #expect(try await repository.read { try $0.webSession(SecretDigest(of: Self.session)) } == nil)
        #expect(try await repository.read { try $0.invitedParticipant(email: "anna@example.org") } == nil)
        let text = String(decoding: try store.storedBytes(), as: UTF8.self)
        #expect(!text.contains("Anna Invitee"))
    }
}
