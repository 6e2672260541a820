import Foundation
import Testing
import JobTwinTestSupport
import Twinning
import TwinLanguage
import TwinAssistant
import TwinStore

/// The invitation service: links for new and known people, expiry, several devices, revoking,
/// and the typed refusals with their texts.
@Suite("Invitations", .onBothStores)
struct InvitationsTests {
    let store: TestStore
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))

    init() throws {
        store = try TestStore()
    }

    private var repository: any TwinRepository { store.repository }

    private var service: Invitations { Invitations(repository: repository, clock: clock, validityDays: 30, language: .nl) }

    @Test("a link makes a web: participant, opens on several devices, and the same e-mail finds them again")
    func inviteAndOpen() async throws {
        let issued = try await service.invite(InvitationRequest(name: "Anna", email: "anna@example.org", side: .teacher), actor: "repl:coord")
        #expect(issued.participant.channel == "web")
        #expect(WebSecret.isWellFormed(issued.token))
        #expect(issued.link(baseURL: "https://x.org/") == "https://x.org/chat/\(issued.token)")
        #expect(issued.expiresAt == clock.now().addingTimeInterval(30 * 86_400))
        let first = try await service.open(token: issued.token)
        let second = try await service.open(token: issued.token)
        #expect(first.participant == issued.participant && second.participant == issued.participant)
        #expect(first.sessionID != second.sessionID)
        #expect(try await service.participant(session: first.sessionID)?.0 == issued.participant)
        let again = try await service.invite(InvitationRequest(name: "Anna V", email: "ANNA@example.org"), actor: "repl:coord")
        #expect(again.participant == issued.participant && again.isExistingParticipant)
        #expect(try await repository.auditLog().filter { $0.action == "invite" }.count == 2)
    }

    @Test("expired, revoked and unknown links are refused with what to do, in the participant's language")
    func refusals() async throws {
        let issued = try await service.invite(InvitationRequest(name: "Bram", days: 2), actor: "repl:coord")
        let session = try await service.open(token: issued.token)
        clock.advance(days: 3)
        await #expect(throws: WebAccessError.expired(.nl)) { try await service.open(token: issued.token) }
        await #expect(throws: WebAccessError.unknown) { try await service.open(token: WebSecret.make()) }
        await #expect(throws: WebAccessError.unknown) { try await service.open(token: "short") }
        let fresh = try await service.invite(InvitationRequest(name: "Bram", isCoordinator: true), actor: "repl:coord")
        #expect(try await service.isCoordinator(fresh.participant))
        let revoked = try await service.revoke(issued.participant, actor: "repl:coord")
        #expect(revoked.links == 1 && revoked.sessions == 1)
        #expect(try await service.participant(session: session.sessionID) == nil)
        await #expect(throws: WebAccessError.revoked(.nl)) { try await service.open(token: issued.token) }
        for error in [WebAccessError.unknown, .expired(.en), .revoked(.nl)] {
            #expect(error.message.nl.contains("coördinator") && error.message.en.contains("coordinator"))
        }
        await #expect(throws: InvitationError.notInvited("web:nobody")) {
            try await service.revoke(ParticipantID("web:nobody")!, actor: "repl:coord")
        }
    }

    @Test("a bad request is refused and nothing is stored; sign-out ends the session")
    func badRequestsAndSignOut() async throws {
        await #expect(throws: InvitationError.self) {
            try await service.invite([InvitationRequest(name: "Ok"), InvitationRequest(name: "X", email: "not-an-address")], actor: "repl:c")
        }
        #expect(try await repository.read { try $0.participants() }.isEmpty)
        let issued = try await service.invite(InvitationRequest(name: "Carl"), actor: "repl:c")
        let session = try await service.open(token: issued.token)
        #expect(try await service.signOut(session: session.sessionID))
        #expect(try await service.participant(session: session.sessionID) == nil)
    }

    @Test("someone invited as a coordinator is not listed among the participants not yet paired")
    func coordinatorNotUnpaired() async throws {
        let teacher = try await service.invite(InvitationRequest(name: "Anna", side: .teacher), actor: "repl:coord")
        let coordinator = try await service.invite(InvitationRequest(name: "Carla", isCoordinator: true), actor: "repl:coord")
        let document = try await CoordinatorOverview(repository: repository, clock: clock).document(language: .nl)
        let section = try #require(document.sections.first { $0.heading == "Nog zonder duo" })
        let listed = section.blocks.flatMap { block -> [String] in
            if case .list(let items) = block { return items }
            return []
        }
        #expect(listed.contains { $0.contains(teacher.participant.description) }, "\(listed)")
        #expect(!listed.contains { $0.contains(coordinator.participant.description) }, "\(listed)")
    }

}
