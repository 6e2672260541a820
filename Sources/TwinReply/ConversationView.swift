/// The conversation as a channel draws it anew — a page reloaded, the link opened on another
/// device: the question the participant is at, and the questions answered before it in the
/// parts under way.
public struct ConversationView: Sendable, Hashable {
    /// One question answered earlier, with its answer as the summaries show it.
    public struct Answered: Sendable, Hashable {
        /// The question, in the participant's language.
        public var question: String
        /// The answer: an option's label, a date written out, the text typed.
        public var answer: String

        /// Creates an answered question.
        public init(question: String, answer: String) {
            self.question = question
            self.answer = answer
        }
    }

    /// The pending question as a reply: its text is the only message, `turn` the turn it was
    /// asked at (nothing was taken to show it).
    public var reply: Reply
    /// The questions answered so far in the parts under way, oldest first.
    public var answered: [Answered]

    /// Creates a view.
    public init(reply: Reply, answered: [Answered]) {
        self.reply = reply
        self.answered = answered
    }
}
