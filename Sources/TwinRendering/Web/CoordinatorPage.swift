import Foundation
public import Twinning
public import TwinLanguage

/// The coordinator's overview in the browser (`/coordinator`): the programme at a glance, each
/// chart drawn on the server (`SVGBarChart`) with a table of the same numbers beside it for
/// screen readers — participants per phase, each pair's meetings and hours against the
/// guideline (6–8 meetings, at least 20 hours, at least 13 weeks, marked on the charts), the
/// activities by the seven kinds, and the open bottlenecks with their mitigations; each pair's
/// names link to its report. Same frame, stylesheet and escaping as the chat page, no script.
public enum CoordinatorPage {
    /// Where the overview is served.
    public static let path = "/coordinator"

    /// The address of a pair's report.
    public static func reportPath(of pairID: String) -> String {
        path + "/pairs/" + pairID
    }

    /// The whole page for `overview` in `language`; `csrf` goes into the sign-out form.
    public static func page(_ overview: ProgrammeAtAGlance, language: Language, csrf: String) -> String {
        WebDocument.page(language: language, title: language.text(nl: "Overzicht voor de coördinator", en: "Coordinator overview"),
                         withScript: false) { html in
            header(language: language, csrf: csrf, into: &html)
            html.element("main", [("id", "overview"), ("class", "overview")]) { html in
                html.element("h1", text: language.text(nl: "Het programma in één oogopslag", en: "The programme at a glance"))
                phases(overview, language, into: &html)
                pairs(overview, language, into: &html)
                kinds(overview, language, into: &html)
                bottlenecks(overview, language, into: &html)
            }
        }
    }

    private static func header(language: Language, csrf: String, into html: inout HTMLWriter) {
        html.element("header", [("class", "bar")]) { html in
            html.element("p", [("class", "brand")], text: "Job Twinning · " + language.text(nl: "coördinator", en: "coordinator"))
            html.element("a", [("href", "/chat")], text: language.text(nl: "Naar het gesprek", en: "To the conversation"))
            html.element("form", [("class", "logout"), ("method", "post"), ("action", "/chat/logout")]) { html in
                html.void("input", [("type", "hidden"), ("name", "csrf"), ("value", csrf)])
                html.element("button", [("type", "submit")], text: language.text(nl: "Stop / afmelden", en: "Stop / sign out"))
            }
        }
    }

    private static func table(caption: String, header: [String], rows: [[Cell]], into html: inout HTMLWriter) {
        // A wide table scrolls in its own region, never the page.
        html.element("div", [("class", "table-scroll"), ("role", "region"), ("aria-label", caption), ("tabindex", "0")]) { html in
        html.element("table", [("class", "data")]) { html in
            html.element("caption", text: caption)
            html.element("thead") { html in
                html.element("tr") { html in for name in header { html.element("th", [("scope", "col")], text: name) } }
            }
            html.element("tbody") { html in
                for row in rows {
                    html.element("tr") { html in
                        for cell in row {
                            switch cell {
                            case .text(let text): html.element("td", text: text)
                            case .link(let text, let href): html.element("td") { html in html.element("a", [("href", href)], text: text) }
                            }
                        }
                    }
                }
            }
        }
        }
    }

    /// A pair's status in words.
    private static func statusText(_ status: Pair.Status, _ language: Language) -> String {
        switch status {
        case .proposed: return language.text(nl: "voorgesteld", en: "proposed")
        case .confirmed: return language.text(nl: "bevestigd", en: "confirmed")
        case .declined: return language.text(nl: "afgewezen", en: "declined")
        case .closed: return language.text(nl: "afgesloten", en: "closed")
        }
    }

    /// A cell of a table: text, or a link.
    private enum Cell {
        case text(String)
        case link(String, href: String)
    }

    private static func phases(_ overview: ProgrammeAtAGlance, _ language: Language, into html: inout HTMLWriter) {
        let title = language.text(nl: "Deelnemers per fase", en: "Participants per phase")
        let counts = Phase.allCases.map { (name: PhaseText.name($0).text(in: language), count: overview.figures.participants[$0] ?? 0) }
        html.element("section", [("aria-labelledby", "phases-heading")]) { html in
            html.element("h2", [("id", "phases-heading")], text: title)
            SVGBarChart(title: title, id: "phases-chart", bars: counts.map {
                SVGBarChart.Bar(label: $0.name, value: Double($0.count), shown: String($0.count))
            }, isFunnel: true).write(into: &html)
            table(caption: title, header: [language.text(nl: "Fase", en: "Phase"), language.text(nl: "Deelnemers", en: "Participants")],
                  rows: counts.map { [.text($0.name), .text(String($0.count))] }, into: &html)
        }
    }

