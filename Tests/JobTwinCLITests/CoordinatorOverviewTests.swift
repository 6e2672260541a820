import Foundation
import JobTwinTestSupport
import Testing

/// The coordinator's overview in the browser against the real `jobtwin serve`: the programme's
/// numbers as `jobtwin report --programme` counts them, drawn as SVG with a title and a table
/// beside each chart, the guideline marked, each pair's report behind its link — for a
/// coordinator only, and every view in the audit log.
@Suite("The coordinator's overview in the browser")
struct CoordinatorOverviewTests {
    /// The numbers in the table captioned `caption`, in order, from the cells after the first of each row.
    static func counts(in page: String, caption: String) -> [String] {
        guard let start = page.range(of: "<caption>\(caption)</caption>"),
              let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else { return [] }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst(2).compactMap { row in
            row.components(separatedBy: "<td>").dropFirst(2).first.map { String($0.prefix { $0 != "<" }) }
        }
    }

    @Test("the numbers of report --programme as charts with tables; pair reports; coordinators only; audited")
    func overview() async throws {
        let folder = try TemporaryFolder()
        let db = try MatchDatabaseTests.database(in: folder)
        _ = try JobTwinProcess.run(["match", "--db", db, "--apply", "--yes"])
        func invite(_ name: String, _ extra: [String] = []) throws -> (participant: String, path: String) {
            let run = try JobTwinProcess.run(["invite", name] + extra + ["--base-url", "http://x.test", "--db", db, "--json"])
            let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
            return (try #require(object["participant"]), String(try #require(object["link"]).dropFirst("http://x.test".count)))
        }
        let carla = try invite("Carla", ["--coordinator"])
        let piet = try invite("Piet")

        let (server, output, _) = try JobTwinProcess.start(["serve", "--db", db, "--port", "0"])
        defer { server.terminate() }
        let port = try #require(await JobTwinProcess.listeningPort(of: output))
        let client = WebClient(port: port)
        func cookie(_ path: String) async throws -> String {
            let opened = try await client.send("GET", path)
            return String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })
        }

        let stranger = try await client.send("GET", "/coordinator")
        #expect(stranger.status == 401)
        let participant = try await client.send("GET", "/coordinator", cookie: try await cookie(piet.path))
        #expect(participant.status == 403 && participant.body.contains("Alleen voor coördinatoren"))

        let opened = try await client.send("GET", carla.path)
        #expect(opened.status == 303 && opened.headers["location"] == "/coordinator", "a coordinator's link leads to the overview")
        let coordinator = String(try #require(opened.headers["set-cookie"]).prefix { $0 != ";" })
        let page = try await client.send("GET", "/coordinator", cookie: coordinator)
        #expect(page.status == 200)
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        let body = page.body
        #expect(body.contains("<html lang=\"nl\">"))
        // No pair has a plan yet: the pairs' charts wait for one (CoordinatorPageTests draws them).
        #expect(body.contains("Nog geen duo met een planning."))
        for chart in ["phases-chart", "kinds-chart"] {
            #expect(body.contains("aria-labelledby=\"\(chart)\"") && body.contains("<title id=\"\(chart)\">"), "the chart \(chart) and its title")
        }
        #expect(body.components(separatedBy: "<table class=\"data\">").count - 1 == 3, "a table beside the charts")
        #expect(body.contains("Anna de Vries &amp; Bram Bakker"), "the pairs by name")
        #expect(!body.contains("style="), "nothing inline, for the policy")

        // The same numbers as report --programme: the participants per phase.
        let json = try JobTwinProcess.run(["report", "--programme", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let blocks = try #require(sections.first?["blocks"] as? [[String: Any]])
        let rows = try #require(blocks.first?["rows"] as? [[String]])
        #expect(Self.counts(in: body, caption: "Deelnemers per fase") == rows.map { $0[1] }, "\(rows)")

        // A pair's report behind its link, with its own policy: inline style, no script.
        let link = try #require(body.components(separatedBy: "href=\"/coordinator/pairs/").dropFirst().first?.prefix { $0 != "\"" })
        let report = try await client.send("GET", "/coordinator/pairs/" + link, cookie: coordinator)
        #expect(report.status == 200)
        #expect(report.body.contains("Job Twinning — Anna de Vries & Bram Bakker") || report.body.contains("Job Twinning —"), "\(report.body.prefix(300))")
        #expect(report.headers["content-security-policy"]?.contains("script") == false)
        let missing = try await client.send("GET", "/coordinator/pairs/nothing", cookie: coordinator)
        #expect(missing.status == 404)

        // In the chat the invited coordinator is a coordinator too: no intake, the coordinator's part.
        let chat = try await client.send("GET", "/chat", cookie: coordinator)
        #expect(chat.body.contains("coördinator van het programma"), "\(chat.body.prefix(600))")

        let audit = try JobTwinProcess.run(["audit", "--db", db, "--json"])
        #expect(audit.stdout.contains("overview.view") && audit.stdout.contains("report.view"), "\(audit.stdout)")
        #expect(audit.stdout.contains(carla.participant))
    }
}
