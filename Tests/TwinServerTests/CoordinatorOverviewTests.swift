import Foundation
import JobTwinTestSupport
import Testing
import TwinLanguage
import TwinStore
import Twinning

/// The coordinator's overview in the browser against the real `jobtwin serve`, over a programme
/// stored through the store: pairs in every phase and status, plans in and out of the guideline,
/// activities, open bottlenecks, and a hostile name. The overview shows the numbers of
/// `jobtwin report --programme --format json` (read from the same report service), each chart
/// an image named by its title with a table beside it, the guideline marked, each pair's report
/// behind its link — to a coordinator only, every view in the audit log.
@Suite("The coordinator's overview in jobtwin serve")
struct CoordinatorOverviewTests {
    static let hostile = "<script>alert(\"x\")</script> Dirk & Co"

    /// The programme: Anna & Bram doing activities (a plan within the guideline), Cees & the
    /// hostile Dirk getting acquainted (a plan not yet fixed, no activity for weeks), Eva & Finn
    /// finished (a fixed plan below the guideline, with a reason), Gijs & Hanna proposed, Ivo
    /// & Hanna declined, Joris waiting for a match.
    static func seed(_ db: String) async throws {
        let repository = try SQLiteRepository(path: db)
        let now = Date()
        let weeksAgo: @Sendable (Double) -> Date = { now.addingTimeInterval(-$0 * 7 * 86_400) }
        func id(_ name: String) throws -> ParticipantID { try #require(ParticipantID("api:" + name)) }
        let people: [(String, String, Side, Phase)] = [
            ("anna", "Anna de Vries", .teacher, .activiteiten), ("bram", "Bram Bakker", .professional, .activiteiten),
            ("cees", "Cees Smit", .teacher, .kennismaking), ("dirk", hostile, .professional, .kennismaking),
            ("eva", "Eva Mulder", .teacher, .afgerond), ("finn", "Finn de Boer", .professional, .afgerond),
            ("gijs", "Gijs Visser", .teacher, .matching), ("hanna", "Hanna Bos", .professional, .matching),
            ("ivo", "Ivo Peters", .teacher, .matching), ("joris", "Joris Dekker", .teacher, .matching),
        ]
        let everyone = try people.map { (try id($0.0), $0.1, $0.2, $0.3) }
        let anna = try id("anna"), bram = try id("bram"), cees = try id("cees"), dirk = try id("dirk")
        let eva = try id("eva"), finn = try id("finn"), gijs = try id("gijs"), hanna = try id("hanna"), ivo = try id("ivo")
        try await repository.transaction { tx in
            for (participant, name, side, phase) in everyone {
                try tx.save(Participant(id: participant, language: .nl, phase: phase, createdAt: weeksAgo(20)))
                try tx.save(Profile(name: name, side: side, organization: side == .teacher ? "Erasmus College" : "RET",
                                    role: side == .teacher ? "docent" : "engineer", field: "mathematics", educationTypes: ["vmbo"],
                                    companyTypes: ["transport"], motivations: ["other_world"], criteria: [.subject],
                                    subjectPreference: .similar, region: "Rotterdam", updatedAt: weeksAgo(20)), for: participant)
            }
            func pair(_ id: String, _ teacher: ParticipantID, _ professional: ParticipantID, _ status: Pair.Status, confirmed weeks: Double?) throws {
                let at = weeks.map(weeksAgo)
                try tx.save(Pair(id: id, teacher: teacher, professional: professional, origin: .coordinator, status: status, score: 20,
                                 proposedAt: weeksAgo(19), teacherConfirmedAt: at, professionalConfirmedAt: at, confirmedAt: at))
            }
            try pair("p1", anna, bram, .confirmed, confirmed: 6)
            try pair("p2", cees, dirk, .confirmed, confirmed: 8)
            try pair("p3", eva, finn, .closed, confirmed: 18)
            try pair("p4", gijs, hanna, .proposed, confirmed: nil)
            try pair("p5", ivo, hanna, .declined, confirmed: nil)

            var within = Plan(pairID: "p1", weeks: 14, meetings: 7, hours: 24, period: "voorjaar", agreements: "elke week bellen",
                              proposedBy: anna, at: weeksAgo(5))
            _ = within.confirm(by: bram, partner: anna, at: weeksAgo(5))
            try tx.save(within)
            try tx.save(Plan(pairID: "p2", weeks: 13, meetings: 6, hours: 20, period: "najaar", agreements: "mailen",
                             proposedBy: cees, at: weeksAgo(7)))
            var below = Plan(pairID: "p3", weeks: 10, meetings: 5, hours: 12, period: "winter", agreements: "om de week",
                             proposedBy: eva, at: weeksAgo(17), deviationReasons: [.shortDuration: "het schooljaar eindigt"])
            _ = below.confirm(by: finn, partner: eva, at: weeksAgo(17))
            try tx.save(below)
            let activities: [(String, ParticipantID, ActivityKind, Double, Bool, Double)] = [
                ("p1", anna, .workplaceVisit, 4, false, 4), ("p1", bram, .guestLesson, 3, true, 3), ("p1", anna, .workplaceVisit, 2.5, false, 1),
                ("p3", eva, .training, 6, false, 15), ("p3", finn, .collaborationPlan, 4, false, 12),
            ]
            for (index, (pairID, by, kind, hours, confidential, weeks)) in activities.enumerated() {
                try tx.save(Activity(id: "a\(index)", pairID: pairID, loggedBy: by, kind: kind, day: "2026-11-0\(index + 1)", hours: hours,
                                     notes: "notitie", isConfidential: confidential, loggedAt: weeksAgo(weeks), confirmedAt: weeksAgo(weeks)))
            }
        }
    }

    /// The rows of the table captioned `caption` on `page`, each as its cells' text.
    static func rows(_ page: ParsedPage, caption: String) -> [[String]]? {
        page.root.all("table").first { $0.all("caption").first?.normalizedText == caption }.map { table in
            table.all("tbody").flatMap { $0.all("tr") }.map { $0.all("td").map(\.normalizedText) }
        }
    }

    /// The report JSON's block `index` of the section headed `heading`.
    static func block(_ sections: [[String: Any]], _ heading: String, _ index: Int) throws -> [String: Any] {
        let section = try #require(sections.first { $0["heading"] as? String == heading }, "no section \(heading)")
        let blocks = try #require(section["blocks"] as? [[String: Any]])
        return try #require(blocks.indices.contains(index) ? blocks[index] : nil)
    }

    @Test("report --programme's numbers as charts with tables, the guideline marked, pair reports; coordinators only; audited")
    func overview() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("coordinator.sqlite")
        try await Self.seed(db)
        func invite(_ name: String, _ extra: [String] = []) throws -> (participant: String, path: String) {
            let run = try JobTwinProcess.run(["invite", name] + extra + ["--base-url", "http://x.test", "--db", db, "--json"])
            guard let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String],
                  let participant = object["participant"], let link = object["link"] else {
                throw TestFailure("jobtwin invite \(name) printed no participant and link: \(run.stderr)")
            }
            return (participant, String(link.dropFirst("http://x.test".count)))
        }
        let carla = try invite("Carla", ["--coordinator"])
        let piet = try invite("Piet")

