public import TwinLanguage

/// Everything the engine remembers of one participant's conversation: a plain value that the
/// store saves whole after every turn and that resumes exactly where it stopped.
public struct SessionState: Codable, Sendable, Hashable {
    /// What the conversation waits for.
    public enum Awaiting: String, Codable, Sendable, Hashable {
        /// Nothing yet: the conversation has not started.
        case nothing
        /// The answer to the question of the top frame.
        case answer
        /// A yes or no to "start this part over?".
        case restartConfirmation
    }

    /// The participant's language.
    public var language: Language
    /// Every slot that has a value. A skipped or cleared slot is absent, never `null`.
    public var slots: [String: Value]
    /// The running dialogs, outermost first.
    public var stack: [Frame]
    /// What the next input is taken as.
    public var awaiting: Awaiting
    /// Rejected answers in a row to the current question.
    public var attempts: Int
    /// Paused with `stop`: the next message resumes instead of answering.
    public var isPaused: Bool
    /// The most recent answers, newest last, for `back`.
    public var undo: [UndoRecord]
    /// How many questions were answered (or skipped) in all.
    public var answered: Int

    /// How many answers `back` can take back.
    public static let undoDepth = 12

    /// A conversation that has not started, in `language`.
    public init(language: Language = .default) {
        self.language = language
        self.slots = [:]
        self.stack = []
        self.awaiting = .nothing
        self.attempts = 0
        self.isPaused = false
        self.undo = []
        self.answered = 0
    }

    /// Whether the first message has opened the conversation.
    public var hasStarted: Bool { !stack.isEmpty }

    /// The (dialog, step) pairs this state refers to, for checking stored sessions against
    /// changed dialogs.
    public var referencedSteps: [(dialog: String, step: String)] {
        let frames = stack + undo.flatMap(\.stack)
        var seen = Set<Frame>()
        var result: [(String, String)] = []
        for frame in frames {
            for id in [frame.step, frame.returnAfter].compactMap({ $0 }) {
                let key = Frame(dialog: frame.dialog, step: id)
                if seen.insert(key).inserted { result.append((frame.dialog, id)) }
            }
        }
        return result
    }
}
