#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals the line editor reacts to, relayed to the thread that reads the terminal.
///
/// A process-wide signal is delivered to any thread that does not block it, so a handler that
/// only interrupts `read` would miss the editing thread most of the time. The handlers write
/// the signal's number into a pipe instead (`write` is async-signal-safe), and the reader
/// polls that pipe beside standard input.
enum TerminalSignals {
    /// The pipe's read end, polled by readers; -1 until `install()`.
    nonisolated(unsafe) static var readEnd: Int32 = -1
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    /// The terminal's settings before raw mode, put back by the SIGTERM/SIGHUP handler; valid
    /// while `isRaw` is 1.
    nonisolated(unsafe) static var savedSettings = termios()
    nonisolated(unsafe) static var isRaw: Int32 = 0
    nonisolated(unsafe) static var savedFileDescriptor: Int32 = STDIN_FILENO
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers once: SIGWINCH (redraw), SIGTERM and SIGHUP (put the terminal
    /// back, then end as the signal would). Returns `false` when no pipe could be made; the
    /// editor then works without redrawing on resize, and plain reading without Ctrl-C.
    @discardableResult
    static func install() -> Bool {
        if installed { return readEnd >= 0 }
        installed = true
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = handle(SIGWINCH) { number in TerminalSignals.relay(number) }
        for ending in [SIGTERM, SIGHUP] {
            _ = handle(ending) { number in
                if TerminalSignals.isRaw == 1 {
                    _ = tcsetattr(TerminalSignals.savedFileDescriptor, TCSADRAIN, &TerminalSignals.savedSettings)
                }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        return true
    }

    /// Relays SIGINT while `body` runs — plain reading on a terminal, whose line discipline
    /// turns Ctrl-C into a signal — and puts the previous disposition back afterwards, so that
    /// Ctrl-C while the assistant works ends the program as usual.
    static func relayingInterrupts<T>(_ body: () -> T) -> T {
        guard install() else { return body() }
        var previous = handle(SIGINT) { number in TerminalSignals.relay(number) }
        defer { _ = sigaction(SIGINT, &previous, nil) }
        return body()
    }

    /// Takes the signals relayed since the last call.
    static func drain() -> [Int32] {
        guard readEnd >= 0 else { return [] }
        var signals: [Int32] = []
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) == 1 { signals.append(Int32(byte)) }
        return signals
    }

    private static func relay(_ signal: Int32) {
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(writeEnd, &byte, 1)
    }

    /// Installs `handler` for `signal`; returns the disposition it replaced.
    private static func handle(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var previous = sigaction()
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        // SA_RESTART: reads elsewhere in the program carry on; this reader learns from the pipe.
        action.sa_flags = SA_RESTART
        _ = sigaction(signal, &action, &previous)
        return previous
    }
}