        let server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: folder.url.appendingPathComponent("serve.log"))
        let client = WebClient(port: server.port)
        func cookie(_ path: String) async throws -> (String, location: String?) {
            let opened = try await client.send("GET", path)
            #expect(opened.status == 303)
            return (String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" }), opened.headers["location"])
        }

        // No session: 401, as /chat. A participant: 403, in their language, saying where to go.
        let stranger = try await client.send("GET", "/coordinator")
        #expect(stranger.status == 401 && stranger.body.contains("persoonlijke link opnieuw"))
        InvitationLinkTests.checkSecurityHeaders(stranger.headers)
        let strangerReport = try await client.send("GET", "/coordinator/pairs/p1")
        #expect(strangerReport.status == 401)
        let (participant, participantLocation) = try await cookie(piet.path)
        #expect(participantLocation == "/chat")
        for path in ["/coordinator", "/coordinator/pairs/p1"] {
            let refused = try await client.send("GET", path, cookie: participant)
            #expect(refused.status == 403 && refused.body.contains("Alleen voor coördinatoren") && refused.body.contains("<html lang=\"nl\">"),
                    "\(path): \(refused.status)")
            #expect(!refused.body.contains("Anna"), "nothing of the programme shown")
        }
        let participantChat = try await client.send("GET", "/chat", cookie: participant)
        #expect(!participantChat.body.contains("href=\"/coordinator\""), "a participant's bar has no link to the overview")

        let (coordinator, location) = try await cookie(carla.path)
        #expect(location == "/coordinator", "a coordinator's link leads to the overview")
        let response = try await client.send("GET", "/coordinator", cookie: coordinator)
        #expect(response.status == 200)
        InvitationLinkTests.checkSecurityHeaders(response.headers)
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        let body = response.body
        #expect(!body.contains("style=") && !body.contains("<script"), "nothing inline, no script")
        let page = try ParsedPage(body)
        #expect(page.root["lang"] == "nl")

        // Every chart an image named by its title.
        let charts = page.root.all("svg")
        #expect(Set(charts.compactMap { $0["aria-labelledby"] }) == ["phases-chart", "meetings-chart", "hours-chart", "weeks-chart", "kinds-chart"])
        for chart in charts {
            #expect(chart["role"] == "img" && chart["viewBox"] != nil && chart["width"] == nil, "scales to the width")
            #expect(chart.all("title").first?["id"] == chart["aria-labelledby"])
        }

        // The same numbers as report --programme --format json.
        let json = try JobTwinProcess.run(["report", "--programme", "--db", db, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let people = try Self.block(sections, "Deelnemers en duo's", 0)["rows"] as? [[String]]
        let phases = try #require(Self.rows(page, caption: "Deelnemers per fase"))
        try #require(phases.allSatisfy { $0.count >= 2 } && people?.allSatisfy { $0.count >= 2 } != false,
                     "\(phases) \(String(describing: people))")
        #expect(phases.map { $0[1] } == people?.map { $0[1] }, "\(phases) \(String(describing: people))")
        #expect(phases.map { $0[1] } == ["5", "2", "2", "0", "2"], "Piet waits for a match; Carla is no participant")
        // The funnel: one bar per phase, its number beside it.
        let funnel = try #require(charts.first { $0["aria-labelledby"] == "phases-chart" })
        #expect(funnel.all("text").filter { $0["class"] == "value" }.map(\.normalizedText) == phases.map { $0[1] })

        let statuses = try Self.block(sections, "Deelnemers en duo's", 1)["rows"] as? [[String]]
        let shownStatuses = try #require(Self.rows(page, caption: "Duo's per status"))
        try #require(shownStatuses.allSatisfy { $0.count >= 2 } && statuses?.allSatisfy { $0.count >= 2 } != false,
                     "\(shownStatuses) \(String(describing: statuses))")
        #expect(shownStatuses.map { $0[1] } == statuses?.map { $0[1] } && shownStatuses.map { $0[1] } == ["1", "2", "1", "1"])

        let guideline = try #require(try Self.block(sections, "Richtlijn (vastgestelde planningen)", 0)["items"] as? [String])
        let shares = try #require(Self.rows(page, caption: "Vastgestelde planningen binnen de richtlijn"))
        try #require(shares.allSatisfy { $0.count >= 2 } && guideline.allSatisfy { $0.split(separator: ":", maxSplits: 1).count == 2 },
                     "\(shares) \(guideline)")
        #expect(shares.map { $0[1] } == guideline.map { String($0.split(separator: ":", maxSplits: 1)[1].dropFirst()) }, "\(shares) \(guideline)")
        #expect(shares.first?[1] == "1 / 2 (50 %)")

        let kinds = try Self.block(sections, "Activiteiten", 1)["rows"] as? [[String]]
        let shownKinds = try #require(Self.rows(page, caption: "Activiteiten per soort"))
        try #require(shownKinds.allSatisfy { $0.count >= 2 }, "\(shownKinds)")
        #expect(shownKinds == kinds, "the seven kinds (and other), named as the dialogs name them")
        #expect(shownKinds.count == ActivityKind.allCases.count && shownKinds.map { $0[1] }.compactMap(Int.init).reduce(0, +) == 5)
        let total = try #require(try Self.block(sections, "Activiteiten", 0)["text"] as? String)
        #expect(body.contains(total + "."), "\(total)")

        let open = try #require(try Self.block(sections, "Knelpunten (open) en verzachters", 0)["rows"] as? [[String]])
        try #require(open.allSatisfy { $0.count >= 3 }, "\(open)")
        let reported = Dictionary(uniqueKeysWithValues: open.filter { $0[1] != "0" }.map { row in
            (String(row[2].prefix { $0 != "." }), row[1])
        })
        let shownOpen = try #require(Self.rows(page, caption: "Open knelpunten per soort"))
        try #require(shownOpen.allSatisfy { $0.count >= 2 }, "\(shownOpen)")
        #expect(!reported.isEmpty && Dictionary(uniqueKeysWithValues: shownOpen.map { ($0[0], $0[1]) }) == reported, "\(shownOpen) \(reported)")
        let listed = page.root.all("li").map(\.normalizedText)
        #expect(listed.contains { $0.hasPrefix("Anna de Vries & Bram Bakker — De contextcheck is nog niet gedaan") && $0.contains("(Bram Bakker)") },
                "a bottleneck of one of the two names them: \(listed)")
        // Each open bottleneck listed with its pair and what helps, as the report words it.
        for row in open where row[1] != "0" {
            let helps = row[2].range(of: ". ").map { String(row[2][$0.upperBound...]) } ?? row[2]
            #expect(listed.contains { $0.contains(" — " + String(row[2].prefix { $0 != "." })) && $0.hasSuffix(helps) }, "\(row) \(listed)")
        }

        // Each pair against the guideline: 6 and 8 meetings, 20 hours, 13 weeks marked.
        let marks = charts.flatMap { $0.all("text") }.filter { $0["class"] == "guide-label" }.map(\.normalizedText)
        #expect(marks == ["6", "8", "20 uur", "13"])
        #expect(charts.filter { $0["aria-labelledby"] != "phases-chart" && $0["aria-labelledby"] != "kinds-chart" }
            .allSatisfy { $0.all("line").filter { $0["class"] == "guide" }.count >= 1 })
        let pairs = try #require(Self.rows(page, caption: "Alle duo's: gedaan / gepland"))
        try #require(pairs.allSatisfy { !$0.isEmpty }, "\(pairs)")
        #expect(pairs.count == 4, "the declined pair is left out")
        #expect(pairs.first == ["Anna de Vries & Bram Bakker", "bevestigd", "3 / 7", "9,5 / 24", "5 / 14"], "\(pairs)")

        // A hostile name is text, never markup.
        #expect(body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Dirk &amp; Co") || body.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; Dirk &amp; Co"))
        #expect(pairs.contains { $0[0] == "Cees Smit & " + Self.hostile })

        // Each pair's name links to its report, in the coordinator's language, under its own strict policy.
        let links = page.root.all("a").compactMap { $0["href"] }.filter { $0.hasPrefix("/coordinator/pairs/") }
        #expect(links == ["/coordinator/pairs/p1", "/coordinator/pairs/p2", "/coordinator/pairs/p3", "/coordinator/pairs/p4"])
        let report = try await client.send("GET", "/coordinator/pairs/p1", cookie: coordinator)
        #expect(report.status == 200)
        #expect(report.body.contains("<html lang=\"nl\">") && report.body.contains("<h1>Job Twinning — Anna de Vries &amp; Bram Bakker</h1>"),
                "\(report.body.prefix(400))")
        let policy = try #require(report.headers["content-security-policy"])
        #expect(policy.contains("style-src 'sha256-") && !policy.contains("unsafe-inline") && !policy.contains("script")
                && policy.contains("frame-ancestors 'none'"), "\(policy)")
        #expect(report.headers["x-content-type-options"] == "nosniff" && report.headers["referrer-policy"] == "no-referrer"
                && report.headers["cache-control"] == "no-store")
        let hostileReport = try await client.send("GET", "/coordinator/pairs/p2", cookie: coordinator)
        #expect(hostileReport.status == 200 && !hostileReport.body.contains("<script>"))
        let missing = try await client.send("GET", "/coordinator/pairs/nothing", cookie: coordinator)
        #expect(missing.status == 404)

        // In the chat the coordinator's bar links to the overview.
        let chat = try await client.send("GET", "/chat", cookie: coordinator)
        #expect(chat.body.contains("href=\"/coordinator\""), "\(chat.body.prefix(800))")
        #expect(chat.body.contains("coördinator van het programma"), "the coordinator's part, no intake")

        // One audit entry per view, the coordinator as actor: two overviews, two reports (the
        // missing one and the refused ones are not views).
        _ = try await client.send("GET", "/coordinator", cookie: coordinator)
        let audit = try await SQLiteRepository(path: db).auditLog()
        let views = audit.filter { $0.action == "overview.view" || $0.action == "report.view" }
        #expect(views.filter { $0.action == "overview.view" }.count == 2)
        #expect(views.filter { $0.action == "report.view" }.map(\.subject) == ["api:anna", "api:cees"])
        #expect(views.allSatisfy { $0.actor == carla.participant }, "\(views)")
        #expect(await server.terminate() == 0)
    }
}
