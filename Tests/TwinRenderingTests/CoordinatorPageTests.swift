import Foundation
import JobTwinTestSupport
import Testing
import TwinLanguage
@testable import TwinRendering
import Twinning

/// The coordinator's overview as the renderer draws it: every chart an image with its title and
/// a table beside it, the guideline marked where it lies, names escaped and linked to their
/// reports, and a page that parses as XML and carries nothing inline.
@Suite("The coordinator's overview page")
struct CoordinatorPageTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func progress(meetings: Int, hours: Double) throws -> (progress: Twinning.Progress, activities: [Activity]) {
        let anna = try #require(ParticipantID("web:anna"))
        let plan = Plan(pairID: "p1", weeks: 13, meetings: 7, hours: 24, period: "voorjaar", agreements: "bellen", proposedBy: anna, at: start)
        let activities = (0..<meetings).map { index in
            Activity(id: "\(index)", pairID: "p1", loggedBy: anna, kind: .workplaceVisit, day: "2027-03-01", hours: hours / Double(meetings),
                     notes: "", isConfidential: false, loggedAt: start, confirmedAt: start)
        }
        return (Twinning.Progress(plan: plan, activities: activities, now: start.addingTimeInterval(5 * 7 * 86_400)), activities)
    }

    @Test("charts with titles, tables and the guideline's marks; names escaped and linked; well-formed, nothing inline")
    func page() throws {
        let anna = try #require(ParticipantID("web:anna")), bram = try #require(ParticipantID("web:bram"))
        let people = Phase.allCases.enumerated().flatMap { index, phase in
            (0...index).map { Participant(id: ParticipantID("web:p\(index)-\($0)")!, language: .nl, phase: phase, createdAt: Self.start) }
        }
        let pair = Pair(id: "p1", teacher: anna, professional: bram, origin: .coordinator, status: .confirmed, score: 1, proposedAt: Self.start)
        let progress = try Self.progress(meetings: 4, hours: 10)
        let figures = ProgrammeFigures(participants: people, pairs: [pair], plans: [], activities: progress.activities,
                                       bottlenecks: [Bottleneck(kind: .noActivity, pairID: "p2", participant: nil, detectedAt: Self.start)])
        let overview = ProgrammeAtAGlance(
            figures: figures,
            pairs: [.init(id: "p1", names: "Anna <b>de</b> Vries & Bram", status: .confirmed, progress: progress.progress),
                    .init(id: "p2", names: "Carla & Dirk", status: .proposed, progress: nil)],
            kindLabels: [.workplaceVisit: "Werkplekbezoek <i>"],
            bottlenecks: [.init(pair: "Carla & Dirk", kind: .noActivity, participant: "Dirk <x>", description: Bottleneck.description(.noActivity))])
        let html = CoordinatorPage.page(overview, language: .nl, csrf: "token")
        let page = try ParsedPage(html)
        #expect(page.root["lang"] == "nl")
        let charts = page.root.all("svg")
        #expect(charts.count == 5)
        for chart in charts {
            let id = try #require(chart["aria-labelledby"])
            #expect(chart["role"] == "img")
            #expect(chart.all("title").first?["id"] == id, "each chart is named by its title")
        }
        #expect(page.root.all("table").count == 6, "phases, the guideline's shares, the statuses, the pairs (for the three pair charts), kinds, bottlenecks")
        // The funnel: each phase's bar centred, the largest (five in afgerond) the whole width.
        let funnel = try #require(charts.first { $0["aria-labelledby"] == "phases-chart" })
        let middles = funnel.all("rect").compactMap { rect -> Double? in
            guard let x = rect["x"].flatMap(Double.init), let width = rect["width"].flatMap(Double.init) else { return nil }
            return x + width / 2
        }
        #expect(middles.count == 5 && Set(middles.map { ($0 * 10).rounded() }).count == 1, "\(middles)")
        // The guideline: 6 and 8 meetings, 20 hours, 13 weeks.
        let guideLabels = page.root.all("text").filter { $0["class"] == "guide-label" }.map(\.normalizedText)
        #expect(guideLabels == ["6", "8", "20 uur", "13"])
        #expect(html.contains("Anna &lt;b&gt;de&lt;/b&gt; Vries &amp; Bram"))
        #expect(page.root.all("a").contains { $0["href"] == "/coordinator/pairs/p1" })
        #expect(page.root.all("a").contains { $0["href"] == "/coordinator/pairs/p2" }, "a proposed pair is listed too")
        #expect(html.contains("Carla &amp; Dirk — Al een tijd geen activiteit (Dirk &lt;x&gt;)"), "the bottleneck named, and whom it concerns")
        #expect(html.contains("Zoek momenten waarop"), "and its mitigations")
        #expect(html.contains("Werkplekbezoek &lt;i&gt;"), "a kind's label escaped")
        #expect(html.contains("Totaal: 4; vertrouwelijk: 0."))
        #expect(!html.contains("style=") && !html.contains("<script"), "nothing inline, no script")
        let bars = page.root.all("rect").filter { $0["class"] == "bar" }
        #expect(bars.count == 5 + 3 + ActivityKind.allCases.count, "phases, the planned pair's three bars, every kind")
    }

    @Test("in English, and with no pair planned yet")
    func english() {
        let figures = ProgrammeFigures(participants: [], pairs: [], plans: [], activities: [], bottlenecks: [])
        let html = CoordinatorPage.page(ProgrammeAtAGlance(figures: figures, pairs: [], kindLabels: [:], bottlenecks: []), language: .en, csrf: "t")
        #expect(html.contains("<html lang=\"en\">") && html.contains("No pair with a plan yet.") && html.contains("No open bottlenecks."))
    }
}
