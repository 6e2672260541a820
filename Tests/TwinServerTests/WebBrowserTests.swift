import Foundation
import JobTwinTestSupport
import Testing

/// The web chat as a person uses it: headless Chromium, driven through WebDriver by
/// `Tests/Browser/web_intake.py`, against the real `jobtwin serve` on a loopback port — a click,
/// Enter, keyboard only, markup in an answer, a reload, the link on a second browser, a browser
/// without the session. Needs Debian's chromium, chromium-driver and python3-selenium, which
/// `scripts/setup` installs; without them the test fails and says so.
@Suite("The web chat in headless Chromium")
struct WebBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/web_intake.py")

    /// What is missing for the browser tests, in words; empty when everything is there.
    static func missing() -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { missing.append("chromium") }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") { missing.append("chromium-driver") }
        if !FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/selenium") { missing.append("python3-selenium") }
        return missing
    }

    @Test("an intake by clicks and keys, a reload, a second browser, a stranger")
    func intakeInChromium() async throws {
        let missing = Self.missing()
        guard missing.isEmpty else {
            Issue.record("The browser tests need \(missing.joined(separator: ", ")): run scripts/setup (it installs them with apt-get).")
            return
        }
        let folder = try TemporaryFolder()
        let db = folder.path("browser.sqlite")
        let server = try await ServeProcess(arguments: ["--db", db], environment: [:], log: URL(fileURLWithPath: folder.path("serve.log")))
        let base = "http://127.0.0.1:\(server.port)"
        let invited = try JobTwinProcess.run(["invite", "Zoë Ağaoğlu", "--side", "teacher", "--base-url", base, "--db", db])
        let link = invited.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(link.hasPrefix(base + "/chat/"), "\(invited.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, base, link, folder.url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("FAIL"), "\(text)")
        #expect(text.contains("ok a reload resumes at the pending question"), "\(text)")
        #expect(text.contains("ok a browser without the session sees no question"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: folder.path("consent-360.png")), "a 360 px screenshot")
    }
}
