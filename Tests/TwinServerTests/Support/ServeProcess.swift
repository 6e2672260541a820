import Foundation
import Synchronization

/// `jobtwin serve` as a child process, the way an operator runs it: started with a config and a
/// database, on a port the system chose (read back from its first line of output), stopped by
/// a signal.
final class ServeProcess: Sendable {
    let port: Int
    private let process: Process
    /// Ends with the exit status once the process has ended.
    private let exit: Task<Int32, Never>

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

    /// Starts `jobtwin serve --port 0 arguments…` and waits until it listens.
    init(arguments: [String], environment: [String: String], log: URL) async throws {
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("JOBTWIN_") { env.removeValue(forKey: key) }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        // Learn of the exit from the termination handler, set before `run()` so that an early exit
        // cannot slip past it: `waitUntilExit()` would block a thread and, on any thread but this
        // one, spin a core while it polls (swift-corelibs-foundation).
        let (statuses, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            exited.yield(process.terminationStatus)
            exited.finish()
        }
        try process.run()
        self.process = process
        exit = Task { await statuses.first { _ in true } ?? -1 }

        // Read standard output on a thread of its own until the "listening" line comes.
        let port: Int? = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var buffer = Data()
                while true {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { continuation.resume(returning: nil); return }
                    buffer.append(chunk)
                    let text = String(decoding: buffer, as: UTF8.self)
                    if let line = text.split(separator: "\n").first(where: { $0.contains("listening on") }),
                       let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                        continuation.resume(returning: port)
                        return
                    }
                }
            }
        }
        guard let port else {
            process.terminate()
            throw TestFailure("jobtwin serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        self.port = port
    }

    // A test that failed half-way must not leave a server running.
    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Kills the process without warning, as a crash or `kill -9` would, and waits until it is gone.
    func kill() async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = await exit.value
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate() async -> Int32 {
        Foundation.kill(process.processIdentifier, SIGTERM)
        return await exit.value
    }
}
