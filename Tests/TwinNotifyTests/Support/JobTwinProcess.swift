import Foundation

/// The built `jobtwin` binary as a child process.
enum JobTwinProcess {
    /// The binary: next to the test bundle in the build folder.
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

    /// Starts `jobtwin arguments` with only the given `JOBTWIN_…` variables set.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("JOBTWIN_") { env.removeValue(forKey: key) }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs `jobtwin arguments` to its end; returns the status and both outputs.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let (process, stdout, stderr) = try start(arguments, environment: environment)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let out = stdout.fileHandleForReading.readDataToEndOfFile()
                let err = stderr.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)))
            }
        }
    }
}
