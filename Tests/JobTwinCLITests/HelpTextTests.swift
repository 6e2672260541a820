import Foundation
import Testing
import JobTwinTestSupport

/// Every command's `--help`, as a person reads it: the running text has no runs of spaces in
/// the middle of a sentence (a paragraph that lost its line continuations shows them).
@Suite("Help texts")
struct HelpTextTests {
    /// Every command path, found by walking the SUBCOMMANDS sections from the top.
    static func commandPaths() throws -> [[String]] {
        var paths: [[String]] = [[]]
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            for name in subcommands(in: try help(path)) {
                paths.append(path + [name])
                queue.append(path + [name])
            }
        }
        return paths
    }

    static func help(_ path: [String]) throws -> String {
        let output = try JobTwinProcess.run(path + ["--help"], environment: ["COLUMNS": "100"])
        guard output.status == 0 else { throw TestFailure("jobtwin \(path.joined(separator: " ")) --help exited with \(output.status)") }
        return output.stdout
    }

    /// The names listed under SUBCOMMANDS: lines with two spaces, then the name.
    static func subcommands(in help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix(":"), !line.hasPrefix(" ") { inSection = line == "SUBCOMMANDS:"; continue }
            guard inSection, line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
            if name != "See" { names.append(String(name)) }
        }
        return names
    }

    /// The lines where running text has two or more spaces between words. In the OPTIONS,
    /// ARGUMENTS and SUBCOMMANDS sections a line that starts an entry has one gap, between the
    /// name and its description; anything else is a defect.
    static func linesWithSpaceRuns(_ help: String) -> [String] {
        var found: [String] = []
        var inTable = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), line.contains(":") {
                let header = line.prefix { $0 != ":" }
                if header.allSatisfy({ $0.isUppercase }) {
                    inTable = ["OPTIONS", "ARGUMENTS", "SUBCOMMANDS"].contains(String(header))
                    if !inTable, header == "OVERVIEW" || header == "USAGE" {
                        if Self.runs(in: line.dropFirst(header.count + 1)) > 0 { found.append(String(line)) }
                    }
                    continue
                }
            }
            let text = line.drop { $0 == " " }
            let startsEntry = inTable && line.hasPrefix("  ") && !line.hasPrefix("   ")
            if Self.runs(in: text) > (startsEntry ? 1 : 0) { found.append(String(line)) }
        }
        return found
    }

    /// The entries of the OPTIONS and ARGUMENTS sections (an entry's wrapped lines joined) that
    /// name a default more than once — a default written into the help text that ArgumentParser
    /// then adds again.
    static func entriesWithDefaultTwice(_ help: String) -> [String] {
        var entries: [String] = []
        var inTable = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), line.hasSuffix(":") {
                inTable = line == "OPTIONS:" || line == "ARGUMENTS:"
                continue
            }
            guard inTable, line.hasPrefix("  ") else { continue }
            if line.hasPrefix("   "), !entries.isEmpty {
                entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                entries.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        return entries.filter { $0.lowercased().components(separatedBy: "default").count > 2 }
    }

    /// How many runs of two or more spaces stand between other characters.
    static func runs(in text: Substring) -> Int {
        text.trimmingCharacters(in: .whitespaces).matches(of: #/ {2,}/#).count
    }

    @Test("the checks themselves find a paragraph that lost its line continuations and a default named twice")
    func checkFindsRuns() {
        let broken = "OVERVIEW: Propose pairs.\n\nWithout --scores, scores every         participant.\n\nOPTIONS:\n  --json                  Print JSON.\n"
        #expect(Self.linesWithSpaceRuns(broken) == ["Without --scores, scores every         participant."])
        let fine = "OVERVIEW: Propose pairs.\n\nOPTIONS:\n  --db <path>             The database file (default: the\n                          configuration's).\n"
        #expect(Self.linesWithSpaceRuns(fine).isEmpty)
        let twice = "OPTIONS:\n  --format <md|html>      md (Markdown, the default) or html. (default:\n                          md)\n  --lang <nl|en>          nl or en (default: the participant's).\n"
        #expect(Self.entriesWithDefaultTwice(twice) == ["--format <md|html>      md (Markdown, the default) or html. (default: md)"])
    }

    @Test("no command's --help has runs of spaces inside its running text, nor a default named twice")
    func everyCommand() throws {
        let paths = try Self.commandPaths()
        #expect(paths.count > 20, "every command and subcommand is walked (found \(paths.count))")
        #expect(paths.contains(["match"]) && paths.contains(["outbox", "retry"]) && paths.contains(["dialogs", "lint"]))
        for path in paths {
            let help = try Self.help(path)
            #expect(Self.linesWithSpaceRuns(help).isEmpty, "jobtwin \(path.joined(separator: " ")) --help: \(Self.linesWithSpaceRuns(help))")
            #expect(Self.entriesWithDefaultTwice(help).isEmpty, "jobtwin \(path.joined(separator: " ")) --help names a default twice: \(Self.entriesWithDefaultTwice(help))")
        }
    }
}
