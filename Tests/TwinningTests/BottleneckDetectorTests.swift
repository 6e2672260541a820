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
        // Both did the context check, so that only the activities count here.
        let checked: [ParticipantID: ManagerAgreement] = [teacher: .yes, professional: .yes]
        let early = detector.detect(pair: pair(), plan: fixedPlan(), activities: [activity], managerAgreements: checked, now: start + 20 * day)
        #expect(early.isEmpty)
        let late = detector.detect(pair: pair(), plan: fixedPlan(), activities: [activity], managerAgreements: checked, now: start + 60 * day)
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

    @Test("a context check not done the configured number of days after the plan was fixed names each participant without one")
    func contextCheckMissing() {
        let detector = BottleneckDetector(contextCheckDays: 10)
        let done: [ParticipantID: ManagerAgreement] = [professional: .yes]
        #expect(detector.detect(pair: pair(), plan: fixedPlan(), activities: [], managerAgreements: done, now: start + 10 * day).isEmpty)
        let late = detector.detect(pair: pair(), plan: fixedPlan(), activities: [], managerAgreements: done, now: start + 11 * day)
        #expect(late.map(\.kind) == [.contextCheckMissing])
        #expect(late.first?.participant == teacher)
        // Not before the plan is fixed: until then there are no hours to agree on.
        let proposed = Plan(pairID: "p", weeks: 13, meetings: 6, hours: 20, period: "", agreements: "", proposedBy: teacher, at: start)
        #expect(!BottleneckDetector(planConfirmationDays: 90, contextCheckDays: 1)
            .detect(pair: pair(), plan: proposed, activities: [], managerAgreements: [:], now: start + 30 * day)
            .contains { $0.kind == .contextCheckMissing })
        // The default is two weeks, with both flagged when neither did it.
        let both = BottleneckDetector().detect(pair: pair(), plan: fixedPlan(), activities: [], managerAgreements: [:], now: start + 15 * day)
        #expect(Set(both.filter { $0.kind == .contextCheckMissing }.compactMap(\.participant)) == [teacher, professional])
        #expect(Bottleneck.description(.contextCheckMissing).nl.contains("professionalisering"))
        #expect(Bottleneck.description(.contextCheckMissing).en.contains("study days"))
    }

    @Test("a no to the click question and a knelpunt a participant raised are bottlenecks for the coordinator only")
    func clickAndReported() {
        let checked: [ParticipantID: ManagerAgreement] = [teacher: .yes, professional: .yes]
        let reports = [
            ReportedBottleneck(pairID: "p", participant: professional, topic: .noTime, words: "Geen vrije middag", reportedAt: start + day),
            ReportedBottleneck(pairID: "p", participant: professional, topic: .other, words: nil, reportedAt: start + 2 * day),
            ReportedBottleneck(pairID: "other", participant: teacher, topic: .other, words: nil, reportedAt: start + 2 * day),
        ]
        let found = BottleneckDetector().detect(pair: pair(), plan: fixedPlan(), activities: [], managerAgreements: checked,
                                                clicks: [teacher: .no, professional: .somewhat], reports: reports, now: start + 3 * day)
        #expect(found.filter { $0.kind == .noClick }.map(\.participant) == [teacher], "only a no counts")
        #expect(found.filter { $0.kind == .reported }.map(\.participant) == [professional], "one per participant, of this pair only")
        #expect(found.allSatisfy { $0.isForCoordinatorOnly == ($0.kind == .noClick || $0.kind == .reported) })
        #expect(Bottleneck.description(.noClick).nl.contains("nieuwe match"))
        #expect(Bottleneck.description(.noClick).en.contains("openly"))
        for topic in ReportedBottleneck.Topic.allCases {
            #expect(!ReportedBottleneck.mitigations(topic).nl.isEmpty && !ReportedBottleneck.mitigations(topic).en.isEmpty)
        }
        #expect(ReportedBottleneck.mitigations(.noTime).nl.contains("toetsweken"))
    }

    @Test("a pair that is not running has no bottlenecks")
    func notRunning() {
        var closed = pair()
        closed.status = .closed
        #expect(BottleneckDetector().detect(pair: closed, plan: nil, activities: [], managerAgreements: [teacher: .no], now: start + 90 * day).isEmpty)
    }
}
