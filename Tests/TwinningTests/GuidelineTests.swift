import TwinLanguage
import Foundation
import Testing
import Twinning

/// The guideline's advice fires exactly at the programme guide's boundaries: at least three months (13
/// weeks), six to eight meetings, at least 20 hours, and a longer trajectory for long-term goals.
@Suite("Guideline boundaries")
struct GuidelineTests {
    /// A plan that meets every rule, with one figure changed.
    static func deviations(weeks: Int = 13, meetings: Int = 7, hours: Double = 20, longTerm: Bool = false) -> [GuidelineRule] {
        Guideline.deviations(weeks: weeks, meetings: meetings, hours: hours, hasLongTermGoals: longTerm)
    }

    @Test("a plan of exactly 13 weeks, 6 to 8 meetings and 20 hours gets no advice")
    func withinGuideline() {
        #expect(Self.deviations().isEmpty)
        #expect(Self.deviations(meetings: 6).isEmpty)
        #expect(Self.deviations(meetings: 8).isEmpty)
        #expect(Self.deviations(weeks: 52, meetings: 8, hours: 80).isEmpty)
    }

    @Test("duration: 12 weeks is short, 13 weeks (three months) is not")
    func duration() {
        #expect(Self.deviations(weeks: 12) == [.shortDuration])
        #expect(Self.deviations(weeks: 13) == [])
        #expect(Self.deviations(weeks: 1) == [.shortDuration])
    }

    @Test("meetings: 5 is too few, 6 and 8 are fine, 9 is many")
    func meetings() {
        #expect(Self.deviations(meetings: 5) == [.fewMeetings])
        #expect(Self.deviations(meetings: 6) == [])
        #expect(Self.deviations(meetings: 8) == [])
        #expect(Self.deviations(meetings: 9) == [.manyMeetings])
    }

    @Test("hours: 19.5 is too few, 20 is enough")
    func hours() {
        #expect(Self.deviations(hours: 19.5) == [.fewHours])
        #expect(Self.deviations(hours: 19.99) == [.fewHours])
        #expect(Self.deviations(hours: 20) == [])
        #expect(Self.deviations(hours: 20.5) == [])
    }

    @Test("long-term goals: 13 weeks is too short for them, 14 weeks is longer than three months")
    func longTermGoals() {
        #expect(Self.deviations(weeks: 13, longTerm: true) == [.longTermGoalsShortTrajectory])
        #expect(Self.deviations(weeks: 14, longTerm: true) == [])
        #expect(Self.deviations(weeks: 13, longTerm: false) == [])
        #expect(Self.deviations(weeks: 12, longTerm: true) == [.shortDuration, .longTermGoalsShortTrajectory])
    }

    @Test("several rules at once come in a fixed order")
    func order() {
        #expect(Self.deviations(weeks: 8, meetings: 3, hours: 10, longTerm: true)
            == [.shortDuration, .fewMeetings, .fewHours, .longTermGoalsShortTrajectory])
        #expect(Self.deviations(weeks: 8, meetings: 12, hours: 10) == [.shortDuration, .manyMeetings, .fewHours])
    }

    @Test("every rule has advice in Dutch and English")
    func advice() {
        for rule in GuidelineRule.allCases {
            let advice = Guideline.advice(rule)
            #expect(!advice.nl.isEmpty && !advice.en.isEmpty)
            #expect(advice.nl != advice.en)
        }
        #expect(Guideline.advice(.shortDuration).nl.contains("drie maanden"))
        #expect(Guideline.advice(.fewHours).en.contains("20 hours"))
    }
}

/// The plan belongs to the pair: every change is a new version, and it is fixed only when both
/// partners confirmed the same version.
@Suite("Plan versions and confirmation")
struct PlanConfirmationTests {
    static let teacher = ParticipantID("api:anna")!
    static let professional = ParticipantID("api:bram")!
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func proposed() -> Plan {
        Plan(pairID: "p1", weeks: 13, meetings: 7, hours: 20, period: "voorjaar", agreements: "elke week bellen",
             proposedBy: teacher, at: start)
    }

    @Test("the proposer confirms their own first version; the partner still has to")
    func firstVersion() {
        let plan = Self.proposed()
        #expect(plan.version == 1)
        #expect(plan.isConfirmed(by: Self.teacher))
        #expect(!plan.isConfirmed(by: Self.professional))
        #expect(!plan.isAgreed(teacher: Self.teacher, professional: Self.professional))
        #expect(plan.fixedAt == nil)
    }

