#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading one line gave.
public enum LineEvent: Equatable, Sendable {
    /// A line, without its line break, as bytes: invalid UTF-8 is passed on for the caller
    /// to refuse rather than silently repaired.
    case line([UInt8])
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// A source of lines for a conversation on standard input.
///
/// One caller at a time: a conversation asks for the next line only after it has answered
/// the last one. The classes are `Sendable` so that the blocking read can run on a thread of
/// its own instead of holding one of Swift's cooperative threads.
public protocol LineSource: AnyObject, Sendable {
    /// Shows `prompt` and reads the next line.
    func next(prompt: String) -> LineEvent
}

/// Chooses how to read standard input.
public enum StandardInput {
    /// Terminal types that cannot take the editor's escape sequences (as linenoise and
    /// readline treat them).
    static let unsupportedTerminals: Set<String> = ["dumb", "cons25", "emacs"]

    /// The line editor when `editing` is asked for, standard input and output are both a
    /// terminal and `TERM` is not one that lacks cursor movement; otherwise plain reading
    /// (which on a terminal still turns Ctrl-C into an abandoned line).
    public static func lineSource(editing: Bool, terminalType: String?) -> any LineSource {
        let onTerminal = isatty(STDIN_FILENO) == 1
        if editing, onTerminal, isatty(STDOUT_FILENO) == 1,
           !unsupportedTerminals.contains(terminalType ?? ""),
           let editor = TerminalLineEditor() {
            return editor
        }
        return PlainLineReader(fileDescriptor: STDIN_FILENO, handlesInterrupts: onTerminal)
    }
}
