import Foundation
import Synchronization
import JobTwinTestSupport

/// `jobtwin serve` as a child process, the way an operator runs it: started with a config and a
/// database, on a port the system chose (read back from its first line of output), stopped by
/// a signal.
final class ServeProcess: Sendable {
    let port: Int
    private let process: ChildProcess

    /// Starts `jobtwin serve --port 0 arguments…` and waits until it listens.
    init(arguments: [String], environment: [String: String], log: URL) async throws {
        let process = ChildProcess()
        process.executableURL = try JobTwinProcess.binary
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"] + arguments
        process.environment = JobTwinProcess.environment(environment)
        let output = Pipe()
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        self.process = process

        let port = await JobTwinProcess.listeningPort(of: output)
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

    /// Kills the process without warning, as a crash or `kill -9` would.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate() async -> Int32 {
        Foundation.kill(process.processIdentifier, SIGTERM)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                self.process.waitUntilExit()
                continuation.resume(returning: self.process.terminationStatus)
            }
        }
    }
}