    private static func pairs(_ overview: ProgrammeAtAGlance, _ language: Language, into html: inout HTMLWriter) {
        let planned = overview.pairs.filter { $0.progress != nil }
        html.element("section", [("aria-labelledby", "pairs-heading")]) { html in
            html.element("h2", [("id", "pairs-heading")], text: language.text(nl: "Duo's tegen de richtlijn", en: "Pairs against the guideline"))
            html.element("p", [("class", "hint")], text: language.text(
                nl: "De richtlijn: 6 tot 8 ontmoetingen, minimaal 20 uur, minimaal 3 maanden (13 weken). De stippellijnen markeren haar.",
                en: "The guideline: 6 to 8 meetings, at least 20 hours, at least 3 months (13 weeks). The dashed lines mark it."))
            if planned.isEmpty {
                html.element("p", text: language.text(nl: "Nog geen duo met een planning.", en: "No pair with a plan yet."))
            } else {
                let meetings = language.text(nl: "Ontmoetingen per duo", en: "Meetings per pair")
                html.element("h3", text: meetings)
                SVGBarChart(title: meetings, id: "meetings-chart", bars: planned.map {
                    SVGBarChart.Bar(label: $0.names, value: Double($0.progress?.meetingsDone ?? 0), shown: String($0.progress?.meetingsDone ?? 0))
                }, marks: [.init(value: Double(Guideline.meetings.lowerBound), label: String(Guideline.meetings.lowerBound)),
                           .init(value: Double(Guideline.meetings.upperBound), label: String(Guideline.meetings.upperBound))]).write(into: &html)
                let hours = language.text(nl: "Uren per duo", en: "Hours per pair")
                html.element("h3", text: hours)
                SVGBarChart(title: hours, id: "hours-chart", bars: planned.map {
                    SVGBarChart.Bar(label: $0.names, value: $0.progress?.hoursDone ?? 0, shown: language.format($0.progress?.hoursDone ?? 0))
                }, marks: [.init(value: Guideline.minimumHours, label: language.format(Guideline.minimumHours) + language.text(nl: " uur", en: " hours"))])
                    .write(into: &html)
                let weeks = language.text(nl: "Weken per duo", en: "Weeks per pair")
                html.element("h3", text: weeks)
                SVGBarChart(title: weeks, id: "weeks-chart", bars: planned.map {
                    SVGBarChart.Bar(label: $0.names, value: Double($0.progress?.weeksElapsed ?? 0), shown: String($0.progress?.weeksElapsed ?? 0))
                }, marks: [.init(value: Double(Guideline.minimumWeeks), label: String(Guideline.minimumWeeks))]).write(into: &html)
            }
            let figures = overview.figures
            table(caption: language.text(nl: "Vastgestelde planningen binnen de richtlijn", en: "Fixed plans within the guideline"),
                  header: [language.text(nl: "Richtlijn", en: "Guideline"), language.text(nl: "Planningen", en: "Plans")],
                  rows: [(language.text(nl: "Minimaal 13 weken", en: "At least 13 weeks"), figures.minimumWeeks),
                         (language.text(nl: "6 tot 8 ontmoetingen", en: "6 to 8 meetings"), figures.meetings),
                         (language.text(nl: "Minimaal 20 uur", en: "At least 20 hours"), figures.minimumHours),
                         (language.text(nl: "Met een reden afgeweken", en: "Deviated with a reason"), figures.deviatedWithReason)]
                    .map { [.text($0.0), .text($0.1.text)] }, into: &html)
            table(caption: language.text(nl: "Duo's per status", en: "Pairs by status"),
                  header: ["Status", language.text(nl: "Duo's", en: "Pairs")],
                  rows: ProgrammeFigures.statuses.map { [.text(statusText($0, language)), .text(String(figures.pairs[$0] ?? 0))] }, into: &html)
            let rows: [[Cell]] = overview.pairs.map { pair in
                let progress = pair.progress
                func of(_ done: String, _ planned: String) -> String { progress == nil ? "—" : done + " / " + planned }
                return [.link(pair.names, href: reportPath(of: pair.id)), .text(statusText(pair.status, language)),
                        .text(of(String(progress?.meetingsDone ?? 0), String(progress?.meetingsPlanned ?? 0))),
                        .text(of(language.format(progress?.hoursDone ?? 0), language.format(progress?.hoursPlanned ?? 0))),
                        .text(of(String(progress?.weeksElapsed ?? 0), String(progress?.weeksPlanned ?? 0)))]
            }
            table(caption: language.text(nl: "Alle duo's: gedaan / gepland", en: "All pairs: done / planned"),
                  header: [language.text(nl: "Duo", en: "Pair"), "Status", language.text(nl: "Ontmoetingen", en: "Meetings"),
                           language.text(nl: "Uren", en: "Hours"), language.text(nl: "Weken", en: "Weeks")],
                  rows: rows.isEmpty ? [[.text("—"), .text(""), .text(""), .text(""), .text("")]] : rows, into: &html)
        }
    }

