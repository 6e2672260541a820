import TwinLanguage
import Foundation
import Testing
import Twinning

/// Bottlenecks (knelpunten) detected from a pair's data as time passes.
@Suite("Bottleneck detection")
struct BottleneckDetectorTests {
    let teacher = ParticipantID("t:anna")!, professional = ParticipantID("t:bram")!
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let day = 86_400.0

    func pair() -> Pair {
        Pair(id: "p", teacher: teacher, professional: professional, origin: .coordinator, status: .confirmed, score: 1,
             proposedAt: start, teacherConfirmedAt: start, professionalConfirmedAt: start, confirmedAt: start)
    }

    func fixedPlan(hours: Double = 20) -> Plan {
        var plan = Plan(pairID: "p", weeks: 13, meetings: 6, hours: hours, period: "", agreements: "", proposedBy: teacher, at: start)
        plan.confirm(by: professional, partner: teacher, at: start)
        return plan
    }

    @Test("a plan not confirmed by both is flagged after the configured number of days")
    func planNotConfirmed() {
        let detector = BottleneckDetector(inactivityWeeks: 3, planConfirmationDays: 14)
        let proposed = Plan(pairID: "p", weeks: 13, meetings: 6, hours: 20, period: "", agreements: "", proposedBy: teacher, at: start)
        #expect(detector.detect(pair: pair(), plan: proposed, activities: [], managerAgreements: [:], now: start + 14 * day).isEmpty)
        #expect(detector.detect(pair: pair(), plan: proposed, activities: [], managerAgreements: [:], now: start + 15 * day).map(\.kind) == [.planNotConfirmed])
        #expect(detector.detect(pair: pair(), plan: nil, activities: [], managerAgreements: [:], now: start + 15 * day).map(\.kind) == [.planNotConfirmed])
    }

    @Test("no activity for the configured weeks, and hours behind the plan")
    func inactivityAndHours() {
        let detector = BottleneckDetector(inactivityWeeks: 3)
        let activity = Activity(id: "a", pairID: "p", loggedBy: teacher, kind: .workplaceVisit, day: "2027-01-20", hours: 2,
                                notes: "", isConfidential: false, loggedAt: start + 7 * day)
        let early = detector.detect(pair: pair(), plan: fixedPlan(), activities: [activity], managerAgreements: [:], now: start + 20 * day)
        #expect(early.isEmpty)
        let late = detector.detect(pair: pair(), plan: fixedPlan(), activities: [activity], managerAgreements: [:], now: start + 60 * day)
        #expect(Set(late.map(\.kind)) == [.noActivity, .hoursBehind])
    }

    @Test("manager agreement partly or no, and confidential activities, name the participant")
    func managerAndConfidentiality() {
        let confidential = Activity(id: "a", pairID: "p", loggedBy: professional, kind: .guestLesson, day: "2027-01-20", hours: 10,
                                    notes: "", isConfidential: true, loggedAt: start + day)
        let found = BottleneckDetector().detect(pair: pair(), plan: fixedPlan(hours: 10), activities: [confidential],
                                                managerAgreements: [teacher: .partly, professional: .yes], now: start + 2 * day)
        #expect(found.contains { $0.kind == .managerAgreement && $0.participant == teacher })
        #expect(!found.contains { $0.kind == .managerAgreement && $0.participant == professional })
        #expect(found.contains { $0.kind == .confidentiality && $0.participant == professional })
        #expect(!Bottleneck.description(.managerAgreement).nl.isEmpty)
    }

    @Test("a pair that is not running has no bottlenecks")
    func notRunning() {
        var closed = pair()
        closed.status = .closed
        #expect(BottleneckDetector().detect(pair: closed, plan: nil, activities: [], managerAgreements: [teacher: .no], now: start + 90 * day).isEmpty)
    }
}