    @Test("the partner's confirmation of the same version fixes the plan")
    func bothConfirm() {
        var plan = Self.proposed()
        let later = Self.start.addingTimeInterval(3600)
        let becameFixed1 = plan.confirm(by: Self.professional, partner: Self.teacher, at: later)
        #expect(becameFixed1)
        #expect(plan.isAgreed(teacher: Self.teacher, professional: Self.professional))
        #expect(plan.fixedAt == later)
        // Confirming again changes nothing.
        let becameFixed2 = plan.confirm(by: Self.professional, partner: Self.teacher, at: later.addingTimeInterval(60))
        #expect(!becameFixed2)
        #expect(plan.fixedAt == later)
    }

    @Test("a change by the partner is a new version that re-opens the proposer's confirmation")
    func changeReopens() {
        var plan = Self.proposed()
        plan.revise(weeks: 14, meetings: 8, hours: 24, period: "najaar", agreements: "om de week", by: Self.professional,
                    at: Self.start.addingTimeInterval(60), deviationReasons: [:])
        #expect(plan.version == 2)
        #expect(plan.proposedBy == Self.professional)
        #expect(plan.isConfirmed(by: Self.professional))
        #expect(!plan.isConfirmed(by: Self.teacher), "the teacher confirmed version 1, not version 2")
        #expect(plan.fixedAt == nil)
        let becameFixed3 = plan.confirm(by: Self.teacher, partner: Self.professional, at: Self.start.addingTimeInterval(120))
        #expect(becameFixed3)
        #expect(plan.isAgreed(teacher: Self.teacher, professional: Self.professional))
    }

    @Test("a change after one partner confirmed, before the other did, re-opens confirmation: never fixed on different versions")
    func changeAfterOneConfirmed() {
        var plan = Self.proposed()
        // The teacher proposed (and so confirmed) version 1; the teacher then changes it again
        // before the professional confirmed.
        plan.revise(weeks: 16, meetings: 7, hours: 20, period: "voorjaar", agreements: "elke week", by: Self.teacher,
                    at: Self.start.addingTimeInterval(60), deviationReasons: [:])
        #expect(plan.version == 2)
        // The professional confirms the version they saw; it is now version 2, so this
        // confirmation is of version 2 and fixes it.
        let becameFixed4 = plan.confirm(by: Self.professional, partner: Self.teacher, at: Self.start.addingTimeInterval(120))
        #expect(becameFixed4)
        #expect(plan.confirmedVersions == [Self.teacher: 2, Self.professional: 2])

        // Another pair: the professional confirms version 1, then the teacher changes it.
        var other = Self.proposed()
        let becameFixed5 = other.confirm(by: Self.professional, partner: Self.teacher, at: Self.start.addingTimeInterval(30))
        #expect(becameFixed5)
        let fixed = other.fixedAt
        other.revise(weeks: 20, meetings: 8, hours: 30, period: "najaar", agreements: "om de week", by: Self.teacher,
                     at: Self.start.addingTimeInterval(90), deviationReasons: [.manyMeetings: "we willen veel doen"])
        #expect(!other.isConfirmed(by: Self.professional), "the professional must confirm the change")
        #expect(!other.isAgreed(teacher: Self.teacher, professional: Self.professional))
        #expect(other.fixedAt == fixed, "the moment it was first fixed stays")
        #expect(other.deviationReasons == [.manyMeetings: "we willen veel doen"])
        let becameFixed6 = other.confirm(by: Self.professional, partner: Self.teacher, at: Self.start.addingTimeInterval(150))
        #expect(!becameFixed6,
                "agreeing again does not fix it a second time")
        #expect(other.isAgreed(teacher: Self.teacher, professional: Self.professional))
    }

    @Test("a confirmation of a stale version does not count after a change")
    func staleConfirmation() {
        var plan = Self.proposed()
        plan.revise(weeks: 14, meetings: 7, hours: 20, period: "x", agreements: "y", by: Self.professional,
                    at: Self.start, deviationReasons: [:])
        plan.revise(weeks: 15, meetings: 7, hours: 20, period: "x", agreements: "y", by: Self.teacher,
                    at: Self.start, deviationReasons: [:])
        #expect(plan.version == 3)
        #expect(plan.confirmedVersions[Self.professional] == 2)
        #expect(!plan.isConfirmed(by: Self.professional))
        #expect(plan.isConfirmed(by: Self.teacher))
    }
}
