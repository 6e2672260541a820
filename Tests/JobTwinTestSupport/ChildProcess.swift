import CChildProcess
public import Foundation
import Synchronization

/// A child process for the tests, in the shape of Foundation's `Process` (the members the tests
/// use), started with glibc's posix_spawn.
///
/// Foundation's `Process.run()` on Linux lists /proc/self/fd with a copy that can read past the
/// end of glibc's buffer, and so crashes the whole test run now and then once a thousand
/// descriptors are open, as they are while the suites run in parallel. Here the child closes
/// every descriptor from 3 with glibc's own action, which walks nothing.
public final class ChildProcess: @unchecked Sendable {
    /// The program to run.
    public var executableURL: URL?
    /// Its arguments, without the program's own name.
    public var arguments: [String] = []
    /// Its whole environment; `nil` passes on this process's.
    public var environment: [String: String]?
    /// The folder it runs in; `nil` is this process's.
    public var currentDirectoryURL: URL?
    /// Standard input: a `Pipe` (the child reads its reading end), a `FileHandle`, or `nil` (or
    /// `FileHandle.nullDevice`) for /dev/null. By default this process's own.
    public var standardInput: Any? = FileHandle.standardInput
    /// Standard output: a `Pipe` (the child writes its writing end), a `FileHandle`, or `nil`.
    public var standardOutput: Any? = FileHandle.standardOutput
    /// Standard error, like `standardOutput`.
    public var standardError: Any? = FileHandle.standardError

    /// The child's process id, once it runs.
    public private(set) var processIdentifier: Int32 = 0

    private struct Exit {
        var status: Int32
        var reason: Process.TerminationReason
    }

    private let exit = Mutex<Exit?>(nil)
    private let exited = DispatchSemaphore(value: 0)

    /// A process that `run()` starts.
    public init() {}

    /// Starts the child.
    ///
    /// - Throws: `TestFailure` when the program cannot be started.
    public func run() throws {
        guard let path = executableURL?.path else { throw TestFailure("ChildProcess.run(): no executableURL set") }
        let nullDevice = FileHandle(forUpdatingAtPath: "/dev/null")
        defer { try? nullDevice?.close() }
        func descriptor(_ stream: Any?, reading: Bool) throws -> Int32 {
            switch stream {
            case let pipe as Pipe:
                return reading ? pipe.fileHandleForReading.fileDescriptor : pipe.fileHandleForWriting.fileDescriptor
            case let handle as FileHandle where handle.fileDescriptor >= 0:
                return handle.fileDescriptor
            default:
                guard let nullDevice else { throw TestFailure("ChildProcess.run(): /dev/null cannot be opened") }
                return nullDevice.fileDescriptor
            }
        }
        let input = try descriptor(standardInput, reading: true)
        let output = try descriptor(standardOutput, reading: false)
        let error = try descriptor(standardError, reading: false)
        let environment = (self.environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = Self.cStrings([path] + arguments)
        let envp = Self.cStrings(environment)
        defer {
            Self.free(argv)
            Self.free(envp)
        }
        var pid = pid_t()
        let result: Int32
        if let directory = currentDirectoryURL?.path {
            result = jt_spawn(&pid, path, argv, envp, input, output, error, directory)
        } else {
            result = jt_spawn(&pid, path, argv, envp, input, output, error, nil)
        }
        guard result == 0 else {
            throw TestFailure("ChildProcess.run(): \(path) could not be started: \(String(cString: strerror(result)))")
        }
        processIdentifier = pid
        // The child has its own copies now; ours would keep a pipe open after the child ended.
        if let pipe = standardInput as? Pipe { try? pipe.fileHandleForReading.close() }
        if let pipe = standardOutput as? Pipe { try? pipe.fileHandleForWriting.close() }
        if let pipe = standardError as? Pipe { try? pipe.fileHandleForWriting.close() }
        startReaper(pid)
    }

    /// Whether the child has been started and has not ended yet.
    public var isRunning: Bool {
        processIdentifier != 0 && exit.withLock { $0 == nil }
    }

    /// Blocks until the child has ended.
    public func waitUntilExit() {
        guard processIdentifier != 0 else { return }
        exited.wait()
        // Let the next waiter through as well.
        exited.signal()
    }

    /// The exit status, or the signal that ended the child; 0 while it runs.
    public var terminationStatus: Int32 {
        exit.withLock { $0?.status ?? 0 }
    }

    /// Whether the child exited or was ended by a signal.
    public var terminationReason: Process.TerminationReason {
        exit.withLock { $0?.reason ?? .exit }
    }

    /// Sends SIGTERM.
    public func terminate() {
        guard processIdentifier != 0 else { return }
        kill(processIdentifier, SIGTERM)
    }

    /// Waits for the child on a thread of its own, so that `isRunning` and `waitUntilExit()`
    /// never reap it twice.
    private func startReaper(_ pid: pid_t) {
        let thread = Thread { [self] in
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, 0) } while result == -1 && errno == EINTR
            let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
            exit.withLock {
                $0 = signalled ? Exit(status: status & 0x7f, reason: .uncaughtSignal)
                               : Exit(status: (status >> 8) & 0xff, reason: .exit)
            }
            exited.signal()
        }
        thread.name = "jobtwin-test-reaper"
        thread.start()
    }

    private static func cStrings(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { array[index] = strdup(string) }
        array[strings.count] = nil
        return array
    }

    private static func free(_ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
        var index = 0
        while let string = array[index] {
            Foundation.free(string)
            index += 1
        }
        array.deallocate()
    }
}
