import Foundation
import GRDB
import JobTwinTestSupport
import Testing

/// The web chat as a person uses it: headless Chromium, driven through WebDriver by
/// `Tests/Browser/web_intake.py`, against the real `jobtwin serve` on a loopback port — whole
/// intakes by clicks and by keyboard alone (at 200 % zoom), markup in an answer, a reload, the
/// link on a second browser, a browser without the session, a forged post from another site,
/// a browser without JavaScript, expired and revoked links; contrast and target sizes measured
/// in the page. Needs Debian's chromium, chromium-driver and python3-selenium, which
/// `scripts/setup` installs; without them the test fails and says so.
@Suite("The web chat in headless Chromium")
struct WebBrowserTests {
    /// The folder of the browser scripts, `Tests/Browser`.
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser")

    /// Runs the browser script `name` with `arguments` (and `environment` added to this
    /// process's); its exit status and everything it printed.
    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [scripts.appendingPathComponent(name).path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// What is missing for the browser tests, in words; empty when everything is there.
    static func missing() -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { missing.append("chromium") }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") { missing.append("chromium-driver") }
        if !FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/selenium") { missing.append("python3-selenium") }
        return missing
    }

    /// A browser test's set-up: the tools, a fresh folder, `jobtwin serve` on the database
    /// `name` (after `seed` has filled it). `nil`, with the issue recorded, when tools are missing.
    static func start(_ name: String, seed: (String) async throws -> Void = { _ in }) async throws
        -> (folder: TemporaryFolder, db: String, server: ServeProcess, base: String)? {
        let missing = Self.missing()
        guard missing.isEmpty else {
            Issue.record("The browser tests need \(missing.joined(separator: ", ")): run scripts/setup (it installs them with apt-get).")
            return nil
        }
        let folder = try TemporaryFolder()
        let db = folder.path(name)
        try await seed(db)
        let server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: URL(fileURLWithPath: folder.path("serve.log")))
        return (folder, db, server, "http://127.0.0.1:\(server.port)")
    }

    @Test("whole intakes by clicks and by keyboard, a reload, a second browser, a stranger, a forged post, no JavaScript, 200 % zoom, ended links")
    func intakeInChromium() async throws {
        guard let (folder, db, server, base) = try await Self.start("browser.sqlite") else { return }
        func invite(_ name: String) throws -> (participant: String, link: String) {
            let run = try JobTwinProcess.run(["invite", name, "--base-url", base, "--db", db, "--json"])
            let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: String], "\(run.stderr)")
            return (try #require(object["participant"]), try #require(object["link"]))
        }
        let clicks = try invite("Zoë Ağaoğlu"), keyboard = try invite("Kees"), plain = try invite("Bram")
        let expired = try invite("Eva"), revoked = try invite("Rik")
        _ = try JobTwinProcess.run(["invite", "--revoke", revoked.participant, "--db", db])
        // The server reads the clock: an expiry in the past ends the link.
        try await DatabaseQueue(path: db).write { database in
            try database.execute(sql: "UPDATE invitations SET expires_at = '2000-01-01 00:00:00.000' WHERE participant_id = ?",
                                 arguments: [expired.participant])
        }

        let (status, text) = try Self.run("web_intake.py", [base, folder.url.path, "clicks=\(clicks.link)", "keyboard=\(keyboard.link)",
                                                            "nojs=\(plain.link)", "expired=\(expired.link)", "revoked=\(revoked.link)"])
        #expect(status == 0, "\(text)")
        #expect(!text.contains("FAIL"), "\(text)")
        for check in ["a whole intake by clicks reaches the menu", "a whole intake by the keyboard alone reaches the menu",
                      "a reload shows the conversation so far", "a post from another website is refused", "and changes nothing",
                      "a reload after the redirect repeats nothing", "at 200 % zoom nothing scrolls sideways",
                      "every text has a contrast of at least 4.5:1", "a browser without the session sees no question"] {
            #expect(text.contains("ok \(check)"), "\(check): \(text)")
        }
        for shot in ["consent-360.png", "question-360.png", "question-zoom-200.png"] {
            #expect(FileManager.default.fileExists(atPath: folder.path(shot)), "the screenshot \(shot)")
        }
        #expect(await server.terminate() == 0)
    }

    @Test("the coordinator's overview in Chromium at 1280 and 360 px: charts with titles and tables, no sideways scrolling, no console error, a pair's report")
    func overviewInChromium() async throws {
        guard let (folder, db, server, base) = try await Self.start("overview.sqlite", seed: CoordinatorOverviewTests.seed) else { return }
        _ = try JobTwinProcess.run(["invite", "Piet", "--base-url", base, "--db", db])
        let invited = try JobTwinProcess.run(["invite", "Carla", "--coordinator", "--base-url", base, "--db", db])
        let link = invited.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // The picture goes where JOBTWIN_SCREENSHOTS says (docs/screenshots, for the docs), else
        // into the test's folder, so that taking it is tested too.
        let shots = ProcessInfo.processInfo.environment["JOBTWIN_SCREENSHOTS"] ?? folder.url.path
        let (status, text) = try Self.run("coordinator_overview.py", [base, link], environment: ["JOBTWIN_SCREENSHOTS": shots])
        #expect(status == 0 && !text.contains("FAIL"), "\(text)")
        for check in ["at 1280 px nothing scrolls sideways", "at 360 px nothing scrolls sideways", "at 1280 px no error in the console",
                      "at 360 px no error in the console", "at 360 px each chart has a title and a table beside it",
                      "a pair's name opens its report", "the report's style is allowed and nothing else"] {
            #expect(text.contains("ok \(check)"), "\(check): \(text)")
        }
        #expect(FileManager.default.fileExists(atPath: URL(fileURLWithPath: shots).appendingPathComponent("coordinator-overview.png").path))
        #expect(await server.terminate() == 0)
    }
}
