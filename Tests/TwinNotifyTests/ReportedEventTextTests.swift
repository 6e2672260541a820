import TwinLanguage
import Foundation
import Testing
import Twinning
@testable import TwinNotify

/// `bottleneck.reported`: what a participant told the coordinator, in both languages, and never
/// a direct message to the pair.
@Suite("Texts of a reported bottleneck")
struct ReportedEventTextTests {
    let anna = ParticipantID("api:anna")!, bram = ParticipantID("api:bram")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func context() -> EventContext {
        var context = EventContext()
        context.names = [anna: "Anna de Vries", bram: "Bram Bakker"]
        context.sides = [anna: .teacher, bram: .professional]
        context.pair = Pair(id: "p", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1, proposedAt: now)
        return context
    }

    @Test("a knelpunt raised: who, which, their words and what helps, in Dutch and English")
    func raised() {
        var context = context()
        context.bottleneck = .reported
        context.report = ReportedBottleneck(pairID: "p", participant: bram, topic: .partnerNotResponding,
                                            words: "Anna reageert niet op mijn mails", reportedAt: now)
        let event = ProgrammeEvent(kind: .bottleneckReported, participants: [bram], pairID: "p", occurredAt: now)
        let (title, text) = EventText.texts(event, context: context)
        #expect(title.nl == "Knelpunt gemeld door een deelnemer" && title.en == "Bottleneck reported by a participant")
        #expect(text.nl.hasPrefix("Bram Bakker meldt een knelpunt in het duo Anna de Vries (docent) en Bram Bakker (professional): de partner reageert niet."))
        #expect(text.nl.contains("In eigen woorden: \u{201C}Anna reageert niet op mijn mails\u{201D}"))
        #expect(text.nl.hasSuffix("De partner weet hier niet van."))
        #expect(text.en.hasPrefix("Bram Bakker reports a bottleneck in the pair Anna de Vries (teacher) and Bram Bakker (professional): the partner does not respond."))
        #expect(text.en.contains("In their own words: \u{201C}Anna reageert niet op mijn mails\u{201D}"))
        #expect(text.en.contains("Get in touch and see together what helps"))
        #expect(text.en.hasSuffix("The partner has not been told."))
    }

    @Test("a no to the click question, with the mitigations; without words nothing is quoted")
    func noClick() {
        var context = context()
        context.bottleneck = .noClick
        let event = ProgrammeEvent(kind: .bottleneckReported, participants: [anna], pairID: "p", occurredAt: now)
        let (_, text) = EventText.texts(event, context: context)
        #expect(text.nl.hasPrefix("Anna de Vries geeft aan dat er geen klik is met de partner in het duo"))
        #expect(text.nl.contains("een nieuwe match het laatste redmiddel"))
        #expect(text.en.contains("says there is no click with the partner"))
        #expect(!text.nl.contains("\u{201C}"))
    }

    @Test("never a direct message: not to who said it, not to the partner")
    func noDirectMessage() {
        let event = ProgrammeEvent(kind: .bottleneckReported, participants: [anna], pairID: "p", occurredAt: now)
        #expect(DirectMessagePlan.plan(for: event, phaseOf: { _ in .activiteiten }) == nil)
    }
}
