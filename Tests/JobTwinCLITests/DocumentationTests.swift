import Foundation
import Testing
import JobTwinTestSupport

/// The README and `docs/` as a reader uses them: every relative link leads to a file, and every
/// configuration block loads as pasted (`jobtwin serve --check-config`). Blocks of dialog
/// script are marked ```` ```yaml fragment ```` and are not configurations.
@Suite("Documentation")
struct DocumentationTests {
    /// The repository's top folder, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func documents() throws -> [URL] {
        let docs = root.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil).filter { $0.pathExtension == "md" }
        return [root.appendingPathComponent("README.md")] + pages.sorted { $0.path < $1.path }
    }

    @Test("every relative link in README.md and docs/ resolves")
    func links() throws {
        var checked = 0
        for document in try Self.documents() {
            let text = try String(contentsOf: document, encoding: .utf8)
            for match in text.matches(of: #/\]\(([^)\s]+)\)/#) {
                let target = String(match.output.1)
                guard !target.hasPrefix("http"), !target.hasPrefix("#"), !target.hasPrefix("mailto:") else { continue }
                let path = String(target.prefix { $0 != "#" })
                let resolved = document.deletingLastPathComponent().appendingPathComponent(path)
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(document.lastPathComponent): \(target) does not resolve")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test("every configuration block in README.md and docs/ loads with serve --check-config")
    func configurationBlocks() throws {
        let folder = try TemporaryFolder()
        var checked = 0
        for document in try Self.documents() {
            let text = try String(contentsOf: document, encoding: .utf8)
            for match in text.matches(of: #/```yaml\n(.*?)```/#.dotMatchesNewlines()) {
                let file = folder.path("block\(checked).yaml")
                try String(match.output.1).write(toFile: file, atomically: true, encoding: .utf8)
                let check = try JobTwinProcess.run(["serve", "--check-config", "--config", file],
                                                   environment: ["JOBTWIN_API_TOKEN": "t"], directory: Self.root)
                #expect(check.status == 0, "\(document.lastPathComponent), block \(checked + 1):\n\(match.output.1)\n\(check.stderr)")
                checked += 1
            }
        }
        #expect(checked >= 4, "the configuration, retention, notifications and bottlenecks examples")
    }
}
