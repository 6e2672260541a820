import Foundation
import Testing

/// Runs the built `jobtwin` binary as a child process, the way a user or a script does.
struct JobTwinProcess {
    /// The built binary: next to the test bundle in the build folder.
    static var binary: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jobtwin"),
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("jobtwin"),
                Bundle.main.bundleURL.appendingPathComponent("jobtwin"),
            ]
            for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            throw TestFailure("the jobtwin binary was not found next to the tests (\(candidates.map(\.path)))")
        }
    }

    /// The result of a finished run.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs `jobtwin arguments` with `input` on standard input and waits for it to end.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
                    directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "JOBTWIN_DB")
        env.removeValue(forKey: "JOBTWIN_DIALOGS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while writing, so that a large output cannot block the child.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A test precondition that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary folder, removed when the test is done with it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jobtwin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
