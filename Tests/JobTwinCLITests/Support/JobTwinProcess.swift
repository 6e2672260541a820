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
                    directory: URL? = nil) async throws -> Output {
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
        // At most one child per core at a time. The blocking version of this helper was capped by
        // the cooperative pool's width; uncapped, every CLI test in the run starts its child at once
        // and time-sensitive tests elsewhere starve (RetryTests gives a local receiver 0.3 s).
        return try await ChildSlots.shared.withSlot {
            let exit = try process.start()
            let output = stdout.fileHandleForReading, errors = stderr.fileHandleForReading, writer = stdin.fileHandleForWriting
            // Read both pipes while writing, so that a large output cannot block the child.
            async let outData = onThreadOfItsOwn { output.readDataToEndOfFile() }
            async let errData = onThreadOfItsOwn { errors.readDataToEndOfFile() }
            try await onThreadOfItsOwn {
                writer.write(input)
                try writer.close()
            }
            let status = await exit.value
            return Output(status: status, stdout: String(decoding: await outData, as: UTF8.self),
                          stderr: String(decoding: await errData, as: UTF8.self))
        }
    }
}

/// A counting semaphore that suspends instead of blocking: the slots for running `jobtwin` children.
actor ChildSlots {
    static let shared = ChildSlots(ProcessInfo.processInfo.activeProcessorCount)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = max(1, count) }

    /// Takes a slot, waiting (suspended) for one to be released when none is free.
    func acquire() async {
        if free > 0 {
            free -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// Hands the slot to the longest waiter, or frees it.
    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }

    /// Runs `body` holding a slot, and releases it however `body` ends.
    nonisolated func withSlot<T>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }
}

/// Runs blocking `work` (a read to the end of a pipe, a write into one) on a thread of its own
/// and returns its result. The cooperative pool has one thread per core: a test that blocked one
/// of them while its child runs would stall every other async test in the run.
func onThreadOfItsOwn<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: Result(catching: work)) }
    }
    return try result.get()
}

extension Process {
    /// Starts the process; the task ends with its exit status once the process has ended.
    /// Awaiting it holds no thread, where `waitUntilExit()` blocks its caller and, on any thread
    /// but the one that launched the process, even spins a core (swift-corelibs-foundation polls
    /// its run loop, which has nothing to wait on there).
    func start() throws -> Task<Int32, Never> {
        let (statuses, continuation) = AsyncStream.makeStream(of: Int32.self)
        // Set before `run()`, so that a child that ends at once cannot slip past it.
        terminationHandler = { process in
            continuation.yield(process.terminationStatus)
            continuation.finish()
        }
        do {
            try run()
        } catch {
            terminationHandler = nil
            continuation.finish()
            throw error
        }
        return Task { await statuses.first { _ in true } ?? -1 }
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
