/// One key press (or one pasted text) at a terminal, decoded from the bytes the terminal sends.
public enum Key: Equatable, Sendable {
    /// Text to insert: one character typed.
    case character(Character)
    /// Text pasted in one piece (bracketed paste); line breaks already turned into spaces.
    case paste(String)
    /// Enter or Return: accept the line.
    case enter
    /// Delete the character before the cursor (Backspace, Ctrl-H).
    case backspace
    /// Delete the character under the cursor (Delete).
    case delete
    /// Cursor one character left (←, Ctrl-B).
    case left
    /// Cursor one character right (→, Ctrl-F).
    case right
    /// Cursor one word left (Ctrl-←, Alt-B).
    case wordLeft
    /// Cursor one word right (Ctrl-→, Alt-F).
    case wordRight
    /// Cursor to the start of the line (Home, Ctrl-A).
    case home
    /// Cursor to the end of the line (End, Ctrl-E).
    case end
    /// The previous line in the history (↑, Ctrl-P).
    case up
    /// The next line in the history (↓, Ctrl-N).
    case down
    /// Ctrl-C: abandon the line.
    case interrupt
    /// Ctrl-D: end of input on an empty line, otherwise delete the character under the cursor.
    case endOfFile
    /// Ctrl-K: delete from the cursor to the end of the line.
    case killToEnd
    /// Ctrl-U: delete from the start of the line to the cursor.
    case killToStart
    /// Ctrl-W or Alt-Backspace: delete the word before the cursor.
    case deleteWordBackward
    /// Alt-D: delete the word after the cursor.
    case deleteWordForward
    /// Ctrl-Y: insert the text deleted last.
    case yank
    /// Ctrl-T: swap the two characters around the cursor.
    case transpose
    /// Ctrl-L: clear the screen and redraw the line.
    case clearScreen
    /// Ctrl-Z: suspend the program (as the shell's job control does).
    case suspend
    /// A key or sequence that has no meaning here (Tab, F-keys, a lone Escape, …): ignored.
    case ignored
}
