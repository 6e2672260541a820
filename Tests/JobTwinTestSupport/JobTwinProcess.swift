public import Foundation

/// The built `jobtwin` binary as a child process, the way a user, a script or an operator runs
/// it — one place for finding the binary and for the environment every test gives it.
public enum JobTwinProcess {
    /// The built binary: next to the test bundle in the build folder.
    public static var binary: URL {
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

    /// The environment of a child: this process's, without any `JOBTWIN_…` setting of the
    /// developer's shell and without colours, then `overrides`.
    public static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("JOBTWIN_") { environment.removeValue(forKey: key) }
        environment["NO_COLOR"] = "1"
        for (key, value) in overrides { environment[key] = value }
        return environment
    }

    /// The result of a finished run.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Standard output's lines.
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Starts `jobtwin arguments` with standard output and error on pipes.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (ChildProcess, Pipe, Pipe) {
        let process = ChildProcess()
        process.executableURL = try binary
        process.arguments = arguments
        process.environment = Self.environment(environment)
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs `jobtwin arguments` with `input` on standard input and waits for it to end.
    public static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
                           directory: URL? = nil) throws -> Output {
        let process = ChildProcess()
        process.executableURL = try binary
        process.arguments = arguments
        process.environment = Self.environment(environment)
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
        DispatchQueue.global().async { outData = stdout.fileHandleForReading.readAll(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = stderr.fileHandleForReading.readAll(); group.leave() }
        stdin.fileHandleForWriting.writeAll(input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `jobtwin arguments` to its end without holding a cooperative thread while it runs.
    public static func finish(_ arguments: [String], environment: [String: String] = [:]) async throws -> Output {
        let (process, stdout, stderr) = try start(arguments, environment: environment)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let out = stdout.fileHandleForReading.readAll()
                let err = stderr.fileHandleForReading.readAll()
                process.waitUntilExit()
                continuation.resume(returning: Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                                      stderr: String(decoding: err, as: UTF8.self)))
            }
        }
    }

    /// Reads a `jobtwin serve`'s standard output until its "listening on HOST:PORT" line and
    /// returns the port; `nil` when the output ends first (the server did not start).
    public static func listeningPort(of output: Pipe) async -> Int? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var buffer = Data()
                while true {
                    let chunk = output.fileHandleForReading.nextChunk()
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
    }
}
