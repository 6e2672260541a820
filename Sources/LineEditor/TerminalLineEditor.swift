#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line editor for a terminal, on raw termios: line editing, history of this session,
/// UTF-8, lines that wrap over several rows, resizing, Ctrl-C and Ctrl-D.
///
/// Why our own and not libedit or GNU readline: `jobtwin chat` once loaded libedit with
/// `dlopen` and it crashed on its first `readline()` (a null dereference inside the library,
/// called from one of Swift's concurrency threads), while every piped test passed. Those
/// libraries keep process-wide state and install signal handlers of their own; linking them
/// adds a build dependency, and GNU readline's licence would bind the binary. What a
/// conversation needs — one line at a time, Emacs-style keys, an in-memory history, exact
/// Ctrl-C/Ctrl-D behaviour — fits in a small, tested module whose every byte we control.
///
/// The keys: ←/→ (Ctrl-B/F), Ctrl-←/→ and Alt-B/F by word, Home/End (Ctrl-A/E), ↑/↓
/// (Ctrl-P/N) for the history, Backspace, Delete, Ctrl-K/U/W, Alt-D, Ctrl-Y, Ctrl-T, Ctrl-L,
/// Ctrl-Z; bracketed paste keeps a pasted text with line breaks as one line.
///
/// Raw mode is on only while a line is read; the terminal's settings come back after every
/// line, on SIGTERM and SIGHUP, and around Ctrl-Z. Keys typed ahead are kept for the next line.
public final class TerminalLineEditor: LineSource, @unchecked Sendable {
    private let input = STDIN_FILENO
    private let output = STDOUT_FILENO
    private let original: termios
    private var decoder = KeyDecoder()
    /// Keys decoded after an Enter that ended the last line: typed ahead for the next one.
    private var typedAhead: [Key] = []
    private var history = LineHistory()
    /// For a terminal that refuses raw mode; one reader, so that what it read ahead is kept.
    private lazy var plainReader = PlainLineReader(fileDescriptor: input, handlesInterrupts: true)

    /// An editor for standard input and output; `nil` when either is not a terminal.
    public init?() {
        var settings = termios()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, tcgetattr(STDIN_FILENO, &settings) == 0 else { return nil }
        original = settings
        TerminalSignals.install()
    }

    /// The lines entered so far in this session, oldest first.
    public var historyEntries: [String] { history.entries }

    public func next(prompt: String) -> LineEvent {
        fflush(nil)  // what the program printed comes before the prompt
        guard enterRawMode() else {
            // A terminal that refuses raw mode still reads lines through its own discipline.
            return plainReader.next(prompt: prompt)
        }
        defer { leaveRawMode() }
        var screen = Screen(prompt: prompt, promptWidth: TerminalOutput.visibleWidth(prompt),
                            columns: TerminalOutput.columns(of: output))
        var buffer = EditBuffer()
        draw(buffer, on: &screen)
        while true {
            let keys: [Key]
            if !typedAhead.isEmpty {
                keys = typedAhead
                typedAhead = []
            } else {
                switch wait(&screen, buffer) {
                case .keys(let read): keys = read
                case .closed: return .endOfInput
                }
            }
            for (index, key) in keys.enumerated() {
                if let event = apply(key, to: &buffer, on: &screen) {
                    typedAhead = Array(keys[(index + 1)...])
                    return event
                }
            }
            draw(buffer, on: &screen)
        }
    }

    // MARK: - Keys

    /// Applies a key; returns the event that ends the line, if it does.
    private func apply(_ key: Key, to buffer: inout EditBuffer, on screen: inout Screen) -> LineEvent? {
        switch key {
        case .character(let character): buffer.insert(String(character))
        case .paste(let text): buffer.insert(text)
        case .enter:
            finish(buffer, on: &screen, mark: "")
            history.add(buffer.text)
            return .line(Array(buffer.text.utf8))
        case .interrupt:
            finish(buffer, on: &screen, mark: "^C")
            history.stopBrowsing()
            return .interrupted
        case .endOfFile:
            guard buffer.isEmpty else {
                buffer.deleteForward()
                return nil
            }
            finish(buffer, on: &screen, mark: "")
            return .endOfInput
        case .backspace: buffer.deleteBackward()
        case .delete: buffer.deleteForward()
        case .left: buffer.moveLeft()
        case .right: buffer.moveRight()
        case .wordLeft: buffer.moveWordLeft()
        case .wordRight: buffer.moveWordRight()
        case .home: buffer.moveToStart()
        case .end: buffer.moveToEnd()
        case .up: if let line = history.previous(current: buffer.text) { buffer.replace(with: line) }
        case .down: if let line = history.next() { buffer.replace(with: line) }
        case .killToEnd: buffer.killToEnd()
        case .killToStart: buffer.killToStart()
        case .deleteWordBackward: buffer.deleteWordBackward()
        case .deleteWordForward: buffer.deleteWordForward()
        case .yank: buffer.yank()
        case .transpose: buffer.transpose()
        case .clearScreen:
            TerminalOutput.send("\u{1B}[H\u{1B}[2J", to: output)
            screen.cursorRow = 0
        case .suspend: suspend(buffer, on: &screen)
        case .ignored: break
        }
        return nil
    }

