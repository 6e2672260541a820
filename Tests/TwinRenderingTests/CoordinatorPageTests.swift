import Foundation
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

    static func progress(meetings: Int, hours: Double) throws -> Twinning.Progress {
        let anna = try #require(ParticipantID("web:anna"))
        let plan = Plan(pairID: "p1", weeks: 13, meetings: 7, hours: 24, period: "voorjaar", agreements: "bellen", proposedBy: anna, at: start)
        let activities = (0..<meetings).map { index in
            Activity(id: "\(index)", pairID: "p1", loggedBy: anna, kind: .workplaceVisit, day: "2027-03-01", hours: hours / Double(meetings),
                     notes: "", isConfidential: false, loggedAt: start, confirmedAt: start)
        }
        return Twinning.Progress(plan: plan, activities: activities, now: start.addingTimeInterval(5 * 7 * 86_400))
    }

    @Test("charts with titles, tables and the guideline's marks; names escaped and linked; well-formed, nothing inline")
    func page() throws {
        let overview = ProgrammeAtAGlance(
            phases: Phase.allCases.enumerated().map { .init(phase: $1, count: $0 + 1) },
            pairs: [.init(id: "p1", names: "Anna <b>de</b> Vries & Bram", status: .confirmed, progress: try Self.progress(meetings: 4, hours: 10)),
                    .init(id: "p2", names: "Carla & Dirk", status: .proposed, progress: nil)],
            kinds: [.init(label: "Werkplekbezoek", count: 4), .init(label: "Gastles", count: 0)],
            bottlenecks: [.init(pair: "Carla & Dirk", kind: "no_activity", description: LocalizedText(nl: "Al een tijd geen activiteit.", en: "No activity."))])
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
        #expect(page.root.all("table").count == 3, "a table beside the charts: phases, pairs (for the three pair charts), kinds")
        // The guideline: 6 and 8 meetings, 20 hours, 13 weeks.
        let guideLabels = page.root.all("text").filter { $0["class"] == "guide-label" }.map(\.normalizedText)
        #expect(guideLabels == ["6", "8", "20 uur", "13"])
        #expect(html.contains("Anna &lt;b&gt;de&lt;/b&gt; Vries &amp; Bram"))
        #expect(page.root.all("a").contains { $0["href"] == "/coordinator/pairs/p1" })
        #expect(page.root.all("a").contains { $0["href"] == "/coordinator/pairs/p2" }, "a proposed pair is listed too")
        #expect(html.contains("Al een tijd geen activiteit."))
        #expect(!html.contains("style=") && !html.contains("<script"), "nothing inline, no script")
        let bars = page.root.all("rect").filter { $0["class"] == "bar" }
        #expect(bars.count == 5 + 3 + 2, "phases, the planned pair's three bars, the kinds")
    }

    @Test("in English, and with no pair planned yet")
    func english() {
        let html = CoordinatorPage.page(ProgrammeAtAGlance(phases: [], pairs: [], kinds: [], bottlenecks: []), language: .en, csrf: "t")
        #expect(html.contains("<html lang=\"en\">") && html.contains("No pair with a plan yet.") && html.contains("No open bottlenecks."))
    }
}
