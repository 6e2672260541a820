/// The lines entered in this session, recalled with ↑ and ↓.
///
/// Kept in memory only: the lines are a participant's answers — names, organisations,
/// motivations — and a history file would keep personal data outside the database, where
/// `jobtwin erase` cannot reach it.
public struct LineHistory: Sendable {
    /// The lines, oldest first.
    public private(set) var entries: [String] = []
    /// The most lines kept; older ones are dropped.
    public let capacity: Int
    /// While browsing: the index of the entry shown.
    private var position: Int?
    /// While browsing: the line being written before the first ↑, given back by ↓ at the end.
    private var draft = ""

    /// An empty history of at most `capacity` lines.
    public init(capacity: Int = 500) {
        self.capacity = max(1, capacity)
    }

    /// Adds an entered line (not an empty one, nor the same line twice in a row) and ends any
    /// browsing.
    public mutating func add(_ line: String) {
        position = nil
        guard !line.allSatisfy(\.isWhitespace), entries.last != line else { return }
        entries.append(line)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// The entry before the one shown (the newest at the first call), or `nil` when there is
    /// none; `current` is the line being edited, kept to come back to.
    public mutating func previous(current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        guard let position else {
            draft = current
            self.position = entries.count - 1
            return entries[entries.count - 1]
        }
        guard position > 0 else { return nil }
        self.position = position - 1
        return entries[position - 1]
    }

    /// The entry after the one shown; past the newest, the line that was being written.
    public mutating func next() -> String? {
        guard let position else { return nil }
        if position + 1 < entries.count {
            self.position = position + 1
            return entries[position + 1]
        }
        self.position = nil
        return draft
    }

    /// Ends browsing without changing the line (the recalled line is edited from here on).
    public mutating func stopBrowsing() { position = nil }
}