    private static func kinds(_ overview: ProgrammeAtAGlance, _ language: Language, into html: inout HTMLWriter) {
        let title = language.text(nl: "Activiteiten per soort", en: "Activities by kind")
        let figures = overview.figures
        let counts = ActivityKind.allCases.map { (label: overview.kindLabels[$0] ?? $0.rawValue, count: figures.activities[$0] ?? 0) }
        html.element("section", [("aria-labelledby", "kinds-heading")]) { html in
            html.element("h2", [("id", "kinds-heading")], text: title)
            html.element("p", [("class", "hint")], text: language.text(
                nl: "Totaal: \(figures.activitiesTotal); vertrouwelijk: \(figures.confidentialActivities).",
                en: "Total: \(figures.activitiesTotal); confidential: \(figures.confidentialActivities)."))
            SVGBarChart(title: title, id: "kinds-chart", bars: counts.map {
                SVGBarChart.Bar(label: $0.label, value: Double($0.count), shown: String($0.count))
            }).write(into: &html)
            table(caption: title, header: [language.text(nl: "Soort", en: "Kind"), language.text(nl: "Aantal", en: "Count")],
                  rows: counts.map { [.text($0.label), .text(String($0.count))] }, into: &html)
        }
    }

    private static func bottlenecks(_ overview: ProgrammeAtAGlance, _ language: Language, into html: inout HTMLWriter) {
        let title = language.text(nl: "Open knelpunten", en: "Open bottlenecks")
        html.element("section", [("aria-labelledby", "bottlenecks-heading")]) { html in
            html.element("h2", [("id", "bottlenecks-heading")], text: title)
            let open = Bottleneck.Kind.allCases.compactMap { kind -> (Bottleneck.Kind, Int)? in
                let count = overview.figures.openBottlenecks[kind] ?? 0
                return count > 0 ? (kind, count) : nil
            }
            if open.isEmpty {
                html.element("p", text: language.text(nl: "Geen open knelpunten.", en: "No open bottlenecks."))
                return
            }
            table(caption: language.text(nl: "Open knelpunten per soort", en: "Open bottlenecks by kind"),
                  header: [language.text(nl: "Knelpunt", en: "Bottleneck"), language.text(nl: "Open", en: "Open")],
                  rows: open.map { [.text(name(of: $0.0, language)), .text(String($0.1))] }, into: &html)
            html.element("ul", [("class", "bottlenecks")]) { html in
                for bottleneck in overview.bottlenecks {
                    html.element("li") { html in
                        let who = bottleneck.participant.map { " (" + $0 + ")" } ?? ""
                        html.element("strong", text: bottleneck.pair + " — " + name(of: bottleneck.kind, language) + who)
                        html.element("p", text: mitigations(of: bottleneck.description.text(in: language)))
                    }
                }
            }
        }
    }

    /// A bottleneck's name: the first sentence of what the programme says of it ("Al een tijd
    /// geen activiteit"), the rest being the mitigations.
    static func name(of kind: Bottleneck.Kind, _ language: Language) -> String {
        let text = Bottleneck.description(kind).text(in: language)
        return text.range(of: ". ").map { String(text[..<$0.lowerBound]) } ?? text
    }

    /// What helps: a description after its first sentence (the name, shown above it).
    static func mitigations(of description: String) -> String {
        description.range(of: ". ").map { String(description[$0.upperBound...]) } ?? description
    }
}
