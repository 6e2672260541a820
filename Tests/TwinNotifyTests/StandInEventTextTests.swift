import TwinLanguage
import DialogEngine
import Foundation
import Testing
import Twinning
import TwinNotify

/// A notification about a pair whose partner was erased names the stand-in in words, never by
/// its id, and says the coordinator has a decision to make.
@Suite("Event texts with an erased partner")
struct StandInEventTextTests {
    @Test("a partner_left bottleneck reads well in both languages")
    func partnerLeft() throws {
        let standIn = try #require(ParticipantID("erased:1234"))
        let bram = try #require(ParticipantID("api:bram"))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var context = EventContext()
        context.names = [bram: "Bram Bakker"]
        context.sides = [bram: .professional]
        context.pair = Pair(id: "p", teacher: standIn, professional: bram, origin: .coordinator, status: .confirmed, score: 1, proposedAt: now)
        context.bottleneck = .partnerLeft
        let event = ProgrammeEvent(kind: .bottleneckFlagged, participants: [bram], pairID: "p", occurredAt: now)
        let (_, text) = EventText.texts(event, context: context)
        #expect(text.nl.hasPrefix("Bij (verwijderde deelnemer) en Bram Bakker (professional) is een knelpunt gesignaleerd (betreft Bram Bakker)."))
        #expect(text.nl.contains("Beslissing nodig"))
        #expect(text.en.hasPrefix("A bottleneck was flagged for (erased participant) and Bram Bakker (professional) (concerning Bram Bakker)."))
        #expect(!text.nl.contains("erased:") && !text.en.contains("erased:"))
    }
}
