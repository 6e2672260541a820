/// The line being edited: its characters, the cursor, and the text deleted last (for yank).
///
/// Characters are grapheme clusters, so that the cursor never lands inside `ë` written as `e` +
/// a combining diaeresis, or inside an emoji sequence; a combining mark typed after a letter
/// joins it.
public struct EditBuffer: Sendable, Equatable {
    /// The characters of the line.
    public private(set) var characters: [Character] = []
    /// The cursor's position: the index of the character it stands before (`count` at the end).
    public private(set) var cursor = 0
    /// What the last kill (Ctrl-K, Ctrl-U, Ctrl-W, Alt-D) deleted.
    private var killed: [Character] = []

    /// An empty line.
    public init() {}

    /// A line holding `text`, with the cursor at its end.
    public init(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// The line as text.
    public var text: String { String(characters) }

    /// Whether the line is empty.
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts text at the cursor.
    public mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        // Re-segment with the character before the cursor, so that a combining mark joins it.
        let start = cursor > 0 ? cursor - 1 : cursor
        let merged = Array(String(characters[start..<cursor]) + text)
        characters.replaceSubrange(start..<cursor, with: merged)
        cursor = start + merged.count
    }

    /// Deletes the character before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one character right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// Moves the cursor to the start of the line.
    public mutating func moveToStart() { cursor = 0 }
    /// Moves the cursor to the end of the line.
    public mutating func moveToEnd() { cursor = characters.count }

    /// Moves the cursor to the start of the word before it.
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }
    /// Moves the cursor past the end of the word after it.
    public mutating func moveWordRight() { cursor = wordEnd(after: cursor) }

    /// Deletes from the cursor to the end of the line.
    public mutating func killToEnd() { kill(cursor..<characters.count) }
    /// Deletes from the start of the line to the cursor.
    public mutating func killToStart() { kill(0..<cursor) }
    /// Deletes the word before the cursor.
    public mutating func deleteWordBackward() { kill(wordStart(before: cursor)..<cursor) }
    /// Deletes the word after the cursor.
    public mutating func deleteWordForward() { kill(cursor..<wordEnd(after: cursor)) }

    /// Inserts what the last kill deleted.
    public mutating func yank() { insert(String(killed)) }

    /// Swaps the character before the cursor with the one under it (at the end of the line: the
    /// last two), and moves the cursor on, as Emacs and readline do.
    public mutating func transpose() {
        guard characters.count >= 2, cursor > 0 else { return }
        let at = cursor == characters.count ? cursor - 1 : cursor
        characters.swapAt(at - 1, at)
        cursor = min(characters.count, at + 1)
    }

    /// Replaces the whole line (a line recalled from the history), cursor at the end.
    public mutating func replace(with text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    private mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killed = Array(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private func wordStart(before index: Int) -> Int {
        var index = index
        while index > 0, !isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after index: Int) -> Int {
        var index = index
        while index < characters.count, !isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
        return index
    }
}
