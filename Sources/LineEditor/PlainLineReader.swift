#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines without editing: from a pipe or a file, or from a terminal that cannot be
/// driven (`TERM=dumb`), where the terminal's own line discipline does the editing.
///
/// Lines may be of any length; a last line without a line break still counts. On a terminal,
/// Ctrl-C (a SIGINT from the line discipline) abandons the line being typed.
public final class PlainLineReader: LineSource, @unchecked Sendable {
    private let fileDescriptor: Int32
    private let handlesInterrupts: Bool
    /// Bytes read but not yet returned: what follows the line break of the last line.
    private var pending: [UInt8] = []
    private var atEnd = false

    /// A reader of `fileDescriptor`; `handlesInterrupts` when it is a terminal.
    public init(fileDescriptor: Int32, handlesInterrupts: Bool) {
        self.fileDescriptor = fileDescriptor
        self.handlesInterrupts = handlesInterrupts && TerminalSignals.install()
    }

    public func next(prompt: String) -> LineEvent {
        // Ctrl-C is caught before the prompt shows: from then on it abandons the line.
        if handlesInterrupts { return TerminalSignals.relayingInterrupts { show(prompt); return readLine() } }
        show(prompt)
        return readLine()
    }

    private func show(_ prompt: String) {
        fflush(nil)  // what the program printed comes first
        if !prompt.isEmpty { TerminalOutput.send(prompt, to: STDOUT_FILENO) }
    }

    private func readLine() -> LineEvent {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return .line(line)
            }
            if atEnd {
                guard !pending.isEmpty else { return .endOfInput }
                defer { pending = [] }
                return .line(pending)
            }
            if handlesInterrupts, waitForInputOrInterrupt() {
                // The line discipline has already dropped what was typed; drop our part too.
                pending = []
                TerminalOutput.send("\n", to: STDOUT_FILENO)
                return .interrupted
            }
            let count = read(fileDescriptor, &chunk, chunk.count)
            if count > 0 {
                pending.append(contentsOf: chunk[..<count])
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                atEnd = true
            }
        }
    }

    /// Waits until the input can be read or Ctrl-C was pressed; `true` for Ctrl-C.
    private func waitForInputOrInterrupt() -> Bool {
        var fds = [pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: TerminalSignals.readEnd, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0, errno == EINTR { continue }
            if ready > 0, fds[1].revents != 0, TerminalSignals.drain().contains(SIGINT) { return true }
            return false
        }
    }
}
