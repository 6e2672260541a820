import Foundation
import Testing
import Twinning

/// Planned against done: per kind the plan intends, whether confirmed activities of it exist,
/// and the kinds done that the plan did not name.
@Suite("Intended activities against those done")
struct IntendedActivitiesTests {
    static let anna = ParticipantID("api:anna")!
    static let bram = ParticipantID("api:bram")!
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func plan(_ kinds: [ActivityKind]) -> Plan {
        Plan(pairID: "p", weeks: 13, meetings: 7, hours: 20, period: "voorjaar", agreements: "bellen",
             proposedBy: anna, at: start, intendedKinds: kinds)
    }

    static func activity(_ id: String, _ kind: ActivityKind, confirmed: Bool = true) -> Activity {
        Activity(id: id, pairID: "p", loggedBy: bram, kind: kind, day: "2027-03-01", hours: 2, notes: "", isConfidential: false,
                 loggedAt: start, confirmedAt: confirmed ? start : nil)
    }

    @Test("each intended kind in the plan's order, with the confirmed activities of it; unconfirmed ones are on the way, not done")
    func intended() {
        let comparison = IntendedActivities(plan: Self.plan([.guestLesson, .workplaceVisit, .training]), activities: [
            Self.activity("1", .workplaceVisit), Self.activity("2", .workplaceVisit), Self.activity("3", .training, confirmed: false),
        ])
        #expect(comparison.intended.map(\.kind) == [.guestLesson, .workplaceVisit, .training])
        #expect(comparison.intended.map(\.timesDone) == [0, 2, 0])
        #expect(comparison.intended.map(\.isDone) == [false, true, false])
        #expect(comparison.intended.map(\.timesAwaitingConfirmation) == [0, 0, 1])
        #expect(comparison.unplannedDone.isEmpty)
    }

    @Test("kinds done but not planned are listed once, in the order of the kinds; unconfirmed ones do not count")
    func unplanned() {
        let comparison = IntendedActivities(plan: Self.plan([.workplaceVisit]), activities: [
            Self.activity("1", .other), Self.activity("2", .sparring), Self.activity("3", .sparring),
            Self.activity("4", .collaborationPlan, confirmed: false),
        ])
        #expect(comparison.unplannedDone == [.sparring, .other])
        #expect(comparison.intended.map(\.isDone) == [false])
    }

    @Test("a plan without intended kinds (made before they were asked) compares nothing until something is done")
    func noKinds() {
        #expect(IntendedActivities(plan: Self.plan([]), activities: []).isEmpty)
        let comparison = IntendedActivities(plan: Self.plan([]), activities: [Self.activity("1", .guestLesson)])
        #expect(!comparison.isEmpty)
        #expect(comparison.unplannedDone == [.guestLesson])
    }

    @Test("a kind named twice counts once; the progress carries the comparison; a revision carries its own kinds")
    func progressAndRevision() {
        var plan = Self.plan([.training, .training, .guestLesson])
        let progress = Progress(plan: plan, activities: [Self.activity("1", .training)], now: Self.start)
        #expect(progress.kinds.intended.map(\.kind) == [.training, .guestLesson])
        #expect(progress.kinds.intended.first?.timesDone == 1)
        plan.revise(weeks: 13, meetings: 7, hours: 20, period: "voorjaar", agreements: "bellen", by: Self.bram, at: Self.start,
                    deviationReasons: [:], intendedKinds: [.sparring])
        #expect(plan.intendedKinds == [.sparring])
        #expect(plan.version == 2)
    }
}