    // MARK: - Input

    private enum Wait {
        case keys([Key])
        case closed
    }

    /// Waits for keys; redraws when the terminal was resized meanwhile.
    private func wait(_ screen: inout Screen, _ buffer: EditBuffer) -> Wait {
        var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: TerminalSignals.readEnd, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            // The rest of an escape sequence arrives at once; after a pause, ESC was alone.
            let timeout: Int32 = decoder.isWaitingForMore ? 50 : -1
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, nfds_t(TerminalSignals.readEnd >= 0 ? 2 : 1), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 { return .keys(decoder.flush()) }
            if fds.count > 1, fds[1].revents != 0, TerminalSignals.drain().contains(SIGWINCH) {
                resize(&screen, buffer)
            }
            guard fds[0].revents != 0 else { continue }
            if fds[0].revents & Int16(POLLIN) == 0 { return .closed }  // hung up
            let count = read(input, &chunk, chunk.count)
            if count > 0 { return .keys(decoder.decode(chunk[..<count])) }
            if count == 0 { return .closed }
            if errno != EINTR && errno != EAGAIN { return .closed }
        }
    }

    // MARK: - Drawing

    /// What is on the screen: the prompt, the terminal's width and the cursor's row below the
    /// prompt's first row.
    private struct Screen {
        let prompt: String
        let promptWidth: Int
        var columns: Int
        var cursorRow = 0
    }

    /// Redraws the prompt and the line from the prompt's first row, and puts the cursor where
    /// the buffer has it.
    private func draw(_ buffer: EditBuffer, on screen: inout Screen) {
        let layout = LineLayout(promptWidth: screen.promptWidth, widths: buffer.characters.map(\.terminalColumns),
                                columns: screen.columns)
        var text = ""
        if screen.cursorRow > 0 { text += "\u{1B}[\(screen.cursorRow)A" }
        text += "\r\u{1B}[J" + screen.prompt + buffer.text
        var row = layout.end.row
        if layout.end.column >= screen.columns {
            // The terminal waits at the edge; step onto the next row so positions add up.
            text += "\r\n"
            row += 1
        }
        let target = layout.cursor(at: buffer.cursor)
        if row > target.row { text += "\u{1B}[\(row - target.row)A" }
        text += "\r"
        if target.column > 0 { text += "\u{1B}[\(target.column)C" }
        screen.cursorRow = target.row
        TerminalOutput.send(text, to: output)
    }

    /// Draws the line with the cursor at its end, `mark` after it, and moves to a new row.
    private func finish(_ buffer: EditBuffer, on screen: inout Screen, mark: String) {
        var atEnd = buffer
        atEnd.moveToEnd()
        draw(atEnd, on: &screen)
        TerminalOutput.send(mark + "\r\n", to: output)
        screen.cursorRow = 0
    }

    /// A new width: the line is redrawn where the terminal has reflowed it (as VTE, tmux,
    /// kitty, iTerm2 and Windows Terminal do), from the prompt's first row.
    private func resize(_ screen: inout Screen, _ buffer: EditBuffer) {
        let columns = TerminalOutput.columns(of: output)
        guard columns != screen.columns else { return }
        let reflowed = LineLayout(promptWidth: screen.promptWidth, widths: buffer.characters.map(\.terminalColumns), columns: columns)
        screen.columns = columns
        screen.cursorRow = reflowed.cursor(at: buffer.cursor).row
        draw(buffer, on: &screen)
    }

    /// Ctrl-Z: gives the terminal back to the shell, stops, and redraws on return.
    private func suspend(_ buffer: EditBuffer, on screen: inout Screen) {
        finish(buffer, on: &screen, mark: "")
        leaveRawMode()
        raise(SIGTSTP)
        _ = enterRawMode()
        screen.columns = TerminalOutput.columns(of: output)
    }

    // MARK: - Raw mode

    private func enterRawMode() -> Bool {
        var raw = original
        // No echo, no line buffering, no signals from Ctrl-C/Ctrl-Z/Ctrl-\, no flow control,
        // no CR→LF translation: every key reaches the editor. Output processing stays on, so
        // the rest of the program's "\n" still starts a new row.
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        TerminalSignals.savedSettings = original
        TerminalSignals.savedFileDescriptor = input
        // TCSADRAIN, not TCSAFLUSH: what was typed ahead while the assistant answered is kept.
        guard tcsetattr(input, TCSADRAIN, &raw) == 0 else { return false }
        TerminalSignals.isRaw = 1
        TerminalOutput.send("\u{1B}[?2004h", to: output)  // bracketed paste on
        return true
    }

    private func leaveRawMode() {
        TerminalOutput.send("\u{1B}[?2004l", to: output)
        var settings = original
        _ = tcsetattr(input, TCSADRAIN, &settings)
        TerminalSignals.isRaw = 0
    }
}
