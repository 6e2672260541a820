import Foundation
#if canImport(Glibc)
import Glibc
import JobTwinTestSupport
#endif

/// A pseudo-terminal made by the test, with `jobtwin` running on it as on a person's terminal:
/// the program is the session leader with the terminal as its controlling terminal (through
/// util-linux's `setsid --ctty --wait`), so Ctrl-C, Ctrl-D and a window resize reach it as
/// they do in a real terminal. Everything the program writes is collected; `waitFor` reads it
/// as the screen would show it, without colour and cursor codes.
final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private let process = ChildProcess()
    private let lock = NSLock()
    private var collected: [UInt8] = []
    private var readerDone = false

    /// Starts `jobtwin arguments` on a new terminal `columns` wide.
    init(_ arguments: [String], environment: [String: String], columns: Int = 80, rows: Int = 24) throws {
        let pty = try Self.openPair()
        master = pty.master
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(pty.slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw TestFailure("cannot open \(pty.slavePath)") }
        defer { close(slave) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--ctty", "--wait", try JobTwinProcess.binary.path] + arguments
        // Colours and the terminal's type are the test's to choose, like the window's size.
        var env = JobTwinProcess.environment()
        for key in ["NO_COLOR", "TERM", "COLUMNS", "LINES"] { env.removeValue(forKey: key) }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let reader = Thread { [self] in readUntilClosed() }
        reader.start()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(master)
    }

    /// Types `text` as keys: control characters as written ("\u{3}" is Ctrl-C).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
        // A person types slower than a pipe: let each burst arrive as its own read.
        usleep(60_000)
    }

    /// The whole output so far, bytes as the program wrote them.
    var raw: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    /// A mark for `waitFor(_:after:)`: output from here on.
    var mark: Int {
        lock.lock()
        defer { lock.unlock() }
        return collected.count
    }

    /// Waits until the output after `mark` shows `text` (colour and cursor codes left out);
    /// returns that output.
    @discardableResult
    func waitFor(_ text: String, after mark: Int = 0, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            lock.lock()
            let since = collected.count > mark ? Array(collected[mark...]) : []
            let done = readerDone
            lock.unlock()
            let screen = Self.visible(String(decoding: since, as: UTF8.self))
            if screen.contains(text) { return screen }
            if done || Date() > deadline {
                throw TestFailure("waited for \(text.debugDescription); the terminal showed:\n\(screen.suffix(1_500))")
            }
            usleep(20_000)
        }
    }

    /// Gives the terminal a new size; the kernel tells the program with SIGWINCH.
    func resize(columns: Int, rows: Int = 24) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        usleep(100_000)
    }

    /// Waits for the program to end; its exit status.
    func waitForExit(timeout: TimeInterval = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw TestFailure("jobtwin did not end; the terminal showed:\n\(Self.visible(raw).suffix(1_500))")
            }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    /// Text as a terminal shows it: escape sequences (CSI, OSC, two-byte) removed, carriage
    /// returns dropped.
    static func visible(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "]" {
                    while let next = scalars.next(), next != "\u{07}" {}
                }
            case "\r":
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private func readUntilClosed() {
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = read(master, &chunk, chunk.count)
            if count > 0 {
                lock.lock()
                collected.append(contentsOf: chunk[..<count])
                lock.unlock()
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break  // EIO: every process on the terminal has closed it
            }
        }
        lock.lock()
        readerDone = true
        lock.unlock()
    }

    /// A new pseudo-terminal pair. Glibc's module leaves the XSI functions out of Swift's
    /// view (they need _XOPEN_SOURCE), so they are looked up in the C library itself.
    private static func openPair() throws -> (master: Int32, slavePath: String) {
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias FDCall = @convention(c) (Int32) -> Int32
        typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        guard let library = dlopen(nil, RTLD_NOW),
              let openSymbol = dlsym(library, "posix_openpt"), let grantSymbol = dlsym(library, "grantpt"),
              let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname_r") else {
            throw TestFailure("the C library has no pseudo-terminal functions")
        }
        let master = unsafeBitCast(openSymbol, to: OpenPT.self)(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw TestFailure("posix_openpt failed: errno \(errno)") }
        guard unsafeBitCast(grantSymbol, to: FDCall.self)(master) == 0,
              unsafeBitCast(unlockSymbol, to: FDCall.self)(master) == 0 else {
            close(master)
            throw TestFailure("grantpt/unlockpt failed: errno \(errno)")
        }
        var name = [CChar](repeating: 0, count: 128)
        guard unsafeBitCast(nameSymbol, to: PTSName.self)(master, &name, name.count) == 0 else {
            close(master)
            throw TestFailure("ptsname_r failed: errno \(errno)")
        }
        return (master, String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
